import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { SubNav } from "~/components/ui";
import { useTranslation } from "react-i18next";
import gateStyles from "~/checkin/gate.css";
import { requireEventAccess } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: gateStyles }];

/** The gates section: gate staff may look (lists, live view); owners and admins manage. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "checkin:scan");
  return { base: `/o/${org.slug}/events/${event.id}/gates` };
}

export default function GatesLayout() {
  const { base } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const items = [
    { to: base, label: t("gate.nav.setup"), active: pathname === base || pathname.startsWith(`${base}/lists`) },
    { to: `${base}/live`, label: t("gate.nav.live"), active: pathname.startsWith(`${base}/live`) },
    { to: `${base}/forced`, label: t("gate.nav.forced"), active: pathname.startsWith(`${base}/forced`) },
  ];
  return (
    <>
      <SubNav label={t("gate.nav.label")} items={items} />
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
