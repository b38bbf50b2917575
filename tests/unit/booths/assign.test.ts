import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignBooths, assignmentBound } from "~/booths/assignment/assign";
import { validateResult } from "~/booths/assignment/validate";
import { bruteForceBest, makeInstance, row, scoreOf, smallInstance } from "./helpers";

const boothOf = (r: ReturnType<typeof assignBooths>, e: string) => r.assignments.find((a) => a.exhibitor === e)?.booth;
const reasonOf = (r: ReturnType<typeof assignBooths>, e: string) => r.unassigned.find((u) => u.exhibitor === e)?.reason;

describe("assignBooths: rules", () => {
  it("gives each exhibitor its preferred booth when nothing competes", () => {
    const inst = makeInstance(row(3, { zone: "batik" }), [
      { id: "a", priority: 5, preferred: ["A-3"] },
      { id: "b", priority: 2, zones: ["batik"] },
    ]);
    const r = assignBooths(inst);
    expect(boothOf(r, "a")).toBe("A-3");
    expect(r.stats).toMatchObject({ score: 5 * 3 + 2 * 2, upperBound: 19, violations: 0 });
  });

  it("only gives booths of exactly the exhibitor's size", () => {
    const inst = makeInstance([{ id: "S", size: 9 }, { id: "L", size: 18 }], [{ id: "a", size: 18, preferred: ["S"] }]);
    expect(boothOf(assignBooths(inst), "a")).toBe("L");
  });

  it("keeps fixed booths even when someone else wants them more", () => {
    const inst = makeInstance(row(2), [
      { id: "low", priority: 1, fixed: "A-1" },
      { id: "high", priority: 9, preferred: ["A-1"] },
    ]);
    const r = assignBooths(inst);
    expect([boothOf(r, "low"), boothOf(r, "high")]).toEqual(["A-1", "A-2"]);
  });

  it.each([
    ["no booth of its size exists", [{ id: "a", size: 36 }], "no_booth_of_size"],
    ["every booth of its size is taken by higher priorities", [{ id: "a", priority: 1 }, { id: "b", priority: 5 }, { id: "c", priority: 5 }], "capacity"],
  ])("reports %s", (_, exhibitors, reason) => {
    const r = assignBooths(makeInstance(row(2), exhibitors));
    expect(reasonOf(r, "a")).toBe(reason);
  });

  it("never seats competitors side by side, leaving one out as a conflict if it must", () => {
    const inst = makeInstance(row(2), [
      { id: "a", priority: 3, competitorGroup: "batik-tulis" },
      { id: "b", priority: 2, competitorGroup: "batik-tulis" },
    ], { noAdjacentCompetitors: true });
    const r = assignBooths(inst);
    expect(r.assignments).toHaveLength(1);
    expect(reasonOf(r, "b")).toBe("conflict");
    expect(r.stats.violations).toBe(0);
  });

  it("treats adjacency as symmetric when only one booth lists it", () => {
    const inst = makeInstance([{ id: "X" }, { id: "Y", adjacent: ["X"] }, { id: "Z" }], [
      { id: "a", priority: 5, preferred: ["X"], competitorGroup: "g" },
      { id: "b", priority: 5, preferred: ["Y"], competitorGroup: "g" },
    ], { noAdjacentCompetitors: true });
    const r = assignBooths(inst);
    expect(new Set([boothOf(r, "a"), boothOf(r, "b")]).has("Z")).toBe(true);
  });

  it("fills a region quota by preferring members over higher-priority non-members", () => {
    const inst = makeInstance(row(2), [
      { id: "java1", priority: 9, region: "jawa-timur" },
      { id: "java2", priority: 8, region: "jawa-barat" },
      { id: "papua", priority: 1, region: "papua" },
    ], { regionQuotas: [{ regions: ["papua", "sulawesi"], minShare: 0.5 }] });
    const r = assignBooths(inst);
    expect(boothOf(r, "papua")).toBeDefined();
    expect(boothOf(r, "java1")).toBeDefined();
    expect(r.stats.violations).toBe(0);
  });

  it("does not demand quota members who cannot be placed at all", () => {
    const inst = makeInstance(row(2), [
      { id: "java1", region: "jawa-timur" },
      { id: "java2", region: "jawa-barat" },
      { id: "papua", size: 36, region: "papua" },
    ], { regionQuotas: [{ regions: ["papua"], minShare: 0.5 }] });
    const r = assignBooths(inst);
    expect(r.assignments).toHaveLength(2);
    expect(r.stats.violations).toBe(0);
  });

  it("keeps a quota below its share when the only member left would sit next to a fixed competitor", () => {
    const inst = makeInstance(row(2), [
      { id: "fixed", region: "jawa", competitorGroup: "g", fixed: "A-1" },
      { id: "member", region: "papua", competitorGroup: "g" },
    ], { noAdjacentCompetitors: true, regionQuotas: [{ regions: ["papua"], minShare: 0.5 }] });
    const r = assignBooths(inst);
    expect(reasonOf(r, "member")).toBe("conflict");
    expect(r.stats.violations).toBe(0);
  });

  it("returns a valid result even when the time budget is spent from the start", () => {
    let t = 0;
    const inst = makeInstance(row(6), Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, priority: i, competitorGroup: "g" })), {
      noAdjacentCompetitors: true,
    });
    const r = assignBooths(inst, { timeLimitMs: 0, now: () => (t += 1000) });
    expect(validateResult(inst, r)).toEqual([]);
    expect(r.stats.ms).toBeGreaterThan(0); // measured with the injected clock
  });
});

describe("assignBooths: properties on random small instances", () => {
  it("always returns a valid result whose score matches its assignments and stays within the bound", () => {
    fc.assert(
      fc.property(smallInstance(10, 12), (inst) => {
        const r = assignBooths(inst);
        expect(validateResult(inst, r)).toEqual([]);
        expect(r.stats.violations).toBe(0);
        expect(r.stats.score).toBeCloseTo(scoreOf(inst, r.assignments), 6);
        expect(r.stats.score).toBeLessThanOrEqual(r.stats.upperBound + 1e-6);
        expect(r.stats.upperBound).toBeLessThanOrEqual(assignmentBound(inst) + 1e-6);
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });

  it("finds the same best score as exhaustive search (≤ 7 exhibitors, ≤ 8 booths)", () => {
    fc.assert(
      fc.property(smallInstance(7, 8), (inst) => {
        expect(assignBooths(inst).stats.score).toBeCloseTo(bruteForceBest(inst), 6);
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it("never reports an upper bound below the optimum that exhaustive search proves", () => {
    fc.assert(
      fc.property(smallInstance(6, 7), (inst) => {
        expect(assignBooths(inst).stats.upperBound).toBeGreaterThanOrEqual(bruteForceBest(inst) - 1e-6);
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});
