import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { badgeIdCode } from "~/checkin/badge-id-code";
import { BADGE_TOKEN_PREFIX } from "~/badges/badge-token";
import { isShortCode } from "~/badges/short-code";
import { startCamera } from "~/scanner/camera";
import { ResultOverlay } from "~/scanner/result-overlay";
import scannerStyles from "~/scanner/scanner.css";
import { unlockAudio } from "~/scanner/sounds";
import { useGateScanner } from "~/scanner/use-gate-scanner";
import { formatTime } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scannerStyles }];
export const meta: MetaFunction = () => [{ title: "Pemindai gerbang · Pendopo" }, { name: "robots", content: "noindex" }];
/** Full screen: no site header or footer (root.tsx). */
export const handle = { bare: true };

/** The scanner has no loader: it is public, authenticated by the paired device's token in the browser. */
export default function GateScanner() {
  const s = useGateScanner();
  const { t } = useTranslation();
  useEffect(() => {
    if ("serviceWorker" in navigator) void registerServiceWorker();
    const unlock = () => unlockAudio();
    window.addEventListener("pointerdown", unlock);
    window.addEventListener("keydown", unlock);
    return () => { window.removeEventListener("pointerdown", unlock); window.removeEventListener("keydown", unlock); };
  }, []);
  if (!s.mounted) return <div className="scanner" aria-busy="true" />;
  if (!s.token || s.revoked) {
    return (
      <div className="scanner scanner-unpaired">
        <h1>{s.revoked ? t("gate.scanner.revoked_device") : t("gate.scanner.not_paired")}</h1>
        <p>{t("gate.scanner.not_paired_hint")}</p>
        {s.revoked ? <button type="button" className="btn btn-secondary" onClick={() => void s.unpair()}>{t("gate.scanner.unpair")}</button> : null}
      </div>
    );
  }
  return <PairedScanner s={s} />;
}

