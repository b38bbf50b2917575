import { sql } from "kysely";

/**
 * Badges and gates (shared/formats/checkin.md): per-event Ed25519 signing keys (rotation keeps retired keys for
 * verification), badges with their current random part and short code, the revocation list gate phones sync,
 * check-in lists with the contract's entry rules as columns, gate devices with hashed bearer tokens, and the
 * scan log. Composite foreign keys on (id, event_id) keep every row inside one event; the scan log is
 * duplicate-safe through a unique nonce per event. No NIK/NPWP column exists on purpose (never on a badge).
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create table event_signing_key (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      key_id text not null,
      public_key text not null,
      private_key_pkcs8 text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz,
      constraint event_signing_key_key_id_chk check (key_id ~ '^[0-9a-f]{8}$'),
      constraint event_signing_key_public_key_chk check (public_key ~ '^[A-Za-z0-9_-]{43}$')
    )`.execute(db);
  await sql`create unique index event_signing_key_event_id_key_id_uq on event_signing_key (event_id, key_id)`.execute(db);
  // One key signs new codes; retired keys stay for verification.
  await sql`create unique index event_signing_key_event_id_active_uq on event_signing_key (event_id) where retired_at is null`.execute(db);

  await sql`
    create table badge (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      kind text not null,
      status text not null default 'valid',
      holder_name text not null,
      organization_name text not null default '',
      email text,
      phone text,
      locale text not null default 'id',
      exhibitor_staff_id uuid references exhibitor_staff (id) on delete set null,
      key_id text not null,
      seed text not null,
      short_code text not null,
      valid_from timestamptz,
      valid_until timestamptz,
      issued_at timestamptz not null default now(),
      printed_at timestamptz,
      status_reason text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint badge_kind_chk check (kind in ('exhibitor', 'buyer', 'visitor', 'staff', 'press', 'vip')),
      constraint badge_status_chk check (status in ('valid', 'pending', 'revoked', 'blocked')),
      constraint badge_holder_name_chk check (length(holder_name) between 1 and 120),
      constraint badge_organization_name_chk check (length(organization_name) <= 160),
      constraint badge_email_chk check (email is null or (email = lower(email) and length(email) between 3 and 254)),
      constraint badge_phone_chk check (phone is null or phone ~ '^\\+[0-9]{8,15}$'),
      constraint badge_locale_chk check (locale in ('id', 'en')),
      constraint badge_seed_chk check (seed ~ '^[0-9a-f]{16}$'),
      constraint badge_short_code_chk check (short_code ~ '^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$'),
      constraint badge_validity_chk check (valid_from is null or valid_until is null or valid_until > valid_from),
      constraint badge_status_reason_chk check (status_reason is null or length(status_reason) <= 500),
      constraint badge_event_id_key_id_fkey foreign key (event_id, key_id) references event_signing_key (event_id, key_id)
    )`.execute(db);
  await sql`create unique index badge_id_event_id_uq on badge (id, event_id)`.execute(db);
  await sql`create unique index badge_event_id_short_code_uq on badge (event_id, short_code)`.execute(db);
  // A booth staff member holds one live badge; a revoked one no longer counts.
  await sql`create unique index badge_exhibitor_staff_id_uq on badge (exhibitor_staff_id)
            where exhibitor_staff_id is not null and status <> 'revoked'`.execute(db);
  await sql`create index badge_event_id_holder_name_idx on badge (event_id, lower(holder_name))`.execute(db);

  // Codes that must no longer pass: the random part of a reissued code, or the current code of a revoked badge.
  await sql`
    create table badge_revocation (
      event_id uuid not null,
      revocation_key text not null,
      badge_id uuid not null,
      cause text not null,
      revoked_at timestamptz not null default now(),
      constraint badge_revocation_pkey primary key (event_id, revocation_key),
      constraint badge_revocation_badge_id_event_id_fkey foreign key (badge_id, event_id) references badge (id, event_id) on delete cascade,
      constraint badge_revocation_cause_chk check (cause in ('reissued', 'revoked')),
      constraint badge_revocation_revocation_key_chk check (revocation_key ~ '^[0-9a-f-]{36}\\.[0-9a-f]{16}$')
    )`.execute(db);
  await sql`create index badge_revocation_event_id_revoked_at_idx on badge_revocation (event_id, revoked_at)`.execute(db);

  await sql`
    create table checkin_list (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      name text not null,
      allow_multiple_entries boolean not null default false,
      allow_entry_after_exit boolean not null default true,
      include_pending boolean not null default false,
      kinds text[],
      days date[],
      opens_at timestamptz,
      closes_at timestamptz,
      max_entries_per_day integer,
      max_entries_total integer,
      created_at timestamptz not null default now(),
      constraint checkin_list_name_chk check (length(name) between 1 and 80),
      constraint checkin_list_kinds_chk check (kinds is null or (cardinality(kinds) >= 1
        and kinds <@ array['exhibitor', 'buyer', 'visitor', 'staff', 'press', 'vip']::text[])),
      constraint checkin_list_days_chk check (days is null or cardinality(days) between 1 and 61),
      constraint checkin_list_window_chk check (opens_at is null or closes_at is null or closes_at > opens_at),
      constraint checkin_list_max_entries_per_day_chk check (max_entries_per_day is null or max_entries_per_day between 1 and 1000),
      constraint checkin_list_max_entries_total_chk check (max_entries_total is null or max_entries_total between 1 and 100000)
    )`.execute(db);
  await sql`create unique index checkin_list_id_event_id_uq on checkin_list (id, event_id)`.execute(db);
  await sql`create unique index checkin_list_event_id_name_uq on checkin_list (event_id, lower(name))`.execute(db);

  // A phone, hardware scanner or integration at one gate, bound to one list; the bearer token is stored hashed.
  await sql`
    create table gate_device (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null,
      checkin_list_id uuid not null,
      name text not null,
      token_hash text not null,
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      last_seen_at timestamptz,
      constraint gate_device_checkin_list_id_event_id_fkey foreign key (checkin_list_id, event_id)
        references checkin_list (id, event_id) on delete cascade,
      constraint gate_device_name_chk check (length(name) between 1 and 80)
    )`.execute(db);
  await sql`create unique index gate_device_token_hash_uq on gate_device (token_hash)`.execute(db);
  await sql`create unique index gate_device_event_id_name_uq on gate_device (event_id, lower(name)) where revoked_at is null`.execute(db);

  // The scan log: every scan with its decision, refused ones included (successful = false with a reason).
  await sql`
    create table checkin (
      id bigserial primary key,
      event_id uuid not null references event (id) on delete cascade,
      checkin_list_id uuid not null,
      gate_device_id uuid references gate_device (id) on delete set null,
      badge_id uuid,
      type text not null,
      nonce text not null,
      scanned_at timestamptz not null,
      received_at timestamptz not null default now(),
      successful boolean not null,
      reason text,
      forced boolean not null default false,
      offline boolean not null default false,
      constraint checkin_event_id_nonce_uq unique (event_id, nonce),
      constraint checkin_checkin_list_id_event_id_fkey foreign key (checkin_list_id, event_id) references checkin_list (id, event_id),
      constraint checkin_badge_id_event_id_fkey foreign key (badge_id, event_id) references badge (id, event_id),
      constraint checkin_type_chk check (type in ('entry', 'exit')),
      constraint checkin_nonce_chk check (length(nonce) between 1 and 128),
      constraint checkin_reason_chk check ((successful and reason is null) or (not successful and reason in
        ('unknown_badge', 'revoked', 'blocked', 'pending', 'wrong_kind', 'wrong_day', 'not_yet_valid', 'expired',
         'list_closed', 'already_inside', 'rules'))),
      constraint checkin_forced_chk check (not forced or successful)
    )`.execute(db);
  await sql`create index checkin_badge_id_checkin_list_id_idx on checkin (badge_id, checkin_list_id) where badge_id is not null`.execute(db);
  await sql`create index checkin_event_id_received_at_idx on checkin (event_id, received_at)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  for (const table of ["checkin", "gate_device", "checkin_list", "badge_revocation", "badge", "event_signing_key"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
