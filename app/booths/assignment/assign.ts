// Automatic booth assignment (shared/formats/booths.md). Pure: the only clock is the injectable `now`.
//
// 1. Bound and start: the problem splits by booth size; per size class, without the adjacency and quota rules,
//    it is an assignment problem, solved exactly as a min-cost flow (flow.ts).
// 2. Separate competitors: Lagrangian rounds re-solve the flow with competitors priced apart; every round is
//    repaired (clashes, then quotas, by the cheapest moves) and hill-climbed, the best is kept (separate.ts).
// 3. Anneal: a fixed number of random moves over valid placements walks the plateaus the climb stops on.
// 4. Small instances (≤ EXACT_LIMIT movable exhibitors) are finished by branch and bound (exact.ts), so they
//    come out optimal, not just near-optimal.
//
// `stats.upperBound` is the smaller of two valid bounds: the assignment optimum without the adjacency and quota
// rules (plus the fixed booths), and the Lagrangian bounds of step 2. Both relax rules, so no valid result can
// score more. With whole-number priorities every score is whole, so the bound is rounded down.
import { anneal } from "./anneal";
import { maxWeightAssignment } from "./flow";
import { searchExact } from "./exact";
import { improve } from "./improve";
import type { Instance, Result, UnassignedReason } from "./instance";
import { buildModel, type Model, weight } from "./model";
import { Placement } from "./placement";
import { repairQuotas } from "./repair";
import { type Optimum, placementOf, separateCompetitors } from "./separate";
import { validateResult } from "./validate";

export type AssignOptions = {
  /** Budget for the search after the first flow solve; results are deterministic when it is not hit. Default 10,000 ms. */
  timeLimitMs?: number;
  /** Monotonic milliseconds; defaults to performance.now (not the wall clock, so results never depend on the date). */
  now?: () => number;
};

const EXACT_LIMIT = 16;
const EXACT_NODES = 300_000;
/**
 * Annealing moves: 2,000 per movable exhibitor up to 400,000, and at least 300 per exhibitor beyond that
 * (about 1 µs a move). Measured on the bench instances against HiGHS optima: fewer moves lose 0.02–0.05 %
 * on 230/240, more gain nothing reliable.
 */
const annealMoves = (movable: number) => Math.max(300 * movable, Math.min(400_000, 2_000 * movable));

function placeOptimum(m: Model): Optimum {
  const byClass = m.classes.map((cls) => maxWeightAssignment(m, cls.exhibitors, cls.booths));
  const st = placementOf(m, byClass);
  return { st, bound: st.score, byClass };
}

/**
 * The contract's upper bound alone: the exact optimum without the adjacency and quota rules.
 *
 * @example
 * assignmentBound(instance); // 1240
 */
export function assignmentBound(instance: Instance): number {
  return placeOptimum(buildModel(instance)).bound;
}

/** Whole-number priorities give whole scores, so a fractional bound can be rounded down. */
function tidyBound(m: Model, bound: number): number {
  return m.priority.every(Number.isInteger) ? Math.floor(bound + 1e-6) : bound;
}

function reasonFor(m: Model, st: Placement, e: number): UnassignedReason {
  const c = m.classOfExhibitor[e];
  if (c < 0) return "no_booth_of_size";
  // A free booth of the right size that was not used means a rule stood in the way.
  return m.classes[c].booths.some((b) => st.occupant[b] < 0) ? "conflict" : "capacity";
}

function toResult(m: Model, st: Placement, bound: number): Omit<Result, "stats"> & { score: number } {
  const { booths, exhibitors } = m.instance;
  const result: Omit<Result, "stats"> & { score: number } = { assignments: [], unassigned: [], score: 0 };
  exhibitors.forEach((ex, e) => {
    const b = st.boothOf[e];
    if (b >= 0) {
      result.assignments.push({ exhibitor: ex.id, booth: booths[b].id });
      result.score += weight(m, e, b);
    } else result.unassigned.push({ exhibitor: ex.id, reason: reasonFor(m, st, e) });
  });
  // Float sums of fractional priorities drift in the last bits; never report a score above the bound for that.
  if (result.score > bound && result.score - bound <= 1e-9 * bound) result.score = bound;
  return result;
}

function hasRules(m: Model): boolean {
  return m.quotas.length > 0 || m.group.some((g) => g >= 0);
}

/**
 * Assigns exhibitors to booths, maximising Σ priority × fit under the hard rules; an exhibitor is left out
 * with reason `conflict` rather than break one. The result is valid for every instance with at most one region
 * quota (fuzzed); two overlapping quotas can contradict each other, and then `stats.violations` says so.
 * `unassigned` reasons: `no_booth_of_size` (no booth of that size exists), `capacity` (every booth of the
 * size is taken), `conflict` (a booth of the size is free, but adjacency or a quota forbids using it).
 *
 * @example
 * const result = assignBooths(instance, { timeLimitMs: 2000 });
 * result.stats.score / result.stats.upperBound; // e.g. 0.9998
 */
export function assignBooths(instance: Instance, options: AssignOptions = {}): Result {
  const now = options.now ?? (() => performance.now());
  const start = now();
  const deadline = start + (options.timeLimitMs ?? 10_000);
  const timeUp = () => now() > deadline;
  const m = buildModel(instance);
  const optimum = placeOptimum(m);
  let bound = optimum.bound;
  let st = optimum.st;
  if (hasRules(m)) {
    ({ best: st, bound } = separateCompetitors(m, optimum, timeUp));
    const movable = m.classes.reduce((n, c) => n + c.exhibitors.length, 0);
    st = anneal(m, st, { iterations: annealMoves(movable), seed: 1, timeUp });
    improve(st, timeUp);
    if (movable <= EXACT_LIMIT && st.score < bound - 1e-9 * bound) {
      st = searchExact(m, st, { nodeLimit: EXACT_NODES, timeUp }) ?? st;
    }
    // The annealer checks quotas by their share only; a quota that held by its "nobody left to place" clause
    // can be reopened by a move that frees a booth. Close it again (a no-op in all other cases).
    repairQuotas(st);
  }
  bound = tidyBound(m, bound);
  const { score, ...rest } = toResult(m, st, bound);
  const draft: Result = { ...rest, stats: { score, upperBound: bound, violations: 0, ms: 0 } };
  draft.stats.violations = validateResult(instance, draft).length;
  draft.stats.ms = Math.round(now() - start);
  return draft;
}
