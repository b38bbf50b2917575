import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { SECTORS } from "~/exhibitors/vocabulary";
import { listDirectory, matchmakingCounts } from "~/meetings/directory.server";
import { matchmakingStats } from "~/meetings/stats.server";
import { StatsTable } from "~/meetings/stats-table";
import { formatDate } from "~/utils/time";
import { getLocale } from "~/utils/i18n.server";
import { getDb } from "~/utils/db.server";
import { requireEventAccess } from "~/utils/permissions.server";
import { FilterSelect } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Peserta temu bisnis · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, event } = await requireEventAccess(request, params, "event:view");
  const url = new URL(request.url);
  const kindParam = url.searchParams.get("kind");
  const kind = (["buyer", "seller"] as const).find((k) => k === kindParam);
  const sectorParam = url.searchParams.get("sector");
  const filter = {
    q: url.searchParams.get("q")?.trim().slice(0, 100) ?? "", kind,
    sector: SECTORS.find((s) => s === sectorParam), page: Number(url.searchParams.get("page")) || 1,
  };
  const db = await getDb();
  const [list, counts, stats, locale] = await Promise.all([
    listDirectory(db, event.id, { kinds: ["buyer", "seller"] }, filter), matchmakingCounts(db, event.id), matchmakingStats(db, event.id), getLocale(request),
  ]);
  const days = stats.days.map((d) => ({ ...d, key: formatDate(`${d.key}T12:00:00Z`, "UTC", locale) }));
  return { ...list, counts, stats: { ...stats, days }, filter: { q: filter.q, kind: kind ?? "", sector: filter.sector ?? "" }, base: `/o/${org.slug}/events/${event.id}/matchmaking` };
}

export default function MatchParticipants() {
  const { rows, total, page, pageSize, counts, stats, filter, base } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const filtered = Boolean(filter.q || filter.kind || filter.sector);
  return (
    <>
      <p className="breadcrumbs"><Link className="back-link" to={base}>← {t("meetings.settings.title")}</Link></p>
      <section className="card" aria-labelledby="mp-title">
        <h2 id="mp-title">{t("meetings.participants.title")}</h2>
        <p className="small muted" style={{ margin: 0 }}>{t("meetings.participants.counts", counts)}</p>
      </section>
      <section className="card stack" aria-labelledby="stats-title">
        <h2 id="stats-title">{t("meetings.stats.title")}</h2>
        {stats.total.requests === 0 ? <p className="muted">{t("meetings.stats.empty")}</p> : (
          <>
            <StatsTable caption={t("meetings.stats.total")} rows={[{ ...stats.total, key: "total" }]} label={() => t("meetings.stats.total")} />
            <StatsTable caption={t("meetings.stats.per_sector")} rows={stats.sectors} label={(k) => (k ? t(`exhibitors.sectors.${k}`) : t("common.none"))} />
            {stats.days.length ? <StatsTable caption={t("meetings.stats.per_day")} rows={stats.days} label={(k) => k} columns={["scheduled", "held", "noShow"]} /> : null}
          </>
        )}
      </section>
      <Form method="get" className="card" role="search" aria-label={t("meetings.directory.filter")}>
        <div className="fields-inline">
          <div className="field">
            <label htmlFor="q">{t("common.search")}</label>
            <input id="q" type="search" name="q" defaultValue={filter.q} placeholder={t("meetings.participants.search_placeholder")} />
          </div>
          <FilterSelect id="kind" name="kind" label={t("meetings.participants.kind")} value={filter.kind} allLabel={t("meetings.participants.all")}
            options={(["buyer", "seller"] as const).map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} />
          <FilterSelect id="sector" name="sector" label={t("meetings.directory.sector")} value={filter.sector} allLabel={t("meetings.participants.all")}
            options={SECTORS.map((s) => ({ value: s, label: t(`exhibitors.sectors.${s}`) }))} />
        </div>
        <button type="submit" className="btn btn-secondary">{t("meetings.directory.apply")}</button>
      </Form>
      {rows.length === 0 ? <EmptyState>{filtered ? t("meetings.participants.no_results") : t("meetings.participants.empty")}</EmptyState> : (
        <div className="table-wrap card">
          <p className="small muted" style={{ marginTop: 0 }}>{t("common.results", { count: total })}</p>
          <table className="data responsive">
            <thead><tr>
              <th scope="col">{t("common.name")}</th><th scope="col">{t("meetings.participants.kind")}</th>
              <th scope="col">{t("meetings.directory.sector")}</th><th scope="col">{t("meetings.directory.province")}</th>
            </tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td data-label={t("common.name")}>{r.name}</td>
                  <td data-label={t("meetings.participants.kind")}>{t(`meetings.kinds.${r.kind}`)}{r.buyerType ? ` · ${t(`meetings.buyer_types.${r.buyerType}`)}` : ""}</td>
                  <td data-label={t("meetings.directory.sector")}>{r.sector ? t(`exhibitors.sectors.${r.sector}`) : r.sectors.map((s) => t(`exhibitors.sectors.${s}`)).join(", ") || t("common.none")}</td>
                  <td data-label={t("meetings.directory.province")}>{[r.city, r.province].filter(Boolean).join(", ") || t("common.none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
