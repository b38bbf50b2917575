// Matchmaking numbers for the organizer (issue 6): requests, accepted, scheduled, held and no-shows, in total,
// per meeting day and per seller sector. Counts are cast to int (PGlite and postgres.js differ on int8).
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";

export type StatRow = { key: string; requests: number; accepted: number; scheduled: number; held: number; noShow: number };

/** Per seller sector: a request counts for the sector of its seller side (buyer↔buyer requests fall under "—"). */
async function bySector(db: Executor, eventId: string): Promise<StatRow[]> {
  const { rows } = await sql<StatRow>`
    select coalesce(sec.sector, '') as key,
      count(*)::int as requests,
      count(*) filter (where r.status = 'accepted')::int as accepted,
      count(m.id)::int as scheduled,
      count(m.id) filter (where m.status = 'held')::int as held,
      count(m.id) filter (where m.status = 'no_show')::int as "noShow"
    from meeting_request r
    left join meeting m on m.request_id = r.id and m.status <> 'cancelled'
    left join lateral (
      select b.sector from meeting_participant p join application a on a.id = p.application_id join business b on b.id = a.business_id
      where p.id in (r.from_id, r.to_id) and p.kind = 'seller' order by p.id limit 1
    ) sec on true
    where r.event_id = ${eventId}
    group by 1 order by 2 desc, 1`.execute(db);
  return rows;
}

/** Per meeting day (the slot's local date): only meetings, since a request has no day. */
async function byDay(db: Executor, eventId: string): Promise<StatRow[]> {
  const { rows } = await sql<StatRow>`
    select s.day::text as key, 0 as requests, 0 as accepted,
      count(*)::int as scheduled,
      count(*) filter (where m.status = 'held')::int as held,
      count(*) filter (where m.status = 'no_show')::int as "noShow"
    from meeting m join meeting_slot s on s.id = m.slot_id
    where m.event_id = ${eventId} and m.status <> 'cancelled'
    group by 1 order by 1`.execute(db);
  return rows;
}

/**
 * @example const { total, days, sectors } = await matchmakingStats(db, eventId)
 */
export async function matchmakingStats(db: Executor, eventId: string) {
  const [sectors, days] = await Promise.all([bySector(db, eventId), byDay(db, eventId)]);
  const sum = (k: keyof Omit<StatRow, "key">) => sectors.reduce((n, r) => n + r[k], 0);
  const total: StatRow = { key: "", requests: sum("requests"), accepted: sum("accepted"), scheduled: sum("scheduled"), held: sum("held"), noShow: sum("noShow") };
  return { total, days, sectors };
}
