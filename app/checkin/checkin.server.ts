// Recording gate scans (contract: shared/formats/checkin.md §1–2). The entry decision itself is the pure
// decideEntry; this module serialises the scans of one badge with a row lock, decides, and writes the scan log
// exactly once per nonce (storage in scan-store.server.ts).
import { DateTime } from "luxon";
import type { Executor } from "~/utils/db.server";
import { inTransaction } from "~/badges/badges.server";
import type { Scan } from "./checkin.schema";
import { compactHistory } from "./compact-history";
import { decisionZone } from "./decision-zone";
import { decideEntry, type BadgeKind, type EntryDecision, type EntryInput, type EntryRejection } from "./decide-entry";
import type { GateDevice } from "./gates.server";
import { cachedSnapshot, forgetBadge, rememberSnapshot, rememberWrite, warmEvent } from "./badge-cache.server";
import {
  insertRows, loadHistory, lockBadges, readScanSnapshot, resolveCodes, writeScan, type BadgeRef, type LockedBadge, type NewScan, type StoredScan,
} from "./scan-store.server";

export type ScanBadge = { id: string; name: string; organization: string; kind: BadgeKind };
export type ScanPrevious = { at: string; gate: string | null };

/** The contract's answer for one scan (§2). `forced` appears only when true; `previous` only for already_inside. */
export type ScanAnswer =
  | { ok: true; duplicate: boolean; forced?: true; badge?: ScanBadge }
  | { ok: false; reason: EntryRejection; duplicate: boolean; badge?: ScanBadge; previous?: ScanPrevious };

export type ScanInput = Omit<Scan, "force"> & { force?: boolean };

/**
 * Records one scan and answers it per contract §2. A code that is not a valid code of the device's event
 * (malformed, forged, truncated, another event's, a deleted badge) is `unknown_badge`, never an error; a typed
 * short code is accepted too. A re-sent nonce returns the earlier decision with `duplicate: true` and records
 * nothing new.
 *
 * @example
 * await recordScan(db, device, { code: "P1…", type: "entry", nonce: "2b6c…", scannedAt: "2026-12-13T09:02:11+07:00" }, new Date())
 * // { ok: false, reason: "already_inside", duplicate: false, badge: { … }, previous: { at: "2026-12-13T08:41:05+07:00", gate: "Gerbang A" } }
 */
export async function recordScan(db: Executor, device: GateDevice, scan: ScanInput, now: Date): Promise<ScanAnswer> {
  // The hot path of a gate: no transaction. Take the badge and its history from this process's copy (else read them,
  // one statement), decide, and write only if no other change or scan of the badge was recorded meanwhile
  // (scan_version); otherwise decide again from the database. The rare contended or re-sent scan falls back to the
  // locking batch path, which also replays duplicates.
  const refs = await resolveCodes(db, device, [scan.code]);
  const badgeId = refs[0]?.badgeId ?? null;
  const local: GateDevice = { ...device, timeZone: decisionZone(device.timeZone, now) };
  if (!db.isTransaction) warmEvent(db, device.eventId);
  for (let attempt = 0; attempt < 3; attempt++) {
    const cached = attempt === 0 && badgeId ? cachedSnapshot(device.eventId, device.list.id, badgeId) : undefined;
    const snapshot = cached ?? await readScanSnapshot(db, device, badgeId, scan.nonce);
    const { badge, earlier } = snapshot;
    if (earlier.some((r) => r.nonce === scan.nonce)) break;
    if (!cached) rememberSnapshot(device.eventId, device.list.id, snapshot);
    const plan = decideAll(local, [scan], refs, new Map(badge ? [[badge.id, badge]] : []), earlier);
    const row = plan.rows[0]!;
    const outcome = await writeScan(db, device, row, badge?.scanVersion ?? null, now);
    if (outcome === "written") {
      if (badge) rememberWrite(device.eventId, device.list.id, badge.id, badge.scanVersion, { ...row, checkinListId: device.list.id, gate: device.name });
      return plan.answers[0]!;
    }
    if (badgeId) forgetBadge(device.eventId, badgeId);
    if (outcome === "nonce_taken") break;
  }
  return (await recordScanBatch(db, device, [scan], now))[0]!;
}

