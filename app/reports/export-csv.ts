/**
 * CSV exports of deals and of each report breakdown, for Excel in Indonesia: UTF-8 with BOM, `;` as the
 * separator (the id-ID decimal comma makes Excel expect it), CRLF line ends (ecosystem.md §6). Rupiah
 * cells are plain digits so Excel reads them as numbers. Text cells that a spreadsheet would run as a
 * formula (starting with = + - @ tab CR) get a leading `'` (ASVS 1.2.10 CSV injection). Pure.
 */
import { stringify } from "csv-stringify/sync";
import type { Locale } from "~/utils/time";
import type { DealRow, Figures } from "./aggregate";
import { keyLabels, reportText, type ReportTable } from "./report-tables";
import type { ReportModel } from "./aggregate";

/** A deal row with the party names (personal data: the route writes an audit entry per export). */
export type DealExportRow = DealRow & { sellerName: string; buyerName: string };

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell a spreadsheet would treat as a formula.
 *
 * @example escapeCell("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Writes rows: strings are escaped, bigint and number cells are written as digits (never escaped). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | bigint | null>>): string {
  const cells = rows.map((row) => row.map((c) => (c === null ? "" : typeof c === "string" ? escapeCell(c) : c.toString())));
  // Quote any cell with a line break: with an explicit CRLF record end, csv-stringify only quotes cells that contain "\r\n".
  return stringify(cells, { delimiter: ";", record_delimiter: "\r\n", bom: true, quoted_match: /[\r\n]/ });
}

const figureCells = (f: Figures) => [f.confirmed, f.unconfirmed, f.potential, f.deals];

/** One breakdown (with its total row) as CSV. */
export function breakdownCsv(table: ReportTable, locale: Locale): string {
  const e = reportText(locale).export;
  const header = [...table.keyHeaders, e.confirmed_value, e.unconfirmed_value, e.potential_value, e.deal_count];
  const total = [reportText(locale).report.total, ...table.keyHeaders.slice(1).map(() => ""), ...figureCells(table.total)];
  return toCsv([header, ...table.rows.map((r) => [...r.labels, ...figureCells(r.figures)]), total]);
}

/** Every deal row (one per seller share), with labels in the chosen language. */
export function dealsCsv(rows: readonly DealExportRow[], model: ReportModel, locale: Locale): string {
  const t = reportText(locale);
  const e = t.export;
  const label = keyLabels(model, locale);
  const header = [
    e.deal_id, t.report.day, t.report.type, e.status, e.confirmation, e.value, e.seller, t.report.sector, t.report.umkm_class,
    `${e.seller} – ${e.city}`, `${e.seller} – ${e.province}`, e.buyer, `${e.buyer} – ${e.city}`, `${e.buyer} – ${e.province}`, e.meeting,
  ];
  const body = rows.map((r) => [
    r.dealId, r.day, t.types[r.type], t.statuses[r.status], t.confirmations[r.confirmation], r.value, r.sellerName,
    label.bySector(r.sellerSector), label.byUmkmClass(r.sellerUmkmClass ?? "unknown"), r.sellerRegion.city, r.sellerRegion.province,
    r.buyerName, r.buyerRegion.city, r.buyerRegion.province, r.meetingId,
  ]);
  return toCsv([header, ...body]);
}
