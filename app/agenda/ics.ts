/**
 * iCalendar (RFC 5545) output for agenda sessions and buyer–seller meetings: a download of the
 * agenda (METHOD:PUBLISH or none) and email invites (REQUEST / CANCEL, RFC 5546).
 *
 * Built on ical-generator 10.2 as measured in `ecosystem.md` §4: the calendar gets
 * `timezone({ name: null, generator })` and each event its own `timezone`, which yields
 * `DTSTAMP:…Z`, `DTSTART;TZID=Asia/Makassar:…` and a VTIMEZONE with TZNAME WITA. A calendar-level
 * zone name would print DTSTAMP without `Z` and add non-standard TIMEZONE-ID lines.
 *
 * Purity note: `getVtimezoneComponent` reads the VTIMEZONE text from the package's bundled files
 * (tzurl.org data, 2018g; Indonesia has not changed since 1988). That read is deterministic, so
 * the output depends only on the arguments.
 */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalCalendar,
} from "ical-generator";
import { DateTime, IANAZone } from "luxon";

export type IcsItem = {
  /** Stable across updates and cancels, e.g. `meeting-<uuid>@pendopo.example`. */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  startsAt: Date;
  endsAt: Date;
  /** Raise by one on every change of time or place (RFC 5546 §2.1.4); default 0. */
  sequence?: number;
  status?: "CONFIRMED" | "CANCELLED";
  organizer?: { name: string; email: string };
  attendees?: Array<{ name?: string; email: string }>;
};

export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";

export type BuildIcsInput = {
  /** `-//Company//Product//LANG` (the leading `-` is optional). */
  prodId?: string;
  name: string;
  timeZone: string;
  method?: IcsMethod;
  items: IcsItem[];
  /** When this calendar object was created (DTSTAMP); the caller's clock, so this stays pure. */
  dtstamp: Date;
};

export const DEFAULT_PROD_ID = "-//Pendopo//Pendopo Agenda//ID";

/** Also the value type of UID; kept to characters no calendar client mangles. */
const UID_RE = /^[A-Za-z0-9][A-Za-z0-9@._:+/=-]*$/;
const EMAIL_RE = /^[^\s@"<>,;:]+@[^\s@"<>,;:]+$/;
const CONTROL_RE = /[\u0000-\u001f\u007f]/;

const METHODS: Record<IcsMethod, ICalCalendarMethod> = {
  PUBLISH: ICalCalendarMethod.PUBLISH,
  REQUEST: ICalCalendarMethod.REQUEST,
  CANCEL: ICalCalendarMethod.CANCEL,
};

/**
 * Builds a complete `.ics` text with CRLF line endings (including the last line), lines folded
 * at 75 octets, text escaped. Times are written in `timeZone` with a VTIMEZONE; for a zone without
 * bundled VTIMEZONE data (only zones created after 2018) or `UTC`, times are written in UTC (`Z`).
 * `method: "CANCEL"` marks every item CANCELLED. REQUEST asks attendees to reply (RSVP=TRUE,
 * PARTSTAT=NEEDS-ACTION). REQUEST and CANCEL require an organizer on every item (RFC 5546;
 * Outlook drops invites without one); use an address that is not an attendee's (`ecosystem.md`
 * §4). Throws RangeError for invalid input (zone, dates, uid, email, url, sequence), which are
 * programming errors, not user input.
 *
 * @example
 * buildIcs({ name: "Temu Bisnis Solo", timeZone: "Asia/Jakarta", method: "REQUEST", items: [meeting], dtstamp: now })
 * // "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…END:VCALENDAR\r\n"
 */
export function buildIcs(input: BuildIcsInput): string {
  const { timeZone, method, items, dtstamp } = input;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
  assertDate(dtstamp, "dtstamp");
  const cal = ical({
    prodId: (input.prodId ?? DEFAULT_PROD_ID).replace(/^-/, ""),
    // ical-generator 10.2 writes NAME/X-WR-CALNAME verbatim, so escape here (RFC 5545 §3.3.11).
    name: escapeText(singleLine(input.name)),
  });
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  if (method) cal.method(METHODS[method]);
  // Without VTIMEZONE data a TZID would dangle; UTC times are always understood.
  const eventZone = timeZone !== "UTC" && getVtimezoneComponent(timeZone) ? timeZone : null;
  for (const item of items) addItem(cal, item, { method, eventZone, dtstamp });
  return `${cal.toString()}\r\n`;
}

function addItem(
  cal: ICalCalendar,
  item: IcsItem,
  ctx: { method?: IcsMethod; eventZone: string | null; dtstamp: Date },
): void {
  validateItem(item, ctx.method);
  const { eventZone } = ctx;
  // ical-generator reads a Date's wall clock in the *process* zone when a TZID is set; a luxon
  // DateTime already in the event zone is printed correctly whatever TZ the server runs in.
  const at = (d: Date) => (eventZone ? DateTime.fromJSDate(d, { zone: eventZone }) : d);
  const cancelled = ctx.method === "CANCEL" || item.status === "CANCELLED";
  const event = cal.createEvent({
    id: item.uid,
    sequence: item.sequence ?? 0,
    stamp: ctx.dtstamp,
    start: at(item.startsAt),
    end: at(item.endsAt),
    timezone: eventZone,
    summary: item.title,
    description: item.description ?? null,
    location: item.location ?? null,
    // URL is a URI, yet ical-generator escapes it as TEXT; percent-encode the two characters
    // it would backslash so the link survives unchanged in every client.
    url: item.url ? item.url.replace(/,/g, "%2C").replace(/;/g, "%3B") : null,
    status: cancelled ? ICalEventStatus.CANCELLED : item.status ? ICalEventStatus.CONFIRMED : null,
    organizer: item.organizer
      ? { name: paramText(item.organizer.name), email: item.organizer.email }
      : null,
  });
  for (const attendee of item.attendees ?? []) {
    const invite = ctx.method === "REQUEST";
    event.createAttendee({
      email: attendee.email,
      name: attendee.name ? paramText(attendee.name) : null,
      role: ICalAttendeeRole.REQ,
      rsvp: invite ? true : null,
      status: invite ? ICalAttendeeStatus.NEEDSACTION : null,
    });
  }
}

function validateItem(item: IcsItem, method: IcsMethod | undefined): void {
  if (!UID_RE.test(item.uid)) throw new RangeError(`invalid uid: ${item.uid}`);
  assertDate(item.startsAt, "startsAt");
  assertDate(item.endsAt, "endsAt");
  if (item.endsAt <= item.startsAt) throw new RangeError(`${item.uid}: endsAt must be after startsAt`);
  const sequence = item.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError(`${item.uid}: bad sequence`);
  if (item.url !== undefined && (CONTROL_RE.test(item.url) || /\s/.test(item.url))) {
    throw new RangeError(`${item.uid}: invalid url`);
  }
  const people = [...(item.organizer ? [item.organizer] : []), ...(item.attendees ?? [])];
  for (const p of people) {
    if (!EMAIL_RE.test(p.email)) throw new RangeError(`${item.uid}: invalid email ${p.email}`);
  }
  if ((method === "REQUEST" || method === "CANCEL") && !item.organizer) {
    throw new RangeError(`${item.uid}: METHOD:${method} requires an organizer`);
  }
}

function assertDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`invalid ${what}`);
}

/** RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma, newline. */
function escapeText(s: string): string {
  return s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

function singleLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}

// A quoted parameter value (CN) may contain neither DQUOTE nor control characters (RFC 5545
// §3.1); ical-generator would backslash a quote, which no client unescapes.
function paramText(s: string): string {
  return s.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}
