// Turns the flow optimum (which ignores adjacency and quotas) into a valid assignment at the smallest loss
// found: each step takes the best single move (relocate, swap, drop-and-refill, replace), measured against the
// progress it makes. Every applied move removes at least one violation and creates none, so both loops end.
import { weight } from "./model";
import type { Placement } from "./placement";

/**
 * x moves (relocate, swap with y, insert, or replace y on b), or is dropped with y (if ≥ 0) refilling its
 * booth; `delta` is the score change.
 */
export type Move = { kind: "relocate" | "swap" | "drop" | "insert" | "replace"; x: number; y: number; b: number; delta: number };

/**
 * Applies a move found by one of the searches below.
 *
 * @example
 * const mv = bestShift(placement, x);
 * if (mv !== null && mv.delta > 0) applyMove(placement, mv);
 */
export function applyMove(st: Placement, mv: Move): void {
  if (mv.kind === "relocate") {
    st.remove(mv.x);
    st.place(mv.x, mv.b);
  } else if (mv.kind === "swap") st.swap(mv.x, mv.y);
  else if (mv.kind === "insert") st.place(mv.x, mv.b);
  else if (mv.kind === "replace") {
    st.remove(mv.y);
    st.place(mv.x, mv.b);
  } else {
    const b = st.boothOf[mv.x];
    st.remove(mv.x);
    if (mv.y >= 0) st.place(mv.y, b);
  }
}

/**
 * Best clash-free relocation or swap for assigned exhibitor `x` (same size class), or null.
 * `floor` skips candidates whose delta cannot beat it, which prunes most clash checks.
 *
 * @example
 * const mv = bestShift(placement, x, 0); // only moves that gain
 */
export function bestShift(st: Placement, x: number, floor = -Infinity): Move | null {
  const { m } = st;
  const bx = st.boothOf[x];
  const wx = weight(m, x, bx);
  let best: Move | null = null;
  let bar = floor;
  for (const b of m.classes[m.classOfExhibitor[x]].booths) {
    if (b === bx) continue;
    const y = st.occupant[b];
    if (y < 0) {
      const delta = weight(m, x, b) - wx;
      if (delta > bar && !st.clashesAt(x, b)) [best, bar] = [{ kind: "relocate", x, y: -1, b, delta }, delta];
      continue;
    }
    const delta = weight(m, x, b) + weight(m, y, bx) - wx - weight(m, y, b);
    if (delta <= bar) continue;
    st.swapQuietly(x, y);
    const ok = !st.clashesAt(x, b) && !st.clashesAt(y, bx);
    st.swapQuietly(x, y);
    if (ok) [best, bar] = [{ kind: "swap", x, y, b, delta }, delta];
  }
  return best;
}

/** Dropping `x`, refilled by the unassigned exhibitor of its class that fits best without a clash. */
function dropMove(st: Placement, x: number): Move {
  const { m } = st;
  const bx = st.boothOf[x];
  let refill = -1;
  let gain = 0;
  for (const z of m.classes[m.classOfExhibitor[x]].exhibitors) {
    if (st.boothOf[z] >= 0 || st.clashesAt(z, bx)) continue;
    const w = weight(m, z, bx);
    if (refill < 0 || w > gain) [refill, gain] = [z, w];
  }
  return { kind: "drop", x, y: refill, b: bx, delta: gain - weight(m, x, bx) };
}

/**
 * Removes every competitor clash. For a clashing exhibitor and its partners, the best relocation or swap is
 * taken, or else the cheapest drop; after the deadline only drops are tried, which keeps the tail short.
 *
 * @example
 * repairClashes(placement, () => performance.now() > deadline);
 */
export function repairClashes(st: Placement, timeUp: () => boolean): void {
  const queue: number[] = [];
  for (let e = 0; e < st.m.nE; e++) if (st.clashPartners(e).length > 0) queue.push(e);
  for (let i = 0; i < queue.length; i++) {
    const e = queue[i];
    const partners = st.clashPartners(e);
    if (partners.length === 0) continue;
    const movable = [e, ...partners].filter((x) => !st.isFixed(x));
    const late = timeUp();
    let best: Move | null = null;
    for (const x of movable) {
      const drop = dropMove(st, x);
      const shift: Move | null = late ? null : bestShift(st, x, best === null ? -Infinity : best.delta);
      // A shift beats a drop of equal delta: it keeps everybody assigned.
      const mv: Move = shift !== null && shift.delta >= drop.delta ? shift : drop;
      if (best === null || mv.delta > best.delta) best = mv;
    }
    applyMove(st, best!); // the parser rejects clashing fixed pairs, so `movable` is never empty
    queue.push(e);
  }
}

