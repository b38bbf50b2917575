// The gate API's endpoints (shared/formats/checkin.md §2) as plain Request → Response functions. The Remix routes
// re-export them, and the production server (server.mjs) calls them directly for /api/v1/*, skipping Remix's
// routing, which alone cost more per scan than the scan (docs/decisions/006-gate-api-fast-path.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { recordScan, recordScanBatch } from "./checkin.server";
import { parseApiBody, ScanBatchSchema, ScanSchema } from "./checkin.schema";
import {
  apiError, apiJson, BATCH_BODY_LIMIT, GATE_BATCH_LIMIT, GATE_SCAN_LIMIT, GATE_SYNC_LIMIT, gateApi, readJsonBody, SCAN_BODY_LIMIT,
} from "./gate-api.server";
import { getGateSync } from "./gates.server";

/** POST /api/v1/scans: one scan from a gate device, answered with the decision. */
export function scanEndpoint(request: Request): Promise<Response> {
  return gateApi(request, "POST", GATE_SCAN_LIMIT, async ({ db, device, now }) => {
    const body = await readJsonBody(request, SCAN_BODY_LIMIT);
    if (!body.ok) return body.response;
    const scan = parseApiBody(ScanSchema, body.value);
    if (!scan.ok) return apiError(400, "invalid_request", scan.detail);
    return apiJson(await recordScan(db, device, scan.value, now));
  });
}

/**
 * POST /api/v1/scans/batch: up to 500 queued scans, answered `{ results }` in the same order, one result per scan.
 * A malformed scan makes the whole request a 400 naming it; a refused scan is just its result.
 */
export function scanBatchEndpoint(request: Request): Promise<Response> {
  return gateApi(request, "POST", GATE_BATCH_LIMIT, async ({ db, device, now }) => {
    const body = await readJsonBody(request, BATCH_BODY_LIMIT);
    if (!body.ok) return body.response;
    const batch = parseApiBody(ScanBatchSchema, body.value);
    if (!batch.ok) return apiError(400, "invalid_request", batch.detail);
    return apiJson({ results: await recordScanBatch(db, device, batch.value.scans, now) });
  });
}

/**
 * GET /api/v1/gate/sync: what a gate phone stores for offline decisions (public keys, revocation list, list rules,
 * badge index). Never private keys, emails, phones or short codes.
 */
export function gateSyncEndpoint(request: Request): Promise<Response> {
  return gateApi(request, "GET", GATE_SYNC_LIMIT, async ({ db, device, now }) => apiJson(await getGateSync(db, device, now)));
}

const ENDPOINTS: Record<string, (request: Request) => Promise<Response>> = {
  "/api/v1/scans": scanEndpoint,
  "/api/v1/scans/batch": scanBatchEndpoint,
  "/api/v1/gate/sync": gateSyncEndpoint,
};

/**
 * Answers a gate API request straight from Node's request and response; false when the path is not one
 * (the caller hands it on to Remix).
 */
export async function handleGateApiNode(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = (req.url ?? "/").split("?", 1)[0]!.replace(/\/+$/, "");
  const endpoint = ENDPOINTS[path];
  if (!endpoint) return false;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url}`, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
  const response = await endpoint(request);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(await response.text());
  return true;
}
