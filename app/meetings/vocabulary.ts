/**
 * Fixed vocabularies of matchmaking, mirrored by CHECK constraints in db/migrations/20261123T0720_matchmaking.js.
 * Pure and client-safe.
 */
import type { BuyerType, FeedbackInterest, FeedbackNextStep, MatchmakingMode, MeetingLocationKind, MeetingRequestStatus, MeetingStatus } from "../../db/schema";

export const BUYER_TYPES = [
  "retailer", "wholesaler", "exporter", "horeka", "marketplace_curator", "government", "other",
] as const satisfies readonly BuyerType[];
export const MATCHMAKING_MODES = ["live", "batch"] as const satisfies readonly MatchmakingMode[];
export const LOCATION_KINDS = ["tables", "booth"] as const satisfies readonly MeetingLocationKind[];
export const REQUEST_STATUSES = ["requested", "accepted", "declined", "cancelled"] as const satisfies readonly MeetingRequestStatus[];
export const MEETING_STATUSES = ["scheduled", "locked", "published", "held", "no_show", "cancelled"] as const satisfies readonly MeetingStatus[];
/** Meetings that occupy their slot and table (everything but cancelled). */
export const LIVE_MEETING_STATUSES = ["scheduled", "locked", "published", "held", "no_show"] as const satisfies readonly MeetingStatus[];

/** Page size of the directory and of the organizer's participant list. */
export const MATCH_PAGE_SIZE = 20;

export const FEEDBACK_INTERESTS = ["high", "medium", "low"] as const satisfies readonly FeedbackInterest[];
export const FEEDBACK_NEXT_STEPS = ["order", "sample", "visit", "follow_up", "none"] as const satisfies readonly FeedbackNextStep[];
