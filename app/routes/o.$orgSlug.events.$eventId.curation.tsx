import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import curationStyles from "~/curation/curation.css";
import { requireEventAccess } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: curationStyles }];

/** The curation section of an event: for curators, owners and admins (curation:score); others get 403. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "curation:score");
  return { base: `/o/${org.slug}/events/${event.id}/curation` };
}

export default function CurationLayout() {
  const { base } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const onSummary = pathname.startsWith(`${base}/summary`);
  const onQueue = pathname.replace(/\/$/, "") === base;
  return (
    <>
      <nav className="subnav" aria-label={t("curation.sections")}>
        <Link to={base} aria-current={onQueue ? "page" : undefined}>{t("curation.nav.queue")}</Link>
        <Link to={`${base}/summary`} aria-current={onSummary ? "page" : undefined}>{t("curation.nav.summary")}</Link>
      </nav>
      <Outlet />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
