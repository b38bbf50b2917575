import { describe, expect, it } from "vitest";
import { type BoothRect, deriveAdjacency, generateGrid, isCorner, overlaps } from "~/booths/geometry";

const r = (code: string, x: number, y: number, w = 3, h = 3): BoothRect => ({ code, x, y, w, h });

describe("overlaps", () => {
  it.each([
    ["booths sharing an edge do not overlap", r("A", 0, 0), r("B", 3, 0), false],
    ["booths touching at a corner do not overlap", r("A", 0, 0), r("B", 3, 3), false],
    ["booths apart do not overlap", r("A", 0, 0), r("B", 5, 0), false],
    ["booths covering a common cell overlap", r("A", 0, 0), r("B", 2, 2), true],
    ["a booth inside another overlaps it", r("A", 0, 0, 6, 6), r("B", 1, 1, 2, 2), true],
  ])("%s", (_, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});

describe("deriveAdjacency", () => {
  it("links booths that share an edge segment, both ways, and not diagonal neighbours", () => {
    const adj = deriveAdjacency([r("A", 0, 0), r("B", 3, 0), r("C", 0, 3), r("D", 3, 3), r("E", 9, 0)]);
    expect(Object.fromEntries(adj)).toEqual({ A: ["B", "C"], B: ["A", "D"], C: ["A", "D"], D: ["B", "C"], E: [] });
  });

  it("links booths of different sizes whose edges overlap only partly", () => {
    // A 6×6 island next to two 3×3 booths stacked on its right, and one offset below.
    const adj = deriveAdjacency([r("I", 0, 0, 6, 6), r("R1", 6, 0), r("R2", 6, 3), r("Low", 3, 6)]);
    expect(adj.get("I")).toEqual(["Low", "R1", "R2"]);
    expect(adj.get("Low")).toEqual(["I"]); // touches R2 only at the corner (6, 6)
  });

  it("does not link booths whose edges only meet at a point across an aisle", () => {
    expect(deriveAdjacency([r("A", 0, 0), r("B", 0, 4)]).get("A")).toEqual([]);
  });
});

describe("isCorner", () => {
  const doubleRow = generateGrid({ rows: 2, cols: 4, startX: 0, startY: 0, w: 3, h: 3, codePattern: "{row}{n}" });
  const at = (code: string) => doubleRow.find((b) => b.code === code)!;

  it.each([
    ["the end of a double row (front and side open) is a corner", "A1", true],
    ["the other end is a corner", "B4", true],
    ["an in-line booth (only the front open) is not a corner", "A2", false],
    ["an in-line booth in the back row is not a corner", "B3", false],
  ])("%s", (_, code, expected) => {
    expect(isCorner(at(code), doubleRow)).toBe(expected);
  });

  it("does not count a pass-through booth (two opposite sides open) as a corner", () => {
    const single = generateGrid({ rows: 1, cols: 3, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}" });
    expect(single.map((b) => isCorner(b, single))).toEqual([true, false, true]);
  });

  it("counts a side as open when neighbours cover only part of it", () => {
    // B covers half of A's right side; the other half faces the aisle, and A's top is open.
    const plan = [r("A", 0, 0, 3, 6), r("B", 3, 0, 3, 3), r("C", 0, 6, 3, 3), r("L", -3, 0, 3, 6)];
    expect(isCorner(plan[0], plan)).toBe(true);
    const closed = [...plan, r("B2", 3, 3, 3, 3), r("T", 0, -3, 3, 3)];
    expect(isCorner(closed[0], closed)).toBe(false);
  });

  it("treats an island as a corner", () => {
    const island = r("I", 0, 0, 6, 6);
    expect(isCorner(island, [island])).toBe(true);
  });
});

describe("generateGrid", () => {
  it("numbers through the grid with a two-digit counter", () => {
    const g = generateGrid({ rows: 2, cols: 6, startX: 10, startY: 5, w: 3, h: 2, codePattern: "A-{nn}" });
    expect(g.map((b) => b.code)).toEqual(["A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08", "A-09", "A-10", "A-11", "A-12"]);
    expect(g[7]).toEqual({ code: "A-08", x: 13, y: 7, w: 3, h: 2 });
  });

  it("restarts the counter in each row with a row letter", () => {
    const g = generateGrid({ rows: 3, cols: 2, startX: 0, startY: 0, w: 3, h: 3, codePattern: "{row}{n}" });
    expect(g.map((b) => b.code)).toEqual(["A1", "A2", "B1", "B2", "C1", "C2"]);
  });

  it("continues row letters past Z like a spreadsheet", () => {
    const g = generateGrid({ rows: 28, cols: 1, startX: 0, startY: 0, w: 1, h: 1, codePattern: "{row}-{n}" });
    expect(g.slice(24).map((b) => b.code)).toEqual(["Y-1", "Z-1", "AA-1", "AB-1"]);
  });

  it("leaves an aisle after every aisleEvery rows, so back-to-back rows touch and facing rows do not", () => {
    const g = generateGrid({ rows: 4, cols: 1, startX: 0, startY: 0, w: 3, h: 3, aisleEvery: 2, aisleWidth: 2, codePattern: "{row}{n}" });
    expect(g.map((b) => b.y)).toEqual([0, 3, 8, 11]);
    const adj = deriveAdjacency(g);
    expect([adj.get("A1"), adj.get("B1"), adj.get("C1")]).toEqual([["B1"], ["A1"], ["D1"]]);
  });

  it("never produces overlapping booths or duplicate codes", () => {
    const g = generateGrid({ rows: 5, cols: 7, startX: 0, startY: 0, w: 3, h: 3, aisleEvery: 2, codePattern: "{row}{nn}" });
    expect(new Set(g.map((b) => b.code)).size).toBe(g.length);
    expect(g.some((a, i) => g.some((b, j) => i < j && overlaps(a, b)))).toBe(false);
  });

  it.each([
    ["rows is zero", { rows: 0 }, "rows must be an integer ≥ 1"],
    ["w is fractional", { w: 1.5 }, "w must be an integer ≥ 1"],
    ["the pattern has no counter", { codePattern: "{row}" }, "codePattern needs a counter ({n} or {nn})"],
  ])("rejects options where %s", (_, bad, message) => {
    const opts = { rows: 2, cols: 2, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}", ...bad };
    expect(() => generateGrid(opts)).toThrow(message);
  });
});
