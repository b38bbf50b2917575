/**
 * What each chart of the report shows, from the report model: confirmed value per breakdown key. The
 * SVG charts and the PDF both draw these series. Pure.
 */
import type { Locale } from "~/utils/time";
import type { BreakdownId, ReportModel } from "./aggregate";
import { heatGrid, type ChartDatum, type HeatGrid } from "./chart-geometry";
import { fill, formatDay, keyLabels, reportText } from "./report-tables";

export type ReportChart =
  | { id: BreakdownId; kind: "bar"; title: string; desc: string; data: ChartDatum[] }
  | { id: BreakdownId; kind: "column"; title: string; desc: string; data: ChartDatum[] }
  | { id: "flows"; kind: "heat"; title: string; desc: string; grid: HeatGrid; corner: string };

/** The charts in report order: day (columns), sector, UMKM class, type (bars), region flows (heat grid). */
export function reportCharts(model: ReportModel, locale: Locale): ReportChart[] {
  const t = reportText(locale).report;
  const label = keyLabels(model, locale);
  const series = (id: BreakdownId, name: (k: string) => string): ChartDatum[] =>
    model[id].map((r) => ({ key: r.key, label: name(r.key), value: r.figures.confirmed }));
  const bar = (id: "bySector" | "byUmkmClass" | "byType", title: string, what: string): ReportChart => ({
    id, kind: "bar", title, desc: fill(t.chart_desc, { what: what.toLowerCase() }), data: series(id, label[id]),
  });
  return [
    { id: "byDay", kind: "column", title: t.by_day, desc: t.chart_desc_day, data: series("byDay", (k) => formatDay(k, locale, "short")) },
    bar("bySector", t.by_sector, t.sector),
    bar("byUmkmClass", t.by_umkm_class, t.umkm_class),
    bar("byType", t.by_type, t.type),
    {
      id: "flows", kind: "heat", title: t.flows, desc: t.flow_desc, corner: `${reportText(locale).export.seller} ↓ ${reportText(locale).export.buyer} →`,
      grid: heatGrid(
        model.flows.map((f) => ({ seller: f.seller, buyer: f.buyer, value: f.figures.confirmed })),
        label.region, locale, { othersLabel: t.others },
      ),
    },
  ];
}
