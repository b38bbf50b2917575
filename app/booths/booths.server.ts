// The floor plan: halls and their booths with live status, bulk creation, editing ("move"), deletion, and the
// self-selection window. The exclusion constraint booth_footprint_excl and the unique index
// booth_event_id_code_uq are the real guards; the pure checks in floor-plan.ts only name the booth at fault.
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Db, Executor, Trx } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { localToInstant } from "~/utils/time";
import type { BoothInput, BulkInput, WindowInput } from "./booth.schema";
import { annotateHall, boothStatus, findOverlap, hallExtent, planBulk, type BoothStatus, type BulkProblem } from "./floor-plan";
import type { BoothRect } from "./geometry";

/** Runs `fn` in the caller's transaction, or opens one. */
export function inTransaction<T>(db: Executor, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Trx) : (db as Db).transaction().execute(fn);
}

/** Live assignments are `held` or `confirmed` (the partial unique indexes count exactly these). */
export const LIVE = ["held", "confirmed"] as const;

export type MapBooth = BoothRect & {
  id: string;
  hallId: string;
  sizeM2: number;
  zone: string;
  priceIdr: string;
  status: BoothStatus;
  applicationId: string | null;
  exhibitorName: string | null;
  corner: boolean;
  adjacent: string[];
};

export function listHalls(db: Executor, eventId: string) {
  return db.selectFrom("hall")
    .select(["hall.id", "hall.name", (eb) => eb.selectFrom("booth").whereRef("booth.hallId", "=", "hall.id")
      .select(eb.fn.countAll<number>().as("n")).as("boothCount")])
    .where("hall.eventId", "=", eventId).orderBy("hall.name").execute()
    .then((rows) => rows.map((r) => ({ id: r.id, name: r.name, boothCount: Number(r.boothCount ?? 0) })));
}

/** Every booth of one hall with its live status and exhibitor, plus corner and neighbours from geometry. */
export async function listHallBooths(db: Executor, eventId: string, hallId: string): Promise<MapBooth[]> {
  const rows = await db.selectFrom("booth as b")
    .leftJoin("boothAssignment as a", (join) => join.onRef("a.boothId", "=", "b.id").on("a.status", "in", LIVE))
    .leftJoin("application as ap", "ap.id", "a.applicationId")
    .leftJoin("business as bu", "bu.id", "ap.businessId")
    .select(["b.id", "b.hallId", "b.code", "b.x", "b.y", "b.w", "b.h", "b.sizeM2", "b.zone", "b.priceIdr",
      "a.status as assignmentStatus", "a.applicationId", "bu.name as exhibitorName"])
    .where("b.eventId", "=", eventId).where("b.hallId", "=", hallId)
    .orderBy("b.y").orderBy("b.x").execute();
  return annotateHall(rows.map(({ assignmentStatus, ...r }) => ({
    ...r, status: boothStatus(assignmentStatus === "released" ? null : assignmentStatus), applicationId: r.applicationId ?? null, exhibitorName: r.exhibitorName ?? null,
  })));
}

/** The hall to show: the one asked for, else the one holding `boothCode`, else the first with booths, else the first. */
export async function pickHall(db: Executor, eventId: string, halls: Array<{ id: string; boothCount: number }>, wanted: { hallId?: string | null; boothCode?: string | null }) {
  if (wanted.hallId && halls.some((h) => h.id === wanted.hallId)) return wanted.hallId;
  if (wanted.boothCode) {
    const row = await db.selectFrom("booth").select("hallId").where("eventId", "=", eventId)
      .where(sql<string>`lower(code)`, "=", wanted.boothCode.toLowerCase()).executeTakeFirst();
    if (row) return row.hallId;
  }
  return (halls.find((h) => h.boothCount > 0) ?? halls[0])?.id ?? null;
}

export type HallPlan = { hall: { id: string; name: string }; extent: { width: number; height: number }; booths: MapBooth[] };

export async function loadHallPlan(db: Executor, eventId: string, halls: Array<{ id: string; name: string }>, hallId: string | null): Promise<HallPlan | null> {
  const hall = halls.find((h) => h.id === hallId);
  if (!hall) return null;
  const booths = await listHallBooths(db, eventId, hall.id);
  return { hall: { id: hall.id, name: hall.name }, extent: hallExtent(booths), booths };
}

export type BoothCounts = { total: number; available: number; held: number; assigned: number };

export async function countBooths(db: Executor, eventId: string): Promise<BoothCounts> {
  const row = await db.selectFrom("booth as b")
    .leftJoin("boothAssignment as a", (join) => join.onRef("a.boothId", "=", "b.id").on("a.status", "in", LIVE))
    .select([
      sql<number>`count(*)::int`.as("total"),
      sql<number>`count(*) filter (where a.status = 'held')::int`.as("held"),
      sql<number>`count(*) filter (where a.status = 'confirmed')::int`.as("assigned"),
    ])
    .where("b.eventId", "=", eventId).executeTakeFirstOrThrow();
  const total = Number(row.total);
  return { total, held: Number(row.held), assigned: Number(row.assigned), available: total - Number(row.held) - Number(row.assigned) };
}

