import { cleanQuery } from "~/utils/validation";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { listOrgEvents } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { requireOrgAccess } from "~/utils/permissions.server";
import { formatShortDate, zoneAbbrev } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Acara · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, role } = await requireOrgAccess(request, params.orgSlug, "event:view");
  const url = new URL(request.url);
  const q = cleanQuery(url.searchParams.get("q"), 100);
  const page = Number(url.searchParams.get("page")) || 1;
  const locale = await getLocale(request);
  const list = await listOrgEvents(await getDb(), org.id, { q, page });
  return {
    q,
    canCreate: can(role, "event:create"),
    ...list,
    rows: list.rows.map((e) => ({
      ...e,
      dates: `${formatShortDate(`${e.firstDay}T12:00:00Z`, "UTC", locale)} – ${formatShortDate(`${e.lastDay}T12:00:00Z`, "UTC", locale)} ${e.lastDay.slice(0, 4)}`,
      zone: zoneAbbrev(e.timeZone),
    })),
  };
}

export default function OrganizationEvents() {
  const { rows, q, canCreate, page, pageSize, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <h1>{t("events.title")}</h1>
        {canCreate ? <Link className="btn" to="events/new">{t("events.new")}</Link> : null}
      </div>
      {total > 0 || q ? (
        <Form method="get" className="searchbar" role="search">
          <label htmlFor="q" className="visually-hidden">{t("common.search")}</label>
          <input id="q" type="search" name="q" defaultValue={q} placeholder={t("events.search_placeholder")} />
          <button type="submit" className="btn btn-secondary">{t("common.search")}</button>
        </Form>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState action={canCreate && !q ? <Link className="btn" to="events/new">{t("events.create")}</Link> : null}>
          {q ? t("events.no_results", { q }) : t("events.empty")}
        </EmptyState>
      ) : (
        <div className="table-wrap card">
          <table className="data responsive">
            <thead>
              <tr><th>{t("events.name")}</th><th>{t("events.kind")}</th><th>{t("events.dates")}</th><th>{t("events.city")}</th><th>{t("events.status")}</th></tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td data-label={t("events.name")}><Link to={`events/${e.id}`}>{e.name}</Link></td>
                  <td data-label={t("events.kind")}>{t(`events.kinds.${e.kind}`)}</td>
                  <td data-label={t("events.dates")}>{e.dates} · {e.zone}</td>
                  <td data-label={t("events.city")}>{e.city || t("common.none")}</td>
                  <td data-label={t("events.status")}>
                    <span className={`badge ${e.status === "published" ? "badge-ok" : "badge-muted"}`}>{t(`events.statuses.${e.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
