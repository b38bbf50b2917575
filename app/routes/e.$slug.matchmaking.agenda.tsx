import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { requireParticipant } from "~/meetings/access.server";
import { listPersonalAgenda, listUnavailable, saveUnavailable } from "~/meetings/agenda.server";
import { FeedbackSchema, OutcomeSchema, UnavailabilitySchema } from "~/meetings/matchmaking.schema";
import { AgendaItem, type AgendaMeeting } from "~/meetings/agenda-item";
import { listOwnFeedback, markOutcome, saveFeedback } from "~/meetings/outcome.server";
import { isOversizedForm } from "~/utils/form-parse.server";
import { z } from "zod/v4";
import { listSlots } from "~/meetings/settings.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { redirectWithToast } from "~/utils/toast.server";
import { formatDate, formatTimeRange } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Agenda temu bisnis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant } = await requireParticipant(request, params.slug);
  const db = await getDb();
  const locale = await getLocale(request);
  const [meetings, slots, unavailable, feedback] = await Promise.all([
    listPersonalAgenda(db, participant.id), listSlots(db, event.id), listUnavailable(db, participant.id), listOwnFeedback(db, participant.id),
  ]);
  const now = new Date();
  const day = (d: Date) => formatDate(d, event.timeZone, locale);
  const time = (a: Date, b: Date) => formatTimeRange(a, b, event.timeZone, locale);
  const days = new Map<string, Array<{ id: string; label: string }>>();
  for (const s of slots) days.set(day(s.startsAt), [...(days.get(day(s.startsAt)) ?? []), { id: s.id, label: time(s.startsAt, s.endsAt) }]);
  return {
    slug: event.slug, eventName: event.name,
    meetings: meetings.map((m): AgendaMeeting => ({
      id: m.id, day: day(m.startsAt), time: time(m.startsAt, m.endsAt), otherName: m.otherName, otherKind: m.otherKind, otherEmail: m.otherEmail,
      tableNo: m.tableNo, boothCode: m.boothCode, sector: m.sector, status: m.status, started: m.startsAt <= now, feedback: feedback[m.id],
    })),
    days: [...days.entries()], unavailable,
    feedUrl: `${getEnv().APP_URL}/meetings-feed/${participant.feedToken}.ics`,
  };
}

const ActionSchema = z.discriminatedUnion("intent", [UnavailabilitySchema, OutcomeSchema, FeedbackSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, participant } = await requireParticipant(request, params.slug);
  const here = `/e/${event.slug}/matchmaking/agenda`;
  const form = await request.formData();
  if (isOversizedForm(form, { maxEntries: 3000 })) return redirectWithToast(here, { type: "error", key: "validation.invalid" });
  const submission = parseForm(form, { schema: ActionSchema });
  if (submission.status !== "success") return redirectWithToast(here, { type: "error", key: "validation.invalid" });
  const db = await getDb();
  const input = submission.value;
  if (input.intent === "save-unavailability") {
    const count = await saveUnavailable(db, participant, input.slotIds);
    return redirectWithToast(here, { type: "success", key: "meetings.agenda.unavailable_saved", params: { count } });
  }
  const res = input.intent === "mark-outcome"
    ? await markOutcome(db, { participantId: participant.id, meetingId: input.meetingId, outcome: input.outcome, now: new Date() })
    : await saveFeedback(db, participant.id, input);
  if (!res.ok) return redirectWithToast(here, { type: "error", key: `meetings.validation.${res.reason}` });
  return redirectWithToast(here, { type: "success", key: input.intent === "feedback" ? "meetings.outcome.feedback_saved" : "meetings.outcome.saved" });
}

export default function MatchAgenda() {
  const { slug, eventName, meetings, days, unavailable, feedUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const marked = new Set(unavailable);
  return (
    <>
      <section aria-labelledby="agenda-title">
        <div className="row" style={{ justifyContent: "space-between" }}>
          <h2 id="agenda-title">{t("meetings.agenda.title")}</h2>
          <button type="button" className="btn btn-secondary btn-small no-print" onClick={() => window.print()}>{t("meetings.agenda.print")}</button>
        </div>
        <p className="small muted">{eventName}</p>
        {meetings.length === 0 ? <EmptyState>{t("meetings.agenda.empty")}</EmptyState> : (
          <ol className="match-list" aria-label={t("meetings.agenda.title")}>
            {meetings.map((m) => <AgendaItem key={m.id} m={m} slug={slug} />)}
          </ol>
        )}
      </section>
      <section className="card no-print" aria-labelledby="feed-title">
        <h2 id="feed-title">{t("meetings.agenda.feed")}</h2>
        <p className="small muted">{t("meetings.agenda.feed_hint")}</p>
        <p className="feed-url"><a href={feedUrl}>{feedUrl}</a></p>
      </section>
      <section className="card no-print" aria-labelledby="unavail-title">
        <h2 id="unavail-title">{t("meetings.agenda.unavailable")}</h2>
        {days.length === 0 ? <p className="muted">{t("meetings.agenda.no_slots")}</p> : (
          <Form method="post">
            <input type="hidden" name="intent" value="save-unavailability" />
            <p className="small muted">{t("meetings.agenda.unavailable_hint")}</p>
            {days.map(([day, slots]) => (
              <fieldset key={day} className="field">
                <legend className="label">{day}</legend>
                <div className="slot-grid">
                  {slots.map((s) => (
                    <label key={s.id}><input type="checkbox" name="slotIds" value={s.id} defaultChecked={marked.has(s.id)} /> {s.label}</label>
                  ))}
                </div>
              </fieldset>
            ))}
            <button type="submit" className="btn btn-secondary">{t("meetings.agenda.save_unavailable")}</button>
          </Form>
        )}
      </section>
    </>
  );
}
