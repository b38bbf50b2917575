// The gate's entry decision (contract: shared/formats/checkin.md §1).
// Pure: no I/O, no clock. The server (online scans) and the gate phone (offline) run this same code,
// so it imports nothing but luxon.
import { DateTime } from "luxon";

export type BadgeKind = "exhibitor" | "buyer" | "visitor" | "staff" | "press" | "vip";

export type EntryRejection =
  | "unknown_badge"
  | "revoked"
  | "blocked"
  | "pending"
  | "wrong_kind"
  | "wrong_day"
  | "not_yet_valid"
  | "expired"
  | "list_closed"
  | "already_inside"
  | "rules";

export type EntryInput = {
  /** The event's IANA zone, e.g. "Asia/Jakarta"; days are local days there. */
  timeZone: string;
  /** A check-in list (one gate, a hall, or a day). */
  list: {
    /** Any number of entries, no exit needed in between. */
    allowMultipleEntries: boolean;
    /** Re-entry is allowed once the last successful scan was an exit. */
    allowEntryAfterExit: boolean;
    /** Badges whose status is 'pending' (unpaid / not yet approved) may enter. */
    includePending: boolean;
    /** null = every kind. */
    kinds: BadgeKind[] | null;
    /** Local dates 'YYYY-MM-DD' on which the list admits; null = any day. */
    days: string[] | null;
    /** ISO instants; outside [opensAt, closesAt) the list refuses entries. */
    opensAt: string | null;
    closesAt: string | null;
    /** Successful entries per local day. */
    maxEntriesPerDay: number | null;
    maxEntriesTotal: number | null;
  };
  /** null = the code did not match any badge of this event. */
  badge: null | {
    kind: BadgeKind;
    status: "valid" | "pending" | "revoked" | "blocked";
    /** ISO instants; the badge is valid on [validFrom, validUntil). */
    validFrom: string | null;
    validUntil: string | null;
  };
  history: Array<{
    type: "entry" | "exit";
    at: string;
    nonce: string;
    successful: boolean;
    forced?: boolean;
    reason?: EntryRejection;
  }>;
  /** force: an offline scan (already accepted by a gate phone) uploaded later. */
  scan: { type: "entry" | "exit"; at: string; nonce: string; force?: boolean };
};

export type EntryDecision =
  | { ok: true; duplicate?: boolean; forced?: boolean }
  | { ok: false; reason: EntryRejection; duplicate?: boolean };

type HistoryRow = EntryInput["history"][number];
type TimedRow = { row: HistoryRow; ms: number; index: number };

/**
 * Decides whether a scan at the gate passes, following the check-in contract (reason precedence,
 * idempotent nonces, half-open windows, re-entry rules, per-day and total limits, forced offline scans).
 *
 * Where the contract leaves room, this implementation:
 * - takes the earliest history row (by `at`, ties by array order) when a nonce appears more than once;
 *   a refused row stored without a `reason` replays as `unknown_badge`;
 * - judges re-entry and limits against the whole history (all successful rows, whatever their `at`),
 *   i.e. the recorded state of the badge on this list, not only rows before `scan.at`;
 * - counts forced entries like any other successful entry.
 * Malformed instants or an unknown zone are bugs in the caller and throw.
 *
 * @example
 * decideEntry({
 *   timeZone: 'Asia/Jakarta',
 *   list: { allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false, kinds: null,
 *           days: null, opensAt: null, closesAt: null, maxEntriesPerDay: null, maxEntriesTotal: null },
 *   badge: { kind: 'visitor', status: 'valid', validFrom: null, validUntil: null },
 *   history: [{ type: 'entry', at: '2026-12-13T08:41:05+07:00', nonce: 'a', successful: true }],
 *   scan: { type: 'entry', at: '2026-12-13T09:02:11+07:00', nonce: 'b' },
 * }) // → { ok: false, reason: 'already_inside' }
 */
