/**
 * Time zones, local dates and human-readable times for Indonesian events.
 *
 * Instants are stored in UTC (`timestamptz`); every event carries an IANA zone and is shown in that
 * zone with its Indonesian abbreviation (WIB/WITA/WIT). Pure: the clock is never read here.
 * Measured behaviour of Intl/luxon that shapes this file: `ecosystem.md` §1.1 and §1.2.
 */
import { DateTime, IANAZone } from "luxon";

export type Locale = "id" | "en";

/** An instant as a `Date` or an ISO-8601/SQL string with an explicit offset (e.g. from loader JSON). */
export type Instant = Date | string;

export type EventZone = "Asia/Jakarta" | "Asia/Pontianak" | "Asia/Makassar" | "Asia/Jayapura";
export type IndonesianZoneAbbrev = "WIB" | "WITA" | "WIT";

export type EventZoneInfo = {
  zone: EventZone;
  abbrev: IndonesianZoneAbbrev;
  offsetHours: 7 | 8 | 9;
  label: { id: string; en: string };
};

/**
 * The zones offered in the event form, in picker order. Pontianak is listed separately because
 * West Kalimantan is WIB although the rest of Kalimantan mostly is not (`ecosystem.md` §1.2).
 */
export const EVENT_ZONES: readonly EventZoneInfo[] = [
  {
    zone: "Asia/Jakarta",
    abbrev: "WIB",
    offsetHours: 7,
    label: { id: "WIB – Jakarta, Surakarta", en: "WIB – Jakarta, Surakarta (UTC+7)" },
  },
  {
    zone: "Asia/Pontianak",
    abbrev: "WIB",
    offsetHours: 7,
    label: { id: "WIB – Pontianak", en: "WIB – Pontianak (UTC+7)" },
  },
  {
    zone: "Asia/Makassar",
    abbrev: "WITA",
    offsetHours: 8,
    label: { id: "WITA – Makassar, Bali", en: "WITA – Makassar, Bali (UTC+8)" },
  },
  {
    zone: "Asia/Jayapura",
    abbrev: "WIT",
    offsetHours: 9,
    label: { id: "WIT – Jayapura, Ambon", en: "WIT – Jayapura, Ambon (UTC+9)" },
  },
];

/** Longest event we accept (see validateEventDays); a mall pameran runs days, not months. */
export const MAX_EVENT_DAYS = 60;

/**
 * Hard cap of `daysBetween`, only to bound the loop on hostile input ("0001-01-01" to "9999-12-31").
 * Deliberately above MAX_EVENT_DAYS so that `daysBetween(a, b).length > MAX_EVENT_DAYS` still detects
 * an over-long event.
 */
export const DAYS_BETWEEN_LIMIT = 366;

const LOCAL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME_RE = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/;
// Every segment of a tzdb name starts with a capital ("America/Port-au-Prince", "Etc/GMT-7", "UTC").
const IANA_NAME_RE = /^[A-Z][A-Za-z0-9_+-]*(?:\/[A-Z][A-Za-z0-9_+-]*)*$/;
const EXPLICIT_OFFSET_RE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * True when `zone` is one of {@link EVENT_ZONES}.
 *
 * @example isEventZone("Asia/Makassar") // true; isEventZone("Asia/Singapore") // false
 */
export function isEventZone(zone: string): zone is EventZone {
  return EVENT_ZONES.some((z) => z.zone === zone);
}

/**
 * True when the runtime knows `zone` as an IANA name spelled with its proper capitals. Aliases the
 * runtime knows (`Asia/Kolkata`, `Asia/Calcutta`) are valid; case variants (`asia/jakarta`) and raw
 * offsets (`+07:00`) are not, so a stored zone always matches VTIMEZONE ids and {@link EVENT_ZONES}.
 *
 * @example isValidIanaZone("Asia/Jayapura") // true; isValidIanaZone("WIB") // false
 */
export function isValidIanaZone(zone: string): boolean {
  return IANA_NAME_RE.test(zone) && IANAZone.isValidZone(zone);
}

