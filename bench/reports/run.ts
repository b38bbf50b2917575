/**
 * Report pipeline without the database (issue 7, part 1): for a fair of 100,000 deals, how long the pure
 * parts of the dashboard and the exports take in one process. The database query and the Remix route come
 * with part 2, whose benchmark compares the dashboard with the bare node:http reference of perf.md §E.
 * Reference in the same run: one pass that only sums the 100,000 bigint values (the floor for any
 * aggregation in JS).
 *
 *   npx tsx bench/reports/run.ts [--deals 100000] [--runs 7]
 *
 * The dashboard itself (built app on PostgreSQL, 100,000 deals, against the bare node:http reference) is
 * bench/reports/dashboard.ts: `npx tsx bench/reports/dashboard.ts [--runs 3] [--no-build] [--quick]`.
 */
import { buildReport, type ReportModel } from "../../app/reports/aggregate";
import { breakdownCsv } from "../../app/reports/export-csv";
import { reportXlsx } from "../../app/reports/export-xlsx.server";
import { reportMarkup } from "../../app/reports/report-html.server";
import { renderReportPdf } from "../../app/reports/report-pdf.server";
import { reportTables } from "../../app/reports/report-tables";
import { SAMPLE_EVENT, sampleCounts, sampleDealRows } from "../../app/reports/sample-fair";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DEALS = arg("--deals", 100_000);
const RUNS = arg("--runs", 7);

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await time(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const rows = sampleDealRows(DEALS, { seed: 42 });
const make = () => buildReport({ event: SAMPLE_EVENT, rows, counts: sampleCounts(DEALS), target: 500_000_000_000n });
const model: ReportModel = make();

const reference = await median(() => {
  let s = 0n;
  for (const r of rows) s += r.value;
  return s;
});
const results: Array<[string, number]> = [
  [`buildReport (${rows.length.toLocaleString("en")} rows)`, await median(make)],
  ["dashboard markup (renderToStaticMarkup)", await median(() => reportMarkup(model, "id"))],
  ["CSV, all breakdowns", await median(() => reportTables(model, "id").map((t) => breakdownCsv(t, "id")))],
  ["XLSX, summary + breakdowns", await median(() => reportXlsx(model, "id"))],
  ["PDF report", await median(() => renderReportPdf(model, { locale: "id", generatedAt: "-" }))],
];

console.log(`\n${DEALS.toLocaleString("en")} deals, median of ${RUNS} runs (ms); reference = summing the values only\n`);
console.log("| step | median ms | ÷ reference |\n|---|---|---|");
console.log(`| reference: Σ value (bigint) | ${reference.toFixed(1)} | 1.0 |`);
for (const [name, ms] of results) console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / reference).toFixed(1)} |`);
