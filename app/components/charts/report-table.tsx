import { fill, reportText, type ReportTable } from "~/reports/report-tables";
import type { Figures } from "~/reports/aggregate";
import { formatRupiah } from "~/utils/money";
import type { Locale } from "~/utils/time";

/**
 * The data table next to a chart: exact rupiah per figure and the deal count, with the total row.
 * On phones each row becomes a small card (`responsive`).
 */
export function ReportTableView({ table, locale, caption }: { table: ReportTable; locale: Locale; caption?: string }) {
  const t = reportText(locale);
  const heads = [...table.keyHeaders, t.report.confirmed_short, t.report.unconfirmed_short, t.report.potential_short, t.report.deals];
  const nf = new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US");
  const cells = (f: Figures) => [formatRupiah(f.confirmed, locale), formatRupiah(f.unconfirmed, locale), formatRupiah(f.potential, locale), nf.format(f.deals)];
  return (
    <table className={`data responsive report-table${table.keyHeaders.length === 1 ? " single-key" : ""}`} data-table={table.id}>
      <caption className="visually-hidden">{caption ?? fill(t.report.table_caption, { title: table.title })}</caption>
      <thead>
        <tr>
          {heads.map((h, i) => (
            <th key={h} scope="col" className={i >= table.keyHeaders.length ? "num" : undefined}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            {r.labels.map((label, i) => (
              <td key={i} data-label={heads[i]} className="key">{label}</td>
            ))}
            {cells(r.figures).map((v, i) => (
              <td key={i} data-label={heads[table.keyHeaders.length + i]} className="num">{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={table.keyHeaders.length} className="key">{t.report.total}</td>
          {cells(table.total).map((v, i) => (
            <td key={i} data-label={heads[table.keyHeaders.length + i]} className="num">{v}</td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
