/**
 * Chart geometry shared by the SVG charts (app/components/charts) and the PDF report: one d3-scale
 * computation, two drawings. Horizontal positions are fractions of the plot width (0–1), so the SVG can
 * use percentages and stay readable at any width without scaling its text, and the PDF multiplies them
 * by its column width; vertical positions are in CSS px / PDF points (both 1/96 in vs 1/72 in is fine:
 * the PDF passes its own sizes). Pure.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { formatRupiahCompact } from "~/utils/money";
import type { Locale } from "~/utils/time";

export type ChartDatum = { key: string; label: string; value: bigint };

/** Bar chart rows: label and value on one line, the bar under them. */
export const BAR = { rowHeight: 44, labelY: 16, barY: 22, barHeight: 14, fontSize: 14 } as const;

export type BarRow = { key: string; label: string; valueLabel: string; y: number; width: number };
export type BarLayout = { rows: BarRow[]; height: number };

// Charts measure bigint rupiah; a Number is exact enough for pixels (not for the labels, which use the bigint).
const toNumber = (v: bigint) => Number(v);

/**
 * Horizontal bars, longest = full width (the scale is not "niced": the labels carry the values).
 *
 * @example barLayout([{ key: "batik_tulis", label: "Batik tulis", value: 2_500_000_000n }], "id").rows[0].valueLabel
 * // "Rp 2,5 M"
 */
export function barLayout(data: readonly ChartDatum[], locale: Locale, rowHeight: number = BAR.rowHeight): BarLayout {
  const max = data.reduce((m, d) => (d.value > m ? d.value : m), 0n);
  const x = scaleLinear().domain([0, toNumber(max) || 1]).range([0, 1]);
  const rows = data.map((d, i) => ({
    key: d.key,
    label: d.label,
    valueLabel: formatRupiahCompact(d.value, locale),
    y: i * rowHeight,
    // A non-zero value always shows a sliver, so "small" and "none" look different.
    width: d.value > 0n ? Math.max(0.005, x(toNumber(d.value))) : 0,
  }));
  return { rows, height: data.length * rowHeight };
}

export type ColumnLayout = {
  columns: Array<{ key: string; label: string; valueLabel: string; x: number; width: number; y: number; height: number }>;
  ticks: Array<{ y: number; label: string }>;
  plotTop: number;
  plotBottom: number;
  height: number;
  showValues: boolean;
};

/**
 * Columns (e.g. value per day) on a "niced" axis with about four gridlines. Value labels sit on the
 * columns only when there are few enough columns to fit them at phone width.
 */
export function columnLayout(
  data: readonly ChartDatum[],
  locale: Locale,
  size: { plotHeight: number; top: number; bottom: number } = { plotHeight: 160, top: 28, bottom: 32 },
): ColumnLayout {
  const max = data.reduce((m, d) => (d.value > m ? d.value : m), 0n);
  const y = scaleLinear().domain([0, toNumber(max) || 1]).nice(4).range([size.top + size.plotHeight, size.top]);
  const x = scaleBand().domain(data.map((d) => d.key)).range([0, 1]).paddingInner(0.3).paddingOuter(0.15);
  const columns = data.map((d) => {
    const top = y(toNumber(d.value));
    return {
      key: d.key,
      label: d.label,
      valueLabel: formatRupiahCompact(d.value, locale),
      x: x(d.key) ?? 0,
      width: x.bandwidth(),
      y: top,
      height: size.top + size.plotHeight - top,
    };
  });
  const ticks = y.ticks(4).map((v) => ({ y: y(v), label: formatRupiahCompact(BigInt(Math.round(v)), locale) }));
  return { columns, ticks, plotTop: size.top, plotBottom: size.top + size.plotHeight, height: size.top + size.plotHeight + size.bottom, showValues: data.length <= 5 };
}

export type HeatCell = { row: string; col: string; value: bigint; valueLabel: string; intensity: number; fill: string; ink: string };
export type HeatGrid = { rows: Array<{ key: string; label: string }>; cols: Array<{ key: string; label: string }>; cells: HeatCell[][] };

const LOW = [0xf7, 0xf1, 0xe8];
const HIGH = [0x7a, 0x3e, 0x12];

/**
 * Background of a heat cell, from paper to sogan brown, and the text colour on it: black or white by
 * relative luminance with the 0.179 split, which gives both at least 4.5:1 contrast (WCAG 1.4.3).
 */
export function heatColour(intensity: number): { fill: string; ink: string } {
  const mix = LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * intensity));
  const lin = mix.map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  return { fill: `#${mix.map((c) => c.toString(16).padStart(2, "0")).join("")}`, ink: luminance > 0.179 ? "#000000" : "#ffffff" };
}

/**
 * A seller-region × buyer-region grid of the `limit` largest regions on each side; the rest are folded
 * into an "others" row/column so the grid fits a phone. Intensity is value / largest cell.
 */
export function heatGrid(
  flows: ReadonlyArray<{ seller: string; buyer: string; value: bigint }>,
  label: (key: string) => string,
  locale: Locale,
  opts: { limit?: number; othersLabel: string },
): HeatGrid {
  const limit = opts.limit ?? 5;
  const top = (side: "seller" | "buyer") => {
    const sums = new Map<string, bigint>();
    for (const f of flows) sums.set(f[side], (sums.get(f[side]) ?? 0n) + f.value);
    const keys = [...sums].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0] < b[0] ? -1 : 1)).map(([k]) => k);
    return keys.length > limit ? [...keys.slice(0, limit - 1), "\u0000others"] : keys;
  };
  const rowKeys = top("seller");
  const colKeys = top("buyer");
  const fold = (keys: string[], k: string) => (keys.includes(k) ? k : "\u0000others");
  const sums = new Map<string, bigint>();
  for (const f of flows) {
    const k = `${fold(rowKeys, f.seller)}\n${fold(colKeys, f.buyer)}`;
    sums.set(k, (sums.get(k) ?? 0n) + f.value);
  }
  const max = [...sums.values()].reduce((m, v) => (v > m ? v : m), 0n);
  const named = (k: string) => ({ key: k, label: k === "\u0000others" ? opts.othersLabel : label(k) });
  return {
    rows: rowKeys.map(named),
    cols: colKeys.map(named),
    cells: rowKeys.map((r) =>
      colKeys.map((c) => {
        const value = sums.get(`${r}\n${c}`) ?? 0n;
        const intensity = max > 0n ? Number((value * 1000n) / max) / 1000 : 0;
        return { row: r, col: c, value, valueLabel: value > 0n ? formatRupiahCompact(value, locale) : "–", intensity, ...heatColour(intensity) };
      }),
    ),
  };
}
