// The booth assignment as a MIP for HiGHS: the test oracle and the benchmark's optimum. Never app code (the
// wasm solver is a dev dependency). Built from the instance's ids, independent of the solver's own model.
//   max Σ priority·fit·x[e,b]   (fixed exhibitors are constants)
//   Σ_b x[e,b] ≤ 1,  Σ_e x[e,b] ≤ 1
//   per competitor group g and adjacent booths i, j:  Σ_{e∈g} x[e,i] + Σ_{e∈g} x[e,j] ≤ 1 − fixed members of g on i, j
//   per quota: z = 1 means "every eligible member assigned" (members ≥ K·z); otherwise members ≥ share · assigned
// The quota's second clause is stricter here than in rules.ts ("no member could still be placed" is not linear),
// so when a quota is met only by that clause the MIP optimum can fall short of the contract optimum. Where the
// share is met, as in every bench instance so far, the two agree.
import highsLoader from "highs";
import type { Instance, Result } from "~/booths/assignment/instance";
import { fit, quotaEligible } from "~/booths/assignment/rules";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | undefined;
const highs = () => (loaded ??= highsLoader());

type Col = { e: number; b: number };
type Row = { lo: number; hi: number; terms: Map<number, number> };

function columns(inst: Instance) {
  const fixedBooths = new Set(inst.exhibitors.flatMap((e) => (e.fixed === undefined ? [] : [e.fixed])));
  const cols: Col[] = [];
  const byExhibitor = inst.exhibitors.map(() => [] as number[]);
  const byBooth = inst.booths.map(() => [] as number[]);
  inst.exhibitors.forEach((e, ei) => {
    if (e.fixed !== undefined) return;
    inst.booths.forEach((b, bi) => {
      if (b.size !== e.size || fixedBooths.has(b.id)) return;
      byExhibitor[ei].push(cols.length);
      byBooth[bi].push(cols.length);
      cols.push({ e: ei, b: bi });
    });
  });
  return { cols, byExhibitor, byBooth };
}

function adjacencyRows(inst: Instance, cols: Col[], byBooth: number[][]): Row[] {
  if (!inst.rules.noAdjacentCompetitors) return [];
  const index = new Map(inst.booths.map((b, i) => [b.id, i]));
  const fixedAt = new Map(inst.exhibitors.flatMap((e) => (e.fixed === undefined ? [] : [[index.get(e.fixed)!, e] as const])));
  const groups = new Set(inst.exhibitors.flatMap((e) => (e.competitorGroup === undefined ? [] : [e.competitorGroup])));
  const pairs = new Set<string>();
  const rows: Row[] = [];
  inst.booths.forEach((b, i) =>
    b.adjacent.forEach((id) => {
      const j = index.get(id)!;
      const key = i < j ? `${i},${j}` : `${j},${i}`;
      if (pairs.has(key)) return;
      pairs.add(key);
      for (const g of groups) {
        const terms = new Map<number, number>();
        for (const c of [...byBooth[i], ...byBooth[j]]) if (inst.exhibitors[cols[c].e].competitorGroup === g) terms.set(c, 1);
        const fixed = [fixedAt.get(i), fixedAt.get(j)].filter((e) => e?.competitorGroup === g).length;
        if (terms.size + fixed >= 2) rows.push({ lo: -Infinity, hi: 1 - fixed, terms });
      }
    }),
  );
  return rows;
}

/** Returns the rows and the number of extra binary columns (one z per quota) appended after `first`. */
function quotaRows(inst: Instance, cols: Col[], first: number): Row[] {
  const fixed = inst.exhibitors.filter((e) => e.fixed !== undefined);
  return inst.rules.regionQuotas.flatMap((q, k) => {
    const isMember = (ei: number) => {
      const r = inst.exhibitors[ei].region;
      return r !== undefined && q.regions.includes(r);
    };
    const eligible = quotaEligible(inst, q).filter(Boolean).length;
    const fixedMembers = fixed.filter((e) => e.region !== undefined && q.regions.includes(e.region)).length;
    const z = first + k;
    const share = new Map<number, number>();
    const count = new Map<number, number>();
    cols.forEach((c, i) => {
      share.set(i, (isMember(c.e) ? 1 : 0) - q.minShare);
      if (isMember(c.e)) count.set(i, 1);
    });
    share.set(z, q.minShare * inst.exhibitors.length + 1);
    count.set(z, -eligible);
    return [
      { lo: q.minShare * fixed.length - fixedMembers - 1e-7, hi: Infinity, terms: share },
      { lo: -fixedMembers, hi: Infinity, terms: count },
    ];
  });
}