/**
 * The runtime's canonical spelling of a zone, or null when it is unknown. Useful to normalise a
 * browser-reported or typed zone before validation.
 *
 * @example canonicalZone("asia/ujung_pandang") // "Asia/Makassar"
 */
export function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * Short name of a zone: WIB/WITA/WIT for Indonesian zones (aliases such as `Asia/Ujung_Pandang`
 * included); otherwise the en-US abbreviation when ICU has a real one (`EST`, `PDT`, `GMT`, `UTC`);
 * otherwise the offset as `UTC+10`, `UTC+5:30`, `UTC-3`. Pass `at` for zones with DST; without it
 * the zone's standard (lower) offset of 2026 is described. Throws RangeError for an unknown zone.
 *
 * @example zoneAbbrev("Asia/Makassar") // "WITA"; zoneAbbrev("Australia/Brisbane") // "UTC+10"
 */
export function zoneAbbrev(zone: string, at?: Instant): string {
  assertZone(zone);
  const indonesian = indonesianAbbrev(zone);
  if (indonesian) return indonesian;
  const dt = at === undefined ? standardTimeIn(zone) : toDateTime(at, zone);
  const name = dt.setLocale("en-US").offsetNameShort;
  if (name && !/^(?:GMT|UTC)[+-]/.test(name)) return name;
  return formatOffset(dt.offset);
}

/**
 * Long date in the event's zone: `Senin, 13 Desember 2021` / `Monday, 13 December 2021`.
 *
 * @example formatDate("2021-12-13T02:00:00Z", "Asia/Jakarta", "id") // "Senin, 13 Desember 2021"
 */
export function formatDate(instant: Instant, zone: string, locale: Locale): string {
  return toDateTime(instant, zone).setLocale(locale).toFormat("cccc, d LLLL yyyy");
}

/**
 * Short date for day tabs: `Sen, 13 Des` / `Mon, 13 Dec`.
 *
 * @example formatShortDate("2021-12-13T02:00:00Z", "Asia/Jakarta", "en") // "Mon, 13 Dec"
 */
export function formatShortDate(instant: Instant, zone: string, locale: Locale): string {
  return toDateTime(instant, zone).setLocale(locale).toFormat("ccc, d LLL");
}

/**
 * Wall-clock time with the zone's short name. Indonesian writes the period separator (`09.00 WIB`),
 * English the colon (`09:00 WIB`); both are 24-hour, as on Indonesian event programmes.
 *
 * @example formatTime("2021-12-13T02:00:00Z", "Asia/Jakarta", "id") // "09.00 WIB"
 */
export function formatTime(instant: Instant, zone: string, locale: Locale): string {
  const dt = toDateTime(instant, zone);
  return `${clock(dt, locale)} ${zoneAbbrev(zone, dt.toJSDate())}`;
}

/**
 * A time range with one abbreviation: `09.00–10.30 WIB` (en dash, no spaces). A range that
 * crosses local midnight reads naturally (`20.00–02.00 WIB`). Only if the abbreviation changes
 * inside the range (a DST switch abroad) does each end get its own.
 *
 * @example formatTimeRange("2021-12-13T02:00Z", "2021-12-13T03:30Z", "Asia/Jakarta", "id") // "09.00–10.30 WIB"
 */
export function formatTimeRange(start: Instant, end: Instant, zone: string, locale: Locale): string {
  const from = toDateTime(start, zone);
  const to = toDateTime(end, zone);
  const fromAbbrev = zoneAbbrev(zone, from.toJSDate());
  const toAbbrev = zoneAbbrev(zone, to.toJSDate());
  if (fromAbbrev !== toAbbrev) {
    return `${clock(from, locale)} ${fromAbbrev}–${clock(to, locale)} ${toAbbrev}`;
  }
  return `${clock(from, locale)}–${clock(to, locale)} ${toAbbrev}`;
}

