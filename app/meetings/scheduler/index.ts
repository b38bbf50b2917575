// Public surface of the batch matchmaking scheduler (pure: no I/O, no clock unless passed in).
export { parseInstance, type Instance, type MeetingRequest, type Participant, type Slot } from "./instance";
export { findEarliestSlot, type EarliestSlot, type LiveBookingInput, type LiveSlot } from "./live-booking";
export { type Result, type ScheduledMeeting, type UnscheduledReason } from "./result";
export { schedule, scheduleWithReport, type ScheduleOptions, type ScheduleReport } from "./schedule";
export { upperBound, type UpperBound } from "./upper-bound";
export { validateResult } from "./validate";
