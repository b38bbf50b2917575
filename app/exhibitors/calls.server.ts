/**
 * The organizer's call for exhibitors of one event: its window (in the event's zone), the sectors it accepts,
 * the booth sizes it offers with their fees, and the curation criteria. Every function takes the event id the
 * route checked with requireEventAccess.
 */
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Sector } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { localToInstant } from "~/utils/time";
import type { CallInput } from "./exhibitor.schema";

export function getCall(db: Executor, eventId: string) {
  return db.selectFrom("exhibitorCall").select(["opensAt", "closesAt", "sectors", "intro"]).where("eventId", "=", eventId).executeTakeFirst();
}

export function listBoothSizes(db: Executor, eventId: string) {
  return db.selectFrom("boothSize").select(["id", "sizeM2", "feeIdr", "staffLimit"]).where("eventId", "=", eventId).orderBy("sizeM2").execute();
}

export function listCriteria(db: Executor, eventId: string) {
  return db.selectFrom("curationCriterion").select(["id", "name", "weight"]).where("eventId", "=", eventId).orderBy("sort").orderBy("name").execute();
}

/** Everything the call settings page shows. */
export async function getCallSettings(db: Executor, eventId: string) {
  const [call, sizes, criteria] = await Promise.all([getCall(db, eventId), listBoothSizes(db, eventId), listCriteria(db, eventId)]);
  return { call: call ?? null, sizes, criteria };
}

/**
 * Opens (or changes) the call. The dates and times are wall-clock times in the event's zone; the window is
 * stored as instants. An empty sector list accepts every sector.
 */
export async function saveCall(db: Executor, event: { id: string; timeZone: string }, input: CallInput): Promise<Result<null, "invalid_time">> {
  const opensAt = localToInstant(input.opensDay, input.opensTime, event.timeZone);
  const closesAt = localToInstant(input.closesDay, input.closesTime, event.timeZone);
  if (!opensAt || !closesAt || closesAt <= opensAt) return fail("invalid_time");
  const sectors = [...new Set(input.sectors)] as Sector[];
  // An array literal of validated enum values (no quoting needed): both drivers take it as text[].
  const values = { opensAt, closesAt, sectors: sql<Sector[]>`${`{${sectors.join(",")}}`}::text[]`, intro: input.intro };
  await db.insertInto("exhibitorCall").values({ eventId: event.id, ...values })
    .onConflict((oc) => oc.column("eventId").doUpdateSet(values)).execute();
  return ok(null);
}

/** Adds a booth size; one row per size and event (`booth_size_event_id_size_m2_uq`). */
export async function addBoothSize(
  db: Executor,
  eventId: string,
  input: { sizeM2: number; fee: string; staffLimit: number },
): Promise<Result<{ id: string }, "size_exists">> {
  try {
    const row = await db.insertInto("boothSize").values({ eventId, sizeM2: input.sizeM2, feeIdr: input.fee, staffLimit: input.staffLimit })
      .returning("id").executeTakeFirstOrThrow();
    return ok(row);
  } catch (error) {
    if (dbErrorInfo(error).constraint === "booth_size_event_id_size_m2_uq") return fail("size_exists");
    throw error;
  }
}

/** Removes an offered size. Drafts that chose it must pick another before they can be submitted. */
export async function deleteBoothSize(db: Executor, eventId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("boothSize").where("id", "=", id).where("eventId", "=", eventId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function addCriterion(db: Executor, eventId: string, input: { name: string; weight: number }): Promise<Result<{ id: string }, "criterion_exists">> {
  const next = await db.selectFrom("curationCriterion").select((eb) => eb.fn.countAll<number>().as("n")).where("eventId", "=", eventId).executeTakeFirstOrThrow();
  try {
    const row = await db.insertInto("curationCriterion").values({ eventId, name: input.name, weight: input.weight, sort: Number(next.n) })
      .returning("id").executeTakeFirstOrThrow();
    return ok(row);
  } catch (error) {
    if (dbErrorInfo(error).constraint === "curation_criterion_event_id_name_uq") return fail("criterion_exists");
    throw error;
  }
}

/** Removes a criterion that nobody scored yet; once curators used it, removing it would silently drop their scores. */
export async function deleteCriterion(db: Executor, eventId: string, id: string): Promise<Result<null, "not_found" | "criterion_scored">> {
  const scored = await db.selectFrom("curationScore").select("criterionId").where("criterionId", "=", id).limit(1).executeTakeFirst();
  if (scored) return fail("criterion_scored");
  const result = await db.deleteFrom("curationCriterion").where("id", "=", id).where("eventId", "=", eventId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0 ? ok(null) : fail("not_found");
}

/** A published event with its call, for the public call page and the apply page (undefined: no such published event). */
export async function getPublicCall(db: Executor, slug: string) {
  const event = await db.selectFrom("event as e").innerJoin("organization as o", "o.id", "e.organizationId")
    .select(["e.id", "e.slug", "e.name", "e.timeZone", "e.firstDay", "e.lastDay", "e.city", "e.venueName", "e.organizationId", "o.name as organizerName"])
    .where("e.slug", "=", slug).where("e.status", "=", "published").executeTakeFirst();
  if (!event) return undefined;
  const [call, sizes] = await Promise.all([getCall(db, event.id), listBoothSizes(db, event.id)]);
  return { event, call: call ?? null, sizes };
}

/** Published events whose call is open at `now`, soonest closing first (the exhibitor dashboard lists them). */
export function listOpenCalls(db: Executor, now: Date, limit = 10) {
  return db.selectFrom("exhibitorCall as c").innerJoin("event as e", "e.id", "c.eventId").innerJoin("organization as o", "o.id", "e.organizationId")
    .select(["e.slug", "e.name", "e.city", "e.timeZone", "e.firstDay", "e.lastDay", "c.closesAt", "o.name as organizerName"])
    .where("e.status", "=", "published").where("c.opensAt", "<=", now).where("c.closesAt", ">", now)
    .orderBy("c.closesAt").limit(limit).execute();
}
