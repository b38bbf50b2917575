// The organizer's side of the gates: reading, changing and deleting check-in lists, the device list, and scans
// the server recorded as forced (possible double entries). Creating lists and devices is in gates.server.ts.
import { clearGateDeviceCache } from "./device-cache.server";
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { fail, ok, type Result } from "~/utils/result";
import { CheckinListSchema, type CheckinListInput } from "./checkin.schema";
import type { BadgeKind } from "./decide-entry";
import type { ListRules } from "./gates.server";

export type CheckinListView = { id: string; name: string; rules: ListRules; devices: number; scans: number };
export type GateDeviceView = {
  id: string; name: string; checkinListId: string; listName: string; createdAt: Date; lastSeenAt: Date | null; revokedAt: Date | null;
};
type Actor = { by?: string | null; now: Date };

/** Every check-in list of the event with its rules, its live devices and how many scans it holds. */
export async function listCheckinLists(db: Executor, eventId: string): Promise<CheckinListView[]> {
  const rows = await db.selectFrom("checkinList as l")
    .select((eb) => [
      "l.id", "l.name", "l.allowMultipleEntries", "l.allowEntryAfterExit", "l.includePending", "l.kinds",
      sql<string[] | null>`l.days::text[]`.as("days"), "l.opensAt", "l.closesAt", "l.maxEntriesPerDay", "l.maxEntriesTotal",
      eb.selectFrom("gateDevice as d").select(sql<number>`count(*)::int`.as("n")).whereRef("d.checkinListId", "=", "l.id").where("d.revokedAt", "is", null).as("devices"),
      eb.selectFrom("checkin as c").select(sql<number>`count(*)::int`.as("n")).whereRef("c.checkinListId", "=", "l.id").as("scans"),
    ])
    .where("l.eventId", "=", eventId)
    .orderBy(sql`lower(l.name)`)
    .execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, devices: Number(r.devices ?? 0), scans: Number(r.scans ?? 0),
    rules: {
      allowMultipleEntries: r.allowMultipleEntries, allowEntryAfterExit: r.allowEntryAfterExit, includePending: r.includePending,
      kinds: r.kinds as BadgeKind[] | null, days: r.days, opensAt: r.opensAt?.toISOString() ?? null, closesAt: r.closesAt?.toISOString() ?? null,
      maxEntriesPerDay: r.maxEntriesPerDay, maxEntriesTotal: r.maxEntriesTotal,
    },
  }));
}

/** One list of the event, or undefined (another event's list does not exist here). */
export async function getCheckinList(db: Executor, eventId: string, listId: string): Promise<CheckinListView | undefined> {
  return (await listCheckinLists(db, eventId)).find((l) => l.id === listId);
}

/**
 * Changes a list's name and rules. Devices on the list pick the new rules up with their next scan or sync.
 *
 * @example
 * await updateCheckinList(db, eventId, listId, { name: "Hari 2", days: ["2026-11-21"] }, { by, now })
 */
export async function updateCheckinList(
  db: Executor, eventId: string, listId: string, input: CheckinListInput, actor: Actor,
): Promise<Result<{ id: string }, "invalid" | "not_found" | "name_taken">> {
  const parsed = CheckinListSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)[0]);
  const { kinds, days, ...rules } = parsed.data;
  const clash = await db.selectFrom("checkinList").select("id")
    .where("eventId", "=", eventId).where("id", "<>", listId).where(sql`lower(name)`, "=", rules.name.toLowerCase()).executeTakeFirst();
  if (clash) return fail("name_taken");
  const row = await db.updateTable("checkinList")
    .set({ ...rules, kinds: kinds ? sql`${kinds}::text[]` : null, days: days ? sql`${days}::date[]` : null })
    .where("id", "=", listId).where("eventId", "=", eventId)
    .returning("id").executeTakeFirst();
  if (!row) return fail("not_found");
  clearGateDeviceCache(); // devices carry their list's rules in the scan API's cache
  await audit(db, { action: "checkin_list.updated", actorUserId: actor.by ?? null, eventId, entity: "checkin_list", entityId: listId, data: parsed.data });
  return ok(row);
}

/**
 * Deletes a list and its devices, but only while nobody was scanned on it: the scan log is history and keeps
 * its list (`in_use`; revoke the devices instead).
 */
export async function deleteCheckinList(db: Executor, eventId: string, listId: string, actor: Actor): Promise<Result<{ id: string }, "not_found" | "in_use">> {
  const list = await getCheckinList(db, eventId, listId);
  if (!list) return fail("not_found");
  if (list.scans > 0) return fail("in_use");
  // The scan-log foreign key also refuses a scan that arrived in between: that is in_use too.
  try {
    await db.deleteFrom("checkinList").where("id", "=", listId).where("eventId", "=", eventId).execute();
  } catch (error) {
    if ((error as { code?: string }).code === "23503") return fail("in_use");
    throw error;
  }
  clearGateDeviceCache();
  await audit(db, { action: "checkin_list.deleted", actorUserId: actor.by ?? null, eventId, entity: "checkin_list", entityId: listId, data: { name: list.name } });
  return ok({ id: listId });
}

/** The event's gate devices, live ones first, then by name. Tokens are never readable again. */
export async function listGateDevices(db: Executor, eventId: string): Promise<GateDeviceView[]> {
  return db.selectFrom("gateDevice as d").innerJoin("checkinList as l", "l.id", "d.checkinListId")
    .select(["d.id", "d.name", "d.checkinListId", "l.name as listName", "d.createdAt", "d.lastSeenAt", "d.revokedAt"])
    .where("d.eventId", "=", eventId)
    .orderBy(sql`d.revoked_at is not null`).orderBy(sql`lower(d.name)`).orderBy("d.createdAt", "desc")
    .execute();
}