/**
 * Total share shortfall over all quotas after members change by `dm(j)` and assigned by `da`; a quota whose
 * eligible members are all placed counts 0. Every quota move must lower it, so repairQuotas always ends,
 * even with overlapping quotas pulling against each other.
 */
function shortfall(st: Placement, dm: (j: number) => number, da: number): number {
  let total = 0;
  st.m.quotas.forEach((q, j) => {
    const members = st.members[j] + dm(j);
    if (members < q.eligible) total += Math.max(0, q.minShare * (st.assigned + da) - members);
  });
  return total;
}

type Scored = { mv: Move; key: number; gain: number };

function better(a: Scored | null, b: Scored): boolean {
  return a === null || b.key > a.key || (b.key === a.key && b.gain > a.gain);
}

/** Scores a move by score change per unit of total shortfall removed; null when it removes none. */
function scored(st: Placement, mv: Move, before: number, dm: (j: number) => number, da: number): Scored | null {
  const gain = before - shortfall(st, dm, da);
  return gain > 1e-9 ? { mv, key: mv.delta / gain, gain } : null;
}

/** Candidate moves that bring members of quota k in: insert on a free booth, or replace a non-member. */
function memberMoves(st: Placement, k: number, consider: (s: Scored | null) => void): void {
  const { m } = st;
  const q = m.quotas[k];
  const before = shortfall(st, () => 0, 0);
  for (let e = 0; e < m.nE; e++) {
    if (!q.member[e] || st.boothOf[e] >= 0 || m.classOfExhibitor[e] < 0 || st.isFixed(e)) continue;
    for (const b of m.classes[m.classOfExhibitor[e]].booths) {
      const f = st.occupant[b];
      if (f >= 0 && (q.member[f] || st.isFixed(f))) continue;
      if (st.clashesAt(e, b)) continue;
      const delta = weight(m, e, b) - (f < 0 ? 0 : weight(m, f, b));
      const mv: Move = { kind: f < 0 ? "insert" : "replace", x: e, y: f, b, delta };
      consider(scored(st, mv, before, (j) => m.quotas[j].member[e] - (f < 0 ? 0 : m.quotas[j].member[f]), f < 0 ? 1 : 0));
    }
  }
}

/** Candidate drops of assigned non-members of quota k. */
function dropMoves(st: Placement, k: number, consider: (s: Scored | null) => void): void {
  const { m } = st;
  const q = m.quotas[k];
  const before = shortfall(st, () => 0, 0);
  for (let f = 0; f < m.nE; f++) {
    if (st.boothOf[f] < 0 || q.member[f] || st.isFixed(f)) continue;
    const mv: Move = { kind: "drop", x: f, y: -1, b: st.boothOf[f], delta: -weight(m, f, st.boothOf[f]) };
    consider(scored(st, mv, before, (j) => -m.quotas[j].member[f], -1));
  }
}

/**
 * Meets every region quota (rules.ts) by the moves with the best score change per unit of shortfall removed:
 * bring a member in (free booth, or replacing a non-member) or drop a non-member. Stops as soon as no member
 * can enter, which makes the rule hold. Returns false only if no move lowers the total shortfall (overlapping
 * quotas where every remaining move hurts another quota as much as it helps).
 *
 * @example
 * if (!repairQuotas(placement)) console.warn("overlapping quotas could not all be met");
 */
export function repairQuotas(st: Placement): boolean {
  for (let guard = 0; guard <= 2 * st.m.nE + 1; guard++) {
    if (st.violatedQuota() < 0) return true;
    const mv = bestQuotaMove(st);
    if (mv === null) return false;
    applyMove(st, mv);
  }
  return st.violatedQuota() < 0;
}

/** Over every violated quota, the move with the best score change per unit of total shortfall removed. */
function bestQuotaMove(st: Placement): Move | null {
  let best: Scored | null = null;
  const consider = (s: Scored | null) => {
    if (s !== null && better(best, s)) best = s;
  };
  for (let k = 0; k < st.m.quotas.length; k++) {
    if (st.quotaOk(k) || !st.memberCanEnter(k)) continue;
    memberMoves(st, k, consider);
    dropMoves(st, k, consider);
  }
  return best === null ? null : (best as Scored).mv;
}
