// Batch mode (b2match "Schedule all", Grip): the organizer runs the scheduler over every accepted request,
// looks at the preview, locks, publishes. Published and locked meetings are pinned (`fixed`) in later runs,
// so a re-run only places what is new; drafts of the previous run are replaced.
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { Db, Trx } from "~/utils/db.server";
import { assignTables, idleGapsByPerson } from "./batch-plan";
import { lockEventBookings } from "./booking.server";
import { enqueueInvites } from "./invites.server";
import { scheduleWithReport, type Instance, type UnscheduledReason } from "./scheduler";
import { getSettings } from "./settings.server";

/** Statuses a re-run must not move. */
const PINNED = ["locked", "published", "held", "no_show"] as const;
/** A run answers within this budget even for a big fair (the scheduler meets ≥ 99.5 % of the bound far sooner). */
const TIME_LIMIT_MS = 3000;

export type BatchReport = {
  scheduled: number; pinned: number; upperBound: number; requests: number; idleGaps: number; ms: number;
  unscheduled: Array<{ requestId: string; reason: UnscheduledReason; names: string }>;
  idleByPerson: Array<{ name: string; gaps: number }>;
};

async function loadInstance(trx: Trx, eventId: string, tables: number) {
  const [slots, people, unavailable, requests] = await Promise.all([
    trx.selectFrom("meetingSlot").select(["id", "day", "startsAt", "endsAt"]).where("eventId", "=", eventId).orderBy("startsAt").execute(),
    trx.selectFrom("meetingParticipant as p").leftJoin("application as a", "a.id", "p.applicationId").leftJoin("business as b", "b.id", "a.businessId")
      .select(["p.id"]).select((eb) => eb.fn.coalesce("b.name", "p.organization").as("name")).where("p.eventId", "=", eventId).execute(),
    trx.selectFrom("meetingUnavailability as u").innerJoin("meetingParticipant as p", "p.id", "u.participantId").select(["u.participantId", "u.slotId"]).where("p.eventId", "=", eventId).execute(),
    trx.selectFrom("meetingRequest as r").leftJoin("meeting as m", (j) => j.onRef("m.requestId", "=", "r.id").on("m.status", "in", PINNED))
      .select(["r.id", "r.fromId", "r.toId", "m.slotId as pinnedSlot", "m.tableNo as pinnedTable"])
      .where("r.eventId", "=", eventId).where("r.status", "=", "accepted").execute(),
  ]);
  const off = new Map<string, string[]>();
  for (const u of unavailable) off.set(u.participantId, [...(off.get(u.participantId) ?? []), u.slotId]);
  const instance: Instance = {
    slots: slots.map((s) => ({ id: s.id, day: s.day })), tables, tablesPerSlot: {},
    participants: people.map((p) => ({ id: p.id, unavailable: off.get(p.id) ?? [] })),
    requests: requests.map((r) => ({ id: r.id, a: r.fromId, b: r.toId, weight: 1, ...(r.pinnedSlot ? { fixed: { slot: r.pinnedSlot } } : {}) })),
  };
  return { instance, slots, names: new Map(people.map((p) => [p.id, p.name ?? ""])), requests };
}

/**
 * Replaces the draft meetings of the event with a new schedule of all accepted requests and reports it.
 *
 * @example const report = await runBatch(db, eventId) // { scheduled: 398, upperBound: 400, … }
 */
export async function runBatch(db: Db, eventId: string): Promise<BatchReport> {
  const settings = await getSettings(db, eventId);
  const atTables = settings.locationKind === "tables";
  return db.transaction().execute(async (trx) => {
    await lockEventBookings(trx, eventId);
    await trx.deleteFrom("meeting").where("eventId", "=", eventId).where("status", "=", "scheduled").execute();
    // At the seller's booth every pair can meet at once: the people are the only limit.
    const { instance, slots, names, requests } = await loadInstance(trx, eventId, atTables ? settings.tableCount : 100_000);
    const { result } = scheduleWithReport(instance, { timeLimitMs: TIME_LIMIT_MS, now: () => performance.now(), seed: 1 });
    const keep = new Map(requests.filter((r) => r.pinnedSlot && r.pinnedTable !== null).map((r) => [r.id, r.pinnedTable!]));
    const tables = atTables ? assignTables(result.meetings, keep, settings.tableCount) : new Map<string, number>();
    const slotById = new Map(slots.map((s) => [s.id, s]));
    const byId = new Map(requests.map((r) => [r.id, r]));
    for (const m of result.meetings) {
      const r = byId.get(m.request)!;
      if (r.pinnedSlot) continue;
      const slot = slotById.get(m.slot)!;
      const during = sql<string>`tstzrange(${slot.startsAt}::timestamptz, ${slot.endsAt}::timestamptz, '[)')`;
      const row = await trx.insertInto("meeting").values({ eventId, requestId: r.id, slotId: slot.id, during, tableNo: tables.get(r.id) ?? null, status: "scheduled" })
        .returning("id").executeTakeFirstOrThrow();
      await trx.insertInto("meetingAttendance").values([r.fromId, r.toId].map((participantId) => ({ meetingId: row.id, participantId, during }))).execute();
    }
    const pairs = Object.fromEntries(requests.map((r) => [r.id, [r.fromId, r.toId] as [string, string]]));
    const gaps = idleGapsByPerson(result.meetings, pairs, instance.slots.map((s) => ({ id: s.id, day: s.day ?? "" })));
    const nameOf = (id: string) => names.get(id) ?? "";
    return {
      scheduled: result.stats.scheduled, pinned: keep.size, upperBound: result.stats.upperBound, requests: result.stats.requests,
      idleGaps: result.stats.idleGaps, ms: Math.round(result.stats.ms),
      unscheduled: result.unscheduled.map((u) => ({ requestId: u.request, reason: u.reason, names: `${nameOf(byId.get(u.request)!.fromId)} – ${nameOf(byId.get(u.request)!.toId)}` })),
      idleByPerson: [...gaps].map(([id, n]) => ({ name: nameOf(id), gaps: n })).sort((a, b) => b.gaps - a.gaps || a.name.localeCompare(b.name)).slice(0, 50),
    };
  });
}

/** Locks every draft meeting: later runs keep them where they are. */
export async function lockDrafts(db: Db, eventId: string): Promise<number> {
  const rows = await db.updateTable("meeting").set({ status: "locked", updatedAt: sql`now()` })
    .where("eventId", "=", eventId).where("status", "=", "scheduled").returning("id").execute();
  return rows.length;
}

/** Publishes drafts and locked meetings and queues both invites of each, in one transaction. */
export async function publishMeetings(db: Db, eventId: string, appUrl: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.updateTable("meeting").set({ status: "published", updatedAt: sql`now()` })
      .where("eventId", "=", eventId).where("status", "in", ["scheduled", "locked"]).returning("id").execute();
    for (const row of rows) await enqueueInvites(trx, row.id, "REQUEST", appUrl);
    return rows.length;
  });
}

/** Meetings of the event by status, for the organizer's batch panel. */
export async function meetingStatusCounts(db: Db, eventId: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom("meeting").select(["status"]).select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId).groupBy("status").execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
