// Who takes part in an event's matchmaking: buyers register a profile; sellers are the accepted exhibitors,
// added as participants when first needed (idempotent insert).
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { ParticipantKind } from "../../db/schema";
import { normalizeWhatsapp, type WhatsappProblem } from "~/exhibitors/identifiers";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import type { BuyerProfileInput } from "./matchmaking.schema";

/** The personal .ics feed token: 192 random bits, URL-safe (ASVS 11.5.1: not a UUID). */
export function newFeedToken(): string {
  return `mf_${randomBytes(24).toString("base64url")}`;
}

/** Accepted exhibitors of the event who are not participants yet become sellers (safe to run concurrently). */
export async function ensureSellers(db: Executor, eventId: string, userId?: string): Promise<void> {
  // Two gen_random_uuid() give 244 random bits from the database's CSPRNG, like newFeedToken.
  await sql`
    insert into meeting_participant (event_id, user_id, kind, application_id, email, feed_token)
    select a.event_id, b.owner_user_id, 'seller', a.id, b.email,
           'mf_' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
    from application a join business b on b.id = a.business_id
    where a.event_id = ${eventId} and a.status = 'accepted' ${userId ? sql`and b.owner_user_id = ${userId}` : sql``}
    on conflict (event_id, user_id) do nothing`.execute(db);
}

export type Participant = {
  id: string; eventId: string; userId: string; kind: ParticipantKind; applicationId: string | null; feedToken: string;
  name: string; email: string; locale: "id" | "en";
};

/** The signed-in person's participant row for the event (a seller is added on first visit), or null. */
export async function findParticipant(db: Executor, eventId: string, userId: string): Promise<Participant | null> {
  await ensureSellers(db, eventId, userId);
  const row = await participantQuery(db).where("p.eventId", "=", eventId).where("p.userId", "=", userId).executeTakeFirst();
  return row ?? null;
}

export function participantQuery(db: Executor) {
  return db.selectFrom("meetingParticipant as p").innerJoin("appUser as u", "u.id", "p.userId")
    .leftJoin("application as a", "a.id", "p.applicationId").leftJoin("business as b", "b.id", "a.businessId")
    .select(["p.id", "p.eventId", "p.userId", "p.kind", "p.applicationId", "p.feedToken", "u.locale"])
    .select((eb) => [
      eb.fn.coalesce("b.name", "p.organization").as("name"),
      eb.fn.coalesce(eb.fn<string | null>("nullif", ["p.email", sql.lit("")]), "u.email").as("email"),
    ]);
}

export type BuyerProfileError = "already_seller" | WhatsappProblem;

/** Creates or updates the signed-in person's buyer profile for the event. */
export async function saveBuyerProfile(
  db: Executor, eventId: string, userId: string, input: BuyerProfileInput,
): Promise<Result<{ id: string; created: boolean }, BuyerProfileError>> {
  const whatsapp = normalizeWhatsapp(input.whatsapp);
  if (!whatsapp.ok) return whatsapp;
  const existing = await findParticipant(db, eventId, userId);
  if (existing?.kind === "seller") return fail("already_seller");
  const values = {
    organization: input.organization, buyerType: input.buyerType, sectors: input.sectors, productsSought: input.productsSought,
    orderVolume: input.orderVolume ?? null, orderUnit: input.orderUnit, city: input.city, country: input.country,
    province: input.province, whatsapp: whatsapp.value, whatsappOptIn: input.whatsappOptIn && whatsapp.value !== null, email: input.email,
  };
  if (existing) {
    await db.updateTable("meetingParticipant").set({ ...values, updatedAt: sql`now()` }).where("id", "=", existing.id).execute();
    return ok({ id: existing.id, created: false });
  }
  try {
    const row = await db.insertInto("meetingParticipant")
      .values({ eventId, userId, kind: "buyer", applicationId: null, feedToken: newFeedToken(), ...values })
      .returning("id").executeTakeFirstOrThrow();
    return ok({ id: row.id, created: true });
  } catch (error) {
    // A double submit: the first insert won, the profile exists.
    if (dbErrorInfo(error).constraint !== "meeting_participant_event_id_user_id_uq") throw error;
    return saveBuyerProfile(db, eventId, userId, input);
  }
}

export function getBuyerProfile(db: Executor, participantId: string) {
  return db.selectFrom("meetingParticipant")
    .select(["organization", "buyerType", "sectors", "productsSought", "orderVolume", "orderUnit", "city", "country", "province", "whatsapp", "whatsappOptIn", "email"])
    .where("id", "=", participantId).where("kind", "=", "buyer").executeTakeFirst();
}
