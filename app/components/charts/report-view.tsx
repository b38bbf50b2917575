import { reportCharts, type ReportChart } from "~/reports/report-charts";
import { headlineFigures, reportTables, reportText, type ReportTable } from "~/reports/report-tables";
import type { ReportModel } from "~/reports/aggregate";
import type { Locale } from "~/utils/time";
import { EmptyState } from "../ui";
import { BarChart } from "./bar-chart";
import { ColumnChart } from "./column-chart";
import { FlowGrid } from "./flow-grid";
import { ReportTableView } from "./report-table";

/** Headline tiles: the confirmed value first and largest, then the other figures. */
export function HeadlineTiles({ model, locale }: { model: ReportModel; locale: Locale }) {
  return (
    <dl className="report-tiles">
      {headlineFigures(model, locale).map((h) => (
        <div key={h.id} className={`report-tile report-tile-${h.id}`} data-figure={h.id}>
          <dt>{h.label}</dt>
          <dd>
            <span className="report-tile-value">{h.value}</span>
            {h.detail ? <span className="report-tile-detail">{h.detail}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Chart({ chart, locale }: { chart: ReportChart; locale: Locale }) {
  const id = `chart-${chart.id}`;
  if (chart.kind === "heat") return <FlowGrid id={id} grid={chart.grid} caption={chart.title} desc={chart.desc} corner={chart.corner} />;
  const Kind = chart.kind === "column" ? ColumnChart : BarChart;
  return <Kind id={id} title={chart.title} desc={chart.desc} data={chart.data} locale={locale} />;
}

const LONG_TABLE = 8;

/** One breakdown: its chart and, beside it (below on phones), the table with every figure. */
export function ChartFigure({ chart, table, locale }: { chart: ReportChart; table: ReportTable; locale: Locale }) {
  return (
    <section className={`card report-figure${chart.kind === "heat" ? " report-figure-wide" : ""}`} aria-labelledby={`${chart.id}-heading`}>
      <h2 id={`${chart.id}-heading`}>{chart.title}</h2>
      <div className="report-figure-body">
        <div className="report-chart">
          <Chart chart={chart} locale={locale} />
        </div>
        <div className="table-wrap report-data">
          {table.rows.length > LONG_TABLE ? (
            // Long tables (region pairs) fold away on phones; the chart above already sums them up.
            <details>
              <summary>{reportText(locale).report.show_table} ({table.rows.length})</summary>
              <ReportTableView table={table} locale={locale} />
            </details>
          ) : (
            <ReportTableView table={table} locale={locale} />
          )}
        </div>
      </div>
    </section>
  );
}

/**
 * The whole report: tiles, the confirmation note, then every breakdown with chart and table (an empty
 * state instead of empty charts before the first deal).
 */
export function ReportView({ model, locale }: { model: ReportModel; locale: Locale }) {
  const tables = reportTables(model, locale);
  const charts = reportCharts(model, locale);
  return (
    <div className="report">
      <HeadlineTiles model={model} locale={locale} />
      <p className="muted small report-note">{reportText(locale).report.note}</p>
      {model.totals.deals === 0 ? <EmptyState>{reportText(locale).report.empty}</EmptyState> : null}
      {model.totals.deals === 0 ? null : charts.map((chart) => (
        <ChartFigure key={chart.id} chart={chart} table={tables.find((t) => t.id === chart.id)!} locale={locale} />
      ))}
    </div>
  );
}
