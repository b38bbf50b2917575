import { sql } from "kysely";

/**
 * Matchmaking (temu bisnis, issue 6): settings per event, the meeting grid (blocks that generate slots),
 * participants (buyers with their profile; sellers are accepted exhibitors), unavailability, requests and
 * meetings. The invariants live here (architecture.md §2, ecosystem.md §8.4):
 * - slots of an event never overlap (exclusion on the slot range);
 * - a person is never in two meetings at once (one attendance row per person per meeting, exclusion on
 *   participant + range while active);
 * - a table is never in two meetings at once (exclusion on event + table + range while active);
 * - one request per ordered pair, and at most one live meeting per request.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create table matchmaking_settings (
      event_id uuid primary key references event (id) on delete cascade,
      enabled boolean not null default false,
      mode text not null default 'live',
      open_request_limit int not null default 10,
      allow_buyer_buyer boolean not null default false,
      allow_seller_seller boolean not null default false,
      request_deadline timestamptz,
      location_kind text not null default 'tables',
      table_count int not null default 10,
      updated_at timestamptz not null default now(),
      constraint matchmaking_settings_mode_chk check (mode in ('live', 'batch')),
      constraint matchmaking_settings_location_kind_chk check (location_kind in ('tables', 'booth')),
      constraint matchmaking_settings_open_request_limit_chk check (open_request_limit between 1 and 200),
      constraint matchmaking_settings_table_count_chk check (table_count between 1 and 500)
    )`.execute(db);

  await sql`
    create table meeting_block (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      day date not null,
      start_time text not null,
      end_time text not null,
      slot_minutes int not null,
      breaks text not null default '',
      created_at timestamptz not null default now(),
      constraint meeting_block_slot_minutes_chk check (slot_minutes between 5 and 240)
    )`.execute(db);

  await sql`
    create table meeting_slot (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      block_id uuid not null references meeting_block (id) on delete cascade,
      day date not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      during tstzrange generated always as (tstzrange(starts_at, ends_at, '[)')) stored,
      constraint meeting_slot_order_chk check (ends_at > starts_at),
      constraint meeting_slot_no_overlap_excl exclude using gist (event_id with =, during with &&)
    )`.execute(db);
  await sql`create index meeting_slot_event_id_starts_at_idx on meeting_slot (event_id, starts_at)`.execute(db);

  await sql`
    create table meeting_participant (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      user_id uuid not null references app_user (id) on delete cascade,
      kind text not null,
      application_id uuid references application (id) on delete cascade,
      organization text not null default '',
      buyer_type text,
      sectors text[] not null default '{}',
      products_sought text not null default '',
      order_volume int,
      order_unit text not null default '',
      city text not null default '',
      province text not null default '',
      country text not null default 'ID',
      whatsapp text,
      whatsapp_opt_in boolean not null default false,
      email text not null default '',
      feed_token text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint meeting_participant_kind_chk check (kind in ('buyer', 'seller')),
      constraint meeting_participant_seller_chk check ((kind = 'seller') = (application_id is not null)),
      constraint meeting_participant_buyer_type_chk check (buyer_type is null or buyer_type in
        ('retailer', 'wholesaler', 'exporter', 'horeka', 'marketplace_curator', 'government', 'other')),
      constraint meeting_participant_whatsapp_chk check (whatsapp is null or whatsapp ~ '^\\+[0-9]{8,15}$'),
      constraint meeting_participant_order_volume_chk check (order_volume is null or order_volume between 1 and 100000000),
      constraint meeting_participant_feed_token_chk check (feed_token ~ '^mf_[A-Za-z0-9_-]{32,}$')
    )`.execute(db);
  await sql`create unique index meeting_participant_event_id_user_id_uq on meeting_participant (event_id, user_id)`.execute(db);
  await sql`create unique index meeting_participant_feed_token_uq on meeting_participant (feed_token)`.execute(db);

  await sql`
    create table meeting_unavailability (
      participant_id uuid not null references meeting_participant (id) on delete cascade,
      slot_id uuid not null references meeting_slot (id) on delete cascade,
      primary key (participant_id, slot_id)
    )`.execute(db);

  await sql`
    create table meeting_request (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      from_id uuid not null references meeting_participant (id) on delete cascade,
      to_id uuid not null references meeting_participant (id) on delete cascade,
      message text not null default '',
      status text not null default 'requested',
      reason text not null default '',
      created_at timestamptz not null default now(),
      decided_at timestamptz,
      constraint meeting_request_status_chk check (status in ('requested', 'accepted', 'declined', 'cancelled')),
      constraint meeting_request_not_self_chk check (from_id <> to_id),
      constraint meeting_request_message_chk check (length(message) <= 500),
      constraint meeting_request_reason_chk check (length(reason) <= 300)
    )`.execute(db);
  await sql`create unique index meeting_request_from_id_to_id_uq on meeting_request (from_id, to_id)`.execute(db);
  await sql`create index meeting_request_to_id_idx on meeting_request (to_id)`.execute(db);

  await sql`
    create table meeting (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      request_id uuid not null references meeting_request (id) on delete cascade,
      slot_id uuid not null references meeting_slot (id) on delete restrict,
      during tstzrange not null,
      table_no int,
      booth_id uuid references booth (id) on delete set null,
      status text not null default 'scheduled',
      sequence int not null default 0,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint meeting_status_chk check (status in ('scheduled', 'locked', 'published', 'held', 'no_show', 'cancelled')),
      constraint meeting_table_no_chk check (table_no is null or table_no >= 1),
      constraint meeting_table_no_overlap_excl exclude using gist (event_id with =, table_no with =, during with &&)
        where (status <> 'cancelled' and table_no is not null)
    )`.execute(db);
  await sql`create unique index meeting_request_id_live_uq on meeting (request_id) where status <> 'cancelled'`.execute(db);

  await sql`
    create table meeting_attendance (
      meeting_id uuid not null references meeting (id) on delete cascade,
      participant_id uuid not null references meeting_participant (id) on delete cascade,
      during tstzrange not null,
      active boolean not null default true,
      primary key (meeting_id, participant_id),
      constraint meeting_attendance_no_overlap_excl exclude using gist (participant_id with =, during with &&) where (active)
    )`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  for (const table of ["meeting_attendance", "meeting", "meeting_request", "meeting_unavailability", "meeting_participant", "meeting_slot", "meeting_block", "matchmaking_settings"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
