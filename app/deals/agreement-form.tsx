import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField, useAppForm } from "~/components/forms";
import {
  AGREEMENT_KINDS, AgreementSchema, DOCUMENT_ACCEPT, EMPTY_PARTY, MAX_PARTIES, MIN_PARTIES, PARTY_KINDS, type PartyInput,
} from "./agreement.schema";
import { regionLabel } from "./agreements";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a field of the party fieldset
type Meta = FieldMetadata<any, any, string[]>;

export type RegionPick = { name: string; province: string | null; delegation: string | null };
export type AgreementDefaults = {
  title: string; kind: string; signedOn: string; place: string; scope: string;
  parties: Array<Omit<PartyInput, "kind"> & { kind: string }>;
};
export type CurrentDocument = { url: string; isPdf: boolean; size: string } | null;

/** A party's errors name the party ("Pihak 2: isi nama lembaga."): the keys take the party's number. */
function PartyErrors({ meta, n }: { meta: Meta; n: number }) {
  const { t } = useTranslation();
  if (!meta.errors?.length) return null;
  return <p id={meta.errorId} className="field-error" role="alert">{meta.errors.map((e) => t(e, { n, defaultValue: e })).join(" ")}</p>;
}

function PartyField({ meta, n, label, hint, list, autoComplete }: { meta: Meta; n: number; label: string; hint?: string; list?: string; autoComplete?: string }) {
  const { t } = useTranslation();
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type: "text", ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}{meta.name.endsWith(".name") ? null : <> <span className="muted small">({t("common.optional")})</span></>}</label>
      {hint ? <p id={hintId} className="hint">{hint}</p> : null}
      <input {...props} key={props.key} list={list} autoComplete={autoComplete ?? "off"} />
      <PartyErrors meta={meta} n={n} />
    </div>
  );
}

/**
 * The agreement form (new and edit): the agreement's fields, the parties as repeatable fieldsets (at least two;
 * add and remove rows), quick picks that fill a party's city and province from the event's cooperating regions,
 * and the signed document. Works without JavaScript too (the add/remove buttons then go through the server).
 */
