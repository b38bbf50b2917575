import { describe, expect, it } from "vitest";
import type { Instance } from "~/meetings/scheduler/instance";
import { findEarliestSlot, type LiveBookingInput } from "~/meetings/scheduler/live-booking";
import { compileModel } from "~/meetings/scheduler/model";
import { schedule } from "~/meetings/scheduler/schedule";
import { upperBound } from "~/meetings/scheduler/upper-bound";
import { validateResult } from "~/meetings/scheduler/validate";
import { instance, people, req, slots } from "./scheduler-fixtures";

function run(inst: Instance, seed = 1) {
  const result = schedule(inst, { seed });
  expect(validateResult(inst, result)).toEqual([]);
  return result;
}

const slotOf = (res: ReturnType<typeof run>, id: string) => res.meetings.find((m) => m.request === id)?.slot;
const reasonOf = (res: ReturnType<typeof run>, id: string) => res.unscheduled.find((u) => u.request === id)?.reason;

describe("schedule", () => {
  it("keeps a fixed meeting in its slot even when a heavier request wants that slot", () => {
    const inst = instance({
      slots: slots(1),
      requests: [req(1, "a", "b", { fixed: { slot: "t1" } }), req(2, "a", "c", { weight: 5 })],
    });
    const res = run(inst);
    expect(slotOf(res, "r1")).toBe("t1");
    expect(reasonOf(res, "r2")).toBe("capacity");
  });

  it("never gives a participant more than maxMeetings, and says so", () => {
    const inst = instance({
      participants: [{ id: "a", unavailable: [], maxMeetings: 2 }, ...people("b", "c", "d")],
      requests: [req(1, "a", "b"), req(2, "a", "c"), req(3, "a", "d")],
    });
    const res = run(inst);
    expect(res.stats.scheduled).toBe(2);
    expect(res.unscheduled).toEqual([{ request: expect.any(String), reason: "participant_limit" }]);
  });

  it("only uses slots of the request's session", () => {
    const inst = instance({
      slots: [{ id: "t1", session: "morning" }, { id: "t2", session: "afternoon" }],
      requests: [req(1, "a", "b", { session: "afternoon" }), req(2, "a", "c", { session: "afternoon" })],
    });
    const res = run(inst);
    expect(res.meetings.map((m) => m.slot)).toEqual(["t2"]);
    expect(res.unscheduled[0].reason).toBe("capacity");
  });

  it("numbers the tables of a slot 1..K without repeats", () => {
    const inst = instance({
      slots: slots(1),
      tables: 3,
      participants: people("a", "b", "c", "d", "e", "f"),
      requests: [req(1, "a", "b"), req(2, "c", "d"), req(3, "e", "f")],
    });
    const res = run(inst);
    expect(res.meetings.map((m) => m.table).sort()).toEqual([1, 2, 3]);
  });

  it("uses no more tables than a slot has (tablesPerSlot overrides tables)", () => {
    const inst = instance({
      slots: slots(2),
      tables: 2,
      tablesPerSlot: { t1: 0, t2: 1 },
      requests: [req(1, "a", "b"), req(2, "c", "d")],
    });
    const res = run(inst);
    expect(res.meetings).toEqual([{ request: expect.any(String), slot: "t2", table: 1 }]);
  });

  it("reports no_common_slot when the two people are never free together", () => {
    const inst = instance({
      slots: slots(2),
      participants: [{ id: "a", unavailable: ["t1"] }, { id: "b", unavailable: ["t2"] }],
      requests: [req(1, "a", "b")],
    });
    expect(run(inst).unscheduled).toEqual([{ request: "r1", reason: "no_common_slot" }]);
  });

  it("prefers the heavier of two requests that compete for the only slot", () => {
    const inst = instance({ slots: slots(1), requests: [req(1, "a", "b", { weight: 1 }), req(2, "a", "c", { weight: 3 })] });
    const res = run(inst);
    expect(res.stats.weight).toBe(3);
    expect(slotOf(res, "r2")).toBe("t1");
  });

  it("schedules buyer–buyer meetings (a triangle needs three slots)", () => {
    const tri = [req(1, "a", "b"), req(2, "b", "c"), req(3, "c", "a")];
    expect(run(instance({ slots: slots(3), requests: tri })).stats.scheduled).toBe(3);
    const one = run(instance({ slots: slots(1), requests: tri }));
    expect(one.stats).toMatchObject({ scheduled: 1, upperBound: 1 });
  });

  it("gives the same schedule for the same seed", () => {
    const inst = instance({
      slots: slots(4),
      participants: people("a", "b", "c", "d", "e"),
      requests: [req(1, "a", "b"), req(2, "a", "c"), req(3, "b", "c"), req(4, "d", "e"), req(5, "a", "d"), req(6, "c", "e")],
    });
    const once = (seed: number) => {
      const res = schedule(inst, { seed });
      return { ...res, stats: { ...res.stats, ms: 0 } };
    };
    expect(once(9)).toEqual(once(9));
  });

  it("returns a valid answer when the time budget is already spent", () => {
    let clock = 0;
    const inst = instance({ slots: slots(2), requests: [req(1, "a", "b"), req(2, "a", "c"), req(3, "b", "c")] });
    const res = schedule(inst, { timeLimitMs: 1, now: () => (clock += 1000) });
    expect(validateResult(inst, res)).toEqual([]);
  });

  it("re-runs from a previous schedule without moving meetings that still fit", () => {
    const inst = instance({
      slots: slots(3),
      participants: people("a", "b", "c", "d"),
      requests: [req(1, "a", "b"), req(2, "c", "d"), req(3, "a", "c")],
    });
    const initial = { r1: "t3", r2: "t1", r3: "t2", gone: "t1" };
    const res = schedule(inst, { seed: 1, initial });
    expect(validateResult(inst, res)).toEqual([]);
    expect(res.meetings.map((m) => [m.request, m.slot]).sort()).toEqual([["r1", "t3"], ["r2", "t1"], ["r3", "t2"]]);
  });

  it("handles an empty instance", () => {
    const inst = instance({ slots: [], participants: [], requests: [] });
    expect(run(inst).stats).toMatchObject({ requests: 0, scheduled: 0, upperBound: 0, idleGaps: 0 });
  });
});

