import { useTranslation } from "react-i18next";
import { AGREEMENT_KINDS } from "./agreement.schema";
import type { AgreementSummary as Summary } from "./agreements";

/**
 * The regional cooperation summary (agreementSummary in agreements.server.ts): agreements by kind, and the pairs
 * of regions that signed together, as two small tables that stay readable on a 390 px phone (two columns,
 * long region names wrap).
 */
export function AgreementSummary({ summary, headingLevel = 2 }: { summary: Summary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="card agreement-summary" aria-labelledby="agreement-summary-heading">
      <Heading id="agreement-summary-heading">{t("agreements.summary.title")}</Heading>
      <div className="table-wrap">
        <table className="data">
          <caption>{t("agreements.summary.by_kind")}</caption>
          <thead>
            <tr><th scope="col">{t("agreements.summary.kind")}</th><th scope="col" className="num">{t("agreements.summary.count")}</th></tr>
          </thead>
          <tbody>
            {AGREEMENT_KINDS.map((k) => (
              <tr key={k}><th scope="row">{t(`agreements.kinds_short.${k}`)}</th><td className="num">{summary.byKind[k]}</td></tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row">{t("agreements.summary.total")}</th><td className="num"><strong>{summary.total}</strong></td></tr>
          </tfoot>
        </table>
      </div>
      {summary.pairs.length === 0 ? <p className="muted small">{t("agreements.summary.no_pairs")}</p> : (
        <div className="table-wrap">
          <table className="data">
            <caption>{t("agreements.summary.pairs")}</caption>
            <thead>
              <tr><th scope="col">{t("agreements.summary.pair")}</th><th scope="col" className="num">{t("agreements.summary.agreements")}</th></tr>
            </thead>
            <tbody>
              {summary.pairs.map((p) => (
                <tr key={p.label}>
                  <th scope="row" className="region-pair"><span>{p.a} ×</span> <span>{p.b}</span></th>
                  <td className="num">{p.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {summary.withoutRegions > 0 ? <p className="muted small">{t("agreements.summary.without_regions", { count: summary.withoutRegions })}</p> : null}
    </section>
  );
}
