// The gate scanner's state: pairing, sync, online scans with an offline fallback, the upload queue and the
// result shown. Online answers come from POST /api/v1/scans; when that fails or times out the phone decides with
// decideEntry on its synced data, queues the scan (force: true) and uploads it through the batch API later.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ScanAnswer } from "~/checkin/checkin.server";
import type { BadgeKind, EntryRejection } from "~/checkin/decide-entry";
import type { GateSync } from "~/checkin/gates.server";
import { fetchSync, postBatch, postScan } from "./gate-api-client";
import { decideOffline, offlineContext, type OfflineContext } from "./offline-decision";
import * as store from "./scanner-db";
import { playResult } from "./sounds";

export type Tone = "accepted" | "refused" | "attention";
export type ScanView = {
  tone: Tone;
  type: "entry" | "exit";
  reason?: EntryRejection | "short_code_offline" | "no_data";
  badge?: { name: string; organization: string; kind: BadgeKind };
  previous?: { at: string; gate: string | null };
  offline: boolean;
  forced: boolean;
};

/** How long a result stays on screen before the scanner resumes by itself. */
export const RESULT_MS = 1200;
/** After a result the camera ignores the same code this long (the badge is still in front of it). */
const SAME_CODE_MS = 2000;
const FLUSH_EVERY_MS = 5000;
const SYNC_EVERY_MS = 60_000;
const BATCH = 500;

function viewOfAnswer(a: ScanAnswer, type: "entry" | "exit"): ScanView {
  const badge = a.badge && { name: a.badge.name, organization: a.badge.organization, kind: a.badge.kind };
  if (a.ok) return { tone: a.forced ? "attention" : "accepted", type, badge, offline: false, forced: a.forced === true };
  return { tone: "refused", type, reason: a.reason, badge, previous: a.previous, offline: false, forced: false };
}

