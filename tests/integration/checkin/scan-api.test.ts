import { beforeAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../../../db/index";
import { setSingleton } from "~/utils/singleton.server";
import { parseBadgeToken, revocationKey } from "~/badges/badge-token";
import { reissueBadge } from "~/badges/badges.server";
import { revokeGateDevice } from "~/checkin/gates.server";
import { updateCheckinList } from "~/checkin/gate-admin.server";
import { GATE_BATCH_LIMIT, GATE_SCAN_LIMIT } from "~/checkin/gate-api.server";
import { action as scanAction, loader as scanLoader } from "~/routes/api.v1.scans";
import { action as batchAction, loader as batchLoader } from "~/routes/api.v1.scans.batch";
import { action as syncAction, loader as syncLoader } from "~/routes/api.v1.gate.sync";
import { useTestDatabase } from "../../helpers/db";
import { apiRequest, at, callApi, makeBadge, makeDevice, makeGateEvent, makeList, NOW, scanOf } from "../../helpers/badge-factories";

const t = useTestDatabase();

let event: Awaited<ReturnType<typeof makeGateEvent>>["event"];
let listId: string;
let gateA: Awaited<ReturnType<typeof makeDevice>>;
let gateB: Awaited<ReturnType<typeof makeDevice>>;
let foreignGate: Awaited<ReturnType<typeof makeDevice>>;

beforeAll(async () => {
  ({ event } = await makeGateEvent(t.db));
  listId = await makeList(t.db, event.id, { name: "Gerbang Utama" });
  gateA = await makeDevice(t.db, event.id, listId, "Gerbang A");
  gateB = await makeDevice(t.db, event.id, listId, "Gerbang B");
  const other = await makeGateEvent(t.db, "Dekranasda Bali");
  foreignGate = await makeDevice(t.db, other.event.id, await makeList(t.db, other.event.id), "Gerbang Bali");
});

const scan = (token: string | null, body: unknown) => callApi(scanAction, apiRequest("/api/v1/scans", token, body));
const batch = (token: string | null, body: unknown) => callApi(batchAction, apiRequest("/api/v1/scans/batch", token, body));

describe("POST /api/v1/scans: answers per contract §2", () => {
  it("answers 200 JSON with ok, duplicate and the badge for an admitted entry", async () => {
    const badge = await makeBadge(t.db, event, { holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", kind: "exhibitor" });
    const res = await scan(gateA.token, scanOf(badge.qr));
    expect(res.status).toBe(200);
    expect(res.contentType).toBe("application/json; charset=utf-8");
    expect(res.body).toEqual({ ok: true, duplicate: false, badge: { id: badge.badge.id, name: "Sari Wulandari", organization: "Batik Laweyan Sari", kind: "exhibitor" } });
  });

  it("answers already_inside with previous.at in the event zone and the gate of the first entry", async () => {
    const badge = await makeBadge(t.db, event, { holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", kind: "exhibitor" });
    await scan(gateA.token, scanOf(badge.qr, { scannedAt: at("08:41:05") }));
    const res = await scan(gateB.token, { code: badge.qr, type: "entry", nonce: "2b6c-0001-abcd", scannedAt: "2026-11-20T09:02:11+07:00", force: false });
    expect(res.body).toEqual({
      ok: false, reason: "already_inside", duplicate: false,
      badge: { id: badge.badge.id, name: "Sari Wulandari", organization: "Batik Laweyan Sari", kind: "exhibitor" },
      previous: { at: "2026-11-20T08:41:05+07:00", gate: "Gerbang A" },
    });
  });

  it("answers a re-sent request with the same decision and duplicate: true", async () => {
    const badge = await makeBadge(t.db, event);
    const body = scanOf(badge.qr);
    const first = await scan(gateA.token, body);
    const again = await scan(gateA.token, body);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
  });

  it("accepts a typed short code and takes force as optional", async () => {
    const badge = await makeBadge(t.db, event);
    const { force: _force, ...body } = scanOf(` ${badge.shortCode.toLowerCase()} `);
    expect((await scan(gateA.token, body)).body).toMatchObject({ ok: true, badge: { id: badge.badge.id } });
  });

  it.each([
    ["a forged signature", (qr: string) => qr.slice(0, 120) + (qr[120] === "A" ? "B" : "A") + qr.slice(121)],
    ["a truncated code", (qr: string) => qr.slice(0, 100)],
    ["a code with an extra character", (qr: string) => qr + "A"],
    ["plain text", () => "BADGE-12345"],
    ["an empty code", () => ""],
  ])("answers unknown_badge (200, not an HTTP error) for %s", async (_name, mangle) => {
    const badge = await makeBadge(t.db, event);
    const res = await scan(gateA.token, scanOf(mangle(badge.qr)));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: false, reason: "unknown_badge", duplicate: false });
  });

  it("answers unknown_badge for a valid code of another event, and to another event's device for this event's code", async () => {
    const badge = await makeBadge(t.db, event);
    const other = await makeGateEvent(t.db, "Kadin Klaten");
    const foreign = await makeBadge(t.db, other.event);
    expect((await scan(gateA.token, scanOf(foreign.qr))).body).toEqual({ ok: false, reason: "unknown_badge", duplicate: false });
    expect((await scan(foreignGate.token, scanOf(badge.qr))).body).toEqual({ ok: false, reason: "unknown_badge", duplicate: false });
    expect((await scan(foreignGate.token, scanOf(badge.shortCode))).body).toEqual({ ok: false, reason: "unknown_badge", duplicate: false });
  });

  it("answers revoked for the old code of a reissued badge", async () => {
    const badge = await makeBadge(t.db, event);
    await reissueBadge(t.db, event.id, badge.badge.id, { now: NOW });
    expect((await scan(gateA.token, scanOf(badge.qr))).body).toMatchObject({ ok: false, reason: "revoked", badge: { id: badge.badge.id } });
  });

  it("updates the device's last_seen_at", async () => {
    const fresh = await makeDevice(t.db, event.id, listId, "Gerbang Baru");
    await t.db.updateTable("gateDevice").set({ lastSeenAt: null }).where("id", "=", fresh.id).execute();
    await scan(fresh.token, scanOf("x"));
    const row = await t.db.selectFrom("gateDevice").select("lastSeenAt").where("id", "=", fresh.id).executeTakeFirstOrThrow();
    expect(row.lastSeenAt).toBeInstanceOf(Date);
  });
});

describe("POST /api/v1/scans/batch", () => {
  it("answers { results } in order, one per scan, a refused or unknown scan failing nothing else", async () => {
    const badge = await makeBadge(t.db, event);
    const res = await batch(gateA.token, { scans: [scanOf(badge.qr), scanOf("nonsense"), scanOf(badge.qr, { scannedAt: at("09:30:00") }), scanOf(badge.qr, { type: "exit", scannedAt: at("10:00:00") })] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean; reason?: string }) => r.reason ?? "ok")).toEqual(["ok", "unknown_badge", "already_inside", "ok"]);
  });

  it("takes 500 scans and refuses 501 with a 400 naming the field", async () => {
    const scans = Array.from({ length: 500 }, () => scanOf("unknown-code"));
    expect((await batch(gateB.token, { scans })).body.results).toHaveLength(500);
    const over = await batch(gateB.token, { scans: [...scans, scanOf("x")] });
    expect(over.status).toBe(400);
    expect(over.body).toEqual({ error: "invalid_request", detail: "scans: at most 500 scans per batch" });
  });

  it("refuses the whole batch with 400 naming a scan's missing field, and records nothing", async () => {
    const badge = await makeBadge(t.db, event);
    const { nonce: _n, ...noNonce } = scanOf(badge.qr);
    const res = await batch(gateA.token, { scans: [scanOf(badge.qr), scanOf(badge.qr), scanOf(badge.qr), noNonce] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "invalid_request", detail: "scans[3].nonce: required" });
    const rows = await t.db.selectFrom("checkin").select("id").where("badgeId", "=", badge.badge.id).execute();
    expect(rows).toHaveLength(0);
  });
});

describe("bad requests answer JSON 400/405/413 naming the problem", () => {
  it.each([
    ["malformed JSON", "{\"code\": ", "body: malformed JSON"],
    ["an empty body", "", "body: required (a JSON object)"],
    ["a JSON array", [], "body: must be a JSON object"],
    ["a missing code", { type: "entry", nonce: "abcdefgh-1", scannedAt: at() }, "code: required"],
    ["a missing nonce", { code: "x", type: "entry", scannedAt: at() }, "nonce: required"],
    ["a missing scannedAt", { code: "x", type: "entry", nonce: "abcdefgh-1" }, "scannedAt: required"],
    ["a wrong type", { code: "x", type: "enter", nonce: "abcdefgh-1", scannedAt: at() }, 'type: must be "entry" or "exit"'],
    ["a short nonce", { code: "x", type: "entry", nonce: "1", scannedAt: at() }, "nonce: 8 to 128 characters from A-Z a-z 0-9 . _ : -"],
    ["a time without offset", { code: "x", type: "entry", nonce: "abcdefgh-1", scannedAt: "2026-11-20T09:00:00" }, "scannedAt: must be an ISO 8601 instant with an offset, e.g. 2026-12-13T09:02:11+07:00"],
    ["a code that is a number", { code: 42, type: "entry", nonce: "abcdefgh-1", scannedAt: at() }, "code: Expected string, received number"],
    ["force as a string", { code: "x", type: "entry", nonce: "abcdefgh-1", scannedAt: at(), force: "true" }, "force: Expected boolean, received string"],
  ])("answers 400 invalid_request for %s", async (_name, body, detail) => {
    const res = await scan(gateA.token, body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: "invalid_request", detail });
  });

  it("answers 413 for a body over the size cap", async () => {
    const res = await scan(gateA.token, JSON.stringify({ ...scanOf("x"), pad: "x".repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "payload_too_large", detail: "body: at most 16384 bytes" });
  });

  it("answers GET with 405 JSON naming the allowed method", async () => {
    for (const loader of [scanLoader, batchLoader]) {
      const res = await callApi(loader, apiRequest("/api/v1/scans", gateA.token));
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
      expect(res.body).toEqual({ error: "method_not_allowed", detail: "use POST" });
    }
    expect((await callApi(syncAction, apiRequest("/api/v1/gate/sync", gateA.token, {}))).status).toBe(405);
  });
});

describe("failures answer JSON, never HTML or a stack trace", () => {
  it("answers 503 JSON with Retry-After when the database is unavailable, and 500 JSON when a query fails", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      setSingleton("db", Promise.reject(new Error("connection refused")));
      const down = await scan(gateA.token, scanOf("x"));
      expect(down).toMatchObject({ status: 503, body: { error: "unavailable", detail: "database unavailable" } });
      expect(down.headers.get("retry-after")).toBe("5");
      const broken = createDb({ pgliteDir: "memory://" });
      await broken.destroy();
      setSingleton("db", Promise.resolve(broken));
      const failed = await scan(gateA.token, scanOf("x"));
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ error: "internal_error" });
    } finally {
      setSingleton("db", Promise.resolve(t.db));
      quiet.mockRestore();
    }
  });
});

