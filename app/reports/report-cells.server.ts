// Running totals of the deals dashboard (deal_report_cell): value and distinct deals per event, dimension, key and
// value bucket. Every deal change calls moveDealInReport in its own transaction, so the cells always equal a full
// recount (computeAggregates in report-data.server.ts; a test replays random changes and compares).
import { sql, type RawBuilder } from "kysely";
import type { ValueBucket } from "~/deals/deal-status";
import type { Executor } from "~/utils/db.server";

/**
 * Each deal's contributions, one row per deal, dimension and key: the sum of its seller shares there, with each
 * seller's attributes as recorded on the share.
 */
const contributions = (where: RawBuilder<unknown>) => sql`
  select d.event_id, d.id as deal_id, d.value_bucket as bucket, x.dimension, x.key, sum(ds.share_value) as value
  from deal d join deal_seller ds on ds.deal_id = d.id
  cross join lateral (values ('total', ''), ('day', d.deal_day::text), ('sector', ds.sector), ('umkm', ds.umkm_class), ('type', d.type),
    ('flow', ds.city || '|' || ds.province || E'\n' || d.buyer_city || '|' || d.buyer_province)) x(dimension, key)
  where ${where}
  group by d.event_id, d.id, d.value_bucket, x.dimension, x.key`;

/**
 * Moves a deal's value from one bucket to another (null: not counted before / after), e.g. null → unconfirmed when
 * recorded, unconfirmed → confirmed when the other side confirms. A cancelled deal (bucket none) counts only in the
 * total, as in aggregateDealRows. Cells are written in one statement in key order, so concurrent changes lock them
 * in the same order; cells left with no deal are removed.
 */
export async function moveDealInReport(db: Executor, dealId: string, from: ValueBucket | null, to: ValueBucket | null): Promise<void> {
  if (from === to) return;
  const moves = [from ? { bucket: from, sign: -1 } : null, to ? { bucket: to, sign: 1 } : null].filter((m) => m !== null);
  const touched = await sql<{ eventId: string; dimension: string; key: string; bucket: ValueBucket; deals: number }>`
    insert into deal_report_cell as c (event_id, dimension, key, bucket, value, deals)
    select k.event_id, k.dimension, k.key, m.bucket, m.sign * k.value, m.sign
    from (${contributions(sql`d.id = ${dealId}`)}) k
    cross join (values ${sql.join(moves.map((m) => sql`(${m.bucket}::text, ${m.sign}::int)`))}) m(bucket, sign)
    where k.dimension = 'total' or m.bucket <> 'none'
    order by k.dimension, k.key, m.bucket
    on conflict (event_id, dimension, key, bucket) do update set value = c.value + excluded.value, deals = c.deals + excluded.deals
    returning c.event_id as "eventId", c.dimension, c.key, c.bucket, c.deals`.execute(db);
  for (const r of touched.rows.filter((c) => c.deals === 0)) {
    await db.deleteFrom("dealReportCell").where("eventId", "=", r.eventId).where("dimension", "=", r.dimension)
      .where("key", "=", r.key).where("bucket", "=", r.bucket).where("deals", "=", 0).execute();
  }
}

/**
 * Recounts an event's cells from its deals (for deals written outside the use-cases: the benchmark's bulk seed, a
 * repair after a manual fix in SQL).
 */
export async function rebuildReportCells(db: Executor, eventId: string): Promise<void> {
  await db.deleteFrom("dealReportCell").where("eventId", "=", eventId).execute();
  await sql`
    insert into deal_report_cell (event_id, dimension, key, bucket, value, deals)
    select event_id, dimension, key, bucket, sum(value), count(*)
    from (${contributions(sql`d.event_id = ${eventId}`)}) k
    where dimension = 'total' or bucket <> 'none'
    group by event_id, dimension, key, bucket`.execute(db);
}
