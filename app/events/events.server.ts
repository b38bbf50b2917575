import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { localToInstant, addDays } from "~/utils/time";
import type { EventInput } from "./event.schema";
import { slugify, validateSlug } from "./slug";

const EVENT_COLUMNS = [
  "id", "slug", "name", "kind", "description", "venueName", "address", "city", "timeZone", "firstDay", "lastDay", "status", "publishedAt",
] as const;

function toRow(input: EventInput) {
  const { slug: _slug, ...rest } = input;
  return rest;
}

/** Creates a draft event; the slug defaults to the name and must be unique across Pendopo (public URLs). */
export async function createEvent(db: Executor, organizationId: string, input: EventInput): Promise<Result<{ id: string; slug: string }, "slug_taken">> {
  const fromName = slugify(input.name);
  // A name without Latin letters (Javanese script) or a reserved word gives no usable address: use a random one.
  const slug = input.slug || (validateSlug(fromName).ok ? fromName : `acara-${randomBytes(4).toString("hex")}`);
  try {
    const row = await db.insertInto("event").values({ ...toRow(input), slug, organizationId }).returning(["id", "slug"]).executeTakeFirstOrThrow();
    return ok(row);
  } catch (error) {
    if (dbErrorInfo(error).constraint === "event_slug_uq") return fail("slug_taken");
    throw error;
  }
}

/** Updates the details; refuses to cut days that still hold agenda sessions (nothing silently orphaned). */
export async function updateEvent(
  db: Executor,
  event: { id: string; timeZone: string },
  input: EventInput,
): Promise<Result<null, "slug_taken" | "sessions_outside_days">> {
  const from = localToInstant(input.firstDay, "00:00", input.timeZone)!;
  const to = localToInstant(addDays(input.lastDay, 1), "00:00", input.timeZone)!;
  const outside = await db.selectFrom("agendaSession").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", event.id)
    .where((eb) => eb.or([eb("startsAt", "<", from), eb("endsAt", ">", to)]))
    .executeTakeFirstOrThrow();
  if (Number(outside.n) > 0) return fail("sessions_outside_days", String(outside.n));
  try {
    await db.updateTable("event")
      .set({ ...toRow(input), ...(input.slug ? { slug: input.slug } : {}), updatedAt: sql`now()` })
      .where("id", "=", event.id).execute();
    return ok(null);
  } catch (error) {
    if (dbErrorInfo(error).constraint === "event_slug_uq") return fail("slug_taken");
    throw error;
  }
}

export async function setEventPublished(db: Executor, eventId: string, published: boolean, now: Date) {
  await db.updateTable("event")
    .set(published ? { status: "published", publishedAt: now } : { status: "draft" })
    .where("id", "=", eventId).execute();
}

export const EVENTS_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

/** The organization's events, newest first, with an optional name search and pagination. */
export async function listOrgEvents(db: Executor, organizationId: string, opts: { q?: string; page?: number }) {
  let query = db.selectFrom("event").where("organizationId", "=", organizationId);
  if (opts.q) query = query.where("name", "ilike", `%${opts.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  // A whole page number within reason: `page=1.5` or `page=1e308` would reach OFFSET as a bad bigint (a 500).
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.page ?? 1) || 1));
  const [rows, total] = await Promise.all([
    query.select(["id", "slug", "name", "kind", "city", "timeZone", "firstDay", "lastDay", "status"])
      .orderBy("firstDay", "desc").limit(EVENTS_PAGE_SIZE).offset((page - 1) * EVENTS_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize: EVENTS_PAGE_SIZE };
}

export function getEvent(db: Executor, eventId: string) {
  return db.selectFrom("event").select(EVENT_COLUMNS).where("id", "=", eventId).executeTakeFirstOrThrow();
}

/** A published event by its public slug, with its organizer; drafts do not exist for the public. */
export function getPublishedEvent(db: Executor, slug: string) {
  return db.selectFrom("event as e").innerJoin("organization as o", "o.id", "e.organizationId")
    .select(["e.id", "e.slug", "e.name", "e.kind", "e.description", "e.venueName", "e.address", "e.city", "e.timeZone",
      "e.firstDay", "e.lastDay", "o.name as organizerName"])
    .where("e.slug", "=", slug).where("e.status", "=", "published").executeTakeFirst();
}

export function listPublishedEvents(db: Executor, limit = 12) {
  return db.selectFrom("event as e").innerJoin("organization as o", "o.id", "e.organizationId")
    .select(["e.slug", "e.name", "e.kind", "e.city", "e.timeZone", "e.firstDay", "e.lastDay", "o.name as organizerName"])
    .where("e.status", "=", "published").orderBy("e.firstDay", "desc").limit(limit).execute();
}

export async function getVenue(db: Executor, eventId: string) {
  const [halls, rooms, regions] = await Promise.all([
    db.selectFrom("hall").select(["id", "name", "capacity"]).where("eventId", "=", eventId).orderBy("name").execute(),
    db.selectFrom("room").leftJoin("hall", "hall.id", "room.hallId")
      .select(["room.id", "room.name", "room.capacity", "room.hallId", "hall.name as hallName"])
      .where("room.eventId", "=", eventId).orderBy("room.name").execute(),
    db.selectFrom("eventRegion").select(["id", "name", "province", "delegation"]).where("eventId", "=", eventId).orderBy("name").execute(),
  ]);
  return { halls, rooms, regions };
}

type Duplicate = Result<{ id: string }, "duplicate_name" | "hall_not_found">;

function insertUnique<T>(run: () => Promise<{ id: string }>, constraint: string): Promise<Duplicate> {
  return run().then(ok, (error) => {
    if (dbErrorInfo(error).constraint === constraint) return fail("duplicate_name");
    throw error;
  });
}

export function addHall(db: Executor, eventId: string, input: { name: string; capacity?: number }) {
  return insertUnique(() => db.insertInto("hall").values({ eventId, name: input.name, capacity: input.capacity ?? null })
    .returning("id").executeTakeFirstOrThrow(), "hall_event_id_name_uq");
}

export async function addRoom(db: Executor, eventId: string, input: { name: string; hallId?: string; capacity?: number }): Promise<Duplicate> {
  if (input.hallId) {
    const hall = await db.selectFrom("hall").select("id").where("id", "=", input.hallId).where("eventId", "=", eventId).executeTakeFirst();
    if (!hall) return fail("hall_not_found");
  }
  return insertUnique(() => db.insertInto("room").values({ eventId, name: input.name, hallId: input.hallId ?? null, capacity: input.capacity ?? null })
    .returning("id").executeTakeFirstOrThrow(), "room_event_id_name_uq");
}

export function addRegion(db: Executor, eventId: string, input: { name: string; province: string; delegation: string }) {
  // Named fields, not a spread: the route passes its parsed form, whose `intent` is no column.
  const { name, province, delegation } = input;
  return insertUnique(() => db.insertInto("eventRegion").values({ eventId, name, province, delegation }).returning("id").executeTakeFirstOrThrow(),
    "event_region_event_id_name_uq");
}

/** Deletes a hall, room or region of this event (scoped by event, so another event's id does nothing). */
export async function deleteVenuePart(db: Executor, eventId: string, kind: "hall" | "room" | "region", id: string) {
  const table = kind === "region" ? "eventRegion" : kind;
  const result = await db.deleteFrom(table).where("id", "=", id).where("eventId", "=", eventId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
