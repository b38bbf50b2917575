// The scan API's in-process copy of an event's badges (docs/decisions/009-gate-badge-cache.md): a scan decided from
// the copy must give the same answer as one decided from the database, whatever changed since the copy was made.
import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { reissueBadge, setBadgeStatus } from "~/badges/badges.server";
import { cachedSnapshot, clearBadgeCache, eventWarmed, warmEvent } from "~/checkin/badge-cache.server";
import { recordScan, recordScanBatch, type ScanAnswer } from "~/checkin/checkin.server";
import { useTestDatabase } from "../../helpers/db";
import { at, makeBadge, makeDevice, makeGateEvent, makeList, NOW, scanOf } from "../../helpers/badge-factories";

const t = useTestDatabase();
beforeEach(() => clearBadgeCache(1_000));

/** An event with one single-entry list, two gates on it, one badge, and the gate's copy of the badges loaded. */
async function warmGate(list: Parameters<typeof makeList>[2] = {}) {
  const { event } = await makeGateEvent(t.db);
  const listId = await makeList(t.db, event.id, list);
  const a = (await makeDevice(t.db, event.id, listId, "Gerbang A")).device;
  const b = (await makeDevice(t.db, event.id, listId, "Gerbang B")).device;
  const badge = await makeBadge(t.db, event, { holderName: "Sari Wulandari" });
  warmEvent(t.db, event.id);
  await eventWarmed(event.id);
  expect(cachedSnapshot(event.id, listId, badge.badge.id)).toMatchObject({ badge: { id: badge.badge.id, scanVersion: 0 }, earlier: [] });
  return { event, listId, a, b, badge };
}

async function scanVersion(badgeId: string): Promise<number> {
  const row = await t.db.selectFrom("badge").select("scanVersion").where("id", "=", badgeId).executeTakeFirstOrThrow();
  return row.scanVersion;
}

describe("a gate deciding from its copy of the badges", () => {
  it("admits from the copy, then refuses the second entry as already_inside with the first gate", async () => {
    const { event, listId, a, b, badge } = await warmGate();
    expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)).toMatchObject({ ok: true, duplicate: false });
    // The copy follows its own write: the next scan needs no read and still sees the entry.
    expect(cachedSnapshot(event.id, listId, badge.badge.id)?.earlier).toHaveLength(1);
    expect(await recordScan(t.db, b, scanOf(badge.qr, { scannedAt: at("09:30:00") }), NOW))
      .toMatchObject({ ok: false, reason: "already_inside", previous: { gate: "Gerbang A" } });
    expect(await scanVersion(badge.badge.id)).toBe(2);
  });

  it("refuses a badge revoked or blocked after the copy was made", async () => {
    for (const action of ["revoke", "block"] as const) {
      const { event, a, badge } = await warmGate();
      await setBadgeStatus(t.db, event.id, badge.badge.id, { action, reason: "Kartu hilang", now: NOW });
      expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)).toMatchObject({ ok: false, reason: action === "revoke" ? "revoked" : "blocked" });
    }
  });

  it("refuses the old code of a badge reissued after the copy was made, and admits the new one", async () => {
    const { event, a, badge } = await warmGate();
    const again = await reissueBadge(t.db, event.id, badge.badge.id, { now: NOW });
    if (!again.ok) throw new Error(again.reason);
    expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await recordScan(t.db, a, scanOf(again.value.qr), NOW)).toMatchObject({ ok: true });
  });

  it("answers with the holder's name as it is now, not as copied", async () => {
    const { a, badge } = await warmGate();
    await t.db.updateTable("badge").set({ holderName: "Sari W. Laweyan" }).where("id", "=", badge.badge.id).execute();
    expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)).toMatchObject({ ok: true, badge: { name: "Sari W. Laweyan" } });
  });

  it("sees an entry recorded elsewhere (an offline upload, another server) since the copy was made", async () => {
    const { event, listId, a, b, badge } = await warmGate();
    await recordScanBatch(t.db, b, [{ ...scanOf(badge.qr, { scannedAt: at("08:15:00") }), force: true }], NOW);
    expect(cachedSnapshot(event.id, listId, badge.badge.id)?.earlier).toEqual([]); // the copy is out of date …
    expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)) // … and the version check catches it
      .toMatchObject({ ok: false, reason: "already_inside", previous: { at: "2026-11-20T08:15:00+07:00", gate: "Gerbang B" } });
  });

  it("admits exactly one of 20 simultaneous entries of one copied badge at two gates", async () => {
    const { a, b, badge } = await warmGate();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => recordScan(t.db, i % 2 ? b : a, scanOf(badge.qr), NOW)));
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    const refused = answers.filter((x): x is Extract<ScanAnswer, { ok: false }> => !x.ok);
    expect(refused.map((r) => r.reason)).toEqual(Array(19).fill("already_inside"));
    const rows = await t.db.selectFrom("checkin").select("successful").where("badgeId", "=", badge.badge.id).execute();
    expect(rows.filter((r) => r.successful)).toHaveLength(1);
  });

  it("answers a re-sent nonce with the earlier decision, flagged duplicate, from the copy too", async () => {
    const { a, b, badge } = await warmGate();
    const first = scanOf(badge.qr);
    expect(await recordScan(t.db, a, first, NOW)).toMatchObject({ ok: true, duplicate: false });
    expect(await recordScan(t.db, b, first, NOW)).toMatchObject({ ok: true, duplicate: true });
    const refusedScan = scanOf(badge.qr, { scannedAt: at("09:05:00") });
    const refused = await recordScan(t.db, a, refusedScan, NOW);
    expect(await recordScan(t.db, b, refusedScan, NOW)).toEqual({ ...refused, duplicate: true });
    const rows = await t.db.selectFrom("checkin").select("nonce").where("badgeId", "=", badge.badge.id).execute();
    expect(rows).toHaveLength(2);
  });
});

