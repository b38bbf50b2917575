import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EMPTY_PARTY } from "~/deals/agreement.schema";
import { AgreementForm } from "~/deals/agreement-form";
import { readAgreementSubmission } from "~/deals/agreement-form.server";
import { createAgreement, listRegionPicks } from "~/deals/agreements.server";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { localDateOf } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Catat MoU · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "deal:manage");
  const today = localDateOf(new Date(), event.timeZone);
  return {
    base: `/o/${org.slug}/events/${event.id}/deals/agreements`,
    regions: await listRegionPicks(await getDb(), event.id),
    // The signing usually happens during the fair: today while it runs, else its first day.
    signedOn: today >= event.firstDay && today <= event.lastDay ? today : event.firstDay,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "deal:manage");
  const db = await getDb();
  const read = await readAgreementSubmission(db, request, user.id);
  if (!read.ok) return read.response;
  if (read.intent !== "save") return data({ result: { status: "error" as const, error: { "": ["validation.invalid"] } } }, { status: 400 });
  const created = await createAgreement(db, event.id, { userId: user.id, organizationId: org.id, request }, read.input, read.uploadId);
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/deals/agreements/${created.id}`, { type: "success", key: "agreements.toast.created" });
}

export default function NewAgreement() {
  const { base, regions, signedOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" style={{ maxWidth: 820 }} aria-labelledby="new-agreement-heading">
      <p className="small"><Link to={base} className="back-link">← {t("agreements.form.back")}</Link></p>
      <h2 id="new-agreement-heading">{t("agreements.form.new_heading")}</h2>
      <p className="muted small">{t("agreements.form.new_intro")}</p>
      <AgreementForm id="new-agreement" regions={regions} lastResult={actionData?.result} submitLabel={t("agreements.form.create")}
        defaults={{ title: "", kind: "mou", signedOn, place: "", scope: "", parties: [{ ...EMPTY_PARTY }, { ...EMPTY_PARTY }] }} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
