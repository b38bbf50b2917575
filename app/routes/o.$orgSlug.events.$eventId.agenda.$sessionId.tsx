import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSession } from "~/agenda/agenda.server";
import { loadAgendaView } from "~/agenda/agenda-view.server";
import { saveSessionAction } from "~/agenda/session-action.server";
import { SessionForm } from "~/components/session-form";
import { useOverlapMessages } from "~/components/use-overlap-messages";
import { getVenue } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { instantToLocalParts } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "agenda:update");
  const db = await getDb();
  const session = isUuid(params.sessionId) ? await getSession(db, event.id, params.sessionId) : undefined;
  if (!session) throw new Response("Not found", { status: 404 });
  const [view, venue] = await Promise.all([loadAgendaView(db, event, await getLocale(request)), getVenue(db, event.id)]);
  const start = instantToLocalParts(session.startsAt, event.timeZone);
  const end = instantToLocalParts(session.endsAt, event.timeZone);
  return {
    days: view.days.map((d) => ({ value: d.value, label: d.label })),
    rooms: venue.rooms,
    zoneLabel: view.zoneLabel,
    session: {
      title: session.title, type: session.type, roomId: session.roomId ?? undefined, day: start.date,
      startTime: start.time, endTime: end.time, speakers: session.speakers, description: session.description,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isUuid(params.sessionId)) throw new Response("Not found", { status: 404 });
  return saveSessionAction(request, params, params.sessionId);
}

export default function EditSession() {
  const { days, rooms, zoneLabel, session } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" style={{ maxWidth: 760 }}>
      <h2>{t("agenda.edit")}</h2>
      <SessionForm lastResult={useOverlapMessages(actionData?.result)} days={days} rooms={rooms} zoneLabel={zoneLabel}
        defaultValue={session} submitLabel={t("common.save")} />
    </section>
  );
}
