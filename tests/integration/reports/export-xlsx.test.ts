import { describe, expect, it } from "vitest";
import { RUPIAH_FORMAT, reportXlsx, rupiahCell, sheetName } from "~/reports/export-xlsx.server";
import { reportTables } from "~/reports/report-tables";
import { KNOWN_ROWS, knownReport } from "../../unit/reports/known-fair";
import { readXlsx } from "./xlsx-reader";

// Renderer tests that need no database.
const model = knownReport();

describe("reportXlsx", () => {
  it.each(["id", "en"] as const)("has one sheet per breakdown whose rows and total equal the model (%s)", async (locale) => {
    const { sheets } = readXlsx(await reportXlsx(model, locale));
    const tables = reportTables(model, locale);
    expect([...sheets.keys()]).toEqual([locale === "id" ? "Ringkasan" : "Summary", ...tables.map((t) => sheetName(t.title))]);
    for (const table of tables) {
      const rows = sheets.get(sheetName(table.title))!;
      const n = table.keyHeaders.length;
      const body = rows.slice(1, -1);
      const total = rows[rows.length - 1];
      expect(body.map((r) => r.slice(0, n))).toEqual(table.rows.map((r) => r.labels));
      for (const [i, key] of (["confirmed", "unconfirmed", "potential"] as const).entries()) {
        const column = body.map((r) => BigInt(r[n + i] as number));
        expect(column).toEqual(table.rows.map((r) => r.figures[key]));
        expect(BigInt(total[n + i] as number)).toBe(model.totals[key]);
      }
      expect(total[n + 3]).toBe(model.totals.deals);
    }
  });

  it("puts the headline figures on the summary sheet as numbers", async () => {
    const summary = readXlsx(await reportXlsx(model, "id")).sheets.get("Ringkasan")!;
    const byLabel = new Map(summary.map((r) => [r[0], r[1]]));
    expect(byLabel.get("Nilai transaksi terkonfirmasi")).toBe(1_278_500_000);
    expect(byLabel.get("Belum dikonfirmasi")).toBe(480_000_000);
    expect(byLabel.get("Potensi (MoU/LOI, penjajakan)")).toBe(2_500_000_000);
    expect(byLabel.get("Pengunjung")).toBe(1_250);
    expect(byLabel.get("Pertemuan yang menghasilkan transaksi")).toBe(0.075);
  });

  it("formats rupiah cells with the Rp number format", async () => {
    const { styles } = readXlsx(await reportXlsx(model, "id"));
    expect(styles).toContain('formatCode="&quot;Rp&quot;\\ #,##0"');
    expect(RUPIAH_FORMAT).toBe('"Rp"\\ #,##0');
  });

  it("adds the deals sheet with every row when asked, and never writes text as a formula", async () => {
    const deals = KNOWN_ROWS.map((r) => ({ ...r, sellerName: "=HYPERLINK(\"http://evil.example\")", buyerName: "Hotel Sahid" }));
    const buf = await reportXlsx(model, "en", { deals });
    const sheet = readXlsx(buf).sheets.get("Deals")!;
    expect(sheet).toHaveLength(KNOWN_ROWS.length + 1);
    expect(sheet.slice(1).reduce((a, r) => a + BigInt(r[5] as number), 0n)).toBe(KNOWN_ROWS.reduce((a, r) => a + r.value, 0n));
    expect(sheet[1][6]).toBe("=HYPERLINK(\"http://evil.example\")");
    expect(buf.includes(Buffer.from("<f>"))).toBe(false);
  });

  it("writes amounts beyond 2^53 as exact text rather than a rounded number", () => {
    expect(rupiahCell(9_007_199_254_740_993n)).toMatchObject({ value: "9007199254740993", type: String });
    expect(rupiahCell(9_007_199_254_740_991n)).toMatchObject({ value: 9_007_199_254_740_991, type: Number, format: RUPIAH_FORMAT });
  });

  it.each([["Rincian: A/B [x]*?", "Rincian  A B  x"], ["x".repeat(40), "x".repeat(31)]])("makes %j a valid sheet name", (title, name) => {
    expect(sheetName(title)).toBe(name);
  });
});