/**
 * The same instant in the viewer's zone, for "09.00 WIB (10.00 WITA)". Returns null when the
 * viewer's offset equals the event's at that instant (nothing to add), and also when `viewerZone`
 * is unknown, because it comes from the browser and is only a courtesy. When the viewer's local
 * date differs from the event's, ` +1` or ` -1` (days) is appended, as in airline timetables.
 *
 * @example formatInViewerZone("2021-12-13T02:00Z", "Asia/Jakarta", "Asia/Makassar", "id") // "10.00 WITA"
 */
export function formatInViewerZone(
  instant: Instant,
  eventZone: string,
  viewerZone: string,
  locale: Locale,
): string | null {
  const inEvent = toDateTime(instant, eventZone);
  if (!IANAZone.isValidZone(viewerZone)) return null;
  const inViewer = inEvent.setZone(viewerZone);
  if (inViewer.offset === inEvent.offset) return null;
  const text = `${clock(inViewer, locale)} ${zoneAbbrev(viewerZone, inViewer.toJSDate())}`;
  const dayShift = daySpan(inEvent.toFormat("yyyy-LL-dd"), inViewer.toFormat("yyyy-LL-dd"));
  if (dayShift === 0) return text;
  return `${text} ${dayShift > 0 ? "+" : "-"}${Math.abs(dayShift)}`;
}

/**
 * The local calendar date (YYYY-MM-DD) of an instant in a zone.
 *
 * @example localDateOf("2026-11-20T17:30:00Z", "Asia/Jakarta") // "2026-11-21"
 */
export function localDateOf(instant: Instant, zone: string): string {
  return toDateTime(instant, zone).toFormat("yyyy-LL-dd");
}

/**
 * The instant of a local date and wall-clock time in a zone, or null for invalid input: a bad or
 * impossible date (`2026-02-30`), a bad time (`25:00`, `9:7`), an unknown zone, or a wall-clock time
 * skipped by a DST switch abroad. Accepts `HH:mm`, `HH.mm`, `H.mm` and an optional `:ss`.
 *
 * @example localToInstant("2026-11-20", "09.00", "Asia/Makassar") // 2026-11-20T01:00:00.000Z
 */
export function localToInstant(date: string, time: string, zone: string): Date | null {
  const day = parseLocalDate(date);
  const t = LOCAL_TIME_RE.exec(time);
  if (!day || !t || !IANAZone.isValidZone(zone)) return null;
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  const second = t[3] === undefined ? 0 : Number(t[3]);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const [year, month, dayOfMonth] = day.split("-").map(Number);
  const dt = DateTime.fromObject({ year, month, day: dayOfMonth, hour, minute, second }, { zone });
  // luxon silently moves a skipped (DST gap) time forward; a wrong time is worse than no time.
  if (!dt.isValid || dt.hour !== hour || dt.minute !== minute) return null;
  return dt.toJSDate();
}

/**
 * Local date and time (`HH:mm`, the `<input type="time">` format) of an instant in a zone.
 *
 * @example instantToLocalParts("2026-11-20T01:00:00Z", "Asia/Makassar") // { date: "2026-11-20", time: "09:00" }
 */
export function instantToLocalParts(instant: Instant, zone: string): { date: string; time: string } {
  const dt = toDateTime(instant, zone);
  return { date: dt.toFormat("yyyy-LL-dd"), time: dt.toFormat("HH:mm") };
}

/**
 * Every date from `firstDay` to `lastDay`, inclusive. Empty when either date is invalid or
 * `lastDay` is before `firstDay`. At most {@link DAYS_BETWEEN_LIMIT} (366) dates, later ones
 * dropped; the business limit of {@link MAX_EVENT_DAYS} is checked by {@link validateEventDays}.
 *
 * @example daysBetween("2023-10-06", "2023-10-08") // ["2023-10-06", "2023-10-07", "2023-10-08"]
 */
