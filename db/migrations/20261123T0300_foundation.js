import { sql } from "kysely";

/**
 * Foundation: accounts, sessions, organizations and roles, events with halls, rooms and regions,
 * the agenda, the outbox, rate limits and the audit log. Written against Kysely<any> and raw SQL so it
 * stays frozen in time; constraint names follow <table>_<cols>_<kind> so violations map to reason codes.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`create extension if not exists btree_gist`.execute(db);

  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text not null,
      locale text not null default 'id',
      created_at timestamptz not null default now(),
      constraint app_user_email_chk check (email = lower(email) and length(email) between 3 and 254),
      constraint app_user_name_chk check (length(name) between 1 and 120),
      constraint app_user_locale_chk check (locale in ('id', 'en'))
    )`.execute(db);
  await sql`create unique index app_user_email_uq on app_user (email)`.execute(db);

  await sql`
    create table user_session (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null,
      user_id uuid not null references app_user (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now(),
      user_agent text,
      ip text
    )`.execute(db);
  await sql`create unique index user_session_token_hash_uq on user_session (token_hash)`.execute(db);
  await sql`create index user_session_user_id_idx on user_session (user_id)`.execute(db);

  await sql`
    create table password_reset (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user (id) on delete cascade,
      token_hash text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create unique index password_reset_token_hash_uq on password_reset (token_hash)`.execute(db);

  await sql`
    create table organization (
      id uuid primary key default gen_random_uuid(),
      slug text not null,
      name text not null,
      kind text not null,
      city text,
      created_at timestamptz not null default now(),
      constraint organization_kind_chk check (kind in ('kadin', 'dinas', 'dekranasda', 'eo', 'other')),
      constraint organization_name_chk check (length(name) between 2 and 120)
    )`.execute(db);
  await sql`create unique index organization_slug_uq on organization (slug)`.execute(db);

  await sql`
    create table membership (
      organization_id uuid not null references organization (id) on delete cascade,
      user_id uuid not null references app_user (id) on delete cascade,
      role text not null,
      created_at timestamptz not null default now(),
      constraint membership_pkey primary key (organization_id, user_id),
      constraint membership_role_chk check (role in ('owner', 'admin', 'curator', 'gate_staff'))
    )`.execute(db);
  await sql`create index membership_user_id_idx on membership (user_id)`.execute(db);

  await sql`
    create table invitation (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      email text not null,
      role text not null,
      token_hash text not null,
      invited_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      accepted_at timestamptz,
      revoked_at timestamptz,
      constraint invitation_role_chk check (role in ('admin', 'curator', 'gate_staff'))
    )`.execute(db);
  await sql`create unique index invitation_token_hash_uq on invitation (token_hash)`.execute(db);
  // One open invitation per address and organization.
  await sql`create unique index invitation_org_email_open_uq on invitation (organization_id, email)
            where accepted_at is null and revoked_at is null`.execute(db);

  await sql`
    create table event (
      id uuid primary key default gen_random_uuid(),
      organization_id uuid not null references organization (id) on delete cascade,
      slug text not null,
      name text not null,
      kind text not null,
      description text not null default '',
      venue_name text not null default '',
      address text not null default '',
      city text not null default '',
      time_zone text not null,
      first_day date not null,
      last_day date not null,
      status text not null default 'draft',
      published_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint event_kind_chk check (kind in ('b2b_expo', 'pameran', 'temu_bisnis')),
      constraint event_status_chk check (status in ('draft', 'published')),
      constraint event_days_chk check (last_day >= first_day and last_day - first_day <= 60),
      constraint event_time_zone_chk check (time_zone in ('Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura')),
      constraint event_name_chk check (length(name) between 3 and 160),
      constraint event_description_chk check (length(description) <= 5000)
    )`.execute(db);
  await sql`create unique index event_slug_uq on event (slug)`.execute(db);
  await sql`create index event_organization_id_idx on event (organization_id)`.execute(db);

  await sql`
    create table event_region (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      name text not null,
      province text not null default '',
      delegation text not null default '',
      created_at timestamptz not null default now(),
      constraint event_region_name_chk check (length(name) between 2 and 120)
    )`.execute(db);
  await sql`create unique index event_region_event_id_name_uq on event_region (event_id, lower(name))`.execute(db);

  await sql`
    create table hall (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      name text not null,
      capacity integer,
      created_at timestamptz not null default now(),
      constraint hall_capacity_chk check (capacity is null or capacity between 1 and 1000000),
      constraint hall_name_chk check (length(name) between 1 and 80)
    )`.execute(db);
  await sql`create unique index hall_event_id_name_uq on hall (event_id, lower(name))`.execute(db);

  await sql`
    create table room (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      hall_id uuid references hall (id) on delete set null,
      name text not null,
      capacity integer,
      created_at timestamptz not null default now(),
      constraint room_capacity_chk check (capacity is null or capacity between 1 and 1000000),
      constraint room_name_chk check (length(name) between 1 and 80)
    )`.execute(db);
  await sql`create unique index room_event_id_name_uq on room (event_id, lower(name))`.execute(db);

  await sql`
    create table agenda_session (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      room_id uuid references room (id) on delete set null,
      type text not null,
      title text not null,
      description text not null default '',
      speakers text not null default '',
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint agenda_session_type_chk check (type in
        ('opening', 'talk', 'training', 'business_matching', 'mou_signing', 'exhibition_hours', 'other')),
      constraint agenda_session_times_chk check (ends_at > starts_at and ends_at - starts_at <= interval '24 hours'),
      constraint agenda_session_title_chk check (length(title) between 2 and 160),
      constraint agenda_session_description_chk check (length(description) <= 5000),
      constraint agenda_session_speakers_chk check (length(speakers) <= 1000),
      -- Two sessions in one room never overlap; a session without a room conflicts with nothing.
      constraint agenda_session_room_overlap_excl exclude using gist
        (room_id with =, tstzrange(starts_at, ends_at, '[)') with &&)
    )`.execute(db);
  await sql`create index agenda_session_event_id_starts_at_idx on agenda_session (event_id, starts_at)`.execute(db);

  await sql`
    create table outbox (
      id bigserial primary key,
      kind text not null,
      payload jsonb not null,
      organization_id uuid references organization (id) on delete set null,
      status text not null default 'pending',
      attempts integer not null default 0,
      run_after timestamptz not null default now(),
      last_error text,
      created_at timestamptz not null default now(),
      done_at timestamptz,
      constraint outbox_status_chk check (status in ('pending', 'done', 'failed'))
    )`.execute(db);
  await sql`create index outbox_pending_idx on outbox (run_after) where status = 'pending'`.execute(db);

  await sql`
    create table email_log (
      id bigserial primary key,
      outbox_id bigint references outbox (id) on delete set null,
      organization_id uuid references organization (id) on delete cascade,
      to_address text not null,
      subject text not null,
      template text not null,
      transport text not null,
      file_name text,
      message_id text,
      sent_at timestamptz not null default now(),
      constraint email_log_transport_chk check (transport in ('smtp', 'file'))
    )`.execute(db);
  await sql`create index email_log_organization_id_idx on email_log (organization_id, sent_at desc)`.execute(db);

  await sql`
    create table rate_limit (
      scope text not null,
      key text not null,
      window_start timestamptz not null,
      count integer not null default 0,
      constraint rate_limit_pkey primary key (scope, key, window_start)
    )`.execute(db);

  await sql`
    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor_user_id uuid,
      organization_id uuid,
      event_id uuid,
      action text not null,
      entity text,
      entity_id text,
      ip text,
      user_agent text,
      data jsonb not null default '{}'
    )`.execute(db);
  await sql`create index audit_log_organization_id_at_idx on audit_log (organization_id, at desc)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  for (const table of ["audit_log", "rate_limit", "email_log", "outbox", "agenda_session", "room", "hall",
    "event_region", "event", "invitation", "membership", "organization", "password_reset", "user_session", "app_user"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
