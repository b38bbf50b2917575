import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDeliveryEvent, issueStaffBadges } from "~/badges/badge-actions.server";
import { parseBadgeQuery } from "~/badges/badge-forms.schema";
import { countBadges, listBadgeOrganizations, listBadges, listStaffWithoutBadge } from "~/badges/badge-list.server";
import { BadgeFilters, BadgeHelp, KindPill, PrintForm, StatusPill } from "~/badges/ui";
import { SubmitButton } from "~/components/forms";
import { EmptyState, Pagination } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatShortDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Badge · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "badge:view");
  const query = parseBadgeQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const locale = await getLocale(request);
  const canManage = can(role, "badge:manage");
  const [list, eventTotal, staff, organizations] = await Promise.all([
    listBadges(db, event.id, query), countBadges(db, event.id),
    canManage ? listStaffWithoutBadge(db, event.id) : [], canManage ? listBadgeOrganizations(db, event.id) : [],
  ]);
  return {
    base: `/o/${org.slug}/events/${event.id}/badges`, query, canManage, eventTotal, staffWithout: staff.length, organizations,
    ...list,
    rows: list.rows.map((r) => ({ ...r, printed: r.printedAt ? formatShortDate(r.printedAt, event.timeZone, locale) : null })),
  };
}

/** "Issue badges for all booth staff" (owners and admins). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "badge:manage");
  const form = await request.formData();
  const back = `/o/${org.slug}/events/${event.id}/badges`;
  if (form.get("intent") !== "issue-staff") return redirectWithToast(back, { type: "error", key: "validation.invalid" });
  const db = await getDb();
  const full = await getDeliveryEvent(db, event.id);
  if (!full) throw new Response("Not found", { status: 404 });
  const res = await issueStaffBadges(db, { event: full, by: user.id, now: new Date() }, { sendEmail: form.get("sendEmail") === "on" });
  return redirectWithToast(back, { type: res.issued ? "success" : "error", key: res.issued ? "badges.staff.issued" : "badges.staff.none", params: { ...res } });
}

export default function BadgeList() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const { base, rows, query } = data;
  return (
    <>
      <div className="page-header">
        <h2 style={{ margin: 0 }}>{t("badges.list.heading")}</h2>
        {data.canManage ? (
          <div className="row">
            <Link className="btn" to={`${base}/new`}>{t("badges.nav.add")}</Link>
            <Link className="btn btn-secondary" to={`${base}/import`}>{t("badges.nav.import")}</Link>
          </div>
        ) : null}
      </div>
      <BadgeHelp />
      {data.eventTotal === 0 ? (
        <EmptyState action={data.canManage ? <Link className="btn" to={`${base}/new`}>{t("badges.nav.add")}</Link> : undefined}>{t("badges.list.empty")}</EmptyState>
      ) : (
        <>
          <BadgeFilters query={query} base={base} />
          <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
            <p role="status" className="small muted">{t("badges.list.count", { count: data.total })}</p>
            {data.canManage && data.total > 0 ? <a className="btn btn-secondary btn-small" href={`${base}.csv${csvSearch(search)}`} download>{t("badges.list.export")}</a> : null}
          </div>
          {rows.length === 0 ? <EmptyState>{t("badges.list.no_results")}</EmptyState> : (
            <section className="card">
              <div className="table-wrap">
                <table className="data responsive">
                  <caption className="visually-hidden">{t("badges.list.caption", { page: data.page })}</caption>
                  <thead>
                    <tr>{(["holder", "kind", "status", "code", "printed"] as const).map((c) => <th key={c} scope="col">{t(`badges.list.columns.${c}`)}</th>)}</tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        <td data-label={t("badges.list.columns.holder")}>
                          <Link to={`${base}/${r.id}`}><strong>{r.holderName}</strong></Link>
                          {r.organizationName ? <><br /><span className="small">{r.organizationName}</span></> : null}
                        </td>
                        <td data-label={t("badges.list.columns.kind")}><KindPill kind={r.kind} /></td>
                        <td data-label={t("badges.list.columns.status")}><StatusPill status={r.status} /></td>
                        <td data-label={t("badges.list.columns.code")}><span className="code">{r.shortCode}</span></td>
                        <td data-label={t("badges.list.columns.printed")}>{r.printed ?? <span className="muted">{t("badges.list.not_printed")}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
            </section>
          )}
          {data.canManage ? <PrintForm action={`${base}/print`} search={search} organizations={data.organizations} /> : null}
        </>
      )}
      {data.canManage && data.staffWithout > 0 ? (
        <Form method="post" className="card" aria-labelledby="staff-heading">
          <h3 id="staff-heading">{t("badges.staff.heading")}</h3>
          <p className="muted small">{t("badges.staff.intro", { count: data.staffWithout })}</p>
          <input type="hidden" name="intent" value="issue-staff" />
          <label className="check"><input type="checkbox" name="sendEmail" defaultChecked />{t("badges.fields.send_email")}</label>
          <div><SubmitButton>{t("badges.staff.submit", { count: data.staffWithout })}</SubmitButton></div>
        </Form>
      ) : null}
    </>
  );
}

/** The list's search and filters without its page: the export holds every matching badge. */
function csvSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
