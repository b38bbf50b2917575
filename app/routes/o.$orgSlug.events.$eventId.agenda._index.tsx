import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CopyDaySchema } from "~/agenda/agenda.schema";
import { copyAgendaDay, deleteSession } from "~/agenda/agenda.server";
import { loadAgendaView } from "~/agenda/agenda-view.server";
import { AgendaTimeline } from "~/components/agenda-timeline";
import { SubmitButton } from "~/components/forms";
import { ConfirmAction, EmptyState, Tabs } from "~/components/ui";
import { audit } from "~/utils/audit.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";
import { isUuid, requireEventAccess } from "~/utils/permissions.server";
import { parseLocalDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, role } = await requireEventAccess(request, params, "event:view");
  const url = new URL(request.url);
  const view = await loadAgendaView(await getDb(), event, await getLocale(request));
  const day = view.days.find((d) => d.value === url.searchParams.get("day"))?.value ?? view.days[0]!.value;
  return {
    ...view,
    day,
    mode: url.searchParams.get("view") === "timeline" ? "timeline" : "list",
    sessions: view.sessions.filter((s) => s.day === day),
    timeZone: event.timeZone,
    canEdit: can(role, "agenda:update"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "agenda:update");
  const form = await request.formData();
  const db = await getDb();
  const base = `/o/${org.slug}/events/${event.id}/agenda`;
  if (form.get("intent") === "delete") {
    const id = String(form.get("sessionId") ?? "");
    if (!isUuid(id) || !(await deleteSession(db, event.id, id))) return redirectWithToast(base, { type: "error", key: "agenda.not_found" });
    await audit(db, { action: "agenda.session_deleted", actorUserId: user.id, organizationId: org.id, eventId: event.id, entityId: id, request });
    // The day only picks the tab to return to; anything but a date would land in the Location header.
    const day = parseLocalDate(String(form.get("day") ?? ""));
    return redirectWithToast(day ? `${base}?day=${day}` : base, { type: "success", key: "agenda.deleted" });
  }
  const submission = parseForm(form, { schema: CopyDaySchema });
  if (submission.status !== "success") return redirectWithToast(base, { type: "error", key: "errors.form" });
  const { fromDay, toDay } = submission.value;
  const result = await copyAgendaDay(db, event, fromDay, toDay);
  if (!result.ok) {
    const key = result.reason === "overlap" ? (result.detail ? "agenda.overlap" : "agenda.overlap_unknown")
      : result.reason === "empty_day" ? "agenda.copy_empty" : "agenda.outside_event_days";
    return redirectWithToast(`${base}?day=${fromDay}`, { type: "error", key, params: { title: result.detail ?? "" } });
  }
  await audit(db, { action: "agenda.day_copied", actorUserId: user.id, organizationId: org.id, eventId: event.id, data: { fromDay, toDay }, request });
  return redirectWithToast(`${base}?day=${toDay}`, { type: "success", key: "agenda.copied", params: { count: result.value.count } });
}

export default function AgendaAdmin() {
  const { days, day, sessions, mode, canEdit, zoneLabel, timeZone } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const link = (d: string, m: string) => `?day=${d}${m === "timeline" ? "&view=timeline" : ""}`;
  return (
    <>
      <div className="page-header">
        <p className="muted small" style={{ margin: 0 }}>{t("agenda.times_in", { zone: zoneLabel })}. {t("agenda.reorder_hint")}</p>
        {canEdit ? <Link className="btn" to={`new?day=${day}`}>{t("agenda.add")}</Link> : null}
      </div>
      <Tabs label={t("agenda.days")} items={days.map((d) => ({ to: link(d.value, mode), label: d.short, active: d.value === day }))} />
      <div className="row" style={{ marginBottom: "1rem" }} role="group" aria-label={t("agenda.title")}>
        <Link className={`btn btn-small ${mode === "list" ? "" : "btn-secondary"}`} to={link(day, "list")} aria-current={mode === "list" ? "page" : undefined}>{t("agenda.view_list")}</Link>
        <Link className={`btn btn-small ${mode === "timeline" ? "" : "btn-secondary"}`} to={link(day, "timeline")} aria-current={mode === "timeline" ? "page" : undefined}>{t("agenda.view_timeline")}</Link>
      </div>
      {sessions.length === 0 ? (
        <EmptyState action={canEdit ? <Link className="btn" to={`new?day=${day}`}>{t("agenda.add")}</Link> : null}>{t("agenda.empty_day")}</EmptyState>
      ) : mode === "timeline" ? (
        <AgendaTimeline sessions={sessions} day={day} timeZone={timeZone} />
      ) : (
        <section className="card" aria-labelledby="agenda-day">
          <h2 id="agenda-day" className="visually-hidden">{days.find((d) => d.value === day)?.label}</h2>
          {sessions.map((s) => (
            <article key={s.id} className="session">
              <div className="time">{s.time}</div>
              <div>
                <h3>{canEdit ? <Link to={s.id}>{s.title}</Link> : s.title}</h3>
                <p className="small" style={{ margin: 0 }}>
                  <span className="type-pill">{t(`agenda.types.${s.type}`)}</span> {s.roomName ? `· ${s.roomName}` : ""}
                </p>
                {s.speakers ? <p className="small muted" style={{ margin: ".2rem 0 0" }}>{s.speakers}</p> : null}
                {canEdit ? (
                  <div className="row" style={{ marginTop: ".4rem" }}>
                    <Link className="btn btn-secondary btn-small" to={s.id}>{t("common.edit")}</Link>
                    <ConfirmAction label={t("common.delete")} intent="delete" fields={{ sessionId: s.id, day }} />
                  </div>
                ) : null}
              </div>
            </article>
          ))}
        </section>
      )}
      {canEdit && sessions.length > 0 && days.length > 1 ? (
        <Form method="post" className="card row">
          <input type="hidden" name="intent" value="copy-day" />
          <input type="hidden" name="fromDay" value={day} />
          <label htmlFor="toDay">{t("agenda.copy_day")}</label>
          <select id="toDay" name="toDay" style={{ width: "auto" }}>
            {days.filter((d) => d.value !== day).map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
          </select>
          <SubmitButton className="btn btn-secondary">{t("agenda.copy_button")}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
