// At and after the meeting: either side marks it held or no-show, and each side leaves short feedback.
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { FeedbackInput } from "./matchmaking.schema";

type OutcomeRefusal = "not_found" | "too_early" | "not_held";

/** The person's published (or already marked) meeting with its start, or undefined. */
function ownMeeting(db: Executor, participantId: string, meetingId: string) {
  return db.selectFrom("meeting as m").innerJoin("meetingAttendance as a", "a.meetingId", "m.id").innerJoin("meetingSlot as s", "s.id", "m.slotId")
    .select(["m.id", "m.status", "s.startsAt"]).where("m.id", "=", meetingId).where("a.participantId", "=", participantId)
    .where("m.status", "in", ["published", "held", "no_show"]).executeTakeFirst();
}

/**
 * Marks a meeting held or no-show (from its start on; either side may correct it later).
 *
 * @example await markOutcome(db, { participantId, meetingId, outcome: "held", now: new Date() })
 */
export async function markOutcome(
  db: Executor, input: { participantId: string; meetingId: string; outcome: "held" | "no_show"; now: Date },
): Promise<Result<null, OutcomeRefusal>> {
  const meeting = await ownMeeting(db, input.participantId, input.meetingId);
  if (!meeting) return fail("not_found");
  if (input.now < meeting.startsAt) return fail("too_early");
  await db.updateTable("meeting").set({ status: input.outcome, updatedAt: sql`now()` }).where("id", "=", meeting.id).execute();
  return ok(null);
}

/** Saves (or replaces) the person's feedback on a held meeting. */
export async function saveFeedback(db: Executor, participantId: string, input: FeedbackInput): Promise<Result<null, OutcomeRefusal>> {
  const meeting = await ownMeeting(db, participantId, input.meetingId);
  if (!meeting) return fail("not_found");
  if (meeting.status !== "held") return fail("not_held");
  const values = { interest: input.interest, nextStep: input.nextStep, note: input.note };
  await db.insertInto("meetingFeedback").values({ meetingId: meeting.id, participantId, ...values })
    .onConflict((oc) => oc.columns(["meetingId", "participantId"]).doUpdateSet({ ...values, updatedAt: sql`now()` })).execute();
  return ok(null);
}

/** The person's own feedback per meeting id. */
export async function listOwnFeedback(db: Executor, participantId: string) {
  const rows = await db.selectFrom("meetingFeedback").select(["meetingId", "interest", "nextStep", "note"]).where("participantId", "=", participantId).execute();
  return Object.fromEntries(rows.map((r) => [r.meetingId, r]));
}
