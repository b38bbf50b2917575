import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editBadge, getDeliveryEvent } from "~/badges/badge-actions.server";
import { whatsappEnabled } from "~/badges/badge-delivery.server";
import { EditBadgeSchema, fieldOfProblem } from "~/badges/badge-forms.schema";
import { getBadgeDetail } from "~/badges/badge-list.server";
import { BADGE_KINDS } from "~/badges/badge.schema";
import { PersonFields } from "~/badges/person-fields";
import { FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Ubah badge · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "badge:manage");
  if (!isUuid(params.badgeId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const badge = await getBadgeDetail(db, event.id, params.badgeId);
  if (!badge) throw new Response("Not found", { status: 404 });
  const back = `/o/${org.slug}/events/${event.id}/badges/${badge.id}`;
  if (badge.status === "revoked") throw await redirectWithToast(back, { type: "error", key: "badges.errors.revoked" });
  return {
    back, whatsapp: whatsappEnabled(),
    values: {
      kind: badge.kind, holderName: badge.holderName, organizationName: badge.organizationName, email: badge.email ?? "",
      phone: badge.phone ?? "", locale: badge.locale, whatsappOptIn: badge.whatsappOptInAt ? "on" : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "badge:manage");
  if (!isUuid(params.badgeId)) throw new Response("Not found", { status: 404 });
  const submission = parseForm(await request.formData(), { schema: EditBadgeSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const full = await getDeliveryEvent(db, event.id);
  if (!full) throw new Response("Not found", { status: 404 });
  const res = await editBadge(db, { event: full, by: user.id, now: new Date() }, params.badgeId, submission.value);
  const back = `/o/${org.slug}/events/${event.id}/badges/${params.badgeId}`;
  if (!res.ok) {
    if (res.reason === "not_found") throw new Response("Not found", { status: 404 });
    const field = fieldOfProblem(res.reason);
    const error = `badges.errors.${res.reason}`;
    return data({ result: submission.reply(field ? { fieldErrors: { [field]: [error] } } : { formErrors: [error] }) }, { status: 400 });
  }
  const key = res.value.changed.length === 0 ? "badges.toast.unchanged" : res.value.reprint ? "badges.toast.edited_reprint" : "badges.toast.edited";
  return redirectWithToast(back, { type: "success", key });
}

export default function EditBadge() {
  const { values, whatsapp, back } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "edit-badge",
    lastResult: actionData?.result,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EditBadgeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card" style={{ maxWidth: 720 }} aria-labelledby="edit-heading">
      <p className="breadcrumbs"><Link className="back-link" to={back}>← {t("badges.edit.back")}</Link></p>
      <h2 id="edit-heading">{t("badges.edit.heading")}</h2>
      <p className="muted small">{t("badges.edit.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <SelectField meta={fields.kind} label={t("badges.fields.kind")} options={BADGE_KINDS.map((k) => ({ value: k, label: t(`badges.kinds.${k}`) }))} />
        <PersonFields fields={fields} whatsapp={whatsapp} />
        <div className="form-actions row" style={{ marginTop: ".75rem" }}>
          <SubmitButton>{t("badges.edit.submit")}</SubmitButton>
          <Link className="btn btn-secondary" to={back}>{t("common.cancel")}</Link>
        </div>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
