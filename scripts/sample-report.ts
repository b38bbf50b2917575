// Writes a realistic sample report (batik/tenun fair, Kota Kediri × Kota Surakarta) to tmp/ so the
// renderers can be looked at: tmp/sample-report.{pdf,csv,xlsx}, one CSV per breakdown, and
// tmp/sample-report.{id,en}.html with the SVG charts (open in a browser, or --png to render with Chromium).
//   npx tsx scripts/sample-report.ts [--deals 2000] [--png]
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildReport } from "~/reports/aggregate";
import { breakdownCsv, dealsCsv, type DealExportRow } from "~/reports/export-csv";
import { reportXlsx } from "~/reports/export-xlsx.server";
import { renderReportPdf } from "~/reports/report-pdf.server";
import { reportHtml } from "~/reports/report-html.server";
import { reportTables } from "~/reports/report-tables";
import { SAMPLE_EVENT, sampleCounts, sampleDealRows } from "~/reports/sample-fair";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "tmp");
const arg = (name: string) => process.argv.indexOf(name);
const dealCount = arg("--deals") > 0 ? Number(process.argv[arg("--deals") + 1]) : 600;

const rows = sampleDealRows(dealCount, { seed: 2026 });
const model = buildReport({ event: SAMPLE_EVENT, rows, counts: sampleCounts(dealCount), target: 100_000_000_000n });
const names: DealExportRow[] = rows.map((r) => ({ ...r, sellerName: `UMKM ${r.sellerId.slice(1)} ${r.sellerRegion.city}`, buyerName: `Pembeli ${r.buyerId.slice(1)}` }));

mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "sample-report.pdf"), await renderReportPdf(model, { locale: "id", generatedAt: "16 Desember 2026 09.00 WIB" }));
writeFileSync(path.join(out, "sample-report.en.pdf"), await renderReportPdf(model, { locale: "en", generatedAt: "16 December 2026 09:00 WIB" }));
writeFileSync(path.join(out, "sample-report.csv"), dealsCsv(names, model, "id"));
for (const table of reportTables(model, "id")) writeFileSync(path.join(out, `sample-report.${table.id}.csv`), breakdownCsv(table, "id"));
writeFileSync(path.join(out, "sample-report.xlsx"), await reportXlsx(model, "id", { deals: names }));
for (const locale of ["id", "en"] as const) writeFileSync(path.join(out, `sample-report.${locale}.html`), reportHtml(model, locale, root));
console.log(`${rows.length} deal rows → tmp/sample-report.{pdf,en.pdf,csv,xlsx,id.html,en.html} and one CSV per breakdown`);

if (arg("--png") > 0) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    for (const [width, height] of [[390, 844], [1280, 900]]) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`file://${path.join(out, "sample-report.id.html")}`);
      await page.screenshot({ path: path.join(out, `sample-report-${width}.png`), fullPage: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log("tmp/sample-report-390.png, tmp/sample-report-1280.png");
}
