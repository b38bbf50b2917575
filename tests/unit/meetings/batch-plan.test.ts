import { describe, expect, it } from "vitest";
import { assignTables, idleGapsByPerson } from "~/meetings/batch-plan";

describe("assignTables", () => {
  it("keeps published meetings at their table and gives new ones the lowest free table", () => {
    const tables = assignTables([{ request: "r1", slot: "s1" }, { request: "r2", slot: "s1" }, { request: "r3", slot: "s1" }, { request: "r4", slot: "s2" }], new Map([["r2", 1]]), 3);
    expect(Object.fromEntries(tables)).toEqual({ r2: 1, r1: 2, r3: 3, r4: 1 });
  });

  it("gives no table when a slot is over capacity", () => {
    expect(assignTables([{ request: "a", slot: "s" }, { request: "b", slot: "s" }], new Map(), 1).has("b")).toBe(false);
  });
});

describe("idleGapsByPerson", () => {
  const slots = ["a", "b", "c", "d"].map((id) => ({ id, day: "d1" })).concat([{ id: "e", day: "d2" }, { id: "f", day: "d2" }]);
  it.each([
    ["back to back meetings", [["r1", "a"], ["r2", "b"]], {}],
    ["one empty slot between", [["r1", "a"], ["r2", "c"]], { p: 1 }],
    ["two empty slots between", [["r1", "a"], ["r2", "d"]], { p: 2 }],
    ["meetings on two days are not a gap", [["r1", "d"], ["r2", "e"]], {}],
  ])("counts %s", (_label, placed, expected) => {
    const meetings = (placed as string[][]).map(([request, slot]) => ({ request: request!, slot: slot! }));
    const gaps = idleGapsByPerson(meetings, { r1: ["p", "q"], r2: ["p", "x"] }, slots);
    expect(Object.fromEntries(gaps)).toEqual(expected);
  });
});
