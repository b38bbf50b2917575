import { describe, expect, it } from "vitest";
import { parseInstance } from "~/meetings/scheduler/instance";

/** A valid instance in the contract's JSON shape; each case below breaks one thing. */
function base(): any {
  return {
    slots: [
      { id: "d1-0900", day: "2026-12-13", session: "morning" },
      { id: "d1-0920", day: "2026-12-13", session: "morning" },
      { id: "d1-1300", day: "2026-12-13", session: "afternoon" },
    ],
    tables: 2,
    tablesPerSlot: { "d1-0900": 1 },
    participants: [
      { id: "b1", unavailable: ["d1-0900"], maxMeetings: 2 },
      { id: "s7" },
      { id: "s9" },
    ],
    requests: [
      { id: "r1", a: "b1", b: "s7", weight: 2, session: "morning" },
      { id: "r2", a: "b1", b: "s9", fixed: { slot: "d1-0920" } },
      { id: "r3", a: "s7", b: "s9" },
    ],
  };
}

type Case = [rule: string, mutate: (x: any) => unknown, error: string];

const cases: Case[] = [
  ["slots must be an array", (x) => (x.slots = "d1"), 'slots: expected an array, got "d1"'],
  ["a slot needs a string id", (x) => (x.slots[1].id = 5), "slots[1].id: expected a non-empty string, got 5"],
  ["slot ids are unique", (x) => (x.slots[2].id = "d1-0900"), 'slots[2].id: duplicate slot id "d1-0900"'],
  ["a slot day is a string", (x) => (x.slots[0].day = 13), "slots[0].day: expected a non-empty string, got 13"],
  ["tables is required", (x) => delete x.tables, "tables: expected a non-negative integer, got undefined"],
  ["tables cannot be negative", (x) => (x.tables = -1), "tables: expected a non-negative integer, got -1"],
  ["tables must be whole", (x) => (x.tables = 1.5), "tables: expected a non-negative integer, got 1.5"],
  ["tablesPerSlot names known slots", (x) => (x.tablesPerSlot = { d9: 3 }), 'tablesPerSlot.d9: unknown slot "d9"'],
  ["tablesPerSlot values are counts", (x) => (x.tablesPerSlot["d1-0900"] = -2), "tablesPerSlot.d1-0900: expected a non-negative integer, got -2"],
  ["participant ids are unique", (x) => (x.participants[2].id = "s7"), 'participants[2].id: duplicate participant id "s7"'],
  ["unavailable lists known slots", (x) => (x.participants[1].unavailable = ["d1-0900", "x"]), 'participants[1].unavailable[1]: unknown slot "x"'],
  ["unavailable is an array", (x) => (x.participants[1].unavailable = "d1-0900"), 'participants[1].unavailable: expected an array, got "d1-0900"'],
  ["maxMeetings is a count", (x) => (x.participants[0].maxMeetings = -1), "participants[0].maxMeetings: expected a non-negative integer, got -1"],
  ["request ids are unique", (x) => (x.requests[2].id = "r1"), 'requests[2].id: duplicate request id "r1"'],
  ["request a is a known participant", (x) => (x.requests[0].a = "b2"), 'requests[0].a: unknown participant "b2"'],
  ["request b is a known participant", (x) => (x.requests[2].b = "p9"), 'requests[2].b: unknown participant "p9"'],
  ["nobody meets themselves", (x) => (x.requests[2].b = "s7"), 'requests[2].b: a request cannot be with oneself ("s7")'],
  ["weight is positive", (x) => (x.requests[0].weight = 0), "requests[0].weight: expected a positive number, got 0"],
  ["weight is a number", (x) => (x.requests[0].weight = "2"), 'requests[0].weight: expected a positive number, got "2"'],
  ["a session must exist on some slot", (x) => (x.requests[0].session = "evening"), 'requests[0].session: no slot has session "evening"'],
  ["fixed is an object", (x) => (x.requests[1].fixed = "d1-0920"), 'requests[1].fixed: expected an object, got "d1-0920"'],
  ["fixed names a known slot", (x) => (x.requests[1].fixed.slot = "d2"), 'requests[1].fixed.slot: unknown slot "d2"'],
  [
    "a fixed slot must be available to both people",
    (x) => (x.requests[1].fixed.slot = "d1-0900"),
    'requests[1].fixed.slot: participant "b1" is unavailable in slot "d1-0900"',
  ],
  [
    "a fixed slot must be inside the request's session",
    (x) => (x.requests[1].session = "afternoon"),
    'requests[1].fixed.slot: slot "d1-0920" is outside session "afternoon"',
  ],
  [
    "one person cannot have two fixed meetings in one slot",
    (x) => (x.requests[2].fixed = { slot: "d1-0920" }),
    'requests[2].fixed.slot: participant "s9" already has fixed meeting "r2" in slot "d1-0920"',
  ],
  [
    "fixed meetings in a slot cannot exceed its tables",
    (x) => {
      x.tablesPerSlot["d1-0920"] = 0;
    },
    'requests[1].fixed.slot: more fixed meetings in slot "d1-0920" than its 0 tables',
  ],
  [
    "fixed meetings cannot exceed maxMeetings",
    (x) => (x.participants[0].maxMeetings = 0),
    'requests[1].fixed.slot: participant "b1" has more fixed meetings than maxMeetings 0',
  ],
];

describe("parseInstance", () => {
  it("accepts the contract's example shape with defaults filled in", () => {
    const res = parseInstance(base());
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.instance.requests[2].weight).toBe(1);
    expect(res.instance.participants[1].unavailable).toEqual([]);
    expect(res.instance.tablesPerSlot).toEqual({ "d1-0900": 1 });
  });

  it("rejects anything but an object at the top", () => {
    expect(parseInstance([])).toEqual({ ok: false, error: "instance: expected an object, got []" });
  });

  it.each(cases)("rejects invalid input: %s", (_rule, mutate, error) => {
    const x = base();
    mutate(x);
    expect(parseInstance(x)).toEqual({ ok: false, error });
  });

  it("ignores unknown top-level keys so the format can grow", () => {
    expect(parseInstance({ ...base(), event: "Temu Bisnis Solo" }).ok).toBe(true);
  });
});
