import { buildIcs, type IcsItem } from "./ics";
import { listAgenda } from "./agenda.server";
import { getPublishedEvent } from "~/events/events.server";
import type { Executor } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { isUuid } from "~/utils/permissions.server";

type PublicEvent = NonNullable<Awaited<ReturnType<typeof getPublishedEvent>>>;
type AgendaRow = Awaited<ReturnType<typeof listAgenda>>[number];

function toIcsItem(event: PublicEvent, s: AgendaRow): IcsItem {
  const appUrl = getEnv().APP_URL;
  return {
    uid: `session-${s.id}@pendopo`,
    title: s.title,
    description: [s.speakers, s.description].filter(Boolean).join("\n\n") || undefined,
    location: [s.roomName, event.venueName, event.address, event.city].filter(Boolean).join(", "),
    url: `${appUrl}/e/${event.slug}`,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
  };
}

function calendarResponse(body: string, fileName: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}

/** The whole published agenda as an .ics feed (METHOD:PUBLISH), or one session of it. */
export async function agendaIcsResponse(db: Executor, slug: string, sessionId?: string): Promise<Response> {
  const event = await getPublishedEvent(db, slug);
  if (!event || (sessionId !== undefined && !isUuid(sessionId))) throw new Response("Not found", { status: 404 });
  const sessions = (await listAgenda(db, event.id)).filter((s) => sessionId === undefined || s.id === sessionId);
  if (sessionId !== undefined && sessions.length === 0) throw new Response("Not found", { status: 404 });
  const body = buildIcs({
    name: event.name,
    timeZone: event.timeZone,
    method: "PUBLISH",
    items: sessions.map((s) => toIcsItem(event, s)),
    dtstamp: new Date(),
  });
  return calendarResponse(body, sessionId ? `${event.slug}-${sessionId.slice(0, 8)}.ics` : `${event.slug}.ics`);
}
