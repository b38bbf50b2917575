import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadAgendaView } from "~/agenda/agenda-view.server";
import { saveSessionAction } from "~/agenda/session-action.server";
import { SessionForm } from "~/components/session-form";
import { useOverlapMessages } from "~/components/use-overlap-messages";
import { getVenue } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { requireEventAccess } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "agenda:update");
  const db = await getDb();
  const [view, venue] = await Promise.all([loadAgendaView(db, event, await getLocale(request)), getVenue(db, event.id)]);
  const requested = new URL(request.url).searchParams.get("day");
  return {
    days: view.days.map((d) => ({ value: d.value, label: d.label })),
    day: view.days.some((d) => d.value === requested) ? requested! : view.days[0]!.value,
    rooms: venue.rooms,
    zoneLabel: view.zoneLabel,
  };
}

export const action = ({ request, params }: ActionFunctionArgs) => saveSessionAction(request, params);

export default function NewSession() {
  const { days, day, rooms, zoneLabel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" style={{ maxWidth: 760 }}>
      <h2>{t("agenda.add")}</h2>
      <SessionForm lastResult={useOverlapMessages(actionData?.result)} days={days} rooms={rooms} zoneLabel={zoneLabel}
        defaultValue={{ day, startTime: "09:00", endTime: "10:00" }} submitLabel={t("common.save")} />
    </section>
  );
}
