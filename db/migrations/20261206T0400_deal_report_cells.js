import { sql } from "kysely";

/**
 * The deals dashboard reads running totals instead of grouping every deal per request (issue 7: ≤ 300 ms p50 at
 * 100,000 deals; grouping them took 0.6–0.9 s of PostgreSQL time, bench/reports/RESULTS.md).
 * - Each seller share keeps the seller's sector, UMKM class and region as they were when the deal was recorded
 *   (like the buyer's region on the deal), so the totals never depend on a profile edited later.
 * - `deal_report_cell` holds value and distinct deals per event, dimension, key and value bucket. It is written in
 *   the same transaction as every deal change (app/reports/report-cells.server.ts); a test replays random changes
 *   and compares the cells with a full GROUPING SETS recount.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`alter table deal_seller add column sector text, add column umkm_class text,
    add column city text not null default '', add column province text not null default ''`.execute(db);
  await sql`
    update deal_seller ds set sector = b.sector, umkm_class = b.umkm_class, city = b.city, province = b.province
    from meeting_participant p join application a on a.id = p.application_id join business b on b.id = a.business_id
    where p.id = ds.seller_id`.execute(db);
  await sql`alter table deal_seller alter column sector set not null, alter column umkm_class set not null`.execute(db);

  await sql`
    create table deal_report_cell (
      event_id uuid not null references event (id) on delete cascade,
      dimension text not null,
      key text not null,
      bucket text not null,
      value bigint not null,
      deals integer not null,
      primary key (event_id, dimension, key, bucket),
      constraint deal_report_cell_dimension_chk check (dimension in ('total', 'day', 'sector', 'umkm', 'type', 'flow')),
      constraint deal_report_cell_bucket_chk check (bucket in ('confirmed', 'unconfirmed', 'potential', 'none'))
    )`.execute(db);
  // Deals recorded before this migration: the same contributions the application adds per deal.
  await sql`
    insert into deal_report_cell (event_id, dimension, key, bucket, value, deals)
    select event_id, dimension, key, bucket, sum(value), count(distinct deal_id) from (
      select d.event_id, d.id as deal_id, d.value_bucket as bucket, ds.share_value as value, x.dimension, x.key
      from deal d join deal_seller ds on ds.deal_id = d.id
      cross join lateral (values ('total', ''), ('day', d.deal_day::text), ('sector', ds.sector), ('umkm', ds.umkm_class), ('type', d.type),
        ('flow', ds.city || '|' || ds.province || E'\n' || d.buyer_city || '|' || d.buyer_province)) x(dimension, key)
      where x.dimension = 'total' or d.value_bucket <> 'none'
    ) s group by event_id, dimension, key, bucket`.execute(db);
  await sql`create index deal_event_id_meeting_id_idx on deal (event_id, meeting_id) where meeting_id is not null and status <> 'cancelled'`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  await sql`drop index if exists deal_event_id_meeting_id_idx`.execute(db);
  await sql`drop table if exists deal_report_cell`.execute(db);
  await sql`alter table deal_seller drop column if exists sector, drop column if exists umkm_class, drop column if exists city, drop column if exists province`.execute(db);
}
