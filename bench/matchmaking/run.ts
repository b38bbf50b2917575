// Matchmaking benchmark (perf.md "Proposed benchmark suite": MM-Q, MM-T, MM-I, MM-W).
//   npx tsx bench/matchmaking/run.ts            full run (S, M, L, XL; HiGHS optimum on S and M)
//   npx tsx bench/matchmaking/run.ts --quick    smoke run (S, M, L; HiGHS on S only)
//   … --only=q,w,i                              only some tables (q: MM-Q/MM-T, w: MM-W, i: MM-I)
// Every time is a median of several runs, reported next to a reference measured in the same run
// (the upper-bound computation for MM-T, a full re-solve for MM-I): this 2-core machine is shared and
// noisy, so only ratios are comparable between runs. Absolute ms are context.
import type { Instance } from "../../app/meetings/scheduler/instance";
import { compileModel } from "../../app/meetings/scheduler/model";
import type { Result } from "../../app/meetings/scheduler/result";
import { createRng } from "../../app/utils/rng";
import { scheduleWithReport, type ScheduleReport } from "../../app/meetings/scheduler/schedule";
import { upperBound } from "../../app/meetings/scheduler/upper-bound";
import { validateResult } from "../../app/meetings/scheduler/validate";
import { FAMILIES, generateInstance, type Size } from "./generate";
import { solveOptimum } from "./oracle";

