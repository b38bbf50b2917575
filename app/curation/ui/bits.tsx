import { useTranslation } from "react-i18next";

/** An application status as a coloured badge with its word (the colour is never the only signal). */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`curation.statuses.${status}`)}</span>;
}

/** A 0–100 score ("72/100"), or a muted "not scored". */
export function ScoreText({ score, partial }: { score: number | null | undefined; partial?: boolean }) {
  const { t } = useTranslation();
  if (score === null || score === undefined) return <span className="muted small">{t("curation.queue.not_scored")}</span>;
  return (
    <span className="score-pill">
      {t("curation.score_of", { score })}
      {partial ? <span className="muted small"> ({t("curation.queue.partial")})</span> : null}
    </span>
  );
}
