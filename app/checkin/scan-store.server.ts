// Storage side of scan recording: codes → badges, the badge row locks, a badge's history on a list, and the
// scan log insert (with its audit rows). Used by checkin.server.ts, which holds the decisions.
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import {
  BADGE_TOKEN_LENGTH, BADGE_TOKEN_PREFIX, parseBadgeToken, verifyBadgeToken, webCryptoVerify, type BadgePayload, type BadgeVerifyFn,
} from "~/badges/badge-token";
import { nodeVerify } from "~/badges/badge-sign.server";
import { verifyKeysFor } from "~/badges/badge-keys.server";
import { normalizeShortCode } from "~/badges/short-code";
import { parseBadgeIdCode } from "./badge-id-code";
import type { CheckinReasonColumn } from "../../db/schema";
import type { BadgeKind } from "./decide-entry";
import type { GateDevice } from "./gates.server";

/** What a scanned code points at: a badge, by a signed code (with its random part) or a typed short code. */
export type BadgeRef = { badgeId: string; seed?: string; shortCode?: string };
export type LockedBadge = {
  id: string; kind: BadgeKind; status: "valid" | "pending" | "revoked" | "blocked"; seed: string; shortCode: string;
  validFrom: Date | null; validUntil: Date | null; holderName: string; organizationName: string;
};
/** A recorded scan, with the name of the gate that made it. */
export type StoredScan = {
  badgeId: string | null; checkinListId: string; type: "entry" | "exit"; scannedAt: Date; nonce: string;
  successful: boolean; reason: CheckinReasonColumn | null; forced: boolean; gate: string | null;
};
export type NewScan = {
  badgeId: string | null; type: "entry" | "exit"; nonce: string; scannedAt: Date;
  successful: boolean; reason: CheckinReasonColumn | null; forced: boolean; offline: boolean;
};

/**
 * The badge each code points at, or null: a signed code must verify with one of the event's keys and name the
 * device's event; a short code must exist in the event; an "ID:<uuid>" code (a name search on the device) must
 * name a badge of the event. Whether a code is current is decided later, under the
 * lock (its random part or short code must still be the badge's).
 */
export async function resolveCodes(db: Executor, device: GateDevice, codes: string[]): Promise<Array<BadgeRef | null>> {
  const refs: Array<BadgeRef | null> = codes.map(() => null);
  const shortCodes = new Map<string, number[]>();
  const byIds = new Map<string, number[]>();
  const checks: Array<Promise<void>> = [];
  // A single scan verifies synchronously (cheapest); a batch through WebCrypto, which runs on libuv's thread pool,
  // so its signatures are checked in parallel and off the event loop.
  const verify = codes.length > 8 ? webCryptoVerify : nodeVerify;
  for (const [i, raw] of codes.entries()) {
    const code = raw.trim().toUpperCase();
    if (code.length === BADGE_TOKEN_LENGTH && code.startsWith(BADGE_TOKEN_PREFIX)) {
      checks.push(verifyToken(db, device, code, verify).then((p) => {
        if (p) refs[i] = { badgeId: p.badgeId, seed: p.seed };
      }));
      continue;
    }
    const byId = parseBadgeIdCode(code);
    if (byId) {
      byIds.set(byId, [...(byIds.get(byId) ?? []), i]);
      continue;
    }
    const short = normalizeShortCode(code);
    if (short.ok) shortCodes.set(short.value, [...(shortCodes.get(short.value) ?? []), i]);
  }
  await Promise.all(checks);
  if (shortCodes.size > 0) {
    const { rows } = await sql<{ id: string; shortCode: string }>`
      select id, short_code from badge where event_id = ${device.eventId} and short_code = any(${[...shortCodes.keys()]}::text[])`.execute(db);
    for (const row of rows) for (const i of shortCodes.get(row.shortCode) ?? []) refs[i] = { badgeId: row.id, shortCode: row.shortCode };
  }
  if (byIds.size > 0) {
    const { rows } = await sql<{ id: string }>`
      select id from badge where event_id = ${device.eventId} and id = any(${[...byIds.keys()]}::text[]::uuid[])`.execute(db);
    for (const row of rows) for (const i of byIds.get(row.id) ?? []) refs[i] = { badgeId: row.id };
  }
  return refs;
}

// Successful verifications only, by QR text: the result depends on nothing mutable (public keys are never
// changed or removed), so it is safe per process. Bounded; cleared when full.
const verified = new Map<string, BadgePayload>();

async function verifyToken(db: Executor, device: GateDevice, code: string, verify: BadgeVerifyFn): Promise<BadgePayload | null> {
  let payload = verified.get(code);
  if (!payload) {
    let res = await verifyBadgeToken(code, await verifyKeysFor(db, device.eventId), verify);
    if (!res.ok && res.reason === "unknown_key") {
      // A key made since the cache was filled (a rotation, or another instance): look that key id up once.
      const parsed = parseBadgeToken(code);
      if (parsed.ok) res = await verifyBadgeToken(code, await verifyKeysFor(db, device.eventId, parsed.value.keyId), verify);
    }
    if (!res.ok) return null;
    payload = res.value;
    if (verified.size >= 50_000) verified.clear();
    verified.set(code, payload);
  }
  // A valid code of another event is unknown here (contract §2: never an HTTP error).
  return payload.eventId === device.eventId ? payload : null;
}

