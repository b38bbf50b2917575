import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod/v4";
import { Field, FormErrors, SelectField, SubmitButton, useAppForm } from "~/components/forms";
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

// A discriminated union, so a bad field is reported on that field (a plain union answers only "Invalid input").
const ActionSchema = z.discriminatedUnion("intent", [HallSchema, RoomSchema, RegionSchema, DeleteByIdSchema]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "event:update");
  const submission = parseForm(await request.formData(), { schema: ActionSchema });
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
  return useAppForm({
    id: intent,
    lastResult: actionData?.intent === intent ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
}

// Each "add" form is keyed by the length of its list: after a successful add it mounts afresh (empty, selects
// back on their first option), while a refused add keeps the typed values and shows the error.

function AddHallForm() {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("add-hall", HallSchema);
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("venue.hall_name")} />
      <Field meta={fields.capacity} label={t("common.capacity")} type="number" inputMode="numeric" optional />
      <div className="form-actions"><SubmitButton name="intent" value="add-hall">{t("venue.add_hall")}</SubmitButton></div>
    </Form>
  );
}

function AddRoomForm({ halls }: { halls: Array<{ id: string; name: string }> }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("add-room", RoomSchema);
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("venue.room_name")} />
      <SelectField meta={fields.hallId} label={t("venue.hall")} placeholder={t("venue.no_hall")} optional
        options={halls.map((h) => ({ value: h.id, label: h.name }))} />
      <Field meta={fields.capacity} label={t("common.capacity")} type="number" inputMode="numeric" optional />
      <div className="form-actions"><SubmitButton name="intent" value="add-room">{t("venue.add_room")}</SubmitButton></div>
    </Form>
  );
}

function AddRegionForm() {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("add-region", RegionSchema);
  return (
    <Form method="post" {...getFormProps(form)} className="add-form">
      <FormErrors errors={form.errors} />
      <Field meta={fields.name} label={t("venue.region_name")} />
      <Field meta={fields.province} label={t("venue.province")} optional />
      <Field meta={fields.delegation} label={t("venue.delegation")} optional />
      <div className="form-actions"><SubmitButton name="intent" value="add-region">{t("venue.add_region")}</SubmitButton></div>
    </Form>
  );
}

export default function Venue() {
  const { halls, rooms, regions, canEdit } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="grid grid-2">
      <section className="card" aria-labelledby="halls-heading">
        <h2 id="halls-heading">{t("venue.halls")}</h2>
        {halls.length === 0 ? <EmptyState>{t("venue.no_halls")}</EmptyState> : (
          <ul className="item-list">
            {halls.map((h) => (
              <li key={h.id}>
                <span><strong>{h.name}</strong>{h.capacity ? ` · ${t("common.people", { count: h.capacity })}` : ""}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-hall" fields={{ id: h.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <AddHallForm key={halls.length} /> : null}
      </section>
      <section className="card" aria-labelledby="rooms-heading">
        <h2 id="rooms-heading">{t("venue.rooms")}</h2>
        {rooms.length === 0 ? <EmptyState>{t("venue.no_rooms")}</EmptyState> : (
          <ul className="item-list">
            {rooms.map((r) => (
              <li key={r.id}>
                <span><strong>{r.name}</strong>{r.hallName ? ` · ${r.hallName}` : ""}{r.capacity ? ` · ${t("common.people", { count: r.capacity })}` : ""}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-room" fields={{ id: r.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <AddRoomForm key={rooms.length} halls={halls} /> : null}
      </section>
      <section className="card" style={{ gridColumn: "1 / -1" }} aria-labelledby="regions-heading">
        <h2 id="regions-heading">{t("venue.regions")}</h2>
        <p className="muted small">{t("venue.regions_intro")}</p>
        {regions.length === 0 ? <EmptyState>{t("venue.no_regions")}</EmptyState> : (
          <ul className="item-list">
            {regions.map((r) => (
              <li key={r.id}>
                <span><strong>{r.name}</strong>{r.province ? `, ${r.province}` : ""}{r.delegation ? ` · ${r.delegation}` : ""}</span>
                {canEdit ? <ConfirmAction label={t("common.delete")} intent="delete-region" fields={{ id: r.id }} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <AddRegionForm key={regions.length} /> : null}
      </section>
    </div>
  );
}
