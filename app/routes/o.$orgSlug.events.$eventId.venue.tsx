import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod/v4";
import { Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { DeleteByIdSchema, HallSchema, RegionSchema, RoomSchema } from "~/events/event.schema";
import { addHall, addRegion, addRoom, deleteVenuePart, getVenue } from "~/events/events.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, role } = await requireEventAccess(request, params, "event:view");
  return { ...(await getVenue(await getDb(), event.id)), canEdit: can(role, "event:update") };
}

const ActionSchema = HallSchema.or(RoomSchema).or(RegionSchema).or(DeleteByIdSchema);

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const submission = parseWithZod(await request.formData(), { schema: ActionSchema });
  const intent = submission.payload.intent;
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const input = submission.value;
  const back = `/o/${org.slug}/events/${event.id}/venue`;
  if (input.intent === "delete-hall" || input.intent === "delete-room" || input.intent === "delete-region") {
    const kind = input.intent.slice("delete-".length) as "hall" | "room" | "region";
    if (!(await deleteVenuePart(db, event.id, kind, input.id))) throw new Response("Not found", { status: 404 });
    await audit(db, { action: `venue.${kind}_deleted`, actorUserId: user.id, organizationId: org.id, eventId: event.id, entityId: input.id, request });
    return redirectWithToast(back, { type: "success", key: "common.deleted" });
  }
  const result = input.intent === "add-hall" ? await addHall(db, event.id, input)
    : input.intent === "add-room" ? await addRoom(db, event.id, input)
    : await addRegion(db, event.id, input as z.infer<typeof RegionSchema>);
  if (!result.ok) {
    const field = result.reason === "hall_not_found" ? "hallId" : "name";
    return data({ intent, result: submission.reply({ fieldErrors: { [field]: [`venue.${result.reason}`] } }) }, { status: 409 });
  }
  return redirectWithToast(back, { type: "success", key: "common.saved" });
}

function useIntentForm<S extends z.ZodType>(intent: string, schema: S) {
  const actionData = useActionData<typeof action>();
  return useForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
  });
}

export default function Venue() {
  const { halls, rooms, regions, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [hallForm, hallFields] = useIntentForm("add-hall", HallSchema);
  const [roomForm, roomFields] = useIntentForm("add-room", RoomSchema);
  const [regionForm, regionFields] = useIntentForm("add-region", RegionSchema);
  return (
    <div className="grid grid-2">
      <section className="card">
        <h2>{t("venue.halls")}</h2>
        {halls.length === 0 ? <EmptyState>{t("venue.no_halls")}</EmptyState> : (
          <ul className="stack" style={{ paddingLeft: "1rem" }}>
            {halls.map((h) => (
              <li key={h.id} className="row" style={{ justifyContent: "space-between" }}>
                <span><strong>{h.name}</strong>{h.capacity ? ` · ${t("common.people", { count: h.capacity })}` : ""}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-hall" fields={{ id: h.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <Form method="post" {...getFormProps(hallForm)} className="fields-inline">
            <FormErrors errors={hallForm.errors} />
            <input type="hidden" name="intent" value="add-hall" />
            <Field meta={hallFields.name} label={t("venue.hall_name")} />
            <Field meta={hallFields.capacity} label={t("common.capacity")} type="number" inputMode="numeric" optional />
            <div><SubmitButton name="intent" value="add-hall">{t("venue.add_hall")}</SubmitButton></div>
          </Form>
        ) : null}
      </section>
      <section className="card">
        <h2>{t("venue.rooms")}</h2>
        {rooms.length === 0 ? <EmptyState>{t("venue.no_rooms")}</EmptyState> : (
          <ul className="stack" style={{ paddingLeft: "1rem" }}>
            {rooms.map((r) => (
              <li key={r.id} className="row" style={{ justifyContent: "space-between" }}>
                <span><strong>{r.name}</strong>{r.hallName ? ` · ${r.hallName}` : ""}{r.capacity ? ` · ${t("common.people", { count: r.capacity })}` : ""}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-room" fields={{ id: r.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <Form method="post" {...getFormProps(roomForm)} className="fields-inline">
            <FormErrors errors={roomForm.errors} />
            <input type="hidden" name="intent" value="add-room" />
            <Field meta={roomFields.name} label={t("venue.room_name")} />
            <SelectField meta={roomFields.hallId} label={t("venue.hall")} placeholder={t("venue.no_hall")} optional
              options={halls.map((h) => ({ value: h.id, label: h.name }))} />
            <Field meta={roomFields.capacity} label={t("common.capacity")} type="number" inputMode="numeric" optional />
            <div><SubmitButton name="intent" value="add-room">{t("venue.add_room")}</SubmitButton></div>
          </Form>
        ) : null}
      </section>
      <section className="card" style={{ gridColumn: "1 / -1" }}>
        <h2>{t("venue.regions")}</h2>
        <p className="muted small">{t("venue.regions_intro")}</p>
        {regions.length === 0 ? <EmptyState>{t("venue.no_regions")}</EmptyState> : (
          <ul className="stack" style={{ paddingLeft: "1rem" }}>
            {regions.map((r) => (
              <li key={r.id} className="row" style={{ justifyContent: "space-between" }}>
                <span><strong>{r.name}</strong>{r.province ? `, ${r.province}` : ""}{r.delegation ? ` · ${r.delegation}` : ""}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-region" fields={{ id: r.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <Form method="post" {...getFormProps(regionForm)} className="fields-inline">
            <FormErrors errors={regionForm.errors} />
            <input type="hidden" name="intent" value="add-region" />
            <Field meta={regionFields.name} label={t("venue.region_name")} />
            <Field meta={regionFields.province} label={t("venue.province")} optional />
            <Field meta={regionFields.delegation} label={t("venue.delegation")} optional />
            <div><SubmitButton name="intent" value="add-region">{t("venue.add_region")}</SubmitButton></div>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
