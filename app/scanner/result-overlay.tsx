import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatTime } from "~/utils/time";
import type { ScanView } from "./use-gate-scanner";

const WORD = { accepted: "gate.scanner.accepted", refused: "gate.scanner.refused", attention: "gate.scanner.attention" } as const;

/** A big icon (never colour alone, WCAG 1.4.1): a tick, a cross or an exclamation mark. */
function ResultIcon({ tone }: { tone: ScanView["tone"] }) {
  const path = tone === "accepted" ? "M14 33 26 45 50 19" : tone === "refused" ? "M18 18 46 46M46 18 18 46" : "M32 14v24M32 48v2";
  return (
    <svg className="result-icon" viewBox="0 0 64 64" aria-hidden="true">
      <circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" strokeWidth="5" />
      <path d={path} fill="none" stroke="currentColor" strokeWidth="7" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The full-screen result: colour, icon and word (DITERIMA / DITOLAK / PERHATIAN), who it is, why it was refused,
 * and for a repeat scan when and at which gate the badge was first used. Enter, Escape or the button resume;
 * typing (the next badge from a keyboard-wedge scanner) resumes too and keeps the characters.
 */
export function ResultOverlay({ view, timeZone, onDone, onType }: { view: ScanView; timeZone: string; onDone: () => void; onType: (char: string) => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const word = view.tone === "accepted" && view.type === "exit" ? t("gate.scanner.exit_ok") : t(WORD[view.tone]);
  const previous = view.previous
    ? view.previous.gate
      ? t("gate.scanner.first_used", { time: formatTime(view.previous.at, timeZone, locale), gate: view.previous.gate })
      : t("gate.scanner.first_used_here", { time: formatTime(view.previous.at, timeZone, locale) })
    : null;
  return (
    <div className={`scan-result scan-${view.tone}`} role="alertdialog" aria-modal="true" aria-labelledby="scan-word" aria-describedby="scan-detail"
      onKeyDown={(e) => {
        if (e.key === "Escape" || e.key === "Enter") onDone();
        // A hardware scanner typing the next badge: close the result and keep its characters.
        else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); onType(e.key); }
      }}>
      <ResultIcon tone={view.tone} />
      <p id="scan-word" className="scan-word">{word}</p>
      <div id="scan-detail" className="scan-detail">
        {view.reason ? <p className="scan-reason">{t(view.reason === "short_code_offline" ? "gate.scanner.short_code_offline" : view.reason === "no_data" ? "gate.scanner.never_synced" : `gate.reasons.${view.reason}`)}</p> : null}
        {view.badge?.name ? <p className="scan-name">{view.badge.name}</p> : null}
        {view.badge?.organization ? <p className="scan-org">{view.badge.organization}</p> : null}
        {view.badge ? <p className="scan-kind">{t(`gate.kinds.${view.badge.kind}`)}</p> : null}
        {previous ? <p className="scan-previous">{previous}</p> : null}
        {view.forced ? <p className="scan-note">{t("gate.scanner.forced_note")}</p> : null}
        {view.offline && view.tone !== "refused" && !view.reason ? <p className="scan-note">{t("gate.scanner.offline_note")}</p> : null}
      </div>
      <button ref={button} type="button" className="btn scan-next" onClick={onDone}>{t("gate.scanner.next")}</button>
      <p className="scan-hint">{t("gate.scanner.resume_hint")}</p>
    </div>
  );
}
