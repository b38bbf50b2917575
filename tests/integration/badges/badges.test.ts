import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { nodeVerify } from "~/badges/badge-sign.server";
import { parseBadgeToken, revocationKey, verifyBadgeToken } from "~/badges/badge-token";
import {
  badgeQrText, ensureEventKey, getBadge, getPublicKeys, issueBadge, listRevocations, reissueBadge, rotateEventKey, setBadgeStatus,
} from "~/badges/badges.server";
import { createCheckinList, createGateDevice, revokeGateDevice } from "~/checkin/gates.server";
import { hashToken } from "~/utils/crypto.server";
import { useTestDatabase } from "../../helpers/db";
import { makeBadge, makeExhibitorStaff, makeGateEvent, makeList, NOW } from "../../helpers/badge-factories";

const t = useTestDatabase();

const publicKeysOf = async (eventId: string) =>
  Object.fromEntries(Object.entries(await getPublicKeys(t.db, eventId)).map(([id, b64]) => [id, new Uint8Array(Buffer.from(b64, "base64url"))]));

const seedOf = (qr: string) => {
  const parsed = parseBadgeToken(qr);
  if (!parsed.ok) throw new Error("not a badge code");
  return parsed.value;
};

async function auditActions(eventId: string) {
  const rows = await t.db.selectFrom("auditLog").select(["action", "data"]).where("eventId", "=", eventId).orderBy("id").execute();
  return rows;
}

