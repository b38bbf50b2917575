import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import badgeStyles from "~/badges/badges.css";
import { can } from "~/utils/permissions";
import { requireEventAccess } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: badgeStyles }];

/** The badge section of an event: everyone who may view badges; the managing pages check badge:manage. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event, role } = await requireEventAccess(request, params, "badge:view");
  return { base: `/o/${org.slug}/events/${event.id}/badges`, canManage: can(role, "badge:manage") };
}

export default function BadgesLayout() {
  const { base, canManage } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const here = pathname.replace(/\/$/, "");
  const items = [
    { to: base, label: t("badges.nav.list"), active: here === base || /\/badges\/[0-9a-f-]{36}$/.test(here) },
    ...(canManage ? [
      { to: `${base}/new`, label: t("badges.nav.add"), active: here === `${base}/new` },
      { to: `${base}/import`, label: t("badges.nav.import"), active: here.startsWith(`${base}/import`) },
      { to: `${base}/registration`, label: t("badges.nav.registration"), active: here === `${base}/registration` },
    ] : []),
  ];
  return (
    <>
      <nav className="subnav" aria-label={t("badges.sections")}>
        {items.map((i) => <Link key={i.to} to={i.to} aria-current={i.active ? "page" : undefined}>{i.label}</Link>)}
      </nav>
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
