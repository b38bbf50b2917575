import { sql } from "kysely";

/**
 * Booth preferences (exhibitors issue, part C): an accepted exhibitor marks up to three booths it would like;
 * the automatic assignment scores them as `preferred` (shared/formats/booths.md). Ranks 1–3 are unique per
 * application, so two concurrent marks cannot both take the third place.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create table booth_preference (
      application_id uuid not null references application (id) on delete cascade,
      booth_id uuid not null references booth (id) on delete cascade,
      rank integer not null,
      created_at timestamptz not null default now(),
      constraint booth_preference_pkey primary key (application_id, booth_id),
      constraint booth_preference_rank_chk check (rank between 1 and 3)
    )`.execute(db);
  await sql`create unique index booth_preference_application_id_rank_uq on booth_preference (application_id, rank)`.execute(db);
  await sql`create index booth_preference_booth_id_idx on booth_preference (booth_id)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  await sql`drop table if exists booth_preference`.execute(db);
}
