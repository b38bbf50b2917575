import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { breakdownCsv, dealsCsv, escapeCell, toCsv, type DealExportRow } from "~/reports/export-csv";
import { reportTables } from "~/reports/report-tables";
import { KNOWN_ROWS, knownReport } from "./known-fair";

const read = (csv: string) => parse(csv, { bom: true, delimiter: ";" }) as string[][];

describe("escapeCell", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+62812345678", "'+62812345678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", "'\r=cmd"],
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ["Batik Laweyan", "Batik Laweyan"],
    ["a=b", "a=b"],
    ["", ""],
  ])("turns %j into %j", (input, out) => {
    expect(escapeCell(input)).toBe(out);
  });
});

describe("toCsv", () => {
  it("writes a UTF-8 BOM, ';' separators and CRLF line ends", () => {
    const csv = toCsv([["a", "b"], ["c", 1n]]);
    expect(csv).toBe("\ufeffa;b\r\nc;1\r\n");
  });

  it("round-trips awkward text through csv-parse, with formulas neutralised", () => {
    const nasty = ["=1+2", "Tenun; ikat", 'Kain "primissima"', "baris\nbaru", "Nguyễn Thị Ánh", "-", "@", "+62 812"];
    const back = read(toCsv([nasty]))[0];
    expect(back).toEqual(nasty.map(escapeCell));
    expect(back.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it("writes money as plain digits, even beyond 2^53", () => {
    expect(read(toCsv([[12_345_678_901_234_567_890n]]))[0]).toEqual(["12345678901234567890"]);
  });
});

describe("CSV of the report", () => {
  const model = knownReport();

  it.each(["id", "en"] as const)("gives the model's figures for every breakdown, in %s", (locale) => {
    for (const table of reportTables(model, locale)) {
      const rows = read(breakdownCsv(table, locale));
      const [header, ...body] = rows;
      expect(header).toHaveLength(table.keyHeaders.length + 4);
      const total = body.pop()!;
      const n = table.keyHeaders.length;
      const sum = (i: number) => body.reduce((a, r) => a + BigInt(r[n + i]), 0n);
      expect([sum(0), sum(1), sum(2)]).toEqual([model.totals.confirmed, model.totals.unconfirmed, model.totals.potential]);
      expect(total.slice(n).map(BigInt)).toEqual([model.totals.confirmed, model.totals.unconfirmed, model.totals.potential, BigInt(model.totals.deals)]);
      expect(body.map((r) => r.slice(0, n))).toEqual(table.rows.map((r) => r.labels));
    }
  });

  it("labels rows in the chosen language", () => {
    const [, ...id] = read(breakdownCsv(reportTables(model, "id")[3], "id"));
    const [, ...en] = read(breakdownCsv(reportTables(model, "en")[3], "en"));
    expect(id.map((r) => r[0])).toEqual(["Penjualan di stan", "Pesanan (PO)", "Kontrak", "MoU/LOI", "Jumlah"]);
    expect(en.map((r) => r[0])).toEqual(["On-site sale", "Purchase order", "Contract", "MoU/LOI", "Total"]);
  });

  it("exports every deal row with escaped names and values that sum to the rows", () => {
    const rows: DealExportRow[] = KNOWN_ROWS.map((r, i) => ({ ...r, sellerName: i === 0 ? "=cmd|' /C calc'!A0" : `Penjual ${r.sellerId}`, buyerName: `@Pembeli ${r.buyerId}` }));
    const [header, ...body] = read(dealsCsv(rows, model, "id"));
    expect(header[0]).toBe("ID transaksi");
    expect(body).toHaveLength(KNOWN_ROWS.length);
    expect(body[0][6]).toBe("'=cmd|' /C calc'!A0");
    expect(body.every((r) => r[11].startsWith("'@"))).toBe(true);
    expect(body.reduce((a, r) => a + BigInt(r[5]), 0n)).toBe(KNOWN_ROWS.reduce((a, r) => a + r.value, 0n));
    expect(body[5].slice(2, 5)).toEqual(["MoU/LOI", "Ditandatangani", "Diverifikasi panitia"]);
  });
});
