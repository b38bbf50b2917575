import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "~/reports/aggregate";
import { renderReportPdf } from "~/reports/report-pdf.server";
import { headlineFigures, reportTables } from "~/reports/report-tables";
import { SAMPLE_EVENT, sampleCounts, sampleDealRows } from "~/reports/sample-fair";
import { formatRupiah } from "~/utils/money";
import { knownReport } from "../../unit/reports/known-fair";

// Renderer tests that need no database; they need poppler-utils (pdftotext, pdfinfo, pdftoppm).
const dir = join(process.cwd(), "tmp", "report-pdf");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

function save(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
/** Text of the PDF with U+00A0 as a plain space (pdftotext keeps it; formatRupiah emits it). */
const text = (file: string) => execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8").replace(/\u00a0/g, " ");
const plain = (s: string) => s.replace(/\u00a0/g, " ");
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString())![1]);

describe("renderReportPdf", () => {
  const model = knownReport();

  it.each(["id", "en"] as const)("prints every breakdown row and total of the model (%s)", async (locale) => {
    const file = save(await renderReportPdf(model, { locale, generatedAt: "16 Desember 2026 09.00 WIB" }), `known-${locale}`);
    const txt = text(file);
    for (const table of reportTables(model, locale)) {
      expect(txt).toContain(table.title);
      for (const r of [...table.rows, { labels: [], figures: table.total }]) {
        const line = [r.figures.confirmed, r.figures.unconfirmed, r.figures.potential].map((v) => plain(formatRupiah(v, locale))).join(" +");
        expect(txt).toMatch(new RegExp(line.replace(/\./g, "\\.").replace(/,/g, ",")));
      }
    }
  });

  it("puts the event, organizer and headline figures on the first pages, Indonesian by default", async () => {
    const file = save(await renderReportPdf(model, { locale: "id", generatedAt: "16 Desember 2026 09.00 WIB" }), "headline");
    const txt = text(file);
    expect(txt).toContain(SAMPLE_EVENT.name);
    expect(txt).toContain("Kadin Kota Surakarta");
    expect(txt).toContain("Min, 13 Des 2026 – Sel, 15 Des 2026");
    expect(txt).toContain("Dibuat 16 Desember 2026 09.00 WIB");
    for (const h of headlineFigures(model, "id")) expect(txt).toContain(plain(h.value));
    expect(txt).toContain("Rp 1.278.500.000");
    expect(txt).toContain("25,6%"); // 2557 basis points
    expect(txt).toContain("7,5%");
  });

  it("numbers every page 'Halaman n dari N'", async () => {
    const file = save(await renderReportPdf(model, { locale: "id", generatedAt: "-" }), "pages");
    const n = pages(file);
    expect(n).toBeGreaterThanOrEqual(3);
    const txt = text(file);
    for (let i = 1; i <= n; i++) expect(txt).toContain(`Halaman ${i} dari ${n}`);
  });

  it("embeds DejaVu so names beyond Latin-1 print", async () => {
    const event = { ...SAMPLE_EVENT, name: "Pameran Tenun Nguyễn – Đà Nẵng × Kediri" };
    const m = buildReport({ event, rows: [], counts: sampleCounts(0), target: null });
    const pdf = await renderReportPdf(m, { locale: "en", generatedAt: "-" });
    expect(pdf.toString("latin1")).toContain("/FontFile2");
    expect(text(save(pdf, "unicode"))).toContain("Nguyễn – Đà Nẵng");
  });

  it("stays a few pages for a fair with 20,000 deals and renders to images", async () => {
    const rows = sampleDealRows(20_000, { seed: 9 });
    const m = buildReport({ event: SAMPLE_EVENT, rows, counts: sampleCounts(20_000), target: 50_000_000_000n });
    const file = save(await renderReportPdf(m, { locale: "id", generatedAt: "-" }), "large");
    expect(pages(file)).toBeLessThanOrEqual(8);
    expect(text(file)).toContain(plain(formatRupiah(m.totals.confirmed, "id")));
    execFileSync("pdftoppm", ["-png", "-r", "40", file, join(dir, "large")]);
    expect(readdirSync(dir).filter((f) => f.startsWith("large-") && f.endsWith(".png")).length).toBe(pages(file));
  });
});
