// Automatic booth assignment from the database: builds the optimizer's instance (shared/formats/booths.md) from
// the event's booths, accepted exhibitors, curation scores, history, preferences and the organizer's rules,
// runs the optimizer (app/booths/assignment, another module's; called through its exported API), and shows a
// preview. Confirming applies exactly the previewed plan, re-validated against the database as it is then.
import { sql } from "kysely";
import { applicationScore, type CuratorScores } from "~/curation/scoring";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { assignBooths } from "./assignment/assign";
import { type Exhibitor, type Instance, parseInstance, type Result as AssignmentResult, type UnassignedReason } from "./assignment/instance";
import { fit } from "./assignment/rules";
import { validateResult } from "./assignment/validate";
import type { AutoRulesInput } from "./booth.schema";
import { assignBoothBatch } from "./assign.server";
import { inTransaction, LIVE } from "./booths.server";
import { annotateHall, isJavaProvince, priorityPoints, regionKey, shareFromPercent } from "./floor-plan";

type BoothInfo = { id: string; code: string; hallName: string; zone: string; sizeM2: number; priceIdr: string };
type ExhibitorInfo = { applicationId: string; name: string; province: string; sector: string; sizeM2: number | null; priority: number; fixedBoothId: string | null };

export type BuiltInstance = {
  instance: Instance;
  /** By booth code (the instance's booth id). */
  booths: Map<string, BoothInfo>;
  /** By application id (the instance's exhibitor id). */
  exhibitors: Map<string, ExhibitorInfo>;
  /** Accepted exhibitors the optimizer cannot place because their application names no booth size. */
  withoutSize: ExhibitorInfo[];
};

/** Map.groupBy arrived in Node 21; Node 20 is supported. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) (out.get(key(item)) ?? out.set(key(item), []).get(key(item))!).push(item);
  return out;
}

/** Curation score per application: the mean of the curators' weighted scores (0–100), by curation/scoring.ts. */
async function curationScores(db: Executor, eventId: string): Promise<Map<string, number | undefined>> {
  const [criteria, scores] = await Promise.all([
    db.selectFrom("curationCriterion").select(["id", "weight"]).where("eventId", "=", eventId).execute(),
    db.selectFrom("curationScore as s").innerJoin("application as a", "a.id", "s.applicationId")
      .select(["s.applicationId", "s.curatorUserId", "s.criterionId", "s.score"])
      .where("a.eventId", "=", eventId).where("a.status", "=", "accepted").execute(),
  ]);
  const byApp = new Map<string, Map<string, CuratorScores>>();
  for (const s of scores) {
    const curators = byApp.get(s.applicationId) ?? byApp.set(s.applicationId, new Map()).get(s.applicationId)!;
    const c = curators.get(s.curatorUserId) ?? curators.set(s.curatorUserId, { curatorUserId: s.curatorUserId, scores: [] }).get(s.curatorUserId)!;
    (c.scores as Array<{ criterionId: string; score: number }>).push({ criterionId: s.criterionId, score: s.score });
  }
  return new Map([...byApp].map(([id, curators]) => [id, applicationScore(criteria, [...curators.values()]).value]));
}

/**
 * The optimizer's instance for an event: every booth (id = code, adjacency and corner from geometry, per
 * hall), every live assignment as a `fixed` exhibitor (confirmed booths never move), and every accepted
 * exhibitor without a booth. competitorGroup is the sector; region the province (normalised).
 */