describe("the room for copies", () => {
  it("does not copy an event with more badges than the room, and its scans are decided from the database", async () => {
    clearBadgeCache(2);
    const { event } = await makeGateEvent(t.db);
    const listId = await makeList(t.db, event.id, {});
    const a = (await makeDevice(t.db, event.id, listId, "Gerbang A")).device;
    const badges = [await makeBadge(t.db, event), await makeBadge(t.db, event), await makeBadge(t.db, event)];
    warmEvent(t.db, event.id);
    await eventWarmed(event.id);
    expect(cachedSnapshot(event.id, listId, badges[0]!.badge.id)).toBeUndefined();
    expect(await recordScan(t.db, a, scanOf(badges[0]!.qr), NOW)).toMatchObject({ ok: true });
    expect(await recordScan(t.db, a, scanOf(badges[0]!.qr), NOW)).toMatchObject({ ok: false, reason: "already_inside" });
    expect(cachedSnapshot(event.id, listId, badges[0]!.badge.id)).toBeUndefined();
  });

  it("drops the copy of the event scanned least recently to make room for another", async () => {
    clearBadgeCache(1); // one badge per event below
    const first = await warmGate();
    const second = await warmGate();
    expect(cachedSnapshot(first.event.id, first.listId, first.badge.badge.id)).toBeUndefined();
    expect(cachedSnapshot(second.event.id, second.listId, second.badge.badge.id)).toBeDefined();
  });
});

describe("badge.scan_version", () => {
  it("is bumped once by any change to the badge row and once by each scan written", async () => {
    const { a, badge } = await warmGate();
    await t.db.updateTable("badge").set({ printedAt: NOW }).where("id", "=", badge.badge.id).execute();
    expect(await scanVersion(badge.badge.id)).toBe(1);
    await recordScan(t.db, a, scanOf(badge.qr), NOW);
    expect(await scanVersion(badge.badge.id)).toBe(2);
    await sql`update badge set status = 'blocked', status_reason = 'x' where id = ${badge.badge.id}`.execute(t.db);
    expect(await scanVersion(badge.badge.id)).toBe(3);
  });
});