const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",") ?? ["q", "w", "i"];
const SIZES: Size[] = quick ? ["S", "M", "L"] : ["S", "M", "L", "XL"];
const REPS = 3;
const OPT_SIZES = new Set<Size>(quick ? ["S"] : ["S", "M"]);
const OPT_LIMIT_S = quick ? 20 : 60;

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(2)} %`);
const log = (line: string) => process.stderr.write(`${line}\n`);

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Scheduler and bound, alternated so that both see the same machine load; medians of REPS runs. */
function measure(inst: Instance): { report: ScheduleReport; ms: number; ubMs: number } {
  const runs: { report: ScheduleReport; ms: number }[] = [];
  const ubRuns: number[] = [];
  for (let i = 0; i < REPS; i++) {
    ubRuns.push(timed(() => upperBound(compileModel(inst))).ms);
    const run = timed(() => scheduleWithReport(inst, { seed: 1, now: () => performance.now() }));
    runs.push({ report: run.value, ms: run.ms });
  }
  const violations = validateResult(inst, runs[0].report.result);
  if (violations.length > 0) throw new Error(`invalid result: ${violations.slice(0, 3).join("; ")}`);
  return { report: runs[0].report, ms: median(runs.map((r) => r.ms)), ubMs: median(ubRuns) };
}

/**
 * HiGHS optimum for the table. A schedule that equals the upper bound or the LP bound (IPM, seconds) is
 * optimal, so the MIP (minutes on M) only runs when neither proves it, or always when `always` (S).
 * When the MIP hits its time limit we report the tighter of its dual bound and the LP bound.
 */
async function optimumCells(inst: Instance, value: number, ub: number, always: boolean): Promise<[string, string]> {
  if (!always && value >= ub - 1e-9) return ["= UB", pct(value, ub)];
  const lp = await solveOptimum(inst, { relax: true, timeLimitSec: OPT_LIMIT_S });
  if (!always && value >= lp.value - 1e-6) return [`= LP bound ${Math.round(lp.value * 1e3) / 1e3}`, pct(value, lp.value)];
  const opt = await solveOptimum(inst, { timeLimitSec: OPT_LIMIT_S });
  const shown = Math.round(opt.value * 1e6) / 1e6;
  if (opt.optimal) return [`${shown} (MIP ${(opt.ms / 1000).toFixed(1)} s)`, pct(value, shown)];
  const bound = Math.min(opt.bound, lp.value);
  return [`≤ ${Math.round(bound * 1e3) / 1e3} (MIP unproven in ${OPT_LIMIT_S} s)`, `≥ ${pct(value, bound)}`];
}

async function qualityTable(): Promise<string[]> {
  const rows = [
    "| family | size | requests | scheduled | upper bound | sched/UB | HiGHS optimum | sched/OPT | idle gaps phase 1 → 2 | scheduler ms | UB ms | sched/UB time |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const size of SIZES) {
    for (const family of FAMILIES) {
      const inst = generateInstance(family, size, { seed: 1 });
      const { report, ms, ubMs } = measure(inst);
      const st = report.result.stats;
      const [optText, optPct] = OPT_SIZES.has(size) ? await optimumCells(inst, st.scheduled, st.upperBound, size === "S") : ["—", "—"];
      rows.push(
        `| ${family} | ${size} | ${st.requests} | ${st.scheduled} | ${st.upperBound} | ${pct(st.scheduled, st.upperBound)} | ${optText} | ${optPct} | ${report.idleGapsBeforePhase2} → ${st.idleGaps} | ${ms.toFixed(0)} | ${ubMs.toFixed(1)} | ${(ms / ubMs).toFixed(1)}× |`,
      );
      log(rows[rows.length - 1]);
    }
  }
  return rows;
}

/** MM-I: cancel 1 % and add 1 % of requests, then re-run with the surviving meetings pinned. */
function changed(inst: Instance, previous: Result): { pinned: Instance; free: Instance } {
  const rnd = createRng(99);
  const n = Math.round(inst.requests.length / 100);
  const cancelled = new Set<string>();
  while (cancelled.size < n) cancelled.add(inst.requests[Math.floor(rnd() * inst.requests.length)].id);
  const pairs = new Set(inst.requests.map((r) => `${r.a}|${r.b}`));
  const buyers = inst.participants.filter((p) => p.id.startsWith("b"));
  const sellers = inst.participants.filter((p) => p.id.startsWith("s"));
  const added: Instance["requests"] = [];
  while (added.length < n) {
    const a = buyers[Math.floor(rnd() * buyers.length)].id;
    const b = sellers[Math.floor(rnd() * sellers.length)].id;
    if (!pairs.has(`${a}|${b}`)) pairs.add(`${a}|${b}`), added.push({ id: `new${added.length}`, a, b, weight: 1 });
  }
  const slotOf = new Map(previous.meetings.map((m) => [m.request, m.slot]));
  const kept = inst.requests.filter((r) => !cancelled.has(r.id));
  const pin = (r: Instance["requests"][number]) => (slotOf.has(r.id) ? { ...r, fixed: { slot: slotOf.get(r.id)! } } : r);
  return { pinned: { ...inst, requests: [...kept.map(pin), ...added] }, free: { ...inst, requests: [...kept, ...added] } };
}

function incrementalTable(): string[] {
  const inst = generateInstance("uniform", quick ? "L" : "XL", { seed: 1 });
  const before = scheduleWithReport(inst, { seed: 1 }).result;
  const { pinned, free } = changed(inst, before);
  const oldSlot = new Map(before.meetings.map((m) => [m.request, m.slot]));
  const initial = Object.fromEntries(oldSlot);
  const variants = [
    { name: "pinned", label: "surviving meetings pinned (`fixed`)", inst: pinned, opts: {} },
    { name: "hint", label: "previous schedule as a hint (`initial`)", inst: free, opts: { initial } },
    { name: "free", label: "full re-solve (reference)", inst: free, opts: {} },
  ];
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  const results = new Map<string, Result>();
  for (let i = 0; i < REPS; i++) {
    for (const v of variants) {
      const run = timed(() => scheduleWithReport(v.inst, { seed: 1, ...v.opts }).result);
      times.get(v.name)!.push(run.ms);
      results.set(v.name, run.value);
    }
  }
  const reference = median(times.get("free")!);
  const rows = ["| variant | time ms | ratio to full re-solve | scheduled | untouched meetings moved | new requests scheduled |", "|---|---|---|---|---|---|"];
  for (const v of variants) {
    const res = results.get(v.name)!;
    const violations = validateResult(v.inst, res);
    if (violations.length > 0) throw new Error(`MM-I ${v.name}: ${violations[0]}`);
    const untouched = res.meetings.filter((m) => oldSlot.has(m.request));
    const moved = untouched.filter((m) => oldSlot.get(m.request) !== m.slot).length;
    const fresh = res.meetings.filter((m) => m.request.startsWith("new")).length;
    const ms = median(times.get(v.name)!);
    rows.push(`| ${v.label} | ${ms.toFixed(0)} | ${(ms / reference).toFixed(2)}× | ${res.stats.scheduled} | ${pct(moved, untouched.length)} | ${fresh} of ${Math.round(inst.requests.length / 100)} |`);
  }
  return rows;
}

async function weightedTable(): Promise<string[]> {
  const rows = ["| family | size | weight | weighted UB | HiGHS optimum | weight/OPT | scheduler ms |", "|---|---|---|---|---|---|---|"];
  for (const family of FAMILIES) {
    const inst = generateInstance(family, "M", { seed: 1, weights: true });
    const { report, ms } = measure(inst);
    const st = report.result.stats;
    const [optText, optPct] = quick ? ["—", "—"] : await optimumCells(inst, st.weight, st.upperBound, false);
    rows.push(`| ${family} | M | ${st.weight} | ${st.upperBound} | ${optText} | ${optPct} | ${ms.toFixed(0)} |`);
    log(rows[rows.length - 1]);
  }
  return rows;
}

async function main(): Promise<void> {
  // Warm-up so the first row does not pay for JIT compilation.
  measure(generateInstance("uniform", "M", { seed: 2 }));
  const out: string[] = [];
  if (only.includes("q")) {
    out.push(`### MM-Q / MM-T: quality and time (seed 1, median of ${REPS} runs, node ${process.version})`, "");
    out.push(...(await qualityTable()), "");
  }
  if (only.includes("w")) out.push(`### MM-W: weights (30 % of requests weigh 2), M`, "", ...(await weightedTable()), "");
  if (only.includes("i")) {
    out.push(`### MM-I: ${quick ? "L" : "XL"} uniform, 1 % of requests cancelled and 1 % added`, "", ...incrementalTable(), "");
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

await main();
