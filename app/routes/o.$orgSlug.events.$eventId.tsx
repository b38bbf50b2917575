import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui";
import { requireEventAccess } from "~/utils/permissions.server";
import { formatShortDate, zoneAbbrev } from "~/utils/time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "event:view");
  return { org: { slug: org.slug }, event: { ...event, zone: zoneAbbrev(event.timeZone) } };
}

export default function EventLayout() {
  const { org, event } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const base = `/o/${org.slug}/events/${event.id}`;
  const locale = i18n.language === "en" ? "en" : "id";
  // Dates are calendar days: formatted at noon UTC so no zone can move them.
  const day = (d: string) => formatShortDate(`${d}T12:00:00Z`, "UTC", locale);
  const dates = event.firstDay === event.lastDay ? day(event.firstDay) : `${day(event.firstDay)} – ${day(event.lastDay)}`;
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={`/o/${org.slug}`}>← {t("events.all")}</Link></p>
      <div className="page-header">
        <div>
          <h1>{event.name}</h1>
          <span className={`badge ${event.status === "published" ? "badge-ok" : "badge-muted"}`}>{t(`events.statuses.${event.status}`)}</span>{" "}
          <span className="muted small">{dates} {event.lastDay.slice(0, 4)} · {event.zone}</span>
        </div>
        {event.status === "published" ? <Link className="btn btn-secondary" to={`/e/${event.slug}`}>{t("events.public_page")}</Link> : null}
      </div>
      <Tabs label={t("events.sections")} items={[
        { to: base, label: t("events.tabs.overview"), active: pathname === base },
        { to: `${base}/venue`, label: t("events.tabs.venue"), active: pathname.startsWith(`${base}/venue`) },
        { to: `${base}/agenda`, label: t("events.tabs.agenda"), active: pathname.startsWith(`${base}/agenda`) },
        { to: `${base}/exhibitors`, label: t("events.tabs.exhibitors"), active: pathname.startsWith(`${base}/exhibitors`) },
        { to: `${base}/curation`, label: t("events.tabs.curation"), active: pathname.startsWith(`${base}/curation`) },
        { to: `${base}/floor-plan`, label: t("events.tabs.floor_plan"), active: pathname.startsWith(`${base}/floor-plan`) },
        { to: `${base}/badges`, label: t("events.tabs.badges"), active: pathname.startsWith(`${base}/badges`) },
        { to: `${base}/gates`, label: t("events.tabs.gates"), active: pathname.startsWith(`${base}/gates`) },
        { to: `${base}/matchmaking`, label: t("events.tabs.matchmaking"), active: pathname.startsWith(`${base}/matchmaking`) },
        { to: `${base}/deals`, label: t("events.tabs.deals"), active: pathname.startsWith(`${base}/deals`) },
      ]} />
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
