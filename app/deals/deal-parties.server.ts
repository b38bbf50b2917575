// Who can be on a deal of an event: seller participants (accepted exhibitors) with their business, sector, region
// and stated capacity; buyer participants; the meeting a deal comes from; each seller's commitments from
// earlier deals, for the consortium capacity check.
import { sql } from "kysely";
import type { Sector, UmkmClass } from "../../db/schema";
import { ensureSellers } from "~/meetings/participants.server";
import type { Executor } from "~/utils/db.server";
import type { Producer } from "./consortium";

export type SellerInfo = {
  id: string; userId: string; name: string; businessId: string; sector: Sector; umkmClass: UmkmClass; city: string; province: string;
  capacityQuantity: number | null; capacityUnit: string;
};

function sellerQuery(db: Executor, eventId: string) {
  return db.selectFrom("meetingParticipant as p")
    .innerJoin("application as a", "a.id", "p.applicationId").innerJoin("business as b", "b.id", "a.businessId")
    .select(["p.id", "p.userId", "b.name", "b.id as businessId", "b.sector", "b.umkmClass", "b.city", "b.province", "b.capacityQuantity", "b.capacityUnit"])
    .where("p.eventId", "=", eventId).where("p.kind", "=", "seller").where("a.status", "=", "accepted");
}

/** The given seller participants of the event (unknown ids and other events' sellers are left out). */
export async function findSellers(db: Executor, eventId: string, ids: readonly string[]): Promise<SellerInfo[]> {
  if (ids.length === 0) return [];
  return sellerQuery(db, eventId).where("p.id", "in", [...ids]).execute();
}

/** Every seller of the event, by name (the seller picker; sellers not yet participants are added first). */
export async function listSellers(db: Executor, eventId: string): Promise<SellerInfo[]> {
  await ensureSellers(db, eventId);
  return sellerQuery(db, eventId).orderBy("b.name").execute();
}

export type BuyerInfo = { id: string; name: string; city: string; province: string };

/** Registered buyers of the event, by organization. */
export function listBuyers(db: Executor, eventId: string): Promise<BuyerInfo[]> {
  return buyerQuery(db, eventId).orderBy("p.organization").execute();
}

export function findBuyer(db: Executor, eventId: string, id: string): Promise<BuyerInfo | undefined> {
  return buyerQuery(db, eventId).where("p.id", "=", id).executeTakeFirst();
}

function buyerQuery(db: Executor, eventId: string) {
  return db.selectFrom("meetingParticipant as p").select(["p.id", "p.organization as name", "p.city", "p.province"])
    .where("p.eventId", "=", eventId).where("p.kind", "=", "buyer");
}

/** A held meeting of the event with its two participants, or undefined. */
export async function findHeldMeeting(db: Executor, eventId: string, meetingId: string) {
  const rows = await db.selectFrom("meeting as m").innerJoin("meetingAttendance as at", "at.meetingId", "m.id")
    .innerJoin("meetingParticipant as p", "p.id", "at.participantId")
    .select(["m.id", "p.id as participantId", "p.kind"])
    .where("m.eventId", "=", eventId).where("m.id", "=", meetingId).where("m.status", "=", "held").execute();
  if (rows.length === 0) return undefined;
  return { id: meetingId, participants: rows.map((r) => ({ id: r.participantId, kind: r.kind })) };
}

/**
 * Sellers of one sector as consortium producers: stated monthly capacity and what they already committed in
 * deals that are not cancelled and have a delivery date (the window runs from the deal day to delivery).
 */
export async function loadProducers(db: Executor, eventId: string, sector: Sector, alsoIds: readonly string[] = []): Promise<Producer[]> {
  await ensureSellers(db, eventId);
  const sellers = await sellerQuery(db, eventId)
    .where((eb) => eb.or([eb("b.sector", "=", sector), ...(alsoIds.length ? [eb("p.id", "in", [...alsoIds])] : [])])).execute();
  if (sellers.length === 0) return [];
  const commitments = await db.selectFrom("dealSeller as ds").innerJoin("deal as d", "d.id", "ds.dealId")
    .select(["ds.sellerId", "ds.shareQuantity", sql<string>`d.deal_day::text`.as("start"), sql<string>`d.delivery_date::text`.as("end")])
    .where("d.eventId", "=", eventId).where("d.status", "<>", "cancelled").where("d.deliveryDate", "is not", null)
    .where("ds.shareQuantity", "is not", null).where("ds.sellerId", "in", sellers.map((s) => s.id)).execute();
  return sellers.map((s) => ({
    id: s.id, name: s.name, sector: s.sector, monthlyCapacity: s.capacityQuantity,
    commitments: commitments.filter((c) => c.sellerId === s.id).map((c) => ({ quantity: c.shareQuantity ?? 0, window: { start: c.start, end: c.end } })),
  }));
}
