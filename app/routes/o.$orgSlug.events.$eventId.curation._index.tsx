import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubmitButton } from "~/components/forms";
import { EmptyState, Pagination } from "~/components/ui";
import { BulkDecideSchema, DECISIONS, OPEN_STATUSES, parseQueueQuery } from "~/curation/curation.schema";
import { isOversizedForm } from "~/utils/form-parse.server";
import { hasSubmittedApplications, listApplicantProvinces, listQueue } from "~/curation/curation.server";
import { decideApplications } from "~/curation/decisions.server";
import { ScoreText, StatusBadge } from "~/curation/ui/bits";
import { QueueFilters } from "~/curation/ui/queue-filters";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatShortDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Kurasi · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, user, role } = await requireEventAccess(request, params, "curation:score");
  const query = parseQueueQuery(new URL(request.url).searchParams);
  const db = await getDb();
  const locale = await getLocale(request);
  const [queue, provinces, anySubmitted] = await Promise.all([
    listQueue(db, { eventId: event.id, curatorUserId: user.id, query }),
    listApplicantProvinces(db, event.id),
    hasSubmittedApplications(db, event.id),
  ]);
  return {
    base: `/o/${org.slug}/events/${event.id}/curation`,
    query, provinces, anySubmitted,
    canDecide: can(role, "curation:decide"),
    ...queue,
    rows: queue.rows.map((r) => ({ ...r, submitted: r.submittedAt ? formatShortDate(r.submittedAt, event.timeZone, locale) : null })),
  };
}

/** Only the queue's search string goes back into the redirect (never a path or another origin). */
const backSearch = (value: FormDataEntryValue | null) =>
  typeof value === "string" && /^\?[\w=&%.+\-~]{0,500}$/.test(value) ? value : "";

/** Bulk decision for the selected rows (owners and admins). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "curation:decide");
  const form = await request.formData();
  const back = `/o/${org.slug}/events/${event.id}/curation${backSearch(form.get("back"))}`;
  if (isOversizedForm(form)) return redirectWithToast(back, { type: "error", key: "validation.invalid" });
  const submission = parseForm(form, { schema: BulkDecideSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0];
    return redirectWithToast(back, { type: "error", key: first ?? "errors.form" });
  }
  const results = await decideApplications(await getDb(), { organization: org, event, actorUserId: user.id, request }, submission.value);
  const done = results.filter((r) => r.ok).length;
  const skipped = results.length - done;
  if (done === 0) return redirectWithToast(back, { type: "error", key: "curation.bulk.none_done" });
  return redirectWithToast(back, { type: "success", key: skipped ? "curation.bulk.done_skipped" : "curation.bulk.done", params: { count: done, skipped } });
}

export default function CurationQueue() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { search } = useLocation();
  const { base, rows, query, canDecide } = data;
  const selectable = canDecide && rows.some((r) => (OPEN_STATUSES as readonly string[]).includes(r.status));
  return (
    <>
      <h2>{t("curation.queue.heading")}</h2>
      <p className="muted">{t("curation.queue.intro")}</p>
      {data.criteriaCount === 0 ? <p className="form-error" role="note">{t("curation.queue.no_criteria")}</p> : null}
      {!data.anySubmitted ? <EmptyState>{t("curation.queue.empty")}</EmptyState> : (
        <>
          <QueueFilters query={query} provinces={data.provinces} base={base} />
          <p role="status" className="small muted">{t("curation.queue.count", { count: data.total })}</p>
          {rows.length === 0 ? <EmptyState>{t("curation.queue.no_results")}</EmptyState> : (
            <section className="card">
              <div className="table-wrap">
                <table className="data responsive grid-cards">
                  <caption className="visually-hidden">{t("curation.queue.caption", { page: data.page })}</caption>
                  <thead>
                    <tr>
                      {selectable ? <th scope="col"><span className="visually-hidden">{t("curation.queue.columns.select")}</span></th> : null}
                      {(["business", "sector", "region", "class", "size", "status", "my_score", "average"] as const).map((c) => (
                        <th key={c} scope="col">{t(`curation.queue.columns.${c}`)}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.id}>
                        {selectable ? (
                          <td data-label={t("curation.queue.columns.select")}>
                            {(OPEN_STATUSES as readonly string[]).includes(r.status) ? (
                              <label className="check">
                                <input type="checkbox" name="applicationIds" value={r.id} form="bulk-decide" />
                                <span className="visually-hidden">{t("curation.queue.select_row", { name: r.businessName })}</span>
                              </label>
                            ) : null}
                          </td>
                        ) : null}
                        <th scope="row" data-label={t("curation.queue.columns.business")}>
                          <Link to={`${base}/${r.id}`}><strong>{r.businessName}</strong></Link>
                          {r.brandName && r.brandName !== r.businessName ? <><br /><span className="small">{r.brandName}</span></> : null}
                          {r.submitted ? <><br /><span className="muted small">{r.submitted}</span></> : null}
                        </th>
                        <td data-label={t("curation.queue.columns.sector")}>{t(`curation.sectors.${r.sector}`)}</td>
                        <td data-label={t("curation.queue.columns.region")}>{r.city}<br /><span className="muted small">{r.province}</span></td>
                        <td data-label={t("curation.queue.columns.class")}>{t(`curation.classes.${r.umkmClass}`)}</td>
                        <td data-label={t("curation.queue.columns.size")}>{r.preferredSizeM2 ? t("curation.size_m2", { size: r.preferredSizeM2 }) : t("curation.none")}</td>
                        <td data-label={t("curation.queue.columns.status")}><StatusBadge status={r.status} /></td>
                        <td data-label={t("curation.queue.columns.my_score")}><ScoreText score={r.myScore} partial={r.myScore !== undefined && !r.myComplete} /></td>
                        <td data-label={t("curation.queue.columns.average")}>
                          <ScoreText score={r.averageScore} />
                          {r.curators > 0 ? <><br /><span className="muted small">{t("curation.queue.curators", { count: r.curators })}</span></> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
            </section>
          )}
          {selectable ? (
            <Form method="post" id="bulk-decide" className="card" aria-labelledby="bulk-heading">
              <h3 id="bulk-heading">{t("curation.bulk.heading")}</h3>
              <input type="hidden" name="back" value={search} />
              <input type="hidden" name="intent" value="bulk-decide" />
              <div className="field">
                <label htmlFor="bulk-decision">{t("curation.bulk.decision")}</label>
                <select id="bulk-decision" name="decision" defaultValue="">
                  <option value="">—</option>
                  {DECISIONS.map((d) => <option key={d} value={d}>{t(`curation.decision.${d}`)}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="bulk-message">{t("curation.decision.message")}</label>
                <p id="bulk-message-hint" className="hint">{t("curation.decision.message_hint")}</p>
                <textarea id="bulk-message" name="message" maxLength={5000} aria-describedby="bulk-message-hint" />
              </div>
              <SubmitButton className="btn btn-secondary">{t("curation.bulk.submit")}</SubmitButton>
            </Form>
          ) : null}
        </>
      )}
    </>
  );
}
