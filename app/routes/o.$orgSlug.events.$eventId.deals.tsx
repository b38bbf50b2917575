import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { SubNav } from "~/components/ui";
import { useTranslation } from "react-i18next";
import agreementStyles from "~/styles/agreements.css";
import reportStyles from "~/styles/reports.css";
import { requireEventAccess } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportStyles }, { rel: "stylesheet", href: agreementStyles }];

/** The deals section (owners and admins): the dashboard, the deal records, and cooperation agreements (MoU). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "deal:view");
  return { base: `/o/${org.slug}/events/${event.id}/deals` };
}

export default function DealsLayout() {
  const { base } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [
    { to: base, label: t("deals.nav.dashboard"), active: pathname === base },
    { to: `${base}/records`, label: t("deals.nav.records"), active: pathname.startsWith(`${base}/records`) },
    { to: `${base}/agreements`, label: t("deals.nav.agreements"), active: pathname.startsWith(`${base}/agreements`) },
  ];
  return (
    <>
      <SubNav label={t("deals.nav.label")} items={items} />
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
