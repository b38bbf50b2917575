// Phase 1b: ejection chains. To add an unscheduled request h we put it in a slot and displace at most one
// meeting, which then looks for a new slot itself (a Kempe-style chain across slots), or is dropped and
// its freed seat is given to another pending request of the same person (an augmenting path inside one
// slot, as in bipartite matching). The chain succeeds when the total weight has grown; otherwise every
// move is rolled back. Each request is touched at most once per search (Kuhn-style marks), and a node
// budget keeps one search cheap even around a popular seller with thousands of requests.
import type { Rng } from "../../utils/rng";
import { fitsMove, move, rollback, type State } from "./state";

const EPS = 1e-9;
const MAX_DEPTH = 64;
/** How many meetings of a full slot we test for a free move before ejecting one. */
const CAPACITY_PROBES = 8;

export interface Search {
  s: State;
  rnd: Rng;
  mark: Int32Array;
  stamp: number;
  budget: number;
  /** Nodes spent by all searches so far (the deterministic effort measure). */
  spent: number;
  /** Weight at the start of the current chain: success means strictly more. */
  base: number;
  /** A request no chain may move (the one a kick just forced in), or -1. */
  locked: number;
  /** Second meeting displaced by the last `clearFor`, or -1. */
  second: number;
  /** Whether `clearFor` may displace both people's meetings (tried only after single displacements). */
  double: boolean;
}

/**
 * Prepares reusable search scratch space for a state.
 *
 * @example
 * const search = createSearch(state, createRng(1));
 */
export function createSearch(s: State, rnd: Rng): Search {
  return { s, rnd, mark: new Int32Array(s.m.R), stamp: 0, budget: 0, spent: 0, base: 0, locked: -1, second: -1, double: false };
}

function movable(x: Search, r: number): boolean {
  return x.s.m.fixedSlot[r] < 0 && x.mark[r] !== x.stamp && r !== x.locked;
}

/** Moves r to any slot where it fits without displacing anyone. */
function relocateFree(x: Search, r: number, avoid: number): boolean {
  const { m } = x.s;
  for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) {
    const t = m.allowedSlots[k];
    if (t !== avoid && fitsMove(x.s, r, t)) {
      move(x.s, r, t);
      x.mark[r] = x.stamp;
      return true;
    }
  }
  return false;
}

/** A meeting of a full slot to make room: one that can move away freely if any, else a random one. */
function capacityVictim(x: Search, t: number): number {
  const { s } = x;
  const first = s.memberStart[t];
  const n = s.load[t];
  let fallback = -1;
  for (let i = 0; i < Math.min(n, CAPACITY_PROBES); i++) {
    const c = s.members[first + Math.floor(x.rnd() * n)];
    if (!movable(x, c)) continue;
    if (relocateFree(x, c, t)) return -1;
    fallback = c;
  }
  return fallback === -1 ? -2 : fallback;
}

/** A meeting of person p (capped by maxMeetings) to drop, or -2. */
function capVictim(x: Search, p: number): number {
  const { s } = x;
  const T = s.m.T;
  const off = Math.floor(x.rnd() * T);
  for (let i = 0; i < T; i++) {
    const c = s.busy[p * T + ((off + i) % T)];
    if (c >= 0 && movable(x, c)) return c;
  }
  return -2;
}

/**
 * Makes room for h in slot t. Returns the meeting it had to unschedule (and sets `x.second` when both
 * people's meetings had to go), -1 if none, or -2 when room cannot be made (the caller rolls back).
 */
function clearFor(x: Search, h: number, t: number): number {
  const { s } = x;
  const { m } = s;
  const a = m.reqA[h];
  const b = m.reqB[h];
  let ca = s.busy[a * m.T + t];
  let cb = s.busy[b * m.T + t];
  x.second = -1;
  if (cb === ca) cb = -1;
  if ((ca >= 0 && !movable(x, ca)) || (cb >= 0 && !movable(x, cb))) return -2;
  if (ca >= 0 && cb >= 0) {
    // Both people busy: move one of the two meetings away for free if we can, else displace both.
    if (relocateFree(x, cb, t)) cb = -1;
    else if (relocateFree(x, ca, t)) [ca, cb] = [cb, -1];
    else if (x.double) x.second = cb;
    else return -2;
  }
  let out = ca >= 0 ? ca : cb;
  if (out < 0 && s.load[t] >= m.capacity[t]) {
    out = capacityVictim(x, t);
    if (out === -2) return -2;
  }
  for (const p of [a, b]) {
    if (s.count[p] < m.maxMeetings[p] || involves(m, out, p) || involves(m, x.second, p)) continue;
    if (out >= 0) return -2;
    out = capVictim(x, p);
    if (out === -2) return -2;
  }
  for (const c of [out, x.second]) {
    if (c < 0) continue;
    move(s, c, -1);
    x.mark[c] = x.stamp;
  }
  return out;
}

