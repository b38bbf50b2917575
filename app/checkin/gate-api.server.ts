// The HTTP edge of the gate API (/api/v1/…): bearer device tokens, per-device rate limits, capped JSON bodies
// and JSON-only errors. It works on a small transport-neutral call (method, Authorization, a body reader) and
// answers a plain reply (status, headers, JSON text), so the Remix routes (web Request/Response) and the
// production server's fast path (Node's request/response, server.mjs) share every rule and every error shape;
// building a web Request and Response per scan cost more than the scan's own logic (docs/decisions/007-*.md).
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

/** The body as text, or `tooLarge` once more than `limit` bytes arrived (reading stops there). */
export type BodyText = { ok: true; text: string } | { ok: false; tooLarge: true };

/** One gate API request, whatever server received it. */
export type GateCall = {
  method: string;
  /** The request path, for error logs. */
  path: string;
  authorization: string | null;
  /** The Content-Length header, if any (a body declared larger than the limit is refused unread). */
  contentLength: string | null;
  readBody: (limit: number) => Promise<BodyText>;
};

/** A finished answer: status, headers and the JSON text. */
export type ApiReply = { status: number; headers: Record<string, string>; body: string };

export function apiJson(body: unknown, status = 200, headers?: Record<string, string>): ApiReply {
  return { status, headers: headers ? { ...JSON_HEADERS, ...headers } : JSON_HEADERS, body: JSON.stringify(body) };
}

/** `{ error, detail }`, the only error shape of the API. */
export function apiError(status: number, error: string, detail?: string, headers?: Record<string, string>): ApiReply {
  return apiJson(detail === undefined ? { error } : { error, detail }, status, headers);
}

/** A reply as a web Response (the Remix routes). */
export function toResponse(reply: ApiReply): Response {
  return new Response(reply.body, { status: reply.status, headers: reply.headers });
}

export function methodNotAllowed(allow: "GET" | "POST"): Response {
  return toResponse(methodNotAllowedReply(allow));
}

function methodNotAllowedReply(allow: "GET" | "POST"): ApiReply {
  return apiError(405, "method_not_allowed", `use ${allow}`, { Allow: allow });
}

type Handler = (ctx: { db: Db; device: GateDevice; now: Date }) => Promise<ApiReply>;

/**
 * Runs a gate API handler: method check, bearer device token (401), per-device rate limit (429 with
 * Retry-After), and a JSON 500/503 instead of HTML if anything throws.
 *
 * @example
 * export const scanCall = (call: GateCall) => gateApi(call, "POST", GATE_SCAN_LIMIT, async ({ db, device, now }) => apiJson(…))
 */
export async function gateApi(call: GateCall, method: "GET" | "POST", rule: RateLimitRule, handler: Handler): Promise<ApiReply> {
  if (call.method !== method) return methodNotAllowedReply(method);
  try {
    const token = bearerToken(call.authorization);
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
    console.error("[pendopo] gate api error", call.method, call.path, error);
    return apiError(500, "internal_error");
  }
}

/**
 * The parsed JSON body, read up to `limit` bytes (also without a Content-Length), or the 400/413 answer.
 * Any content type is read as JSON: hardware scanners and integrations do not always set it.
 */
export async function readJsonBody(call: GateCall, limit: number): Promise<{ ok: true; value: unknown } | { ok: false; reply: ApiReply }> {
  const tooLarge = () => ({ ok: false as const, reply: apiError(413, "payload_too_large", `body: at most ${limit} bytes`) });
  if (Number(call.contentLength ?? "0") > limit) return tooLarge();
  const body = await call.readBody(limit);
  if (!body.ok) return tooLarge();
  if (body.text.trim() === "") return { ok: false, reply: apiError(400, "invalid_request", "body: required (a JSON object)") };
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown };
  } catch {
    return { ok: false, reply: apiError(400, "invalid_request", "body: malformed JSON") };
  }
}

/** A web Request as a gate call (the Remix routes and tests). */
export function callFromRequest(request: Request): GateCall {
  return {
    method: request.method,
    path: new URL(request.url).pathname,
    authorization: request.headers.get("authorization"),
    contentLength: request.headers.get("content-length"),
    readBody: (limit) => readWebBody(request, limit),
  };
}

async function readWebBody(request: Request, limit: number): Promise<BodyText> {
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
        return { ok: false, tooLarge: true };
      }
      chunks.push(value);
    }
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}

const BEARER_RE = /^Bearer\s+(\S+)\s*$/i;

function bearerToken(header: string | null): string | null {
  const match = BEARER_RE.exec(header ?? "");
  return match ? match[1]! : null;
}

function unauthorized(detail: string): ApiReply {
  return apiError(401, "unauthorized", detail, { "WWW-Authenticate": 'Bearer realm="pendopo-gate", error="invalid_token"' });
}
