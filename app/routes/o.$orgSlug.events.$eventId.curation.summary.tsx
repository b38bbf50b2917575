import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CURATION_STATUSES } from "~/curation/curation.schema";
import { getCurationSummary } from "~/curation/summary.server";
import { GroupTable, StatusBars } from "~/curation/ui/summary-tables";
import { EmptyState } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "Ringkasan kurasi · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "curation:score");
  const summary = await getCurationSummary(await getDb(), event.id);
  return { base: `/o/${org.slug}/events/${event.id}/curation`, summary };
}

export default function CurationSummary() {
  const { base, summary } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const queue = (params: Record<string, string>) => `${base}?${new URLSearchParams(params)}`;
  return (
    <>
      <h2>{t("curation.summary.heading")}</h2>
      <p className="muted">{t("curation.summary.intro")}</p>
      {summary.total === 0 ? <EmptyState>{t("curation.summary.empty")}</EmptyState> : (
        <>
          <p><strong>{summary.average === undefined
            ? t("curation.summary.overall_unscored", { total: summary.total })
            : t("curation.summary.overall", { total: summary.total, scored: summary.scored, average: t("curation.score_of", { score: summary.average }) })}</strong></p>
          <div className="summary-grid">
            <section className="card" aria-labelledby="by-status">
              <h3 id="by-status">{t("curation.summary.by_status")}</h3>
              <table className="data">
                <thead><tr><th scope="col">{t("curation.summary.status")}</th><th scope="col" className="num">{t("curation.summary.count")}</th></tr></thead>
                <tbody>
                  {CURATION_STATUSES.map((s) => (
                    <tr key={s}>
                      <th scope="row">{t(`curation.statuses.${s}`)}</th>
                      <td className="num">{summary.counts[s] > 0 ? <Link to={queue({ status: s })}>{summary.counts[s]}</Link> : 0}</td>
                    </tr>
                  ))}
                  <tr><th scope="row">{t("curation.summary.total")}</th><td className="num"><strong>{summary.total}</strong></td></tr>
                </tbody>
              </table>
            </section>
            <section className="card" aria-label={t("curation.summary.chart")}>
              <StatusBars counts={summary.counts} />
            </section>
          </div>
          <GroupTable id="by-sector" title={t("curation.summary.by_sector")} keyLabel={t("curation.summary.sector")} groups={summary.bySector}
            label={(k) => t(`curation.sectors.${k}`)} link={(k, status) => queue({ sector: k, status })} />
          <GroupTable id="by-province" title={t("curation.summary.by_province")} keyLabel={t("curation.summary.province")} groups={summary.byProvince}
            label={(k) => k} link={(k, status) => queue({ province: k, status })} />
        </>
      )}
      <section className="card" aria-labelledby="by-criterion">
        <h3 id="by-criterion">{t("curation.summary.criteria")}</h3>
        {summary.criteria.length === 0 ? <p className="muted">{t("curation.summary.no_criteria")}</p> : (
          <div className="table-wrap">
            <table className="data responsive grid-cards">
              <thead>
                <tr>
                  <th scope="col">{t("curation.summary.criterion")}</th>
                  <th scope="col" className="num">{t("curation.summary.weight")}</th>
                  <th scope="col" className="num">{t("curation.summary.criterion_average")}</th>
                  <th scope="col" className="num">{t("curation.summary.scores")}</th>
                </tr>
              </thead>
              <tbody>
                {summary.criteria.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" data-label={t("curation.summary.criterion")}>{c.name}</th>
                    <td className="num" data-label={t("curation.summary.weight")}>{c.weight}</td>
                    <td className="num" data-label={t("curation.summary.criterion_average")}>{c.average === undefined ? t("curation.none") : c.average.toLocaleString(i18n.language === "en" ? "en-US" : "id-ID", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}</td>
                    <td className="num" data-label={t("curation.summary.scores")}>{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
