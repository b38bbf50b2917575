// Printable PDF report for the mayor or the dinas (pdfkit, A4 portrait): a cover, the headline figures,
// then per breakdown its chart (drawn from the same geometry as the SVG charts) and its table, with page
// numbers. Every figure comes from the report model through reportTables/headlineFigures/reportCharts,
// so the PDF cannot disagree with the dashboard or the exports.
import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import { formatRupiah } from "~/utils/money";
import type { Locale } from "~/utils/time";
import type { Figures, ReportModel } from "./aggregate";
import { barLayout, columnLayout, type ChartDatum, type HeatGrid } from "./chart-geometry";
import { reportCharts, type ReportChart } from "./report-charts";
import { fill, formatDay, headlineFigures, reportTables, reportText, type ReportTable } from "./report-tables";

export type ReportPdfOptions = {
  locale: Locale;
  /** Shown on the cover ("Dibuat …"); passed in because pure renderers never read the clock. */
  generatedAt: string;
  /** TrueType fonts; defaults to DejaVu Sans (covers every Indonesian name), else built-in Helvetica. */
  fonts?: { regular: string | Buffer; bold: string | Buffer };
};

const DEJAVU = { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" };
const C = { ink: "#2B2118", muted: "#5F5246", brand: "#7A3E12", soft: "#F3E6D8", line: "#E3DACD", paper: "#FFFDF9" } as const;
const MARGIN = 48;
const FOOTER_Y = 842 - 32;
const BAR_ROW = 28;
const HEAT_ROW = 22;
const AXIS_GUTTER = 46;

type Ctx = { doc: PDFKit.PDFDocument; locale: Locale; x: number; w: number; regular: string; bold: string };

/**
 * Renders the report PDF.
 *
 * @example const pdf = await renderReportPdf(model, { locale: "id", generatedAt: "16 Desember 2026 09.00 WIB" })
 */
export async function renderReportPdf(model: ReportModel, opts: ReportPdfOptions): Promise<Buffer> {
  const t = reportText(opts.locale).report;
  const doc = new PDFDocument({
    size: "A4", margin: MARGIN, bufferPages: true, compress: true,
    info: { Title: `${t.title} – ${model.event.name}`, Author: model.event.organizer, Creator: "Pendopo" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const ctx: Ctx = { doc, locale: opts.locale, x: MARGIN, w: doc.page.width - 2 * MARGIN, ...registerFonts(doc, opts) };
  drawCover(ctx, model, opts.generatedAt);
  doc.addPage();
  drawHeadline(ctx, model);
  const tables = reportTables(model, opts.locale);
  for (const chart of reportCharts(model, opts.locale)) drawBreakdown(ctx, chart, tables.find((tb) => tb.id === chart.id)!);
  drawPageNumbers(ctx, model.event.name);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function registerFonts(doc: PDFKit.PDFDocument, opts: ReportPdfOptions): { regular: string; bold: string } {
  const fonts = opts.fonts ?? (existsSync(DEJAVU.regular) && existsSync(DEJAVU.bold) ? DEJAVU : null);
  if (!fonts) return { regular: "Helvetica", bold: "Helvetica-Bold" };
  doc.registerFont("ReportRegular", fonts.regular);
  doc.registerFont("ReportBold", fonts.bold);
  return { regular: "ReportRegular", bold: "ReportBold" };
}

function eventDates(model: ReportModel, locale: Locale): string {
  const { firstDay, lastDay } = model.event;
  return firstDay === lastDay ? formatDay(firstDay, locale) : `${formatDay(firstDay, locale)} – ${formatDay(lastDay, locale)}`;
}

function drawCover({ doc, x, w, locale, regular, bold }: Ctx, model: ReportModel, generatedAt: string) {
  const t = reportText(locale).report;
  doc.rect(0, 0, doc.page.width, 250).fill(C.brand);
  doc.fillColor("#FFFFFF").font(bold).fontSize(11).text(t.title.toUpperCase(), x, 90, { width: w, characterSpacing: 1.5 });
  doc.font(bold).fontSize(26).text(model.event.name, x, 112, { width: w, lineGap: 2 });
  let y = 290;
  for (const [label, value] of [[t.dates, eventDates(model, locale)], [t.venue, model.event.venue], [t.organizer, model.event.organizer]]) {
    doc.fillColor(C.muted).font(regular).fontSize(10).text(label, x, y, { width: w });
    doc.fillColor(C.ink).font(bold).fontSize(14).text(value, x, y + 14, { width: w });
    y += 48;
  }
  doc.rect(x, y + 10, w, 1).fill(C.line);
  doc.fillColor(C.ink).font(regular).fontSize(12).text(t.cover_for, x, y + 28, { width: w });
  doc.fillColor(C.muted).fontSize(10).text(fill(t.generated, { when: generatedAt }), x, y + 50, { width: w });
  const headline = headlineFigures(model, locale)[0];
  doc.roundedRect(x, 640, w, 90, 8).fill(C.soft);
  doc.fillColor(C.brand).font(regular).fontSize(11).text(headline.label, x + 18, 658, { width: w - 36 });
  doc.font(bold).fontSize(26).text(headline.value, x + 18, 678, { width: w - 36 });
}

function drawHeadline(ctx: Ctx, model: ReportModel) {
  const { doc, x, w, locale, regular, bold } = ctx;
  const t = reportText(locale).report;
  doc.fillColor(C.ink).font(bold).fontSize(18).text(t.headline, x, MARGIN);
  const tiles = headlineFigures(model, locale);
  const gap = 10;
  const tw = (w - gap) / 2;
  const th = 62;
  tiles.forEach((h, i) => {
    const tx = x + (i % 2) * (tw + gap);
    const ty = MARGIN + 34 + Math.floor(i / 2) * (th + gap);
    const strong = h.id === "confirmed";
    doc.roundedRect(tx, ty, tw, th, 6).fill(strong ? C.brand : C.soft);
    doc.fillColor(strong ? "#FFFFFF" : C.muted).font(regular).fontSize(8.5).text(h.label, tx + 10, ty + 8, { width: tw - 20 });
    doc.fillColor(strong ? "#FFFFFF" : C.ink).font(bold).fontSize(14).text(h.value, tx + 10, ty + 22, { width: tw - 20, lineBreak: false });
    if (h.detail) doc.fillColor(strong ? "#FFFFFF" : C.muted).font(regular).fontSize(7.5).text(h.detail, tx + 10, ty + 43, { width: tw - 20, lineBreak: false });
  });
  const noteY = MARGIN + 34 + Math.ceil(tiles.length / 2) * (th + gap) + 6;
  doc.fillColor(C.muted).font(regular).fontSize(9).text(t.note, x, noteY, { width: w });
  if (model.cancelled.deals > 0) {
    doc.text(`${t.cancelled}: ${model.cancelled.deals} · ${formatRupiah(model.cancelled.value, locale)}`, x, doc.y + 4, { width: w });
  }
  doc.y += 18;
}

/** Moves to a new page unless `height` points still fit above the footer. */
function ensureSpace({ doc }: Ctx, height: number) {
  if (doc.y + height > FOOTER_Y - 20) {
    doc.addPage();
    doc.y = MARGIN;
  }
}

function drawBreakdown(ctx: Ctx, chart: ReportChart, table: ReportTable) {
  const { doc, x, w, bold } = ctx;
  const chartHeight = chart.kind === "heat" ? (chart.grid.rows.length + 1) * HEAT_ROW : chart.kind === "column" ? 170 : chart.data.length * BAR_ROW;
  // Keep a chart with its whole table when both fit on one page, else at least with its first rows.
  const whole = 30 + chartHeight + 12 + 18 + table.rows.length * (table.keyHeaders.length > 1 ? 24 : 16) + 18;
  ensureSpace(ctx, whole < FOOTER_Y - 20 - MARGIN ? whole : 30 + chartHeight + 60);
  doc.fillColor(C.ink).font(bold).fontSize(14).text(chart.title, x, doc.y, { width: w });
  const top = doc.y + 8;
  if (chart.kind === "bar") drawBars(ctx, chart.data, top);
  else if (chart.kind === "column") drawColumns(ctx, chart.data, top);
  else drawHeat(ctx, chart.grid, top);
  doc.y = top + chartHeight + 12;
  drawTable(ctx, table);
  doc.y += 22;
}

function drawBars({ doc, x, w, locale, regular, bold }: Ctx, data: ChartDatum[], top: number) {
  for (const r of barLayout(data, locale, BAR_ROW).rows) {
    const y = top + r.y;
    doc.fillColor(C.ink).font(regular).fontSize(9).text(r.label, x, y, { width: w * 0.7, lineBreak: false });
    doc.font(bold).text(r.valueLabel, x, y, { width: w, align: "right", lineBreak: false });
    doc.roundedRect(x, y + 12, w, 7, 2).fill(C.soft);
    if (r.width > 0) doc.roundedRect(x, y + 12, r.width * w, 7, 2).fill(C.brand);
  }
}

function drawColumns({ doc, x: left, w: width, locale, regular, bold }: Ctx, data: ChartDatum[], top: number) {
  // Paper has a fixed width, so the axis labels get their own gutter (the SVG puts them on the gridlines).
  const l = columnLayout(data, locale, { plotHeight: 120, top: 20, bottom: 30 });
  const x = left + AXIS_GUTTER;
  const w = width - AXIS_GUTTER;
  for (const tick of l.ticks) {
    doc.moveTo(x, top + tick.y).lineTo(x + w, top + tick.y).lineWidth(0.5).strokeColor(C.line).stroke();
    doc.fillColor(C.muted).font(regular).fontSize(7.5).text(tick.label, left, top + tick.y - 4, { width: AXIS_GUTTER - 6, align: "right", lineBreak: false });
  }
  for (const c of l.columns) {
    const cx = x + c.x * w;
    const cw = c.width * w;
    if (c.height > 0) doc.rect(cx, top + c.y, cw, c.height).fill(C.brand);
    doc.fillColor(C.ink).font(bold).fontSize(8.5).text(c.valueLabel, cx - 20, top + c.y - 12, { width: cw + 40, align: "center", lineBreak: false });
    doc.font(regular).text(c.label, cx - 20, top + l.plotBottom + 6, { width: cw + 40, align: "center", lineBreak: false });
  }
}

function drawHeat({ doc, x, w, regular, bold }: Ctx, grid: HeatGrid, top: number) {
  const labelW = w * 0.24;
  const cw = (w - labelW) / Math.max(grid.cols.length, 1);
  const rh = HEAT_ROW;
  grid.cols.forEach((c, j) => {
    doc.fillColor(C.ink).font(bold).fontSize(7.5).text(c.label, x + labelW + j * cw + 2, top, { width: cw - 4, height: 20, align: "center", ellipsis: true });
  });
  grid.rows.forEach((r, i) => {
    const y = top + (i + 1) * rh;
    doc.fillColor(C.ink).font(bold).fontSize(8).text(r.label, x, y + 7, { width: labelW - 4, height: 10, ellipsis: true });
    grid.cells[i].forEach((cell, j) => {
      doc.roundedRect(x + labelW + j * cw + 1, y + 1, cw - 2, rh - 2, 3).fill(cell.fill);
      doc.fillColor(cell.ink).font(regular).fontSize(8).text(cell.valueLabel, x + labelW + j * cw, y + 7, { width: cw, align: "center", lineBreak: false });
    });
  });
}

function drawTable(ctx: Ctx, table: ReportTable) {
  const { doc, x, w, locale, regular, bold } = ctx;
  const t = reportText(locale).report;
  // Several key columns (seller → buyer region) share one label column that may wrap onto two lines.
  const wide = table.keyHeaders.length > 1;
  const rowH = wide ? 24 : 16;
  const heads = [table.keyHeaders.join(" → "), t.confirmed_short, t.unconfirmed_short, t.potential_short, t.deals];
  // Money columns as wide as the widest figure (the totals), the label column takes the rest.
  doc.font(bold).fontSize(8);
  const fit = (...texts: string[]) => Math.max(...texts.map((s) => doc.widthOfString(s))) + 10;
  const numW = fit(...heads.slice(1, 4), ...[table.total.confirmed, table.total.unconfirmed, table.total.potential].map((v) => formatRupiah(v, locale)));
  const countW = fit(heads[4], String(table.total.deals));
  const widths = [w - 3 * numW - countW, numW, numW, numW, countW];
  const nf = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US");
  const cells = (label: string, f: Figures) => [label, ...[f.confirmed, f.unconfirmed, f.potential].map((v) => formatRupiah(v, locale)), nf.format(f.deals)];
  const row = (values: string[], font: string, y: number, height: number, size = 8) => {
    let cx = x;
    values.forEach((v, i) => {
      doc.fillColor(C.ink).font(font).fontSize(size).text(v, cx + 2, y + 3, { width: widths[i] - 4, height: height - 3, align: i > 0 ? "right" : "left", ellipsis: true });
      cx += widths[i];
    });
    doc.y = y; // text() moved the cursor; rows advance by fixed heights instead
  };
  const headH = wide ? 24 : 18;
  const header = () => {
    doc.rect(x, doc.y, w, headH).fill(C.soft);
    row(heads, bold, doc.y, headH - 2, 7.5);
    doc.y += headH;
  };
  header();
  table.rows.forEach((r, i) => {
    // The last row keeps the total row company on its page.
    if (doc.y + rowH + (i === table.rows.length - 1 ? 18 : 0) > FOOTER_Y - 20) {
      doc.addPage();
      doc.y = MARGIN;
      header();
    }
    row(cells(r.labels.join(" → "), r.figures), regular, doc.y, rowH);
    doc.moveTo(x, doc.y + rowH).lineTo(x + w, doc.y + rowH).lineWidth(0.5).strokeColor(C.line).stroke();
    doc.y += rowH;
  });
  ensureSpace(ctx, 18);
  doc.moveTo(x, doc.y).lineTo(x + w, doc.y).lineWidth(1).strokeColor(C.ink).stroke();
  row(cells(t.total, table.total), bold, doc.y, 16);
  doc.y += 18;
}

function drawPageNumbers({ doc, x, w, locale, regular }: Ctx, eventName: string) {
  const t = reportText(locale).report;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit add a page; the footer sits in the margin.
    doc.page.margins.bottom = 0;
    const label = fill(t.page, { page: i + 1, pages: range.count });
    doc.fillColor(C.muted).font(regular).fontSize(8).text(eventName, x, FOOTER_Y, { width: w * 0.7, lineBreak: false, ellipsis: true });
    doc.text(label, x, FOOTER_Y, { width: w, align: "right", lineBreak: false });
  }
}
