// The organizer's report downloads: the PDF report, the XLSX workbook (breakdowns plus every deal), one CSV per
// breakdown, and the CSV of every deal. All come from the one report model, so their figures agree with the
// dashboard. Files that name buyers and sellers are personal data: each such download is written to the audit log.
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { formatDate, formatTime, type Locale } from "~/utils/time";
import type { ReportModel } from "./aggregate";
import { breakdownCsv, dealsCsv, type DealExportRow } from "./export-csv";
import { reportXlsx } from "./export-xlsx.server";
import { loadReportModel } from "./report-data.server";
import { renderReportPdf } from "./report-pdf.server";
import { reportTables, type ReportTableId } from "./report-tables";

/**
 * Every deal row, one per seller share, in deal order (the shape the CSV and XLSX deal sheets take), with the
 * seller's attributes as recorded on the share, like the dashboard's totals.
 */
export async function loadDealExportRows(db: Executor, eventId: string): Promise<DealExportRow[]> {
  const rows = await db.selectFrom("deal as d").innerJoin("dealSeller as ds", "ds.dealId", "d.id")
    .innerJoin("meetingParticipant as p", "p.id", "ds.sellerId").innerJoin("application as a", "a.id", "p.applicationId")
    .innerJoin("business as b", "b.id", "a.businessId")
    .select(["d.id as dealId", "ds.shareValue", "d.status", "d.type", "d.confirmation", sql<string>`d.deal_day::text`.as("day"),
      "p.id as sellerId", "b.name as sellerName", "ds.sector", "ds.umkmClass", "ds.city", "ds.province",
      "d.buyerId", "d.buyerName", "d.buyerCity", "d.buyerProvince", "d.meetingId"])
    .where("d.eventId", "=", eventId).orderBy("d.id").orderBy("ds.position").execute();
  return rows.map((r) => ({
    dealId: r.dealId, value: BigInt(r.shareValue), status: r.status, type: r.type, confirmation: r.confirmation, day: r.day,
    sellerId: r.sellerId, sellerName: r.sellerName, sellerSector: r.sector, sellerUmkmClass: r.umkmClass,
    sellerRegion: { city: r.city, province: r.province },
    buyerId: r.buyerId ?? "", buyerName: r.buyerName, buyerRegion: { city: r.buyerCity, province: r.buyerProvince }, meetingId: r.meetingId,
  }));
}

export type ReportFile = { body: Buffer | string; contentType: string; filename: string };
const TABLE_IDS: readonly ReportTableId[] = ["byDay", "bySector", "byUmkmClass", "byType", "flows"];

/** What a download name asks for: `laporan.pdf`, `laporan.xlsx`, `transaksi.csv`, or `<breakdown>.csv`. */
export type ReportFileRequest = { kind: "pdf" | "xlsx" | "deals" } | { kind: "breakdown"; table: ReportTableId };

export function parseReportFile(name: string | undefined): ReportFileRequest | null {
  if (name === "laporan.pdf") return { kind: "pdf" };
  if (name === "laporan.xlsx") return { kind: "xlsx" };
  if (name === "transaksi.csv") return { kind: "deals" };
  const table = TABLE_IDS.find((id) => name === `${id}.csv`);
  return table ? { kind: "breakdown", table } : null;
}

const CSV = "text/csv; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Renders one download. Downloads with names (the XLSX deal sheet, the deals CSV) are audited with the actor.
 */
export async function renderReportFile(
  db: Executor,
  ctx: { eventId: string; eventSlug: string; timeZone: string; organizationId: string; userId: string; locale: Locale; request: Request },
  file: ReportFileRequest,
  now = new Date(),
): Promise<ReportFile> {
  const model: ReportModel = await loadReportModel(db, ctx.eventId);
  const base = `pendopo-${ctx.eventSlug}`;
  const personal = file.kind === "xlsx" || file.kind === "deals";
  const deals = personal ? await loadDealExportRows(db, ctx.eventId) : [];
  if (personal) {
    await audit(db, { action: "report.export_personal", actorUserId: ctx.userId, organizationId: ctx.organizationId, eventId: ctx.eventId,
      entity: "event", entityId: ctx.eventId, data: { file: file.kind, rows: deals.length }, request: ctx.request });
  }
  switch (file.kind) {
    case "pdf": {
      const generatedAt = `${formatDate(now, ctx.timeZone, ctx.locale)} ${formatTime(now, ctx.timeZone, ctx.locale)}`;
      return { body: await renderReportPdf(model, { locale: ctx.locale, generatedAt }), contentType: "application/pdf", filename: `${base}-laporan.pdf` };
    }
    case "xlsx":
      return { body: await reportXlsx(model, ctx.locale, { deals }), contentType: XLSX, filename: `${base}-laporan.xlsx` };
    case "deals":
      return { body: dealsCsv(deals, model, ctx.locale), contentType: CSV, filename: `${base}-transaksi.csv` };
    case "breakdown": {
      const table = reportTables(model, ctx.locale).find((t) => t.id === file.table)!;
      return { body: breakdownCsv(table, ctx.locale), contentType: CSV, filename: `${base}-${file.table}.csv` };
    }
  }
}