/**
 * Records up to 500 scans of one device in order and answers each (same order). Codes are verified before the
 * transaction; then one transaction locks every known badge of the batch (sorted by id, so concurrent batches
 * cannot deadlock), reads their history on the list once, decides each scan in memory (later scans of a badge
 * see earlier ones of the batch), and writes all rows and their audit entries in one statement with
 * ON CONFLICT (event_id, nonce) DO NOTHING.
 *
 * @example
 * const answers = await recordScanBatch(db, device, queuedScans, new Date()) // answers[i] belongs to queuedScans[i]
 */
export async function recordScanBatch(db: Executor, device: GateDevice, scans: ScanInput[], now: Date): Promise<ScanAnswer[]> {
  if (scans.length === 0) return [];
  const refs = await resolveCodes(db, device, scans.map((s) => s.code));
  const ids = [...new Set(refs.filter((r): r is BadgeRef => r !== null).map((r) => r.badgeId))].sort();
  // Decisions and `previous.at` use the zone as a fixed offset where that is exact (decision-zone.ts).
  const local: GateDevice = { ...device, timeZone: decisionZone(device.timeZone, now) };
  const work = async (trx: Executor) => {
    const badges = ids.length > 0 ? await lockBadges(trx, device.eventId, ids) : new Map<string, LockedBadge>();
    const earlier = await loadHistory(trx, device, ids, scans.map((s) => s.nonce));
    const plan = decideAll(local, scans, refs, badges, earlier);
    const inserted = await insertRows(trx, device, plan.rows, now);
    if (inserted.size < plan.rows.length) await replayLosers(trx, local, scans, plan, inserted, badges);
    return plan.answers;
  };
  // Unknown codes need no lock, so a batch of only those runs without a transaction.
  return ids.length > 0 ? inTransaction(db, work) : work(db);
}

type Plan = { answers: ScanAnswer[]; rows: NewScan[]; history: Map<string, StoredScan[]> };

function decideAll(device: GateDevice, scans: ScanInput[], refs: Array<BadgeRef | null>, badges: Map<string, LockedBadge>, earlier: StoredScan[]): Plan {
  const byNonce = new Map<string, StoredScan>();
  const history = new Map<string, StoredScan[]>();
  for (const row of earlier) {
    if (!byNonce.has(row.nonce)) byNonce.set(row.nonce, row);
    if (row.successful && row.badgeId && row.checkinListId === device.list.id) push(history, row.badgeId, row);
  }
  const plan: Plan = { answers: [], rows: [], history };
  const answered = new Map<string, ScanAnswer>();
  for (const [i, scan] of scans.entries()) {
    const repeat = answered.get(scan.nonce);
    const old = byNonce.get(scan.nonce);
    if (repeat || old) {
      // The same nonce earlier in this batch, or already recorded: its decision again, nothing new recorded.
      const answer = repeat ? { ...repeat, duplicate: true } : replayAnswer(device, old!, badgeOf(badges, old!), history);
      answered.set(scan.nonce, answer);
      plan.answers.push(answer);
      continue;
    }
    const ref = refs[i];
    const badge = ref ? badges.get(ref.badgeId) : undefined;
    const past = badge ? history.get(badge.id) ?? [] : [];
    const decision = decideEntry({
      timeZone: device.timeZone,
      list: device.list.rules,
      badge: badge ? entryBadge(badge, ref!) : null,
      history: compactHistory(past.map(historyEntry), device.list.rules),
      scan: { type: scan.type, at: scan.scannedAt, nonce: scan.nonce, force: scan.force ?? false },
    });
    const row: NewScan = {
      badgeId: badge?.id ?? null, type: scan.type, nonce: scan.nonce, scannedAt: instantOf(scan.scannedAt),
      successful: decision.ok, reason: decision.ok ? null : decision.reason, forced: decision.ok && decision.forced === true,
      offline: scan.force ?? false,
    };
    const answer = toAnswer(device, decision, badge, past);
    if (row.successful && badge) push(history, badge.id, { ...row, checkinListId: device.list.id, gate: device.name });
    answered.set(scan.nonce, answer);
    plan.answers.push(answer);
    plan.rows.push(row);
  }
  return plan;
}

