import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleGateApiNode } from "~/checkin/gate-endpoints.server";
import { action as scanAction } from "~/routes/api.v1.scans";
import { useTestDatabase } from "../../helpers/db";
import { apiRequest, at, callApi, makeBadge, makeDevice, makeGateEvent, makeList, scanOf } from "../../helpers/badge-factories";

// The production server answers /api/v1/* from Node's request and response (server.mjs), the Remix routes through
// web Request/Response; both must give the same answers (docs/decisions/007-gate-scan-without-web-objects.md).

const t = useTestDatabase();
let server: http.Server;
let port: number;
let event: Awaited<ReturnType<typeof makeGateEvent>>["event"];
let gate: Awaited<ReturnType<typeof makeDevice>>;

beforeAll(async () => {
  ({ event } = await makeGateEvent(t.db));
  gate = await makeDevice(t.db, event.id, await makeList(t.db, event.id, { name: "Gerbang Utama" }), "Gerbang A");
  server = http.createServer((req, res) => {
    void handleGateApiNode(req, res).then((handled) => (handled ? undefined : res.writeHead(404).end("not the gate api")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw HTTP/1.1 request; `chunks` are written one by one (no Content-Length: chunked) unless `body` is given. */
function send(opts: { method?: string; path?: string; token?: string | null; body?: string; chunks?: string[]; agent?: http.Agent }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers["content-length"] = Buffer.byteLength(opts.body);
    const req = http.request({ host: "127.0.0.1", port, path: opts.path ?? "/api/v1/scans", method: opts.method ?? "POST", headers, agent: opts.agent }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c: string) => (body += c)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    for (const chunk of opts.chunks ?? []) req.write(chunk);
    req.end(opts.body);
  });
}

describe("the Node fast path answers as the Remix route does", () => {
  it.each([
    ["an admitted scan", async () => JSON.stringify(scanOf((await makeBadge(t.db, event)).qr))],
    ["malformed JSON", () => "{\"code\": "],
    ["an empty body", () => ""],
    ["a JSON array", () => "[]"],
    ["a missing nonce", () => JSON.stringify({ code: "x", type: "entry", scannedAt: at() })],
    ["a time without offset", () => JSON.stringify({ code: "x", type: "entry", nonce: "abcdefgh-1", scannedAt: "2026-11-20T09:00:00" })],
    ["force as a string", () => JSON.stringify({ ...scanOf("x"), force: "true" })],
    ["an unknown code", () => JSON.stringify(scanOf("BADGE-12345"))],
    ["a body over the cap", () => JSON.stringify({ ...scanOf("x"), pad: "x".repeat(20_000) })],
  ])("for %s", async (_name, body: () => string | Promise<string>) => {
    // Each way gets its own body (a fresh badge and nonce where there is one; else the second would be a duplicate).
    const viaNode = await send({ token: gate.token, body: await body() });
    const viaRemix = await callApi(scanAction, apiRequest("/api/v1/scans", gate.token, await body()));
    expect(viaNode.status).toBe(viaRemix.status);
    expect(viaNode.headers["content-type"]).toBe(viaRemix.contentType);
    expect(withoutBadge(JSON.parse(viaNode.body))).toEqual(withoutBadge(viaRemix.body));
  });

  it.each([
    ["no token", null, "missing bearer token"],
    ["an unknown token", "gt_bukanTokenYangBenar", "unknown device token"],
  ])("answers 401 with WWW-Authenticate for %s", async (_name, token, detail) => {
    const res = await send({ token, body: JSON.stringify(scanOf("x")) });
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer /);
    expect(JSON.parse(res.body)).toEqual({ error: "unauthorized", detail });
  });

  it("answers GET with 405 naming POST, and leaves other paths to Remix", async () => {
    const res = await send({ method: "GET", token: gate.token });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("POST");
    expect((await send({ path: "/api/v1/unknown", token: gate.token, body: "{}" })).status).toBe(404);
  });

  it("answers 413 to an oversized body sent without Content-Length, closing the connection, and the next request works", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = await send({ token: gate.token, chunks: ["{\"pad\": \"", "x".repeat(10_000), "x".repeat(10_000), "\"}"], agent });
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body)).toEqual({ error: "payload_too_large", detail: "body: at most 16384 bytes" });
      expect(big.headers.connection).toBe("close");
      const badge = await makeBadge(t.db, event);
      const next = await send({ token: gate.token, body: JSON.stringify(scanOf(badge.qr)), agent });
      expect(JSON.parse(next.body)).toMatchObject({ ok: true, duplicate: false });
    } finally {
      agent.destroy();
    }
  });
});

/** Both ways scan a badge of their own: compare everything but which badge. */
function withoutBadge(body: { badge?: unknown }) {
  return body.badge ? { ...body, badge: "…" } : body;
}