/** The call's self-selection window and booth sizes (fees and staff limits), or nulls without a call. */
export async function getCallSettings(db: Executor, eventId: string) {
  const [call, sizes] = await Promise.all([
    db.selectFrom("exhibitorCall").select(["selectionOpensAt", "selectionClosesAt"]).where("eventId", "=", eventId).executeTakeFirst(),
    db.selectFrom("boothSize").select(["sizeM2", "feeIdr", "staffLimit"]).where("eventId", "=", eventId).orderBy("sizeM2").execute(),
  ]);
  return { hasCall: Boolean(call), window: call ? { opensAt: call.selectionOpensAt, closesAt: call.selectionClosesAt } : null, sizes };
}

export type BulkPlanned = { hallId: string; count: number; booths: BoothRect[]; sizeM2: number; priceIdr: string };

/**
 * Plans (dryRun) or creates a grid of booths, all or nothing. Size defaults to w × h (a cell is 1 m); the
 * price defaults to the call's fee for that size, else free.
 */
export async function createBoothsInBulk(db: Executor, eventId: string, input: BulkInput, opts: { dryRun: boolean }): Promise<Result<BulkPlanned, BulkProblem | "hall_not_found">> {
  const hall = await db.selectFrom("hall").select("id").where("id", "=", input.hallId).where("eventId", "=", eventId).executeTakeFirst();
  if (!hall) return fail("hall_not_found");
  const sizeM2 = input.sizeM2 ?? input.w * input.h;
  const fee = input.price === undefined
    ? (await db.selectFrom("boothSize").select("feeIdr").where("eventId", "=", eventId).where("sizeM2", "=", sizeM2).executeTakeFirst())?.feeIdr ?? "0"
    : input.price;
  const [hallBooths, codes] = await Promise.all([
    db.selectFrom("booth").select(["code", "x", "y", "w", "h"]).where("hallId", "=", hall.id).execute(),
    db.selectFrom("booth").select("code").where("eventId", "=", eventId).execute(),
  ]);
  const planned = planBulk({
    rows: input.rows, cols: input.cols, startX: input.startX, startY: input.startY, w: input.w, h: input.h,
    aisleEvery: input.aisleEvery, aisleWidth: input.aisleWidth, codePattern: input.codePattern,
  }, hallBooths, codes.map((c) => c.code));
  if (!planned.ok) return planned;
  const result = { hallId: hall.id, count: planned.value.length, booths: planned.value, sizeM2, priceIdr: String(fee) };
  if (opts.dryRun) return ok(result);
  try {
    await db.insertInto("booth").values(planned.value.map((b) => ({
      eventId, hallId: hall.id, code: b.code, x: b.x, y: b.y, w: b.w, h: b.h, sizeM2, zone: input.zone, priceIdr: fee,
    }))).execute();
    return ok(result);
  } catch (error) {
    // A booth written meanwhile by someone else: the constraint decided; name the booth if we can see it.
    const { constraint } = dbErrorInfo(error);
    if (constraint === "booth_footprint_excl") {
      const now = await db.selectFrom("booth").select(["code", "x", "y", "w", "h"]).where("hallId", "=", hall.id).execute();
      return fail("overlap", planned.value.map((b) => findOverlap(b, now)?.code).find(Boolean));
    }
    if (constraint === "booth_event_id_code_uq") return fail("code_taken");
    throw error;
  }
}

export function getBooth(db: Executor, eventId: string, boothId: string) {
  return db.selectFrom("booth as b").innerJoin("hall as h", "h.id", "b.hallId")
    .leftJoin("boothAssignment as a", (join) => join.onRef("a.boothId", "=", "b.id").on("a.status", "in", LIVE))
    .leftJoin("application as ap", "ap.id", "a.applicationId")
    .leftJoin("business as bu", "bu.id", "ap.businessId")
    .leftJoin("invoice as i", (join) => join.onRef("i.boothAssignmentId", "=", "a.id").on("i.status", "<>", "void"))
    .select(["b.id", "b.code", "b.hallId", "h.name as hallName", "b.x", "b.y", "b.w", "b.h", "b.sizeM2", "b.zone", "b.priceIdr",
      "a.id as assignmentId", "a.status as assignmentStatus", "a.method", "a.feeIdr", "a.assignedAt", "a.applicationId",
      "bu.name as exhibitorName", "i.number as invoiceNumber", "i.status as invoiceStatus"])
    .where("b.eventId", "=", eventId).where("b.id", "=", boothId).executeTakeFirst();
}

export type BoothProblem = "not_found" | "overlap" | "code_taken" | "size_locked" | "booth_assigned";

/**
 * Edits a booth (code, size, zone, price, position and footprint). The booth row is locked so an assignment
 * cannot slip in while its size changes; a booth with a live assignment keeps its size (the exhibitor's).
 * The assignment's fee is frozen, so a new price only affects later assignments.
 */
