// A per-process copy of each scanned event's badges for the single-scan hot path (docs/decisions/009-gate-badge-cache.md).
// A gate decides from the badge row and the badge's successful scans on its list. Both are versioned by
// badge.scan_version: every scan bumps it in the statement that records it, and a trigger bumps it on any other change
// to the row. writeScan only writes if the version is still the one the decision was made with, so a copy that is out
// of date costs a retry (the scan is decided again from the database), never a wrong decision. With the copy, a scan
// of a badge this process knows is one statement instead of two.
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import type { ScanSnapshot, StoredScan } from "./scan-store.server";

type SnapshotBadge = NonNullable<ScanSnapshot["badge"]>;
type Entry = {
  badge: SnapshotBadge;
  /** Successful scans per check-in list, as of `badge.scanVersion`; a list not here is empty if `othersEmpty`. */
  lists?: Map<string, StoredScan[]>;
  othersEmpty: boolean;
};
/** "off": too large for the room left, or the load failed; tried again after RETRY_LOAD_MS. */
type EventBadges = { badges: Map<string, Entry>; state: "loading" | "copied" | "off"; usedAt: number; offAt?: number; loading?: Promise<void> };

/**
 * At most this many badges in memory (≈ 0.4 KB each: 120,000 took 0.4–0.6 s to load and 50 MB of heap); an event
 * larger than the room left is not copied and its scans read from the database.
 */
let maxBadges = Number(process.env.GATE_BADGE_COPY_MAX ?? 200_000);
const RETRY_LOAD_MS = 60_000;
const events = new Map<string, EventBadges>();

/** The badge and its successful scans on the list from the copy, or undefined (not copied yet, or history unknown). */
export function cachedSnapshot(eventId: string, listId: string, badgeId: string): ScanSnapshot | undefined {
  const entry = events.get(eventId)?.badges.get(badgeId);
  if (!entry) return undefined;
  const earlier = entry.lists?.get(listId) ?? (entry.othersEmpty ? [] : undefined);
  return earlier && { badge: entry.badge, earlier };
}

/** Keeps what a scan read from the database (the badge's successful scans on `listId` as of its version). */
export function rememberSnapshot(eventId: string, listId: string, snapshot: ScanSnapshot): void {
  const { badge } = snapshot;
  const event = events.get(eventId);
  if (!badge || !event || event.state === "off") return;
  const old = event.badges.get(badge.id);
  if (old && old.badge.scanVersion > badge.scanVersion) return;
  const earlier = snapshot.earlier.filter((r) => r.successful && r.badgeId === badge.id && r.checkinListId === listId);
  const same = old && old.badge.scanVersion === badge.scanVersion;
  event.badges.set(badge.id, { badge, lists: new Map(same ? old.lists : undefined).set(listId, earlier), othersEmpty: same ? old.othersEmpty : false });
}

/** After this process wrote a scan of the badge at `version`: the copy moves to version + 1. */
export function rememberWrite(eventId: string, listId: string, badgeId: string, version: number, written: StoredScan): void {
  const entry = events.get(eventId)?.badges.get(badgeId);
  if (!entry || entry.badge.scanVersion !== version) return;
  entry.badge = { ...entry.badge, scanVersion: version + 1 };
  const earlier = entry.lists?.get(listId) ?? (entry.othersEmpty ? [] : undefined);
  if (earlier) entry.lists = new Map(entry.lists).set(listId, written.successful ? [...earlier, written] : earlier);
}

/** Drops the badge from the copy (its version moved on elsewhere). */
export function forgetBadge(eventId: string, badgeId: string): void {
  events.get(eventId)?.badges.delete(badgeId);
}

/**
 * Starts copying the event's badges in the background the first time a scan asks for it (again a minute after the
 * copy was refused or failed); scans meanwhile read from the database as before.
 */
export function warmEvent(db: Executor, eventId: string): void {
  const now = Date.now();
  const old = events.get(eventId);
  if (old) old.usedAt = now;
  if (maxBadges <= 0 || (old && (old.state !== "off" || now - old.offAt! < RETRY_LOAD_MS))) return;
  const event: EventBadges = { badges: new Map(), state: "loading", usedAt: now };
  events.set(eventId, event);
  event.loading = loadEvent(db, eventId, event).catch((error) => {
    turnOff(event);
    console.error("[pendopo] gate badge copy failed", eventId, error);
  });
}

function turnOff(event: EventBadges): void {
  Object.assign(event, { state: "off", offAt: Date.now(), badges: new Map() });
}

/** Resolves when the event's copy is loaded (tests, benchmarks); never rejects. */
export async function eventWarmed(eventId: string): Promise<void> {
  await events.get(eventId)?.loading;
}

/** Forgets every copy, and sets the room for badges when given (tests). */
export function clearBadgeCache(room?: number): void {
  events.clear();
  if (room !== undefined) maxBadges = room;
}

async function loadEvent(db: Executor, eventId: string, event: EventBadges): Promise<void> {
  const { rows: [count] } = await sql<{ n: number }>`select count(*)::int as n from badge where event_id = ${eventId}`.execute(db);
  if (!makeRoom(count?.n ?? 0, event)) return turnOff(event);
  const { rows } = await sql<SnapshotBadge>`
    select id, kind, status, seed, short_code, valid_from, valid_until, holder_name, organization_name, scan_version
    from badge where event_id = ${eventId}`.execute(db);
  for (const badge of rows) {
    const old = event.badges.get(badge.id);
    // What a scan read or wrote meanwhile is at least as new as this load.
    if (old && old.badge.scanVersion >= badge.scanVersion) continue;
    // Version 0: never scanned (nor changed since issue), so every list's history is empty.
    event.badges.set(badge.id, { badge, othersEmpty: badge.scanVersion === 0 });
  }
  event.state = "copied";
}

/** Drops the copies of the events scanned least recently until `needed` badges fit; false if they cannot. */
function makeRoom(needed: number, keep: EventBadges): boolean {
  const others = [...events.entries()].filter(([, e]) => e !== keep).sort(([, x], [, y]) => x.usedAt - y.usedAt);
  let used = others.reduce((n, [, e]) => n + e.badges.size, 0);
  if (needed > maxBadges) return false;
  for (const [id, e] of others) {
    if (used + needed <= maxBadges) break;
    used -= e.badges.size;
    events.delete(id);
  }
  return true;
}
