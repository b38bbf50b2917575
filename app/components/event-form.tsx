import { useAppForm } from "~/components/forms";
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EVENT_KINDS, EventSchema, type EventInput } from "~/events/event.schema";
import { EVENT_ZONES } from "~/utils/time";
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from "./forms";

/** The event details form, shared by "new event" and "edit event". */
export function EventForm({ lastResult, defaultValue, submitLabel }: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<EventInput>;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue: { timeZone: "Asia/Jakarta", ...defaultValue },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save" />
      <Field meta={fields.name} label={t("events.name")} />
      <div className="fields-inline">
        <SelectField meta={fields.kind} label={t("events.kind")} placeholder="—"
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))} />
        <SelectField meta={fields.timeZone} label={t("events.time_zone")}
          options={EVENT_ZONES.map((z) => ({ value: z.zone, label: z.label[locale] }))} />
      </div>
      <div className="fields-inline">
        <Field meta={fields.firstDay} label={t("events.first_day")} type="date" />
        <Field meta={fields.lastDay} label={t("events.last_day")} type="date" />
      </div>
      <div className="fields-inline">
        <Field meta={fields.venueName} label={t("events.venue")} optional />
        <Field meta={fields.city} label={t("events.city")} optional />
      </div>
      <Field meta={fields.address} label={t("events.address")} optional />
      <TextareaField meta={fields.description} label={t("events.description")} optional />
      <Field meta={fields.slug} label={t("events.slug")} hint={t("events.slug_hint")} optional />
      <SubmitButton name="intent" value="save">{submitLabel}</SubmitButton>
    </Form>
  );
}
