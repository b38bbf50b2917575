import { describe, expect, it } from "vitest";
import { BAR, barLayout, columnLayout, heatColour, heatGrid } from "~/reports/chart-geometry";

const NBSP = "\u00a0";
const d = (key: string, value: bigint) => ({ key, label: key, value });

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe("barLayout", () => {
  it("makes the largest bar full width, the others proportional, with compact labels", () => {
    const l = barLayout([d("a", 2_500_000_000n), d("b", 1_250_000_000n), d("c", 1_500_000n), d("z", 0n)], "id");
    expect(l.rows.map((r) => [r.key, r.width, r.y, r.valueLabel])).toEqual([
      ["a", 1, 0, `Rp${NBSP}2,5${NBSP}M`],
      ["b", 0.5, BAR.rowHeight, `Rp${NBSP}1,3${NBSP}M`],
      ["c", 0.005, 2 * BAR.rowHeight, `Rp${NBSP}1,5${NBSP}jt`], // a sliver, never invisible
      ["z", 0, 3 * BAR.rowHeight, `Rp${NBSP}0`],
    ]);
    expect(l.height).toBe(4 * BAR.rowHeight);
  });

  it("handles an empty or all-zero series", () => {
    expect(barLayout([], "en")).toEqual({ rows: [], height: 0 });
    expect(barLayout([d("a", 0n)], "en").rows[0].width).toBe(0);
  });

  it("keeps exact labels for values beyond 2^53", () => {
    expect(barLayout([d("a", 15_500_000_000_000_000n)], "en").rows[0].valueLabel).toBe(`Rp${NBSP}15,500T`);
  });
});

describe("columnLayout", () => {
  const l = columnLayout([d("2026-12-13", 30_000_000n), d("2026-12-14", 15_000_000n), d("2026-12-15", 0n)], "id");

  it("places columns in order inside the width, bottoms on the baseline", () => {
    const xs = l.columns.map((c) => c.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const c of l.columns) {
      expect(c.x).toBeGreaterThanOrEqual(0);
      expect(c.x + c.width).toBeLessThanOrEqual(1);
      expect(c.y + c.height).toBeCloseTo(l.plotBottom);
    }
    expect(l.columns[1].height).toBeCloseTo(l.columns[0].height / 2, 5);
    expect(l.columns[2].height).toBe(0);
  });

  it("labels nice gridlines in compact rupiah and shows values for a few columns only", () => {
    expect(l.ticks.map((t) => t.label)).toEqual([`Rp${NBSP}0`, `Rp${NBSP}10${NBSP}jt`, `Rp${NBSP}20${NBSP}jt`, `Rp${NBSP}30${NBSP}jt`]);
    expect(l.showValues).toBe(true);
    const many = columnLayout(Array.from({ length: 8 }, (_, i) => d(`d${i}`, BigInt(i) * 1_000_000n)), "en");
    expect(many.showValues).toBe(false);
  });
});

describe("heatGrid", () => {
  const flows = [
    { seller: "kediri", buyer: "solo", value: 100n },
    { seller: "solo", buyer: "jakarta", value: 50n },
    { seller: "kediri", buyer: "jakarta", value: 25n },
  ];

  it("lays out sellers as rows and buyers as columns, biggest first, intensity relative to the top cell", () => {
    const g = heatGrid(flows, (k) => k.toUpperCase(), "en", { othersLabel: "Others" });
    expect(g.rows.map((r) => r.label)).toEqual(["KEDIRI", "SOLO"]);
    expect(g.cols.map((c) => c.label)).toEqual(["SOLO", "JAKARTA"]);
    expect(g.cells.map((row) => row.map((c) => [c.value, c.intensity]))).toEqual([
      [[100n, 1], [25n, 0.25]],
      [[0n, 0], [50n, 0.5]],
    ]);
    expect(g.cells[1][0].valueLabel).toBe("–");
  });

  it("folds regions beyond the limit into 'others' without losing value", () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ seller: `s${i}`, buyer: `b${i % 7}`, value: BigInt(100 - i) }));
    const g = heatGrid(many, (k) => k, "id", { limit: 4, othersLabel: "Lainnya" });
    expect(g.rows).toHaveLength(4);
    expect(g.cols).toHaveLength(4);
    expect(g.rows[3].label).toBe("Lainnya");
    const total = g.cells.flat().reduce((a, c) => a + c.value, 0n);
    expect(total).toBe(many.reduce((a, f) => a + f.value, 0n));
  });

  it.each([0, 0.1, 0.3, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1])("keeps text on a cell of intensity %d at 4.5:1 or better", (i) => {
    const { fill, ink } = heatColour(i);
    expect(contrast(fill, ink)).toBeGreaterThanOrEqual(4.5);
  });
});
