import { sql } from "kysely";

/**
 * badge.scan_version becomes the version of everything a gate decides with: besides every statement that records a
 * scan, any other change to the badge row (status, kind, validity, a reissued code, the holder's name) bumps it, in
 * a trigger so that no code path can forget. The scan API may then decide from a copy of the badge kept in process
 * memory and write only if the version is still the copy's (docs/decisions/009-gate-badge-cache.md).
 * Badges scanned before scan_version existed are bumped once, so version 0 always means "never scanned".
 * @param {import('kysely').Kysely<any>} db
 */
export async function up(db) {
  await sql`
    create function badge_bump_version() returns trigger language plpgsql as $$
    begin
      new.scan_version := old.scan_version + 1;
      return new;
    end $$`.execute(db);
  // WHEN: a statement that sets scan_version itself (a scan) has already bumped it.
  await sql`
    create trigger badge_bump_version before update on badge
    for each row when (old.scan_version = new.scan_version) execute function badge_bump_version()`.execute(db);
  await sql`
    update badge set scan_version = scan_version + 1
    where scan_version = 0 and exists (select 1 from checkin c where c.badge_id = badge.id)`.execute(db);
}

/** @param {import('kysely').Kysely<any>} db */
export async function down(db) {
  await sql`drop trigger badge_bump_version on badge`.execute(db);
  await sql`drop function badge_bump_version()`.execute(db);
}
