import { sql } from "kysely";

/**
 * Badges for people (issue 5 part A): where a badge came from (organizer, CSV import, public registration,
 * booth staff), the WhatsApp opt-in, CSV imports that run in the background (rows kept as JSON until done; a
 * badge remembers its import row, so a re-run job never issues twice), and the public registration settings
 * of an event with a capacity counter whose CHECK makes overbooking impossible. One registration per email
 * and event is a partial unique index.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create table badge_import (
      id uuid primary key default gen_random_uuid(),
      event_id uuid not null references event (id) on delete cascade,
      status text not null default 'queued',
      file_name text not null default '',
      rows jsonb not null,
      total integer not null,
      processed integer not null default 0,
      failed integer not null default 0,
      send_email boolean not null default false,
      created_by uuid references app_user (id) on delete set null,
      created_at timestamptz not null default now(),
      finished_at timestamptz,
      constraint badge_import_status_chk check (status in ('queued', 'running', 'done')),
      constraint badge_import_total_chk check (total between 1 and 5000),
      constraint badge_import_progress_chk check (processed between 0 and total and failed between 0 and processed)
    )`.execute(db);
  await sql`create index badge_import_event_id_created_at_idx on badge_import (event_id, created_at desc)`.execute(db);

  await sql`alter table badge add column source text not null default 'organizer'`.execute(db);
  await sql`alter table badge add constraint badge_source_chk check (source in ('organizer', 'import', 'registration', 'staff'))`.execute(db);
  await sql`alter table badge add column whatsapp_opt_in_at timestamptz`.execute(db);
  await sql`alter table badge add column import_id uuid references badge_import (id) on delete set null`.execute(db);
  await sql`alter table badge add column import_row integer`.execute(db);
  // A re-run import job skips rows that already have their badge.
  await sql`create unique index badge_import_id_import_row_uq on badge (import_id, import_row) where import_id is not null`.execute(db);
  // The same email registers once per event on the public form (a revoked registration frees it).
  await sql`create unique index badge_event_id_email_registration_uq on badge (event_id, email)
            where source = 'registration' and status <> 'revoked'`.execute(db);
  await sql`create index badge_event_id_issued_at_idx on badge (event_id, issued_at desc)`.execute(db);

  await sql`
    create table badge_registration (
      event_id uuid primary key references event (id) on delete cascade,
      is_open boolean not null default false,
      capacity integer,
      registered integer not null default 0,
      allow_press boolean not null default false,
      updated_at timestamptz not null default now(),
      constraint badge_registration_capacity_chk check (capacity is null or capacity between 1 and 1000000),
      constraint badge_registration_registered_chk check (registered >= 0 and (capacity is null or registered <= capacity))
    )`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  await sql`drop table if exists badge_registration`.execute(db);
  await sql`drop index if exists badge_event_id_email_registration_uq`.execute(db);
  await sql`drop index if exists badge_import_id_import_row_uq`.execute(db);
  await sql`drop index if exists badge_event_id_issued_at_idx`.execute(db);
  for (const column of ["import_row", "import_id", "whatsapp_opt_in_at", "source"]) {
    await sql`alter table badge drop column if exists ${sql.ref(column)}`.execute(db);
  }
  await sql`drop table if exists badge_import`.execute(db);
}
