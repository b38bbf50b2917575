// Live booking (perf.md §A, Brella/Swapcard style): an accepted request is booked into the earliest common free
// slot and the lowest free table, inside the caller's transaction. The exclusion constraints on
// meeting_attendance (person) and meeting (table) are the real guard; a per-event row lock on the settings
// makes concurrent bookings of one event take turns, so they rarely meet the constraint at all.
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Trx } from "~/utils/db.server";
import { ok, type Result } from "~/utils/result";
import { findEarliestSlot } from "./scheduler";
import { enqueueInvites } from "./invites.server";
import type { MatchSettings } from "./settings.server";

export type BookingFailure = "no_common_slot" | "capacity";

/** Serializes bookings of one event (FOR UPDATE on its settings row; nothing references that row). */
export async function lockEventBookings(trx: Trx, eventId: string): Promise<void> {
  await sql`select event_id from matchmaking_settings where event_id = ${eventId} for update`.execute(trx);
}

/** Slots where the person is busy: marked unavailable, or in a live meeting. */
async function busySlots(trx: Trx, participantId: string): Promise<string[]> {
  const rows = await trx.selectFrom("meetingUnavailability").select("slotId").where("participantId", "=", participantId)
    .union(trx.selectFrom("meetingAttendance as ma").innerJoin("meeting as m", "m.id", "ma.meetingId")
      .select("m.slotId").where("ma.participantId", "=", participantId).where("ma.active", "=", true))
    .execute();
  return rows.map((r) => r.slotId);
}

async function occupiedTables(trx: Trx, eventId: string): Promise<Record<string, number[]>> {
  const rows = await trx.selectFrom("meeting").select(["slotId", "tableNo"]).where("eventId", "=", eventId)
    .where("status", "<>", "cancelled").where("tableNo", "is not", null).execute();
  const map: Record<string, number[]> = {};
  for (const r of rows) (map[r.slotId] ??= []).push(r.tableNo!);
  return map;
}

/** The seller's booth (held or confirmed) when meetings are at the seller's booth. */
async function sellerBooth(trx: Trx, participantIds: string[]): Promise<string | null> {
  const row = await trx.selectFrom("meetingParticipant as p").innerJoin("boothAssignment as ba", "ba.applicationId", "p.applicationId")
    .select("ba.boothId").where("p.id", "in", participantIds).where("p.kind", "=", "seller").where("ba.status", "in", ["held", "confirmed"])
    .orderBy("p.id").executeTakeFirst();
  return row?.boothId ?? null;
}

/**
 * Books the request's meeting (caller holds lockEventBookings), queues both invites, and returns it.
 *
 * @example await bookMeeting(trx, { eventId, requestId, settings, now, appUrl }) // ok({ meetingId, slotId, tableNo: 1 })
 */
export async function bookMeeting(
  trx: Trx,
  input: { eventId: string; requestId: string; settings: MatchSettings; now: Date; appUrl: string },
): Promise<Result<{ meetingId: string; slotId: string; tableNo: number | null }, BookingFailure>> {
  const request = await trx.selectFrom("meetingRequest").select(["fromId", "toId"]).where("id", "=", input.requestId).executeTakeFirstOrThrow();
  const slots = await trx.selectFrom("meetingSlot").select(["id", "startsAt", "endsAt"])
    .where("eventId", "=", input.eventId).where("startsAt", ">", input.now).orderBy("startsAt").execute();
  const atTables = input.settings.locationKind === "tables";
  const [busyA, busyB, occupied] = await Promise.all([
    busySlots(trx, request.fromId), busySlots(trx, request.toId), atTables ? occupiedTables(trx, input.eventId) : {},
  ]);
  const picked = findEarliestSlot({
    slots: slots.map((s) => ({ id: s.id, tables: atTables ? input.settings.tableCount : 1 })),
    busyA, busyB, occupiedTables: occupied,
  });
  if (!picked.ok) return picked;
  const slot = slots.find((s) => s.id === picked.slot)!;
  const during = sql<string>`tstzrange(${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, '[)')`;
  // A constraint violation (23P01 overlap, 23505 second meeting) throws: it aborts the transaction, and the
  // use-case maps it to `slot_taken` after the rollback (bookingConflict).
  const meeting = await trx.insertInto("meeting").values({
    // Live bookings are announced at once (the invite goes out), so they are published from the start.
    eventId: input.eventId, requestId: input.requestId, slotId: slot.id, during, status: "published",
    tableNo: atTables ? picked.table : null, boothId: atTables ? null : await sellerBooth(trx, [request.fromId, request.toId]),
  }).returning("id").executeTakeFirstOrThrow();
  await trx.insertInto("meetingAttendance").values([request.fromId, request.toId].map((participantId) => ({ meetingId: meeting.id, participantId, during }))).execute();
  await enqueueInvites(trx, meeting.id, "REQUEST", input.appUrl, input.now);
  return ok({ meetingId: meeting.id, slotId: slot.id, tableNo: atTables ? picked.table : null });
}

/** True for the errors of a booking that lost a race: an overlap (23P01) or a second meeting for a request (23505). */
export function bookingConflict(error: unknown): boolean {
  const { code, constraint } = dbErrorInfo(error);
  return code === "23P01" || (code === "23505" && constraint === "meeting_request_id_live_uq");
}

/** Cancels a live meeting: frees both people and the table, raises SEQUENCE and sends METHOD:CANCEL. */
export async function cancelMeeting(trx: Trx, meetingId: string, appUrl: string): Promise<boolean> {
  const row = await trx.updateTable("meeting").set({ status: "cancelled", sequence: sql`sequence + 1`, updatedAt: sql`now()` })
    .where("id", "=", meetingId).where("status", "<>", "cancelled").returning("id").executeTakeFirst();
  if (!row) return false;
  await trx.updateTable("meetingAttendance").set({ active: false }).where("meetingId", "=", meetingId).execute();
  await enqueueInvites(trx, meetingId, "CANCEL", appUrl);
  return true;
}
