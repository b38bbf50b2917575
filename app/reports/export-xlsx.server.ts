/**
 * XLSX export of the report (write-excel-file, ecosystem.md §6): a summary sheet with the headline
 * figures, one sheet per breakdown with its total row, and optionally every deal row. Rupiah cells are
 * numbers with the `"Rp"\ #,##0` format, so the organizer can sum and chart them in Excel; header rows
 * are bold on the app's brown and frozen. Strings are never written as formulas, so no cell can run.
 */
import writeXlsxFile, { type Cell, type Row, type Sheet } from "write-excel-file/node";
import type { Locale } from "~/utils/time";
import type { Figures, ReportModel } from "./aggregate";
import type { DealExportRow } from "./export-csv";
import { keyLabels, reportTables, reportText, type ReportTable } from "./report-tables";

export const RUPIAH_FORMAT = '"Rp"\\ #,##0';
const HEADER = { fontWeight: "bold", color: "#FFFFFF", backgroundColor: "#7A3E12" } as const;
const TOTAL = { fontWeight: "bold", borderStyle: "thin", borderColor: "#2B2118" } as const;

/**
 * A rupiah cell. Excel numbers are doubles: amounts up to 2^53 (Rp 9 kuadriliun) are exact; a larger
 * one (never produced by MAX_DEAL_TOTAL-capped deals at fair scale) is written as exact text instead.
 */
export function rupiahCell(value: bigint, style: object = {}): Cell {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { value: value.toString(), type: String, align: "right", ...style };
  return { value: Number(value), type: Number, format: RUPIAH_FORMAT, ...style };
}

const headerRow = (titles: string[]): Row => titles.map((value) => ({ value, type: String, ...HEADER }));
const figureCells = (f: Figures, style: object = {}): Cell[] => [
  rupiahCell(f.confirmed, style), rupiahCell(f.unconfirmed, style), rupiahCell(f.potential, style), { value: f.deals, type: Number, ...style },
];

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, " ").slice(0, 31).trim();
}

function breakdownSheet(table: ReportTable, locale: Locale): Sheet<Buffer> {
  const e = reportText(locale).export;
  const n = table.keyHeaders.length;
  const data: Row[] = [
    headerRow([...table.keyHeaders, e.confirmed_value, e.unconfirmed_value, e.potential_value, e.deal_count]),
    ...table.rows.map((r): Row => [...r.labels.map((value): Cell => ({ value, type: String })), ...figureCells(r.figures)]),
    [{ value: reportText(locale).report.total, type: String, ...TOTAL }, ...Array.from({ length: n - 1 }, (): Cell => ({ value: "", type: String, ...TOTAL })), ...figureCells(table.total, TOTAL)],
  ];
  return { data, sheet: sheetName(table.title), columns: [...table.keyHeaders.map(() => ({ width: 26 })), { width: 22 }, { width: 22 }, { width: 22 }, { width: 12 }], stickyRowsCount: 1 };
}

function summarySheet(model: ReportModel, locale: Locale): Sheet<Buffer> {
  const t = reportText(locale);
  const r = t.report;
  const count = (value: number): Cell => ({ value, type: Number, format: "#,##0" });
  const ratio = (bp: number | null): Cell => (bp === null ? { value: "—", type: String } : { value: bp / 10_000, type: Number, format: "0.0%" });
  const data: Row[] = [
    headerRow([t.export.figure, t.export.amount]),
    [{ value: model.event.name, type: String, fontWeight: "bold" }, { value: `${model.event.firstDay} – ${model.event.lastDay}`, type: String }],
    [{ value: r.confirmed, type: String }, rupiahCell(model.totals.confirmed, { fontWeight: "bold" })],
    [{ value: r.unconfirmed, type: String }, rupiahCell(model.totals.unconfirmed)],
    [{ value: r.potential, type: String }, rupiahCell(model.totals.potential)],
    [{ value: r.cancelled, type: String }, rupiahCell(model.cancelled.value)],
    [{ value: r.deals, type: String }, count(model.totals.deals)],
    [{ value: r.visitors, type: String }, count(model.counts.visitors)],
    [{ value: r.exhibitors, type: String }, count(model.counts.exhibitors)],
    [{ value: r.buyers, type: String }, count(model.counts.buyers)],
    [{ value: r.meetings_held, type: String }, count(model.counts.meetingsHeld)],
    [{ value: r.conversion, type: String }, ratio(model.conversion.basisPoints)],
    [{ value: r.target, type: String }, model.target.value === null ? { value: r.no_target, type: String } : rupiahCell(model.target.value)],
    [{ value: r.target, type: String }, ratio(model.target.basisPoints)],
  ];
  return { data, sheet: sheetName(t.export.summary_sheet), columns: [{ width: 44 }, { width: 30 }], stickyRowsCount: 1 };
}

function dealsSheet(rows: readonly DealExportRow[], model: ReportModel, locale: Locale): Sheet<Buffer> {
  const t = reportText(locale);
  const e = t.export;
  const label = keyLabels(model, locale);
  const s = (value: string | null): Cell => ({ value: value ?? "", type: String });
  const data: Row[] = [
    headerRow([e.deal_id, t.report.day, t.report.type, e.status, e.confirmation, e.value, e.seller, t.report.sector, t.report.umkm_class,
      t.report.seller_region, e.buyer, t.report.buyer_region, e.meeting]),
    ...rows.map((r): Row => [
      s(r.dealId), s(r.day), s(t.types[r.type]), s(t.statuses[r.status]), s(t.confirmations[r.confirmation]), rupiahCell(r.value),
      s(r.sellerName), s(label.bySector(r.sellerSector)), s(label.byUmkmClass(r.sellerUmkmClass ?? "unknown")),
      s(`${r.sellerRegion.city}, ${r.sellerRegion.province}`), s(r.buyerName), s(`${r.buyerRegion.city}, ${r.buyerRegion.province}`), s(r.meetingId),
    ]),
  ];
  return { data, sheet: sheetName(e.deals_sheet), columns: [14, 12, 18, 16, 20, 20, 28, 16, 12, 28, 28, 28, 14].map((width) => ({ width })), stickyRowsCount: 1 };
}

/**
 * The workbook as a Buffer: summary, the five breakdowns, then the deals sheet when `deals` is given.
 *
 * @example const xlsx = await reportXlsx(model, "id", { deals }) // send as application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
 */
export async function reportXlsx(model: ReportModel, locale: Locale, opts: { deals?: readonly DealExportRow[] } = {}): Promise<Buffer> {
  const sheets = [summarySheet(model, locale), ...reportTables(model, locale).map((t) => breakdownSheet(t, locale))];
  if (opts.deals) sheets.push(dealsSheet(opts.deals, model, locale));
  return (await writeXlsxFile(sheets).toBuffer()) as Buffer;
}
