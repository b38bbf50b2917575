import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { buildReport, type Figures, type ReportModel } from "~/reports/aggregate";
import { breakdownCsv } from "~/reports/export-csv";
import { reportXlsx, sheetName } from "~/reports/export-xlsx.server";
import { reportMarkup } from "~/reports/report-html.server";
import { renderReportPdf } from "~/reports/report-pdf.server";
import { reportTables, type ReportTable } from "~/reports/report-tables";
import { SAMPLE_EVENT, sampleCounts, sampleDealRows } from "~/reports/sample-fair";
import { formatRupiah } from "~/utils/money";
import type { Locale } from "~/utils/time";
import { knownReport } from "../../unit/reports/known-fair";
import { readXlsx } from "./xlsx-reader";

// One fair, four renderers: the dashboard (server-rendered HTML), CSV, XLSX and PDF must all show the
// model's figures for every breakdown row and every total. Renderer tests that need no database.
type Shown = { labels: string[]; money: bigint[]; deals: number };

/** Rupiah text back to bigint: "Rp 1.278.500.000" / "Rp 1,278,500,000" → 1278500000n. */
const rupiah = (s: string) => BigInt(s.replace(/[^\d]/g, ""));
const expected = (table: ReportTable): Shown[] =>
  [...table.rows.map((r) => ({ labels: r.labels, f: r.figures })), { labels: [], f: table.total }].map(({ labels, f }: { labels: string[]; f: Figures }) => ({
    labels, money: [f.confirmed, f.unconfirmed, f.potential], deals: f.deals,
  }));

function fromDashboard(markup: string, table: ReportTable): Shown[] {
  const html = new RegExp(`<table[^>]*data-table="${table.id}"[\\s\\S]*?</table>`).exec(markup)![0];
  const n = table.keyHeaders.length;
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((tr, i, all) => {
    const cells = [...tr[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/&amp;/g, "&"));
    const isTotal = i === all.length - 1;
    const k = isTotal ? 1 : n;
    return { labels: isTotal ? [] : cells.slice(0, n), money: cells.slice(k, k + 3).map(rupiah), deals: Number(cells[k + 3].replace(/\D/g, "")) };
  });
}

function fromCsv(csv: string, table: ReportTable): Shown[] {
  const n = table.keyHeaders.length;
  const rows = (parse(csv, { bom: true, delimiter: ";" }) as string[][]).slice(1);
  return rows.map((r, i) => ({ labels: i === rows.length - 1 ? [] : r.slice(0, n), money: r.slice(n, n + 3).map(BigInt), deals: Number(r[n + 3]) }));
}

function fromXlsx(sheet: Array<Array<string | number | null>>, table: ReportTable): Shown[] {
  const n = table.keyHeaders.length;
  const rows = sheet.slice(1);
  return rows.map((r, i) => ({
    labels: i === rows.length - 1 ? [] : (r.slice(0, n) as string[]),
    money: r.slice(n, n + 3).map((v) => BigInt(v as number)),
    deals: r[n + 3] as number,
  }));
}

async function pdfText(model: ReportModel, locale: Locale): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "report-pdf-")), "r.pdf");
  writeFileSync(file, await renderReportPdf(model, { locale, generatedAt: "-" }));
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8").replace(/\u00a0/g, " ");
}

const fairs: Array<[string, () => ReportModel]> = [
  ["the known fair", knownReport],
  ["a generated fair of 3,000 deals", () => buildReport({ event: SAMPLE_EVENT, rows: sampleDealRows(3_000, { seed: 77 }), counts: sampleCounts(3_000), target: 10_000_000_000n })],
];

describe.each(fairs)("dashboard, CSV, XLSX and PDF of %s", (_name, make) => {
  const model = make();

  it.each(["id", "en"] as const)("show identical figures for every breakdown (%s)", async (locale) => {
    const markup = reportMarkup(model, locale);
    const { sheets } = readXlsx(await reportXlsx(model, locale));
    const pdf = await pdfText(model, locale);
    for (const table of reportTables(model, locale)) {
      const want = expected(table);
      expect(fromDashboard(markup, table), `dashboard ${table.id}`).toEqual(want);
      expect(fromCsv(breakdownCsv(table, locale), table), `CSV ${table.id}`).toEqual(want);
      expect(fromXlsx(sheets.get(sheetName(table.title))!, table), `XLSX ${table.id}`).toEqual(want);
      for (const row of want) {
        const money = row.money.map((v) => formatRupiah(v, locale).replace(/\u00a0/g, " ").replace(/\./g, "\\."));
        expect(pdf, `PDF ${table.id} ${row.labels.join(" → ")}`).toMatch(new RegExp(`${money.join(" +")} +${row.deals.toLocaleString(locale === "id" ? "id-ID" : "en-US").replace(/\./g, "\\.")}`));
      }
    }
  });
});
