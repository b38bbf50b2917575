// Meeting requests: send (with the open-request limit under a row lock), accept (live mode books at once),
// decline with a reason, cancel. Every refusal is a reason code and changes nothing.
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Db } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { bookingConflict, bookMeeting, cancelMeeting, lockEventBookings, type BookingFailure } from "./booking.server";
import { visibleKinds } from "./directory.server";
import type { Participant } from "./participants.server";
import type { RespondInput } from "./matchmaking.schema";
import { getSettings } from "./settings.server";

export type SendRefusal =
  | "matchmaking_off" | "after_deadline" | "self" | "not_in_event" | "kind_not_allowed" | "limit_reached" | "duplicate";

/**
 * Sends a meeting request. The limit counts the sender's open (`requested`) requests; the sender's participant
 * row is locked first, so simultaneous sends cannot all slip under the limit.
 *
 * @example await sendRequest(db, { from: me, toId, message: "Kami mencari tenun ikat", now: new Date() })
 */
export async function sendRequest(
  db: Db, input: { from: Participant; toId: string; message: string; now: Date },
): Promise<Result<{ id: string; mutual: boolean }, SendRefusal>> {
  const { from } = input;
  const settings = await getSettings(db, from.eventId);
  if (!settings.enabled) return fail("matchmaking_off");
  if (settings.requestDeadline && input.now > settings.requestDeadline) return fail("after_deadline");
  if (input.toId === from.id) return fail("self");
  const target = await db.selectFrom("meetingParticipant as p").leftJoin("application as a", "a.id", "p.applicationId")
    .select(["p.kind"]).where("p.id", "=", input.toId).where("p.eventId", "=", from.eventId)
    .where((eb) => eb.or([eb("p.kind", "=", "buyer"), eb("a.status", "=", "accepted")])).executeTakeFirst();
  if (!target) return fail("not_in_event");
  if (!visibleKinds(from.kind, settings).includes(target.kind)) return fail("kind_not_allowed");
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select id from meeting_participant where id = ${from.id} for update`.execute(trx);
      const open = await trx.selectFrom("meetingRequest").select((eb) => eb.fn.countAll<number>().as("n"))
        .where("fromId", "=", from.id).where("status", "=", "requested").executeTakeFirstOrThrow();
      if (Number(open.n) >= settings.openRequestLimit) return fail("limit_reached");
      const row = await trx.insertInto("meetingRequest").values({ eventId: from.eventId, fromId: from.id, toId: input.toId, message: input.message })
        .returning("id").executeTakeFirstOrThrow();
      const reverse = await trx.selectFrom("meetingRequest").select("id").where("fromId", "=", input.toId).where("toId", "=", from.id)
        .where("status", "in", ["requested", "accepted"]).executeTakeFirst();
      return ok({ id: row.id, mutual: Boolean(reverse) });
    });
  } catch (error) {
    if (dbErrorInfo(error).constraint === "meeting_request_from_id_to_id_uq") return fail("duplicate");
    throw error;
  }
}

export type RespondRefusal = "not_found" | "not_open" | "slot_taken";
export type RespondOutcome = { status: "accepted" | "declined" | "cancelled"; meetingId: string | null; unscheduled: BookingFailure | null };

/**
 * Accept or decline (the recipient, while requested) or cancel (the sender while requested; either side once
 * accepted, which cancels the meeting too). In live mode an acceptance books the meeting in the same
 * transaction; when no common slot is free the request stays accepted and unscheduled.
 */
export async function respondToRequest(
  db: Db, input: { me: Participant; action: RespondInput; now: Date; appUrl: string },
): Promise<Result<RespondOutcome, RespondRefusal>> {
  const { me, action } = input;
  const request = await db.selectFrom("meetingRequest").select(["id", "fromId", "toId", "status", "eventId"])
    .where("id", "=", action.requestId).where("eventId", "=", me.eventId)
    .where((eb) => eb.or([eb("fromId", "=", me.id), eb("toId", "=", me.id)])).executeTakeFirst();
  if (!request) return fail("not_found");
  const isRecipient = request.toId === me.id;
  const allowed = action.intent === "cancel"
    ? request.status === "accepted" || (request.status === "requested" && !isRecipient)
    : request.status === "requested" && isRecipient;
  if (!allowed) return fail("not_open");
  const settings = await getSettings(db, me.eventId);
  try {
    return await db.transaction().execute(async (trx) => {
      await lockEventBookings(trx, me.eventId);
      const status = action.intent === "accept" ? "accepted" : action.intent === "decline" ? "declined" : "cancelled";
      // Conditional on the status read above: of two simultaneous answers only one changes the row.
      const updated = await trx.updateTable("meetingRequest")
        .set({ status, reason: action.reason, decidedAt: input.now })
        .where("id", "=", request.id).where("status", "=", request.status).returning("id").executeTakeFirst();
      if (!updated) return fail("not_open");
      if (status === "cancelled") {
        const meetings = await trx.selectFrom("meeting").select("id").where("requestId", "=", request.id).where("status", "<>", "cancelled").execute();
        for (const m of meetings) await cancelMeeting(trx, m.id, input.appUrl);
        return ok({ status, meetingId: null, unscheduled: null });
      }
      if (status === "declined" || settings.mode !== "live") return ok({ status, meetingId: null, unscheduled: null });
      const booked = await bookMeeting(trx, { eventId: me.eventId, requestId: request.id, settings, now: input.now, appUrl: input.appUrl });
      return ok({ status, meetingId: booked.ok ? booked.value.meetingId : null, unscheduled: booked.ok ? null : booked.reason });
    });
  } catch (error) {
    if (bookingConflict(error)) return fail("slot_taken");
    throw error;
  }
}

/** The person's requests, incoming and outgoing, newest first, with the other side's name and mutual flag. */
export async function listRequests(db: Db, me: Participant) {
  const rows = await db.selectFrom("meetingRequest as r")
    .innerJoin("meetingParticipant as p", (join) => join.on(sql<boolean>`p.id = case when r.from_id = ${me.id} then r.to_id else r.from_id end`))
    .leftJoin("application as a", "a.id", "p.applicationId").leftJoin("business as b", "b.id", "a.businessId")
    .select(["r.id", "r.fromId", "r.message", "r.status", "r.reason", "r.createdAt", "p.kind as otherKind", "p.id as otherId"])
    .select((eb) => [
      eb.fn.coalesce("b.name", "p.organization").as("otherName"),
      eb.exists(eb.selectFrom("meetingRequest as r2").select("r2.id").whereRef("r2.fromId", "=", "r.toId").whereRef("r2.toId", "=", "r.fromId")).as("mutual"),
      eb.selectFrom("meeting as m").select("m.id").whereRef("m.requestId", "=", "r.id").where("m.status", "<>", "cancelled").limit(1).as("meetingId"),
    ])
    .where("r.eventId", "=", me.eventId).where((eb) => eb.or([eb("r.fromId", "=", me.id), eb("r.toId", "=", me.id)]))
    .orderBy("r.createdAt", "desc").limit(500).execute();
  return rows.map((r) => ({ ...r, incoming: r.fromId !== me.id, mutual: Boolean(r.mutual) }));
}
