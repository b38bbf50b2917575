import { describe, expect, it } from "vitest";
import { parseBadgeToken } from "~/badges/badge-token";
import { reissueBadge, rotateEventKey, setBadgeStatus } from "~/badges/badges.server";
import { recordScan, recordScanBatch, type ScanAnswer } from "~/checkin/checkin.server";
import { useTestDatabase } from "../../helpers/db";
import { at, makeBadge, makeBadges, makeDevice, makeGateEvent, makeList, NOW, nonce, scanOf } from "../../helpers/badge-factories";

const t = useTestDatabase();

/** An event with one list (single entry, re-entry after exit allowed) and two gates on it. */
async function twoGates(list: Parameters<typeof makeList>[2] = {}) {
  const { event, org } = await makeGateEvent(t.db);
  const listId = await makeList(t.db, event.id, list);
  const a = await makeDevice(t.db, event.id, listId, "Gerbang A");
  const b = await makeDevice(t.db, event.id, listId, "Gerbang B");
  return { event, org, listId, a: a.device, b: b.device };
}

async function scansOf(badgeId: string) {
  return t.db.selectFrom("checkin").select(["nonce", "type", "successful", "reason", "forced", "offline", "gateDeviceId"])
    .where("badgeId", "=", badgeId).orderBy("id").execute();
}