function PairedScanner({ s }: { s: ReturnType<typeof useGateScanner> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const zone = s.sync?.event.timeZone ?? "Asia/Jakarta";
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  useKeyboardWedge(input, !s.result);
  useEffect(() => { if (!s.result) input.current?.focus(); }, [s.result]);
  const matches = useNameSearch(s.index, text);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = text.trim();
    const looksLikeCode = (code.toUpperCase().startsWith(BADGE_TOKEN_PREFIX) && code.length > 100) || isShortCode(code) || /^id:/i.test(code);
    const pick = looksLikeCode ? code : matches?.length === 1 ? badgeIdCode(matches[0]!.id) : null;
    if (!pick) return;
    setText("");
    void s.scan(pick, "field");
  };
  return (
    <div className="scanner">
      <header className="scanner-bar">
        <div className="scanner-gate">
          <h1>{s.sync ? t("gate.scanner.paired_as", { gate: s.sync.device.name, list: s.sync.list.name }) : t("gate.scanner.title")}</h1>
          <p className="scanner-status">
            <span className={`pill ${s.online ? "pill-ok" : "pill-off"}`}>{s.online ? t("gate.scanner.online") : t("gate.scanner.offline")}</span>{" "}
            <span className={`pill ${s.pending > 0 ? "pill-warn" : ""}`} data-testid="pending" role="status">
              {s.pending > 0 ? t("gate.scanner.pending_count", { count: s.pending }) : t("gate.scanner.all_sent")}
            </span>
          </p>
        </div>
        <div className="mode-toggle" role="group" aria-label={t("gate.scanner.mode")}>
          {(["entry", "exit"] as const).map((m) => (
            <button key={m} type="button" aria-pressed={s.mode === m} onClick={() => s.setMode(m)}>{t(`gate.scanner.${m}`)}</button>
          ))}
        </div>
      </header>
      {s.paired && s.sync ? <p className="scanner-paired" role="status">{t("gate.scanner.pair_ok", { gate: s.sync.device.name })}</p> : null}
      <Camera onCode={(code) => void s.scan(code, "camera")} />
      <form className="scanner-field" onSubmit={submit} role="search">
        <label htmlFor="code">{t("gate.scanner.code_label")}</label>
        <p id="code-hint" className="hint">{t("gate.scanner.code_hint")}</p>
        <div className="row">
          <input ref={input} id="code" name="code" type="text" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off"
            autoCorrect="off" spellCheck={false} enterKeyHint="go" aria-describedby="code-hint" autoFocus />
          <button type="submit" className="btn">{t("gate.scanner.check")}</button>
        </div>
      </form>
      {matches ? (
        <section aria-label={t("gate.scanner.search_results")}>
          {matches.length === 0 ? <p className="muted">{t("gate.scanner.no_match")}</p> : (
            <ul className="scanner-matches">
              {matches.map((b) => (
                <li key={b.id}>
                  <button type="button" onClick={() => { setText(""); void s.scan(badgeIdCode(b.id), "field"); }}>
                    <strong>{b.name}</strong> <span>{[b.organization, t(`gate.kinds.${b.kind}`)].filter(Boolean).join(" · ")}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <footer className="scanner-foot small">
        <p>{s.sync ? t("gate.scanner.synced", { count: s.sync.badges.rows.length, time: formatTime(s.sync.syncedAt, zone, locale) }) : t("gate.scanner.never_synced")}</p>
        <div className="row">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => s.syncNow()}>{t("gate.scanner.sync_now")}</button>
          <details className="confirm">
            <summary className="btn btn-secondary btn-small" role="button">{t("gate.scanner.unpair")}</summary>
            <div className="confirm-box">
              <p>{t("gate.scanner.unpair_confirm")}</p>
              <button type="button" className="btn btn-danger btn-small" onClick={() => void s.unpair()}>{t("common.confirm_delete")}</button>
            </div>
          </details>
        </div>
      </footer>
      {s.result ? <ResultOverlay view={s.result} timeZone={zone} onDone={s.dismiss} onType={(c) => { s.dismiss(); setText((x) => x + c); }} /> : null}
    </div>
  );
}

/** Registers the offline cache and hands it the build files this page already loaded (they came before it). */
async function registerServiceWorker() {
  try {
    await navigator.serviceWorker.register("/gate-sw.js", { scope: "/gate" });
    const reg = await navigator.serviceWorker.ready;
    const urls = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => new URL(u).pathname.startsWith("/build/"));
    reg.active?.postMessage({ cache: urls });
  } catch {
    // No service worker (private mode, old browser): the scanner still works while the page stays open.
  }
}

/** The camera view with its on/off button; starts by itself when camera permission was already given. */
function Camera({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const stop = useRef<(() => void) | null>(null);
  const handler = useRef(onCode);
  handler.current = onCode;
  const [state, setState] = useState<"off" | "on" | "denied">("off");
  const start = async () => {
    try {
      stop.current = await startCamera(video.current!, (code) => handler.current(code));
      setState("on");
    } catch {
      setState("denied");
    }
  };
  const toggle = () => {
    if (state === "on") { stop.current?.(); stop.current = null; setState("off"); } else void start();
  };
  useEffect(() => {
    void navigator.permissions?.query({ name: "camera" as PermissionName }).then((p) => { if (p.state === "granted") void start(); }, () => {});
    return () => stop.current?.();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once per page
  return (
    <section className={`scanner-camera cam-${state}`} aria-label={t("gate.scanner.camera_label")}>
      <video ref={video} muted playsInline aria-hidden="true" />
      {state === "on" ? <p className="cam-hint">{t("gate.scanner.camera_hint")}</p> : null}
      {state === "denied" ? <p className="cam-hint" role="alert">{t("gate.scanner.camera_denied")}</p> : null}
      <button type="button" className="btn btn-secondary cam-toggle" onClick={toggle}>{state === "on" ? t("gate.scanner.camera_stop") : t("gate.scanner.camera_start")}</button>
    </section>
  );
}

/** Keys typed while nothing has focus (a hardware scanner after a tap elsewhere) go to the code field. */
function useKeyboardWedge(input: React.RefObject<HTMLInputElement>, active: boolean) {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && (document.activeElement === document.body || document.activeElement === null)) input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [input, active]);
}

/** Up to 8 badges whose name or organization contains the text (2+ letters, not a QR text); null when not searching. */
function useNameSearch(index: ReturnType<typeof useGateScanner>["index"], text: string) {
  return useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!index || q.length < 2 || (q.toUpperCase().startsWith(BADGE_TOKEN_PREFIX) && q.length > 20) || q.startsWith("id:")) return null;
    const found = [];
    for (const b of index.values()) {
      if (b.name.toLowerCase().includes(q) || b.organization.toLowerCase().includes(q)) found.push(b);
      if (found.length >= 8) break;
    }
    return found;
  }, [index, text]);
}