export async function buildInstance(db: Executor, eventId: string, rules: AutoRulesInput): Promise<BuiltInstance> {
  const [boothRows, apps, live, prefs, scores] = await Promise.all([
    db.selectFrom("booth as b").innerJoin("hall as h", "h.id", "b.hallId")
      .select(["b.id", "b.code", "b.hallId", "h.name as hallName", "b.x", "b.y", "b.w", "b.h", "b.sizeM2", "b.zone", "b.priceIdr"])
      .where("b.eventId", "=", eventId).orderBy("h.name").orderBy("b.code").execute(),
    db.selectFrom("application as a").innerJoin("business as bu", "bu.id", "a.businessId")
      .select(["a.id", "a.status", "a.preferredSizeM2", "a.preferredZone", "a.historyYears", "bu.name", "bu.sector", "bu.province"])
      .where("a.eventId", "=", eventId).orderBy("bu.name").orderBy("a.id").execute(),
    db.selectFrom("boothAssignment").select(["applicationId", "boothId"]).where("eventId", "=", eventId).where("status", "in", LIVE).execute(),
    db.selectFrom("boothPreference as p").innerJoin("booth as b", "b.id", "p.boothId").select(["p.applicationId", "b.code"])
      .where("b.eventId", "=", eventId).orderBy("p.rank").execute(),
    curationScores(db, eventId),
  ]);
  const booths = new Map<string, BoothInfo>();
  const instanceBooths: Instance["booths"] = [];
  const byHall = groupBy(boothRows, (b) => b.hallId);
  for (const hallBooths of byHall.values()) {
    for (const b of annotateHall(hallBooths)) {
      booths.set(b.code, { id: b.id, code: b.code, hallName: b.hallName, zone: b.zone, sizeM2: b.sizeM2, priceIdr: b.priceIdr });
      instanceBooths.push({ id: b.code, hall: b.hallName, zone: b.zone.trim().toLowerCase() || undefined, size: b.sizeM2, corner: b.corner, adjacent: b.adjacent });
    }
  }
  const codeOf = new Map(boothRows.map((b) => [b.id, b.code]));
  const fixedOf = new Map(live.map((l) => [l.applicationId, l.boothId]));
  const preferredOf = groupBy(prefs, (p) => p.applicationId);
  const exhibitors = new Map<string, ExhibitorInfo>();
  const withoutSize: ExhibitorInfo[] = [];
  const instanceExhibitors: Exhibitor[] = [];
  for (const a of apps) {
    const fixedBoothId = fixedOf.get(a.id) ?? null;
    if (!fixedBoothId && a.status !== "accepted") continue;
    const priority = priorityPoints({ curationScore: scores.get(a.id), historyYears: a.historyYears });
    const info: ExhibitorInfo = { applicationId: a.id, name: a.name, province: a.province, sector: a.sector, sizeM2: a.preferredSizeM2, priority, fixedBoothId };
    const fixedCode = fixedBoothId ? codeOf.get(fixedBoothId) : undefined;
    // A fixed exhibitor's size is its booth's (an organizer may have placed it on another size by hand).
    const size = fixedCode ? booths.get(fixedCode)!.sizeM2 : a.preferredSizeM2;
    if (size === null) {
      withoutSize.push(info);
      continue;
    }
    exhibitors.set(a.id, info);
    instanceExhibitors.push({
      id: a.id, size, priority,
      zones: a.preferredZone.trim() ? [a.preferredZone.trim().toLowerCase()] : [],
      preferred: (preferredOf.get(a.id) ?? []).map((p) => p.code),
      region: a.province ? regionKey(a.province) : undefined,
      competitorGroup: a.sector,
      fixed: fixedCode,
    });
  }
  const percent = rules.quotaPercent ?? 0;
  const regionQuotas = rules.quotaProvinces.length > 0 && percent > 0
    ? [{ regions: [...new Set(rules.quotaProvinces.map(regionKey))], minShare: shareFromPercent(percent) }]
    : [];
  // Through the contract's parser, as the CLI does: a malformed instance here is a bug, not user input.
  const parsed = parseInstance({ booths: instanceBooths, exhibitors: instanceExhibitors, rules: { noAdjacentCompetitors: rules.noAdjacentCompetitors, regionQuotas } });
  if (!parsed.ok) throw new Error(`booth instance: ${parsed.error}`);
  return { instance: parsed.instance, booths, exhibitors, withoutSize };
}

