import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui";
import dealStyles from "~/deals/deals.css";
import { requireDealParticipant } from "~/deals/access.server";
import matchStyles from "~/meetings/matchmaking.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: matchStyles }, { rel: "stylesheet", href: dealStyles }];

/** A participant's deals (phone-first): their list, the "Catat transaksi" form and the summary after the fair. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant } = await requireDealParticipant(request, params.slug);
  return { event: { slug: event.slug, name: event.name }, participant: { kind: participant.kind, name: participant.name } };
}

export default function DealsLayout() {
  const { event, participant } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/e/${event.slug}/deals`;
  const items = [
    { to: base, label: t("deals.mine.nav_list"), active: pathname === base || /\/deals\/[0-9a-f-]{36}/.test(pathname) },
    { to: `${base}/new`, label: t("deals.mine.nav_new"), active: pathname.startsWith(`${base}/new`) },
    { to: `${base}/summary`, label: t("deals.mine.nav_summary"), active: pathname.startsWith(`${base}/summary`) },
  ];
  return (
    <div className="match deals">
      <p className="breadcrumbs no-print"><Link className="back-link" to={`/e/${event.slug}/matchmaking`}>← {t("meetings.title")} · {event.name}</Link></p>
      <div className="page-header no-print"><h1>{t("deals.mine.title")}</h1></div>
      <p className="small muted no-print">{t(`deals.mine.as_${participant.kind}`, { name: participant.name })}</p>
      <div className="no-print"><Tabs label={t("deals.mine.nav_label")} items={items} /></div>
      <Outlet />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
