/**
 * Pure rules for the event agenda (*acara*): session types, room clashes, time checks, grouping by
 * local day, copying a day, and the layout of the vertical timeline.
 *
 * The room-clash check here only produces the friendly message; the database's exclusion
 * constraint is the real guard (house-style §5.2).
 */
import {
  addDays,
  daySpan,
  instantToLocalParts,
  localDateOf,
  localToInstant,
  parseLocalDate,
} from "~/utils/time";

export const SESSION_TYPES = [
  "opening",
  "talk",
  "training",
  "business_matching",
  "mou_signing",
  "exhibition_hours",
  "other",
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export type AgendaItem = {
  id: string;
  title: string;
  roomId: string | null;
  startsAt: Date;
  endsAt: Date;
};

export type SessionTimesProblem = "end_before_start" | "outside_event_days" | "too_long";

/** Longest single session; multi-day exhibition hours are one session per day. */
export const MAX_SESSION_MS = 24 * 60 * 60 * 1000;

/**
 * True when `value` is one of {@link SESSION_TYPES}.
 *
 * @example isSessionType("mou_signing") // true
 */
export function isSessionType(value: string): value is SessionType {
  return (SESSION_TYPES as readonly string[]).includes(value);
}

/**
 * The earliest existing session that clashes with `candidate` in the same room, or null.
 * Intervals are half-open, so 09.00–10.00 and 10.00–11.00 do not clash. Sessions without a room
 * (the whole hall, a coffee break) never clash, and the candidate's own row (same `id`) is skipped
 * so that editing a session does not clash with itself.
 *
 * @example findOverlap({ roomId: "r1", startsAt: s, endsAt: e }, items) // AgendaItem | null
 */
export function findOverlap<T extends AgendaItem>(
  candidate: { id?: string; roomId: string | null; startsAt: Date; endsAt: Date },
  existing: readonly T[],
): T | null {
  // An empty interval overlaps nothing, as with Postgres range `&&` (validateSessionTimes rejects it).
  if (candidate.roomId === null || candidate.endsAt <= candidate.startsAt) return null;
  let found: T | null = null;
  for (const item of existing) {
    if (item.roomId !== candidate.roomId) continue;
    if (candidate.id !== undefined && item.id === candidate.id) continue;
    const clashes =
      item.startsAt < item.endsAt && item.startsAt < candidate.endsAt && candidate.startsAt < item.endsAt;
    if (clashes && (found === null || item.startsAt < found.startsAt)) found = item;
  }
  return found;
}

/**
 * Checks a session's times against its event, in the event's zone. `end_before_start` also covers
 * zero-length sessions. The session must start on a day of the event and end on one; it may cross
 * local midnight into the next event day, and ending exactly at 00.00 after the last day is fine
 * (half-open). Sessions longer than 24 hours are `too_long`.
 *
 * @example
 * const event = { firstDay: "2023-10-06", lastDay: "2023-10-10", timeZone: "Asia/Jakarta" };
 * validateSessionTimes({ startsAt, endsAt }, event) // null, or e.g. "outside_event_days"
 */
export function validateSessionTimes(
  session: { startsAt: Date; endsAt: Date },
  event: { firstDay: string; lastDay: string; timeZone: string },
): null | SessionTimesProblem {
  const { startsAt, endsAt } = session;
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(endsAt.getTime())) {
    throw new RangeError("invalid session time");
  }
  if (endsAt <= startsAt) return "end_before_start";
  const startDay = localDateOf(startsAt, event.timeZone);
  // The last millisecond inside the session decides its end day, so 22.00–00.00 stays on its day.
  const endDay = localDateOf(new Date(endsAt.getTime() - 1), event.timeZone);
  const within = (day: string) => day >= event.firstDay && day <= event.lastDay;
  if (!within(startDay) || !within(endDay)) return "outside_event_days";
  if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_MS) return "too_long";
  return null;
}

/**
 * Groups sessions by the local date (in `zone`) on which they start, days in ascending order and
 * sessions sorted by start, then end, then id. Days without sessions are absent (combine with
 * `daysBetween` for tabs). A session crossing midnight belongs to the day it starts.
 *
 * @example groupByLocalDay(items, "Asia/Makassar").get("2026-11-20") // sessions of that day
 */
