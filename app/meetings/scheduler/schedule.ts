// Batch matchmaking scheduler: the pure entry point used by the app and by `npm run schedule`.
// Phase 1 maximises the total weight (greedy start → ejection chains → kicks), phase 2 lowers idle gaps
// by moves that keep every meeting. See upper-bound.ts for stats.upperBound.
import { construct } from "./construct";
import { idleGaps, reduceGaps } from "./gaps";
import { improve } from "./improve";
import type { Instance } from "./instance";
import { compileModel, type Model } from "./model";
import { toResult, type Result } from "./result";
import { createRng } from "../../utils/rng";
import { createState, type State } from "./state";
import { upperBound, type UpperBound } from "./upper-bound";

export interface ScheduleOptions {
  /** Wall-clock budget; only enforced when `now` is given. Default 10 000 ms as in the CLI contract. */
  timeLimitMs?: number;
  /** Same seed and same instance give the same schedule (unless the time limit cuts the search short). */
  seed?: number;
  /** Clock in ms (e.g. `performance.now`); without it the search stops on effort limits alone. */
  now?: () => number;
  /**
   * Previous schedule (request id → slot id) to start from, for a re-run after a few requests changed:
   * meetings that still fit start there, and the idle-gap phase leaves those that stay untouched.
   * Unlike `fixed`, chains may still move them when that adds a meeting.
   */
  initial?: Readonly<Record<string, string>>;
}

export interface ScheduleReport {
  result: Result;
  /** Idle gaps after phase 1, before phase 2 moved meetings around. */
  idleGapsBeforePhase2: number;
  /** Time spent computing the upper bound (0 without a clock). */
  boundMs: number;
}

/** Share of the time limit phase 1 may use; phase 2 and building the result get the rest. */
const PHASE1_SHARE = 0.7;
const PHASE2_SHARE = 0.9;

/** Slot index per request from a previous schedule (-1: none or unknown ids). */
function hintOf(m: Model, initial: Readonly<Record<string, string>>): Int32Array {
  const slot = new Map(m.instance.slots.map((x, t) => [x.id, t]));
  return Int32Array.from(m.instance.requests, (r) => (Object.hasOwn(initial, r.id) ? slot.get(initial[r.id]) ?? -1 : -1));
}

/** Restarts are affordable below this size; above it one run already reaches ≥ 99.9 % of the bound. */
const RESTART_MAX_REQUESTS = 5000;
const ATTEMPTS = 3;

/**
 * Phase 1. A run that stalls below the bound usually stalls in a different place from another start,
 * so small unit-weight instances get up to three runs from different greedy starts (sharing the kick
 * budget) and keep the best. Not with weights: their bound is loose, so every run would go to the end.
 */
function maximiseWeight(m: Model, ub: UpperBound, seed: number, timeUp: () => boolean, hint?: Int32Array): State {
  const attempts = m.unit && !hint && m.R <= RESTART_MAX_REQUESTS ? ATTEMPTS : 1;
  // Kicks mostly matter on small instances (they close the last gap to the optimum on S); on big ones a
  // node costs more and the passes already reach ≥ 99.9 % of the bound, so their share shrinks.
  const kickNodes = Math.min(100_000, Math.max(15_000, 3e8 / Math.max(1, m.R)));
  let best: State | undefined;
  for (let k = 0; k < attempts; k++) {
    if (best && (best.weight >= ub.weight - 1e-9 || timeUp())) break;
    const s = createState(m);
    construct(s, seed + k * 7919, hint);
    improve(s, createRng((seed ^ 0x5bd1e995) + k), {
      target: ub.weight,
      budget: 256,
      maxStale: Math.ceil(300 / attempts),
      kickNodes: Math.round(kickNodes / attempts),
      side: ub.side,
      timeUp,
    });
    if (!best || s.weight > best.weight + 1e-9) best = s;
  }
  return best!;
}

/**
 * Like `schedule`, plus figures the benchmarks report (idle gaps before phase 2, bound time).
 *
 * @example
 * const { result, idleGapsBeforePhase2 } = scheduleWithReport(instance, { now: performance.now });
 */
export function scheduleWithReport(instance: Instance, options: ScheduleOptions = {}): ScheduleReport {
  const now = options.now;
  const seed = options.seed ?? 1;
  const limit = options.timeLimitMs ?? 10_000;
  const start = now ? now() : 0;
  const timeUpAt = (share: number) => (now ? () => now() - start >= limit * share : () => false);
  const m = compileModel(instance);
  const ub = upperBound(m);
  const boundMs = now ? now() - start : 0;
  const hint = options.initial && hintOf(m, options.initial);
  const s = maximiseWeight(m, ub, seed, timeUpAt(PHASE1_SHARE), hint);
  const idleGapsBeforePhase2 = idleGaps(s);
  const kept = hint && Uint8Array.from(hint, (t, r) => (t >= 0 && s.slotOf[r] === t ? 1 : 0));
  reduceGaps(s, createRng(seed ^ 0x27d4eb2f), timeUpAt(PHASE2_SHARE), kept);
  const result = toResult(s, m.unit ? ub.count : ub.weight, now ? now() - start : 0);
  return { result, idleGapsBeforePhase2, boundMs };
}

/**
 * Schedules meetings for a parsed instance: maximum total weight first, then fewest idle gaps. Fixed
 * meetings stay in their slot; maxMeetings, availability, sessions and tables are respected.
 *
 * @example
 * const parsed = parseInstance(json);
 * if (parsed.ok) {
 *   const result = schedule(parsed.instance, { timeLimitMs: 2000, seed: 7, now: () => performance.now() });
 *   console.log(result.stats.scheduled, "of", result.stats.upperBound);
 * }
 */
export function schedule(instance: Instance, options: ScheduleOptions = {}): Result {
  return scheduleWithReport(instance, options).result;
}
