import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applicationScore, meanRawScore, rankApplications, roundScore, toHundred, weightedScore, type WeightedCriterion,
} from "~/curation/scoring";

const C: WeightedCriterion[] = [
  { id: "kualitas", weight: 40 },
  { id: "kemasan", weight: 20 },
  { id: "pasar", weight: 25 },
  { id: "motif", weight: 15 },
];
const s = (entries: Record<string, number>) => Object.entries(entries).map(([criterionId, score]) => ({ criterionId, score }));

describe("toHundred and roundScore", () => {
  it.each([[1, 0], [2, 25], [3, 50], [4, 75], [5, 100], [3.5, 62.5]])("maps the 1–5 mean %d to %d on 0–100", (mean, hundred) => {
    expect(toHundred(mean)).toBe(hundred);
  });

  it.each([
    [62.5, 63], [62.49, 62], [0.5, 1], [99.5, 100], [0, 0], [100, 100],
    // Float sums that should be exact halves still round up.
    [62.49999999999999, 63], [12.500000000000002, 13],
  ])("rounds %d half up to %d", (value, rounded) => {
    expect(roundScore(value)).toBe(rounded);
  });
});

describe("weightedScore", () => {
  it("is Σ weight × score / Σ weight on the 1–5 scale, shown on 0–100", () => {
    // (40×5 + 20×3 + 25×4 + 15×2) / 100 = 3.9 → 72.5 → 73
    const w = weightedScore(C, s({ kualitas: 5, kemasan: 3, pasar: 4, motif: 2 }));
    expect(w).toEqual({ value: 72.5, rounded: 73, scoredCriteria: 4, totalCriteria: 4 });
  });

  it("gives 100 for all fives and 0 for all ones, whatever the weights", () => {
    expect(weightedScore(C, s({ kualitas: 5, kemasan: 5, pasar: 5, motif: 5 }))?.rounded).toBe(100);
    expect(weightedScore(C, s({ kualitas: 1, kemasan: 1, pasar: 1, motif: 1 }))?.rounded).toBe(0);
  });

  it("weights matter: a heavy criterion moves the score more than a light one", () => {
    const heavyHigh = weightedScore(C, s({ kualitas: 5, kemasan: 1, pasar: 3, motif: 3 }))!;
    const lightHigh = weightedScore(C, s({ kualitas: 1, kemasan: 5, pasar: 3, motif: 3 }))!;
    expect(heavyHigh.value).toBeGreaterThan(lightHigh.value);
    // (200 + 20 + 75 + 45) / 100 = 3.4 → 60; (40 + 100 + 75 + 45) / 100 = 2.6 → 40
    expect([heavyHigh.rounded, lightHigh.rounded]).toEqual([60, 40]);
  });

  it("counts only the criteria scored so far (partial scores), and says how many", () => {
    // Only kualitas (40) and motif (15): (40×4 + 15×2) / 55 = 190/55 = 3.4545… → 61.36 → 61
    const w = weightedScore(C, s({ kualitas: 4, motif: 2 }))!;
    expect(w.value).toBeCloseTo(61.3636, 3);
    expect(w).toMatchObject({ rounded: 61, scoredCriteria: 2, totalCriteria: 4 });
  });

  it("is undefined when nothing counts", () => {
    expect(weightedScore(C, [])).toBeUndefined();
    expect(weightedScore([], s({ kualitas: 5 }))).toBeUndefined();
  });

  it("ignores unknown criteria, scores outside 1–5, fractions and a second score for one criterion", () => {
    const w = weightedScore(C, [
      { criterionId: "kualitas", score: 4 },
      { criterionId: "asing", score: 5 },
      { criterionId: "kemasan", score: 6 },
      { criterionId: "pasar", score: 0 },
      { criterionId: "motif", score: 2.5 },
      { criterionId: "kualitas", score: 1 },
    ])!;
    expect(w).toEqual({ value: 75, rounded: 75, scoredCriteria: 1, totalCriteria: 4 });
  });

  it("equal weights make it the plain mean", () => {
    const equal = C.map((c) => ({ ...c, weight: 7 }));
    expect(weightedScore(equal, s({ kualitas: 5, kemasan: 4, pasar: 3, motif: 2 }))?.value).toBe(toHundred(3.5));
  });

  it("always lies within 0–100 and rounds to a whole number (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ weight: fc.integer({ min: 1, max: 100 }), score: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 12 }),
      (rows) => {
        const criteria = rows.map((r, i) => ({ id: `c${i}`, weight: r.weight }));
        const w = weightedScore(criteria, rows.map((r, i) => ({ criterionId: `c${i}`, score: r.score })))!;
        expect(w.value).toBeGreaterThanOrEqual(0);
        expect(w.value).toBeLessThanOrEqual(100 + 1e-9);
        expect(Number.isInteger(w.rounded)).toBe(true);
        const min = Math.min(...rows.map((r) => r.score));
        const max = Math.max(...rows.map((r) => r.score));
        expect(w.value).toBeGreaterThanOrEqual(toHundred(min) - 1e-9);
        expect(w.value).toBeLessThanOrEqual(toHundred(max) + 1e-9);
      },
    ));
  });
});

