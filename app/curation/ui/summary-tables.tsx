import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CURATION_STATUSES } from "../curation.schema";
import type { StatusCounts, SummaryGroup } from "../summary.server";

/**
 * Horizontal bars of the applications per status, drawn as SVG. Decorative for screen readers: the table
 * beside it holds the same numbers (aria-hidden, with a text title for sighted mouse users).
 */
export function StatusBars({ counts }: { counts: StatusCounts }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...CURATION_STATUSES.map((s) => counts[s]));
  const rowH = 28;
  const labelW = 120;
  const barW = 240;
  const colours: Record<string, string> = { submitted: "#23396b", waitlisted: "#8a5a00", accepted: "#1d6b3a", rejected: "#a12a1f", withdrawn: "#5f5246" };
  return (
    <svg className="bars" viewBox={`0 0 ${labelW + barW + 40} ${rowH * CURATION_STATUSES.length}`} aria-hidden="true" focusable="false">
      {CURATION_STATUSES.map((s, i) => {
        const w = Math.round((counts[s] / max) * barW);
        return (
          <g key={s} transform={`translate(0 ${i * rowH})`}>
            <text x={0} y={rowH / 2 + 4}>{t(`curation.statuses.${s}`)}</text>
            <rect x={labelW} y={6} width={Math.max(w, counts[s] > 0 ? 2 : 0)} height={rowH - 12} rx={3} fill={colours[s]} />
            <text x={labelW + w + 6} y={rowH / 2 + 4}>{counts[s]}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** A per-sector or per-province table: counts per status (each a link to the queue so filtered), the mean score. */
export function GroupTable<K extends string>({ id, title, keyLabel, groups, label, link }: {
  id: string;
  title: string;
  keyLabel: string;
  groups: SummaryGroup<K>[];
  label: (key: K) => string;
  link: (key: K, status: string) => string;
}) {
  const { t } = useTranslation();
  const statusCols = ["submitted", "waitlisted", "accepted", "rejected", "withdrawn"] as const;
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {groups.length === 0 ? <p className="muted">{t("curation.summary.empty")}</p> : (
        <div className="table-wrap">
          <table className="data responsive grid-cards">
            <thead>
              <tr>
                <th scope="col">{keyLabel}</th>
                {statusCols.map((s) => <th key={s} scope="col" className="num">{t(`curation.statuses.${s}`)}</th>)}
                <th scope="col" className="num">{t("curation.summary.total")}</th>
                <th scope="col" className="num">{t("curation.summary.average")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.key}>
                  <th scope="row" data-label={keyLabel}><Link to={link(g.key, "all")}>{label(g.key)}</Link></th>
                  {statusCols.map((s) => (
                    <td key={s} className="num" data-label={t(`curation.statuses.${s}`)}>
                      {g.counts[s] > 0 ? <Link to={link(g.key, s)}>{g.counts[s]}</Link> : 0}
                    </td>
                  ))}
                  <td className="num" data-label={t("curation.summary.total")}>{g.total}</td>
                  <td className="num" data-label={t("curation.summary.average")}>
                    {g.average === undefined ? t("curation.none") : t("curation.score_of", { score: g.average })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
