import type { Sector } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { CURATION_STATUSES, type CurationStatus } from "./curation.schema";
import { groupScores, listCriteria } from "./curation.server";
import { applicationScore, meanRawScore, meanScore, roundScore } from "./scoring";

export type StatusCounts = Record<CurationStatus, number>;
export type SummaryGroup<K extends string> = { key: K; counts: StatusCounts; total: number; average: number | undefined; scored: number };
export type CurationSummary = {
  counts: StatusCounts;
  total: number;
  average: number | undefined;
  scored: number;
  bySector: SummaryGroup<Sector>[];
  byProvince: SummaryGroup<string>[];
  criteria: Array<{ id: string; name: string; weight: number; average: number | undefined; count: number }>;
};

const zeroCounts = (): StatusCounts => Object.fromEntries(CURATION_STATUSES.map((s) => [s, 0])) as StatusCounts;

/**
 * The curation summary of an event over every application a curator can see (drafts excluded): counts per
 * status, per sector and per province (the applicant's region) with the mean application score, and each
 * criterion's mean raw score (1–5). Scores come from scoring.ts, the same as the queue shows; the counts are
 * the queue's totals for the same filters.
 */
export async function getCurationSummary(db: Executor, eventId: string): Promise<CurationSummary> {
  const [apps, scores, criteria] = await Promise.all([
    db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
      .select(["a.id", "a.status", "b.sector", "b.province"])
      .where("a.eventId", "=", eventId).where("a.status", "in", CURATION_STATUSES).execute(),
    db.selectFrom("curationScore as s")
      .innerJoin("curationCriterion as c", "c.id", "s.criterionId")
      .innerJoin("application as a", "a.id", "s.applicationId")
      .select(["s.applicationId", "s.curatorUserId", "s.criterionId", "s.score"])
      .where("c.eventId", "=", eventId).where("a.eventId", "=", eventId).where("a.status", "in", CURATION_STATUSES)
      .execute(),
    listCriteria(db, eventId),
  ]);
  const grouped = groupScores(scores);
  const scored = apps.map((a) => ({
    ...a,
    status: a.status as CurationStatus,
    value: applicationScore(criteria, grouped.get(a.id) ?? []).value,
  }));

  function groups<K extends string>(keyOf: (a: (typeof scored)[number]) => K): SummaryGroup<K>[] {
    const map = new Map<K, { counts: StatusCounts; values: number[]; total: number }>();
    for (const a of scored) {
      const key = keyOf(a);
      const g = map.get(key) ?? { counts: zeroCounts(), values: [], total: 0 };
      g.counts[a.status] += 1;
      g.total += 1;
      if (a.value !== undefined) g.values.push(a.value);
      map.set(key, g);
    }
    return [...map]
      .map(([key, g]) => ({ key, counts: g.counts, total: g.total, average: rounded(meanScore(g.values)), scored: g.values.length }))
      .sort((x, y) => y.total - x.total || x.key.localeCompare(y.key));
  }

  const all = groups(() => "all")[0];
  const byCriterion = new Map<string, number[]>();
  for (const s of scores) byCriterion.set(s.criterionId, [...(byCriterion.get(s.criterionId) ?? []), s.score]);
  return {
    counts: all?.counts ?? zeroCounts(),
    total: all?.total ?? 0,
    average: all?.average,
    scored: all?.scored ?? 0,
    bySector: groups((a) => a.sector),
    byProvince: groups((a) => a.province),
    criteria: criteria.map((c) => ({
      ...c, average: meanRawScore(byCriterion.get(c.id) ?? []), count: byCriterion.get(c.id)?.length ?? 0,
    })),
  };
}

const rounded = (v: number | undefined) => (v === undefined ? undefined : roundScore(v));