describe("upperBound", () => {
  const ub = (inst: Instance) => upperBound(compileModel(inst));

  it.each([
    ["live requests", instance({ requests: [req(1, "a", "b"), req(2, "c", "d")] }), 2],
    ["the total number of tables", instance({ slots: slots(2), tables: 1, requests: [req(1, "a", "b"), req(2, "c", "d"), req(3, "a", "c")] }), 2],
    ["one meeting per person and slot", instance({ slots: slots(2), requests: [req(1, "a", "b"), req(2, "a", "c"), req(3, "a", "d")] }), 2],
    ["requests without a common slot", instance({ slots: slots(1), participants: [{ id: "a", unavailable: ["t1"] }, ...people("b")], requests: [req(1, "a", "b")] }), 0],
    ["maxMeetings", instance({ participants: [{ id: "a", unavailable: [], maxMeetings: 1 }, ...people("b", "c")], requests: [req(1, "a", "b"), req(2, "a", "c")] }), 1],
  ])("is limited by %s", (_rule, inst, expected) => {
    expect(ub(inst).count).toBe(expected);
  });

  it("bounds weights by the heaviest requests that could fit", () => {
    const inst = instance({ slots: slots(1), requests: [req(1, "a", "b", { weight: 4 }), req(2, "a", "c", { weight: 1 })] });
    expect(ub(inst)).toMatchObject({ count: 1, weight: 4 });
  });
});

describe("findEarliestSlot", () => {
  const base: LiveBookingInput = {
    slots: [
      { id: "d1-0900", session: "morning", tables: 2 },
      { id: "d1-0920", session: "morning", tables: 2 },
      { id: "d1-1300", session: "afternoon", tables: 1 },
    ],
    busyA: [],
    busyB: [],
    occupiedTables: {},
  };

  it.each<[string, Partial<LiveBookingInput>, ReturnType<typeof findEarliestSlot>]>([
    ["books the first slot and table when all is free", {}, { ok: true, slot: "d1-0900", table: 1 }],
    ["skips slots where either person is busy", { busyA: ["d1-0900"], busyB: ["d1-0920"] }, { ok: true, slot: "d1-1300", table: 1 }],
    ["takes the lowest free table", { occupiedTables: { "d1-0900": [1] } }, { ok: true, slot: "d1-0900", table: 2 }],
    ["skips full slots", { occupiedTables: { "d1-0900": [2, 1] } }, { ok: true, slot: "d1-0920", table: 1 }],
    ["respects the session", { session: "afternoon" }, { ok: true, slot: "d1-1300", table: 1 }],
    ["ignores slots before notBefore", { notBefore: "d1-0920" }, { ok: true, slot: "d1-0920", table: 1 }],
    ["says no_common_slot when the two are never free together", { busyA: ["d1-0900", "d1-1300"], busyB: ["d1-0920"] }, { ok: false, reason: "no_common_slot" }],
    ["says capacity when every common slot is full", { busyA: ["d1-0900", "d1-0920"], occupiedTables: { "d1-1300": [1] } }, { ok: false, reason: "capacity" }],
  ])("%s", (_rule, change, expected) => {
    expect(findEarliestSlot({ ...base, ...change })).toEqual(expected);
  });
});
