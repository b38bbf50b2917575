/**
 * The meeting grid: one block (a day, a start and end time in the event zone, a slot length and breaks)
 * becomes slots as instants. Pure; the exclusion constraint `meeting_slot_no_overlap_excl` is the real guard
 * against overlapping slots, `findOverlap` only produces the friendly message.
 */
import { localToInstant } from "~/utils/time";
import { fail, ok, type Result } from "~/utils/result";

export type GridBlockInput = { day: string; startTime: string; endTime: string; slotMinutes: number; breaks: string };
export type GridSlot = { startsAt: Date; endsAt: Date };
export type GridError = "bad_time" | "end_before_start" | "bad_breaks" | "no_slots" | "too_many_slots";

/** More slots than this in one block is a typo (e.g. 5-minute slots over 24 hours). */
export const MAX_SLOTS_PER_BLOCK = 96;
const BREAK_RE = /^(\d{1,2}[:.]\d{2})\s*-\s*(\d{1,2}[:.]\d{2})$/;

/**
 * Parses breaks written as `12:00-13:00, 15.00-15.15` into instants of the day; null when one is malformed
 * or ends before it starts.
 *
 * @example parseBreaks("2026-11-20", "12:00-13:00", "Asia/Jakarta") // [{ startsAt: 05:00Z, endsAt: 06:00Z }]
 */
export function parseBreaks(day: string, text: string, zone: string): GridSlot[] | null {
  const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
  const breaks: GridSlot[] = [];
  for (const part of parts) {
    const m = BREAK_RE.exec(part);
    const startsAt = m ? localToInstant(day, m[1], zone) : null;
    const endsAt = m ? localToInstant(day, m[2], zone) : null;
    if (!startsAt || !endsAt || endsAt <= startsAt) return null;
    breaks.push({ startsAt, endsAt });
  }
  return breaks;
}

/**
 * The slots of one block: back to back from the start, a slot never crosses a break (it starts again when
 * the break ends) nor the end time.
 *
 * @example buildSlots({ day: "2026-11-20", startTime: "09:00", endTime: "10:00", slotMinutes: 20, breaks: "" }, "Asia/Makassar")
 * // ok: 09.00, 09.20, 09.40 WITA (01:00Z, 01:20Z, 01:40Z)
 */
export function buildSlots(block: GridBlockInput, zone: string): Result<GridSlot[], GridError> {
  const start = localToInstant(block.day, block.startTime, zone);
  const end = localToInstant(block.day, block.endTime, zone);
  if (!start || !end) return fail("bad_time");
  if (end <= start) return fail("end_before_start");
  const breaks = parseBreaks(block.day, block.breaks, zone);
  if (!breaks) return fail("bad_breaks");
  const step = block.slotMinutes * 60_000;
  const slots: GridSlot[] = [];
  let at = start.getTime();
  while (at + step <= end.getTime()) {
    const slot = { startsAt: new Date(at), endsAt: new Date(at + step) };
    const hit = breaks.find((b) => overlaps(slot, b));
    if (hit) {
      at = Math.max(at + 60_000, hit.endsAt.getTime());
      continue;
    }
    slots.push(slot);
    if (slots.length > MAX_SLOTS_PER_BLOCK) return fail("too_many_slots");
    at += step;
  }
  return slots.length ? ok(slots) : fail("no_slots");
}

/** Half-open ranges [start, end) overlap. */
export function overlaps(a: GridSlot, b: GridSlot): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** The first existing slot a new one overlaps, if any. */
export function findOverlap(existing: readonly GridSlot[], added: readonly GridSlot[]): GridSlot | undefined {
  return existing.find((e) => added.some((a) => overlaps(a, e)));
}
