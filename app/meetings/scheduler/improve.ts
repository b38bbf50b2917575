// Phase 1c: iterated local search around the ejection chains. Passes try pending requests with growing
// node budgets; then "kicks" force one pending request into a random slot, repair the displaced meetings
// with chains, and keep the result if the weight did not drop (a sideways step across the plateaus of the
// unit-weight objective). It stops at the upper bound, after `maxStale` kicks without a gain, or at the
// deadline.
//
// Which requests to try: with unit weights a chain adds one meeting, so two people end up with one more
// meeting each, and both need room (a usable slot they do not use yet). The chain starts next to one of
// them. A request whose two people have no room can never start a chain (passes skip it; kicks may still
// pick it), and in a buyer–seller graph the other gainer sits on the opposite side; so requests whose
// roomy person is on the side where room is rare go first (at 20k requests this is what makes reaching
// the bound take ~0.1 s instead of seconds). With weights, trading a lighter meeting also counts as room.
import { usableSlots } from "./construct";
import { createSearch, insertByChain, type Search } from "./ejection";
import { randomInt, shuffle, type Rng } from "../../utils/rng";
import { commit, move, rollback, type State } from "./state";

const EPS = 1e-9;
const HOPELESS = 3;
/** Node budget of the searches that repair a kick: kicks are many, so each must stay cheap. */
const KICK_BUDGET = 32;

export interface ImproveOptions {
  /** Stop as soon as the weight reaches this bound. */
  target: number;
  /** Node budget of the largest chain search. */
  budget: number;
  /** Kicks in a row without a gain before giving up. */
  maxStale: number;
  /** Search nodes the kicks may spend in total (a deterministic effort limit, ~2–3 µs per node). */
  kickNodes: number;
  /** Returns true once the time budget is spent. */
  timeUp: () => boolean;
  /** 2-colouring of the request graph (e.g. buyers/sellers), if it has one. */
  side?: Int8Array;
}

interface Ctx {
  x: Search;
  s: State;
  opts: ImproveOptions;
  pending: number[];
  /** Usable slots of each person, capped by maxMeetings. */
  room: Int32Array;
  /** Commit clock and budget of each request's last failed search (-1: none yet). */
  failedAt: Int32Array;
  failedBudget: Int32Array;
}

function roomOf(s: State): Int32Array {
  const { m } = s;
  const room = new Int32Array(m.P);
  const seen = new Uint8Array(m.T);
  for (let p = 0; p < m.P; p++) {
    seen.fill(0);
    for (let k = m.adjStart[p]; k < m.adjStart[p + 1]; k++) {
      const r = m.adjReq[k];
      for (let j = m.allowedStart[r]; j < m.allowedStart[r + 1]; j++) seen[m.allowedSlots[j]] = 1;
    }
    let n = 0;
    for (let t = 0; t < m.T; t++) if (seen[t] && m.capacity[t] > 0) n++;
    room[p] = Math.min(n, m.maxMeetings[p]);
  }
  return room;
}

/** Lightest meeting weight of each person (Infinity when none). */
function lightest(s: State): Float64Array {
  const { m } = s;
  const out = new Float64Array(m.P).fill(Infinity);
  for (let p = 0; p < m.P; p++) {
    for (let t = 0; t < m.T; t++) {
      const r = s.busy[p * m.T + t];
      if (r >= 0 && m.weight[r] < out[p]) out[p] = m.weight[r];
    }
  }
  return out;
}

/**
 * 0: both people can gain; 1: one can, on the side where room is rare; 2: on the other side; 3: none.
 * With weights a person can also gain by trading a lighter meeting for this request.
 */
function priorities(c: Ctx, order: number[]): Int8Array {
  const { s } = c;
  const { m } = s;
  const side = m.unit ? c.opts.side : undefined;
  const light = m.unit ? undefined : lightest(s);
  const roomy = (p: number) => s.count[p] < c.room[p];
  const gains = (p: number, r: number) => roomy(p) || (light !== undefined && light[p] < m.weight[r]);
  // Only people with a pending request can gain a meeting.
  const gainer = new Uint8Array(m.P);
  for (const r of order) gainer[m.reqA[r]] = gainer[m.reqB[r]] = 1;
  const perSide = [0, 0];
  if (side) for (let p = 0; p < m.P; p++) if (gainer[p] && roomy(p)) perSide[side[p]]++;
  const key = new Int8Array(m.R);
  for (const r of order) {
    const ra = gains(m.reqA[r], r);
    const rb = gains(m.reqB[r], r);
    if (ra && rb) key[r] = 0;
    else if (!ra && !rb) key[r] = HOPELESS;
    else if (!side) key[r] = 1;
    else {
      const q = side[ra ? m.reqA[r] : m.reqB[r]];
      key[r] = perSide[q] <= perSide[1 - q] ? 1 : 2;
    }
  }
  return key;
}

/**
 * Tries the pending requests up to a priority, except those whose last search had at least this budget
 * and whose people have not changed since (it would fail again, up to the randomness of the slot order).
 */
