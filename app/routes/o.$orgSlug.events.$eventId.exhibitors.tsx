import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireEventAccess } from "~/utils/permissions.server";

/** "Peserta pameran": the applications and the call settings of one event, as two sub-pages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "event:view");
  return { base: `/o/${org.slug}/events/${event.id}/exhibitors` };
}

export default function ExhibitorsLayout() {
  const { base } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <nav className="row" aria-label={t("exhibitors.organizer.sections")} style={{ marginBottom: "1rem" }}>
        <NavLink end to={base} className={({ isActive }) => `btn btn-small ${isActive ? "" : "btn-secondary"}`}>{t("exhibitors.organizer.applications")}</NavLink>
        <NavLink to={`${base}/call`} className={({ isActive }) => `btn btn-small ${isActive ? "" : "btn-secondary"}`}>{t("exhibitors.organizer.call_settings")}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}
