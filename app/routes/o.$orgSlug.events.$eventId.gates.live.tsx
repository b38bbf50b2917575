import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { HourlyChart } from "~/checkin/components/hourly-chart";
import { getGateStats } from "~/checkin/gate-dashboard.server";
import { EmptyState } from "~/components/ui";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { daysBetween, formatShortDate, formatTime, localDateOf, zoneAbbrev } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Pantauan pintu masuk · Pendopo" }];

/** How often the open page asks for fresh numbers (polling keeps it simple behind any proxy). */
const REFRESH_MS = 5000;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(request, params, "checkin:scan");
  const days = daysBetween(event.firstDay, event.lastDay);
  const now = new Date();
  const asked = new URL(request.url).searchParams.get("day");
  const today = localDateOf(now, event.timeZone);
  const day = asked && days.includes(asked) ? asked : days.includes(today) ? today : days[0]!;
  const stats = await getGateStats(await getDb(), event.id, event.timeZone, day);
  return { stats, day, days, timeZone: event.timeZone, zone: zoneAbbrev(event.timeZone), updatedAt: now.toISOString() };
}

export default function GatesLive() {
  const { stats, day, days, timeZone, zone, updatedAt } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "id";
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidator]);
  const dayLabel = (d: string) => formatShortDate(`${d}T12:00:00Z`, "UTC", locale);
  return (
    <div className="gate-live">
      <h2 className="visually-hidden">{t("gate.live.title")}</h2>
      <div className="stat-grid" aria-live="polite">
        <Stat label={t("gate.live.inside")} value={stats.insideNow} hint={t("gate.live.inside_hint")} big />
        <Stat label={t("gate.live.entries")} value={stats.entries} />
        <Stat label={t("gate.live.exits")} value={stats.exits} />
        <Stat label={t("gate.live.people")} value={stats.people} />
        <Stat label={t("gate.live.forced")} value={stats.forced} warn={stats.forced > 0} />
      </div>
      <p className="muted small">{t("gate.live.updated", { time: formatTime(updatedAt, timeZone, locale) })}</p>
      <section className="card" aria-labelledby="per-hour">
        <div className="page-header" style={{ margin: 0 }}>
          <h3 id="per-hour">{t("gate.live.per_hour", { zone })}</h3>
          <Form method="get" className="row">
            <label htmlFor="day" className="visually-hidden">{t("gate.live.day")}</label>
            <select id="day" name="day" defaultValue={day}>{days.map((d) => <option key={d} value={d}>{dayLabel(d)}</option>)}</select>
            <button type="submit" className="btn btn-secondary btn-small">{t("gate.live.show")}</button>
          </Form>
        </div>
        <HourlyChart hourly={stats.hourly} title={`${t("gate.live.per_hour", { zone })} · ${dayLabel(day)}`} />
      </section>
      <div className="grid grid-top gate-grid">
        <section className="card" aria-labelledby="per-gate">
          <h3 id="per-gate">{t("gate.live.per_gate")}</h3>
          {stats.byGate.length === 0 ? <EmptyState>{t("gate.live.no_scans")}</EmptyState> : (
            <div className="table-wrap"><table className="data">
              <thead><tr><th scope="col">{t("gate.live.gate")}</th><th scope="col">{t("gate.live.list")}</th><th scope="col">{t("gate.live.entries")}</th><th scope="col">{t("gate.live.exits")}</th></tr></thead>
              <tbody>{stats.byGate.map((g) => <tr key={`${g.gate}|${g.list}`}><th scope="row">{g.gate || "—"}</th><td>{g.list}</td><td>{g.entries}</td><td>{g.exits}</td></tr>)}</tbody>
            </table></div>
          )}
        </section>
        <section className="card" aria-labelledby="per-kind">
          <h3 id="per-kind">{t("gate.live.per_kind")}</h3>
          {stats.byKind.length === 0 ? <EmptyState>{t("gate.live.no_scans")}</EmptyState> : (
            <div className="table-wrap"><table className="data">
              <thead><tr><th scope="col">{t("gate.live.kind")}</th><th scope="col">{t("gate.live.entries")}</th><th scope="col">{t("gate.live.people")}</th></tr></thead>
              <tbody>{stats.byKind.map((k) => <tr key={k.kind}><th scope="row">{t(`gate.kinds.${k.kind}`)}</th><td>{k.entries}</td><td>{k.people}</td></tr>)}</tbody>
            </table></div>
          )}
        </section>
      </div>
    </div>
  );
}

function Stat({ label, value, hint, big, warn }: { label: string; value: number; hint?: string; big?: boolean; warn?: boolean }) {
  return (
    <div className={`stat${big ? " stat-big" : ""}${warn ? " stat-warn" : ""}`}>
      <span className="stat-label">{label}</span>
      <strong className="stat-value" data-testid={big ? "inside-now" : undefined}>{value.toLocaleString("id-ID")}</strong>
      {hint ? <span className="stat-hint">{hint}</span> : null}
    </div>
  );
}
