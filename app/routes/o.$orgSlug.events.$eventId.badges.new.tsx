import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createBadge, getDeliveryEvent } from "~/badges/badge-actions.server";
import { whatsappEnabled } from "~/badges/badge-delivery.server";
import { AddBadgeSchema, fieldOfProblem } from "~/badges/badge-forms.schema";
import { BADGE_KINDS } from "~/badges/badge.schema";
import { PersonFields } from "~/badges/person-fields";
import { FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Tambah badge · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEventAccess(request, params, "badge:manage");
  return { whatsapp: whatsappEnabled() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "badge:manage");
  const submission = parseForm(await request.formData(), { schema: AddBadgeSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const full = await getDeliveryEvent(db, event.id);
  if (!full) throw new Response("Not found", { status: 404 });
  const { sendEmail, ...person } = submission.value;
  const res = await createBadge(db, { event: full, by: user.id, now: new Date() }, person, { sendEmail });
  if (!res.ok) {
    const field = fieldOfProblem(res.reason);
    const error = `badges.errors.${res.reason}`;
    return data({ result: submission.reply(field ? { fieldErrors: { [field]: [error] } } : { formErrors: [error] }) }, { status: 400 });
  }
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/badges/${res.value.badge.id}`, {
    type: "success", key: sendEmail && person.email ? "badges.toast.added_sent" : "badges.toast.added",
  });
}

export default function NewBadge() {
  const { whatsapp } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "add-badge",
    lastResult: actionData?.result,
    defaultValue: { kind: "visitor", locale: "id" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddBadgeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section className="card" style={{ maxWidth: 720 }} aria-labelledby="add-heading">
      <h2 id="add-heading">{t("badges.add.heading")}</h2>
      <p className="muted small">{t("badges.add.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <SelectField meta={fields.kind} label={t("badges.fields.kind")} options={BADGE_KINDS.map((k) => ({ value: k, label: t(`badges.kinds.${k}`) }))} />
        <PersonFields fields={fields} whatsapp={whatsapp} />
        <label className="check">
          <input type="checkbox" name="sendEmail" defaultChecked />
          {t("badges.fields.send_email")}
        </label>
        <div className="form-actions row" style={{ marginTop: ".75rem" }}>
          <SubmitButton>{t("badges.add.submit")}</SubmitButton>
        </div>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
