// Result of the contract: meetings with table numbers, unscheduled requests with a reason, stats.
import { usableSlots } from "./construct";
import { idleGaps } from "./gaps";
import type { State } from "./state";

export type UnscheduledReason = "no_common_slot" | "capacity" | "participant_limit";

export interface ScheduledMeeting {
  request: string;
  slot: string;
  table: number;
}

export interface Result {
  meetings: ScheduledMeeting[];
  unscheduled: { request: string; reason: UnscheduledReason }[];
  stats: {
    requests: number;
    scheduled: number;
    weight: number;
    upperBound: number;
    idleGaps: number;
    ms: number;
  };
}

/**
 * Why a request is not in the schedule: no usable common slot at all, one of its people at their
 * maxMeetings, or else every common slot is taken (people busy or no table left).
 *
 * @example
 * unscheduledReason(state, 4); // "participant_limit"
 */
export function unscheduledReason(s: State, r: number): UnscheduledReason {
  const { m } = s;
  if (usableSlots(m, r) === 0) return "no_common_slot";
  if (s.count[m.reqA[r]] >= m.maxMeetings[m.reqA[r]] || s.count[m.reqB[r]] >= m.maxMeetings[m.reqB[r]]) {
    return "participant_limit";
  }
  return "capacity";
}

/**
 * Builds the contract's result from a final state. Tables are numbered 1..k per slot: fixed meetings
 * first (they were published, so they keep the low numbers), then in request order.
 *
 * @example
 * toResult(state, ub.weight, 35).stats.scheduled;
 */
export function toResult(s: State, upperBound: number, ms: number): Result {
  const { m } = s;
  const { instance } = m;
  const nextTable = new Int32Array(m.T).fill(1);
  const meetings: ScheduledMeeting[] = [];
  const unscheduled: Result["unscheduled"] = [];
  const order: number[] = [];
  for (let r = 0; r < m.R; r++) if (m.fixedSlot[r] >= 0) order.push(r);
  for (let r = 0; r < m.R; r++) if (m.fixedSlot[r] < 0) order.push(r);
  let weight = 0; // summed afresh: the running total in the state drifts after many +/- of fractions
  for (const r of order) {
    const t = s.slotOf[r];
    if (t < 0) continue;
    weight += m.weight[r];
    meetings.push({ request: instance.requests[r].id, slot: instance.slots[t].id, table: nextTable[t]++ });
  }
  for (let r = 0; r < m.R; r++) {
    if (s.slotOf[r] < 0) unscheduled.push({ request: instance.requests[r].id, reason: unscheduledReason(s, r) });
  }
  return {
    meetings,
    unscheduled,
    stats: {
      requests: m.R,
      scheduled: s.scheduled,
      weight: roundWeight(weight),
      upperBound: roundWeight(upperBound),
      idleGaps: idleGaps(s),
      ms: Math.round(ms),
    },
  };
}

/** Sums of fractional weights drift in the last bits; 1e-9 precision is plenty for reporting. */
function roundWeight(w: number): number {
  return Math.round(w * 1e9) / 1e9;
}
