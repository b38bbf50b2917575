/**
 * Curation scores (pure): one curator gives each organizer criterion a score from 1 to 5; the criteria carry
 * weights (1–100). A curator's weighted score is Σ weight × score / Σ weight over the criteria they scored,
 * shown on 0–100 by mapping the 1–5 scale linearly onto it (1 → 0, 3 → 50, 5 → 100). An application's
 * score is the mean of its curators' weighted scores, so a curator who scored more criteria does not count
 * more. The SQL ordering of the review queue (curation.server.ts) uses the same formula.
 */

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
export const SCORE_VALUES = [1, 2, 3, 4, 5] as const;

export type WeightedCriterion = { id: string; weight: number };
export type CriterionScore = { criterionId: string; score: number };
export type CuratorScores = { curatorUserId: string; scores: readonly CriterionScore[] };

/** A weighted score: `value` exact on 0–100, `rounded` a whole number for display and ranking. */
export type WeightedScore = {
  value: number;
  rounded: number;
  /** How many of the event's criteria this score covers (a criterion added later may be unscored). */
  scoredCriteria: number;
  totalCriteria: number;
};

/**
 * Rounds a 0–100 score to a whole number, half up. Computed values are sums of fractions (62.5 may come out
 * as 62.49999999999999), so the value is first cut to 9 decimals: no real score lies that close to a half.
 *
 * @example roundScore(62.5) // 63; roundScore(62.49999999999999) // 63; roundScore(62.4) // 62
 */
export function roundScore(value: number): number {
  return Math.round(Number(value.toFixed(9)));
}

/** The 1–5 mean on the 0–100 display scale. @example toHundred(3) // 50 */
export function toHundred(meanOneToFive: number): number {
  return ((meanOneToFive - MIN_SCORE) / (MAX_SCORE - MIN_SCORE)) * 100;
}

export function isValidScore(score: unknown): score is number {
  return typeof score === "number" && Number.isInteger(score) && score >= MIN_SCORE && score <= MAX_SCORE;
}

/**
 * One curator's weighted score over the criteria they scored (partial scores count only what was given);
 * scores of unknown criteria and values outside 1–5 are ignored. Undefined when nothing counts.
 *
 * @example
 * weightedScore([{ id: "a", weight: 3 }, { id: "b", weight: 1 }], [{ criterionId: "a", score: 5 }, { criterionId: "b", score: 1 }])
 * // { value: 75, rounded: 75, scoredCriteria: 2, totalCriteria: 2 }  (3×5 + 1×1) / 4 = 4 → 75
 */
export function weightedScore(criteria: readonly WeightedCriterion[], scores: readonly CriterionScore[]): WeightedScore | undefined {
  const weights = new Map(criteria.map((c) => [c.id, c.weight]));
  const seen = new Set<string>();
  let sum = 0;
  let weightSum = 0;
  for (const { criterionId, score } of scores) {
    const weight = weights.get(criterionId);
    if (weight === undefined || weight <= 0 || seen.has(criterionId) || !isValidScore(score)) continue;
    seen.add(criterionId);
    sum += weight * score;
    weightSum += weight;
  }
  if (weightSum === 0) return undefined;
  const value = toHundred(sum / weightSum);
  return { value, rounded: roundScore(value), scoredCriteria: seen.size, totalCriteria: criteria.length };
}

/** The mean of exact 0–100 values, rounded only at the end; undefined for none. @example meanScore([50, 75]) // 62.5 */
export function meanScore(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export type ApplicationScore = {
  /** Exact mean of the curators' weighted scores (0–100); undefined when nobody scored. */
  value: number | undefined;
  rounded: number | undefined;
  curators: number;
};

/**
 * An application's score: the mean of each curator's weighted score. Curators whose scores count for
 * nothing (e.g. only deleted criteria) are left out.
 *
 * @example
 * applicationScore(criteria, [{ curatorUserId: "u1", scores: [...] }, { curatorUserId: "u2", scores: [...] }])
 * // { value: 62.5, rounded: 63, curators: 2 }
 */
export function applicationScore(criteria: readonly WeightedCriterion[], byCurator: readonly CuratorScores[]): ApplicationScore {
  const values = byCurator
    .map((c) => weightedScore(criteria, c.scores)?.value)
    .filter((v): v is number => v !== undefined);
  const value = meanScore(values);
  return { value, rounded: value === undefined ? undefined : roundScore(value), curators: values.length };
}

export type Rankable = { id: string; score: number | undefined; submittedAt: Date | string | null };
export type Ranked<T> = T & { rank: number | undefined };

/**
 * Orders applications by score, highest first, and numbers them with competition ranking (1, 2, 2, 4) on
 * the whole-number score people see: two applications shown as 85 share a rank. Ties are listed by who
 * submitted first, then by id so the order is stable. Unscored applications come last, unranked.
 *
 * @example
 * rankApplications([{ id: "a", score: 70.2, submittedAt: "2026-10-02" }, { id: "b", score: 69.8, submittedAt: "2026-10-01" }])
 * // both show 70: b (submitted first) rank 1, a rank 1
 */
export function rankApplications<T extends Rankable>(items: readonly T[]): Ranked<T>[] {
  const time = (d: Date | string | null) => (d === null ? Number.POSITIVE_INFINITY : new Date(d).getTime());
  const display = (s: number | undefined) => (s === undefined ? undefined : roundScore(s));
  const sorted = [...items].sort((a, b) => {
    const sa = display(a.score);
    const sb = display(b.score);
    if (sa !== sb) {
      if (sa === undefined) return 1;
      if (sb === undefined) return -1;
      return sb - sa;
    }
    const ta = time(a.submittedAt);
    const tb = time(b.submittedAt);
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  let previous: number | undefined;
  let previousRank = 0;
  return sorted.map((item, index) => {
    const shown = display(item.score);
    if (shown === undefined) return { ...item, rank: undefined };
    const rank = shown === previous ? previousRank : index + 1;
    previous = shown;
    previousRank = rank;
    return { ...item, rank };
  });
}

/** The mean of raw 1–5 scores with one decimal (criteria averages on the summary). @example meanRawScore([4, 5, 5]) // 4.7 */
export function meanRawScore(scores: readonly number[]): number | undefined {
  if (scores.length === 0) return undefined;
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10 + 1e-9) / 10;
}
