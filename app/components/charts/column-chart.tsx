import { columnLayout, type ChartDatum } from "~/reports/chart-geometry";
import type { Locale } from "~/utils/time";
import { CHART_COLOURS } from "./chart-style";

/**
 * Column chart (value per day): gridlines labelled in compact rupiah in a fixed-width axis beside the
 * plot, column x and width as percentages of the plot, heights in px. Static SVG, no client JS.
 */
export function ColumnChart({ id, title, desc, data, locale }: { id: string; title: string; desc: string; data: ChartDatum[]; locale: Locale }) {
  const l = columnLayout(data, locale);
  const pct = (f: number) => `${f * 100}%`;
  return (
    <div className="chart-columns">
      {/* The axis is a separate SVG so it keeps its width while the plot stretches; it repeats the table. */}
      <svg className="chart-axis" aria-hidden="true" width={AXIS_WIDTH} height={l.height}>
        {l.ticks.map((t) => (
          <text key={t.y} x={AXIS_WIDTH - 6} y={t.y + 4} fontSize={11} textAnchor="end" fill={CHART_COLOURS.muted}>{t.label}</text>
        ))}
      </svg>
      <svg className="chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} width="100%" height={l.height} data-chart="column">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {l.ticks.map((t) => (
          <line key={t.y} x1="0" x2="100%" y1={t.y} y2={t.y} stroke={CHART_COLOURS.grid} />
        ))}
        {l.columns.map((c) => (
          <g key={c.key}>
            <rect x={pct(c.x)} y={c.y} width={pct(c.width)} height={Math.max(c.height, 0)} rx={3} fill={CHART_COLOURS.bar} />
            {l.showValues ? (
              <text x={pct(c.x + c.width / 2)} y={c.y - 6} fontSize={12} fontWeight={700} textAnchor="middle" fill={CHART_COLOURS.ink}>{c.valueLabel}</text>
            ) : null}
            <text x={pct(c.x + c.width / 2)} y={l.plotBottom + 20} fontSize={12} textAnchor="middle" fill={CHART_COLOURS.ink}>{c.label}</text>
          </g>
        ))}
      </svg>
    </div>
  );
}

const AXIS_WIDTH = 64;
