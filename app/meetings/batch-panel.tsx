// The organizer's batch panel: run the scheduler, read the preview, lock, publish.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmAction } from "~/components/ui";
import type { BatchReport } from "./batch.server";

export function BatchPanel({ counts, report, canEdit }: { counts: Record<string, number>; report?: BatchReport; canEdit: boolean }) {
  const { t } = useTranslation();
  const percent = report && report.upperBound > 0 ? ((100 * report.scheduled) / report.upperBound).toFixed(1) : "100";
  return (
    <section className="card" aria-labelledby="batch-title">
      <h2 id="batch-title">{t("meetings.batch.title")}</h2>
      <p className="small muted">{t("meetings.batch.intro")}</p>
      <p>{t("meetings.batch.counts", { scheduled: counts.scheduled ?? 0, locked: counts.locked ?? 0, published: counts.published ?? 0 })}</p>
      {canEdit ? (
        <div className="row">
          <Form method="post"><button type="submit" name="intent" value="run-batch" className="btn">{t("meetings.batch.run")}</button></Form>
          <Form method="post"><button type="submit" name="intent" value="lock-batch" className="btn btn-secondary">{t("meetings.batch.lock")}</button></Form>
          <ConfirmAction label={t("meetings.batch.publish")} intent="publish-batch" confirmText={t("meetings.batch.publish_confirm")} />
        </div>
      ) : null}
      {report ? (
        <div role="status" aria-live="polite" style={{ marginTop: "1rem" }}>
          <h3>{t("meetings.batch.result")}</h3>
          <p>{t("meetings.batch.scheduled", { scheduled: report.scheduled, bound: report.upperBound, percent, pinned: report.pinned, requests: report.requests, ms: report.ms })}</p>
          <h4>{t("meetings.batch.unscheduled")}</h4>
          {report.unscheduled.length === 0 ? <p className="muted">{t("meetings.batch.none")}</p> : (
            <ul>{report.unscheduled.slice(0, 100).map((u) => <li key={u.requestId}>{u.names}: {t(`meetings.batch.reasons.${u.reason}`)}</li>)}</ul>
          )}
          <h4>{t("meetings.batch.idle")}</h4>
          <p className="small">{t("meetings.batch.idle_total", { count: report.idleGaps })}</p>
          {report.idleByPerson.length === 0 ? <p className="muted">{t("meetings.batch.none")}</p> : (
            <ul>{report.idleByPerson.map((p) => <li key={p.name}>{p.name}: {p.gaps}</li>)}</ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
