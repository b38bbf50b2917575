// Steering competitors apart with the exact flow itself: a Lagrangian heuristic.
//
// Relax "at most one member of group g on adjacent booths i, j" with a multiplier λ ≥ 0: the objective loses
// λ·(X_g(i) + X_g(j) − 1), i.e. members of g pay λ on both booths and Σλ is added back. For any λ the relaxed
// problem is again one assignment problem per size class, so
//   (a) re-solving it moves whichever member is cheapest to move, through exchange cycles of any length that
//       no local move finds, and
//   (b) its optimum + Σλ is an upper bound on every valid score (tighter than the plain assignment bound).
// Each round raises λ on the pairs that still clash; each round's placement is repaired and the best is kept.
import { type ClassAssignment, maxWeightAssignment, type Penalties } from "./flow";
import { improve } from "./improve";
import { type Model, weight } from "./model";
import { Placement } from "./placement";
import { repairClashes, repairQuotas } from "./repair";

/** λ steps in units of the smallest priority, one per round; measured on the bench instances (bench/booths). */
const STEPS = [0.25, 0.5, 1, 1, 2, 2, 3, 3];

export type Optimum = { st: Placement; bound: number; byClass: ClassAssignment[] };

export type Separation = { best: Placement; bound: number };

/**
 * Placement of the fixed exhibitors plus the per-class flow solutions.
 *
 * @example
 * const st = placementOf(model, model.classes.map((c) => maxWeightAssignment(model, c.exhibitors, c.booths)));
 */
export function placementOf(m: Model, byClass: ClassAssignment[]): Placement {
  const st = new Placement(m);
  m.fixedBooth.forEach((b, e) => b >= 0 && st.place(e, b));
  for (const { boothOf } of byClass) for (const [e, b] of boothOf) st.place(e, b);
  st.touched.fill(0);
  return st;
}

function clashingPairs(st: Placement): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let e = 0; e < st.m.nE; e++) for (const f of st.clashPartners(e)) if (f > e) out.push([e, f]);
  return out;
}

/**
 * A valid copy of `st`: clashes and quotas repaired by the cheapest moves, then hill-climbed. Exhibitors on a
 * booth priced for their group are marked touched: a swap x↔y gains in true weight only if it gains in priced
 * weight (impossible at the flow optimum) or frees x or y from a price, so one of them sits on a priced booth.
 */
function repaired(st: Placement, timeUp: () => boolean, priced?: Penalties): Placement {
  const copy = new Placement(st.m);
  st.boothOf.forEach((b, e) => b >= 0 && copy.place(e, b));
  copy.touched.forEach((_, e) => (copy.touched[e] = (priced?.get(st.m.group[e])?.get(st.boothOf[e]) ?? 0) > 0 ? 1 : 0));
  repairClashes(copy, timeUp);
  repairQuotas(copy);
  improve(copy, timeUp);
  return copy;
}

/**
 * Runs the rounds described above from the unconstrained optimum; returns the best repaired placement and
 * the best bound seen (never above `opt.bound`).
 *
 * @example
 * const { best, bound } = separateCompetitors(model, optimum, () => now() > deadline);
 */
export function separateCompetitors(m: Model, opt: Optimum, timeUp: () => boolean): Separation {
  const unit = Math.min(...[...m.priority].filter((p) => p > 0), Infinity);
  const fixedScore = m.fixedBooth.reduce((s, b, e) => s + (b >= 0 ? weight(m, e, b) : 0), 0);
  const penalties: Penalties = new Map();
  const byClass = [...opt.byClass];
  let st = opt.st;
  let best = repaired(st, timeUp);
  let bound = opt.bound;
  let lambdas = 0; // Σλ over pairs without a fixed member; a fixed member's pair adds λ·(1 − 1) = 0
  for (let round = 0; round < STEPS.length && unit < Infinity && !timeUp(); round++) {
    const clashes = clashingPairs(st);
    if (clashes.length === 0) break;
    const step = STEPS[round] * unit;
    const dirty = new Set<number>();
    for (const [e, f] of clashes) {
      const g = m.group[e];
      const pen = penalties.get(g) ?? penalties.set(g, new Map()).get(g)!;
      for (const x of [e, f]) {
        if (m.fixedBooth[x] >= 0) continue; // a fixed member's booth is not in any class: nothing to price
        pen.set(st.boothOf[x], (pen.get(st.boothOf[x]) ?? 0) + step);
        dirty.add(m.classOfExhibitor[x]);
      }
      if (m.fixedBooth[e] < 0 && m.fixedBooth[f] < 0) lambdas += step;
    }
    for (const c of dirty) byClass[c] = maxWeightAssignment(m, m.classes[c].exhibitors, m.classes[c].booths, penalties);
    st = placementOf(m, byClass);
    bound = Math.min(bound, fixedScore + byClass.reduce((t, a) => t + a.penalized, 0) + lambdas);
    const candidate = repaired(st, timeUp, penalties);
    if (candidate.score > best.score) best = candidate;
  }
  return { best, bound };
}