describe("issuing badges", () => {
  it("issues a signed code for the event that verifies offline with the event's public keys, and an 8-character short code", async () => {
    const { event } = await makeGateEvent(t.db);
    const res = await issueBadge(t.db, event, { kind: "buyer", holderName: " Sari Wulandari ", organizationName: "Batik Laweyan Sari", email: "Sari@Batik.ID" }, { now: NOW });
    if (!res.ok) throw new Error(res.reason);
    const { badge, qr, shortCode } = res.value;
    expect(badge).toMatchObject({ eventId: event.id, kind: "buyer", status: "valid", holderName: "Sari Wulandari", email: "sari@batik.id", locale: "id" });
    expect(shortCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}-[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{4}$/);
    expect(await verifyBadgeToken(qr, await publicKeysOf(event.id), nodeVerify, { eventId: event.id })).toMatchObject({ ok: true, value: { badgeId: badge.id, eventId: event.id } });
    expect(await badgeQrText(t.db, event.id, badge.id)).toBe(qr);
    expect(await getBadge(t.db, event.id, badge.id)).toEqual(badge);
  });

  it("draws another short code when the first one is taken in the event", async () => {
    const { event } = await makeGateEvent(t.db);
    const same = () => new Uint8Array(8).fill(7);
    const first = await issueBadge(t.db, event, { kind: "visitor", holderName: "Agus" }, { now: NOW, random: same });
    let calls = 0;
    const second = await issueBadge(t.db, event, { kind: "visitor", holderName: "Dewi" }, { now: NOW, random: (n) => (calls++ === 0 ? same() : new Uint8Array(n).fill(9)) });
    if (!first.ok || !second.ok) throw new Error("expected both badges");
    expect(calls).toBe(2);
    expect(second.value.shortCode).not.toBe(first.value.shortCode);
  });

  it("refuses invalid input with the field named", async () => {
    const { event } = await makeGateEvent(t.db);
    expect(await issueBadge(t.db, event, { kind: "visitor", holderName: "" }, { now: NOW })).toMatchObject({ ok: false, reason: "invalid", detail: expect.stringMatching(/^holderName:/) });
    expect(await issueBadge(t.db, event, { kind: "visitor", holderName: "Agus", phone: "0812345" }, { now: NOW })).toMatchObject({ ok: false, reason: "invalid", detail: expect.stringMatching(/^phone:/) });
    expect(await issueBadge(t.db, event, { kind: "visitor", holderName: "Agus", validFrom: "2026-11-21T00:00:00Z", validUntil: "2026-11-20T00:00:00Z" }, { now: NOW }))
      .toMatchObject({ ok: false, reason: "invalid", detail: expect.stringMatching(/^validUntil:/) });
  });

  it("links a badge to booth staff of this event only, one live badge per staff member", async () => {
    const { event } = await makeGateEvent(t.db);
    const other = await makeGateEvent(t.db, "Dinas Kudus");
    const staffId = await makeExhibitorStaff(t.db, event.id, "Rina Lestari");
    const foreignStaff = await makeExhibitorStaff(t.db, other.event.id, "Made Wicaksono");
    const first = await issueBadge(t.db, event, { kind: "exhibitor", holderName: "Rina Lestari", exhibitorStaffId: staffId }, { now: NOW });
    expect(first).toMatchObject({ ok: true, value: { badge: { exhibitorStaffId: staffId } } });
    expect(await issueBadge(t.db, event, { kind: "exhibitor", holderName: "Rina", exhibitorStaffId: staffId }, { now: NOW })).toMatchObject({ ok: false, reason: "staff_has_badge" });
    expect(await issueBadge(t.db, event, { kind: "exhibitor", holderName: "Made", exhibitorStaffId: foreignStaff }, { now: NOW })).toMatchObject({ ok: false, reason: "staff_not_found" });
    if (!first.ok) throw new Error(first.reason);
    await setBadgeStatus(t.db, event.id, first.value.badge.id, { action: "revoke", reason: "Ganti staf", now: NOW });
    expect(await issueBadge(t.db, event, { kind: "exhibitor", holderName: "Rina Lestari", exhibitorStaffId: staffId }, { now: NOW })).toMatchObject({ ok: true });
  });

  it("has no column for NIK or NPWP on any badge or gate table", async () => {
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_name in ('badge', 'badge_revocation', 'checkin', 'checkin_list', 'gate_device', 'event_signing_key')`.execute(t.db);
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => /nik|npwp|ktp/i.test(r.column_name))).toEqual([]);
  });
});

describe("event signing keys", () => {
  it("creates one active key per event even when many badges are issued at once", async () => {
    const { event } = await makeGateEvent(t.db);
    const issued = await Promise.all(Array.from({ length: 8 }, (_, i) => makeBadge(t.db, event, { holderName: `Peserta ${i}` })));
    expect(Object.keys(await getPublicKeys(t.db, event.id))).toHaveLength(1);
    expect(new Set(issued.map((b) => seedOf(b.qr).keyId)).size).toBe(1);
  });

  it("keeps a retired key's public key for verification and signs new codes with the new key", async () => {
    const { event } = await makeGateEvent(t.db);
    const old = await makeBadge(t.db, event);
    const rotated = await t.db.transaction().execute((trx) => rotateEventKey(trx, event.id, NOW));
    const fresh = await makeBadge(t.db, event);
    expect(Object.keys(await getPublicKeys(t.db, event.id)).sort()).toEqual([rotated.keyId, rotated.retiredKeyId].sort());
    expect(seedOf(old.qr).keyId).toBe(rotated.retiredKeyId);
    expect(seedOf(fresh.qr).keyId).toBe(rotated.keyId);
    expect((await ensureEventKey(t.db, event.id)).keyId).toBe(rotated.keyId);
    expect(await verifyBadgeToken(old.qr, await publicKeysOf(event.id), nodeVerify)).toMatchObject({ ok: true });
    expect(await badgeQrText(t.db, event.id, old.badge.id)).toBe(old.qr);
  });

  it("gives devices only key ids and base64url public keys", async () => {
    const { event } = await makeGateEvent(t.db);
    await makeBadge(t.db, event);
    const keys = await getPublicKeys(t.db, event.id);
    for (const [id, key] of Object.entries(keys)) {
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });
});

describe("reissuing and status changes", () => {
  it("reissues with a new random part and short code, and puts the old code on the revocation list in the same transaction", async () => {
    const { event } = await makeGateEvent(t.db);
    const badge = await makeBadge(t.db, event);
    const again = await reissueBadge(t.db, event.id, badge.badge.id, { now: NOW });
    if (!again.ok) throw new Error(again.reason);
    expect(seedOf(again.value.qr).seed).not.toBe(seedOf(badge.qr).seed);
    expect(again.value.shortCode).not.toBe(badge.shortCode);
    expect(await listRevocations(t.db, event.id)).toEqual([revocationKey(seedOf(badge.qr))]);
    expect(await listRevocations(t.db, event.id, new Date(NOW.getTime() + 1))).toEqual([]);
    expect((await auditActions(event.id)).map((r) => r.action)).toContain("badge.reissued");
  });

  it("rolls the reissue back whole when the caller's transaction fails", async () => {
    const { event } = await makeGateEvent(t.db);
    const badge = await makeBadge(t.db, event);
    await expect(t.db.transaction().execute(async (trx) => {
      await reissueBadge(trx, event.id, badge.badge.id, { now: NOW });
      throw new Error("printer on fire");
    })).rejects.toThrow("printer on fire");
    expect(await listRevocations(t.db, event.id)).toEqual([]);
    expect(await badgeQrText(t.db, event.id, badge.badge.id)).toBe(badge.qr);
  });

  it("refuses to reissue a revoked badge and answers not_found for another event's badge", async () => {
    const { event } = await makeGateEvent(t.db);
    const other = await makeGateEvent(t.db, "Kadin Jepara");
    const badge = await makeBadge(t.db, event);
    expect(await reissueBadge(t.db, other.event.id, badge.badge.id, { now: NOW })).toEqual({ ok: false, reason: "not_found" });
    await setBadgeStatus(t.db, event.id, badge.badge.id, { action: "revoke", reason: "Pembatalan", now: NOW });
    expect(await reissueBadge(t.db, event.id, badge.badge.id, { now: NOW })).toEqual({ ok: false, reason: "revoked" });
  });

  it("revokes for good (revocation list, audit with reason), blocks and unblocks, approves pending", async () => {
    const { event } = await makeGateEvent(t.db);
    const a = await makeBadge(t.db, event);
    const b = await makeBadge(t.db, event, { status: "pending" });
    expect(await setBadgeStatus(t.db, event.id, a.badge.id, { action: "block", reason: "Kartu hilang", now: NOW })).toEqual({ ok: true, value: { status: "blocked" } });
    expect(await setBadgeStatus(t.db, event.id, a.badge.id, { action: "unblock", now: NOW })).toEqual({ ok: true, value: { status: "valid" } });
    expect(await setBadgeStatus(t.db, event.id, b.badge.id, { action: "approve", now: NOW })).toEqual({ ok: true, value: { status: "valid" } });
    expect(await setBadgeStatus(t.db, event.id, a.badge.id, { action: "revoke", reason: "Data ganda", now: NOW })).toEqual({ ok: true, value: { status: "revoked" } });
    expect(await setBadgeStatus(t.db, event.id, a.badge.id, { action: "unblock", now: NOW })).toEqual({ ok: false, reason: "invalid_transition", detail: "revoked" });
    expect(await setBadgeStatus(t.db, event.id, b.badge.id, { action: "block", reason: "  ", now: NOW })).toEqual({ ok: false, reason: "reason_required" });
    expect(await listRevocations(t.db, event.id)).toEqual([revocationKey(seedOf(a.qr))]);
    expect((await getBadge(t.db, event.id, a.badge.id))?.status).toBe("revoked");
    const audit = await auditActions(event.id);
    expect(audit.map((r) => r.action).filter((x) => x !== "badge.issued")).toEqual(["badge.blocked", "badge.unblocked", "badge.approved", "badge.revoked"]);
    expect(audit.at(-1)?.data).toEqual({ from: "valid", to: "revoked", reason: "Data ganda" });
  });
});

describe("check-in lists and gate devices", () => {
  it("creates a list with the contract's rules and refuses a duplicate name or bad rules", async () => {
    const { event } = await makeGateEvent(t.db);
    const created = await createCheckinList(t.db, event.id, {
      name: "Hari 1 – Buyer", kinds: ["buyer", "vip", "buyer"], days: ["2026-11-21", "2026-11-20"], opensAt: "2026-11-20T01:00:00Z", closesAt: "2026-11-21T10:00:00Z", maxEntriesPerDay: 2,
    }, { now: NOW });
    if (!created.ok) throw new Error(created.reason);
    const row = await t.db.selectFrom("checkinList").select(["kinds", sql<string[]>`days::text[]`.as("days"), "allowEntryAfterExit", "maxEntriesPerDay"])
      .where("id", "=", created.value.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ kinds: ["buyer", "vip"], days: ["2026-11-20", "2026-11-21"], allowEntryAfterExit: true, maxEntriesPerDay: 2 });
    expect(await createCheckinList(t.db, event.id, { name: "hari 1 – buyer" }, { now: NOW })).toEqual({ ok: false, reason: "name_taken" });
    expect(await createCheckinList(t.db, event.id, { name: "X", kinds: ["guest" as never] }, { now: NOW })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await createCheckinList(t.db, event.id, { name: "Y", opensAt: "2026-11-21T00:00:00Z", closesAt: "2026-11-20T00:00:00Z" }, { now: NOW })).toMatchObject({ ok: false, reason: "invalid", detail: expect.stringMatching(/^closesAt:/) });
  });

  it("creates a device with a gt_ token shown once and stored only as a hash, on lists of its own event only", async () => {
    const { event } = await makeGateEvent(t.db);
    const other = await makeGateEvent(t.db, "Kadin Pati");
    const listId = await makeList(t.db, event.id);
    const foreignList = await makeList(t.db, other.event.id);
    const created = await createGateDevice(t.db, { eventId: event.id, checkinListId: listId, name: "Gerbang A" }, { now: NOW });
    if (!created.ok) throw new Error(created.reason);
    expect(created.value.token).toMatch(/^gt_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.selectFrom("gateDevice").selectAll().where("id", "=", created.value.id).executeTakeFirstOrThrow();
    expect(row.tokenHash).toBe(hashToken(created.value.token));
    expect(JSON.stringify(row)).not.toContain(created.value.token);
    expect(await createGateDevice(t.db, { eventId: event.id, checkinListId: foreignList, name: "Gerbang B" }, { now: NOW })).toEqual({ ok: false, reason: "list_not_found" });
    expect(await createGateDevice(t.db, { eventId: event.id, checkinListId: listId, name: "gerbang a" }, { now: NOW })).toEqual({ ok: false, reason: "name_taken" });
    expect(await revokeGateDevice(t.db, other.event.id, created.value.id, { now: NOW })).toEqual({ ok: false, reason: "not_found" });
    expect(await revokeGateDevice(t.db, event.id, created.value.id, { now: NOW })).toEqual({ ok: true, value: { id: created.value.id } });
    // A revoked device's name is free again for its replacement.
    expect(await createGateDevice(t.db, { eventId: event.id, checkinListId: listId, name: "Gerbang A" }, { now: NOW })).toMatchObject({ ok: true });
  });
});
