// Organizer side of matchmaking: settings per event and the meeting grid (blocks → slots).
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { localToInstant } from "~/utils/time";
import { buildSlots, findOverlap, type GridError } from "./grid";
import type { BlockInput, SettingsInput } from "./matchmaking.schema";

export type MatchSettings = {
  enabled: boolean;
  mode: "live" | "batch";
  openRequestLimit: number;
  allowBuyerBuyer: boolean;
  allowSellerSeller: boolean;
  requestDeadline: Date | null;
  locationKind: "tables" | "booth";
  tableCount: number;
};

export const DEFAULT_SETTINGS: MatchSettings = {
  enabled: false, mode: "live", openRequestLimit: 10, allowBuyerBuyer: false, allowSellerSeller: false,
  requestDeadline: null, locationKind: "tables", tableCount: 10,
};

/** The event's settings, or the defaults (matchmaking off) when the organizer never saved them. */
export async function getSettings(db: Executor, eventId: string): Promise<MatchSettings> {
  const row = await db.selectFrom("matchmakingSettings")
    .select(["enabled", "mode", "openRequestLimit", "allowBuyerBuyer", "allowSellerSeller", "requestDeadline", "locationKind", "tableCount"])
    .where("eventId", "=", eventId).executeTakeFirst();
  return row ?? DEFAULT_SETTINGS;
}

export async function saveSettings(db: Executor, event: { id: string; timeZone: string }, input: SettingsInput): Promise<Result<null, "bad_deadline">> {
  const requestDeadline = input.deadlineDay && input.deadlineTime ? localToInstant(input.deadlineDay, input.deadlineTime, event.timeZone) : null;
  if (input.deadlineDay && !requestDeadline) return fail("bad_deadline");
  const values = {
    enabled: input.enabled, mode: input.mode, openRequestLimit: input.openRequestLimit, allowBuyerBuyer: input.allowBuyerBuyer,
    allowSellerSeller: input.allowSellerSeller, requestDeadline, locationKind: input.locationKind, tableCount: input.tableCount,
  };
  await db.insertInto("matchmakingSettings").values({ eventId: event.id, ...values })
    .onConflict((oc) => oc.column("eventId").doUpdateSet({ ...values, updatedAt: sql`now()` })).execute();
  return ok(null);
}

export type BlockError = GridError | "outside_event" | "grid_overlap";

/**
 * Adds a block of slots to the grid. A block that overlaps existing slots is refused as a whole; the exclusion
 * constraint catches the same thing when two organizers add blocks at once.
 */
export async function addBlock(
  db: Executor, event: { id: string; timeZone: string; firstDay: string; lastDay: string }, input: BlockInput,
): Promise<Result<{ slots: number }, BlockError>> {
  if (input.day < event.firstDay || input.day > event.lastDay) return fail("outside_event");
  const built = buildSlots(input, event.timeZone);
  if (!built.ok) return built;
  const existing = await db.selectFrom("meetingSlot").select(["startsAt", "endsAt"]).where("eventId", "=", event.id).where("day", "=", input.day).execute();
  if (findOverlap(existing, built.value)) return fail("grid_overlap");
  try {
    await db.transaction().execute(async (trx) => {
      const block = await trx.insertInto("meetingBlock").values({
        eventId: event.id, day: input.day, startTime: input.startTime.replace(".", ":"), endTime: input.endTime.replace(".", ":"),
        slotMinutes: input.slotMinutes, breaks: input.breaks,
      }).returning("id").executeTakeFirstOrThrow();
      await trx.insertInto("meetingSlot")
        .values(built.value.map((s) => ({ eventId: event.id, blockId: block.id, day: input.day, startsAt: s.startsAt, endsAt: s.endsAt })))
        .execute();
    });
  } catch (error) {
    if (dbErrorInfo(error).constraint === "meeting_slot_no_overlap_excl") return fail("grid_overlap");
    throw error;
  }
  return ok({ slots: built.value.length });
}

/** Removes a block and its slots; refused while a meeting is booked in one of them. */
export async function deleteBlock(db: Executor, eventId: string, blockId: string): Promise<Result<null, "not_found" | "has_meetings">> {
  const used = await db.selectFrom("meeting as m").innerJoin("meetingSlot as s", "s.id", "m.slotId")
    .select("m.id").where("s.blockId", "=", blockId).where("m.status", "<>", "cancelled").executeTakeFirst();
  if (used) return fail("has_meetings");
  try {
    const res = await db.transaction().execute(async (trx) => {
      // Cancelled meetings keep their history row but must not pin the slot (FK restrict).
      await trx.deleteFrom("meeting").where("slotId", "in", trx.selectFrom("meetingSlot").select("id").where("blockId", "=", blockId))
        .where("status", "=", "cancelled").execute();
      return trx.deleteFrom("meetingBlock").where("id", "=", blockId).where("eventId", "=", eventId).executeTakeFirst();
    });
    return res.numDeletedRows > 0n ? ok(null) : fail("not_found");
  } catch (error) {
    if (dbErrorInfo(error).code === "23503") return fail("has_meetings");
    throw error;
  }
}

export function listBlocks(db: Executor, eventId: string) {
  return db.selectFrom("meetingBlock as b")
    .select(["b.id", "b.day", "b.startTime", "b.endTime", "b.slotMinutes", "b.breaks"])
    .select((eb) => eb.selectFrom("meetingSlot as s").whereRef("s.blockId", "=", "b.id").select(eb.fn.countAll<number>().as("n")).as("slotCount"))
    .where("b.eventId", "=", eventId).orderBy("b.day").orderBy("b.startTime").execute()
    .then((rows) => rows.map((r) => ({ ...r, slotCount: Number(r.slotCount) })));
}

export type SlotRow = { id: string; day: string; startsAt: Date; endsAt: Date };

export function listSlots(db: Executor, eventId: string): Promise<SlotRow[]> {
  return db.selectFrom("meetingSlot").select(["id", "day", "startsAt", "endsAt"]).where("eventId", "=", eventId).orderBy("startsAt").execute();
}
