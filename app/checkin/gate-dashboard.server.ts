// Numbers of the live gate dashboard, all from the scan log (successful scans only): people inside now, entries
// per local hour of one event day, per gate and per kind, and forced scans (possible double entries).
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import type { BadgeKind } from "./decide-entry";

export type GateStats = {
  entries: number;
  exits: number;
  /** Entries minus exits, never below zero (an exit scanned without its entry must not make it negative). */
  insideNow: number;
  /** Distinct badges that entered at least once. */
  people: number;
  forced: number;
  /** 24 local hours of `day` in the event's zone, entries per hour. */
  hourly: Array<{ hour: number; entries: number; exits: number }>;
  byGate: Array<{ gate: string; list: string; entries: number; exits: number }>;
  byKind: Array<{ kind: BadgeKind; entries: number; people: number }>;
};

/**
 * The dashboard numbers of an event; `day` is a local date ('YYYY-MM-DD') in `timeZone` for the hourly chart.
 *
 * @example
 * const s = await getGateStats(db, event.id, "Asia/Jakarta", "2026-11-20") // s.insideNow, s.hourly[9].entries …
 */
export async function getGateStats(db: Executor, eventId: string, timeZone: string, day: string): Promise<GateStats> {
  const ok = (eb: Executor) => eb.selectFrom("checkin as c").where("c.eventId", "=", eventId).where("c.successful", "=", true);
  const [totals, hourly, byGate, byKind] = await Promise.all([
    ok(db).select([
      sql<number>`count(*) filter (where c.type = 'entry')::int`.as("entries"),
      sql<number>`count(*) filter (where c.type = 'exit')::int`.as("exits"),
      sql<number>`count(distinct c.badge_id) filter (where c.type = 'entry')::int`.as("people"),
      sql<number>`count(*) filter (where c.forced)::int`.as("forced"),
    ]).executeTakeFirstOrThrow(),
    // Local hours of the day: the instant is converted to the event's wall clock before grouping.
    ok(db).select([
      sql<number>`extract(hour from c.scanned_at at time zone ${timeZone})::int`.as("hour"),
      sql<number>`count(*) filter (where c.type = 'entry')::int`.as("entries"),
      sql<number>`count(*) filter (where c.type = 'exit')::int`.as("exits"),
    ]).where(sql<boolean>`(c.scanned_at at time zone ${timeZone})::date = ${day}::date`)
      .groupBy(sql`1`).execute(),
    ok(db).leftJoin("gateDevice as d", "d.id", "c.gateDeviceId").innerJoin("checkinList as l", "l.id", "c.checkinListId")
      .select([
        sql<string>`coalesce(d.name, '')`.as("gate"), "l.name as list",
        sql<number>`count(*) filter (where c.type = 'entry')::int`.as("entries"),
        sql<number>`count(*) filter (where c.type = 'exit')::int`.as("exits"),
      ]).groupBy(["d.name", "l.name"]).orderBy(sql`3 desc`).orderBy("d.name").execute(),
    ok(db).innerJoin("badge as b", "b.id", "c.badgeId").where("c.type", "=", "entry")
      .select(["b.kind", sql<number>`count(*)::int`.as("entries"), sql<number>`count(distinct c.badge_id)::int`.as("people")])
      .groupBy("b.kind").orderBy(sql`2 desc`).orderBy("b.kind").execute(),
  ]);
  const perHour = new Map(hourly.map((h) => [Number(h.hour), h]));
  const entries = Number(totals.entries);
  const exits = Number(totals.exits);
  return {
    entries, exits, insideNow: Math.max(0, entries - exits), people: Number(totals.people), forced: Number(totals.forced),
    hourly: Array.from({ length: 24 }, (_, hour) => ({ hour, entries: Number(perHour.get(hour)?.entries ?? 0), exits: Number(perHour.get(hour)?.exits ?? 0) })),
    byGate: byGate.map((g) => ({ gate: g.gate, list: g.list, entries: Number(g.entries), exits: Number(g.exits) })),
    byKind: byKind.map((k) => ({ kind: k.kind, entries: Number(k.entries), people: Number(k.people) })),
  };
}

export type ForcedScan = { id: string; badgeName: string | null; organization: string | null; gate: string | null; list: string; scannedAt: Date; receivedAt: Date };

/**
 * Scans recorded as forced: a gate phone accepted them offline although the server would have refused them
 * (already inside, or over a limit). Newest first, paged.
 */
export async function listForcedScans(db: Executor, eventId: string, page: number, pageSize = 20): Promise<{ rows: ForcedScan[]; total: number }> {
  const base = db.selectFrom("checkin as c").where("c.eventId", "=", eventId).where("c.forced", "=", true);
  const [rows, total] = await Promise.all([
    base.leftJoin("badge as b", "b.id", "c.badgeId").leftJoin("gateDevice as d", "d.id", "c.gateDeviceId").innerJoin("checkinList as l", "l.id", "c.checkinListId")
      .select([sql<string>`c.id::text`.as("id"), "b.holderName as badgeName", "b.organizationName as organization", "d.name as gate", "l.name as list", "c.scannedAt", "c.receivedAt"])
      .orderBy("c.scannedAt", "desc").orderBy("c.id", "desc")
      .limit(pageSize).offset((Math.max(1, page) - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
