import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, Pagination } from "~/components/ui";
import { requireDealParticipant } from "~/deals/access.server";
import { parseDealQuery } from "~/deals/deal-form.schema";
import { formatShortDay } from "~/deals/deal-present";
import { listDeals } from "~/deals/deal-records.server";
import { participantSummary } from "~/deals/deal-summary.server";
import { StatusBadges } from "~/deals/deal-view";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah, formatRupiahCompact } from "~/utils/money";

export const meta: MetaFunction = () => [{ title: "Transaksi saya · Pendopo" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant } = await requireDealParticipant(request, params.slug);
  const db = await getDb();
  const locale = await getLocale(request);
  const query = parseDealQuery(new URL(request.url).searchParams);
  const [list, summary] = await Promise.all([listDeals(db, event.id, { q: "", page: query.page }, participant.id), participantSummary(db, event.id, participant.id)]);
  const compact = (v: bigint) => formatRupiahCompact(v, locale);
  return {
    slug: event.slug,
    totals: { confirmed: compact(summary.totals.confirmed), unconfirmed: compact(summary.totals.unconfirmed), potential: compact(summary.totals.potential) },
    total: list.total, page: list.page, pageSize: list.pageSize,
    rows: list.rows.map((r) => {
      const side = r.buyerId === participant.id ? "buyer" : "seller";
      return {
        id: r.id, day: formatShortDay(r.dealDay, locale), type: r.type, status: r.status, confirmation: r.confirmation,
        total: formatRupiah(r.total, locale), myShare: side === "seller" && r.myShare !== null && r.myShare !== r.total ? formatRupiah(r.myShare, locale) : null,
        other: side === "buyer" ? r.sellerNames : r.buyerName, products: r.products,
        awaitingMe: r.confirmation === "unconfirmed" && r.status !== "cancelled" && r.enteredBy !== side && r.enteredBy !== "organizer",
      };
    }),
  };
}

export default function MyDeals() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = `/e/${data.slug}/deals`;
  return (
    <section aria-labelledby="my-deals-title">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 id="my-deals-title">{t("deals.mine.list_title")}</h2>
        <Link className="btn" to={`${base}/new`}>{t("deals.mine.nav_new")}</Link>
      </div>
      <dl className="deal-totals" aria-label={t("deals.mine.totals")}>
        <div><dt>{t("deals.report.confirmed_short")}</dt><dd>{data.totals.confirmed}</dd></div>
        <div><dt>{t("deals.report.unconfirmed_short")}</dt><dd>{data.totals.unconfirmed}</dd></div>
        <div><dt>{t("deals.report.potential_short")}</dt><dd>{data.totals.potential}</dd></div>
      </dl>
      {data.total === 0 ? (
        <EmptyState action={<Link className="btn" to={`${base}/new`}>{t("deals.mine.nav_new")}</Link>}>{t("deals.mine.empty")}</EmptyState>
      ) : (
        <>
          <ol className="match-list" aria-label={t("deals.mine.list_title")}>
            {data.rows.map((r) => (
              <li key={r.id} className="match-card deal-card">
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <h3><Link to={`${base}/${r.id}`}>{r.other}</Link></h3>
                  <strong className="deal-amount">{r.total}</strong>
                </div>
                <p className="small muted">{r.day} · {t(`deals.types.${r.type}`)} · {r.products}</p>
                {r.myShare ? <p className="small">{t("deals.mine.my_share", { value: r.myShare })}</p> : null}
                <StatusBadges status={r.status} confirmation={r.confirmation} />
                {r.awaitingMe ? <p><Link className="btn btn-small" to={`${base}/${r.id}`}>{t("deals.mine.awaiting_me")}</Link></p> : null}
              </li>
            ))}
          </ol>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} />
        </>
      )}
    </section>
  );
}
