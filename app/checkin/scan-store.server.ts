// Storage side of scan recording: codes → badges, the badge row locks, a badge's history on a list, and the
// scan log insert (with its audit rows). Used by checkin.server.ts, which holds the decisions.
import { CompiledQuery, sql } from "kysely";
import { postgresClientOf, type Executor } from "~/utils/db.server";
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

/** The columns of a StoredScan, from `checkin c left join gate_device d`. */
const SCAN_COLUMNS = sql`c.id, c.badge_id, c.checkin_list_id, c.type, c.scanned_at, c.nonce, c.successful, c.reason, c.forced, d.name as gate`;

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
    select ${SCAN_COLUMNS}
    from unnest(${ids}::text[]::uuid[]) as b(id)
      join checkin c on c.badge_id = b.id and c.checkin_list_id = ${device.list.id} and c.successful
      left join gate_device d on d.id = c.gate_device_id
    where c.event_id = ${device.eventId}
    union
    select ${SCAN_COLUMNS}
    from unnest(${nonces}::text[]) as n(nonce)
      join checkin c on c.event_id = ${device.eventId} and c.nonce = n.nonce
      left join gate_device d on d.id = c.gate_device_id
    order by id`.execute(trx);
  return rows;
}

/** The audit entries of the rows a statement's `ins` CTE inserted (one per scan, written with it). */
function auditInserted(device: GateDevice) {
  return sql`
    insert into audit_log (action, organization_id, event_id, entity, entity_id, data)
    select 'checkin.recorded', ${device.organizationId}::uuid, ${device.eventId}::uuid, 'checkin', ins.id::text,
      jsonb_build_object('badgeId', ins.badge_id, 'listId', ${device.list.id}::text, 'deviceId', ${device.id}::text,
        'type', ins.type, 'nonce', ins.nonce, 'scannedAt', ins.scanned_at, 'successful', ins.successful, 'reason', ins.reason,
        'forced', ins.forced, 'offline', ins.offline)
    from ins`;
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
    aud as (${auditInserted(device)}),
    bump as (
      update badge set scan_version = scan_version + 1
      where id in (select distinct badge_id from ins where badge_id is not null))
    select nonce from ins`.execute(trx);
  return new Set(inserted.map((r) => r.nonce));
}

// The single-scan statements below are fixed SQL text run through runFixed: on PostgreSQL straight on postgres.js
// as named prepared statements (no per-query connection reservation, compiling or result mapping in Kysely, which
// cost a scan about as much CPU as the statements themselves); on PGlite, or inside a transaction, through Kysely.
// Output columns are quoted camelCase aliases, so both ways give the same row keys.

