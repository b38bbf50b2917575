import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckinListForm } from "~/checkin/components/list-form";
import { deleteCheckinList, getCheckinList, updateCheckinList } from "~/checkin/gate-admin.server";
import { listFormSchema, toListInput } from "~/checkin/gate-forms.schema";
import type { ListRules } from "~/checkin/gates.server";
import { ConfirmAction } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { daysBetween, instantToLocalParts, zoneAbbrev } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Ubah daftar check-in · Pendopo" }];

async function requireList(request: Request, params: LoaderFunctionArgs["params"]) {
  const access = await requireEventAccess(request, params, "gate:manage");
  const db = await getDb();
  const list = isUuid(params.listId) ? await getCheckinList(db, access.event.id, params.listId) : undefined;
  if (!list) throw new Response("Not found", { status: 404 });
  return { ...access, db, list, back: `/o/${access.org.slug}/events/${access.event.id}/gates` };
}

/** The form's fields for stored rules (the window as local date and time in the event's zone). */
function formDefaults(name: string, r: ListRules, zone: string) {
  const opens = r.opensAt ? instantToLocalParts(r.opensAt, zone) : null;
  const closes = r.closesAt ? instantToLocalParts(r.closesAt, zone) : null;
  return {
    name, kinds: r.kinds ?? [], days: r.days ?? [], opensDay: opens?.date, opensTime: opens?.time, closesDay: closes?.date, closesTime: closes?.time,
    allowMultipleEntries: r.allowMultipleEntries, allowEntryAfterExit: r.allowEntryAfterExit, includePending: r.includePending,
    maxEntriesPerDay: r.maxEntriesPerDay?.toString(), maxEntriesTotal: r.maxEntriesTotal?.toString(),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, list, back } = await requireList(request, params);
  return {
    list: { id: list.id, name: list.name, scans: list.scans }, back, zone: zoneAbbrev(event.timeZone),
    days: daysBetween(event.firstDay, event.lastDay), defaults: formDefaults(list.name, list.rules, event.timeZone),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { event, user, db, list, back } = await requireList(request, params);
  const form = await request.formData();
  const actor = { by: user.id, now: new Date() };
  if (form.get("intent") === "delete-list") {
    const res = await deleteCheckinList(db, event.id, list.id, actor);
    if (!res.ok) return redirectWithToast(`${back}/lists/${list.id}`, { type: "error", key: "gate.lists.in_use" });
    return redirectWithToast(back, { type: "success", key: "gate.lists.deleted" });
  }
  const s = parseForm(form, { schema: listFormSchema(daysBetween(event.firstDay, event.lastDay)) });
  if (s.status !== "success") return data({ result: s.reply() }, { status: 400 });
  const input = toListInput(s.value, event.timeZone);
  if (!input) return data({ result: s.reply({ fieldErrors: { opensTime: ["gate.v.zone_time"] } }) }, { status: 400 });
  const res = await updateCheckinList(db, event.id, list.id, input, actor);
  if (!res.ok) return data({ result: s.reply({ fieldErrors: { name: [res.reason === "name_taken" ? "gate.lists.name_taken" : "validation.invalid"] } }) }, { status: 409 });
  return redirectWithToast(back, { type: "success", key: "gate.lists.updated" });
}

export default function EditCheckinList() {
  const { list, back, zone, days, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="card gate-edit">
      <p className="breadcrumbs"><Link className="back-link" to={back}>← {t("gate.lists.back")}</Link></p>
      <h2>{t("gate.lists.edit")}: {list.name}</h2>
      <CheckinListForm id="edit-list" days={days} zone={zone} submitLabel={t("gate.lists.save")} lastResult={actionData?.result} defaultValue={defaults} />
      <hr />
      {list.scans > 0 ? <p className="muted small">{t("gate.lists.in_use")}</p> : (
        <ConfirmAction label={t("gate.lists.delete")} intent="delete-list" confirmText={t("gate.lists.delete_confirm", { name: list.name })} />
      )}
    </div>
  );
}
