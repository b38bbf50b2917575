import { describe, expect, it } from "vitest";
import type { Result } from "~/meetings/scheduler/result";
import { validateResult } from "~/meetings/scheduler/validate";
import { instance, people, req, slots } from "./scheduler-fixtures";

// a–b and c–d in t1, a–c in t2 (r3 is fixed there), b–d unscheduled; d is away in t3.
const inst = instance({
  slots: slots(3, { session: "am" }),
  tables: 2,
  tablesPerSlot: { t3: 1 },
  participants: [...people("a", "b", "c"), { id: "d", unavailable: ["t3"], maxMeetings: 1 }],
  requests: [req(1, "a", "b"), req(2, "c", "d"), req(3, "a", "c", { fixed: { slot: "t2" } }), req(4, "b", "d", { session: "am" })],
});

function valid(): Result {
  return {
    meetings: [
      { request: "r1", slot: "t1", table: 1 },
      { request: "r2", slot: "t1", table: 2 },
      { request: "r3", slot: "t2", table: 1 },
    ],
    unscheduled: [{ request: "r4", reason: "participant_limit" }],
    stats: { requests: 4, scheduled: 3, weight: 3, upperBound: 3, idleGaps: 0, ms: 1 },
  };
}

type Case = [rule: string, mutate: (r: Result) => void, violation: string];

const cases: Case[] = [
  ["a request is scheduled at most once", (r) => r.meetings.push({ request: "r1", slot: "t3", table: 1 }), 'meetings[3].request: request "r1" appears more than once'],
  ["a request is not both scheduled and unscheduled", (r) => r.unscheduled.push({ request: "r1", reason: "capacity" }), 'unscheduled[1].request: request "r1" also appears at meetings[0]'],
  ["every request is accounted for", (r) => (r.unscheduled = []), 'requests[3]: "r4" is neither scheduled nor unscheduled'],
  ["meetings name known requests", (r) => (r.meetings[0].request = "r9"), 'meetings[0].request: unknown request "r9"'],
  ["meetings name known slots", (r) => (r.meetings[0].slot = "t9"), 'meetings[0].slot: unknown slot "t9"'],
  ["nobody meets twice in one slot", (r) => (r.meetings[2] = { request: "r3", slot: "t1", table: 3 }), 'meetings[2]: participant "a" already meets in slot "t1" (request "r1")'],
  ["fixed meetings stay in their slot", (r) => (r.meetings[2].slot = "t3"), 'meetings[2].slot: fixed request "r3" must stay in slot "t2"'],
  ["fixed meetings are never unscheduled", (r) => (r.meetings.pop(), r.unscheduled.push({ request: "r3", reason: "capacity" })), 'unscheduled[1].request: fixed request "r3" must be scheduled'],
  ["nobody meets in a slot they marked unavailable", (r) => (r.meetings[1].slot = "t3"), 'meetings[1].slot: participant "d" is unavailable in slot "t3"'],
  ["maxMeetings holds", (r) => (r.unscheduled = [], r.meetings.push({ request: "r4", slot: "t2", table: 2 })), 'participants[3]: "d" has 2 meetings, maxMeetings is 1'],
  ["tables are numbered from 1", (r) => (r.meetings[0].table = 0), 'meetings[0].table: 0 is not a table of slot "t1" (1..2)'],
  ["tables stop at the slot's count", (r) => (r.meetings[1].table = 3), 'meetings[1].table: 3 is not a table of slot "t1" (1..2)'],
  ["tables are integers", (r) => (r.meetings[1].table = 1.5), 'meetings[1].table: 1.5 is not a table of slot "t1" (1..2)'],
  ["a table hosts one meeting per slot", (r) => (r.meetings[1].table = 1), 'meetings[1].table: table 1 of slot "t1" is already used by request "r1"'],
  ["reasons come from the contract", (r) => ((r.unscheduled[0] as { reason: string }).reason = "busy"), 'unscheduled[0].reason: unknown reason "busy"'],
  ["stats count the meetings", (r) => (r.stats.scheduled = 4), "stats.scheduled: 4, expected 3"],
  ["stats sum the weights", (r) => (r.stats.weight = 2), "stats.weight: 2, expected 3"],
  ["stats recount idle gaps", (r) => (r.stats.idleGaps = 5), "stats.idleGaps: 5, expected 0"],
  ["the upper bound is not below the result", (r) => (r.stats.upperBound = 2), "stats.upperBound: 2 is below the scheduled weight 3"],
];

describe("validateResult", () => {
  it("accepts a valid result", () => {
    expect(validateResult(inst, valid())).toEqual([]);
  });

  it.each(cases)("reports a violation: %s", (_rule, mutate, violation) => {
    const r = valid();
    mutate(r);
    expect(validateResult(inst, r)).toContain(violation);
  });

  it("reports a session violation", () => {
    const withSession = { ...inst, slots: [...slots(2, { session: "am" }), { id: "t3", session: "pm" }] };
    const r = valid();
    r.unscheduled = [];
    r.meetings.push({ request: "r4", slot: "t3", table: 1 });
    expect(validateResult(withSession, r)).toContain('meetings[3].slot: slot "t3" is outside session "am" of request "r4"');
  });

  it("counts idle gaps as empty slots between a person's first and last meeting of each day", () => {
    const days = instance({
      slots: [{ id: "m1", day: "d1" }, { id: "m2", day: "d1" }, { id: "m3", day: "d1" }, { id: "n1", day: "d2" }],
      participants: people("a", "b", "c"),
      requests: [req(1, "a", "b"), req(2, "a", "c"), req(3, "b", "c")],
    });
    // a: m1, m3 (one idle slot); b: m1, n1 (different days, none); c: m3, n1 (none).
    const result = {
      meetings: [
        { request: "r1", slot: "m1", table: 1 },
        { request: "r2", slot: "m3", table: 1 },
        { request: "r3", slot: "n1", table: 1 },
      ],
      unscheduled: [],
      stats: { requests: 3, scheduled: 3, weight: 3, upperBound: 3, idleGaps: 1, ms: 0 },
    };
    expect(validateResult(days, result)).toEqual([]);
    expect(validateResult(days, { ...result, stats: { ...result.stats, idleGaps: 0 } })).toEqual(["stats.idleGaps: 0, expected 1"]);
  });

  it("rejects a result without the three parts", () => {
    expect(validateResult(inst, { meetings: [] })).toEqual(["result: expected { meetings: [], unscheduled: [], stats: {} }"]);
  });
});