describe("applicationScore", () => {
  it("is the mean of the curators' weighted scores, rounded only at the end", () => {
    // Curator A: 72.5; curator B: all 3 → 50. Mean 61.25 → 61 (rounding A first would give 61.5 → 62).
    const a = { curatorUserId: "a", scores: s({ kualitas: 5, kemasan: 3, pasar: 4, motif: 2 }) };
    const b = { curatorUserId: "b", scores: s({ kualitas: 3, kemasan: 3, pasar: 3, motif: 3 }) };
    expect(applicationScore(C, [a, b])).toEqual({ value: 61.25, rounded: 61, curators: 2 });
  });

  it("gives each curator one voice, however many criteria they scored", () => {
    const full = { curatorUserId: "a", scores: s({ kualitas: 5, kemasan: 5, pasar: 5, motif: 5 }) };
    const partial = { curatorUserId: "b", scores: s({ motif: 1 }) };
    expect(applicationScore(C, [full, partial])).toEqual({ value: 50, rounded: 50, curators: 2 });
  });

  it("leaves out curators whose scores count for nothing, and is undefined with nobody", () => {
    const ghost = { curatorUserId: "g", scores: s({ dihapus: 5 }) };
    expect(applicationScore(C, [ghost])).toEqual({ value: undefined, rounded: undefined, curators: 0 });
    expect(applicationScore(C, [])).toEqual({ value: undefined, rounded: undefined, curators: 0 });
  });
});

describe("rankApplications", () => {
  it("puts the highest score first and the unscored last, unranked", () => {
    const ranked = rankApplications([
      { id: "a", score: 40, submittedAt: "2026-10-01T00:00:00Z" },
      { id: "b", score: undefined, submittedAt: "2026-09-01T00:00:00Z" },
      { id: "c", score: 90, submittedAt: "2026-10-05T00:00:00Z" },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([["c", 1], ["a", 2], ["b", undefined]]);
  });

  it("ties on the shown whole number share a rank (1, 2, 2, 4), the earlier submission listed first", () => {
    const ranked = rankApplications([
      { id: "late", score: 70.2, submittedAt: "2026-10-03T00:00:00Z" },
      { id: "top", score: 88, submittedAt: "2026-10-09T00:00:00Z" },
      { id: "early", score: 69.8, submittedAt: "2026-10-01T00:00:00Z" },
      { id: "last", score: 55, submittedAt: "2026-09-01T00:00:00Z" },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([["top", 1], ["early", 2], ["late", 2], ["last", 4]]);
  });

  it("breaks a full tie (same score, same time) by id, so the order is stable", () => {
    const at = "2026-10-01T08:00:00Z";
    const ranked = rankApplications([{ id: "b", score: 50, submittedAt: at }, { id: "a", score: 50, submittedAt: at }]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([["a", 1], ["b", 1]]);
  });

  it("half-up rounding decides ties: 62.5 is 63, not a tie with 62.4", () => {
    const ranked = rankApplications([
      { id: "x", score: 62.4, submittedAt: "2026-10-01T00:00:00Z" },
      { id: "y", score: 62.5, submittedAt: "2026-10-02T00:00:00Z" },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([["y", 1], ["x", 2]]);
  });
});

describe("meanRawScore", () => {
  it.each([[[4, 5, 5], 4.7], [[1, 2], 1.5], [[3], 3], [[1, 1, 2], 1.3], [[4, 4, 5, 5, 5, 5], 4.7]])("averages %j to %d (one decimal)", (scores, mean) => {
    expect(meanRawScore(scores)).toBe(mean);
  });
  it("is undefined for no scores", () => expect(meanRawScore([])).toBeUndefined());
});
