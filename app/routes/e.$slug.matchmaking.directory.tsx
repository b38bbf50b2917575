import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { CERTIFICATION_KINDS, PROVINCES, SECTORS, UMKM_CLASSES } from "~/exhibitors/vocabulary";
import { requireMatchContext } from "~/meetings/access.server";
import { listDirectory, visibleKinds, type DirectoryFilter } from "~/meetings/directory.server";
import { ParticipantCard } from "~/meetings/participant-card";
import { sendRequestAction } from "~/meetings/request-action.server";
import { listRequests } from "~/meetings/requests.server";
import { BUYER_TYPES } from "~/meetings/vocabulary";
import { getDb } from "~/utils/db.server";
import { FilterSelect } from "~/components/forms";

export const meta: MetaFunction = () => [{ title: "Direktori temu bisnis · Pendopo" }];

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.includes(value as T) ? (value as T) : undefined;
}

/** Filters from the query string; anything unknown is ignored rather than an error. */
function readFilter(url: URL): DirectoryFilter {
  const p = url.searchParams;
  const minCapacity = Number(p.get("minCapacity"));
  return {
    q: p.get("q")?.trim().slice(0, 100) ?? "", kind: oneOf(["buyer", "seller"] as const, p.get("kind")),
    sector: oneOf(SECTORS, p.get("sector")), province: oneOf(PROVINCES, p.get("province")), umkmClass: oneOf(UMKM_CLASSES, p.get("umkmClass")),
    minCapacity: Number.isInteger(minCapacity) && minCapacity > 0 && minCapacity < 1e9 ? minCapacity : undefined,
    certification: oneOf(CERTIFICATION_KINDS, p.get("certification")), buyerType: oneOf(BUYER_TYPES, p.get("buyerType")),
    page: Number(p.get("page")) || 1,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant, settings } = await requireMatchContext(request, params.slug);
  const filter = readFilter(new URL(request.url));
  const db = await getDb();
  const kinds = visibleKinds(participant?.kind ?? null, settings);
  const [list, requests] = await Promise.all([
    listDirectory(db, event.id, { kinds, excludeId: participant?.id }, filter),
    participant ? listRequests(db, participant) : [],
  ]);
  return {
    ...list, kinds, filter: { ...filter, minCapacity: filter.minCapacity ?? "" }, viewer: participant?.kind ?? null, enabled: settings.enabled,
    existing: Object.fromEntries(requests.filter((r) => !r.incoming).map((r) => [r.otherId, r.status])) as Record<string, string>,
  };
}

export const action = ({ request, params }: ActionFunctionArgs) => sendRequestAction(request, params.slug);


export default function MatchDirectory() {
  const { rows, total, page, pageSize, filter, kinds, viewer, existing, enabled } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const all = t("meetings.directory.all");
  const filtered = Object.entries(filter).some(([k, v]) => k !== "page" && Boolean(v));
  return (
    <section aria-labelledby="dir-title">
      <h2 id="dir-title">{t("meetings.directory.title")}</h2>
      <Form method="get" className="card" role="search" aria-label={t("meetings.directory.filter")}>
        <div className="field">
          <label htmlFor="q">{t("common.search")}</label>
          <input id="q" type="search" name="q" defaultValue={filter.q} placeholder={t("meetings.directory.search_placeholder")} />
        </div>
        <div className="fields-inline">
          {kinds.length > 1 ? <FilterSelect allLabel={all} name="kind" label={t("meetings.directory.kind")} value={filter.kind} options={kinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))} /> : null}
          <FilterSelect allLabel={all} name="sector" label={t("meetings.directory.sector")} value={filter.sector} options={SECTORS.map((s) => ({ value: s, label: t(`exhibitors.sectors.${s}`) }))} />
          <FilterSelect allLabel={all} name="province" label={t("meetings.directory.province")} value={filter.province} options={PROVINCES.map((p) => ({ value: p, label: p }))} />
          {kinds.includes("seller") ? <FilterSelect allLabel={all} name="umkmClass" label={t("meetings.directory.umkm_class")} value={filter.umkmClass} options={UMKM_CLASSES.map((c) => ({ value: c, label: t(`exhibitors.umkm_classes.${c}`) }))} /> : null}
          {kinds.includes("seller") ? <FilterSelect allLabel={all} name="certification" label={t("meetings.directory.certification")} value={filter.certification} options={CERTIFICATION_KINDS.map((c) => ({ value: c, label: t(`exhibitors.cert_kinds.${c}`) }))} /> : null}
          {kinds.includes("buyer") ? <FilterSelect allLabel={all} name="buyerType" label={t("meetings.directory.buyer_type")} value={filter.buyerType} options={BUYER_TYPES.map((b) => ({ value: b, label: t(`meetings.buyer_types.${b}`) }))} /> : null}
          {kinds.includes("seller") ? (
            <div className="field">
              <label htmlFor="f-minCapacity">{t("meetings.directory.min_capacity")}</label>
              <input id="f-minCapacity" type="number" name="minCapacity" min={1} inputMode="numeric" defaultValue={filter.minCapacity} />
            </div>
          ) : null}
        </div>
        <button type="submit" className="btn btn-secondary">{t("meetings.directory.apply")}</button>
      </Form>
      {rows.length === 0 ? <EmptyState>{filtered ? t("meetings.directory.no_results") : t("meetings.directory.empty")}</EmptyState> : (
        <>
          <p className="small muted">{t("common.results", { count: total })}</p>
          <ul className="match-list two">
            {rows.map((r) => <ParticipantCard key={r.id} person={r} viewer={viewer} existing={existing[r.id]} canRequest={enabled && viewer !== null} />)}
          </ul>
        </>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </section>
  );
}
