import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MAX_CSV_BYTES, readBadgeCsv } from "~/badges/badge-csv-read.server";
import { createImport, listImports } from "~/badges/badge-import.server";
import { ImportPreview } from "~/badges/import-ui";
import { SubmitButton } from "~/components/forms";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Impor badge · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "badge:manage");
  return { base: `/o/${org.slug}/events/${event.id}/badges`, imports: await listImports(await getDb(), event.id) };
}

const fail = (error: string) => data({ error, preview: null }, { status: 400 });

/** "preview" reads an uploaded file and saves nothing; "confirm" re-reads the same text and starts the import. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "badge:manage");
  // Refuse a huge body before reading it (the CSV itself may be at most 1 MB).
  if (Number(request.headers.get("content-length") ?? 0) > 3 * MAX_CSV_BYTES) return fail("too_large");
  const form = await request.formData();
  const intent = form.get("intent");
  const file = form.get("file");
  const text = intent === "confirm" ? String(form.get("csv") ?? "") : file instanceof File ? await file.text() : "";
  const fileName = (intent === "confirm" ? String(form.get("fileName") ?? "") : file instanceof File ? file.name : "").slice(0, 200);
  const read = readBadgeCsv(text);
  if (!read.ok) return fail(read.reason);
  if (intent !== "confirm") {
    return { error: null, preview: { fileName, csv: text, ready: read.value.rows.length, problems: read.value.problems.slice(0, 300), problemCount: read.value.problems.length } };
  }
  if (read.value.rows.length === 0) return fail("no_valid_rows");
  const created = await createImport(await getDb(), {
    eventId: event.id, organizationId: org.id, by: user.id, fileName, rows: read.value.rows.map((r) => r.row), sendEmail: form.get("sendEmail") === "on",
  });
  return redirectWithToast(`/o/${org.slug}/events/${event.id}/badges/import/${created.id}`, { type: "success", key: "badges.import.started" });
}

export default function ImportBadges() {
  const { base, imports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const preview = actionData?.preview;
  return (
    <>
      {preview ? <ImportPreview preview={preview} cancelTo={`${base}/import`} /> : (
        <Form method="post" encType="multipart/form-data" className="card" style={{ maxWidth: 720 }} aria-labelledby="upload-heading">
          <h2 id="upload-heading">{t("badges.import.heading")}</h2>
          <p className="muted small">{t("badges.import.intro")}</p>
          <pre className="small" style={{ overflowX: "auto", background: "#f6f3ee", padding: ".5rem", borderRadius: 6 }}>{t("badges.import.example")}</pre>
          {actionData?.error ? <p className="form-error" role="alert">{t(`badges.import.file.${actionData.error}`)}</p> : null}
          <div className="field">
            <label htmlFor="file">{t("badges.import.file_label")}</label>
            <p id="file-hint" className="hint">{t("badges.import.file_hint")}</p>
            <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
          </div>
          <SubmitButton name="intent" value="preview">{t("badges.import.preview")}</SubmitButton>
        </Form>
      )}
      {imports.length > 0 ? (
        <section className="card" aria-labelledby="imports-heading">
          <h3 id="imports-heading">{t("badges.import.recent")}</h3>
          <ul className="item-list">
            {imports.map((i) => (
              <li key={i.id}>
                <Link to={`${base}/import/${i.id}`}>{i.fileName || t("badges.import.unnamed")}</Link>
                <span className="small muted">{t(`badges.import.statuses.${i.status}`)} · {t("badges.import.progress", { processed: i.processed, total: i.total })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
