import type { HeatGrid } from "~/reports/chart-geometry";

/**
 * Seller region (rows) × buyer region (columns) heat grid as a real table: cells are tinted by value and
 * show compact rupiah, so screen readers and phones get the same grid (it scrolls sideways if needed).
 */
export function FlowGrid({ id, grid, caption, desc, corner }: { id: string; grid: HeatGrid; caption: string; desc: string; corner: string }) {
  return (
    // Focusable so keyboard users can scroll the grid sideways on a phone.
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="flow-grid" data-chart="flow" aria-describedby={`${id}-desc`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="corner">{corner}</th>
            {grid.cols.map((c) => (
              <th key={c.key} scope="col">{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {grid.cells[i].map((cell) => (
                <td key={cell.col} style={{ background: cell.fill, color: cell.ink }}>{cell.valueLabel}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${id}-desc`} className="muted small">{desc}</p>
    </div>
  );
}
