import { describe, expect, it } from "vitest";
import type { Result } from "~/booths/assignment/instance";
import { validateResult } from "~/booths/assignment/validate";
import { makeInstance, row } from "./helpers";

const inst = makeInstance(
  [...row(4), { id: "C-1", size: 18 }],
  [
    { id: "a", competitorGroup: "g", region: "bali" },
    { id: "b", competitorGroup: "g" },
    { id: "c", fixed: "A-4" },
    { id: "d", size: 18, region: "papua" },
    { id: "x", size: 36 },
  ],
  { noAdjacentCompetitors: true, regionQuotas: [{ regions: ["bali", "papua"], minShare: 0.5 }] },
);

const valid = (): Result => ({
  assignments: [
    { exhibitor: "a", booth: "A-1" },
    { exhibitor: "b", booth: "A-3" },
    { exhibitor: "c", booth: "A-4" },
    { exhibitor: "d", booth: "C-1" },
  ],
  unassigned: [{ exhibitor: "x", reason: "no_booth_of_size" }],
  stats: { score: 0, upperBound: 0, violations: 0, ms: 0 },
});

describe("validateResult", () => {
  it("accepts a result that keeps every rule", () => {
    expect(validateResult(inst, valid())).toEqual([]);
  });

  const cases: Array<[string, (r: Result) => void, string]> = [
    ["an assignment names an unknown exhibitor", (r) => r.assignments.push({ exhibitor: "zz", booth: "A-2" }), "unknown_exhibitor"],
    ["an assignment names an unknown booth", (r) => (r.assignments[0].booth = "Q-1"), "unknown_booth"],
    ["an exhibitor gets two booths", (r) => r.assignments.push({ exhibitor: "a", booth: "A-2" }), "exhibitor_twice"],
    ["a booth gets two exhibitors", (r) => r.assignments.push({ exhibitor: "x", booth: "A-1" }), "booth_twice"],
    ["a booth has the wrong size", (r) => (r.assignments[3].booth = "A-2"), "size_mismatch"],
    ["a fixed exhibitor is moved", (r) => ((r.assignments[2].booth = "A-2"), r.assignments.splice(1, 1), r.unassigned.push({ exhibitor: "b", reason: "capacity" })), "fixed_moved"],
    ["competitors sit side by side", (r) => (r.assignments[1].booth = "A-2"), "adjacent_competitors"],
    ["a quota is missed", (r) => (r.assignments.splice(3, 1), r.unassigned.push({ exhibitor: "d", reason: "capacity" })), "region_quota"],
    ["an exhibitor is missing from the result", (r) => r.unassigned.pop(), "missing_exhibitor"],
    ["an exhibitor is both assigned and unassigned", (r) => r.unassigned.push({ exhibitor: "a", reason: "capacity" }), "exhibitor_twice"],
    ["a reason is not one of the three", (r) => (r.unassigned[0].reason = "late" as never), "bad_reason"],
    ["no_booth_of_size is claimed while such booths exist", (r) => (r.assignments.splice(1, 1), r.unassigned.push({ exhibitor: "b", reason: "no_booth_of_size" })), "reason_mismatch"],
  ];

  it.each(cases)("reports when %s", (_, mutate, code) => {
    const r = valid();
    mutate(r);
    const problems = validateResult(inst, r);
    expect(problems.map((p) => p.split(":")[0])).toContain(code);
  });

  it("counts an adjacent pair once, whichever booth lists it", () => {
    const r = valid();
    r.assignments[1].booth = "A-2";
    expect(validateResult(inst, r)).toEqual(["adjacent_competitors: a on A-1 and b on A-2 are both in group g"]);
  });

  it("holds a quota below its share when no member left out could take a booth", () => {
    // d is out, and the only 18 m² booth is held by another member: nobody from the regions can be added.
    const tight = makeInstance(
      [...row(2), { id: "C-1", size: 18 }],
      [{ id: "a", region: "jawa" }, { id: "b", region: "jawa" }, { id: "d", size: 18, region: "papua" }, { id: "p", size: 18, region: "bali" }],
      { regionQuotas: [{ regions: ["bali", "papua"], minShare: 0.5 }] },
    );
    const r: Result = {
      assignments: [{ exhibitor: "a", booth: "A-1" }, { exhibitor: "b", booth: "A-2" }, { exhibitor: "p", booth: "C-1" }],
      unassigned: [{ exhibitor: "d", reason: "capacity" }],
      stats: { score: 0, upperBound: 0, violations: 0, ms: 0 },
    };
    expect(validateResult(tight, r)).toEqual([]);
    // Had a non-member taken C-1 instead, d could replace them: the quota is missed.
    const swapped = { ...r, assignments: [...r.assignments.slice(0, 2)], unassigned: [{ exhibitor: "d", reason: "capacity" as const }, { exhibitor: "p", reason: "capacity" as const }] };
    expect(validateResult(tight, swapped)).toEqual([
      "region_quota: rules.regionQuotas[0] needs 50% from bali, papua, 0 of 2 assigned are, and d could still take booth C-1",
    ]);
  });

  it("holds a quota by its exception when every eligible member is assigned", () => {
    // Only a and d are from the regions; with both assigned, a 0.9 share is not required.
    const strict = { ...inst, rules: { ...inst.rules, regionQuotas: [{ regions: ["bali", "papua"], minShare: 0.9 }] } };
    expect(validateResult(strict, valid())).toEqual([]);
  });
});