async function runFixed<R>(db: Executor, text: string, params: unknown[]): Promise<R[]> {
  const pg = postgresClientOf(db);
  if (pg) return (await pg.unsafe(text, params as never[], { prepare: true })) as unknown as R[];
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/** The columns of a StoredScan from `checkin c left join gate_device d`, as the keys of StoredScan. */
const SCAN_ALIASES = `c.id, c.badge_id as "badgeId", c.checkin_list_id as "checkinListId", c.type, c.scanned_at as "scannedAt",
  c.nonce, c.successful, c.reason, c.forced, d.name as gate`;

// $1 badge id (or null), $2 event, $3 list, $4 nonce.
const READ_SNAPSHOT_SQL = `
  select b.id as "bId", b.kind as "bKind", b.status as "bStatus", b.seed as "bSeed", b.short_code as "bShortCode",
    b.valid_from as "bValidFrom", b.valid_until as "bValidUntil", b.holder_name as "bHolderName",
    b.organization_name as "bOrganizationName", b.scan_version as "bScanVersion", h.*
  from (values (1)) as one(x)
    left join badge b on b.id = $1::uuid and b.event_id = $2::uuid
    left join lateral (
      select ${SCAN_ALIASES} from checkin c left join gate_device d on d.id = c.gate_device_id
      where c.badge_id = b.id and c.checkin_list_id = $3::uuid and c.successful and c.event_id = $2::uuid
      union
      select ${SCAN_ALIASES} from checkin c left join gate_device d on d.id = c.gate_device_id
      where c.event_id = $2::uuid and c.nonce = $4::text) h on true
  order by h.id`;

type SnapshotRow = {
  bId: string | null; bKind: BadgeKind; bStatus: LockedBadge["status"]; bSeed: string; bShortCode: string; bValidFrom: Date | null;
  bValidUntil: Date | null; bHolderName: string; bOrganizationName: string; bScanVersion: number;
} & { [K in keyof StoredScan]: StoredScan[K] | null } & { id: string | null };

/** A badge as a single scan reads it (no lock): `scanVersion` is checked again when the scan is written. */
export type ScanSnapshot = { badge: (LockedBadge & { scanVersion: number }) | undefined; earlier: StoredScan[] };

/**
 * One statement for a single scan: the badge (if the code named one), its successful scans on the device's list,
 * and any earlier scan with this nonce. One row per history row, badge columns repeated (at least one row).
 */
export async function readScanSnapshot(db: Executor, device: GateDevice, badgeId: string | null, nonce: string): Promise<ScanSnapshot> {
  const rows = await runFixed<SnapshotRow>(db, READ_SNAPSHOT_SQL, [badgeId, device.eventId, device.list.id, nonce]);
  const first = rows[0];
  const badge = first?.bId ? {
    id: first.bId, kind: first.bKind, status: first.bStatus, seed: first.bSeed, shortCode: first.bShortCode,
    validFrom: first.bValidFrom, validUntil: first.bValidUntil, holderName: first.bHolderName,
    organizationName: first.bOrganizationName, scanVersion: first.bScanVersion,
  } : undefined;
  const earlier: StoredScan[] = [];
  for (const r of rows) {
    if (r.id === null) continue;
    earlier.push({
      badgeId: r.badgeId, checkinListId: r.checkinListId!, type: r.type!, scannedAt: r.scannedAt!, nonce: r.nonce!,
      successful: r.successful!, reason: r.reason, forced: r.forced!, gate: r.gate,
    });
  }
  return { badge, earlier };
}

// $1 badge id (or null), $2 the scan_version read, $3 event, $4 list, $5 device, $6 organization, $7 type, $8 nonce,
// $9 scanned at, $10 received at, $11 successful, $12 reason, $13 forced, $14 offline. The audit row is the one
// auditInserted() writes for batches.
const WRITE_SCAN_SQL = `
  with bump as (
    update badge set scan_version = scan_version + 1
    where id = $1::uuid and scan_version = $2::int
    returning id),
  ins as (
    insert into checkin (event_id, checkin_list_id, gate_device_id, badge_id, type, nonce, scanned_at, received_at, successful, reason, forced, offline)
    select $3::uuid, $4::uuid, $5::uuid, $1::uuid, $7::text, $8::text, $9::timestamptz, $10::timestamptz, $11::bool, $12::text, $13::bool, $14::bool
    where $1::uuid is null or exists (select 1 from bump)
    on conflict (event_id, nonce) do nothing
    returning id, badge_id, type, nonce, scanned_at, successful, reason, forced, offline),
  aud as (
    insert into audit_log (action, organization_id, event_id, entity, entity_id, data)
    select 'checkin.recorded', $6::uuid, $3::uuid, 'checkin', ins.id::text,
      jsonb_build_object('badgeId', ins.badge_id, 'listId', $4::uuid::text, 'deviceId', $5::uuid::text,
        'type', ins.type, 'nonce', ins.nonce, 'scannedAt', ins.scanned_at, 'successful', ins.successful, 'reason', ins.reason,
        'forced', ins.forced, 'offline', ins.offline)
    from ins)
  select (select count(*) from bump)::int as bumped, (select count(*) from ins)::int as inserted`;

export type WriteOutcome = "written" | "stale" | "nonce_taken";

/**
 * Writes one decided scan (and its audit row) in one statement, only if the badge's scan_version is still
 * `version` (bumping it): "stale" means another scan of the badge was recorded since it was read, so the caller
 * decides again. A scan of no badge needs no check. "nonce_taken": a concurrent request recorded this nonce first.
 */
export async function writeScan(db: Executor, device: GateDevice, row: NewScan, version: number | null, receivedAt: Date): Promise<WriteOutcome> {
  const [result] = await runFixed<{ bumped: number; inserted: number }>(db, WRITE_SCAN_SQL, [
    row.badgeId, version ?? -1, device.eventId, device.list.id, device.id, device.organizationId, row.type, row.nonce,
    row.scannedAt, receivedAt, row.successful, row.reason, row.forced, row.offline,
  ]);
  if (result!.inserted === 1) return "written";
  return row.badgeId && result!.bumped === 0 ? "stale" : "nonce_taken";
}
