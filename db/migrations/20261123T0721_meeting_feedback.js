import { sql } from "kysely";

/**
 * After a meeting each side leaves short feedback (issue 6): interest level and the next step, plus an optional
 * note. One row per person per meeting; the deals issue can start a deal from a "order" next step.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create table meeting_feedback (
      meeting_id uuid not null references meeting (id) on delete cascade,
      participant_id uuid not null references meeting_participant (id) on delete cascade,
      interest text not null,
      next_step text not null,
      note text not null default '',
      updated_at timestamptz not null default now(),
      primary key (meeting_id, participant_id),
      constraint meeting_feedback_interest_chk check (interest in ('high', 'medium', 'low')),
      constraint meeting_feedback_next_step_chk check (next_step in ('order', 'sample', 'visit', 'follow_up', 'none')),
      constraint meeting_feedback_note_chk check (length(note) <= 300)
    )`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  await sql`drop table if exists meeting_feedback`.execute(db);
}
