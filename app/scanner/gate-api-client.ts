// Browser calls of the gate API (contract §2) with the paired device's bearer token. A request that cannot
// reach the server in time is "offline", which sends the scanner to its local decision.
import type { ScanAnswer } from "~/checkin/checkin.server";
import type { GateSync } from "~/checkin/gates.server";
import type { QueuedScan } from "./scanner-db";

export type ApiOutcome<T> = { kind: "ok"; value: T } | { kind: "unauthorized" } | { kind: "offline" };

/** A scan answer must come back quickly at a queue; after this the phone decides itself. */
const SCAN_TIMEOUT_MS = 2500;

async function call<T>(token: string, path: string, init: RequestInit, timeoutMs: number): Promise<ApiOutcome<T>> {
  try {
    const res = await fetch(path, {
      ...init, cache: "no-store", signal: AbortSignal.timeout(timeoutMs),
      headers: { ...init.headers, Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    });
    if (res.status === 401) return { kind: "unauthorized" };
    if (!res.ok) return { kind: "offline" }; // 429, 5xx, a captive portal: decide locally, upload later
    return { kind: "ok", value: (await res.json()) as T };
  } catch {
    return { kind: "offline" };
  }
}

export const postScan = (token: string, scan: QueuedScan) =>
  call<ScanAnswer>(token, "/api/v1/scans", { method: "POST", body: JSON.stringify(scan) }, SCAN_TIMEOUT_MS);

export const postBatch = (token: string, scans: QueuedScan[]) =>
  call<{ results: ScanAnswer[] }>(token, "/api/v1/scans/batch", { method: "POST", body: JSON.stringify({ scans }) }, 30_000);

export const fetchSync = (token: string) => call<GateSync>(token, "/api/v1/gate/sync", { method: "GET" }, 30_000);
