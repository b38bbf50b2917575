import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction } from "~/components/ui";
import { AgreementForm } from "~/deals/agreement-form";
import { readAgreementSubmission } from "~/deals/agreement-form.server";
import { formatSignedOn, regionLabel } from "~/deals/agreements";
import { deleteAgreement, getAgreement, listRegionPicks, updateAgreement } from "~/deals/agreements.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import { deleteUpload } from "~/utils/uploads.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.agreement.title ?? "MoU"} · Pendopo` }];

function formatBytes(n: number, locale: string) {
  return n >= 1024 * 1024
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1024 / 1024)} MB`
    : `${new Intl.NumberFormat(locale).format(Math.max(1, Math.round(n / 1024)))} KB`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "deal:manage");
  if (!isUuid(params.agreementId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const [agreement, regions, locale] = await Promise.all([getAgreement(db, event.id, params.agreementId), listRegionPicks(db, event.id), getLocale(request)]);
  if (!agreement) throw new Response("Not found", { status: 404 });
  const base = `/o/${org.slug}/events/${event.id}/deals/agreements`;
  return {
    base, regions,
    agreement: {
      id: agreement.id, title: agreement.title, kind: agreement.kind, scope: agreement.scope, place: agreement.place,
      signedOn: agreement.signedOn, signedOnText: formatSignedOn(agreement.signedOn, locale),
      parties: agreement.parties.map(({ position: _p, ...p }) => p),
    },
    document: agreement.documentUploadId ? {
      url: `${base}/${agreement.id}/document`, isPdf: agreement.documentType === "application/pdf",
      size: formatBytes(agreement.documentBytes ?? 0, locale === "id" ? "id-ID" : "en-GB"),
    } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "deal:manage");
  if (!isUuid(params.agreementId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const actor = { userId: user.id, organizationId: org.id, request };
  const base = `/o/${org.slug}/events/${event.id}/deals/agreements`;
  // Another event's agreement is a 404 before anything is read or stored.
  if (!(await getAgreement(db, event.id, params.agreementId))) throw new Response("Not found", { status: 404 });
  const read = await readAgreementSubmission(db, request, user.id);
  if (!read.ok) return read.response;
  if (read.intent === "delete") {
    const deleted = await deleteAgreement(db, event.id, params.agreementId, actor);
    if (!deleted) throw new Response("Not found", { status: 404 });
    if (deleted.documentUploadId) await deleteUpload(db, deleted.documentUploadId);
    return redirectWithToast(base, { type: "success", key: "agreements.toast.deleted" });
  }
  const document = read.uploadId ? { uploadId: read.uploadId } : read.removeDocument ? "remove" as const : "keep" as const;
  let updated;
  try {
    updated = await updateAgreement(db, event.id, params.agreementId, actor, read.input, document);
  } catch (error) {
    if (read.uploadId) await deleteUpload(db, read.uploadId);
    throw error;
  }
  if (!updated) {
    if (read.uploadId) await deleteUpload(db, read.uploadId);
    throw new Response("Not found", { status: 404 });
  }
  if (updated.replacedUploadId) await deleteUpload(db, updated.replacedUploadId);
  return redirectWithToast(`${base}/${params.agreementId}`, { type: "success", key: "agreements.toast.updated" });
}

export default function AgreementPage() {
  const { base, regions, agreement, document } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const signed = agreement.place
    ? t("agreements.view.signed_at", { date: agreement.signedOnText, place: agreement.place })
    : t("agreements.view.signed", { date: agreement.signedOnText });
  return (
    <>
      <p className="small"><Link to={base} className="back-link">← {t("agreements.form.back")}</Link></p>
      <section className="card" aria-labelledby="agreement-heading">
        <p style={{ margin: "0 0 .35rem" }}><span className="type-pill">{t(`agreements.kinds.${agreement.kind}`)}</span></p>
        <h2 id="agreement-heading">{agreement.title}</h2>
        <p className="muted">{signed}</p>
        <ol className="agreement-parties">
          {agreement.parties.map((p, i) => {
            const region = regionLabel(p);
            return (
              <li key={i}>
                <strong>{p.name}</strong> <span className="muted small">· {t(`agreements.party_kinds.${p.kind}`)}{region ? ` · ${region}` : ""}</span>
                <span className="sign">
                  {p.signatoryName ? `${t("agreements.view.signatory")}: ${p.signatoryName}${p.signatoryTitle ? `, ${p.signatoryTitle}` : ""}` : t("agreements.view.no_signatory")}
                </span>
              </li>
            );
          })}
        </ol>
        {agreement.scope || document ? (
          <dl className="agreement-facts" style={{ marginTop: "1rem" }}>
            {agreement.scope ? <><dt>{t("agreements.form.scope")}</dt><dd>{agreement.scope}</dd></> : null}
            {document ? (
              <>
                <dt>{t("agreements.form.document")}</dt>
                <dd><a href={document.url}>{t("agreements.form.document_open")}</a> <span className="muted small">({document.isPdf ? t("agreements.form.document_pdf", { size: document.size }) : t("agreements.form.document_photo")})</span></dd>
              </>
            ) : null}
          </dl>
        ) : null}
      </section>
      <section className="card" style={{ maxWidth: 820 }} aria-labelledby="edit-agreement-heading">
        <h2 id="edit-agreement-heading">{t("agreements.form.edit_heading")}</h2>
        <AgreementForm id={`agreement-${agreement.id}`} regions={regions} lastResult={actionData?.result} submitLabel={t("agreements.form.save")}
          document={document}
          defaults={{ title: agreement.title, kind: agreement.kind, signedOn: agreement.signedOn, place: agreement.place, scope: agreement.scope, parties: agreement.parties }} />
        <div className="danger-zone">
          <p className="muted small">{t("agreements.form.danger")}</p>
          <ConfirmAction label={t("agreements.form.delete")} intent="delete" confirmText={t("agreements.form.delete_confirm")} />
        </div>
      </section>
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