function pass(c: Ctx, budget: number, maxKey: number): void {
  const { s, x, opts } = c;
  const { m } = s;
  const order = shuffle(x.rnd, c.pending.filter((r) => s.slotOf[r] < 0));
  const key = priorities(c, order);
  order.sort((p, q) => key[p] - key[q] || m.weight[q] - m.weight[p]);
  for (let i = 0; i < order.length && s.weight < opts.target - EPS; i++) {
    const r = order[i];
    if (key[r] > maxKey) break;
    if ((i & 15) === 0 && opts.timeUp()) break;
    const unchanged = c.failedAt[r] >= s.changedAt[m.reqA[r]] && c.failedAt[r] >= s.changedAt[m.reqB[r]];
    if (s.slotOf[r] >= 0 || (unchanged && c.failedBudget[r] >= budget)) continue;
    if (insertByChain(x, r, budget)) commit(s);
    else {
      c.failedAt[r] = s.clock;
      c.failedBudget[r] = budget;
    }
  }
}

/** Forces r into slot t, unscheduling whatever is in the way; returns the displaced meetings or undefined. */
function force(x: Search, r: number, t: number): number[] | undefined {
  const { s } = x;
  const { m } = s;
  const out: number[] = [];
  const victims: number[] = [s.busy[m.reqA[r] * m.T + t], s.busy[m.reqB[r] * m.T + t]];
  for (const v of victims) {
    if (v < 0 || s.slotOf[v] < 0) continue;
    if (m.fixedSlot[v] >= 0) return undefined;
    move(s, v, -1);
    out.push(v);
  }
  const drops: number[] = [];
  if (s.load[t] >= m.capacity[t]) drops.push(s.members[s.memberStart[t] + randomInt(x.rnd, s.load[t])]);
  for (const p of [m.reqA[r], m.reqB[r]]) {
    if (s.count[p] >= m.maxMeetings[p]) drops.push(s.busy[p * m.T + randomInt(x.rnd, m.T)]);
  }
  for (const v of drops) {
    if (v < 0 || m.fixedSlot[v] >= 0) return undefined;
    if (s.slotOf[v] < 0) continue;
    move(s, v, -1);
    out.push(v);
  }
  if (s.load[t] >= m.capacity[t] || s.count[m.reqA[r]] >= m.maxMeetings[m.reqA[r]] || s.count[m.reqB[r]] >= m.maxMeetings[m.reqB[r]]) {
    return undefined;
  }
  move(s, r, t);
  return out;
}

/** Retries pending requests of the people around a kick (a bounded sample of each person's list). */
function repairAround(c: Ctx, people: number[]): void {
  const { s, x } = c;
  const { m } = s;
  for (const p of people) {
    const from = m.adjStart[p];
    const n = m.adjStart[p + 1] - from;
    for (let i = 0; i < Math.min(n, 6); i++) {
      const r = m.adjReq[from + randomInt(x.rnd, n)];
      if (s.slotOf[r] < 0 && m.allowedStart[r + 1] > m.allowedStart[r]) insertByChain(x, r, KICK_BUDGET);
    }
  }
}

function kick(c: Ctx): void {
  const { s, x } = c;
  const { m } = s;
  let r = -1;
  for (let tries = 0; tries < 64 && r < 0; tries++) {
    const q = c.pending[randomInt(x.rnd, c.pending.length)];
    if (s.slotOf[q] < 0) r = q;
  }
  if (r < 0) return;
  const from = m.allowedStart[r];
  const t = m.allowedSlots[from + randomInt(x.rnd, m.allowedStart[r + 1] - from)];
  if (m.capacity[t] === 0) return;
  const before = s.weight;
  const mark = s.log.length;
  const out = force(x, r, t);
  if (out) {
    // The forced request stays put while we repair, or the repair would simply undo the kick.
    x.locked = r;
    for (const v of out) if (s.slotOf[v] < 0) insertByChain(x, v, KICK_BUDGET);
    repairAround(c, [m.reqA[r], m.reqB[r], ...out.flatMap((v) => [m.reqA[v], m.reqB[v]])]);
    x.locked = -1;
  }
  if (!out || s.weight < before - EPS) rollback(s, mark);
  else commit(s);
}

/**
 * Raises the total weight of a constructed schedule by ejection chains and kicks.
 *
 * @example
 * improve(state, createRng(1), { target: ub.weight, budget: 256, maxStale: 300, kickNodes: 1e5, timeUp: () => false });
 */
export function improve(s: State, rnd: Rng, opts: ImproveOptions): void {
  const { m } = s;
  const pending: number[] = [];
  for (let r = 0; r < m.R; r++) if (m.fixedSlot[r] < 0 && usableSlots(m, r) > 0) pending.push(r);
  if (pending.length === 0 || s.weight >= opts.target - EPS) return;
  const c: Ctx = {
    x: createSearch(s, rnd), s, opts, pending, room: roomOf(s),
    failedAt: new Int32Array(m.R).fill(-1), failedBudget: new Int32Array(m.R),
  };
  // Cheap searches first (most requests that fit at all fit by a short chain), promising ones first.
  for (let budget = 8; budget < opts.budget; budget *= 4) pass(c, budget, 1);
  pass(c, opts.budget, 1);
  pass(c, KICK_BUDGET, 2);
  const kickEnd = c.x.spent + opts.kickNodes;
  let stale = 0;
  while (stale < opts.maxStale && c.x.spent < kickEnd && s.weight < opts.target - EPS && !opts.timeUp()) {
    const before = s.weight;
    kick(c);
    if (stale % 16 === 15) pass(c, 2 * KICK_BUDGET, 2);
    if (s.weight > before + EPS) stale = 0;
    else stale++;
  }
}