async function auditCount(action: string, eventId: string) {
  const row = await t.db.selectFrom("auditLog").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action).where("eventId", "=", eventId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe("entries at the gate", () => {
  it("admits a valid badge and answers with its name, organization and kind", async () => {
    const { event, a } = await twoGates();
    const badge = await makeBadge(t.db, event, { holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", kind: "exhibitor" });
    expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)).toEqual({
      ok: true, duplicate: false,
      badge: { id: badge.badge.id, name: "Sari Wulandari", organization: "Batik Laweyan Sari", kind: "exhibitor" },
    });
  });

  it("refuses a second entry as already_inside and names when and at which gate the first one was", async () => {
    const { event, a, b } = await twoGates();
    const badge = await makeBadge(t.db, event);
    await recordScan(t.db, a, scanOf(badge.qr, { scannedAt: "2026-11-20T01:41:05Z" }), NOW);
    const second = await recordScan(t.db, b, scanOf(badge.qr, { scannedAt: at("09:02:11") }), NOW);
    expect(second).toMatchObject({ ok: false, reason: "already_inside", duplicate: false, previous: { at: "2026-11-20T08:41:05+07:00", gate: "Gerbang A" } });
  });

  it("admits re-entry after an exit when the list allows it, and refuses it when it does not", async () => {
    const reentry = await twoGates({ allowEntryAfterExit: true });
    const once = await twoGates({ allowEntryAfterExit: false });
    for (const [setup, expected] of [[reentry, { ok: true }], [once, { ok: false, reason: "already_inside" }]] as const) {
      const badge = await makeBadge(t.db, setup.event);
      await recordScan(t.db, setup.a, scanOf(badge.qr, { scannedAt: at("09:00:00") }), NOW);
      expect(await recordScan(t.db, setup.b, scanOf(badge.qr, { type: "exit", scannedAt: at("10:00:00") }), NOW)).toMatchObject({ ok: true });
      expect(await recordScan(t.db, setup.a, scanOf(badge.qr, { scannedAt: at("11:00:00") }), NOW)).toMatchObject(expected);
    }
  });

  it("applies the list's kinds, pending and day rules in the event's zone", async () => {
    const { event, a } = await twoGates({ kinds: ["buyer", "vip"], days: ["2026-11-21"], includePending: false });
    const visitor = await makeBadge(t.db, event, { kind: "visitor" });
    const pending = await makeBadge(t.db, event, { kind: "buyer", status: "pending" });
    const buyer = await makeBadge(t.db, event, { kind: "buyer" });
    expect(await recordScan(t.db, a, scanOf(visitor.qr, { scannedAt: at("09:00:00", "2026-11-21") }), NOW)).toMatchObject({ ok: false, reason: "wrong_kind" });
    expect(await recordScan(t.db, a, scanOf(pending.qr, { scannedAt: at("09:00:00", "2026-11-21") }), NOW)).toMatchObject({ ok: false, reason: "pending" });
    // 16:59:59 UTC on the 20th is still the 20th in WIB; 23:30 UTC is 06:30 WIB on the 21st: days are the event's local days.
    expect(await recordScan(t.db, a, scanOf(buyer.qr, { scannedAt: "2026-11-20T16:59:59Z" }), NOW)).toMatchObject({ ok: false, reason: "wrong_day" });
    expect(await recordScan(t.db, a, scanOf(buyer.qr, { scannedAt: "2026-11-20T23:30:00Z" }), NOW)).toMatchObject({ ok: true });
  });

  it("accepts a typed short code in any case and with or without the dash", async () => {
    const { event, a } = await twoGates({ allowMultipleEntries: true });
    const badge = await makeBadge(t.db, event, { holderName: "Budi Santoso" });
    for (const typed of [badge.shortCode, badge.shortCode.toLowerCase(), badge.shortCode.replace("-", " ")]) {
      expect(await recordScan(t.db, a, scanOf(typed), NOW)).toMatchObject({ ok: true, badge: { id: badge.badge.id, name: "Budi Santoso" } });
    }
  });

  it("refuses an exit only for unknown, revoked, blocked or wrong-kind badges", async () => {
    const { event, a } = await twoGates({ days: ["2026-11-22"], kinds: ["visitor"] });
    const badge = await makeBadge(t.db, event, { status: "pending" });
    expect(await recordScan(t.db, a, scanOf(badge.qr, { type: "exit" }), NOW)).toMatchObject({ ok: true });
    const vip = await makeBadge(t.db, event, { kind: "vip" });
    expect(await recordScan(t.db, a, scanOf(vip.qr, { type: "exit" }), NOW)).toMatchObject({ ok: false, reason: "wrong_kind" });
  });

  it("records refused scans with their reason and audits every recorded scan", async () => {
    const { event, a } = await twoGates();
    const badge = await makeBadge(t.db, event);
    await recordScan(t.db, a, scanOf(badge.qr), NOW);
    await recordScan(t.db, a, scanOf(badge.qr), NOW);
    await recordScan(t.db, a, scanOf("P1NOTACODE"), NOW);
    expect((await scansOf(badge.badge.id)).map((r) => [r.successful, r.reason])).toEqual([[true, null], [false, "already_inside"]]);
    const unknown = await t.db.selectFrom("checkin").select(["reason", "badgeId"]).where("eventId", "=", event.id).where("badgeId", "is", null).execute();
    expect(unknown).toEqual([{ reason: "unknown_badge", badgeId: null }]);
    expect(await auditCount("checkin.recorded", event.id)).toBe(3);
  });
});

describe("codes that must not pass", () => {
  it("answers unknown_badge for forged, truncated, garbage and other events' codes", async () => {
    const { event, a } = await twoGates();
    const other = await makeGateEvent(t.db, "Dinas Koperasi");
    const badge = await makeBadge(t.db, event);
    const foreign = await makeBadge(t.db, other.event);
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    for (const code of [flip(badge.qr, 100), flip(badge.qr, 10), badge.qr.slice(0, 174), badge.qr.slice(0, 60), foreign.qr, foreign.shortCode, "", "hello", "K7QX-M3P0"]) {
      expect(await recordScan(t.db, a, scanOf(code), NOW), code).toEqual({ ok: false, reason: "unknown_badge", duplicate: false });
    }
  });

  it("refuses the old QR of a reissued badge as revoked and its old short code as unknown, and admits the new ones", async () => {
    const { event, a } = await twoGates({ allowMultipleEntries: true });
    const badge = await makeBadge(t.db, event);
    const again = await reissueBadge(t.db, event.id, badge.badge.id, { now: NOW });
    if (!again.ok) throw new Error(again.reason);
    expect(await recordScan(t.db, a, scanOf(badge.qr), NOW)).toMatchObject({ ok: false, reason: "revoked", badge: { id: badge.badge.id } });
    // The old short code is no badge's code any more (the revocation list holds QR codes, not short codes).
    expect(await recordScan(t.db, a, scanOf(badge.shortCode), NOW)).toMatchObject({ ok: false, reason: "unknown_badge" });
    expect(await recordScan(t.db, a, scanOf(again.value.qr), NOW)).toMatchObject({ ok: true });
    expect(await recordScan(t.db, a, scanOf(again.value.shortCode), NOW)).toMatchObject({ ok: true });
  });

  it("refuses revoked and blocked badges, and admits a badge again once unblocked", async () => {
    const { event, a } = await twoGates({ allowMultipleEntries: true });
    const revoked = await makeBadge(t.db, event);
    const blocked = await makeBadge(t.db, event);
    await setBadgeStatus(t.db, event.id, revoked.badge.id, { action: "revoke", reason: "Data ganda", now: NOW });
    await setBadgeStatus(t.db, event.id, blocked.badge.id, { action: "block", reason: "Kartu hilang", now: NOW });
    expect(await recordScan(t.db, a, scanOf(revoked.qr), NOW)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await recordScan(t.db, a, scanOf(blocked.qr), NOW)).toMatchObject({ ok: false, reason: "blocked" });
    await setBadgeStatus(t.db, event.id, blocked.badge.id, { action: "unblock", now: NOW });
    expect(await recordScan(t.db, a, scanOf(blocked.qr), NOW)).toMatchObject({ ok: true });
  });

  it("still verifies a badge signed with a retired key after rotation, and reissues with the new key", async () => {
    const { event, a } = await twoGates({ allowMultipleEntries: true });
    const old = await makeBadge(t.db, event);
    const rotated = await t.db.transaction().execute((trx) => rotateEventKey(trx, event.id, NOW));
    expect(rotated.retiredKeyId).not.toBe(rotated.keyId);
    expect(await recordScan(t.db, a, scanOf(old.qr), NOW)).toMatchObject({ ok: true, badge: { id: old.badge.id } });
    const fresh = await makeBadge(t.db, event);
    expect(await recordScan(t.db, a, scanOf(fresh.qr), NOW)).toMatchObject({ ok: true });
    const again = await reissueBadge(t.db, event.id, old.badge.id, { now: NOW });
    if (!again.ok) throw new Error(again.reason);
    const keyIdOf = (qr: string) => (parseBadgeToken(qr) as { value: { keyId: string } }).value.keyId;
    expect(keyIdOf(old.qr)).toBe(rotated.retiredKeyId);
    expect(keyIdOf(again.value.qr)).toBe(keyIdOf(fresh.qr));
    expect(await recordScan(t.db, a, scanOf(again.value.qr), NOW)).toMatchObject({ ok: true });
  });
});

describe("races and replays", () => {
  it("admits exactly one of 20 simultaneous entries of one badge at two gates; the 19 others are already_inside with previous", async () => {
    const { event, a, b } = await twoGates();
    const badge = await makeBadge(t.db, event);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => recordScan(t.db, i % 2 ? b : a, scanOf(badge.qr), NOW)));
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    const refused = answers.filter((x): x is Extract<ScanAnswer, { ok: false }> => !x.ok);
    expect(refused).toHaveLength(19);
    for (const r of refused) {
      expect(r.reason).toBe("already_inside");
      expect(r.previous).toEqual({ at: "2026-11-20T09:00:00+07:00", gate: expect.stringMatching(/^Gerbang [AB]$/) });
    }
    const rows = await scansOf(badge.badge.id);
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.successful)).toHaveLength(1);
  });

  it("answers a replayed nonce with the earlier decision, flagged duplicate, and records nothing new", async () => {
    const { event, a, b } = await twoGates();
    const badge = await makeBadge(t.db, event);
    const first = scanOf(badge.qr);
    const refusedScan = scanOf(badge.qr, { scannedAt: at("09:05:00") });
    expect(await recordScan(t.db, a, first, NOW)).toMatchObject({ ok: true, duplicate: false });
    const refused = await recordScan(t.db, a, refusedScan, NOW);
    expect(refused).toMatchObject({ ok: false, reason: "already_inside", duplicate: false });
    const before = await auditCount("checkin.recorded", event.id);

    expect(await recordScan(t.db, b, first, NOW)).toEqual({ ok: true, duplicate: true, badge: expect.objectContaining({ id: badge.badge.id }) });
    expect(await recordScan(t.db, a, refusedScan, NOW)).toEqual({ ...refused, duplicate: true });
    // Even after the badge is revoked, the replay is still the earlier decision.
    await setBadgeStatus(t.db, event.id, badge.badge.id, { action: "revoke", reason: "Salah cetak", now: NOW });
    expect(await recordScan(t.db, a, first, NOW)).toMatchObject({ ok: true, duplicate: true });
    expect(await scansOf(badge.badge.id)).toHaveLength(2);
    expect(await auditCount("checkin.recorded", event.id)).toBe(before);
  });

  it("records one row when the same nonce arrives in two simultaneous requests, and both get the same decision", async () => {
    const { event, a, b } = await twoGates();
    const badge = await makeBadge(t.db, event);
    const scan = scanOf(badge.qr);
    const [x, y] = await Promise.all([recordScan(t.db, a, scan, NOW), recordScan(t.db, b, scan, NOW)]);
    expect([x.duplicate, y.duplicate].sort()).toEqual([false, true]);
    expect(x.ok && y.ok).toBe(true);
    expect(await scansOf(badge.badge.id)).toHaveLength(1);
  });

  it("records a forced offline double entry as ok with forced: true, and never forces a revoked or unknown badge", async () => {
    const { event, a, b } = await twoGates();
    const badge = await makeBadge(t.db, event);
    const revoked = await makeBadge(t.db, event);
    await setBadgeStatus(t.db, event.id, revoked.badge.id, { action: "revoke", reason: "Dibatalkan", now: NOW });
    await recordScan(t.db, a, scanOf(badge.qr, { scannedAt: at("09:00:00") }), NOW);
    const forced = await recordScan(t.db, b, scanOf(badge.qr, { scannedAt: at("09:00:30"), force: true }), NOW);
    expect(forced).toMatchObject({ ok: true, forced: true, duplicate: false });
    expect(await recordScan(t.db, b, scanOf(revoked.qr, { force: true }), NOW)).toMatchObject({ ok: false, reason: "revoked" });
    expect(await recordScan(t.db, b, scanOf("P1FORGED", { force: true }), NOW)).toMatchObject({ ok: false, reason: "unknown_badge" });
    // A forced scan that would pass anyway is a plain ok.
    const fresh = await makeBadge(t.db, event);
    expect(await recordScan(t.db, b, scanOf(fresh.qr, { force: true }), NOW)).toEqual(expect.not.objectContaining({ forced: true }));
    const rows = await scansOf(badge.badge.id);
    expect(rows.map((r) => [r.successful, r.forced, r.offline])).toEqual([[true, false, false], [true, true, true]]);
    const audited = await t.db.selectFrom("auditLog").select("data").where("eventId", "=", event.id).where("action", "=", "checkin.recorded").execute();
    expect(audited.map((r) => r.data)).toContainEqual(expect.objectContaining({ badgeId: badge.badge.id, forced: true, offline: true }));
  });
});

