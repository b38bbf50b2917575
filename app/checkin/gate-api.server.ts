// The HTTP edge of the gate API (/api/v1/…): bearer device tokens, per-device rate limits, capped JSON bodies
// and JSON-only errors. Like utils/session.server.ts this module knows about Request; the routes stay a few lines.
import { getDb, type Db } from "~/utils/db.server";
import type { RateLimitRule } from "~/utils/rate-limit.server";
import { authenticateDevice } from "./device-cache.server";
import type { GateDevice } from "./gates.server";

/** A single scan is a few hundred bytes; a batch of 500 about 200 KB. */
export const SCAN_BODY_LIMIT = 16 * 1024;
export const BATCH_BODY_LIMIT = 1024 * 1024;

// Per device, not per address: the phones of one venue share its NAT address (ecosystem.md §2.3). A gate scans
// about once a second; ten a second sustained leaves room for bursts and retries. Batches are flushes of an
// offline queue (up to 500 scans each).
export const GATE_SCAN_LIMIT: RateLimitRule = { scope: "gate:scan", limit: 600, windowSeconds: 60 };
export const GATE_BATCH_LIMIT: RateLimitRule = { scope: "gate:batch", limit: 60, windowSeconds: 60 };
export const GATE_SYNC_LIMIT: RateLimitRule = { scope: "gate:sync", limit: 30, windowSeconds: 60 };

const JSON_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
};

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

/** `{ error, detail }`, the only error shape of the API. */
export function apiError(status: number, error: string, detail?: string, headers: Record<string, string> = {}): Response {
  return apiJson(detail === undefined ? { error } : { error, detail }, status, headers);
}

export function methodNotAllowed(allow: "GET" | "POST"): Response {
  return apiError(405, "method_not_allowed", `use ${allow}`, { Allow: allow });
}

type Handler = (ctx: { db: Db; device: GateDevice; now: Date }) => Promise<Response>;

/**
 * Runs a gate API handler: method check, bearer device token (401), per-device rate limit (429 with
 * Retry-After), and a JSON 500/503 instead of HTML if anything throws.
 *
 * @example
 * export const action = ({ request }) => gateApi(request, "POST", GATE_SCAN_LIMIT, async ({ db, device, now }) => apiJson(…))
 */
export async function gateApi(request: Request, method: "GET" | "POST", rule: RateLimitRule, handler: Handler): Promise<Response> {
  if (request.method !== method) return methodNotAllowed(method);
  try {
    const token = bearerToken(request);
    if (!token) return unauthorized("missing bearer token");
    const db = await getDb();
    const now = new Date();
    const auth = await authenticateDevice(db, token, now, rule);
    if (!auth.ok) return unauthorized(auth.reason === "revoked_token" ? "device token revoked" : "unknown device token");
    const { rate, ...device } = auth.value;
    if (!rate.allowed) {
      return apiError(429, "rate_limited", `at most ${rule.limit} requests per ${rule.windowSeconds} s per device`, {
        "Retry-After": String(Math.max(1, rate.retryAfterSeconds)),
      });
    }
    return await handler({ db, device, now });
  } catch (error) {
    if (error instanceof Response && error.status === 503) return apiError(503, "unavailable", "database unavailable", { "Retry-After": "5" });
    console.error("[pendopo] gate api error", request.method, new URL(request.url).pathname, error);
    return apiError(500, "internal_error");
  }
}

/**
 * The parsed JSON body, read up to `limit` bytes (also without a Content-Length), or the 400/413 answer.
 * Any content type is read as JSON: hardware scanners and integrations do not always set it.
 */
export async function readJsonBody(request: Request, limit: number): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: apiError(413, "payload_too_large", `body: at most ${limit} bytes`) });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return { ok: false, response: apiError(400, "invalid_request", "body: required (a JSON object)") };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: apiError(400, "invalid_request", "body: malformed JSON") };
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

function unauthorized(detail: string): Response {
  return apiError(401, "unauthorized", detail, { "WWW-Authenticate": 'Bearer realm="pendopo-gate", error="invalid_token"' });
}