export function updateBooth(db: Executor, eventId: string, boothId: string, input: BoothInput): Promise<Result<{ id: string }, BoothProblem>> {
  return inTransaction(db, async (trx) => {
    const booth = await trx.selectFrom("booth").select(["id", "hallId", "sizeM2"]).where("id", "=", boothId).where("eventId", "=", eventId)
      .forUpdate().executeTakeFirst();
    if (!booth) return fail("not_found");
    if (booth.sizeM2 !== input.sizeM2 && (await liveAssignmentOf(trx, boothId))) return fail("size_locked");
    const rect = { code: input.code, x: input.x, y: input.y, w: input.w, h: input.h };
    const others = await trx.selectFrom("booth").select(["id", "code", "x", "y", "w", "h"]).where("hallId", "=", booth.hallId).execute();
    const hit = findOverlap(rect, others, boothId);
    if (hit) return fail("overlap", hit.code);
    const sameCode = await trx.selectFrom("booth").select("id").where("eventId", "=", eventId).where("id", "<>", boothId)
      .where(sql<string>`lower(code)`, "=", input.code.toLowerCase()).executeTakeFirst();
    if (sameCode) return fail("code_taken", input.code);
    // The checks above ran under the row lock, but another booth can still be inserted meanwhile: savepoint,
    // so a violated constraint does not abort the caller's transaction on PostgreSQL.
    await sql`savepoint booth_update`.execute(trx);
    try {
      await trx.updateTable("booth").set({
        code: input.code, sizeM2: input.sizeM2, zone: input.zone, x: input.x, y: input.y, w: input.w, h: input.h,
        ...(input.price === undefined ? {} : { priceIdr: input.price }),
      }).where("id", "=", boothId).execute();
      await sql`release savepoint booth_update`.execute(trx);
      return ok({ id: boothId });
    } catch (error) {
      const { constraint } = dbErrorInfo(error);
      if (constraint !== "booth_footprint_excl" && constraint !== "booth_event_id_code_uq") throw error;
      await sql`rollback to savepoint booth_update`.execute(trx);
      return fail(constraint === "booth_footprint_excl" ? "overlap" : "code_taken");
    }
  });
}

function liveAssignmentOf(db: Executor, boothId: string) {
  return db.selectFrom("boothAssignment").select("id").where("boothId", "=", boothId).where("status", "in", LIVE).executeTakeFirst();
}

/** Deletes a booth that nobody holds; the row lock makes a concurrent assignment wait or find it gone. */
export function deleteBooth(db: Executor, eventId: string, boothId: string): Promise<Result<{ code: string }, "not_found" | "booth_assigned">> {
  return inTransaction(db, async (trx) => {
    const booth = await trx.selectFrom("booth").select(["id", "code"]).where("id", "=", boothId).where("eventId", "=", eventId)
      .forUpdate().executeTakeFirst();
    if (!booth) return fail("not_found");
    if (await liveAssignmentOf(trx, boothId)) return fail("booth_assigned", booth.code);
    await trx.deleteFrom("booth").where("id", "=", boothId).execute();
    return ok({ code: booth.code });
  });
}

/** Sets (or clears, with null) the self-selection window, typed in the event's zone. */
export async function setSelectionWindow(db: Executor, event: { id: string; timeZone: string }, input: WindowInput | null): Promise<Result<null, "no_call">> {
  const values = input
    ? {
      selectionOpensAt: localToInstant(input.opensDay, input.opensTime, event.timeZone)!,
      selectionClosesAt: localToInstant(input.closesDay, input.closesTime, event.timeZone)!,
    }
    : { selectionOpensAt: null, selectionClosesAt: null };
  const result = await db.updateTable("exhibitorCall").set(values).where("eventId", "=", event.id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? ok(null) : fail("no_call");
}

export const BOOTHS_PAGE_SIZE = 40;

/**
 * Everything the organizer's floor-plan page shows: halls, the chosen hall's map, counts, the call's window
 * and sizes, and one page of the hall's booth table (searched by code or exhibitor).
 */
export async function loadFloorPlan(db: Executor, eventId: string, opts: { hallId?: string | null; q?: string; page?: number }) {
  const halls = await listHalls(db, eventId);
  const hallId = await pickHall(db, eventId, halls, { hallId: opts.hallId });
  const [plan, counts, call] = await Promise.all([loadHallPlan(db, eventId, halls, hallId), countBooths(db, eventId), getCallSettings(db, eventId)]);
  const q = opts.q?.toLowerCase() ?? "";
  const matching = (plan?.booths ?? []).filter((b) => !q || b.code.toLowerCase().includes(q) || (b.exhibitorName ?? "").toLowerCase().includes(q))
    .sort((a, b) => a.code.localeCompare(b.code, "id", { numeric: true }));
  const pages = Math.max(1, Math.ceil(matching.length / BOOTHS_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Math.floor(opts.page ?? 1) || 1));
  return {
    halls, plan, counts, call,
    table: { rows: matching.slice((page - 1) * BOOTHS_PAGE_SIZE, page * BOOTHS_PAGE_SIZE), total: matching.length, page, pageSize: BOOTHS_PAGE_SIZE },
  };
}
