/**
 * The report model turned into labelled tables and headline figures, in one language. The dashboard
 * tables, CSV, XLSX and PDF all print these rows, so a figure cannot differ between them. Pure; the
 * texts come from the same locale files as the UI.
 */
import type { Sector } from "../../db/schema";
import dealsEn from "~/locales/deals.en";
import dealsId from "~/locales/deals.id";
import exhibitorsEn from "~/locales/exhibitors.en";
import exhibitorsId from "~/locales/exhibitors.id";
import { formatRupiah } from "~/utils/money";
import type { Locale } from "~/utils/time";
import type { DealType } from "~/deals/deal-status";
import { type BreakdownId, type Figures, type ReportModel, type UmkmKey } from "./aggregate";

export type ReportTableId = BreakdownId | "flows";
export type ReportTableRow = { key: string; labels: string[]; figures: Figures };
export type ReportTable = { id: ReportTableId; title: string; keyHeaders: string[]; rows: ReportTableRow[]; total: Figures };
export type Headline = { id: string; label: string; value: string; detail?: string };

const TEXT = { id: dealsId, en: dealsEn } as const;
const EXHIBITOR_TEXT = { id: exhibitorsId, en: exhibitorsEn } as const;

/** The deals/report texts of a locale (the same objects i18next serves to the UI). */
export const reportText = (locale: Locale) => TEXT[locale];

/** Replaces `{{name}}` placeholders like i18next does. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(values[k] ?? ""));
}

/** "Min, 13 Des 2026" / "Sun, 13 Dec 2026" for a YYYY-MM-DD day (a calendar date, no zone involved). */
export function formatDay(day: string, locale: Locale, style: "long" | "short" = "long"): string {
  const [y, m, d] = day.split("-").map(Number);
  const opts: Intl.DateTimeFormatOptions =
    style === "long" ? { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" } : { day: "numeric", month: "short", timeZone: "UTC" };
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", opts).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Label makers for breakdown keys. */
export function keyLabels(model: ReportModel, locale: Locale) {
  const t = TEXT[locale];
  const ex = EXHIBITOR_TEXT[locale];
  return {
    byDay: (k: string) => formatDay(k, locale),
    bySector: (k: string) => ex.sectors[k as Sector] ?? k,
    byUmkmClass: (k: string) => (k === "unknown" ? t.report.unknown_class : ex.umkm_classes[k as Exclude<UmkmKey, "unknown">] ?? k),
    byType: (k: string) => t.types[k as DealType] ?? k,
    // "Kab." is how regencies are written in Indonesian tables; it keeps grid columns narrow.
    region: (k: string) => (model.regions[k]?.city ?? k).replace(/^Kabupaten /, "Kab. "),
  };
}

/**
 * Every breakdown of the model as a labelled table, in report order: day, sector, UMKM class, deal
 * type, region flows.
 */
export function reportTables(model: ReportModel, locale: Locale): ReportTable[] {
  const t = TEXT[locale].report;
  const label = keyLabels(model, locale);
  const simple = (id: BreakdownId, title: string, header: string): ReportTable => ({
    id,
    title,
    keyHeaders: [header],
    rows: model[id].map((r) => ({ key: r.key, labels: [label[id](r.key)], figures: r.figures })),
    total: model.totals,
  });
  return [
    simple("byDay", t.by_day, t.day),
    simple("bySector", t.by_sector, t.sector),
    simple("byUmkmClass", t.by_umkm_class, t.umkm_class),
    simple("byType", t.by_type, t.type),
    {
      id: "flows",
      title: t.flows,
      keyHeaders: [t.seller_region, t.buyer_region],
      rows: model.flows.map((f) => ({ key: `${f.seller}→${f.buyer}`, labels: [label.region(f.seller), label.region(f.buyer)], figures: f.figures })),
      total: model.totals,
    },
  ];
}

const percent = (basisPoints: number, locale: Locale) =>
  new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US", { style: "percent", maximumFractionDigits: 1 }).format(basisPoints / 10_000);
const count = (n: number, locale: Locale) => new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US").format(n);

/** The headline tiles: values in full rupiah (exact), counts grouped, progress in percent. */
export function headlineFigures(model: ReportModel, locale: Locale): Headline[] {
  const t = TEXT[locale].report;
  const money = (v: bigint) => formatRupiah(v, locale);
  const { conversion: c, target } = model;
  return [
    { id: "confirmed", label: t.confirmed, value: money(model.totals.confirmed) },
    { id: "unconfirmed", label: t.unconfirmed, value: money(model.totals.unconfirmed) },
    { id: "potential", label: t.potential, value: money(model.totals.potential) },
    {
      id: "target", label: t.target,
      value: target.basisPoints === null ? "—" : percent(target.basisPoints, locale),
      detail: target.value === null ? t.no_target : fill(t.target_detail, { achieved: money(target.achieved), target: money(target.value) }),
    },
    { id: "deals", label: t.deals, value: count(model.totals.deals, locale) },
    { id: "visitors", label: t.visitors, value: count(model.counts.visitors, locale) },
    { id: "exhibitors", label: t.exhibitors, value: count(model.counts.exhibitors, locale) },
    { id: "buyers", label: t.buyers, value: count(model.counts.buyers, locale) },
    { id: "meetings_held", label: t.meetings_held, value: count(model.counts.meetingsHeld, locale) },
    {
      id: "conversion", label: t.conversion,
      value: c.basisPoints === null ? "—" : percent(c.basisPoints, locale),
      detail: fill(t.conversion_detail, { withDeal: count(c.meetingsWithDeal, locale), held: count(c.meetingsHeld, locale) }),
    },
  ];
}
