// The gate API's endpoints (shared/formats/checkin.md §2) as GateCall → ApiReply functions. The Remix routes call
// them through a web Request and Response, and the production server (server.mjs) straight from Node's request
// and response, skipping Remix's routing and the web objects, which cost more per scan than the scan
// (docs/decisions/006-gate-api-fast-path.md, 007-gate-scan-without-web-objects.md).
import type { IncomingMessage, ServerResponse } from "node:http";
import { recordScan, recordScanBatch } from "./checkin.server";
import { parseApiBody, parseScan, ScanBatchSchema } from "./checkin.schema";
import {
  apiError, apiJson, BATCH_BODY_LIMIT, callFromRequest, GATE_BATCH_LIMIT, GATE_SCAN_LIMIT, GATE_SYNC_LIMIT, gateApi, readJsonBody,
  SCAN_BODY_LIMIT, toResponse, type ApiReply, type BodyText, type GateCall,
} from "./gate-api.server";
import { getGateSync } from "./gates.server";

/** POST /api/v1/scans: one scan from a gate device, answered with the decision. */
function scanCall(call: GateCall): Promise<ApiReply> {
  return gateApi(call, "POST", GATE_SCAN_LIMIT, async ({ db, device, now }) => {
    const body = await readJsonBody(call, SCAN_BODY_LIMIT);
    if (!body.ok) return body.reply;
    const scan = parseScan(body.value);
    if (!scan.ok) return apiError(400, "invalid_request", scan.detail);
    return apiJson(await recordScan(db, device, scan.value, now));
  });
}

/**
 * POST /api/v1/scans/batch: up to 500 queued scans, answered `{ results }` in the same order, one result per scan.
 * A malformed scan makes the whole request a 400 naming it; a refused scan is just its result.
 */
function scanBatchCall(call: GateCall): Promise<ApiReply> {
  return gateApi(call, "POST", GATE_BATCH_LIMIT, async ({ db, device, now }) => {
    const body = await readJsonBody(call, BATCH_BODY_LIMIT);
    if (!body.ok) return body.reply;
    const batch = parseApiBody(ScanBatchSchema, body.value);
    if (!batch.ok) return apiError(400, "invalid_request", batch.detail);
    return apiJson({ results: await recordScanBatch(db, device, batch.value.scans, now) });
  });
}

/**
 * GET /api/v1/gate/sync: what a gate phone stores for offline decisions (public keys, revocation list, list rules,
 * badge index). Never private keys, emails, phones or short codes.
 */
function gateSyncCall(call: GateCall): Promise<ApiReply> {
  return gateApi(call, "GET", GATE_SYNC_LIMIT, async ({ db, device, now }) => apiJson(await getGateSync(db, device, now)));
}

export const scanEndpoint = async (request: Request) => toResponse(await scanCall(callFromRequest(request)));
export const scanBatchEndpoint = async (request: Request) => toResponse(await scanBatchCall(callFromRequest(request)));
export const gateSyncEndpoint = async (request: Request) => toResponse(await gateSyncCall(callFromRequest(request)));

const CALLS: Record<string, (call: GateCall) => Promise<ApiReply>> = {
  "/api/v1/scans": scanCall,
  "/api/v1/scans/batch": scanBatchCall,
  "/api/v1/gate/sync": gateSyncCall,
};

/**
 * Answers a gate API request straight from Node's request and response; false when the path is not one
 * (the caller hands it on to Remix).
 */
export async function handleGateApiNode(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const path = (query < 0 ? url : url.slice(0, query)).replace(/\/+$/, "");
  const endpoint = CALLS[path];
  if (!endpoint) return false;
  const authorization = req.headers.authorization;
  const contentLength = req.headers["content-length"];
  let overflowed = false;
  const reply = await endpoint({
    method: req.method ?? "GET",
    path,
    authorization: authorization ?? null,
    contentLength: contentLength ?? null,
    readBody: (limit) => readNodeBody(req, limit).then((body) => ((overflowed = !body.ok), body)),
  });
  // A known length lets Node send headers and body in one plain write instead of chunked framing. An unread rest
  // of an oversized body would be parsed as the next request on this connection: close it.
  const headers: Record<string, string | number> = { ...reply.headers, "Content-Length": Buffer.byteLength(reply.body) };
  if (overflowed) headers.Connection = "close";
  res.writeHead(reply.status, headers);
  res.end(reply.body);
  return true;
}

/** The body of a Node request as UTF-8 text, or tooLarge as soon as more than `limit` bytes arrived. */
function readNodeBody(req: IncomingMessage, limit: number): Promise<BodyText> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd).off("error", reject);
      req.resume(); // discard the rest; the answer closes the connection
      resolve({ ok: false, tooLarge: true });
    };
    const onEnd = () => resolve({ ok: true, text: chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks).toString("utf8") });
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}
