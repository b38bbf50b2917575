// BOOTH benchmark (perf.md "Proposed benchmark suite"): npx tsx bench/booths/run.ts [--reps 3] [--mip 230,500] [--write]
// For each size it runs, in this one process: the solver (median of --reps runs), the assignment bound alone
// (the in-run time reference), the priority-order greedy, and for the sizes listed in --mip the HiGHS optimum.
// Absolute times are context only; the machine is shared and noisy (perf.md).
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { assignBooths, assignmentBound } from "~/booths/assignment/assign";
import type { Instance, Result } from "~/booths/assignment/instance";
import { validateResult } from "~/booths/assignment/validate";
import { generateInstance } from "./generate";
import { greedyAssign } from "./greedy";
import { solveMip } from "./mip";

const SIZES: Array<[number, number]> = [[230, 240], [500, 520], [2000, 2100]];
const SEED = 1;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : (process.argv[i + 1] ?? "");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
}

/** CPU time of this process (user + system), less sensitive than wall time to the other jobs on the box. */
function cpuTime<T>(f: () => T): [T, number, number] {
  const c = process.cpuUsage();
  const [out, wall] = time(f);
  const used = process.cpuUsage(c);
  return [out, wall, (used.user + used.system) / 1000];
}

function score(inst: Instance, r: Omit<Result, "stats">): number {
  const booths = new Map(inst.booths.map((b) => [b.id, b]));
  const ex = new Map(inst.exhibitors.map((e) => [e.id, e]));
  return r.assignments.reduce((s, a) => {
    const e = ex.get(a.exhibitor)!;
    const b = booths.get(a.booth)!;
    return s + e.priority * (e.preferred.includes(b.id) ? 3 : b.zone !== undefined && e.zones.includes(b.zone) ? 2 : 1);
  }, 0);
}

const NOTES = `Instances: bench/booths/generate.ts — halls of back-to-back double rows on a 1 m grid (adjacency and
corners from geometry), 9/18/36 m² booths (60/30/10 %), 8 zones, priorities 1–30, 0–3 preferred booths per exhibitor
(mostly corners of their own zone), competitor groups of about six inside a zone, 32 % of exhibitors from outside
Java against a 30 % quota, 2 % fixed booths.

- **upper bound**: what the solver reports, the smaller of the assignment bound (the optimum without the adjacency
  and quota rules, fixed booths kept) and its Lagrangian bounds (app/booths/assignment/separate.ts). On these
  instances competitors want the same corners, so the adjacency rule costs real points and the bound is not
  reachable: compare with the HiGHS optimum where it ran (OPT/UB is the bound's own gap).
- **ms**: wall time of assignBooths, median of the runs (CPU ms: its CPU time); **ms / bound ms** is the ratio to the
  assignment bound alone, timed in the same run (the in-run reference). Absolute times are context only: this machine
  is shared with other jobs (see the load average above).
- **greedy**: priority order, best-fitting free booth without a competitor next door (perf.md §D practice).
- **HiGHS optimum**: bench/booths/mip.ts, mip_rel_gap 0; the 2,000 size is beyond it (perf.md §B).
`;

type Row = Record<string, string>;
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(3)} %`;

async function measure(n: number, m: number, reps: number, withMip: boolean): Promise<Row> {
  const inst = generateInstance({ exhibitors: n, booths: m, seed: SEED });
  const boundRuns: number[] = [];
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let result: Result | undefined;
  let ub = 0;
  for (let i = 0; i < reps; i++) {
    const [b, tb] = time(() => assignmentBound(inst));
    const [r, ta, ca] = cpuTime(() => assignBooths(inst));
    [ub, result] = [b, r];
    boundRuns.push(tb);
    runs.push(ta);
    cpuRuns.push(ca);
  }
  const r = result!;
  const [greedy, tg] = time(() => greedyAssign(inst));
  const gScore = score(inst, greedy);
  const gViol = validateResult(inst, { ...greedy, stats: r.stats }).length;
  const row: Row = {
    size: `${n} / ${m}`,
    score: String(r.stats.score),
    "upper bound": String(r.stats.upperBound),
    "score / UB": pct(r.stats.score, r.stats.upperBound),
    violations: String(validateResult(inst, r).length),
    "ms (median)": median(runs).toFixed(0),
    "CPU ms": median(cpuRuns).toFixed(0),
    "assignment bound": `${ub} in ${median(boundRuns).toFixed(0)} ms`,
    "ms / bound ms": (median(runs) / median(boundRuns)).toFixed(1),
    greedy: `${gScore} (${pct(gScore, r.stats.upperBound)} of UB, ${gViol} viol., ${tg.toFixed(0)} ms)`,
    "HiGHS optimum": "not run",
  };
  if (withMip) {
    const mip = await solveMip(inst, 300);
    row["HiGHS optimum"] = `${Math.round(mip.score)} ${mip.status === "optimal" ? "" : `(${mip.status}) `}in ${mip.seconds.toFixed(1)} s; ` +
      `score/OPT ${pct(r.stats.score, mip.score)}, greedy/OPT ${pct(gScore, mip.score)}, OPT/UB ${pct(mip.score, r.stats.upperBound)}`;
  }
  return row;
}

function table(rows: Row[]): string {
  const cols = Object.keys(rows[0]);
  return [`| ${cols.join(" | ")} |`, `|${cols.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${cols.map((c) => r[c]).join(" | ")} |`)].join("\n");
}

async function main(): Promise<void> {
  const reps = Number(flag("--reps") ?? 3);
  const mipSizes = new Set((flag("--mip") ?? "230").split(",").filter(Boolean).map(Number));
  const rows: Row[] = [];
  for (const [n, m] of SIZES) {
    rows.push(await measure(n, m, reps, mipSizes.has(n)));
    console.error(`done ${n} / ${m}`);
  }
  const md = table(rows);
  console.log(md);
  if (process.argv.includes("--write")) {
    const command = `npx tsx bench/booths/run.ts ${process.argv.slice(2).join(" ")}`.trim();
    const text = [
      "# BOOTH benchmark (perf.md, proposed suite)",
      "",
      `Command: \`${command}\` (seed ${SEED}, ${reps} runs per size, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
      "",
      md,
      "",
      NOTES,
    ].join("\n");
    writeFileSync(path.join(import.meta.dirname, "RESULTS.md"), text);
  }
}

await main();