export function groupByLocalDay<T extends { id: string; startsAt: Date; endsAt: Date }>(
  items: readonly T[],
  zone: string,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const item of [...items].sort(compareSessions)) {
    const day = localDateOf(item.startsAt, zone);
    const list = byDay.get(day);
    if (list) list.push(item);
    else byDay.set(day, [item]);
  }
  return new Map([...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Copies the sessions that start on `fromDay` to `toDay`, keeping their local wall-clock start and
 * end (a 20.00–01.00 session stays 20.00–01.00, ending the day after `toDay`). Returns new times
 * only; the caller inserts rows. Sorted by start. Throws RangeError for an invalid day.
 *
 * @example copyDay(items, "2026-11-20", "2026-11-21", "Asia/Jakarta") // [{ sourceId, startsAt, endsAt }]
 */
export function copyDay(
  items: readonly AgendaItem[],
  fromDay: string,
  toDay: string,
  zone: string,
): Array<{ sourceId: string; startsAt: Date; endsAt: Date }> {
  if (!parseLocalDate(fromDay) || !parseLocalDate(toDay)) {
    throw new RangeError(`invalid day: ${fromDay} → ${toDay}`);
  }
  const shift = daySpan(fromDay, toDay);
  const copies: Array<{ sourceId: string; startsAt: Date; endsAt: Date }> = [];
  for (const item of [...items].sort(compareSessions)) {
    if (localDateOf(item.startsAt, zone) !== fromDay) continue;
    const start = instantToLocalParts(item.startsAt, zone);
    const end = instantToLocalParts(item.endsAt, zone);
    const startsAt = localToInstant(toDay, start.time, zone);
    const endsAt = localToInstant(addDays(end.date, shift), end.time, zone);
    // Only a DST gap abroad can make a wall-clock time vanish; Indonesian zones have none.
    if (!startsAt || !endsAt) continue;
    copies.push({ sourceId: item.id, startsAt, endsAt });
  }
  return copies;
}

export type TimelineBox = {
  id: string;
  /** Distance from the top of the day column, in percent of the window. */
  topPct: number;
  heightPct: number;
  /** 0-based column among sessions that overlap in time. */
  lane: number;
  /** Number of lanes in this session's cluster of overlapping sessions (width = 100 / lanes %). */
  lanes: number;
};

/**
 * Vertical positions for a one-day timeline between `dayStart` and `dayEnd` (e.g. 07.00–22.00
 * local). Sessions are clipped to the window and ones entirely outside are left out. Sessions that
 * overlap in time get different lanes (different rooms side by side; a same-room clash also stays
 * visible), greedily, lowest free lane first. Percentages are rounded to 2 decimals.
 *
 * @example
 * timelineLayout(items, dayStart, dayEnd)
 * // [{ id: "opening", topPct: 13.33, heightPct: 6.67, lane: 0, lanes: 2 }, …]
 */
export function timelineLayout(
  items: readonly { id: string; startsAt: Date; endsAt: Date }[],
  dayStart: Date,
  dayEnd: Date,
): TimelineBox[] {
  const windowStart = dayStart.getTime();
  const span = dayEnd.getTime() - windowStart;
  if (!(span > 0)) throw new RangeError("dayEnd must be after dayStart");
  const pct = (ms: number) => Math.round(((ms - windowStart) / span) * 10000) / 100;
  const visible = [...items]
    .filter((it) => it.startsAt.getTime() < dayEnd.getTime() && it.endsAt.getTime() > windowStart)
    .sort(compareSessions);

  const boxes: TimelineBox[] = [];
  let cluster: TimelineBox[] = [];
  let laneEnds: number[] = []; // end time of the last session placed in each lane
  let clusterEnd = -Infinity;
  for (const it of visible) {
    const start = Math.max(it.startsAt.getTime(), windowStart);
    const end = Math.min(it.endsAt.getTime(), dayEnd.getTime());
    if (start >= clusterEnd) {
      closeCluster(cluster, laneEnds.length);
      cluster = [];
      laneEnds = [];
    }
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = end;
    clusterEnd = Math.max(clusterEnd, end);
    const top = pct(start);
    // Height from the rounded edges, so adjacent sessions neither overlap nor leave a gap.
    const heightPct = Math.round((pct(end) - top) * 100) / 100;
    const box = { id: it.id, topPct: top, heightPct, lane, lanes: 0 };
    cluster.push(box);
    boxes.push(box);
  }
  closeCluster(cluster, laneEnds.length);
  return boxes;
}

function closeCluster(cluster: TimelineBox[], lanes: number): void {
  for (const box of cluster) box.lanes = lanes;
}

function compareSessions(
  a: { id: string; startsAt: Date; endsAt: Date },
  b: { id: string; startsAt: Date; endsAt: Date },
): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() ||
    a.endsAt.getTime() - b.endsAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
