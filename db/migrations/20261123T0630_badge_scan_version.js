import { sql } from "kysely";

/**
 * badge.scan_version: bumped by every statement that records a scan of the badge. A single scan reads the badge and
 * its history, decides, and writes only if the version is still the one it read (one conditional statement, no
 * transaction); batches lock the badge rows and bump it too. See app/checkin/checkin.server.ts.
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`alter table badge add column scan_version integer not null default 0`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  await sql`alter table badge drop column scan_version`.execute(db);
}
