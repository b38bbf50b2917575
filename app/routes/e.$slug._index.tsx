import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { loadAgendaView } from "~/agenda/agenda-view.server";
import { callPhase } from "~/exhibitors/call-rules";
import { getCall } from "~/exhibitors/calls.server";
import { getRegistration } from "~/badges/registration.server";
import { getPublishedEvent } from "~/events/events.server";
import { getSettings } from "~/meetings/settings.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatInViewerZone, zoneAbbrev } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.event.name} · Pendopo` }, { name: "description", content: data.event.description.slice(0, 160) }] : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const event = await getPublishedEvent(db, params.slug ?? "");
  if (!event) throw new Response("Not found", { status: 404 });
  const locale = await getLocale(request);
  const [view, call, matchmaking, registration] = await Promise.all([
    loadAgendaView(db, event, locale), getCall(db, event.id), getSettings(db, event.id), getRegistration(db, event.id),
  ]);
  const exhibitorCall = call ? callPhase(call, new Date()) : null;
  return {
    event: { ...event, zone: zoneAbbrev(event.timeZone) }, locale, exhibitorCall,
    matchmakingOpen: matchmaking.enabled, registrationOpen: registration.isOpen, ...view,
  };
}

/** The viewer's own zone is known only in the browser, so the "your time" hint appears after hydration. */
function useViewerZone() {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}

export default function PublicEvent() {
  const { event, days, sessions, locale, exhibitorCall, matchmakingOpen, registrationOpen } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const viewerZone = useViewerZone();
  const first = days[0]?.label;
  const last = days[days.length - 1]?.label;
  return (
    <>
      <section className="hero">
        <p className="muted" style={{ margin: 0 }}>{t(`events.kinds.${event.kind}`)} · {t("public.organizer")}: {event.organizerName}</p>
        <h1 style={{ maxWidth: "none" }}>{event.name}</h1>
        <p><strong>{t("public.when")}:</strong> {first === last ? first : `${first} – ${last}`} ({event.zone})</p>
        {event.venueName || event.city ? (
          <p><strong>{t("public.where")}:</strong> {[event.venueName, event.address, event.city].filter(Boolean).join(", ")}</p>
        ) : null}
        {event.description ? <p style={{ whiteSpace: "pre-wrap", maxWidth: "70ch" }}>{event.description}</p> : null}
        <div className="row">
          {registrationOpen ? <Link className="btn" to={`/e/${event.slug}/register`}>{t("badges.register.cta")}</Link> : null}
          <a className="btn btn-secondary" href={`/e/${event.slug}/agenda.ics`}>{t("public.subscribe")}</a>
          {exhibitorCall && exhibitorCall !== "closed" ? (
            <Link className="btn" to={`/e/${event.slug}/exhibit`}>{t("exhibitors.register_cta")}</Link>
          ) : null}
          {matchmakingOpen ? <Link className="btn" to={`/e/${event.slug}/matchmaking`}>{t("meetings.title")}</Link> : null}
        </div>
      </section>
      <h2>{t("public.agenda")}</h2>
      {sessions.length === 0 ? <p className="muted">{t("public.no_sessions")}</p> : days.map((d) => {
        const daySessions = sessions.filter((s) => s.day === d.value);
        if (daySessions.length === 0) return null;
        return (
          <section key={d.value} className="card" aria-labelledby={`day-${d.value}`}>
            <h3 id={`day-${d.value}`}>{d.label}</h3>
            {daySessions.map((s) => {
              const mine = viewerZone ? formatInViewerZone(s.startsAt, event.timeZone, viewerZone, locale) : null;
              return (
                <article key={s.id} className="session">
                  <div className="time">
                    {s.time}
                    {mine ? <small>({mine} {t("public.your_time")})</small> : null}
                  </div>
                  <div>
                    <h4 style={{ margin: "0 0 .2rem", fontSize: "1.05rem" }}>{s.title}</h4>
                    <p className="small" style={{ margin: 0 }}>
                      <span className="type-pill">{t(`agenda.types.${s.type}`)}</span>{s.roomName ? ` · ${s.roomName}` : ""}
                    </p>
                    {s.speakers ? <p className="small muted" style={{ margin: ".2rem 0 0" }}>{s.speakers}</p> : null}
                    {s.description ? <p className="small" style={{ margin: ".3rem 0 0", whiteSpace: "pre-wrap" }}>{s.description}</p> : null}
                    <a className="small" href={`/e/${event.slug}/sessions/${s.id}/calendar.ics`}>{t("public.add_to_calendar")}<span className="visually-hidden">: {s.title}</span></a>
                  </div>
                </article>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
