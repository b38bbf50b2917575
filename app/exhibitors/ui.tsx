import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** An application's status as a pill; "submitted" reads "Menunggu kurasi" (waiting for curation). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const tone = status === "accepted" ? "badge badge-ok" : status === "submitted" || status === "waitlisted" ? "badge" : "badge badge-muted";
  return <span className={tone}>{t(`exhibitors.statuses.${status}`)}</span>;
}

/** Withdrawing behind a second, explicit confirmation (works without JavaScript, like ConfirmAction). */
export function WithdrawButton({ label, confirmText, confirmLabel }: { label: string; confirmText: string; confirmLabel: string }) {
  return (
    <details className="confirm">
      <summary className="btn btn-secondary" role="button">{label}</summary>
      <div className="confirm-box">
        <p style={{ margin: "0 0 .5rem" }}>{confirmText}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="withdraw" />
          <button type="submit" className="btn btn-danger">{confirmLabel}</button>
        </Form>
      </div>
    </details>
  );
}
