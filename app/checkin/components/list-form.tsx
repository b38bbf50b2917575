import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BADGE_KINDS } from "~/badges/badge.schema";
import { ErrorList, Field, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { formatShortDate } from "~/utils/time";
import { listFormSchema } from "../gate-forms.schema";

export type ListFormDefaults = Partial<Record<string, string | string[] | boolean>>;

/**
 * Create or edit a check-in list. Kinds and days are checkbox groups (none ticked = all); the window is local
 * date + time in the event's zone; each rule is a plain sentence.
 */
export function CheckinListForm({ id, days, zone, lastResult, defaultValue, submitLabel }: {
  id: string; days: string[]; zone: string; lastResult?: SubmissionResult<string[]>; defaultValue?: ListFormDefaults; submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const [form, fields] = useAppForm({
    id, lastResult, defaultValue: defaultValue ?? { allowEntryAfterExit: true },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: listFormSchema(days) }),
    shouldValidate: "onBlur", shouldRevalidate: "onInput",
  });
  const dayLabel = (d: string) => formatShortDate(`${d}T12:00:00Z`, "UTC", locale);
  return (
    <Form method="post" {...getFormProps(form)} className="gate-list-form">
      <input type="hidden" name="intent" value="save-list" />
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("gate.lists.name")} hint={t("gate.lists.name_hint")} />
      <CheckboxGroup meta={fields.kinds} legend={t("gate.lists.kinds")} hint={t("gate.lists.kinds_hint")}
        options={BADGE_KINDS.map((k) => ({ value: k, label: t(`gate.kinds.${k}`) }))} />
      <CheckboxGroup meta={fields.days} legend={t("gate.lists.days")} hint={t("gate.lists.days_hint")}
        options={days.map((d) => ({ value: d, label: dayLabel(d) }))} />
      <fieldset>
        <legend>{t("gate.lists.window", { zone })}</legend>
        <p className="hint">{t("gate.lists.window_hint")}</p>
        <div className="fields-inline gate-window">
          <Field meta={fields.opensDay} label={t("gate.lists.opens_day")} type="date" optional />
          <Field meta={fields.opensTime} label={t("gate.lists.opens_time")} type="time" optional />
          <Field meta={fields.closesDay} label={t("gate.lists.closes_day")} type="date" optional />
          <Field meta={fields.closesTime} label={t("gate.lists.closes_time")} type="time" optional />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t("gate.lists.rules")}</legend>
        <Checkbox meta={fields.allowMultipleEntries} label={t("gate.lists.allow_multiple")} />
        <Checkbox meta={fields.allowEntryAfterExit} label={t("gate.lists.allow_reentry")} />
        <Checkbox meta={fields.includePending} label={t("gate.lists.include_pending")} />
        <div className="fields-inline">
          <Field meta={fields.maxEntriesPerDay} label={t("gate.lists.max_per_day")} hint={t("gate.lists.limit_hint")} type="number" inputMode="numeric" optional />
          <Field meta={fields.maxEntriesTotal} label={t("gate.lists.max_total")} hint={t("gate.lists.limit_hint")} type="number" inputMode="numeric" optional />
        </div>
      </fieldset>
      <div className="form-actions"><SubmitButton>{submitLabel}</SubmitButton></div>
    </Form>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fields of any schema
type Meta = FieldMetadata<any, any, string[]>;

function Checkbox({ meta, label }: { meta: Meta; label: string }) {
  const props = getInputProps(meta, { type: "checkbox" });
  return (
    <div className="check-row">
      <input {...props} key={props.key} />
      <label htmlFor={meta.id}>{label}</label>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

function CheckboxGroup({ meta, legend, hint, options }: { meta: Meta; legend: string; hint: string; options: Array<{ value: string; label: string }> }) {
  const initial = meta.initialValue;
  const checked = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  return (
    <fieldset aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="check-grid">
        {options.map((o) => (
          <label key={o.value} className="check-chip">
            <input type="checkbox" name={meta.name} value={o.value} defaultChecked={checked.has(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      <ErrorList id={meta.errorId} errors={meta.errors?.length ? meta.errors : Object.values(meta.allErrors).flat()} />
    </fieldset>
  );
}
