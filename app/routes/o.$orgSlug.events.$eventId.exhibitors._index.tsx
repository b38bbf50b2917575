import { cleanQuery } from "~/utils/validation";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { listEventApplications } from "~/exhibitors/applications.server";
import { callPhase } from "~/exhibitors/call-rules";
import { getCall } from "~/exhibitors/calls.server";
import { StatusBadge } from "~/exhibitors/ui";
import { ORGANIZER_VISIBLE_STATUSES, SECTORS } from "~/exhibitors/vocabulary";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatDate, formatShortDate, formatTime } from "~/utils/time";
import { FilterSelect } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Peserta pameran · Pendopo" }];

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.includes(value as T) ? (value as T) : undefined;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "event:view");
  const url = new URL(request.url);
  const filter = {
    q: cleanQuery(url.searchParams.get("q"), 100),
    status: oneOf(ORGANIZER_VISIBLE_STATUSES, url.searchParams.get("status")),
    sector: oneOf(SECTORS, url.searchParams.get("sector")),
    page: Number(url.searchParams.get("page")) || 1,
  };
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const [list, call] = await Promise.all([listEventApplications(db, event.id, filter), getCall(db, event.id)]);
  const when = (at: Date) => `${formatDate(at, event.timeZone, locale)}, ${formatTime(at, event.timeZone, locale)}`;
  return {
    filter: { q: filter.q, status: filter.status ?? "", sector: filter.sector ?? "" },
    curationBase: `/o/${org.slug}/events/${event.id}/curation`,
    callPath: `/o/${org.slug}/events/${event.id}/exhibitors/call`,
    call: call ? { phase: callPhase(call, new Date()), opens: when(call.opensAt), closes: when(call.closesAt) } : null,
    ...list,
    rows: list.rows.map((r) => ({
      ...r, submittedAt: r.submittedAt ? `${formatShortDate(r.submittedAt, event.timeZone, locale)} ${formatTime(r.submittedAt, event.timeZone, locale)}` : null,
    })),
  };
}

export default function EventApplications() {
  const { filter, curationBase, callPath, call, rows, total, page, pageSize, counts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = Boolean(filter.q || filter.status || filter.sector);
  return (
    <>
      <section className="card" aria-labelledby="call-summary">
        <h2 id="call-summary">{t("exhibitors.call.title")}</h2>
        {call ? (
          <p style={{ margin: 0 }}><strong>{t(`exhibitors.call.phases.${call.phase}`)}</strong> · {t("exhibitors.call.window", { opens: call.opens, closes: call.closes })}</p>
        ) : (
          <p style={{ margin: 0 }}>{t("exhibitors.organizer.no_call")} <Link to={callPath}>{t("exhibitors.organizer.open_call")}</Link></p>
        )}
        <p className="small muted" style={{ margin: ".5rem 0 0" }}>
          {ORGANIZER_VISIBLE_STATUSES.map((s) => `${t(`exhibitors.statuses.${s}`)}: ${counts[s]}`).join(" · ")}
        </p>
      </section>
      <Form method="get" className="card" role="search" aria-label={t("exhibitors.organizer.filter")}>
        <div className="fields-inline">
          <div className="field">
            <label htmlFor="q">{t("common.search")}</label>
            <input id="q" type="search" name="q" defaultValue={filter.q} placeholder={t("exhibitors.organizer.search_placeholder")} />
          </div>
          <FilterSelect id="status" name="status" label={t("exhibitors.organizer.status")} value={filter.status} allLabel={t("exhibitors.organizer.all")}
            options={ORGANIZER_VISIBLE_STATUSES.map((s) => ({ value: s, label: t(`exhibitors.statuses.${s}`) }))} />
          <FilterSelect id="sector" name="sector" label={t("exhibitors.fields.sector")} value={filter.sector} allLabel={t("exhibitors.organizer.all")}
            options={SECTORS.map((s) => ({ value: s, label: t(`exhibitors.sectors.${s}`) }))} />
        </div>
        <button type="submit" className="btn btn-secondary">{t("exhibitors.organizer.apply_filter")}</button>
      </Form>
      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("exhibitors.organizer.no_results") : t("exhibitors.organizer.empty")}</EmptyState>
      ) : (
        <div className="table-wrap card">
          <p className="small muted" style={{ marginTop: 0 }}>{t("common.results", { count: total })}</p>
          <table className="data responsive">
            <thead>
              <tr>
                <th scope="col">{t("exhibitors.fields.name")}</th><th scope="col">{t("exhibitors.fields.sector")}</th>
                <th scope="col">{t("exhibitors.fields.region")}</th><th scope="col">{t("exhibitors.apply.size")}</th>
                <th scope="col">{t("exhibitors.organizer.submitted")}</th><th scope="col">{t("exhibitors.organizer.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("exhibitors.fields.name")}>
                    <Link to={`${curationBase}/${r.id}`}>{r.businessName}</Link>
                    {r.brandName ? <span className="small muted"> ({r.brandName})</span> : null}
                  </td>
                  <td data-label={t("exhibitors.fields.sector")}>{t(`exhibitors.sectors.${r.sector}`)} · {t(`exhibitors.umkm_classes.${r.umkmClass}`)}</td>
                  <td data-label={t("exhibitors.fields.region")}>{r.city}, {r.province}</td>
                  <td data-label={t("exhibitors.apply.size")}>{r.preferredSizeM2 ? t("exhibitors.call.size_label", { size: r.preferredSizeM2 }) : t("common.none")}</td>
                  <td data-label={t("exhibitors.organizer.submitted")}>{r.submittedAt ?? t("common.none")}</td>
                  <td data-label={t("exhibitors.organizer.status")}><StatusBadge status={r.status} /></td>
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
