// Idle gaps (the contract's second objective) and phase 2, which lowers them without touching the set of
// scheduled meetings: a meeting moves to another slot, taking along the Kempe chain of meetings in its
// way (they swap between the two slots). Every step is strictly improving, so the phase never loses a
// meeting and never raises idleGaps.
import type { Rng } from "../../utils/rng";
import { shuffle } from "../../utils/rng";
import { commit, move, rollback, type State } from "./state";

/** Empty slots between a person's first and last meeting of a day. */
function gapOf(s: State, p: number, d: number): number {
  const { m } = s;
  let first = -1;
  let last = -1;
  let n = 0;
  for (let i = m.dayStart[d]; i < m.dayStart[d + 1]; i++) {
    if (s.busy[p * m.T + m.daySlots[i]] < 0) continue;
    if (first < 0) first = i;
    last = i;
    n++;
  }
  return first < 0 ? 0 : last - first + 1 - n;
}

/** True when slot t holds p's first or last meeting of its day (only then can moving it shrink p's span). */
function isEdge(s: State, p: number, t: number): boolean {
  const { m } = s;
  const d = m.dayOf[t];
  let before = false;
  let after = false;
  let seen = false;
  for (let i = m.dayStart[d]; i < m.dayStart[d + 1]; i++) {
    const u = m.daySlots[i];
    if (u === t) seen = true;
    else if (s.busy[p * m.T + u] >= 0) {
      if (seen) after = true;
      else before = true;
    }
  }
  return !before || !after;
}

/**
 * Sum over participants and days of the empty slots between their first and last meeting of the day.
 *
 * @example
 * idleGaps(state); // 0 when everyone meets in one block per day
 */
export function idleGaps(s: State): number {
  const days = s.m.dayStart.length - 1;
  let total = 0;
  for (let p = 0; p < s.m.P; p++) for (let d = 0; d < days; d++) total += gapOf(s, p, d);
  return total;
}

/** Largest Kempe chain we try to swap: longer ones rarely pay and cost more to evaluate. */
const CHAIN_LIMIT = 12;

/**
 * Collects into `chain` the meetings that must swap between e's slot t and slot g together with e: the
 * meetings of e's people in g, of their partners back in t, and so on (a Kempe chain). Swapping the
 * whole chain keeps everyone at one meeting per slot. False when some meeting may not move (fixed,
 * unavailable, wrong session), the chain is too long, or a slot would exceed its tables.
 */
function collectChain(s: State, e: number, g: number, chain: number[], frozen: Uint8Array | undefined): boolean {
  const { m } = s;
  const t = s.slotOf[e];
  chain.length = 0;
  chain.push(e);
  let toG = 0;
  for (let i = 0; i < chain.length; i++) {
    const x = chain[i];
    const there = s.slotOf[x] === t ? g : t;
    if (there === g) toG++;
    if (m.fixedSlot[x] >= 0 || frozen?.[x] || m.allowedFlag[x * m.T + there] === 0) return false;
    const ya = s.busy[m.reqA[x] * m.T + there];
    const yb = s.busy[m.reqB[x] * m.T + there];
    if (!join(chain, ya) || (yb !== ya && !join(chain, yb))) return false;
  }
  const toT = chain.length - toG;
  return s.load[g] + toG - toT <= m.capacity[g] && s.load[t] + toT - toG <= m.capacity[t];
}

/** Adds y (if any) to the chain unless present; false when the chain would grow past the limit. */
function join(chain: number[], y: number): boolean {
  if (y < 0 || chain.includes(y)) return true;
  if (chain.length >= CHAIN_LIMIT) return false;
  chain.push(y);
  return true;
}

/**
 * Cheap filter before building a chain: moving e (now in slot t) to g can only shorten a day of one of
 * its two people if that person is free in g and g touches their other meetings that day (inside the
 * span or next to it), or that day is otherwise empty.
 */
