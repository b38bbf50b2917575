import { parseForm } from "~/utils/form-parse.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckinListForm } from "~/checkin/components/list-form";
import { DevicesCard } from "~/checkin/components/devices-card";
import { RulesSummary } from "~/checkin/components/rules-summary";
import { listCheckinLists, listGateDevices } from "~/checkin/gate-admin.server";
import { DeviceSchema, listFormSchema, RevokeDeviceSchema, toListInput } from "~/checkin/gate-forms.schema";
import { createCheckinList, createGateDevice, revokeGateDevice } from "~/checkin/gates.server";
import { pairingFor } from "~/checkin/pairing.server";
import { EmptyState } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";
import { daysBetween, zoneAbbrev } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Pintu masuk · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "checkin:scan");
  const db = await getDb();
  const [lists, devices] = await Promise.all([listCheckinLists(db, event.id), listGateDevices(db, event.id)]);
  return {
    lists, devices, timeZone: event.timeZone, zone: zoneAbbrev(event.timeZone), days: daysBetween(event.firstDay, event.lastDay),
    base: `/o/${org.slug}/events/${event.id}/gates`, canManage: can(role, "gate:manage"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { org, event, user } = await requireEventAccess(request, params, "gate:manage");
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const db = await getDb();
  const back = `/o/${org.slug}/events/${event.id}/gates`;
  const actor = { by: user.id, now: new Date() };
  if (intent === "revoke-device") {
    const s = parseForm(form, { schema: RevokeDeviceSchema });
    if (s.status !== "success") return data({ intent, result: s.reply(), pairing: null }, { status: 400 });
    const res = await revokeGateDevice(db, event.id, s.value.deviceId, actor);
    if (!res.ok) throw new Response("Not found", { status: 404 });
    return redirectWithToast(back, { type: "success", key: "gate.devices.revoked_toast" });
  }
  if (intent === "add-device") {
    const s = parseForm(form, { schema: DeviceSchema });
    if (s.status !== "success") return data({ intent, result: s.reply(), pairing: null }, { status: 400 });
    const res = await createGateDevice(db, { eventId: event.id, ...s.value }, actor);
    if (!res.ok) {
      const field = res.reason === "list_not_found" ? "checkinListId" : "name";
      return data({ intent, result: s.reply({ fieldErrors: { [field]: [`gate.devices.${res.reason}`] } }), pairing: null }, { status: 409 });
    }
    // Shown this once: the answer of this POST, never stored or shown again.
    const pairing = { ...(await pairingFor(res.value.token)), name: s.value.name, list: (await listCheckinLists(db, event.id)).find((l) => l.id === s.value.checkinListId)?.name ?? "" };
    return data({ intent, result: s.reply({ resetForm: true }), pairing }, { headers: { "Cache-Control": "no-store" } });
  }
  const s = parseForm(form, { schema: listFormSchema(daysBetween(event.firstDay, event.lastDay)) });
  if (s.status !== "success") return data({ intent: "save-list", result: s.reply(), pairing: null }, { status: 400 });
  const input = toListInput(s.value, event.timeZone);
  if (!input) return data({ intent: "save-list", result: s.reply({ fieldErrors: { opensTime: ["gate.v.zone_time"] } }), pairing: null }, { status: 400 });
  const res = await createCheckinList(db, event.id, input, actor);
  if (!res.ok) return data({ intent: "save-list", result: s.reply({ fieldErrors: { name: [res.reason === "name_taken" ? "gate.lists.name_taken" : "validation.invalid"] } }), pairing: null }, { status: 409 });
  return redirectWithToast(back, { type: "success", key: "gate.lists.created" });
}

export default function GatesIndex() {
  const { lists, devices, timeZone, zone, days, base, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="gate-page">
      <div className="page-header">
        <div style={{ maxWidth: "70ch" }}>
          <p className="muted" style={{ margin: 0 }}>{t("gate.intro")}</p>
          <details className="gate-help">
            <summary>{t("gate.help")}</summary>
            <ol className="small">{(["one", "two", "three", "four"] as const).map((k) => <li key={k}>{t(`gate.help_steps.${k}`)}</li>)}</ol>
          </details>
        </div>
        <Link className="btn btn-secondary" to="/gate">{t("gate.scanner.title")}</Link>
      </div>
      <div className="grid grid-top gate-grid">
        <section className="card" aria-labelledby="lists-title">
          <h2 id="lists-title">{t("gate.lists.title")}</h2>
          {lists.length === 0 ? <EmptyState>{t("gate.lists.empty")}</EmptyState> : (
            <ul className="item-list gate-lists">
              {lists.map((l) => (
                <li key={l.id}>
                  <div>
                    <h3 className="gate-list-name">{canManage ? <Link to={`${base}/lists/${l.id}`}>{l.name}</Link> : l.name}</h3>
                    <RulesSummary rules={l.rules} timeZone={timeZone} />
                    <p className="muted small" style={{ margin: 0 }}>{t("gate.lists.counts", { devices: l.devices, scans: l.scans })}</p>
                  </div>
                  {canManage ? <Link className="btn btn-secondary btn-small" to={`${base}/lists/${l.id}`}>{t("common.edit")}</Link> : null}
                </li>
              ))}
            </ul>
          )}
          {canManage ? (
            <details className="gate-add" open={lists.length === 0 || (actionData?.intent === "save-list" && actionData.result.status === "error")}>
              <summary className="btn btn-secondary">{t("gate.lists.add")}</summary>
              <CheckinListForm id="new-list" days={days} zone={zone} submitLabel={t("gate.lists.add")}
                lastResult={actionData?.intent === "save-list" ? actionData.result : undefined} />
            </details>
          ) : null}
        </section>
        <DevicesCard devices={devices} lists={lists} timeZone={timeZone} canManage={canManage}
          actionData={actionData?.intent === "add-device" || actionData?.intent === "revoke-device" ? actionData : undefined} />
      </div>
    </div>
  );
}
