// The organizer's matchmaking forms (settings, a grid block), kept out of the route file for size.
import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
import { BlockSchema, SettingsSchema } from "./matchmaking.schema";
import { LOCATION_KINDS, MATCHMAKING_MODES } from "./vocabulary";

type Result = SubmissionResult<string[]> | undefined;

export type SettingsDefaults = {
  enabled: boolean; mode: string; openRequestLimit: number; allowBuyerBuyer: boolean; allowSellerSeller: boolean;
  deadlineDay: string; deadlineTime: string; locationKind: string; tableCount: number;
};

export function SettingsForm({ defaults, lastResult, zone, disabled }: { defaults: SettingsDefaults; lastResult: Result; zone: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "mm-settings", lastResult, constraint: getZodConstraint(SettingsSchema),
    defaultValue: { ...defaults, enabled: defaults.enabled ? "on" : undefined, allowBuyerBuyer: defaults.allowBuyerBuyer ? "on" : undefined,
      allowSellerSeller: defaults.allowSellerSeller ? "on" : undefined, openRequestLimit: String(defaults.openRequestLimit), tableCount: String(defaults.tableCount) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }), shouldValidate: "onBlur",
  });
  const check = (meta: typeof fields.enabled, label: string) => (
    <div className="field">
      <label><input {...getInputProps(meta, { type: "checkbox" })} key={meta.key} /> {label}</label>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="card" aria-labelledby="mm-settings-title">
      <h2 id="mm-settings-title">{t("meetings.settings.title")}</h2>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="save-settings" />
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        {check(fields.enabled, t("meetings.settings.enabled"))}
        <div className="fields-inline">
          <SelectField meta={fields.mode} label={t("meetings.settings.mode")} options={MATCHMAKING_MODES.map((m) => ({ value: m, label: t(`meetings.modes.${m}`) }))} />
          <Field meta={fields.openRequestLimit} label={t("meetings.settings.open_request_limit")} type="number" inputMode="numeric" />
        </div>
        <div className="fields-inline">
          <SelectField meta={fields.locationKind} label={t("meetings.settings.location_kind")} options={LOCATION_KINDS.map((l) => ({ value: l, label: t(`meetings.locations.${l}`) }))} />
          <Field meta={fields.tableCount} label={t("meetings.settings.table_count")} type="number" inputMode="numeric" />
        </div>
        {check(fields.allowBuyerBuyer, t("meetings.settings.allow_buyer_buyer"))}
        {check(fields.allowSellerSeller, t("meetings.settings.allow_seller_seller"))}
        <p className="hint" id="deadline-hint">{t("meetings.settings.deadline_hint", { zone })}</p>
        <div className="fields-inline">
          <Field meta={fields.deadlineDay} label={t("meetings.settings.deadline_day")} type="date" optional />
          <Field meta={fields.deadlineTime} label={t("meetings.settings.deadline_time")} type="time" optional />
        </div>
        <SubmitButton>{t("common.save")}</SubmitButton>
      </fieldset>
    </Form>
  );
}

export function BlockForm({ lastResult, days, zone }: { lastResult: Result; days: string[]; zone: string }) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "mm-block", lastResult, constraint: getZodConstraint(BlockSchema),
    defaultValue: { day: days[0], startTime: "09:00", endTime: "12:00", slotMinutes: "20", breaks: "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: BlockSchema }), shouldValidate: "onBlur",
  });
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="mm-block-title">
      <h3 id="mm-block-title">{t("meetings.grid.add")}</h3>
      <p className="hint">{t("meetings.grid.intro", { zone })}</p>
      <FormErrors errors={form.errors} />
      <input type="hidden" name="intent" value="add-block" />
      <div className="fields-inline">
        <SelectField meta={fields.day} label={t("meetings.grid.day")} options={days.map((d) => ({ value: d, label: d }))} />
        <Field meta={fields.startTime} label={t("meetings.grid.start")} type="time" />
        <Field meta={fields.endTime} label={t("meetings.grid.end")} type="time" />
        <Field meta={fields.slotMinutes} label={t("meetings.grid.slot_minutes")} type="number" inputMode="numeric" />
      </div>
      <Field meta={fields.breaks} label={t("meetings.grid.breaks")} hint={t("meetings.grid.breaks_hint")} optional />
      <SubmitButton>{t("meetings.grid.add")}</SubmitButton>
    </Form>
  );
}