export type MipOutcome = { status: string; score: number; bound: number; seconds: number; result?: Omit<Result, "stats"> };

/**
 * Solves the instance to optimality with HiGHS (or until `timeLimitS`).
 *
 * @example
 * const { score, status } = await solveMip(instance, 60); // status "Optimal"
 */
export async function solveMip(inst: Instance, timeLimitS = 60, keep?: Map<string, string>): Promise<MipOutcome> {
  const h = await highs();
  const { cols, byExhibitor, byBooth } = columns(inst);
  const rows: Row[] = [
    ...byExhibitor.filter((c) => c.length > 1).map((c) => ({ lo: -Infinity, hi: 1, terms: new Map(c.map((i) => [i, 1])) })),
    ...byBooth.filter((c) => c.length > 1).map((c) => ({ lo: -Infinity, hi: 1, terms: new Map(c.map((i) => [i, 1])) })),
    ...adjacencyRows(inst, cols, byBooth),
    ...quotaRows(inst, cols, cols.length),
  ];
  const n = cols.length + inst.rules.regionQuotas.length;
  const booths = inst.booths;
  const offset = inst.exhibitors.reduce((s, e) => s + (e.fixed === undefined ? 0 : e.priority * fit(e, booths.find((b) => b.id === e.fixed)!)), 0);
  const cost = Float64Array.from({ length: n }, (_, i) => (i < cols.length ? inst.exhibitors[cols[i].e].priority * fit(inst.exhibitors[cols[i].e], booths[cols[i].b]) : 0));
  // Diagnostics only: a tiny bonus for keeping a given assignment makes HiGHS return the optimum closest to it.
  if (keep) cols.forEach((c, i) => keep.get(inst.exhibitors[c.e].id) === booths[c.b].id && (cost[i] += 1e-4));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    for (const [c, v] of [...r.terms].sort((a, b) => a[0] - b[0])) [indices.push(c), values.push(v)];
    starts.push(indices.length);
  }
  const inf = h.infinity;
  const model = h.createModel({
    numCols: n,
    numRows: rows.length,
    sense: h.constants.objectiveSense.maximize,
    offset,
    colCost: cost,
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: rows.map((r) => (r.lo === -Infinity ? -inf : r.lo)),
    rowUpper: rows.map((r) => (r.hi === Infinity ? inf : r.hi)),
    matrix: { format: "csr", numRows: rows.length, numCols: n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: new Array(n).fill(h.constants.variableType.integer),
  });
  try {
    model.options.set({ output_flag: false, time_limit: timeLimitS, mip_rel_gap: 0 });
    const t0 = performance.now();
    model.run();
    const seconds = (performance.now() - t0) / 1000;
    const status = Object.entries(h.constants.modelStatus).find(([, v]) => v === model.getModelStatus())?.[0] ?? "unknown";
    const x = model.getSolution().colValue;
    const bound = Number(model.info.get("mip_dual_bound"));
    const assignments = inst.exhibitors.flatMap((e) => (e.fixed === undefined ? [] : [{ exhibitor: e.id, booth: e.fixed }]));
    cols.forEach((c, i) => x[i] > 0.5 && assignments.push({ exhibitor: inst.exhibitors[c.e].id, booth: booths[c.b].id }));
    const placed = new Set(assignments.map((a) => a.exhibitor));
    const sizes = new Set(booths.map((b) => b.size));
    const unassigned = inst.exhibitors
      .filter((e) => !placed.has(e.id))
      .map((e) => ({ exhibitor: e.id, reason: sizes.has(e.size) ? ("capacity" as const) : ("no_booth_of_size" as const) }));
    return { status, score: model.getObjectiveValue(), bound, seconds, result: { assignments, unassigned } };
  } finally {
    model.dispose();
  }
}
