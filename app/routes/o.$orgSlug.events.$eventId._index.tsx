import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EventForm } from "~/components/event-form";
import { SubmitButton } from "~/components/forms";
import { EventSchema } from "~/events/event.schema";
import { getEvent, setEventPublished, updateEvent } from "~/events/events.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, role } = await requireEventAccess(request, params, "event:view");
  const full = await getEvent(await getDb(), event.id);
  return { event: full, canEdit: can(role, "event:update"), canPublish: can(role, "event:publish") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const permission = intent === "publish" || intent === "unpublish" ? "event:publish" : "event:update";
  const { org, event, user } = await requireEventAccess(request, params, permission);
  const db = await getDb();
  const back = `/o/${org.slug}/events/${event.id}`;
  if (intent === "publish" || intent === "unpublish") {
    await setEventPublished(db, event.id, intent === "publish", new Date());
    await audit(db, { action: `event.${intent}ed`, actorUserId: user.id, organizationId: org.id, eventId: event.id, request });
    return redirectWithToast(back, { type: "success", key: intent === "publish" ? "events.published" : "events.unpublished" });
  }
  const submission = parseForm(formData, { schema: EventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateEvent(db, event, submission.value);
  if (!result.ok) {
    const errors = result.reason === "slug_taken"
      ? { fieldErrors: { slug: ["events.slug_taken"] } }
      : { formErrors: [`events.sessions_outside_days|${result.detail}`] };
    return data({ result: submission.reply(errors) }, { status: 409 });
  }
  await audit(db, { action: "event.updated", actorUserId: user.id, organizationId: org.id, eventId: event.id, request });
  return redirectWithToast(back, { type: "success", key: "events.updated" });
}

export default function EventOverview() {
  const { event, canEdit, canPublish } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const result = actionData?.result
    ? { ...actionData.result, error: translateCount(actionData.result.error, t) }
    : undefined;
  return (
    <div className="grid" style={{ gridTemplateColumns: "minmax(0, 1fr)" }}>
      {canPublish ? (
        <section className="card row" style={{ justifyContent: "space-between" }}>
          <p style={{ margin: 0 }}>{t("events.status")}: <strong>{t(`events.statuses.${event.status}`)}</strong></p>
          <Form method="post">
            <SubmitButton name="intent" value={event.status === "published" ? "unpublish" : "publish"}
              className={event.status === "published" ? "btn btn-secondary" : "btn"}>
              {event.status === "published" ? t("events.unpublish") : t("events.publish")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("events.details")}</h2>
        {canEdit ? (
          <EventForm lastResult={result} submitLabel={t("common.save")} defaultValue={{
            name: event.name, kind: event.kind, slug: event.slug, description: event.description, venueName: event.venueName,
            address: event.address, city: event.city, timeZone: event.timeZone as never, firstDay: event.firstDay, lastDay: event.lastDay,
          }} />
        ) : (
          <dl>
            <dt>{t("events.venue")}</dt><dd>{event.venueName || t("common.none")}</dd>
            <dt>{t("events.address")}</dt><dd>{event.address || t("common.none")}</dd>
            <dt>{t("events.description")}</dt><dd style={{ whiteSpace: "pre-wrap" }}>{event.description || t("common.none")}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}

/** "key|count" form errors carry a number for the message. */
function translateCount(error: Record<string, string[] | null> | undefined, t: TFunction) {
  if (!error?.[""]) return error;
  return { ...error, "": error[""]!.map((e) => (e.includes("|") ? t(e.split("|")[0]!, { count: Number(e.split("|")[1]) }) : e)) };
}
