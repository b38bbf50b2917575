import { describe, expect, it } from "vitest";
import { parseInstance } from "~/booths/assignment/instance";

const booth = (id: string, extra: object = {}) => ({ id, hall: "A", zone: "batik", size: 9, adjacent: [] as string[], ...extra });
const exhibitor = (id: string, extra: object = {}) => ({ id, size: 9, priority: 1, zones: [], preferred: [], ...extra });
const base = () => ({
  booths: [booth("A-01", { adjacent: ["A-02"] }), booth("A-02"), booth("A-03", { size: 18 })],
  exhibitors: [exhibitor("e0"), exhibitor("e1"), exhibitor("e2"), exhibitor("e3"), exhibitor("e4")],
  rules: { noAdjacentCompetitors: true, regionQuotas: [{ regions: ["bali"], minShare: 0.3 }] },
});
type Raw = ReturnType<typeof base>;

describe("parseInstance", () => {
  it("accepts the contract's example shape and fills defaults", () => {
    const raw = base();
    const parsed = parseInstance({ booths: raw.booths, exhibitors: [{ id: "x", size: 9, priority: 2 }] });
    expect(parsed).toMatchObject({
      ok: true,
      instance: {
        exhibitors: [{ id: "x", zones: [], preferred: [] }],
        rules: { noAdjacentCompetitors: false, regionQuotas: [] },
      },
    });
  });

  const cases: Array<[string, (r: Raw) => unknown, string]> = [
    ["the root is not an object", () => [], "instance: expected an object"],
    ["booths is missing", (r) => ({ ...r, booths: undefined }), "booths: expected an array"],
    ["a booth is not an object", (r) => (((r.booths as unknown[])[1] = 7), r), "booths[1]: expected an object"],
    ["a booth id is empty", (r) => ((r.booths[0].id = " "), r), "booths[0].id: expected a non-empty string"],
    ["booth ids repeat", (r) => ((r.booths[2].id = "A-01"), r), 'booths[2].id: duplicate booth id "A-01" (also booths[0])'],
    ["a booth size is fractional", (r) => ((r.booths[1].size = 4.5), r), "booths[1].size: expected a positive integer"],
    ["a booth size is zero", (r) => ((r.booths[1].size = 0), r), "booths[1].size: expected a positive integer"],
    ["corner is not a boolean", (r) => (Object.assign(r.booths[0], { corner: "yes" }), r), "booths[0].corner: expected a boolean"],
    ["adjacent names an unknown booth", (r) => ((r.booths[1].adjacent = ["A-01", "Z-9"]), r), 'booths[1].adjacent[1]: unknown booth "Z-9"'],
    ["a booth is adjacent to itself", (r) => ((r.booths[1].adjacent = ["A-02"]), r), "booths[1].adjacent[0]: a booth cannot be adjacent to itself"],
    ["exhibitors is not an array", (r) => ({ ...r, exhibitors: {} }), "exhibitors: expected an array"],
    ["an exhibitor size is a string", (r) => (Object.assign(r.exhibitors[4], { size: "9" }), r), "exhibitors[4].size: expected a positive integer"],
    ["a priority is negative", (r) => ((r.exhibitors[2].priority = -1), r), "exhibitors[2].priority: expected a number ≥ 0"],
    ["a priority is missing", (r) => (Object.assign(r.exhibitors[2], { priority: undefined }), r), "exhibitors[2].priority: expected a number ≥ 0"],
    ["exhibitor ids repeat", (r) => ((r.exhibitors[3].id = "e1"), r), 'exhibitors[3].id: duplicate exhibitor id "e1" (also exhibitors[1])'],
    ["zones holds a number", (r) => (Object.assign(r.exhibitors[0], { zones: ["batik", 3] }), r), "exhibitors[0].zones[1]: expected a non-empty string"],
    ["preferred names an unknown booth", (r) => (Object.assign(r.exhibitors[1], { preferred: ["B-1"] }), r), 'exhibitors[1].preferred[0]: unknown booth "B-1"'],
    ["region is a number", (r) => (Object.assign(r.exhibitors[1], { region: 5 }), r), "exhibitors[1].region: expected a string"],
    ["fixed names an unknown booth", (r) => (Object.assign(r.exhibitors[4], { fixed: "A-99" }), r), 'exhibitors[4].fixed: unknown booth "A-99"'],
    ["fixed booth has the wrong size", (r) => (Object.assign(r.exhibitors[4], { fixed: "A-03" }), r), "exhibitors[4].fixed: booth A-03 is 18 m², exhibitor needs 9 m²"],
    [
      "two exhibitors are fixed to one booth",
      (r) => (Object.assign(r.exhibitors[1], { fixed: "A-01" }), Object.assign(r.exhibitors[3], { fixed: "A-01" }), r),
      "exhibitors[3].fixed: booth A-01 is already fixed for exhibitor e1",
    ],
    [
      "fixed competitors sit on adjacent booths",
      (r) => (
        Object.assign(r.exhibitors[0], { fixed: "A-02", competitorGroup: "g" }),
        Object.assign(r.exhibitors[2], { fixed: "A-01", competitorGroup: "g" }),
        r
      ),
      "exhibitors[2].fixed: booth A-01 is adjacent to A-02, fixed for competitor e0",
    ],
    ["rules is an array", (r) => ({ ...r, rules: [] }), "rules: expected an object"],
    ["noAdjacentCompetitors is a string", (r) => (Object.assign(r.rules, { noAdjacentCompetitors: "true" }), r), "rules.noAdjacentCompetitors: expected a boolean"],
    ["minShare is above 1", (r) => ((r.rules.regionQuotas[0].minShare = 1.5), r), "rules.regionQuotas[0].minShare: expected a number between 0 and 1"],
    ["minShare is negative", (r) => ((r.rules.regionQuotas[0].minShare = -0.1), r), "rules.regionQuotas[0].minShare: expected a number between 0 and 1"],
    ["a quota lists no regions", (r) => ((r.rules.regionQuotas[0].regions = []), r), "rules.regionQuotas[0].regions: expected a non-empty array of strings"],
  ];

  it.each(cases)("rejects input where %s", (_, mutate, error) => {
    expect(parseInstance(mutate(base()))).toEqual({ ok: false, error });
  });

  it("allows fixed competitors on adjacent booths when the adjacency rule is off", () => {
    const raw = base();
    raw.rules.noAdjacentCompetitors = false;
    Object.assign(raw.exhibitors[0], { fixed: "A-02", competitorGroup: "g" });
    Object.assign(raw.exhibitors[2], { fixed: "A-01", competitorGroup: "g" });
    expect(parseInstance(raw).ok).toBe(true);
  });
});
