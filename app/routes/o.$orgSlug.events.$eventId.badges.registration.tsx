import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegistrationSettingsSchema } from "~/badges/badge-forms.schema";
import { getRegistration, saveRegistration } from "~/badges/registration.server";
import { Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Pendaftaran publik · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "badge:manage");
  const settings = await getRegistration(await getDb(), event.id);
  return { settings, published: event.status === "published", link: `${getEnv().APP_URL}/e/${event.slug}/register` };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "badge:manage");
  const submission = parseForm(await request.formData(), { schema: RegistrationSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const res = await saveRegistration(await getDb(), event.id, submission.value, new Date());
  if (!res.ok) {
    return data({ result: submission.reply({ fieldErrors: { capacity: ["badges.registration.below_registered"] } }) }, { status: 409 });
  }
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/badges/registration`, { type: "success", key: "common.saved" });
}

export default function RegistrationSettings() {
  const { settings, published, link } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "registration",
    lastResult: actionData?.result,
    defaultValue: { isOpen: settings.isOpen ? "on" : "", allowPress: settings.allowPress ? "on" : "", capacity: settings.capacity?.toString() ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSettingsSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <section className="card" style={{ maxWidth: 720 }} aria-labelledby="reg-heading">
      <h2 id="reg-heading">{t("badges.registration.heading")}</h2>
      <p className="muted small">{t("badges.registration.intro")}</p>
      <p role="status"><strong>{t("badges.registration.count", { count: settings.registered })}</strong>
        {settings.capacity ? ` · ${t("badges.registration.of_capacity", { capacity: settings.capacity })}` : ""}</p>
      {!published ? <p className="form-error" role="note">{t("badges.registration.not_published")}</p> : (
        <p className="small">{t("badges.registration.link")}: <a href={link} style={{ overflowWrap: "anywhere" }}>{link}</a></p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <label className="check"><input {...getInputProps(fields.isOpen, { type: "checkbox" })} key={fields.isOpen.key} />{t("badges.registration.open")}</label>
        <label className="check"><input {...getInputProps(fields.allowPress, { type: "checkbox" })} key={fields.allowPress.key} />{t("badges.registration.allow_press")}</label>
        <Field meta={fields.capacity} label={t("badges.registration.capacity")} type="number" inputMode="numeric" optional hint={t("badges.registration.capacity_hint")} />
        <SubmitButton name="intent" value="registration">{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
