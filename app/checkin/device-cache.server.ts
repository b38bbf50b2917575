// Gate device authentication for the scan API's hot path. A gate scans about once a second per device, and looking
// the token up in PostgreSQL (plus counting the request there) cost a scan a third of its database round trips.
// So an authenticated device is kept in process memory for a few seconds and its rate limit is counted here
// (docs/decisions/006-gate-api-fast-path.md: per process, not shared between instances).
import type { Executor } from "~/utils/db.server";
import { hashToken } from "~/utils/crypto.server";
import type { RateLimitRule } from "~/utils/rate-limit.server";
import { fail, ok, type Result } from "~/utils/result";
import { authenticateGateDevice, type GateDevice } from "./gates.server";

/** How long a device (its list rules, its revocation) may be stale on another app instance. */
export const DEVICE_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { value: Result<GateDevice, "revoked_token">; until: number };
const devices = new Map<string, Entry>();
const windows = new Map<string, { start: number; count: number }>();

/** Forget every cached device: call after revoking a device or changing a check-in list in this process. */
export function clearGateDeviceCache(): void {
  devices.clear();
}

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/**
 * The device of a bearer token (cached for DEVICE_CACHE_MS; unknown tokens are never cached) and whether this
 * request is within the device's limit for `rule` (a fixed window counted in this process).
 */
export async function authenticateDevice(
  db: Executor, token: string, now: Date, rule: RateLimitRule,
): Promise<Result<GateDevice & { rate: RateDecision }, "unknown_token" | "revoked_token">> {
  const key = hashToken(token);
  let entry = devices.get(key);
  if (!entry || entry.until <= now.getTime()) {
    const auth = await authenticateGateDevice(db, token, now);
    if (!auth.ok && auth.reason === "unknown_token") return fail("unknown_token");
    if (devices.size >= MAX_ENTRIES) devices.clear();
    entry = { value: auth.ok ? ok(withoutRate(auth.value)) : fail("revoked_token"), until: now.getTime() + DEVICE_CACHE_MS };
    devices.set(key, entry);
  }
  if (!entry.value.ok) return entry.value;
  return ok({ ...entry.value.value, rate: countRequest(`${rule.scope}:${entry.value.value.id}`, rule, now) });
}

function withoutRate<T extends { rate?: unknown }>(device: T): Omit<T, "rate"> {
  const { rate: _rate, ...rest } = device;
  return rest;
}

function countRequest(key: string, rule: RateLimitRule, now: Date): RateDecision {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  let window = windows.get(key);
  if (!window || window.start !== start) {
    if (windows.size >= MAX_ENTRIES) windows.clear();
    window = { start, count: 0 };
    windows.set(key, window);
  }
  window.count += 1;
  return { allowed: window.count <= rule.limit, retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
}
