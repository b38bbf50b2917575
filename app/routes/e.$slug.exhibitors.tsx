import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listDirectory } from "~/booths/directory.server";
import { cleanQuery } from "~/booths/floor-plan";
import { EmptyState, Pagination } from "~/components/ui";
import { getPublishedEvent } from "~/events/events.server";
import { getDb } from "~/utils/db.server";
import { FilterSelect } from "~/components/forms";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `Peserta pameran · ${data.event.name} · Pendopo` }, { name: "description", content: `${data.total} peserta pameran ${data.event.name}` }] : [];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const event = await getPublishedEvent(db, params.slug ?? "");
  if (!event) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const filter = {
    q: cleanQuery(url.searchParams.get("q"), 80),
    sector: cleanQuery(url.searchParams.get("sector"), 40),
    province: cleanQuery(url.searchParams.get("province"), 80),
  };
  const list = await listDirectory(db, event.id, { ...filter, page: Number(url.searchParams.get("page")) || 1 });
  return { event: { name: event.name, slug: event.slug }, filter, ...list };
}

export default function ExhibitorDirectory() {
  const { event, filter, rows, total, page, pageSize, sectors, provinces } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = Boolean(filter.q || filter.sector || filter.province);
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={`/e/${event.slug}`}>← {event.name}</Link></p>
      <div className="page-header">
        <h1>{t("booths.directory.title")}</h1>
        <Link className="btn btn-secondary" to={`/e/${event.slug}/map`}>{t("booths.directory.map_link")}</Link>
      </div>
      <Form method="get" className="card directory-filter" role="search" aria-label={t("booths.directory.filter")}>
        <div className="field">
          <label htmlFor="dir-q">{t("booths.directory.search")}</label>
          <input id="dir-q" type="search" name="q" defaultValue={filter.q} placeholder={t("booths.directory.search_placeholder")} />
        </div>
        <FilterSelect id="dir-sector" name="sector" label={t("booths.directory.sector")} value={filter.sector} allLabel={t("booths.directory.all_sectors")}
          options={sectors.map((s) => ({ value: s, label: t(`booths.sectors.${s}`) }))} />
        <FilterSelect id="dir-province" name="province" label={t("booths.directory.province")} value={filter.province} allLabel={t("booths.directory.all_provinces")}
          options={provinces.map((p) => ({ value: p, label: p }))} />
        <div className="row">
          <button type="submit" className="btn">{t("booths.directory.apply")}</button>
          {filtered ? <Link to="?" className="btn btn-secondary">{t("booths.clear_filter")}</Link> : null}
        </div>
      </Form>
      <p className="muted small" aria-live="polite">{t("booths.directory.count", { count: total })}</p>
      {rows.length === 0 ? (
        <EmptyState>{filtered ? t("booths.directory.no_match") : t("booths.directory.empty")}</EmptyState>
      ) : (
        <ul className="directory-list">
          {rows.map((r) => (
            <li key={r.id} className="card">
              <h2>{r.name}</h2>
              {r.brandName ? <p className="muted small">{r.brandName}</p> : null}
              <p className="small">
                <span className="type-pill">{t(`booths.sectors.${r.sector}`)}</span> {[r.city, r.province].filter(Boolean).join(", ")} · {t(`booths.umkm.${r.umkmClass}`)}
              </p>
              {r.description ? <p className="small directory-desc">{r.description}</p> : null}
              {r.boothCode ? (
                <Link className="btn btn-secondary btn-small" to={`/e/${event.slug}/map?booth=${encodeURIComponent(r.boothCode)}`}>
                  {t("booths.directory.booth_link", { code: r.boothCode, hall: r.hallName })}
                </Link>
              ) : <span className="small muted">{t("booths.directory.no_booth_yet")}</span>}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