/** A code whose random part (or short code) is no longer the badge's current one was replaced: it is revoked. */
function entryBadge(badge: LockedBadge, ref: BadgeRef): NonNullable<EntryInput["badge"]> {
  const replaced = (ref.seed !== undefined && ref.seed !== badge.seed) || (ref.shortCode !== undefined && ref.shortCode !== badge.shortCode);
  return {
    kind: badge.kind,
    status: replaced ? "revoked" : badge.status,
    validFrom: badge.validFrom?.toISOString() ?? null,
    validUntil: badge.validUntil?.toISOString() ?? null,
  };
}

function historyEntry(row: StoredScan): EntryInput["history"][number] {
  return { type: row.type, at: row.scannedAt.toISOString(), nonce: row.nonce, successful: row.successful, forced: row.forced, reason: row.reason ?? undefined };
}

function badgeOf(badges: Map<string, LockedBadge>, row: StoredScan): LockedBadge | undefined {
  return row.badgeId ? badges.get(row.badgeId) : undefined;
}

function toAnswer(device: GateDevice, decision: EntryDecision, badge: LockedBadge | undefined, past: StoredScan[], duplicate = false): ScanAnswer {
  const info = badge && { id: badge.id, name: badge.holderName, organization: badge.organizationName, kind: badge.kind };
  if (decision.ok) return { ok: true, duplicate, ...(decision.forced ? { forced: true as const } : {}), ...(info ? { badge: info } : {}) };
  const answer: ScanAnswer = { ok: false, reason: decision.reason, duplicate, ...(info ? { badge: info } : {}) };
  if (decision.reason === "already_inside") {
    const last = lastEntry(past);
    if (last) answer.previous = { at: inZone(last.scannedAt, device.timeZone), gate: last.gate };
  }
  return answer;
}

/** The earlier decision of a re-sent nonce, with the badge and (for already_inside) the last entry before it. */
function replayAnswer(device: GateDevice, old: StoredScan, badge: LockedBadge | undefined, history: Map<string, StoredScan[]>): ScanAnswer {
  const decision: EntryDecision = old.successful ? { ok: true, forced: old.forced || undefined } : { ok: false, reason: old.reason ?? "unknown_badge" };
  const others = (old.badgeId ? history.get(old.badgeId) ?? [] : []).filter((r) => r.nonce !== old.nonce);
  const before = others.filter((r) => r.scannedAt.getTime() <= old.scannedAt.getTime());
  return toAnswer(device, decision, badge, before.length > 0 ? before : others, true);
}

/** Scans whose nonce a concurrent request recorded first answer that request's decision, as duplicates. */
async function replayLosers(trx: Executor, device: GateDevice, scans: ScanInput[], plan: Plan, inserted: Set<string>, badges: Map<string, LockedBadge>): Promise<void> {
  const lost = plan.rows.filter((r) => !inserted.has(r.nonce)).map((r) => r.nonce);
  const winners = new Map((await loadHistory(trx, device, [], lost)).map((r) => [r.nonce, r]));
  for (const [i, scan] of scans.entries()) {
    const winner = winners.get(scan.nonce);
    if (winner) plan.answers[i] = replayAnswer(device, winner, badgeOf(badges, winner), plan.history);
  }
}

/** The last successful entry by scan time (ties: the later row), as decideEntry orders history. */
function lastEntry(past: StoredScan[]): StoredScan | undefined {
  let last: StoredScan | undefined;
  for (const row of past) if (row.type === "entry" && (!last || row.scannedAt.getTime() >= last.scannedAt.getTime())) last = row;
  return last;
}

/** An ISO instant with an offset as a Date (Date.parse reads the common "+07:00"/"Z" forms; luxon the rest). */
function instantOf(iso: string): Date {
  const ms = /(?:Z|[+-]\d{2}:\d{2})$/i.test(iso) ? Date.parse(iso) : NaN;
  return new Date(Number.isNaN(ms) ? DateTime.fromISO(iso).toMillis() : ms);
}

/** "2026-12-13T08:41:05+07:00": the event's local time with its offset. */
function inZone(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
