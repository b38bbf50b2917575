import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { AGREEMENT_KINDS } from "~/deals/agreement.schema";
import { AgreementSummary } from "~/deals/agreement-summary";
import { formatSignedOn, partiesLine, regionsLine } from "~/deals/agreements";
import { agreementSummary, countAgreements, listAgreements, parseAgreementQuery } from "~/deals/agreements.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";

export const meta: MetaFunction = () => [{ title: "MoU & kerja sama · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "deal:view");
  const query = parseAgreementQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const locale = await getLocale(request);
  const [list, eventTotal, summary] = await Promise.all([listAgreements(db, event.id, query), countAgreements(db, event.id), agreementSummary(db, event.id)]);
  return {
    base: `/o/${org.slug}/events/${event.id}/deals/agreements`, query, canManage: can(role, "deal:manage"), eventTotal, summary,
    total: list.total, page: list.page, pageSize: list.pageSize,
    rows: list.rows.map((r) => ({
      id: r.id, title: r.title, kind: r.kind, hasDocument: r.hasDocument, signedOn: formatSignedOn(r.signedOn, locale),
      parties: partiesLine(r.parties), regions: regionsLine(r.parties),
    })),
  };
}

export default function AgreementList() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { base, rows, query } = data;
  const add = data.canManage ? <Link className="btn" to={`${base}/new`}>{t("agreements.list.add")}</Link> : undefined;
  return (
    <>
      <div className="page-header">
        <h2 style={{ margin: 0 }}>{t("agreements.list.heading")}</h2>
        {data.eventTotal > 0 ? add : null}
      </div>
      <p className="muted small">{t("agreements.list.intro")}</p>
      {data.eventTotal === 0 ? <EmptyState action={add}>{t("agreements.list.empty")}</EmptyState> : (
        <>
          <Form method="get" action={base} className="card searchbar filterbar" role="search" aria-label={t("agreements.list.filters")}>
            <label htmlFor="q" className="visually-hidden">{t("agreements.list.search")}</label>
            <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} placeholder={t("agreements.list.search")} />
            <label htmlFor="kind" className="visually-hidden">{t("agreements.list.kind")}</label>
            <select id="kind" name="kind" defaultValue={query.kind ?? ""}>
              <option value="">{t("agreements.list.all_kinds")}</option>
              {AGREEMENT_KINDS.map((k) => <option key={k} value={k}>{t(`agreements.kinds_short.${k}`)}</option>)}
            </select>
            <button type="submit" className="btn">{t("common.search")}</button>
          </Form>
          <p role="status" className="small muted">{t("agreements.list.count", { count: data.total })}</p>
          {rows.length === 0 ? (
            <EmptyState action={<Link to={base} className="btn btn-secondary">{t("agreements.list.reset")}</Link>}>{t("agreements.list.no_results")}</EmptyState>
          ) : (
            <section className="card">
              <div className="table-wrap">
                <table className="data responsive agreement-list">
                  <caption className="visually-hidden">{t("agreements.list.caption", { page: data.page })}</caption>
                  <thead>
                    <tr>{(["parties", "signed_on", "regions"] as const).map((c) => <th key={c} scope="col">{t(`agreements.list.columns.${c}`)}</th>)}</tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <td data-label={t("agreements.list.columns.parties")}>
                          <Link to={`${base}/${r.id}`} className="parties">{r.parties}</Link>
                          <span className="title small">
                            <span className="type-pill">{t(`agreements.kinds_short.${r.kind}`)}</span> {r.title}
                            {r.hasDocument ? <span className="muted"> · {t("agreements.list.document")}</span> : null}
                          </span>
                        </td>
                        <td data-label={t("agreements.list.columns.signed_on")} style={{ whiteSpace: "nowrap" }}>{r.signedOn}</td>
                        <td data-label={t("agreements.list.columns.regions")}>{r.regions || <span className="muted">{t("agreements.list.no_region")}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
            </section>
          )}
          <AgreementSummary summary={data.summary} />
        </>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
