import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorList, FormErrors, SubmitButton, useAppForm } from "~/components/forms";
import { ScoreSchema } from "../curation.schema";
import { SCORE_VALUES } from "../scoring";

type Props = {
  criteria: Array<{ id: string; name: string; weight: number }>;
  mine: Record<string, { score: number; comment: string }>;
  myWeighted: number | undefined;
  lastResult: SubmissionResult<string[]> | undefined;
};

/**
 * One radio group (1–5) per criterion, each a fieldset whose legend names the criterion and its weight:
 * native radios, so arrow keys move within a group and Tab moves between groups. A note per criterion.
 */
export function ScoringForm({ criteria, mine, myWeighted, lastResult }: Props) {
  const { t } = useTranslation();
  const [form, fields] = useAppForm({
    id: "scoring",
    lastResult,
    defaultValue: {
      intent: "score",
      scores: criteria.map((c) => ({ criterionId: c.id, score: mine[c.id] ? String(mine[c.id]!.score) : undefined, comment: mine[c.id]?.comment ?? "" })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ScoreSchema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const items = fields.scores.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby="scoring-heading">
      <input type="hidden" name="intent" value="score" />
      <FormErrors errors={form.errors} />
      <ErrorList id={fields.scores.errorId} errors={fields.scores.errors} />
      {criteria.map((criterion, index) => {
        const f = items[index]!.getFieldset();
        const invalid = Boolean(f.score.errors?.length || f.criterionId.errors?.length);
        const errorId = `${f.score.id}-error`;
        return (
          <fieldset key={criterion.id} className="criterion" aria-describedby={invalid ? errorId : undefined}>
            <legend>{criterion.name} <span className="muted small">({t("curation.scoring.weight", { weight: criterion.weight })})</span></legend>
            <input type="hidden" name={f.criterionId.name} value={criterion.id} />
            <div className="scale">
              {SCORE_VALUES.map((v) => (
                <label key={v}>
                  <input type="radio" name={f.score.name} value={v} defaultChecked={f.score.initialValue === String(v)}
                    aria-invalid={invalid || undefined} />
                  <span className="num">{v}</span> <span className="small">{t(`curation.scoring.scale.${v}`)}</span>
                </label>
              ))}
            </div>
            <ErrorList id={errorId} errors={[...(f.score.errors ?? []), ...(f.criterionId.errors ?? [])]} />
            <div className="field" style={{ margin: ".5rem 0 0" }}>
              <label htmlFor={f.comment.id}>
                {t("curation.scoring.comment", { criterion: criterion.name })} <span className="muted small">({t("common.optional")})</span>
              </label>
              <textarea id={f.comment.id} name={f.comment.name} defaultValue={f.comment.initialValue ?? ""} maxLength={1000} />
              <ErrorList id={f.comment.errorId} errors={f.comment.errors} />
            </div>
          </fieldset>
        );
      })}
      <div className="row">
        <SubmitButton>{t("curation.scoring.save")}</SubmitButton>
        {myWeighted !== undefined ? <span className="muted">{t("curation.scoring.mine", { score: myWeighted })}</span> : null}
      </div>
    </Form>
  );
}