export function AgreementForm({ id, defaults, regions, lastResult, submitLabel, document }: {
  id: string;
  defaults: AgreementDefaults;
  regions: RegionPick[];
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  document?: CurrentDocument;
}) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm<z.input<typeof AgreementSchema>, z.output<typeof AgreementSchema>>({
    id,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AgreementSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const parties = fields.parties.getFieldList();
  const documentProps = getInputProps(fields.document, { type: "file", ariaDescribedBy: `${fields.document.id}-hint` });
  const cities = [...new Set(regions.map((r) => r.name))];
  const provinces = [...new Set(regions.map((r) => r.province).filter((p): p is string => Boolean(p)))];
  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="agreement-form">
      <FormErrors errors={form.errors} />
      <Field meta={fields.title} label={t("agreements.form.title")} hint={t("agreements.form.title_hint")} />
      <div className="fields-inline">
        <SelectField meta={fields.kind} label={t("agreements.form.kind")} options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`agreements.kinds.${k}`) }))} />
        <Field meta={fields.signedOn} label={t("agreements.form.signed_on")} type="date" />
      </div>
      <Field meta={fields.place} label={t("agreements.form.place")} hint={t("agreements.form.place_hint")} optional />
      <TextareaField meta={fields.scope} label={t("agreements.form.scope")} hint={t("agreements.form.scope_hint")} optional />

      <h3 id={`${id}-parties`}>{t("agreements.form.parties")}</h3>
      <p className="muted small">{t("agreements.form.parties_hint")}</p>
      <ErrorList id={fields.parties.errorId} errors={fields.parties.errors} />
      {cities.length ? <datalist id={`${id}-cities`}>{cities.map((c) => <option key={c} value={c} />)}</datalist> : null}
      {provinces.length ? <datalist id={`${id}-provinces`}>{provinces.map((p) => <option key={p} value={p} />)}</datalist> : null}
      {parties.map((party, index) => {
        const f = party.getFieldset();
        const n = index + 1;
        const kindProps = getSelectProps(f.kind);
        return (
          <fieldset key={party.key} className="party" aria-describedby={party.errors?.length ? party.errorId : undefined}>
            <legend>{t("agreements.form.party", { n })}</legend>
            <div className="fields-inline">
              <PartyField meta={f.name} n={n} label={t("agreements.form.party_name")} autoComplete="organization" />
              <div className="field">
                <label htmlFor={f.kind.id}>{t("agreements.form.party_kind")}</label>
                <select {...kindProps} key={kindProps.key}>
                  {PARTY_KINDS.map((k) => <option key={k} value={k}>{t(`agreements.party_kinds.${k}`)}</option>)}
                </select>
                <PartyErrors meta={f.kind} n={n} />
              </div>
            </div>
            <div className="fields-inline">
              <PartyField meta={f.city} n={n} label={t("agreements.form.city")} list={cities.length ? `${id}-cities` : undefined} />
              <PartyField meta={f.province} n={n} label={t("agreements.form.province")} list={provinces.length ? `${id}-provinces` : undefined} />
            </div>
            {regions.length ? (
              <div className="region-picks">
                <span className="small muted">{t("agreements.form.quick_pick")}</span>
                {regions.map((r) => {
                  const label = regionLabel({ city: r.name, province: r.province ?? "" });
                  return (
                    <button key={r.name} type="button" className="chip" aria-label={t("agreements.form.quick_pick_label", { n, region: label })}
                      onClick={() => {
                        form.update({ name: f.city.name, value: r.name });
                        form.update({ name: f.province.name, value: r.province ?? "" });
                      }}>
                      {label}
                    </button>
                  );
                })}
              </div>
            ) : null}
            <div className="fields-inline">
              <PartyField meta={f.signatoryName} n={n} label={t("agreements.form.signatory_name")} autoComplete="name" />
              <PartyField meta={f.signatoryTitle} n={n} label={t("agreements.form.signatory_title")} />
            </div>
            {parties.length > MIN_PARTIES ? (
              <button {...form.remove.getButtonProps({ name: fields.parties.name, index })} className="btn btn-secondary btn-small">
                {t("agreements.form.remove_party", { n })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      {parties.length < MAX_PARTIES ? (
        <p>
          <button {...form.insert.getButtonProps({ name: fields.parties.name, defaultValue: EMPTY_PARTY })} className="btn btn-secondary">
            + {t("agreements.form.add_party")}
          </button>
        </p>
      ) : null}

      {document ? (
        <div className="field current-document">
          <p style={{ margin: "0 0 .35rem" }}>
            {t("agreements.form.document_current")} <a href={document.url}>{t("agreements.form.document_open")}</a>{" "}
            <span className="muted small">({document.isPdf ? t("agreements.form.document_pdf", { size: document.size }) : t("agreements.form.document_photo")})</span>
          </p>
          <span className="check"><input type="checkbox" id={fields.removeDocument.id} name={fields.removeDocument.name} value="on" /><label htmlFor={fields.removeDocument.id}>{t("agreements.form.remove_document")}</label></span>
        </div>
      ) : null}
      <div className="field document-field">
        <label htmlFor={fields.document.id}>{document ? t("agreements.form.document_replace") : t("agreements.form.document")} <span className="muted small">({t("common.optional")})</span></label>
        <p id={`${fields.document.id}-hint`} className="hint">{t("agreements.form.document_hint")}</p>
        <input {...documentProps} key={documentProps.key} accept={DOCUMENT_ACCEPT} />
        <ErrorList id={fields.document.errorId} errors={fields.document.errors} />
      </div>
      <div className="form-actions row" style={{ marginTop: ".75rem" }}>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
