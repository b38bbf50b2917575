// A participant's one-page summary after the fair: their deals with the value that is theirs (a seller's share of
// a consortium order, a buyer's whole order) split by how it counts, the meetings held, and the leads their
// meeting feedback marked for an order or a sample.
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import type { ValueBucket } from "./deal-status";

export type SummaryTotals = Record<ValueBucket, bigint> & { count: number };

/** The summary of one participant of the event. */
export async function participantSummary(db: Executor, eventId: string, participantId: string) {
  const [deals, held, leads] = await Promise.all([
    db.selectFrom("deal as d").leftJoin("dealSeller as me", (j) => j.onRef("me.dealId", "=", "d.id").on("me.sellerId", "=", participantId))
      .select(["d.id", "d.dealDay", "d.type", "d.status", "d.confirmation", "d.valueBucket", "d.buyerName", "d.buyerId", "d.total", "me.shareValue"])
      .select(sql<string>`(select string_agg(b.name, ', ' order by ds.position) from deal_seller ds
        join meeting_participant p on p.id = ds.seller_id join application a on a.id = p.application_id
        join business b on b.id = a.business_id where ds.deal_id = d.id)`.as("sellerNames"))
      .where("d.eventId", "=", eventId)
      .where((eb) => eb.or([eb("d.buyerId", "=", participantId), eb("me.sellerId", "is not", null)]))
      .orderBy("d.dealDay").orderBy("d.createdAt").execute(),
    db.selectFrom("meetingAttendance as a").innerJoin("meeting as m", "m.id", "a.meetingId")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("a.participantId", "=", participantId).where("m.eventId", "=", eventId).where("m.status", "=", "held").executeTakeFirstOrThrow(),
    db.selectFrom("meetingFeedback as f").innerJoin("meeting as m", "m.id", "f.meetingId")
      .innerJoin("meetingAttendance as them", (j) => j.onRef("them.meetingId", "=", "m.id").on("them.participantId", "<>", participantId))
      .innerJoin("meetingParticipant as p", "p.id", "them.participantId")
      .leftJoin("application as a", "a.id", "p.applicationId").leftJoin("business as b", "b.id", "a.businessId")
      .select(["f.meetingId", "f.interest", "f.nextStep", "f.note", "p.city", "b.city as sellerCity"])
      .select((eb) => eb.fn.coalesce("b.name", "p.organization").as("otherName"))
      .where("f.participantId", "=", participantId).where("m.eventId", "=", eventId).where("m.status", "=", "held")
      .where("f.nextStep", "in", ["order", "sample"]).orderBy("f.nextStep").execute(),
  ]);
  const rows = deals.map((d) => ({
    ...d, side: d.buyerId === participantId ? ("buyer" as const) : ("seller" as const),
    value: BigInt(d.buyerId === participantId ? d.total : d.shareValue ?? d.total),
  }));
  const totals: SummaryTotals = { confirmed: 0n, unconfirmed: 0n, potential: 0n, none: 0n, count: rows.length };
  for (const r of rows) totals[r.valueBucket] += r.value;
  return { deals: rows, totals, meetingsHeld: Number(held.n), leads };
}
