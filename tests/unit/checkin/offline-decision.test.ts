import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { generateEventKeyPair, issueBadgeToken, privateKeyFromPkcs8 } from "~/badges/badge-sign.server";
import { revocationKey } from "~/badges/badge-token";
import { badgeIdCode, parseBadgeIdCode } from "~/checkin/badge-id-code";
import type { GateSync, ListRules } from "~/checkin/gates.server";
import { decideOffline, fromBase64Url, offlineContext, readBadgeIndex, type LocalScan } from "~/scanner/offline-decision";

const EVENT = randomUUID();
const RULES: ListRules = {
  allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false, kinds: null, days: null,
  opensAt: null, closesAt: null, maxEntriesPerDay: null, maxEntriesTotal: null,
};
const keys = generateEventKeyPair();
const priv = privateKeyFromPkcs8(keys.privateKeyPkcs8);
const ids = { sari: randomUUID(), budi: randomUUID(), new: randomUUID(), replaced: randomUUID() };
const code: Record<string, { token: string; seed: string }> = {};
let sync: GateSync;

beforeAll(() => {
  for (const [name, id] of Object.entries(ids)) code[name] = issueBadgeToken({ keyId: keys.keyId, eventId: EVENT, badgeId: id }, priv);
  sync = {
    event: { id: EVENT, timeZone: "Asia/Jakarta" }, device: { id: randomUUID(), name: "Gerbang A" },
    list: { id: randomUUID(), name: "Utama", rules: RULES }, keys: { [keys.keyId]: keys.publicKeyBase64url },
    revocations: [revocationKey({ badgeId: ids.replaced, seed: code.replaced!.seed })],
    badges: {
      fields: ["id", "kind", "status", "validFrom", "validUntil", "name", "organization"],
      rows: [
        [ids.sari, "exhibitor", "valid", null, null, "Sari Wulandari", "Batik Laweyan Sari"],
        [ids.budi, "buyer", "blocked", null, null, "Budi Santoso", "Hotel Kusuma"],
        [ids.replaced, "visitor", "valid", null, null, "Dewi", ""],
      ],
    },
    syncedAt: "2026-11-20T00:00:00.000Z",
  };
});

const scan = (time = "09:00:00", type: "entry" | "exit" = "entry") => ({ type, at: `2026-11-20T${time}+07:00`, nonce: randomUUID() });
const none = () => [] as LocalScan[];

describe("offline decisions on the gate phone use decideEntry with the synced data", () => {
  it("accepts a valid signed badge from the index, with its name, organization and kind", async () => {
    const res = await decideOffline(offlineContext(sync), code.sari!.token, none, scan());
    expect(res).toMatchObject({ kind: "decided", ok: true, badge: { name: "Sari Wulandari", organization: "Batik Laweyan Sari", kind: "exhibitor" } });
  });

  it("refuses a second entry as already inside, naming when and at which gate from the phone's own history", async () => {
    const history: LocalScan[] = [{ nonce: "n1", badgeId: ids.sari, type: "entry", at: "2026-11-20T08:41:05+07:00", gate: "Gerbang A" }];
    const res = await decideOffline(offlineContext(sync), code.sari!.token, () => history, scan());
    expect(res).toMatchObject({ kind: "decided", ok: false, reason: "already_inside", previous: { at: "2026-11-20T08:41:05+07:00", gate: "Gerbang A" } });
  });

  it("admits re-entry after an exit where the list allows it", async () => {
    const history: LocalScan[] = [
      { nonce: "n1", badgeId: ids.sari, type: "entry", at: "2026-11-20T08:00:00+07:00", gate: "Gerbang A" },
      { nonce: "n2", badgeId: ids.sari, type: "exit", at: "2026-11-20T08:30:00+07:00", gate: "Gerbang A" },
    ];
    expect(await decideOffline(offlineContext(sync), code.sari!.token, () => history, scan())).toMatchObject({ ok: true });
  });

  it.each([
    ["a blocked badge", () => code.budi!.token, "blocked"],
    ["a replaced code on the revocation list", () => code.replaced!.token, "revoked"],
    ["a forged code (one character changed)", () => code.sari!.token.slice(0, 60) + (code.sari!.token[60] === "A" ? "B" : "A") + code.sari!.token.slice(61), "unknown_badge"],
    ["a truncated code", () => code.sari!.token.slice(0, 120), "unknown_badge"],
    ["an unknown badge id", () => badgeIdCode(randomUUID()), "unknown_badge"],
  ])("refuses %s", async (_label, text, reason) => {
    expect(await decideOffline(offlineContext(sync), text(), none, scan())).toMatchObject({ kind: "decided", ok: false, reason });
  });

  it("refuses a valid code of another event as unknown", async () => {
    const other = issueBadgeToken({ keyId: keys.keyId, eventId: randomUUID(), badgeId: ids.sari }, priv).token;
    expect(await decideOffline(offlineContext(sync), other, none, scan())).toMatchObject({ ok: false, reason: "unknown_badge" });
  });

  it("checks in by badge id after a name search", async () => {
    expect(await decideOffline(offlineContext(sync), badgeIdCode(ids.sari), none, scan())).toMatchObject({ ok: true, badge: { name: "Sari Wulandari" } });
  });

  it("says a typed short code needs the network (short codes are not synced)", async () => {
    expect(await decideOffline(offlineContext(sync), "K7QX-M3PA", none, scan())).toEqual({ kind: "needs_network" });
  });

  it("passes a signed badge issued after the last sync only on a list open to every kind, marked unlisted", async () => {
    expect(await decideOffline(offlineContext(sync), code.new!.token, none, scan())).toMatchObject({ ok: true, unlisted: true });
    const buyersOnly = { ...sync, list: { ...sync.list, rules: { ...RULES, kinds: ["buyer" as const] } } };
    expect(await decideOffline(offlineContext(buyersOnly), code.new!.token, none, scan())).toMatchObject({ ok: false, reason: "unknown_badge" });
  });

  it("applies the list's rules offline too (wrong day)", async () => {
    const day2 = { ...sync, list: { ...sync.list, rules: { ...RULES, days: ["2026-11-21"] } } };
    expect(await decideOffline(offlineContext(day2), code.sari!.token, none, scan())).toMatchObject({ ok: false, reason: "wrong_day" });
  });
});

describe("sync data helpers", () => {
  it("reads the badge index by the field names the server sent, whatever their order", () => {
    const index = readBadgeIndex({ fields: ["name", "id", "kind", "status", "organization", "validFrom", "validUntil"] as never, rows: [["Ani", "x1", "vip", "pending", "Kadin", null, null]] as never });
    expect(index.get("x1")).toEqual({ id: "x1", kind: "vip", status: "pending", validFrom: null, validUntil: null, name: "Ani", organization: "Kadin" });
  });

  it("decodes base64url public keys to their raw bytes", () => {
    expect([...fromBase64Url(keys.publicKeyBase64url)]).toEqual([...keys.publicKey]);
  });

  it("reads badge id codes in any case and refuses anything else", () => {
    const id = randomUUID();
    expect(parseBadgeIdCode(` ${badgeIdCode(id).toUpperCase()} `)).toBe(id);
    expect(parseBadgeIdCode("ID:not-a-uuid")).toBeNull();
    expect(parseBadgeIdCode(id)).toBeNull();
  });
});
