import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { DECISION_STATUS, DECISIONS, DecideSchema, type OpenStatus } from "../curation.schema";

/**
 * Accept, waitlist or reject with a message to the applicant. The status the decider sees goes along as
 * `from`: if someone decided in between, the server refuses instead of overwriting their decision.
 */
export function DecisionForm({ status, lastResult }: { status: OpenStatus; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "decision",
    lastResult,
    defaultValue: { intent: "decide", from: status },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecideSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const choices = DECISIONS.filter((d) => DECISION_STATUS[d] !== status);
  const decisionError = `${fields.decision.id}-error`;
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="decide" />
      <input type="hidden" name="from" value={status} />
      <FormErrors errors={form.errors} />
      <fieldset aria-describedby={fields.decision.errors?.length ? decisionError : undefined}>
        <legend>{t("curation.decision.choose")}</legend>
        <div className="scale">
          {choices.map((d) => (
            <label key={d}>
              <input type="radio" name={fields.decision.name} value={d} defaultChecked={fields.decision.initialValue === d}
                aria-invalid={fields.decision.errors?.length ? true : undefined} />
              {t(`curation.decision.${d}`)}
            </label>
          ))}
        </div>
        <ErrorList id={decisionError} errors={fields.decision.errors} />
      </fieldset>
      <div className="field">
        <label htmlFor={fields.message.id}>{t("curation.decision.message")} <span className="muted small">({t("common.optional")})</span></label>
        <p id={`${fields.message.id}-hint`} className="hint">{t("curation.decision.message_hint")}</p>
        <textarea id={fields.message.id} name={fields.message.name} defaultValue={fields.message.initialValue ?? ""} maxLength={5000}
          aria-describedby={`${fields.message.id}-hint`} />
        <ErrorList id={fields.message.errorId} errors={fields.message.errors} />
      </div>
      <SubmitButton>{t("curation.decision.submit")}</SubmitButton>
    </Form>
  );
}
