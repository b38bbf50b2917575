// Exact optimum by HiGHS (MIP), the test and benchmark oracle of perf.md §A: never used by app code.
//   max Σ w_r x[r,t]  s.t.  Σ_t x[r,t] ≤ 1 (each request once), Σ_{r∋p} x[r,t] ≤ 1 (a person once per
//   slot), Σ_r x[r,t] ≤ K_t (tables), Σ_{r∋p,t} x[r,t] ≤ maxMeetings_p, x[r,fixed] = 1.
// Built as CSC arrays (perf.md: faster than LP text at 20k+ columns).
import loadHighs from "highs";
import type { Instance } from "../../app/meetings/scheduler/instance";
import { compileModel } from "../../app/meetings/scheduler/model";

export interface Optimum {
  /** Best objective found (the optimum when `optimal`). */
  value: number;
  optimal: boolean;
  /** Proven upper bound on the optimum (the MIP dual bound). */
  bound: number;
  ms: number;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let solver: Promise<Highs> | undefined;

function buildColumns(instance: Instance) {
  const m = compileModel(instance);
  const rowOf = new Map<string, number>();
  const upper: number[] = [];
  const row = (key: string, ub: number) => {
    let i = rowOf.get(key);
    if (i === undefined) {
      i = upper.length;
      rowOf.set(key, i);
      upper.push(ub);
    }
    return i;
  };
  const starts = [0];
  const indices: number[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  for (let r = 0; r < m.R; r++) {
    for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) {
      const t = m.allowedSlots[k];
      if (m.capacity[t] === 0) continue;
      const rows = [row(`r${r}`, 1), row(`p${m.reqA[r]}t${t}`, 1), row(`p${m.reqB[r]}t${t}`, 1), row(`t${t}`, m.capacity[t])];
      for (const p of [m.reqA[r], m.reqB[r]]) if (m.maxMeetings[p] < m.R) rows.push(row(`cap${p}`, m.maxMeetings[p]));
      indices.push(...rows);
      starts.push(indices.length);
      cost.push(m.weight[r]);
      lower.push(m.fixedSlot[r] === t ? 1 : 0);
    }
  }
  return { starts, indices, cost, lower, upper };
}

/**
 * Solves the scheduling ILP (or its LP relaxation) with HiGHS.
 *
 * @example
 * const opt = await solveOptimum(instance, { timeLimitSec: 30 });
 * opt.optimal && opt.value; // maximum total weight
 */
export async function solveOptimum(instance: Instance, options: { timeLimitSec?: number; relax?: boolean } = {}): Promise<Optimum> {
  solver ??= loadHighs();
  const highs = await solver;
  const c = buildColumns(instance);
  const n = c.cost.length;
  const started = performance.now();
  const model = highs.createModel({
    numCols: n,
    numRows: c.upper.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: c.cost,
    colLower: c.lower,
    colUpper: new Array(n).fill(1),
    rowLower: new Array(c.upper.length).fill(-highs.infinity),
    rowUpper: c.upper,
    matrix: { format: "csc", numRows: c.upper.length, numCols: n, starts: c.starts, indices: c.indices, values: new Array(c.indices.length).fill(1) },
    ...(options.relax ? {} : { integrality: new Array(n).fill(highs.constants.variableType.integer) }),
  });
  try {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSec ?? 60 });
    if (options.relax) model.options.set({ solver: "ipm", run_crossover: "off" });
    model.run();
    const status = model.getModelStatus();
    const value = n === 0 ? 0 : model.getObjectiveValue();
    const optimal = status === highs.constants.modelStatus.optimal || n === 0;
    const dual = options.relax ? value : Number(model.info.get("mip_dual_bound"));
    return { value, optimal, bound: optimal ? value : dual, ms: performance.now() - started };
  } finally {
    model.dispose();
  }
}