export function decideEntry(input: EntryInput): EntryDecision {
  const { list, badge, scan } = input;
  const clock = clockFor(input.timeZone);
  const history = sortHistory(input.history, clock);

  const earlier = history.find((h) => h.row.nonce === scan.nonce);
  if (earlier) return replay(earlier.row);

  if (badge === null) return refuse("unknown_badge");
  if (badge.status === "revoked") return refuse("revoked");
  if (badge.status === "blocked") return refuse("blocked");
  const wrongKind = list.kinds !== null && !list.kinds.includes(badge.kind);
  if (scan.type === "exit") return wrongKind ? refuse("wrong_kind") : { ok: true };

  if (badge.status === "pending" && !list.includePending) return refuse("pending");
  if (wrongKind) return refuse("wrong_kind");

  const ms = clock.instant(scan.at);
  if (badge.validFrom !== null && ms < clock.instant(badge.validFrom)) return refuse("not_yet_valid");
  if (badge.validUntil !== null && ms >= clock.instant(badge.validUntil)) return refuse("expired");
  if (list.opensAt !== null && ms < clock.instant(list.opensAt)) return refuse("list_closed");
  if (list.closesAt !== null && ms >= clock.instant(list.closesAt)) return refuse("list_closed");
  const day = clock.day(ms);
  if (list.days !== null && !list.days.includes(day)) return refuse("wrong_day");

  const counted = history.filter((h) => h.row.successful);
  const reason = alreadyInside(counted, list) ? "already_inside" : limitReached(counted, list, day, clock) ? "rules" : null;
  if (reason === null) return { ok: true };
  return scan.force ? { ok: true, forced: true } : refuse(reason);
}

function refuse(reason: EntryRejection): EntryDecision {
  return { ok: false, reason };
}

/** The earlier result of a scan whose nonce is already recorded. */
function replay(row: HistoryRow): EntryDecision {
  if (row.successful) return row.forced ? { ok: true, duplicate: true, forced: true } : { ok: true, duplicate: true };
  return { ok: false, reason: row.reason ?? "unknown_badge", duplicate: true };
}

/** Single entry and already entered, or re-entry without an exit since the last entry where that is not allowed. */
function alreadyInside(successful: TimedRow[], list: EntryInput["list"]): boolean {
  if (list.allowMultipleEntries) return false;
  if (!successful.some((h) => h.row.type === "entry")) return false;
  const last = successful[successful.length - 1];
  return !(list.allowEntryAfterExit && last.row.type === "exit");
}

function limitReached(successful: TimedRow[], list: EntryInput["list"], day: string, clock: Clock): boolean {
  const entries = successful.filter((h) => h.row.type === "entry");
  if (list.maxEntriesTotal !== null && entries.length >= list.maxEntriesTotal) return true;
  if (list.maxEntriesPerDay === null) return false;
  const today = entries.filter((h) => clock.day(h.ms) === day).length;
  return today >= list.maxEntriesPerDay;
}

/** History by `at`, ties kept in array order. */
function sortHistory(rows: HistoryRow[], clock: Clock): TimedRow[] {
  const timed = rows.map((row, index) => ({ row, index, ms: clock.instant(row.at) }));
  return timed.sort((a, b) => a.ms - b.ms || a.index - b.index);
}

/** Instants and local days in the event's zone. */
type Clock = { instant: (iso: string) => number; day: (ms: number) => string };

// The server decides in a fixed-offset zone ("UTC+7", decision-zone.ts), where reading a plain ISO instant with
// its offset and finding its local day is plain arithmetic; luxon's parser was most of a decision's time there.
// Anything else (IANA zones on the phone, unusual instant forms, out-of-range fields) goes through luxon, so the
// results and the errors are luxon's.
const FIXED_ZONE_RE = /^UTC(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/;
const PLAIN_INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,3})?(?:Z|[+-](\d{2}):(\d{2}))$/;

function clockFor(zone: string): Clock {
  const luxon: Clock = {
    instant: (iso) => toDateTime(iso, zone).toMillis(),
    day: (ms) => DateTime.fromMillis(ms, { zone }).toISODate()!,
  };
  const fixed = FIXED_ZONE_RE.exec(zone);
  if (!fixed) return luxon;
  const offsetMs = (fixed[1] === "-" ? -1 : 1) * (Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0)) * 60_000;
  return {
    instant: (iso) => {
      const ms = plainInstant(iso);
      return ms ?? luxon.instant(iso);
    },
    day: (ms) => {
      const local = new Date(ms + offsetMs);
      const year = local.getUTCFullYear();
      return year >= 1000 && year <= 9999 ? local.toISOString().slice(0, 10) : luxon.day(ms);
    },
  };
}

/** Epoch ms of "YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)" with every field in its normal range, else null. */
function plainInstant(iso: string): number | null {
  const m = PLAIN_INSTANT_RE.exec(iso);
  if (!m) return null;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1, 9).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if (year! < 1000 || month! < 1 || month! > 12 || day! < 1 || day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return null;
  if (hour! > 23 || minute! > 59 || second! > 59 || offH! > 23 || offM! > 59) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function toDateTime(iso: string, zone: string): DateTime {
  // An instant without an offset is read as the event's local time, never the device's.
  const dt = DateTime.fromISO(iso, { zone });
  if (!dt.isValid) throw new RangeError(`decideEntry: invalid instant or zone: ${iso} (${zone}): ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
}