export function daysBetween(firstDay: string, lastDay: string): string[] {
  const first = parseLocalDate(firstDay);
  const last = parseLocalDate(lastDay);
  if (!first || !last || last < first) return [];
  const days: string[] = [];
  for (let d = first; d <= last && days.length < DAYS_BETWEEN_LIMIT; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * Checks an event's first and last day: both valid dates, in order, at most {@link MAX_EVENT_DAYS}
 * days long (inclusive). Returns null when fine.
 *
 * @example validateEventDays("2023-10-06", "2023-10-10") // null
 */
export function validateEventDays(
  firstDay: string,
  lastDay: string,
): null | "invalid_date" | "end_before_start" | "too_long" {
  const first = parseLocalDate(firstDay);
  const last = parseLocalDate(lastDay);
  if (!first || !last) return "invalid_date";
  if (last < first) return "end_before_start";
  if (daySpan(first, last) + 1 > MAX_EVENT_DAYS) return "too_long";
  return null;
}

/**
 * Strict `YYYY-MM-DD` check of a real calendar date; returns the same string or null. No
 * trimming, no other formats (`13/12/2021`), no impossible dates (`2026-02-30`).
 *
 * @example parseLocalDate("2024-02-29") // "2024-02-29"; parseLocalDate("2023-02-29") // null
 */
export function parseLocalDate(s: string): string | null {
  // luxon accepts year 0000, which PostgreSQL's `date` cannot store (it has no year 0).
  if (!LOCAL_DATE_RE.test(s) || s.startsWith("0000")) return null;
  return DateTime.fromISO(s, { zone: "utc" }).isValid ? s : null;
}

/**
 * Adds whole days to a `YYYY-MM-DD` date (calendar arithmetic, no zone involved).
 *
 * @example addDays("2026-12-31", 1) // "2027-01-01"
 */
export function addDays(day: string, days: number): string {
  const dt = DateTime.fromISO(day, { zone: "utc" });
  if (!LOCAL_DATE_RE.test(day) || !dt.isValid) throw new RangeError(`invalid local date: ${day}`);
  return dt.plus({ days }).toFormat("yyyy-LL-dd");
}

/**
 * Whole days from one `YYYY-MM-DD` date to another (negative when `to` is earlier).
 *
 * @example daySpan("2026-11-20", "2026-11-22") // 2
 */
export function daySpan(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: "utc" });
  const b = DateTime.fromISO(to, { zone: "utc" });
  if (!a.isValid || !b.isValid) throw new RangeError(`invalid local date: ${from} or ${to}`);
  return Math.round(b.diff(a, "days").days);
}

/**
 * Parses an instant into a luxon DateTime in `zone`. Throws RangeError for an unknown zone, an
 * invalid Date, or a string without an explicit offset (its meaning would depend on the server).
 *
 * @example toDateTime("2021-12-13T02:00:00Z", "Asia/Jakarta").hour // 9
 */
export function toDateTime(instant: Instant, zone: string): DateTime {
  assertZone(zone);
  let dt: DateTime;
  if (instant instanceof Date) {
    dt = DateTime.fromJSDate(instant, { zone });
  } else {
    const s = instant.trim();
    if (!EXPLICIT_OFFSET_RE.test(s)) throw new RangeError(`instant without offset: ${instant}`);
    dt = DateTime.fromISO(s, { zone });
    if (!dt.isValid) dt = DateTime.fromSQL(s, { zone });
  }
  if (!dt.isValid) throw new RangeError(`invalid instant: ${String(instant)}`);
  return dt;
}

function assertZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`unknown time zone: ${zone}`);
}

function indonesianAbbrev(zone: string): IndonesianZoneAbbrev | null {
  const direct = EVENT_ZONES.find((z) => z.zone === zone);
  if (direct) return direct.abbrev;
  const canonical = canonicalZone(zone);
  return EVENT_ZONES.find((z) => z.zone === canonical)?.abbrev ?? null;
}

// A fixed reference year keeps this pure; standard time is the lower of the two offsets
// (January and July cover both hemispheres).
function standardTimeIn(zone: string): DateTime {
  const jan = DateTime.fromISO("2026-01-15T00:00:00Z", { zone });
  const jul = DateTime.fromISO("2026-07-15T00:00:00Z", { zone });
  return jul.offset < jan.offset ? jul : jan;
}

function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

function clock(dt: DateTime, locale: Locale): string {
  return dt.toFormat(locale === "id" ? "HH.mm" : "HH:mm");
}
