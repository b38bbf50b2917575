import { getFormProps, getInputProps } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField, useAppForm } from "~/components/forms";
import { PROVINCES, SECTORS } from "~/exhibitors/vocabulary";
import { requireMatchContext } from "~/meetings/access.server";
import { BuyerProfileSchema } from "~/meetings/matchmaking.schema";
import { getBuyerProfile, saveBuyerProfile } from "~/meetings/participants.server";
import { BUYER_TYPES } from "~/meetings/vocabulary";
import { getDb } from "~/utils/db.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Profil pembeli · Temu bisnis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, participant } = await requireMatchContext(request, params.slug);
  if (participant?.kind === "seller") throw redirectWithToast(`/e/${event.slug}/matchmaking`, { type: "error", key: "meetings.validation.already_seller" });
  const profile = participant ? await getBuyerProfile(await getDb(), participant.id) : undefined;
  return { profile: profile ?? null, account: { name: user.name, email: user.email } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event } = await requireMatchContext(request, params.slug);
  const submission = parseForm(await request.formData(), { schema: BuyerProfileSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveBuyerProfile(await getDb(), event.id, user.id, submission.value);
  if (!saved.ok) {
    const key = saved.reason === "already_seller" ? "meetings.validation.already_seller" : `exhibitors.validation.${saved.reason}`;
    const reply = saved.reason === "already_seller" ? submission.reply({ formErrors: [key] }) : submission.reply({ fieldErrors: { whatsapp: [key] } });
    return data({ result: reply }, { status: 409 });
  }
  return redirectWithToast(`/e/${event.slug}/matchmaking`, { type: "success", key: saved.value.created ? "meetings.register.created" : "meetings.register.saved" });
}

export default function BuyerRegister() {
  const { profile, account } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "buyer-profile", lastResult, constraint: getZodConstraint(BuyerProfileSchema),
    defaultValue: profile
      ? { ...profile, buyerType: profile.buyerType ?? undefined, orderVolume: profile.orderVolume === null ? undefined : String(profile.orderVolume), whatsapp: profile.whatsapp ?? "", whatsappOptIn: profile.whatsappOptIn ? "on" : undefined }
      : { organization: "", email: account.email, country: "ID" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BuyerProfileSchema }),
    shouldValidate: "onBlur", shouldRevalidate: "onInput",
  });
  const chosen = new Set(profile?.sectors ?? []);
  return (
    <section aria-labelledby="buyer-title">
      <h2 id="buyer-title">{profile ? t("meetings.register.edit_title") : t("meetings.register.title")}</h2>
      <p className="muted" style={{ maxWidth: "65ch" }}>{t("meetings.register.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="card">
        <FormErrors errors={form.errors} />
        <Field meta={fields.organization} label={t("meetings.fields.organization")} autoComplete="organization" />
        <SelectField meta={fields.buyerType} label={t("meetings.fields.buyer_type")} placeholder={t("meetings.fields.choose")}
          options={BUYER_TYPES.map((b) => ({ value: b, label: t(`meetings.buyer_types.${b}`) }))} />
        <fieldset className="field">
          <legend className="label">{t("meetings.fields.sectors")} <span className="muted small">({t("common.optional")})</span></legend>
          <div className="slot-grid">
            {SECTORS.map((s) => (
              <label key={s}><input type="checkbox" name="sectors" value={s} defaultChecked={chosen.has(s)} /> {t(`exhibitors.sectors.${s}`)}</label>
            ))}
          </div>
          <ErrorList errors={fields.sectors.errors} />
        </fieldset>
        <TextareaField meta={fields.productsSought} label={t("meetings.fields.products_sought")} hint={t("meetings.fields.products_sought_hint")} />
        <div className="fields-inline">
          <Field meta={fields.orderVolume} label={t("meetings.fields.order_volume")} type="number" inputMode="numeric" optional />
          <Field meta={fields.orderUnit} label={t("meetings.fields.order_unit")} optional />
        </div>
        <div className="fields-inline">
          <Field meta={fields.city} label={t("meetings.fields.city")} autoComplete="address-level2" />
          <Field meta={fields.country} label={t("meetings.fields.country")} hint={t("meetings.fields.country_hint")} autoComplete="country" />
        </div>
        <SelectField meta={fields.province} label={t("meetings.fields.province")} optional placeholder={t("meetings.directory.all")}
          options={PROVINCES.map((p) => ({ value: p, label: p }))} />
        <Field meta={fields.email} label={t("meetings.fields.email")} type="email" autoComplete="email" />
        <Field meta={fields.whatsapp} label={t("meetings.fields.whatsapp")} optional autoComplete="tel" />
        <div className="field">
          <label><input {...getInputProps(fields.whatsappOptIn, { type: "checkbox" })} key={fields.whatsappOptIn.key} /> {t("meetings.fields.whatsapp_opt_in")}</label>
          <ErrorList id={fields.whatsappOptIn.errorId} errors={fields.whatsappOptIn.errors} />
        </div>
        <SubmitButton>{t("common.save")}</SubmitButton>
      </Form>
    </section>
  );
}
