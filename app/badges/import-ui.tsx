// The CSV preview: how many rows are ready, every problem by row and column, and confirm or cancel. The file's
// text rides along in the form, so nothing is stored until the organizer confirms.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CsvProblem } from "./badge-csv";
import { SubmitButton } from "~/components/forms";

type Preview = { fileName: string; csv: string; ready: number; problems: CsvProblem[]; problemCount: number };

export function ImportPreview({ preview, cancelTo }: { preview: Preview; cancelTo: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("badges.import.preview_heading", { file: preview.fileName || t("badges.import.unnamed") })}</h2>
      <p role="status"><strong>{t("badges.import.ready", { count: preview.ready })}</strong>
        {preview.problemCount ? ` · ${t("badges.import.with_problems", { count: preview.problemCount })}` : ""}</p>
      {preview.problems.length ? (
        <>
          <h3>{t("badges.import.problems")}</h3>
          <ul className="preview-errors small">
            {preview.problems.map((p, i) => (
              <li key={i}>
                {t("badges.import.problem", { row: p.row, column: t(`badges.import.columns.${p.column}`) })}{" "}
                <strong>{t(`badges.import.errors.${p.error}`)}</strong>
                {p.value ? <span className="muted"> ({p.value})</span> : null}
              </li>
            ))}
          </ul>
          {preview.problemCount > preview.problems.length ? <p className="small muted">{t("badges.import.more_problems", { count: preview.problemCount - preview.problems.length })}</p> : null}
        </>
      ) : null}
      {preview.ready > 0 ? (
        <Form method="post" style={{ marginTop: "1rem" }}>
          <input type="hidden" name="csv" value={preview.csv} />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <label className="check"><input type="checkbox" name="sendEmail" defaultChecked />{t("badges.import.send_email")}</label>
          <div className="row">
            <SubmitButton name="intent" value="confirm">{t("badges.import.confirm", { count: preview.ready })}</SubmitButton>
            <Link className="btn btn-secondary" to={cancelTo}>{t("common.cancel")}</Link>
          </div>
        </Form>
      ) : <p className="row"><Link className="btn btn-secondary" to={cancelTo}>{t("badges.import.fix_and_retry")}</Link></p>}
    </section>
  );
}