function promising(s: State, e: number, g: number): boolean {
  const { m } = s;
  const t = s.slotOf[e];
  const d = m.dayOf[g];
  for (const p of [m.reqA[e], m.reqB[e]]) {
    if (s.busy[p * m.T + g] >= 0) continue;
    let first = -1;
    let last = -1;
    for (let i = m.dayStart[d]; i < m.dayStart[d + 1]; i++) {
      const u = m.daySlots[i];
      if (u === t || s.busy[p * m.T + u] < 0) continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0 ? d !== m.dayOf[t] : m.posInDay[g] >= first - m.dayStart[d] - 1 && m.posInDay[g] <= last - m.dayStart[d] + 1) {
      return true;
    }
  }
  return false;
}

/** Gaps of everyone in the chain on the days of slots t and g. */
function chainGaps(s: State, chain: number[], t: number, g: number, people: number[]): number {
  const { m } = s;
  people.length = 0;
  for (const x of chain) {
    if (!people.includes(m.reqA[x])) people.push(m.reqA[x]);
    if (!people.includes(m.reqB[x])) people.push(m.reqB[x]);
  }
  const d1 = m.dayOf[t];
  const d2 = m.dayOf[g];
  let total = 0;
  for (const p of people) total += gapOf(s, p, d1) + (d2 === d1 ? 0 : gapOf(s, p, d2));
  return total;
}

function swapChain(s: State, chain: number[], t: number, g: number): void {
  // Note who was in t before anyone moves; then everyone leaves and each takes the other slot.
  const inT: boolean[] = [];
  for (const x of chain) inT.push(s.slotOf[x] === t);
  for (const x of chain) move(s, x, -1);
  for (let i = 0; i < chain.length; i++) move(s, chain[i], inT[i] ? g : t);
}

/** Tries every other slot for e (alone, or with its Kempe chain); keeps the first that lowers gaps. */
function tryShifts(s: State, e: number, chain: number[], people: number[], frozen: Uint8Array | undefined): boolean {
  const { m } = s;
  const t = s.slotOf[e];
  for (let k = m.allowedStart[e]; k < m.allowedStart[e + 1]; k++) {
    const g = m.allowedSlots[k];
    if (g === t || !promising(s, e, g) || !collectChain(s, e, g, chain, frozen)) continue;
    const before = chainGaps(s, chain, t, g, people);
    const mark = s.log.length;
    swapChain(s, chain, t, g);
    if (chainGaps(s, chain, t, g, people) < before) return true;
    rollback(s, mark);
  }
  return false;
}

/**
 * Phase 2: lowers idle gaps by strictly improving moves and swaps until none is left or time is up.
 * After the first pass only meetings of people whose day changed in the previous pass are retried.
 * `frozen` meetings stay where they are (e.g. those an incremental run kept from the previous schedule).
 *
 * @example
 * reduceGaps(state, createRng(1), () => false);
 */
export function reduceGaps(s: State, rnd: Rng, timeUp: () => boolean, frozen?: Uint8Array): void {
  const { m } = s;
  commit(s);
  let since = -1;
  const chain: number[] = [];
  const people: number[] = [];
  for (let pass = 0; pass < 50; pass++) {
    const passStart = s.clock;
    const order: number[] = [];
    for (let r = 0; r < m.R; r++) {
      if (s.slotOf[r] < 0 || m.fixedSlot[r] >= 0 || frozen?.[r]) continue;
      if (s.changedAt[m.reqA[r]] > since || s.changedAt[m.reqB[r]] > since) order.push(r);
    }
    shuffle(rnd, order);
    for (let i = 0; i < order.length; i++) {
      if ((i & 63) === 0 && timeUp()) return;
      const e = order[i];
      // A meeting in the middle of both people's day can only move a hole around: skip it.
      const t = s.slotOf[e];
      const d = m.dayOf[t];
      if (gapOf(s, m.reqA[e], d) + gapOf(s, m.reqB[e], d) === 0) continue;
      if (!isEdge(s, m.reqA[e], t) && !isEdge(s, m.reqB[e], t)) continue;
      if (tryShifts(s, e, chain, people, frozen)) commit(s);
    }
    if (s.clock === passStart) return;
    since = passStart;
  }
}
