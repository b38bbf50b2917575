// The holder fields shared by the organizer's add form and the public registration form.
import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, SelectField } from "~/components/forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the person fields of either schema
type Fields = Record<"holderName" | "organizationName" | "email" | "phone" | "locale" | "whatsappOptIn", FieldMetadata<any, any, string[]>>;

export function PersonFields({ fields, whatsapp, emailRequired }: { fields: Fields; whatsapp: boolean; emailRequired?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Field meta={fields.holderName} label={t("badges.fields.name")} autoComplete="name" hint={t("badges.fields.name_hint")} />
      <Field meta={fields.organizationName} label={t("badges.fields.organization")} autoComplete="organization" optional />
      <Field meta={fields.email} label={t("common.email")} type="email" autoComplete="email" optional={!emailRequired}
        hint={emailRequired ? t("badges.fields.email_hint") : undefined} />
      <Field meta={fields.phone} label={t("badges.fields.phone")} autoComplete="tel" inputMode="numeric" optional hint={t("badges.fields.phone_hint")} />
      <SelectField meta={fields.locale} label={t("badges.fields.language")} options={[{ value: "id", label: "Bahasa Indonesia" }, { value: "en", label: "English" }]} />
      {whatsapp ? (
        <div className="field">
          <label className="check check-long">
            <input {...getInputProps(fields.whatsappOptIn, { type: "checkbox" })} key={fields.whatsappOptIn.key} />
            <span>{t("badges.fields.whatsapp_opt_in")}</span>
          </label>
          <ErrorList id={fields.whatsappOptIn.errorId} errors={fields.whatsappOptIn.errors} />
        </div>
      ) : null}
    </>
  );
}
