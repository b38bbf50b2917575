import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui";
import { requireDealParticipant } from "~/deals/access.server";
import { formatShortDay } from "~/deals/deal-present";
import { participantSummary } from "~/deals/deal-summary.server";
import { getDb } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { formatRupiah } from "~/utils/money";
import { formatDate } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Ringkasan transaksi · Pendopo" }];

/** One printable page after the fair: the participant's deals by how they count, meetings held, and leads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, participant } = await requireDealParticipant(request, params.slug);
  const locale = await getLocale(request);
  const s = await participantSummary(await getDb(), event.id, participant.id);
  const money = (v: bigint) => formatRupiah(v, locale);
  return {
    slug: event.slug, eventName: event.name, name: participant.name, kind: participant.kind, printed: formatDate(new Date(), event.timeZone, locale),
    totals: { confirmed: money(s.totals.confirmed), unconfirmed: money(s.totals.unconfirmed), potential: money(s.totals.potential), count: s.totals.count },
    meetingsHeld: s.meetingsHeld,
    deals: s.deals.map((d) => ({
      id: d.id, day: formatShortDay(d.dealDay, locale), type: d.type, status: d.status, confirmation: d.confirmation, bucket: d.valueBucket,
      other: d.side === "buyer" ? d.sellerNames : d.buyerName, value: money(d.value),
    })),
    leads: s.leads.map((l) => ({ id: l.meetingId, name: l.otherName ?? "", city: l.sellerCity ?? l.city, nextStep: l.nextStep, interest: l.interest, note: l.note })),
  };
}

export default function DealSummary() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="deal-summary" aria-labelledby="summary-title">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 id="summary-title">{t("deals.summary.title")}</h2>
        <button type="button" className="btn btn-secondary btn-small no-print" onClick={() => window.print()}>{t("deals.summary.print")}</button>
      </div>
      <p><strong>{d.name}</strong> · {t(`meetings.kinds.${d.kind}`)} · {d.eventName}</p>
      <p className="small muted">{t("deals.summary.printed", { date: d.printed })}</p>
      <dl className="deal-totals deal-totals-wide">
        <div><dt>{t("deals.report.confirmed")}</dt><dd>{d.totals.confirmed}</dd></div>
        <div><dt>{t("deals.report.unconfirmed")}</dt><dd>{d.totals.unconfirmed}</dd></div>
        <div><dt>{t("deals.report.potential")}</dt><dd>{d.totals.potential}</dd></div>
        <div><dt>{t("deals.summary.meetings_held")}</dt><dd>{d.meetingsHeld}</dd></div>
      </dl>
      <p className="small muted">{t("deals.report.note")}</p>
      <section aria-labelledby="summary-deals">
        <h3 id="summary-deals">{t("deals.summary.deals", { count: d.totals.count })}</h3>
        {d.deals.length === 0 ? <EmptyState>{t("deals.mine.empty")}</EmptyState> : (
          <div className="table-wrap">
            <table className="data responsive">
              <thead><tr>{(["day", "other", "type", "status", "counts", "value"] as const).map((c) => <th key={c} scope="col">{t(`deals.summary.columns.${c}`)}</th>)}</tr></thead>
              <tbody>
                {d.deals.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t("deals.summary.columns.day")}>{r.day}</td>
                    <td data-label={t("deals.summary.columns.other")}><Link to={`/e/${d.slug}/deals/${r.id}`}>{r.other}</Link></td>
                    <td data-label={t("deals.summary.columns.type")}>{t(`deals.types.${r.type}`)}</td>
                    <td data-label={t("deals.summary.columns.status")}>{t(`deals.statuses.${r.status}`)} · {t(`deals.confirmations.${r.confirmation}`)}</td>
                    <td data-label={t("deals.summary.columns.counts")}>{t(`deals.summary.buckets.${r.bucket}`)}</td>
                    <td data-label={t("deals.summary.columns.value")}>{r.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="summary-leads">
        <h3 id="summary-leads">{t("deals.summary.leads")}</h3>
        {d.leads.length === 0 ? <p className="muted">{t("deals.summary.no_leads")}</p> : (
          <ul className="deal-leads">
            {d.leads.map((l) => (
              <li key={l.id}>
                <strong>{l.name}</strong>{l.city ? ` · ${l.city}` : ""} · {t(`meetings.outcome.next_steps.${l.nextStep}`)} · {t(`meetings.outcome.interests.${l.interest}`)}
                {l.note ? <><br /><span className="small">{l.note}</span></> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
