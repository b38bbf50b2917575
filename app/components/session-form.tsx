import { useAppForm } from "~/components/forms";
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SESSION_TYPE_VALUES, SessionSchema, type SessionInput } from "~/agenda/agenda.schema";
import { Field, FormErrors, SelectField, SubmitButton, TextareaField } from "./forms";

/** Add or edit one agenda session; times are entered in the event's own zone. */
export function SessionForm({ lastResult, defaultValue, days, rooms, zoneLabel, submitLabel }: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Partial<SessionInput>;
  days: Array<{ value: string; label: string }>;
  rooms: Array<{ id: string; name: string }>;
  zoneLabel: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    lastResult,
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SessionSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <FormErrors errors={form.errors} />
      <Field meta={fields.title} label={t("agenda.session_title")} />
      <div className="fields-inline">
        <SelectField meta={fields.type} label={t("agenda.type")} placeholder="—"
          options={SESSION_TYPE_VALUES.map((v) => ({ value: v, label: t(`agenda.types.${v}`) }))} />
        <SelectField meta={fields.roomId} label={t("agenda.room")} placeholder={t("agenda.no_room")} optional
          options={rooms.map((r) => ({ value: r.id, label: r.name }))} />
      </div>
      <p className="hint">{t("agenda.times_in", { zone: zoneLabel })}</p>
      <div className="fields-inline day-time">
        <SelectField meta={fields.day} label={t("agenda.day")} options={days} />
        <Field meta={fields.startTime} label={t("agenda.start")} type="time" />
        <Field meta={fields.endTime} label={t("agenda.end")} type="time" />
      </div>
      <Field meta={fields.speakers} label={t("agenda.speakers")} hint={t("agenda.speakers_hint")} optional />
      <TextareaField meta={fields.description} label={t("agenda.description")} optional />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
