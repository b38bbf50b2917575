// Mutable schedule used by the search. Every change goes through `move`, which logs it, so a failed
// ejection chain or a rejected perturbation is undone exactly by `rollback` (no copying of arrays).
import type { Model } from "./model";

export interface State {
  m: Model;
  /** Slot of each request, -1 when unscheduled. */
  slotOf: Int32Array;
  /** P × T: request occupying the person in the slot, or -1. */
  busy: Int32Array;
  load: Int32Array;
  count: Int32Array;
  /** Requests in each slot: members[memberStart[t] .. memberStart[t] + load[t]). */
  members: Int32Array;
  memberStart: Int32Array;
  pos: Int32Array;
  weight: number;
  scheduled: number;
  /** Pairs (request, previous slot) since the last commit. */
  log: number[];
  /** Commit counter, and the commit that last changed each person's meetings. */
  clock: number;
  changedAt: Int32Array;
}

/**
 * Creates an empty schedule for a model.
 *
 * @example
 * const s = createState(compileModel(instance));
 * s.scheduled; // 0
 */
export function createState(m: Model): State {
  const perSlot = new Int32Array(m.T);
  for (let i = 0; i < m.allowedSlots.length; i++) perSlot[m.allowedSlots[i]]++;
  const memberStart = new Int32Array(m.T + 1);
  for (let t = 0; t < m.T; t++) memberStart[t + 1] = memberStart[t] + Math.min(perSlot[t], m.capacity[t]);
  return {
    m,
    slotOf: new Int32Array(m.R).fill(-1),
    busy: new Int32Array(m.P * m.T).fill(-1),
    load: new Int32Array(m.T),
    count: new Int32Array(m.P),
    members: new Int32Array(memberStart[m.T]),
    memberStart,
    pos: new Int32Array(m.R).fill(-1),
    weight: 0,
    scheduled: 0,
    log: [],
    clock: 0,
    changedAt: new Int32Array(m.P),
  };
}

function detach(s: State, r: number): void {
  const t = s.slotOf[r];
  if (t < 0) return;
  const { m } = s;
  s.busy[m.reqA[r] * m.T + t] = -1;
  s.busy[m.reqB[r] * m.T + t] = -1;
  s.count[m.reqA[r]]--;
  s.count[m.reqB[r]]--;
  const last = s.members[s.memberStart[t] + s.load[t] - 1];
  s.members[s.pos[r]] = last;
  s.pos[last] = s.pos[r];
  s.pos[r] = -1;
  s.load[t]--;
  s.slotOf[r] = -1;
  s.weight -= m.weight[r];
  s.scheduled--;
}

function attach(s: State, r: number, t: number): void {
  const { m } = s;
  s.busy[m.reqA[r] * m.T + t] = r;
  s.busy[m.reqB[r] * m.T + t] = r;
  s.count[m.reqA[r]]++;
  s.count[m.reqB[r]]++;
  const p = s.memberStart[t] + s.load[t];
  s.members[p] = r;
  s.pos[r] = p;
  s.load[t]++;
  s.slotOf[r] = t;
  s.weight += m.weight[r];
  s.scheduled++;
}

/**
 * Moves a request to slot t (-1 unschedules it) and logs the change; the caller checks feasibility.
 *
 * @example
 * move(s, 0, 3); // request 0 now meets in slot 3
 */
export function move(s: State, r: number, t: number): void {
  s.log.push(r, s.slotOf[r]);
  detach(s, r);
  if (t >= 0) attach(s, r, t);
}

/**
 * Undoes every logged move back to a mark taken with `s.log.length`.
 *
 * @example
 * const mark = s.log.length; move(s, 0, 3); rollback(s, mark); // as before
 */
export function rollback(s: State, mark: number): void {
  while (s.log.length > mark) {
    const old = s.log.pop()!;
    const r = s.log.pop()!;
    detach(s, r);
    if (old >= 0) attach(s, r, old);
  }
}

/**
 * Accepts every logged move: clears the log and records which people changed, so that searches which
 * failed around unchanged people are not repeated.
 *
 * @example
 * if (insertByChain(search, r, 400)) commit(s);
 */
export function commit(s: State): void {
  if (s.log.length === 0) return;
  s.clock++;
  for (let i = 0; i < s.log.length; i += 2) {
    const r = s.log[i];
    s.changedAt[s.m.reqA[r]] = s.clock;
    s.changedAt[s.m.reqB[r]] = s.clock;
  }
  s.log.length = 0;
}

/**
 * True when a scheduled request could move to slot t without displacing anyone.
 *
 * @example
 * if (fitsMove(s, r, t)) move(s, r, t);
 */
export function fitsMove(s: State, r: number, t: number): boolean {
  const { m } = s;
  return (
    m.allowedFlag[r * m.T + t] === 1 &&
    s.load[t] < m.capacity[t] &&
    s.busy[m.reqA[r] * m.T + t] < 0 &&
    s.busy[m.reqB[r] * m.T + t] < 0
  );
}

/**
 * True when an unscheduled request could be added in slot t without displacing anyone.
 *
 * @example
 * if (fitsAdd(s, r, t)) move(s, r, t);
 */
export function fitsAdd(s: State, r: number, t: number): boolean {
  const { m } = s;
  return (
    fitsMove(s, r, t) &&
    s.count[m.reqA[r]] < m.maxMeetings[m.reqA[r]] &&
    s.count[m.reqB[r]] < m.maxMeetings[m.reqB[r]]
  );
}
