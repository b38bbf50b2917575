import { getFormProps, getInputProps, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField, useAppForm } from "~/components/forms";
import { requireOwnBusiness } from "~/exhibitors/access.server";
import { getBusinessByOwner, saveBusiness } from "~/exhibitors/businesses.server";
import { BusinessSchema } from "~/exhibitors/exhibitor.schema";
import { CAPACITY_UNITS, PROVINCES, SECTORS, UMKM_CLASSES } from "~/exhibitors/vocabulary";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { safeRedirect } from "~/utils/misc";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Profil usaha · Pendopo" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireOwnBusiness(request);
  const business = await getBusinessByOwner(await getDb(), user.id);
  return { business: business ?? null, account: { name: user.name, email: user.email } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireOwnBusiness(request);
  const submission = parseForm(await request.formData(), { schema: BusinessSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const saved = await saveBusiness(db, user.id, submission.value);
  if (!saved.ok) {
    const field = saved.reason.startsWith("whatsapp") ? "whatsapp" : saved.reason.startsWith("nib") ? "nib" : null;
    const message = `exhibitors.validation.${saved.reason}`;
    return data({ result: submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }) }, { status: 409 });
  }
  if (saved.value.created) await audit(db, { action: "business.created", actorUserId: user.id, entity: "business", entityId: saved.value.id, request });
  const next = safeRedirect(submission.value.redirectTo, saved.value.created ? "/exhibitor/products" : "/exhibitor");
  return redirectWithToast(next, { type: "success", key: saved.value.created ? "exhibitors.profile.created" : "exhibitors.profile.saved" });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field of the business form
function PhoneField({ meta, label, hint }: { meta: FieldMetadata<any, any, string[]>; label: string; hint: string }) {
  const { t } = useTranslation();
  // type="text" with a phone keyboard: the shared stylesheet styles text inputs, and "0812-…" is text anyway.
  const props = getInputProps(meta, { type: "text", ariaDescribedBy: `${meta.id}-hint` });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label} <span className="muted small">({t("common.optional")})</span></label>
      <p id={`${meta.id}-hint`} className="hint">{hint}</p>
      <input {...props} key={props.key} autoComplete="tel" inputMode="tel" />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export default function BusinessProfile() {
  const { business, account } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "business",
    lastResult: actionData?.result,
    constraint: getZodConstraint(BusinessSchema),
    defaultValue: business
      ? {
        name: business.name, brandName: business.brandName, ownerName: business.ownerName, nib: business.nib ?? "",
        umkmClass: business.umkmClass, sector: business.sector, city: business.city, province: business.province,
        whatsapp: business.whatsapp ?? "", email: business.email, description: business.description,
        capacityQuantity: business.capacityQuantity === null ? undefined : String(business.capacityQuantity), capacityUnit: business.capacityUnit, exportExperience: business.exportExperience,
      }
      : { ownerName: account.name, email: account.email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BusinessSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const provinces = business && !(PROVINCES as readonly string[]).includes(business.province) ? [business.province, ...PROVINCES] : PROVINCES;
  return (
    <>
      <div className="page-header">
        <h1>{business ? t("exhibitors.profile.title") : t("exhibitors.profile.create_title")}</h1>
      </div>
      <p className="muted" style={{ maxWidth: "65ch" }}>{t("exhibitors.profile.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="card">
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <fieldset>
          <legend>{t("exhibitors.profile.identity")}</legend>
          <Field meta={fields.name} label={t("exhibitors.fields.name")} autoComplete="organization" />
          <Field meta={fields.brandName} label={t("exhibitors.fields.brand_name")} optional />
          <Field meta={fields.ownerName} label={t("exhibitors.fields.owner_name")} autoComplete="name" />
          <Field meta={fields.nib} label={t("exhibitors.fields.nib")} hint={t("exhibitors.fields.nib_hint")} inputMode="numeric" optional />
          <SelectField meta={fields.umkmClass} label={t("exhibitors.fields.umkm_class")} hint={t("exhibitors.fields.umkm_class_hint")}
            placeholder={t("exhibitors.fields.choose")} options={UMKM_CLASSES.map((c) => ({ value: c, label: t(`exhibitors.umkm_classes.${c}`) }))} />
          <SelectField meta={fields.sector} label={t("exhibitors.fields.sector")} placeholder={t("exhibitors.fields.choose")}
            options={SECTORS.map((s) => ({ value: s, label: t(`exhibitors.sectors.${s}`) }))} />
        </fieldset>
        <fieldset>
          <legend>{t("exhibitors.profile.contact")}</legend>
          <div className="fields-inline">
            <Field meta={fields.city} label={t("exhibitors.fields.city")} autoComplete="address-level2" />
            <SelectField meta={fields.province} label={t("exhibitors.fields.province")} placeholder={t("exhibitors.fields.choose")}
              options={provinces.map((p) => ({ value: p, label: p }))} />
          </div>
          <PhoneField meta={fields.whatsapp} label={t("exhibitors.fields.whatsapp")} hint={t("exhibitors.fields.whatsapp_hint")} />
          <Field meta={fields.email} label={t("exhibitors.fields.email")} type="email" autoComplete="email" />
        </fieldset>
        <fieldset>
          <legend>{t("exhibitors.profile.production")}</legend>
          <TextareaField meta={fields.description} label={t("exhibitors.fields.description")} hint={t("exhibitors.fields.description_hint")} optional />
          <p className="hint" id="capacity-hint">{t("exhibitors.fields.capacity_hint")}</p>
          <div className="fields-inline">
            <Field meta={fields.capacityQuantity} label={t("exhibitors.fields.capacity_quantity")} type="number" inputMode="numeric" optional />
            <div className="field">
              <label htmlFor={fields.capacityUnit.id}>{t("exhibitors.fields.capacity_unit")}</label>
              <input {...getInputProps(fields.capacityUnit, { type: "text" })} key={fields.capacityUnit.key} list="capacity-units" />
              <datalist id="capacity-units">{CAPACITY_UNITS.map((u) => <option key={u} value={u} />)}</datalist>
              <ErrorList id={fields.capacityUnit.errorId} errors={fields.capacityUnit.errors} />
            </div>
          </div>
          <TextareaField meta={fields.exportExperience} label={t("exhibitors.fields.export_experience")} hint={t("exhibitors.fields.export_hint")} optional />
        </fieldset>
        <SubmitButton>{business ? t("common.save") : t("exhibitors.profile.create_button")}</SubmitButton>
      </Form>
    </>
  );
}
