import { sql } from "kysely";

/**
 * Deals and cooperation agreements (issue 7): what the fair produced.
 * - A deal has one buyer (a registered buyer participant, or a walk-in buyer typed by the seller) and one or
 *   more sellers (seller participants, i.e. accepted exhibitors), lines with exact money, a status that moves
 *   forward and a confirmation by the other side. Its buyer region is stored on the deal (a snapshot), so the
 *   region-to-region flows do not change when a profile is edited later.
 * - `value_bucket` is generated from status, type and confirmation with the same rule as
 *   app/deals/deal-status.ts `dealValueBucket` (a test compares them for every combination), so the dashboard can
 *   group in SQL without a second copy of that rule in application code.
 * - Invariants in SQL: a line's total is exactly quantity × price rounded half up; a seller appears once per deal;
 *   money within the caps; a deal without a registered buyer names one.
 * - Cooperation agreements (MoU between Kadin chapters, dinas, UMKM) with their parties, each with its region.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`alter table event add column deal_target bigint
    constraint event_deal_target_chk check (deal_target is null or deal_target between 1 and 10000000000000)`.execute(db);

  await sql`
    create table deal (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      meeting_id uuid references meeting (id) on delete set null,
      buyer_id uuid references meeting_participant (id) on delete restrict,
      buyer_name text not null,
      buyer_city text not null default '',
      buyer_province text not null default '',
      type text not null,
      status text not null,
      confirmation text not null,
      entered_by text not null,
      entered_by_user_id uuid references app_user (id) on delete set null,
      total bigint not null,
      deal_day date not null,
      delivery_date date,
      note text not null default '',
      document_upload_id uuid references upload (id) on delete set null,
      confirmed_by_user_id uuid references app_user (id) on delete set null,
      confirmed_at timestamptz,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      value_bucket text generated always as (
        case when status = 'cancelled' then 'none'
             when type = 'mou_loi' or status = 'potential' then 'potential'
             when confirmation = 'unconfirmed' then 'unconfirmed'
             else 'confirmed' end) stored,
      constraint deal_type_chk check (type in ('on_site_sale', 'purchase_order', 'contract', 'mou_loi')),
      constraint deal_status_chk check (status in ('potential', 'agreed', 'signed', 'delivered', 'paid', 'cancelled')),
      constraint deal_mou_status_chk check (type <> 'mou_loi' or status in ('potential', 'agreed', 'signed', 'cancelled')),
      constraint deal_confirmation_chk check (confirmation in ('unconfirmed', 'confirmed', 'verified')),
      constraint deal_entered_by_chk check (entered_by in ('seller', 'buyer', 'organizer')),
      constraint deal_total_chk check (total between 1 and 10000000000000),
      constraint deal_buyer_name_chk check (length(buyer_name) between 1 and 200),
      constraint deal_buyer_region_chk check (length(buyer_city) <= 100 and length(buyer_province) <= 100),
      constraint deal_note_chk check (length(note) <= 1000)
    )`.execute(db);
  await sql`create index deal_event_id_created_at_idx on deal (event_id, created_at desc)`.execute(db);
  await sql`create index deal_buyer_id_idx on deal (buyer_id)`.execute(db);
  await sql`create index deal_meeting_id_idx on deal (meeting_id)`.execute(db);

  await sql`
    create table deal_line (
      deal_id uuid not null references deal (id) on delete cascade,
      position smallint not null,
      product text not null,
      quantity_milli bigint not null,
      unit text not null,
      unit_price bigint not null,
      line_total bigint not null,
      primary key (deal_id, position),
      constraint deal_line_product_chk check (length(product) between 1 and 200),
      constraint deal_line_quantity_chk check (quantity_milli between 1 and 10000000000),
      constraint deal_line_unit_chk check (unit in ('lembar', 'pcs', 'kg', 'meter', 'kodi', 'lusin', 'set', 'paket')),
      constraint deal_line_unit_price_chk check (unit_price between 1 and 1000000000000),
      constraint deal_line_total_chk check (line_total = div(quantity_milli::numeric * unit_price + 500, 1000))
    )`.execute(db);

  await sql`
    create table deal_seller (
      deal_id uuid not null references deal (id) on delete cascade,
      seller_id uuid not null references meeting_participant (id) on delete restrict,
      position smallint not null,
      share_value bigint not null,
      share_quantity integer,
      primary key (deal_id, seller_id),
      constraint deal_seller_position_uq unique (deal_id, position),
      constraint deal_seller_share_value_chk check (share_value >= 0),
      constraint deal_seller_share_quantity_chk check (share_quantity is null or share_quantity > 0)
    )`.execute(db);
  await sql`create index deal_seller_seller_id_idx on deal_seller (seller_id)`.execute(db);

  await sql`
    create table deal_status_change (
      id bigserial primary key,
      deal_id uuid not null references deal (id) on delete cascade,
      from_status text,
      to_status text not null,
      confirmation text,
      party text not null,
      changed_by_user_id uuid references app_user (id) on delete set null,
      changed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index deal_status_change_deal_id_idx on deal_status_change (deal_id, id)`.execute(db);

  await sql`
    create table cooperation_agreement (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      title text not null,
      kind text not null default 'mou',
      scope text not null default '',
      signed_on date not null,
      place text not null default '',
      document_upload_id uuid references upload (id) on delete set null,
      created_by_user_id uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint cooperation_agreement_title_chk check (length(title) between 1 and 200),
      constraint cooperation_agreement_kind_chk check (kind in ('mou', 'pks', 'loi')),
      constraint cooperation_agreement_scope_chk check (length(scope) <= 2000),
      constraint cooperation_agreement_place_chk check (length(place) <= 200)
    )`.execute(db);
  await sql`create index cooperation_agreement_event_id_idx on cooperation_agreement (event_id, signed_on desc)`.execute(db);

  await sql`
    create table cooperation_party (
      agreement_id uuid not null references cooperation_agreement (id) on delete cascade,
      position smallint not null,
      name text not null,
      kind text not null,
      city text not null default '',
      province text not null default '',
      signatory_name text not null default '',
      signatory_title text not null default '',
      primary key (agreement_id, position),
      constraint cooperation_party_name_chk check (length(name) between 1 and 200),
      constraint cooperation_party_kind_chk check (kind in ('kadin', 'dinas', 'pemda', 'umkm', 'company', 'association', 'other')),
      constraint cooperation_party_text_chk check (length(city) <= 100 and length(province) <= 100
        and length(signatory_name) <= 200 and length(signatory_title) <= 200)
    )`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  for (const table of ["cooperation_party", "cooperation_agreement", "deal_status_change", "deal_seller", "deal_line", "deal"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table event drop column if exists deal_target`.execute(db);
}
