// Words printed on badges and shown on the holder page. Pure.
import { DateTime } from "luxon";
import type { BadgeKind } from "~/checkin/decide-entry";

/** The kind word printed in the colour band (Bahasa Indonesia on every badge, as at the gate). */
export const KIND_WORDS: Record<BadgeKind, string> = {
  visitor: "PESERTA",
  exhibitor: "PAMERAN",
  buyer: "PEMBELI",
  staff: "PANITIA",
  press: "MEDIA",
  vip: "VIP",
};

/**
 * The event's days as one short line, e.g. "20–22 November 2026" or "30 November – 2 Desember 2026".
 *
 * @example eventDaysText("2026-11-20", "2026-11-22", "id") // "20–22 November 2026"
 */
export function eventDaysText(firstDay: string, lastDay: string, locale: "id" | "en"): string {
  const a = DateTime.fromISO(firstDay, { zone: "UTC" }).setLocale(locale);
  const b = DateTime.fromISO(lastDay, { zone: "UTC" }).setLocale(locale);
  if (firstDay === lastDay) return a.toFormat("d LLLL yyyy");
  if (a.year !== b.year) return `${a.toFormat("d LLLL yyyy")} – ${b.toFormat("d LLLL yyyy")}`;
  if (a.month !== b.month) return `${a.toFormat("d LLLL")} – ${b.toFormat("d LLLL yyyy")}`;
  return `${a.toFormat("d")}–${b.toFormat("d LLLL yyyy")}`;
}

/** Days and place on one line: "20–22 November 2026 · Hotel Sunan, Surakarta". */
export function eventLine(e: { firstDay: string; lastDay: string; venueName: string; city: string }, locale: "id" | "en"): string {
  const place = [e.venueName, e.city].filter(Boolean).join(", ");
  return [eventDaysText(e.firstDay, e.lastDay, locale), place].filter(Boolean).join(" · ");
}
