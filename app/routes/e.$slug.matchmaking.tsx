import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Tabs } from "~/components/ui";
import { requireMatchContext } from "~/meetings/access.server";
import matchStyles from "~/meetings/matchmaking.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: matchStyles }];

/** The participant side of business matching (phone-first): the event, who you are here, and the sections. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant, settings } = await requireMatchContext(request, params.slug);
  return {
    event: { slug: event.slug, name: event.name },
    participant: participant ? { kind: participant.kind, name: participant.name } : null,
    enabled: settings.enabled,
  };
}

export default function MatchmakingLayout() {
  const { event, participant, enabled } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const base = `/e/${event.slug}/matchmaking`;
  const items = [
    { to: base, label: t("meetings.nav.home"), active: pathname === base },
    { to: `${base}/directory`, label: t("meetings.nav.directory"), active: pathname.startsWith(`${base}/directory`) },
    { to: `${base}/requests`, label: t("meetings.nav.requests"), active: pathname.startsWith(`${base}/requests`) },
    { to: `${base}/agenda`, label: t("meetings.nav.agenda"), active: pathname.startsWith(`${base}/agenda`) },
  ];
  if (participant) items.push({ to: `/e/${event.slug}/deals`, label: t("deals.mine.title"), active: false });
  if (participant?.kind !== "seller") items.push({ to: `${base}/register`, label: t("meetings.nav.profile"), active: pathname.startsWith(`${base}/register`) });
  return (
    <div className="match">
      <p className="breadcrumbs no-print"><Link className="back-link" to={`/e/${event.slug}`}>← {event.name}</Link></p>
      <div className="page-header no-print">
        <h1>{t("meetings.title")}</h1>
        <Link to="/help/matchmaking" className="small">{t("meetings.help")}</Link>
      </div>
      {!enabled ? <p className="booth-note booth-note-warn" role="status">{t("meetings.home.closed")}</p> : null}
      {participant?.kind === "seller" ? <p className="small muted no-print">{t("meetings.home.seller_note", { name: participant.name })}</p> : null}
      <div className="no-print"><Tabs label={t("meetings.nav.label")} items={items} /></div>
      <Outlet />
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
