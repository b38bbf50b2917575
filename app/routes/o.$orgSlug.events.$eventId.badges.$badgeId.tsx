import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useTranslation } from "react-i18next";
import { actOnBadge, getDeliveryEvent } from "~/badges/badge-actions.server";
import { BadgeActionSchema } from "~/badges/badge-forms.schema";
import { getBadgeDetail } from "~/badges/badge-list.server";
import { badgeQrText } from "~/badges/badges.server";
import { BadgeActions } from "~/badges/badge-actions-ui";
import { KindPill, StatusPill } from "~/badges/ui";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { formatDate, formatTime } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Badge · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "badge:view");
  if (!isUuid(params.badgeId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const badge = await getBadgeDetail(db, event.id, params.badgeId);
  if (!badge) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const when = (d: Date) => `${formatDate(d, event.timeZone, locale)}, ${formatTime(d, event.timeZone, locale)}`;
  const qr = badge.status === "revoked" ? null : await badgeQrText(db, event.id, badge.id);
  return {
    base: `/o/${org.slug}/events/${event.id}/badges`,
    canManage: can(role, "badge:manage"),
    qrImage: qr ? await QRCode.toDataURL(qr, { errorCorrectionLevel: "M", margin: 4, scale: 6 }) : null,
    badge: {
      ...badge, issued: when(badge.issuedAt), printed: badge.printedAt ? when(badge.printedAt) : null,
      history: badge.history.map((h) => ({ ...h, when: when(h.at) })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "badge:manage");
  if (!isUuid(params.badgeId)) throw new Response("Not found", { status: 404 });
  const here = `/o/${org.slug}/events/${event.id}/badges/${params.badgeId}`;
  const submission = parseForm(await request.formData(), { schema: BadgeActionSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0];
    return redirectWithToast(here, { type: "error", key: first ?? "errors.form" }, { status: 303 });
  }
  const db = await getDb();
  const full = await getDeliveryEvent(db, event.id);
  if (!full) throw new Response("Not found", { status: 404 });
  const res = await actOnBadge(db, { event: full, by: user.id, now: new Date() }, params.badgeId, submission.value);
  if (!res.ok) {
    if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
    return redirectWithToast(here, { type: "error", key: `badges.errors.${res.reason}` });
  }
  return redirectWithToast(here, { type: "success", key: `badges.toast.${res.value}` });
}

export default function BadgeDetail() {
  const { badge, qrImage, base, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const fact = (label: string, value: React.ReactNode) => <div><dt>{label}</dt><dd>{value}</dd></div>;
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={base}>← {t("badges.detail.back")}</Link></p>
      <div className="badge-detail">
        <section className="card qr-box" aria-labelledby="qr-heading">
          <h2 id="qr-heading" className="visually-hidden">{t("badges.detail.qr")}</h2>
          {qrImage ? <img src={qrImage} alt={t("badges.detail.qr_alt", { name: badge.holderName })} width={270} height={270} /> : <p className="muted">{t("badges.detail.no_qr")}</p>}
          <span className="code">{badge.shortCode}</span>
          {qrImage ? <a className="btn btn-secondary" href={`${base}/${badge.id}/pdf`} download>{t("badges.detail.pdf")}</a> : null}
        </section>
        <section className="card" aria-labelledby="holder-heading">
          <h2 id="holder-heading" style={{ overflowWrap: "anywhere" }}>{badge.holderName}</h2>
          <p className="row"><KindPill kind={badge.kind} /> <StatusPill status={badge.status} /></p>
          {badge.statusReason ? <p className="small"><strong>{t("badges.detail.reason")}:</strong> {badge.statusReason}</p> : null}
          <dl className="facts">
            {fact(t("badges.fields.organization"), badge.organizationName || t("common.none"))}
            {fact(t("common.email"), badge.email ?? t("common.none"))}
            {fact(t("badges.fields.phone"), badge.phone ? `${badge.phone}${badge.whatsappOptInAt ? ` · ${t("badges.detail.whatsapp_ok")}` : ""}` : t("common.none"))}
            {fact(t("badges.fields.language"), badge.locale === "en" ? "English" : "Bahasa Indonesia")}
            {fact(t("badges.detail.source"), t(`badges.sources.${badge.source}`))}
            {fact(t("badges.detail.issued"), badge.issued)}
            {fact(t("badges.detail.printed"), badge.printed ?? t("badges.list.not_printed"))}
          </dl>
          {canManage ? <BadgeActions badge={badge} /> : null}
        </section>
      </div>
      <section className="card" aria-labelledby="history-heading">
        <h3 id="history-heading">{t("badges.detail.history")}</h3>
        <ol className="history">
          {badge.history.map((h) => (
            <li key={h.id}>
              <strong>{t(`badges.history.${h.action.replace("badge.", "")}`, { defaultValue: h.action })}</strong>
              <span className="muted small"> · {h.when}{h.actorName ? ` · ${h.actorName}` : ""}</span>
              {h.reason ? <><br /><span className="small">{h.reason}</span></> : null}
              {h.fields ? <><br /><span className="small">{h.fields.map((f) => t(`badges.edit.fields.${f}`, { defaultValue: f })).join(", ")}</span></> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