describe("device tokens and rate limits", () => {
  it.each([
    ["no Authorization header", null, "missing bearer token"],
    ["an unknown token", "gt_bukanTokenYangBenar", "unknown device token"],
    ["a token without the gt_ prefix", "abc", "unknown device token"],
  ])("answers 401 JSON for %s", async (_name, token, detail) => {
    const res = await scan(token, scanOf("x"));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(res.body).toEqual({ error: "unauthorized", detail });
  });

  it("applies an organizer's change to a list on the device's very next scan (the device cache is cleared)", async () => {
    const list = await makeList(t.db, event.id, { name: "Hari 1 Pembeli" });
    const gate = await makeDevice(t.db, event.id, list, "Gerbang Pembeli");
    const visitor = await makeBadge(t.db, event, { kind: "visitor" });
    expect((await scan(gate.token, scanOf(visitor.qr))).body).toMatchObject({ ok: true });
    const changed = await updateCheckinList(t.db, event.id, list, { name: "Hari 1 Pembeli", kinds: ["buyer"] }, { now: NOW });
    expect(changed.ok).toBe(true);
    const other = await makeBadge(t.db, event, { kind: "visitor" });
    expect((await scan(gate.token, scanOf(other.qr))).body).toMatchObject({ ok: false, reason: "wrong_kind" });
  });

  it("answers 401 to a revoked device at once, for single scans, batches and sync", async () => {
    const lost = await makeDevice(t.db, event.id, listId, "HP Hilang");
    expect((await scan(lost.token, scanOf("x"))).status).toBe(200);
    await revokeGateDevice(t.db, event.id, lost.id, { now: NOW });
    expect(await scan(lost.token, scanOf("x"))).toMatchObject({ status: 401, body: { error: "unauthorized", detail: "device token revoked" } });
    expect((await batch(lost.token, { scans: [] })).status).toBe(401);
    expect((await callApi(syncLoader, apiRequest("/api/v1/gate/sync", lost.token))).status).toBe(401);
  });

  it("answers 429 with Retry-After once a device is over its limit, while another device behind the same address goes on", async () => {
    const busy = await makeDevice(t.db, event.id, listId, "Gerbang Sibuk");
    const calm = await makeDevice(t.db, event.id, listId, "Gerbang Tenang");
    const headers = { "x-forwarded-for": "203.0.113.7" };
    // The limit counts per fixed minute: start with enough of the minute left that the window cannot reset mid-test.
    const msLeft = 60_000 - (Date.now() % 60_000);
    if (msLeft < 15_000) await new Promise((resolve) => setTimeout(resolve, msLeft + 50));
    // Every request counts, answered or not: empty bodies (400) use up the window without database work.
    const use = async (action: typeof scanAction, path: string, count: number) => {
      for (let i = 0; i < count; i += 50) {
        const answers = await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => callApi(action, apiRequest(path, busy.token, {}, { headers }))));
        expect(answers.every((a) => a.status === 400)).toBe(true);
      }
    };
    await use(scanAction, "/api/v1/scans", GATE_SCAN_LIMIT.limit);
    const limited = await callApi(scanAction, apiRequest("/api/v1/scans", busy.token, scanOf("x"), { headers }));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body).toEqual({ error: "rate_limited", detail: "at most 600 requests per 60 s per device" });
    await use(batchAction, "/api/v1/scans/batch", GATE_BATCH_LIMIT.limit);
    expect((await callApi(batchAction, apiRequest("/api/v1/scans/batch", busy.token, { scans: [] }, { headers }))).status).toBe(429);
    expect((await callApi(scanAction, apiRequest("/api/v1/scans", calm.token, scanOf("x"), { headers }))).status).toBe(200);
  });
});

