// The report model of one event from the database: the running totals of deal_report_cell (kept by every deal
// change, report-cells.server.ts), one query for meetings that led to deals, one for the counts. computeAggregates
// recounts the same totals from the deals with one GROUPING SETS query: the reference the cells are tested
// against. Grouping 100,000 deals per request took 0.6–0.9 s of database time (bench/reports/RESULTS.md).
import { sql } from "kysely";
import type { ValueBucket } from "~/deals/deal-status";
import type { Executor } from "~/utils/db.server";
import { daysBetween } from "~/utils/time";
import { modelFromAggregates, type AggregateRow, type Dimension, type ReportCounts, type ReportModel } from "./aggregate";

/** grouping(deal_day, sector, umkm_class, type, flow): a bit is 1 where the column is not grouped. */
const DIMENSION_BY_GROUPING: Record<number, Dimension> = { 31: "total", 15: "day", 23: "sector", 27: "umkm", 29: "type", 30: "flow" };

/** Value and distinct deals per dimension, key and bucket: the running totals. */
export async function loadAggregates(db: Executor, eventId: string): Promise<AggregateRow[]> {
  const rows = await db.selectFrom("dealReportCell").select(["dimension", "key", "bucket", "value", "deals"]).where("eventId", "=", eventId).execute();
  return rows.map((r) => ({ dimension: r.dimension as Dimension, key: r.key, bucket: r.bucket, value: BigInt(r.value), deals: r.deals }));
}

/**
 * Value and distinct deals per dimension, key and bucket, recounted from the deals (seller attributes as recorded on
 * each share, buyer region from the deal).
 *
 * A consortium deal has one row per seller, so "deals" must count each deal once per key. `count(distinct id)` did
 * that, but it forces PostgreSQL to sort all seller rows once per grouping set (six sorts of 115,000 rows for 100,000
 * deals). Instead each row carries 0/1 flags ("first row of this deal", "first row of this deal with this sector", …):
 * always 1 for a deal with one seller (most deals), computed with row_number() only over the rows of deals with
 * several sellers; the grouping sets then sum the flags in one hashed pass (one sort by deal to count its sellers
 * instead of six). Same rows out (compared on the 100,000-deal
 * bench data and in tests/integration/reports/report-data.test.ts); about half the database time of the sorted version
 * (bench/reports/RESULTS.md).
 */
export async function computeAggregates(db: Executor, eventId: string): Promise<AggregateRow[]> {
  const result = await sql<{ g: number; bucket: ValueBucket; day: string | null; sector: string | null; umkm: string | null; type: string | null; flow: string | null; value: string; deals: number }>`
    with seller_rows as (
      select d.id, ds.position, d.value_bucket as bucket, ds.share_value as value, d.deal_day, ds.sector,
        ds.umkm_class as umkm, d.type,
        ds.city || '|' || ds.province || E'\n' || d.buyer_city || '|' || d.buyer_province as flow,
        count(*) over (partition by d.id) as sellers
      from deal d
      join deal_seller ds on ds.deal_id = d.id
      where d.event_id = ${eventId}
    ), flagged as (
      select bucket, value, deal_day, sector, umkm, type, flow, 1 as first_deal, 1 as first_sector, 1 as first_umkm, 1 as first_flow
      from seller_rows where sellers = 1
      union all
      select bucket, value, deal_day, sector, umkm, type, flow,
        (row_number() over (partition by id order by position) = 1)::int,
        (row_number() over (partition by id, sector order by position) = 1)::int,
        (row_number() over (partition by id, umkm order by position) = 1)::int,
        (row_number() over (partition by id, flow order by position) = 1)::int
      from seller_rows where sellers > 1
    )
    select grouping(deal_day, sector, umkm, type, flow)::int as g, bucket, deal_day::text as day, sector, umkm, type, flow,
      sum(value)::text as value,
      (case when grouping(sector) = 0 then sum(first_sector) when grouping(umkm) = 0 then sum(first_umkm)
            when grouping(flow) = 0 then sum(first_flow) else sum(first_deal) end)::int as deals
    from flagged
    group by grouping sets ((bucket), (bucket, deal_day), (bucket, sector), (bucket, umkm), (bucket, type), (bucket, flow))`.execute(db);
  return result.rows.map((r) => {
    const dimension = DIMENSION_BY_GROUPING[r.g];
    const key = dimension === "total" ? "" : (r[dimension] ?? "");
    return { dimension, key, bucket: r.bucket, value: BigInt(r.value), deals: r.deals };
  });
}

/** Meetings that produced at least one deal that was not cancelled, and how many such deals. */
async function loadMeetingDeals(db: Executor, eventId: string) {
  const row = await db.selectFrom("deal")
    .select((eb) => [sql<number>`count(distinct ${eb.ref("meetingId")})::int`.as("meetings"), sql<number>`count(*)::int`.as("deals")])
    .where("eventId", "=", eventId).where("status", "<>", "cancelled").where("meetingId", "is not", null).executeTakeFirstOrThrow();
  return { meetingsWithDeal: row.meetings, dealsFromMeetings: row.deals };
}

/**
 * Headcounts beside the money: visitors are the distinct visitor, buyer, VIP and press badges admitted at a gate
 * (exhibitors and staff work there, they are not visitors); exhibitors are accepted applications; buyers the
 * registered buyer participants; meetings those marked held.
 */
export async function loadCounts(db: Executor, eventId: string): Promise<ReportCounts> {
  const result = await sql<ReportCounts>`
    select
      (select count(distinct c.badge_id)::int from checkin c join badge bg on bg.id = c.badge_id
        where c.event_id = ${eventId} and c.successful and c.type = 'entry' and bg.kind in ('visitor', 'buyer', 'vip', 'press')) as visitors,
      (select count(*)::int from application where event_id = ${eventId} and status = 'accepted') as exhibitors,
      (select count(*)::int from meeting_participant where event_id = ${eventId} and kind = 'buyer') as buyers,
      (select count(*)::int from meeting where event_id = ${eventId} and status = 'held') as "meetingsHeld"`.execute(db);
  return result.rows[0];
}

/** The event's whole report model (404-free: the caller checked the event belongs to the viewer's organization). */
export async function loadReportModel(db: Executor, eventId: string): Promise<ReportModel> {
  const event = await db.selectFrom("event as e").innerJoin("organization as o", "o.id", "e.organizationId")
    .select(["e.name", "e.venueName", "e.city", "e.firstDay", "e.lastDay", "e.dealTarget", "o.name as organizer"])
    .where("e.id", "=", eventId).executeTakeFirstOrThrow();
  const [rows, meetings, counts] = await Promise.all([loadAggregates(db, eventId), loadMeetingDeals(db, eventId), loadCounts(db, eventId)]);
  return modelFromAggregates({
    event: {
      name: event.name, organizer: event.organizer, venue: [event.venueName, event.city].filter(Boolean).join(", "),
      firstDay: event.firstDay, lastDay: event.lastDay, days: daysBetween(event.firstDay, event.lastDay),
    },
    aggregates: { rows, ...meetings },
    counts,
    target: event.dealTarget === null ? null : BigInt(event.dealTarget),
  });
}