describe("batches", () => {
  it("answers each scan in order, one bad scan never failing the others, and later scans see earlier ones", async () => {
    const { event, a } = await twoGates();
    const badge = await makeBadge(t.db, event);
    const other = await makeBadge(t.db, event);
    const dup = nonce();
    const answers = await recordScanBatch(t.db, a, [
      scanOf(badge.qr, { scannedAt: at("09:00:00") }),
      scanOf("garbage"),
      scanOf(badge.qr, { scannedAt: at("09:01:00") }),
      scanOf(badge.qr, { type: "exit", scannedAt: at("12:00:00") }),
      scanOf(badge.qr, { scannedAt: at("13:00:00"), nonce: dup }),
      scanOf(other.shortCode, { nonce: dup }),
      scanOf(other.shortCode),
    ], NOW);
    expect(answers.map((x) => (x.ok ? "ok" : x.reason) + (x.duplicate ? "*" : ""))).toEqual([
      "ok", "unknown_badge", "already_inside", "ok", "ok", "ok*", "ok",
    ]);
    expect(answers[2]).toMatchObject({ previous: { at: "2026-11-20T09:00:00+07:00", gate: "Gerbang A" } });
    expect(answers[5]).toMatchObject({ badge: { id: badge.badge.id } });
    expect(await recordScanBatch(t.db, a, [], NOW)).toEqual([]);
  });

  it("ingests 10,000 scans sent as 20 simultaneous batches of 500 with 5 % re-sent nonces exactly once per nonce", async () => {
    const { event, listId } = await twoGates({ allowMultipleEntries: false });
    const devices = await Promise.all(Array.from({ length: 20 }, (_, i) => makeDevice(t.db, event.id, listId, `Gerbang ${i + 1}`)));
    const badges = await makeBadges(t.db, event.id, 1000);
    const batches = devices.map((d, g) => {
      const scans = [];
      for (let i = 0; i < 475; i++) {
        const minute = String(Math.floor(i / 10)).padStart(2, "0");
        scans.push(scanOf(badges[(g * 475 + i) % badges.length]!.qr, { scannedAt: at(`10:${minute}:00`), force: true, type: i % 3 === 2 ? "exit" : "entry" }));
      }
      // 5 %: 25 scans re-sent (same nonce and code), as a phone does after a lost answer.
      for (let i = 0; i < 25; i++) scans.push(scans[i * 19]!);
      return { device: d.device, scans };
    });
    const results = await Promise.all(batches.map((b) => recordScanBatch(t.db, b.device, b.scans, NOW)));
    expect(results.flat()).toHaveLength(10_000);
    const distinct = new Set(batches.flatMap((b) => b.scans.map((s) => s.nonce)));
    const row = await t.db.selectFrom("checkin").select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.count<number>("nonce").distinct().as("d")])
      .where("eventId", "=", event.id).executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(distinct.size);
    expect(Number(row.d)).toBe(distinct.size);
    expect(results.flat().filter((x) => x.duplicate)).toHaveLength(10_000 - distinct.size);
    // Offline phones admitted everyone: entries the server would refuse are flagged, none is silently refused.
    expect(results.flat().every((x) => x.ok)).toBe(true);
  }, 180_000);
});
