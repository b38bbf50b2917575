import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Db, Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { daysBetween, localToInstant } from "~/utils/time";
import { copyDay as planCopy, findOverlap } from "./agenda-rules";
import type { SessionInput } from "./agenda.schema";

export type AgendaEvent = { id: string; timeZone: string; firstDay: string; lastDay: string };
export type SessionProblem = "overlap" | "outside_event_days" | "room_not_found" | "not_found";

export function listAgenda(db: Executor, eventId: string) {
  return db
    .selectFrom("agendaSession as s")
    .leftJoin("room as r", "r.id", "s.roomId")
    .select(["s.id", "s.title", "s.type", "s.roomId", "r.name as roomName", "s.startsAt", "s.endsAt", "s.speakers", "s.description"])
    .where("s.eventId", "=", eventId)
    .orderBy("s.startsAt")
    .orderBy("r.name")
    .execute();
}

export function getSession(db: Executor, eventId: string, sessionId: string) {
  return db.selectFrom("agendaSession").selectAll().where("eventId", "=", eventId).where("id", "=", sessionId).executeTakeFirst();
}

async function checkSession(db: Executor, event: AgendaEvent, input: SessionInput, ownId?: string): Promise<Result<{ startsAt: Date; endsAt: Date }, SessionProblem>> {
  if (!daysBetween(event.firstDay, event.lastDay).includes(input.day)) return fail("outside_event_days");
  const startsAt = localToInstant(input.day, input.startTime, event.timeZone)!;
  const endsAt = localToInstant(input.day, input.endTime, event.timeZone)!;
  if (input.roomId) {
    const room = await db.selectFrom("room").select("id").where("id", "=", input.roomId).where("eventId", "=", event.id).executeTakeFirst();
    if (!room) return fail("room_not_found");
    const clash = await overlapping(db, input.roomId, startsAt, endsAt, ownId);
    if (clash) return fail("overlap", clash);
  }
  return ok({ startsAt, endsAt });
}

/** The title of a session in the room that overlaps [startsAt, endsAt), for the error message. */
async function overlapping(db: Executor, roomId: string, startsAt: Date, endsAt: Date, ownId?: string) {
  const rows = await db.selectFrom("agendaSession").select(["id", "title", "roomId", "startsAt", "endsAt"])
    .where("roomId", "=", roomId).where("startsAt", "<", endsAt).where("endsAt", ">", startsAt).execute();
  return findOverlap({ id: ownId, roomId, startsAt, endsAt }, rows)?.title;
}

/**
 * Writes the session. Writes into one room take a transaction-scoped lock on the room before the friendly check:
 * concurrent inserts that check one exclusion constraint wait on each other's rows and deadlock on PostgreSQL
 * (40P01, resolved one per deadlock_timeout: 20 simultaneous creates once took over 30 s). The exclusion constraint
 * stays the real guard, so a clash that slips past the check still comes back as `overlap` with the other title.
 */
async function writeSession(db: Executor, event: AgendaEvent, input: SessionInput, sessionId?: string): Promise<Result<{ id: string }, SessionProblem>> {
  const { roomId } = input;
  if (!roomId) return writeChecked(db, event, input, sessionId);
  const locked = async (trx: Executor) => {
    await lockRooms(trx, [roomId]);
    return writeChecked(trx, event, input, sessionId);
  };
  return db.isTransaction ? locked(db) : (db as Db).transaction().execute(locked);
}

/** Waits for the other writers of these rooms' agendas until the end of the transaction (in one order: no deadlock). */
async function lockRooms(trx: Executor, roomIds: string[]): Promise<void> {
  for (const id of [...new Set(roomIds)].sort()) await sql`select pg_advisory_xact_lock(hashtext(${`pendopo.room:${id}`}))`.execute(trx);
}

async function writeChecked(db: Executor, event: AgendaEvent, input: SessionInput, sessionId?: string): Promise<Result<{ id: string }, SessionProblem>> {
  const checked = await checkSession(db, event, input, sessionId);
  if (!checked.ok) return checked;
  const values = {
    title: input.title, type: input.type, roomId: input.roomId ?? null, speakers: input.speakers, description: input.description,
    ...checked.value,
  };
  // In a transaction a violated constraint aborts the whole transaction on PostgreSQL (25P02), so the write runs
  // under a savepoint: after a clash we roll back to it and can still look up the other session.
  const savepoint = db.isTransaction;
  if (savepoint) await sql`savepoint agenda_session_write`.execute(db);
  try {
    const row = sessionId
      ? await db.updateTable("agendaSession").set({ ...values, updatedAt: sql`now()` })
        .where("id", "=", sessionId).where("eventId", "=", event.id).returning("id").executeTakeFirst()
      : await db.insertInto("agendaSession").values({ ...values, eventId: event.id }).returning("id").executeTakeFirst();
    if (savepoint) await sql`release savepoint agenda_session_write`.execute(db);
    return row ? ok(row) : fail("not_found");
  } catch (error) {
    if (dbErrorInfo(error).constraint !== "agenda_session_room_overlap_excl") throw error;
    if (savepoint) await sql`rollback to savepoint agenda_session_write`.execute(db);
    return fail("overlap", await overlapping(db, input.roomId!, checked.value.startsAt, checked.value.endsAt, sessionId));
  }
}

export const createSession = (db: Executor, event: AgendaEvent, input: SessionInput) => writeSession(db, event, input);
export const updateSession = (db: Executor, event: AgendaEvent, sessionId: string, input: SessionInput) => writeSession(db, event, input, sessionId);

export async function deleteSession(db: Executor, eventId: string, sessionId: string) {
  const result = await db.deleteFrom("agendaSession").where("id", "=", sessionId).where("eventId", "=", eventId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Copies one day's sessions to another day at the same local times, all or nothing: if any copy would
 * overlap a session already on the target day, nothing is written and the clash is named.
 */
export async function copyAgendaDay(db: Db, event: AgendaEvent, fromDay: string, toDay: string): Promise<Result<{ count: number }, "overlap" | "outside_event_days" | "empty_day">> {
  const days = daysBetween(event.firstDay, event.lastDay);
  if (!days.includes(fromDay) || !days.includes(toDay)) return fail("outside_event_days");
  const sessions = await listAgenda(db, event.id);
  const plan = planCopy(sessions, fromDay, toDay, event.timeZone);
  if (plan.length === 0) return fail("empty_day");
  const byId = new Map(sessions.map((s) => [s.id, s]));
  try {
    await db.transaction().execute(async (trx) => {
      await lockRooms(trx, plan.flatMap((c) => byId.get(c.sourceId)!.roomId ?? []));
      for (const copy of plan) {
        const source = byId.get(copy.sourceId)!;
        await trx.insertInto("agendaSession").values({
          eventId: event.id, roomId: source.roomId, type: source.type, title: source.title,
          speakers: source.speakers, description: source.description, startsAt: copy.startsAt, endsAt: copy.endsAt,
        }).execute();
      }
    });
    return ok({ count: plan.length });
  } catch (error) {
    if (dbErrorInfo(error).constraint !== "agenda_session_room_overlap_excl") throw error;
    const clash = plan.map((c) => ({ c, s: byId.get(c.sourceId)! }))
      .map(({ c, s }) => s.roomId && findOverlap({ roomId: s.roomId, startsAt: c.startsAt, endsAt: c.endsAt }, sessions.filter((x) => x.roomId === s.roomId)))
      .find(Boolean);
    return fail("overlap", clash ? clash.title : undefined);
  }
}