function involves(m: State["m"], r: number, p: number): boolean {
  return r >= 0 && (m.reqA[r] === p || m.reqB[r] === p);
}

/** Puts h (unscheduled) into slot t, then continues the chain with whatever it displaced. */
function tryAt(x: Search, h: number, t: number, depth: number): boolean {
  const { s } = x;
  if (s.m.capacity[t] === 0) return false;
  const mark = s.log.length;
  const out = clearFor(x, h, t);
  const second = x.second;
  if (out !== -2) {
    move(s, h, t);
    if (s.weight > x.base + EPS) return true;
    if (out >= 0 && depth < MAX_DEPTH) {
      if (second < 0 ? follow(x, out, t, depth + 1) : followBoth(x, out, second, t, depth + 1)) return true;
    }
  }
  rollback(s, mark);
  return false;
}

/** The displaced c finds a new slot, or gives its seat in t to another pending request. */
function follow(x: Search, c: number, t: number, depth: number): boolean {
  return place(x, c, depth) || substitute(x, c, t, depth);
}

/**
 * Two meetings were displaced: the first chain only has to make up for its own loss (as if the second
 * were already back), then the second chain must bring the total above the start.
 */
function followBoth(x: Search, c1: number, c2: number, t: number, depth: number): boolean {
  const base = x.base;
  x.base = base - x.s.m.weight[c2];
  const first = follow(x, c1, t, depth);
  x.base = base;
  return first && (x.s.weight > base + EPS || follow(x, c2, t, depth));
}

/** Finds a slot for the unscheduled h: first a free one, then one where it displaces meetings. */
function place(x: Search, h: number, depth: number): boolean {
  const { s } = x;
  const { m } = s;
  x.spent++;
  if (--x.budget < 0) return false;
  const from = m.allowedStart[h];
  const n = m.allowedStart[h + 1] - from;
  for (let k = 0; k < n; k++) {
    const t = m.allowedSlots[from + k];
    if (fitsMove(s, h, t) && s.count[m.reqA[h]] < m.maxMeetings[m.reqA[h]] && s.count[m.reqB[h]] < m.maxMeetings[m.reqB[h]]) {
      const mark = s.log.length;
      move(s, h, t);
      if (s.weight > x.base + EPS) return true;
      rollback(s, mark);
    }
  }
  // Displace one meeting first; displacing two (a tree of chains) only for the request we started from,
  // and only when single displacements found nothing: deeper, the wider search costs more than it finds.
  const off = Math.floor(x.rnd() * n);
  for (const double of depth === 0 ? [false, true] : [false]) {
    for (let k = 0; k < n && x.budget >= 0; k++) {
      x.double = double;
      if (tryAt(x, h, m.allowedSlots[from + ((off + k) % n)], depth)) return true;
    }
  }
  return false;
}

/** c was dropped from slot t: offer its freed seat to another pending request of one of its people. */
function substitute(x: Search, c: number, t: number, depth: number): boolean {
  const { s } = x;
  const { m } = s;
  for (const q of [m.reqA[c], m.reqB[c]]) {
    if (s.busy[q * m.T + t] >= 0) continue;
    const from = m.adjStart[q];
    const n = m.adjStart[q + 1] - from;
    const off = Math.floor(x.rnd() * n);
    for (let k = 0; k < n; k++) {
      const r = m.adjReq[from + ((off + k) % n)];
      if (s.slotOf[r] >= 0 || x.mark[r] === x.stamp || m.allowedFlag[r * m.T + t] === 0) continue;
      x.spent++;
      if (--x.budget < 0) return false;
      x.mark[r] = x.stamp;
      if (tryAt(x, r, t, depth)) return true;
    }
  }
  return false;
}

/**
 * Tries to add the unscheduled request r by an ejection chain that raises the total weight; leaves the
 * state unchanged when it fails.
 *
 * @example
 * if (insertByChain(search, r, 300)) console.log("one more meeting");
 */
export function insertByChain(x: Search, r: number, budget: number): boolean {
  x.stamp++;
  x.budget = budget;
  x.base = x.s.weight;
  x.mark[r] = x.stamp;
  const mark = x.s.log.length;
  if (place(x, r, 0)) return true;
  rollback(x.s, mark);
  return false;
}
