import { getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fields of any schema
type Meta = FieldMetadata<any, any, string[]>;

/**
 * conform's useForm for every form of the app. conform re-renders the component that owns a form only for the
 * state that component itself read during its last render; the field components below read their errors from
 * props, and those reads did not count. Measured in Chromium: a failed client-side validation focused the first
 * field but showed no message on /orgs/new, the venue and the badge forms. Reading `allErrors` and `status` here
 * subscribes the owner to every error, so its fields re-render with their messages.
 */
export const useAppForm: typeof useForm = ((options: Parameters<typeof useForm>[0]) => {
  const [form, fields] = useForm(options);
  void form.allErrors;
  void form.status;
  return [form, fields];
}) as typeof useForm;

/** Field errors are i18n keys from the shared schemas; unknown strings (server detail) show as they are. */
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {errors.map((e) => t(e, { defaultValue: e })).join(" ")}
    </p>
  );
}

function Label({ meta, label, optional }: { meta: Meta; label: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={meta.id}>
      {label} {optional ? <span className="muted small">({t("common.optional")})</span> : null}
    </label>
  );
}

type FieldProps = {
  meta: Meta;
  label: string;
  type?: "text" | "email" | "password" | "number" | "date" | "time" | "search" | "url";
  hint?: string;
  optional?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email";
};

export function Field({ meta, label, type = "text", hint, optional, autoComplete, inputMode }: FieldProps) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <Label meta={meta} label={label} optional={optional} />
      {hint ? <p id={hintId} className="hint">{hint}</p> : null}
      <input {...props} key={props.key} autoComplete={autoComplete} inputMode={inputMode} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function TextareaField({ meta, label, hint, optional }: Omit<FieldProps, "type">) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <Label meta={meta} label={label} optional={optional} />
      {hint ? <p id={hintId} className="hint">{hint}</p> : null}
      <textarea {...props} key={props.key} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

export function SelectField({ meta, label, options, hint, optional, placeholder }: Omit<FieldProps, "type"> & {
  options: ReadonlyArray<{ value: string; label: string }>;
  placeholder?: string;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getSelectProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <Label meta={meta} label={label} optional={optional} />
      {hint ? <p id={hintId} className="hint">{hint}</p> : null}
      <select {...props} key={props.key}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  );
}

/** A submit button that shows the form is being sent (and cannot be double-submitted meanwhile). */
export function SubmitButton({ children, name, value, className = "btn" }: { children: ReactNode; name?: string; value?: string; className?: string }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && (!name || navigation.formData?.get(name) === value);
  return (
    <button type="submit" className={className} name={name} value={value} disabled={busy} aria-busy={busy}>
      {children}
    </button>
  );
}

/** Form-level errors (not tied to one field). */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div className="form-error" role="alert">
      {errors.map((e) => (
        <p key={e} style={{ margin: 0 }}>{t(e, { defaultValue: e })}</p>
      ))}
    </div>
  );
}

/**
 * A filter of a GET search form: a labelled select whose first option ("all …") sends an empty value, so the
 * server reads it as "no filter".
 */
export function FilterSelect({ id, name, label, value, allLabel, options }: {
  id?: string; name: string; label: string; value?: string | null; allLabel: string; options: ReadonlyArray<{ value: string; label: string }>;
}) {
  const selectId = id ?? `f-${name}`;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
