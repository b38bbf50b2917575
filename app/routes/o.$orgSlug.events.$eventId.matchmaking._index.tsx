import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod/v4";
import { ConfirmAction, EmptyState } from "~/components/ui";
import { BatchPanel } from "~/meetings/batch-panel";
import { lockDrafts, meetingStatusCounts, publishMeetings, runBatch } from "~/meetings/batch.server";
import { BatchSchemas, BlockSchema, DeleteBlockSchema, SettingsSchema } from "~/meetings/matchmaking.schema";
import { BlockForm, SettingsForm } from "~/meetings/organizer-forms";
import { addBlock, deleteBlock, getSettings, listBlocks, saveSettings } from "~/meetings/settings.server";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { daysBetween, formatDate, instantToLocalParts, zoneAbbrev } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Temu bisnis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "event:view");
  const [db, locale] = await Promise.all([getDb(), getLocale(request)]);
  const [settings, blocks, counts] = await Promise.all([getSettings(db, event.id), listBlocks(db, event.id), meetingStatusCounts(db, event.id)]);
  const deadline = settings.requestDeadline ? instantToLocalParts(settings.requestDeadline, event.timeZone) : null;
  return {
    base: `/o/${org.slug}/events/${event.id}/matchmaking`, canEdit: can(role, "matchmaking:manage"), zone: zoneAbbrev(event.timeZone),
    settings: { ...settings, deadlineDay: deadline?.date ?? "", deadlineTime: deadline?.time ?? "" },
    days: daysBetween(event.firstDay, event.lastDay), counts,
    blocks: blocks.map((b) => ({ ...b, dayLabel: formatDate(`${b.day}T12:00:00Z`, "UTC", locale) })),
  };
}

const ActionSchema = z.discriminatedUnion("intent", [SettingsSchema, BlockSchema, DeleteBlockSchema, ...BatchSchemas]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "matchmaking:manage");
  const submission = parseForm(await request.formData(), { schema: ActionSchema });
  const intent = submission.payload.intent;
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const db = await getDb();
  const back = `/o/${org.slug}/events/${event.id}/matchmaking`;
  const input = submission.value;
  if (input.intent === "save-settings") {
    const saved = await saveSettings(db, event, input);
    if (!saved.ok) return data({ intent, result: submission.reply({ fieldErrors: { deadlineDay: ["meetings.validation.bad_deadline"] } }) }, { status: 400 });
    await audit(db, { action: "matchmaking.settings_saved", actorUserId: user.id, organizationId: org.id, eventId: event.id, request });
    return redirectWithToast(back, { type: "success", key: "meetings.settings.saved" });
  }
  if (input.intent === "add-block") {
    const added = await addBlock(db, event, input);
    if (!added.ok) {
      const field = added.reason === "outside_event" ? "day" : added.reason === "bad_breaks" ? "breaks" : added.reason === "grid_overlap" || added.reason === "no_slots" ? "" : "endTime";
      const message = [`meetings.validation.${added.reason}`];
      return data({ intent, result: submission.reply(field ? { fieldErrors: { [field]: message } } : { formErrors: message }) }, { status: 409 });
    }
    return redirectWithToast(back, { type: "success", key: "meetings.grid.added", params: { count: added.value.slots } });
  }
  if (input.intent === "run-batch") return { intent, report: await runBatch(db, event.id) };
  if (input.intent === "lock-batch") return redirectWithToast(back, { type: "success", key: "meetings.batch.locked", params: { count: await lockDrafts(db, event.id) } });
  if (input.intent === "publish-batch") {
    const count = await publishMeetings(db, event.id, getEnv().APP_URL);
    await audit(db, { action: "matchmaking.published", actorUserId: user.id, organizationId: org.id, eventId: event.id, request, data: { count } });
    return redirectWithToast(back, { type: "success", key: "meetings.batch.published", params: { count } });
  }
  const deleted = await deleteBlock(db, event.id, input.blockId);
  if (!deleted.ok && deleted.reason === "not_found") throw new Response("Not found", { status: 404 });
  if (!deleted.ok) return redirectWithToast(back, { type: "error", key: `meetings.validation.${deleted.reason}` });
  return redirectWithToast(back, { type: "success", key: "meetings.grid.deleted" });
}

export default function MatchmakingSettings() {
  const { base, canEdit, zone, settings, days, blocks, counts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const resultFor = (intent: string) => (actionData && "result" in actionData && actionData.intent === intent ? actionData.result : undefined);
  const report = actionData && "report" in actionData ? actionData.report : undefined;
  return (
    <>
      <nav className="row" aria-label={t("meetings.nav.label")} style={{ marginBottom: "1rem" }}>
        <Link className="btn btn-secondary btn-small" to={`${base}/participants`}>{t("meetings.participants.title")}</Link>
        <Link className="small" to="/help/matchmaking">{t("meetings.help")}</Link>
      </nav>
      {!settings.enabled ? <p className="booth-note booth-note-warn" role="status">{t("meetings.settings.off_note")}</p> : null}
      <SettingsForm defaults={settings} lastResult={resultFor("save-settings")} zone={zone} disabled={!canEdit} />
      {settings.mode === "batch" ? <BatchPanel counts={counts} report={report} canEdit={canEdit} /> : <p className="small muted">{t("meetings.batch.live_note")}</p>}
      <section className="card" aria-labelledby="grid-title">
        <h2 id="grid-title">{t("meetings.grid.title")}</h2>
        {blocks.length === 0 ? <EmptyState>{t("meetings.grid.empty")}</EmptyState> : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {blocks.map((b) => (
              <li key={b.id} className="row" style={{ justifyContent: "space-between" }}>
                <span><strong>{b.dayLabel}</strong> · {t("meetings.grid.block_row", { start: b.startTime, end: b.endTime, minutes: b.slotMinutes })}
                  {b.breaks ? ` · ${t("meetings.grid.breaks")}: ${b.breaks}` : ""} · {t("meetings.grid.slots", { count: b.slotCount })}</span>
                {canEdit ? <ConfirmAction label={t("meetings.grid.delete")} intent="delete-block" fields={{ blockId: b.id }} confirmText={t("meetings.grid.delete_confirm")} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? <BlockForm lastResult={resultFor("add-block")} days={days} zone={zone} /> : null}
      </section>
    </>
  );
}