// The hot-path statements are raw SQL (snake_case, docs/decisions/003-naming.md): compiling them through the
// query builder cost 0.2–0.5 ms each per scan, more than the round trip itself. Arrays travel as text[] and are
// cast in SQL, which both drivers read the same way; a batch is a fixed number of parameters whatever its size.

export async function lockBadges(trx: Executor, eventId: string, ids: string[]): Promise<Map<string, LockedBadge>> {
  // FOR UPDATE in id order: every scan of a badge waits for the one before it to commit, and two batches that
  // share badges take their locks in the same order.
  const { rows } = await sql<LockedBadge>`
    select b.id, b.kind, b.status, b.seed, b.short_code, b.valid_from, b.valid_until, b.holder_name, b.organization_name
    from unnest(${ids}::text[]::uuid[]) as u(id) join badge b on b.id = u.id
    where b.event_id = ${eventId}
    order by b.id for update of b`.execute(trx);
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Successful scans of these badges on the device's list, plus any earlier scan with one of these nonces (any
 * badge, any list: the nonce is unique per event). Read after the locks are held, so it sees every scan that
 * committed before.
 */
export async function loadHistory(trx: Executor, device: GateDevice, ids: string[], nonces: string[]): Promise<StoredScan[]> {
  // Two indexed arms joined to unnest(…) (evaluated once) rather than `= any($n::uuid[])` in an OR: with a generic
  // prepared plan PostgreSQL re-cast the array for every heap row it rechecked (seconds for a batch of 500).
  const { rows } = await sql<StoredScan & { id: string }>`
    select c.id, c.badge_id, c.checkin_list_id, c.type, c.scanned_at, c.nonce, c.successful, c.reason, c.forced, d.name as gate
    from unnest(${ids}::text[]::uuid[]) as b(id)
      join checkin c on c.badge_id = b.id and c.checkin_list_id = ${device.list.id} and c.successful
      left join gate_device d on d.id = c.gate_device_id
    where c.event_id = ${device.eventId}
    union
    select c.id, c.badge_id, c.checkin_list_id, c.type, c.scanned_at, c.nonce, c.successful, c.reason, c.forced, d.name as gate
    from unnest(${nonces}::text[]) as n(nonce)
      join checkin c on c.event_id = ${device.eventId} and c.nonce = n.nonce
      left join gate_device d on d.id = c.gate_device_id
    order by id`.execute(trx);
  return rows;
}

/**
 * Inserts the scan rows and, for exactly the rows that went in, one audit entry each, in one statement. Returns
 * the nonces inserted; a missing one lost an ON CONFLICT race against a concurrent request with that nonce.
 */
export async function insertRows(trx: Executor, device: GateDevice, rows: NewScan[], receivedAt: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <T>(f: (r: NewScan) => T) => rows.map(f);
  const flag = (b: boolean) => (b ? "t" : "f");
  const { rows: inserted } = await sql<{ nonce: string }>`
    with ins as (
      insert into checkin (event_id, checkin_list_id, gate_device_id, badge_id, type, nonce, scanned_at, received_at, successful, reason, forced, offline)
      select ${device.eventId}::uuid, ${device.list.id}::uuid, ${device.id}::uuid, x.badge_id, x.type, x.nonce, x.scanned_at, ${receivedAt}::timestamptz,
        x.successful, x.reason, x.forced, x.offline
      from unnest(${col((r) => r.badgeId)}::text[]::uuid[], ${col((r) => r.type)}::text[], ${col((r) => r.nonce)}::text[],
        ${col((r) => r.scannedAt.toISOString())}::text[]::timestamptz[], ${col((r) => flag(r.successful))}::text[]::bool[],
        ${col((r) => r.reason)}::text[], ${col((r) => flag(r.forced))}::text[]::bool[], ${col((r) => flag(r.offline))}::text[]::bool[])
        with ordinality as x(badge_id, type, nonce, scanned_at, successful, reason, forced, offline, n)
      order by x.n
      on conflict (event_id, nonce) do nothing
      returning id, badge_id, type, nonce, scanned_at, successful, reason, forced, offline),
    aud as (
      insert into audit_log (action, organization_id, event_id, entity, entity_id, data)
      select 'checkin.recorded', ${device.organizationId}::uuid, ${device.eventId}::uuid, 'checkin', ins.id::text,
        jsonb_build_object('badgeId', ins.badge_id, 'listId', ${device.list.id}::text, 'deviceId', ${device.id}::text,
          'type', ins.type, 'nonce', ins.nonce, 'scannedAt', ins.scanned_at, 'successful', ins.successful, 'reason', ins.reason,
          'forced', ins.forced, 'offline', ins.offline)
      from ins)
    select nonce from ins`.execute(trx);
  return new Set(inserted.map((r) => r.nonce));
}

