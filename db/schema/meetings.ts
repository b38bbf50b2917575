/** Tables of the matchmaking migration: settings, the meeting grid, participants, requests and meetings. */
import type { Generated } from "kysely";
import type { DateColumn, GeneratedTimestamp, Timestamp } from "./columns";

export type MatchmakingMode = "live" | "batch";
export type MeetingLocationKind = "tables" | "booth";
export interface MatchmakingSettingsTable {
  eventId: string;
  enabled: Generated<boolean>;
  mode: Generated<MatchmakingMode>;
  openRequestLimit: Generated<number>;
  allowBuyerBuyer: Generated<boolean>;
  allowSellerSeller: Generated<boolean>;
  requestDeadline: Timestamp | null;
  locationKind: Generated<MeetingLocationKind>;
  tableCount: Generated<number>;
  updatedAt: GeneratedTimestamp;
}

export interface MeetingBlockTable {
  id: Generated<string>;
  eventId: string;
  day: DateColumn;
  /** Local wall-clock times in the event zone, `HH:mm`. */
  startTime: string;
  endTime: string;
  slotMinutes: number;
  /** Breaks as `HH:mm-HH:mm` separated by commas. */
  breaks: Generated<string>;
  createdAt: GeneratedTimestamp;
}

export interface MeetingSlotTable {
  id: Generated<string>;
  eventId: string;
  blockId: string;
  day: DateColumn;
  startsAt: Timestamp;
  endsAt: Timestamp;
  /** Generated tstzrange [startsAt, endsAt); never written. */
  during: Generated<string>;
}

export type ParticipantKind = "buyer" | "seller";
export type BuyerType = "retailer" | "wholesaler" | "exporter" | "horeka" | "marketplace_curator" | "government" | "other";
export interface MeetingParticipantTable {
  id: Generated<string>;
  eventId: string;
  userId: string;
  kind: ParticipantKind;
  applicationId: string | null;
  organization: Generated<string>;
  buyerType: BuyerType | null;
  sectors: Generated<string[]>;
  productsSought: Generated<string>;
  orderVolume: number | null;
  orderUnit: Generated<string>;
  city: Generated<string>;
  province: Generated<string>;
  country: Generated<string>;
  whatsapp: string | null;
  whatsappOptIn: Generated<boolean>;
  email: Generated<string>;
  feedToken: string;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface MeetingUnavailabilityTable {
  participantId: string;
  slotId: string;
}

export type MeetingRequestStatus = "requested" | "accepted" | "declined" | "cancelled";
export interface MeetingRequestTable {
  id: Generated<string>;
  eventId: string;
  fromId: string;
  toId: string;
  message: Generated<string>;
  status: Generated<MeetingRequestStatus>;
  reason: Generated<string>;
  createdAt: GeneratedTimestamp;
  decidedAt: Timestamp | null;
}

export type MeetingStatus = "scheduled" | "locked" | "published" | "held" | "no_show" | "cancelled";
export interface MeetingTable {
  id: Generated<string>;
  eventId: string;
  requestId: string;
  slotId: string;
  /** tstzrange text, e.g. `["2026-11-20 02:00:00+00","2026-11-20 02:20:00+00")`. */
  during: string;
  tableNo: number | null;
  boothId: string | null;
  status: Generated<MeetingStatus>;
  /** ICS SEQUENCE: raised on every change of time, place or status. */
  sequence: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface MeetingAttendanceTable {
  meetingId: string;
  participantId: string;
  during: string;
  active: Generated<boolean>;
}

export type FeedbackInterest = "high" | "medium" | "low";
export type FeedbackNextStep = "order" | "sample" | "visit" | "follow_up" | "none";
export interface MeetingFeedbackTable {
  meetingId: string;
  participantId: string;
  interest: FeedbackInterest;
  nextStep: FeedbackNextStep;
  note: Generated<string>;
  updatedAt: GeneratedTimestamp;
}

export interface MeetingTables {
  matchmakingSettings: MatchmakingSettingsTable;
  meetingBlock: MeetingBlockTable;
  meetingSlot: MeetingSlotTable;
  meetingParticipant: MeetingParticipantTable;
  meetingUnavailability: MeetingUnavailabilityTable;
  meetingRequest: MeetingRequestTable;
  meeting: MeetingTable;
  meetingAttendance: MeetingAttendanceTable;
  meetingFeedback: MeetingFeedbackTable;
}
