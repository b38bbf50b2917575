import type { Executor } from "~/utils/db.server";
import type { AppLocale } from "~/utils/i18n";
import { daysBetween, formatDate, formatShortDate, formatTimeRange, localDateOf, EVENT_ZONES } from "~/utils/time";
import { listAgenda } from "./agenda.server";

/** The agenda as the pages show it: day tabs and sessions with times already formatted in the event's zone. */
export async function loadAgendaView(db: Executor, event: { id: string; timeZone: string; firstDay: string; lastDay: string }, locale: AppLocale) {
  const sessions = await listAgenda(db, event.id);
  const days = daysBetween(event.firstDay, event.lastDay).map((day) => {
    const noon = `${day}T05:00:00Z`; // any instant inside the local day works for its name
    return { value: day, label: formatDate(noon, "UTC", locale), short: formatShortDate(noon, "UTC", locale) };
  });
  return {
    days,
    zoneLabel: EVENT_ZONES.find((z) => z.zone === event.timeZone)?.label[locale] ?? event.timeZone,
    sessions: sessions.map((s) => ({
      ...s,
      day: localDateOf(s.startsAt, event.timeZone),
      time: formatTimeRange(s.startsAt, s.endsAt, event.timeZone, locale),
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
    })),
  };
}