export type PreviewRow = {
  applicationId: string; name: string; province: string; sector: string; priority: number;
  boothId: string; boothCode: string; hallName: string; zone: string; sizeM2: number; feeIdr: string; fit: 1 | 2 | 3;
};
export type PreviewUnassigned = { applicationId: string; name: string; sizeM2: number | null; reason: UnassignedReason | "no_size" };

export type Preview = {
  stats: AssignmentResult["stats"] & { percent: number };
  assignments: PreviewRow[];
  unassigned: PreviewUnassigned[];
  fixedCount: number;
  invoices: number;
  totalFeeIdr: string;
  plan: Array<[string, string]>;
};

/**
 * Runs the optimizer and describes what confirming would change: new assignments with their fit, who stays
 * without a booth and why, how many stay as they are, and the invoices that would be issued.
 */
export async function previewAutoAssignment(db: Executor, eventId: string, rules: AutoRulesInput, opts: { timeLimitMs?: number } = {}): Promise<Preview> {
  const built = await buildInstance(db, eventId, rules);
  const result = assignBooths(built.instance, { timeLimitMs: opts.timeLimitMs ?? 5_000 });
  const byId = new Map(built.instance.exhibitors.map((e) => [e.id, e]));
  const boothById = new Map(built.instance.booths.map((b) => [b.id, b]));
  const assignments: PreviewRow[] = [];
  for (const a of result.assignments) {
    const e = byId.get(a.exhibitor)!;
    if (e.fixed !== undefined) continue;
    const info = built.exhibitors.get(a.exhibitor)!;
    const booth = built.booths.get(a.booth)!;
    assignments.push({
      applicationId: info.applicationId, name: info.name, province: info.province, sector: info.sector, priority: info.priority,
      boothId: booth.id, boothCode: booth.code, hallName: booth.hallName, zone: booth.zone, sizeM2: booth.sizeM2, feeIdr: booth.priceIdr,
      fit: fit(e, boothById.get(a.booth)!),
    });
  }
  const unassigned: PreviewUnassigned[] = [
    ...result.unassigned.map((u) => {
      const info = built.exhibitors.get(u.exhibitor)!;
      return { applicationId: info.applicationId, name: info.name, sizeM2: info.sizeM2, reason: u.reason };
    }),
    ...built.withoutSize.map((info) => ({ applicationId: info.applicationId, name: info.name, sizeM2: null, reason: "no_size" as const })),
  ];
  const fees = assignments.map((a) => BigInt(a.feeIdr));
  const { score, upperBound } = result.stats;
  return {
    stats: { ...result.stats, percent: upperBound > 0 ? Math.floor((score / upperBound) * 1000) / 10 : 100 },
    assignments,
    unassigned,
    fixedCount: built.instance.exhibitors.filter((e) => e.fixed !== undefined).length,
    invoices: fees.filter((f) => f > 0n).length,
    totalFeeIdr: fees.reduce((s, f) => s + f, 0n).toString(),
    plan: assignments.map((a) => [a.applicationId, a.boothId]),
  };
}

/** The unassigned list a plan implies, with the contract's reasons, so validateResult can check the whole result. */
function completeResult(instance: Instance, assignments: AssignmentResult["assignments"]): AssignmentResult {
  const assigned = new Set(assignments.map((a) => a.exhibitor));
  const taken = new Set(assignments.map((a) => a.booth));
  const sizes = new Set(instance.booths.map((b) => b.size));
  const unassigned = instance.exhibitors.filter((e) => !assigned.has(e.id)).map((e) => ({
    exhibitor: e.id,
    reason: (!sizes.has(e.size) ? "no_booth_of_size"
      : instance.booths.some((b) => b.size === e.size && !taken.has(b.id)) ? "conflict" : "capacity") as UnassignedReason,
  }));
  return { assignments, unassigned, stats: { score: 0, upperBound: 0, violations: 0, ms: 0 } };
}