describe("GET /api/v1/gate/sync", () => {
  it("gives the device its event's public keys, revocation list, list rules and badge index, and no private or contact data", async () => {
    const other = await makeGateEvent(t.db, "Kadin Sleman");
    const list = await makeList(t.db, other.event.id, { name: "Hari 2 Buyer", kinds: ["buyer", "vip"], days: ["2026-11-21"], maxEntriesPerDay: 2 });
    const gate = await makeDevice(t.db, other.event.id, list, "Gerbang Timur");
    const sari = await makeBadge(t.db, other.event, { kind: "buyer", holderName: "Sari", organizationName: "CV Songket", email: "sari@songket.id", phone: "+6281234567890" });
    await reissueBadge(t.db, other.event.id, sari.badge.id, { now: NOW });
    const res = await callApi(syncLoader, apiRequest("/api/v1/gate/sync", gate.token));
    expect(res.status).toBe(200);
    const keys = await t.db.selectFrom("eventSigningKey").select(["keyId", "publicKey", "privateKeyPkcs8"]).where("eventId", "=", other.event.id).execute();
    expect(res.body.keys).toEqual(Object.fromEntries(keys.map((k) => [k.keyId, k.publicKey])));
    const oldCode = parseBadgeToken(sari.qr);
    if (!oldCode.ok) throw new Error("expected a badge code");
    expect(res.body.revocations).toEqual([revocationKey(oldCode.value)]);
    expect(res.body.list).toEqual({
      id: list, name: "Hari 2 Buyer",
      rules: { allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false, kinds: ["buyer", "vip"], days: ["2026-11-21"], opensAt: null, closesAt: null, maxEntriesPerDay: 2, maxEntriesTotal: null },
    });
    expect(res.body.badges).toEqual({
      fields: ["id", "kind", "status", "validFrom", "validUntil", "name", "organization"],
      rows: [[sari.badge.id, "buyer", "valid", null, null, "Sari", "CV Songket"]],
    });
    const text = JSON.stringify(res.body);
    for (const secret of [keys[0]!.privateKeyPkcs8, "sari@songket.id", "+6281234567890", sari.shortCode.replace("-", "")]) expect(text).not.toContain(secret);
  });
});
