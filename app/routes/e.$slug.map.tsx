import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listHalls, loadHallPlan, pickHall } from "~/booths/booths.server";
import { findPublicBooth } from "~/booths/directory.server";
import { cleanQuery } from "~/booths/floor-plan";
import { BoothMap, BoothMapLegend } from "~/components/booth-map";
import { EmptyState } from "~/components/ui";
import { getPublishedEvent } from "~/events/events.server";
import { getDb } from "~/utils/db.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: `Denah · ${data.event.name} · Pendopo` }] : []);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const event = await getPublishedEvent(db, params.slug ?? "");
  if (!event) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const code = cleanQuery(url.searchParams.get("booth"), 20) || null;
  const halls = await listHalls(db, event.id);
  const [booth, hallId] = await Promise.all([
    code ? findPublicBooth(db, event.id, code) : undefined,
    pickHall(db, event.id, halls, { hallId: url.searchParams.get("hall"), boothCode: code }),
  ]);
  const plan = await loadHallPlan(db, event.id, halls, hallId);
  return { event: { name: event.name, slug: event.slug }, halls, plan, code, booth: booth ?? null };
}

export default function PublicMap() {
  const { event, halls, plan, code, booth } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const hallParam = (hallId: string) => `?hall=${hallId}`;
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={`/e/${event.slug}`}>← {event.name}</Link></p>
      <div className="page-header">
        <h1>{t("booths.public_map.title")}</h1>
        <Link className="btn btn-secondary" to={`/e/${event.slug}/exhibitors`}>{t("booths.public_map.directory_link")}</Link>
      </div>
      {code && !booth ? <p className="booth-note booth-note-warn" role="status">{t("booths.public_map.not_found", { code })}</p> : null}
      {booth ? (
        <section className="card pick-panel" aria-labelledby="booth-heading" aria-live="polite">
          <h2 id="booth-heading">{t("booths.map.booth_name", { code: booth.code })} · {booth.hallName}</h2>
          <p style={{ margin: 0 }}>
            {booth.sizeM2} m²{booth.zone ? ` · ${t("booths.map.zone_name", { zone: booth.zone })}` : ""} ·{" "}
            {booth.exhibitorName ? <strong>{booth.exhibitorName}</strong> : t("booths.status.available")}
            {booth.exhibitorName && booth.sector ? <span className="muted"> · {t(`booths.sectors.${booth.sector}`)} · {[booth.city, booth.province].filter(Boolean).join(", ")}</span> : null}
          </p>
        </section>
      ) : null}
      {halls.length > 1 ? (
        <nav className="booth-subnav hall-tabs" aria-label={t("booths.halls")}>
          {halls.map((h) => <Link key={h.id} to={hallParam(h.id)} aria-current={h.id === plan?.hall.id ? "page" : undefined}>{h.name}</Link>)}
        </nav>
      ) : null}
      {!plan || plan.booths.length === 0 ? <EmptyState>{t("booths.no_booths_public")}</EmptyState> : (
        <section className="card" aria-labelledby="map-heading">
          <h2 id="map-heading">{t("booths.map.title", { hall: plan.hall.name })}</h2>
          <BoothMap title={t("booths.map.title", { hall: plan.hall.name })} description={t("booths.map.public_desc")} extent={plan.extent}
            booths={plan.booths} highlightCode={booth?.code} showNames
            hrefFor={(b) => `?hall=${plan.hall.id}&booth=${encodeURIComponent(b.code)}`} />
          <BoothMapLegend withHighlight={Boolean(booth)} highlightLabel={t("booths.map.selected")} />
        </section>
      )}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
