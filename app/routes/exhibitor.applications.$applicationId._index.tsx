import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireOwnApplication } from "~/exhibitors/access.server";
import { getApplicationDetail, withdrawApplication } from "~/exhibitors/applications.server";
import { canWithdraw, EDITABLE_STATUSES } from "~/exhibitors/call-rules";
import { StatusBadge, WithdrawButton } from "~/exhibitors/ui";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { formatDate, formatShortDate, formatTime } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.application.eventName ?? "Pendaftaran"} · Pendopo` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { application } = await requireOwnApplication(request, params.applicationId);
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const a = await getApplicationDetail(db, application.id);
  const day = (d: string) => formatShortDate(`${d}T12:00:00Z`, "UTC", locale);
  const when = (at: Date | null) => (at ? `${formatDate(at, a.timeZone, locale)}, ${formatTime(at, a.timeZone, locale)}` : null);
  return {
    application: {
      id: a.id, status: a.status, eventName: a.eventName, eventSlug: a.eventSlug, organizerName: a.organizerName, businessName: a.businessName,
      dates: `${day(a.firstDay)} – ${day(a.lastDay)} ${a.lastDay.slice(0, 4)}`, preferredSizeM2: a.preferredSizeM2, preferredZone: a.preferredZone,
      motivation: a.motivation, historyYears: a.historyYears, decisionMessage: a.decisionMessage,
      submittedAt: when(a.submittedAt), decidedAt: when(a.decidedAt), callCloses: a.call ? when(a.call.closesAt) : null,
      fee: a.size ? (a.size.feeIdr === "0" ? null : formatRupiah(a.size.feeIdr, locale)) : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, application, event } = await requireOwnApplication(request, params.applicationId);
  const form = await request.formData();
  if (form.get("intent") !== "withdraw") return data({ error: "bad_intent" }, { status: 400 });
  const db = await getDb();
  const result = await withdrawApplication(db, application.id, application.businessId);
  const back = `/exhibitor/applications/${application.id}`;
  if (!result.ok) return redirectWithToast(back, { type: "error", key: "exhibitors.application.not_withdrawable" });
  await audit(db, {
    action: "application.withdrawn", actorUserId: user.id, organizationId: event.organizationId, eventId: event.id,
    entity: "application", entityId: application.id, request,
  });
  return redirectWithToast(back, { type: "success", key: "exhibitors.application.withdrawn" });
}

export default function ApplicationPage() {
  const { application: a } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="breadcrumbs"><Link to="/exhibitor">← {t("exhibitors.home.my_applications")}</Link></p>
      <div className="page-header">
        <div>
          <h1>{a.eventName}</h1>
          <span className="muted small">{a.organizerName} · {a.dates}</span>
        </div>
        <StatusBadge status={a.status} />
      </div>
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">{t("exhibitors.application.status_title")}</h2>
        <p>{t(`exhibitors.application.status_text.${a.status}`)}</p>
        {a.decisionMessage ? (
          <blockquote style={{ margin: "0 0 1rem", padding: ".5rem .75rem", borderLeft: "4px solid var(--brand)", background: "var(--brand-soft)" }}>
            <p className="small" style={{ margin: 0 }}><strong>{t("exhibitors.application.decision_message")}</strong></p>
            <p style={{ margin: 0, whiteSpace: "pre-wrap" }}>{a.decisionMessage}</p>
          </blockquote>
        ) : null}
        {a.submittedAt ? <p className="small" style={{ margin: 0 }}>{t("exhibitors.application.submitted_at", { when: a.submittedAt })}</p> : null}
        {a.decidedAt ? <p className="small" style={{ margin: 0 }}>{t("exhibitors.application.decided_at", { when: a.decidedAt })}</p> : null}
        <div className="row" style={{ marginTop: ".75rem" }}>
          {EDITABLE_STATUSES.includes(a.status) ? (
            <Link className="btn" to={`/exhibitor/apply/${a.eventSlug}`}>{t("exhibitors.application.continue")}</Link>
          ) : null}
          {a.status === "accepted" ? (
            <>
              <Link className="btn" to="booth">{t("exhibitors.application.booth_link")}</Link>
              <Link className="btn btn-secondary" to="staff">{t("exhibitors.application.staff_link")}</Link>
            </>
          ) : null}
          {canWithdraw(a.status) ? (
            <WithdrawButton label={t("exhibitors.application.withdraw")} confirmText={t("exhibitors.application.withdraw_confirm")}
              confirmLabel={t("exhibitors.application.withdraw_yes")} />
          ) : null}
        </div>
      </section>
      <section className="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("exhibitors.application.answers")}</h2>
        <dl className="small" style={{ margin: 0 }}>
          <dt><strong>{t("exhibitors.apply.size")}</strong></dt>
          <dd>{a.preferredSizeM2 ? `${t("exhibitors.call.size_label", { size: a.preferredSizeM2 })}${a.fee !== undefined ? ` · ${a.fee ?? t("exhibitors.call.free")}` : ""}` : t("common.none")}</dd>
          <dt><strong>{t("exhibitors.apply.zone")}</strong></dt><dd>{a.preferredZone || t("common.none")}</dd>
          <dt><strong>{t("exhibitors.apply.motivation")}</strong></dt><dd style={{ whiteSpace: "pre-wrap" }}>{a.motivation || t("common.none")}</dd>
          <dt><strong>{t("exhibitors.apply.history_years")}</strong></dt><dd>{a.historyYears}</dd>
        </dl>
      </section>
    </>
  );
}