export function useGateScanner() {
  const [token, setTokenState] = useState<string | null>(null);
  const [mounted, setMounted] = useState(false);
  const [sync, setSync] = useState<GateSync | null>(null);
  const ctx = useRef<OfflineContext | null>(null);
  const [pending, setPending] = useState(0);
  const [online, setOnline] = useState(true);
  const [revoked, setRevoked] = useState(false);
  const [paired, setPaired] = useState(false);
  const [mode, setMode] = useState<"entry" | "exit">("entry");
  const [result, setResult] = useState<ScanView | null>(null);
  const busy = useRef(false);
  const flushing = useRef(false);
  const last = useRef<{ code: string; until: number }>({ code: "", until: 0 });
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const applySync = useCallback((s: GateSync) => {
    ctx.current = offlineContext(s);
    setSync(s);
  }, []);

  const refreshSync = useCallback(async (tok: string) => {
    const res = await fetchSync(tok);
    if (res.kind === "unauthorized") return setRevoked(true);
    if (res.kind === "offline") return setOnline(false);
    setOnline(true);
    await store.saveSync(res.value);
    applySync(res.value);
  }, [applySync]);

  /** Uploads the queue in batches of 500; every answer is final (forced ones are the organizer's to review). */
  const flush = useCallback(async (tok: string) => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (;;) {
        const scans = await store.peekQueue(BATCH);
        if (scans.length === 0) break;
        const res = await postBatch(tok, scans);
        if (res.kind === "unauthorized") { setRevoked(true); break; }
        if (res.kind === "offline") { setOnline(false); break; }
        setOnline(true);
        await store.dropQueued(scans.map((s) => s.nonce));
      }
    } finally {
      flushing.current = false;
      setPending(await store.queueSize());
    }
  }, []);

  // Pairing (token in the URL fragment, never sent to the server), then the stored sync and queue.
  useEffect(() => {
    void (async () => {
      const fromLink = /^#t=(gt_[A-Za-z0-9_-]+)$/.exec(window.location.hash)?.[1];
      if (fromLink) {
        if (store.getToken() !== fromLink) await store.unpair();
        store.setToken(fromLink);
        window.history.replaceState(null, "", window.location.pathname);
        setPaired(true);
      }
      const tok = store.getToken();
      setTokenState(tok);
      setMounted(true);
      if (!tok) return;
      const saved = await store.loadSync();
      if (saved) applySync(saved);
      setPending(await store.queueSize());
      await refreshSync(tok);
      await flush(tok);
    })();
  }, [applySync, refreshSync, flush]);

  useEffect(() => {
    if (!token) return;
    const goOnline = () => { setOnline(true); void flush(token); void refreshSync(token); };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const f = setInterval(() => void store.queueSize().then((n) => { if (n > 0) void flush(token); }), FLUSH_EVERY_MS);
    const s = setInterval(() => void refreshSync(token), SYNC_EVERY_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      clearInterval(f);
      clearInterval(s);
    };
  }, [token, flush, refreshSync]);

  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    last.current.until = Date.now() + SAME_CODE_MS;
    setResult(null);
  }, []);

  const show = useCallback((view: ScanView, code: string) => {
    last.current = { code, until: Number.POSITIVE_INFINITY };
    setResult(view);
    playResult(view.tone);
    clearTimeout(timer.current);
    timer.current = setTimeout(dismiss, RESULT_MS);
  }, [dismiss]);

  const decideHere = useCallback(async (scan: store.QueuedScan, gate: string): Promise<ScanView> => {
    if (!ctx.current) return { tone: "attention", type: scan.type, reason: "no_data", offline: true, forced: false };
    const answer = await decideOffline(ctx.current, scan.code, store.historyOf, { type: scan.type, at: scan.scannedAt, nonce: scan.nonce });
    if (answer.kind === "needs_network") return { tone: "attention", type: scan.type, reason: "short_code_offline", offline: true, forced: false };
    const badge = answer.badge && { name: answer.badge.name, organization: answer.badge.organization, kind: answer.badge.kind };
    if (!answer.ok) return { tone: "refused", type: scan.type, reason: answer.reason, badge, previous: answer.previous, offline: true, forced: false };
    await store.enqueue({ ...scan, force: true });
    await store.remember({ nonce: scan.nonce, badgeId: answer.badge!.id, type: scan.type, at: scan.scannedAt, gate });
    setPending(await store.queueSize());
    const attention = answer.unlisted || answer.badge?.status === "pending";
    return { tone: attention ? "attention" : "accepted", type: scan.type, badge, offline: true, forced: false };
  }, []);

  /** One scan from the camera, the hardware scanner field or a name search. */
  const scan = useCallback(async (raw: string, source: "camera" | "field") => {
    const code = raw.trim();
    if (!code || !token || busy.current) return;
    if (source === "camera" && (result || (code === last.current.code && Date.now() < last.current.until))) return;
    busy.current = true;
    try {
      const q: store.QueuedScan = { code, type: mode, nonce: crypto.randomUUID(), scannedAt: new Date().toISOString(), force: false };
      const res = await postScan(token, q);
      if (res.kind === "unauthorized") return setRevoked(true);
      if (res.kind === "ok") {
        setOnline(true);
        const a = res.value;
        if (a.ok && a.badge) await store.remember({ nonce: q.nonce, badgeId: a.badge.id, type: q.type, at: q.scannedAt, gate: sync?.device.name ?? "" });
        show(viewOfAnswer(a, mode), code);
        return;
      }
      setOnline(false);
      show(await decideHere(q, sync?.device.name ?? ""), code);
    } finally {
      busy.current = false;
    }
  }, [token, mode, result, sync, show, decideHere]);

  const unpair = useCallback(async () => {
    await store.unpair();
    ctx.current = null;
    setTokenState(null);
    setSync(null);
    setPending(0);
  }, []);

  return {
    mounted, token, sync, index: ctx.current?.index ?? null, pending, online, revoked, paired, mode, setMode, result, dismiss, scan, unpair,
    syncNow: () => token && void flush(token).then(() => refreshSync(token)),
  };
}
