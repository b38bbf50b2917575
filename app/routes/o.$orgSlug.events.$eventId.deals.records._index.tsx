import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/forms";
import { EmptyState, Pagination } from "~/components/ui";
import { parseDealQuery } from "~/deals/deal-form.schema";
import { formatShortDay } from "~/deals/deal-present";
import { listDeals } from "~/deals/deal-records.server";
import { CONFIRMATIONS, DEAL_STATUSES, DEAL_TYPES } from "~/deals/deal-status";
import { StatusBadges } from "~/deals/deal-view";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";

import dealStyles from "~/deals/deals.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: dealStyles }];
export const meta: MetaFunction = () => [{ title: "Daftar transaksi · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "deal:view");
  const query = parseDealQuery(new URL(request.url).searchParams);
  const locale = await getLocale(request);
  const list = await listDeals(await getDb(), event.id, query);
  return {
    base: `/o/${org.slug}/events/${event.id}/deals/records`, query, canManage: can(role, "deal:manage"),
    total: list.total, page: list.page, pageSize: list.pageSize,
    rows: list.rows.map((r) => ({
      id: r.id, day: formatShortDay(r.dealDay, locale), type: r.type, status: r.status, confirmation: r.confirmation, total: formatRupiah(r.total, locale),
      buyer: r.buyerName, buyerCity: r.buyerCity, sellers: r.sellerNames, products: r.products, enteredBy: r.enteredBy,
    })),
  };
}

function Filters({ base, query }: { base: string; query: ReturnType<typeof parseDealQuery> }) {
  const { t } = useTranslation();
  const select = (name: "status" | "confirmation" | "type", values: readonly string[], label: string, all: string, prefix: string) => (
    <FilterSelect name={name} label={label} value={query[name]} allLabel={all} options={values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }))} />
  );
  return (
    <Form method="get" action={base} className="card filters" role="search" aria-label={t("deals.records.filters")}>
      <div className="field">
        <label htmlFor="q">{t("deals.records.search")}</label>
        <input id="q" name="q" type="search" defaultValue={query.q} maxLength={100} placeholder={t("deals.records.search_hint")} />
      </div>
      {select("status", DEAL_STATUSES, t("deals.form.status"), t("deals.records.all_statuses"), "deals.statuses")}
      {select("confirmation", CONFIRMATIONS, t("deals.records.confirmation"), t("deals.records.all_confirmations"), "deals.confirmations")}
      {select("type", DEAL_TYPES, t("deals.form.type"), t("deals.records.all_types"), "deals.types")}
      <div className="filters-actions">
        <button type="submit" className="btn">{t("deals.records.apply")}</button>
        <Link to={base} className="btn btn-secondary">{t("deals.records.reset")}</Link>
      </div>
    </Form>
  );
}

export default function DealRecords() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const { base } = data;
  const filtered = Boolean(data.query.q || data.query.status || data.query.confirmation || data.query.type);
  return (
    <>
      <div className="page-header">
        <h2 style={{ margin: 0 }}>{t("deals.records.title")}</h2>
        <div className="row">
          {data.canManage ? <Link className="btn" to={`${base}/new`}>{t("deals.mine.nav_new")}</Link> : null}
          {data.total > 0 ? <a className="btn btn-secondary" href={`${base}.csv${search}`} download>{t("deals.records.export")}</a> : null}
        </div>
      </div>
      {data.total === 0 && !filtered ? (
        <EmptyState action={data.canManage ? <Link className="btn" to={`${base}/new`}>{t("deals.mine.nav_new")}</Link> : undefined}>{t("deals.report.empty")}</EmptyState>
      ) : (
        <>
          <Filters base={base} query={data.query} />
          <p role="status" className="small muted">{t("deals.records.count", { count: data.total })}</p>
          {data.rows.length === 0 ? <EmptyState>{t("deals.records.no_results")}</EmptyState> : (
            <section className="card">
              <div className="table-wrap">
                <table className="data responsive">
                  <caption className="visually-hidden">{t("deals.records.caption", { page: data.page })}</caption>
                  <thead><tr>{(["day", "buyer", "sellers", "products", "total", "status"] as const).map((c) => <th key={c} scope="col">{t(`deals.records.columns.${c}`)}</th>)}</tr></thead>
                  <tbody>
                    {data.rows.map((r) => (
                      <tr key={r.id}>
                        <td data-label={t("deals.records.columns.day")}><Link to={`${base}/${r.id}`}>{r.day}</Link></td>
                        <td data-label={t("deals.records.columns.buyer")}><Link to={`${base}/${r.id}`}><strong>{r.buyer}</strong></Link>{r.buyerCity ? <><br /><span className="small">{r.buyerCity}</span></> : null}</td>
                        <td data-label={t("deals.records.columns.sellers")}>{r.sellers}</td>
                        <td data-label={t("deals.records.columns.products")}>{r.products}<br /><span className="small muted">{t(`deals.types.${r.type}`)}</span></td>
                        <td data-label={t("deals.records.columns.total")}><span className="deal-amount">{r.total}</span></td>
                        <td data-label={t("deals.records.columns.status")}><StatusBadges status={r.status} confirmation={r.confirmation} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
            </section>
          )}
        </>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