class StalePlan extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/**
 * Applies a previewed plan in one transaction: the plan plus the fixed assignments must still be a valid
 * result for the event as it is now (validateResult: 0 violations), and every booth must still be free and
 * every exhibitor still waiting. Anything else rolls everything back as `plan_stale`; nothing half-applied.
 */
export async function confirmAutoAssignment(
  db: Executor,
  input: { eventId: string; rules: AutoRulesInput; plan: Array<{ applicationId: string; boothId: string }>; by: string; now: Date; appUrl: string },
): Promise<Result<{ count: number }, "plan_stale" | "plan_empty">> {
  if (input.plan.length === 0) return fail("plan_empty");
  try {
    return await inTransaction(db, async (trx) => {
      const built = await buildInstance(trx, input.eventId, input.rules);
      const codeOfId = new Map([...built.booths.values()].map((b) => [b.id, b.code]));
      const fixed = built.instance.exhibitors.filter((e) => e.fixed !== undefined).map((e) => ({ exhibitor: e.id, booth: e.fixed! }));
      const movable = new Set(built.instance.exhibitors.filter((e) => e.fixed === undefined).map((e) => e.id));
      const planned = input.plan.map((p) => {
        const code = codeOfId.get(p.boothId);
        if (!code || !movable.has(p.applicationId)) throw new StalePlan(`${p.applicationId} → ${p.boothId}`);
        return { exhibitor: p.applicationId, booth: code };
      });
      const violations = validateResult(built.instance, completeResult(built.instance, [...fixed, ...planned]));
      if (violations.length > 0) throw new StalePlan(violations[0]!);
      const res = await assignBoothBatch(trx, { eventId: input.eventId, items: input.plan, method: "auto", by: input.by, now: input.now, appUrl: input.appUrl });
      if (!res.ok) throw new StalePlan(`${res.reason}${res.detail ? `: ${res.detail}` : ""}`);
      return ok({ count: input.plan.length });
    });
  } catch (error) {
    if (error instanceof StalePlan) return fail("plan_stale", error.detail);
    throw error;
  }
}

/** What the automatic assignment page shows before a run: who waits, free booths, provinces for the quota. */
export async function autoAssignOverview(db: Executor, eventId: string) {
  const [waiting, provinces, free, fixed] = await Promise.all([
    db.selectFrom("application as a").select([sql<number>`count(*)::int`.as("n"), sql<number>`count(*) filter (where a.preferred_size_m2 is null)::int`.as("noSize")])
      .where("a.eventId", "=", eventId).where("a.status", "=", "accepted")
      .where((eb) => eb.not(eb.exists(eb.selectFrom("boothAssignment as x").select("x.id").whereRef("x.applicationId", "=", "a.id").where("x.status", "in", LIVE))))
      .executeTakeFirstOrThrow(),
    db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
      .select(["b.province", sql<number>`count(*)::int`.as("n")])
      .where("a.eventId", "=", eventId).where("a.status", "=", "accepted").groupBy("b.province").orderBy("b.province").execute(),
    db.selectFrom("booth as b").select(sql<number>`count(*)::int`.as("n")).where("b.eventId", "=", eventId)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("boothAssignment as x").select("x.id").whereRef("x.boothId", "=", "b.id").where("x.status", "in", LIVE))))
      .executeTakeFirstOrThrow(),
    db.selectFrom("boothAssignment").select(sql<number>`count(*)::int`.as("n")).where("eventId", "=", eventId).where("status", "in", LIVE).executeTakeFirstOrThrow(),
  ]);
  return {
    waiting: Number(waiting.n), withoutSize: Number(waiting.noSize), freeBooths: Number(free.n), fixed: Number(fixed.n),
    provinces: provinces.filter((p) => p.province).map((p) => ({ province: p.province, count: Number(p.n), java: isJavaProvince(p.province) })),
  };
}
