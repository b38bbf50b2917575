import { BAR, barLayout, type ChartDatum } from "~/reports/chart-geometry";
import type { Locale } from "~/utils/time";
import { CHART_COLOURS, clip } from "./chart-style";

/**
 * Horizontal bar chart: each row has its label and compact value on one line and the bar below, so it
 * reads at 390 px without scaling text (bar widths are percentages). Static SVG, no client JS.
 */
export function BarChart({ id, title, desc, data, locale }: { id: string; title: string; desc: string; data: ChartDatum[]; locale: Locale }) {
  const layout = barLayout(data, locale);
  return (
    <svg className="chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={layout.height} data-chart="bar">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {layout.rows.map((r) => (
        <g key={r.key}>
          <text x="0" y={r.y + BAR.labelY} fontSize={BAR.fontSize} fill={CHART_COLOURS.ink}>{clip(r.label, 30)}</text>
          <text x="100%" y={r.y + BAR.labelY} fontSize={BAR.fontSize} fontWeight={700} textAnchor="end" fill={CHART_COLOURS.ink}>{r.valueLabel}</text>
          <rect x="0" y={r.y + BAR.barY} width="100%" height={BAR.barHeight} rx={3} fill={CHART_COLOURS.track} />
          <rect x="0" y={r.y + BAR.barY} width={`${r.width * 100}%`} height={BAR.barHeight} rx={3} fill={CHART_COLOURS.bar} />
        </g>
      ))}
    </svg>
  );
}
