// A participant's personal agenda (page, print, .ics feed) and the slots they mark unavailable.
import { buildIcs } from "~/agenda/ics";
import type { Executor } from "~/utils/db.server";
import { meetingUid, organizerAddress } from "./invites.server";

/** What participants see: a batch draft (scheduled) or a locked meeting stays hidden until it is published. */
const VISIBLE_STATUSES = ["published", "held", "no_show"] as const;

/** Live meetings of the person in time order, with the other side and the place (table, or booth on the map). */
export function listPersonalAgenda(db: Executor, participantId: string) {
  return db.selectFrom("meetingAttendance as me")
    .innerJoin("meeting as m", "m.id", "me.meetingId")
    .innerJoin("meetingSlot as s", "s.id", "m.slotId")
    .innerJoin("meetingAttendance as them", (join) => join.onRef("them.meetingId", "=", "m.id").onRef("them.participantId", "<>", "me.participantId"))
    .innerJoin("meetingParticipant as p", "p.id", "them.participantId")
    .innerJoin("appUser as u", "u.id", "p.userId")
    .leftJoin("application as a", "a.id", "p.applicationId").leftJoin("business as b", "b.id", "a.businessId")
    .leftJoin("booth as bo", "bo.id", "m.boothId")
    .select(["m.id", "m.status", "m.sequence", "m.tableNo", "s.startsAt", "s.endsAt", "s.day", "bo.code as boothCode", "bo.hallId",
      "p.kind as otherKind", "b.sector", "b.city as otherCity", "p.city as buyerCity"])
    .select((eb) => [eb.fn.coalesce("b.name", "p.organization").as("otherName"), eb.fn.coalesce(eb.fn<string | null>("nullif", ["p.email", eb.val("")]), "u.email").as("otherEmail")])
    .where("me.participantId", "=", participantId).where("me.active", "=", true).where("m.status", "in", VISIBLE_STATUSES)
    .orderBy("s.startsAt").execute();
}

/** The personal feed: every live meeting with the same UID and SEQUENCE as the emailed invites. */
export async function personalFeedIcs(db: Executor, token: string, appUrl: string, now: Date): Promise<string | null> {
  if (!/^mf_[A-Za-z0-9_-]{32,}$/.test(token)) return null;
  const me = await db.selectFrom("meetingParticipant as p").innerJoin("event as e", "e.id", "p.eventId").innerJoin("appUser as u", "u.id", "p.userId")
    .select(["p.id", "e.name", "e.slug", "e.timeZone", "e.venueName", "u.locale"]).where("p.feedToken", "=", token).executeTakeFirst();
  if (!me) return null;
  const meetings = await listPersonalAgenda(db, me.id);
  const place = (m: (typeof meetings)[number]) => [m.tableNo !== null ? `${me.locale === "en" ? "Table" : "Meja"} ${m.tableNo}` : m.boothCode ? `${me.locale === "en" ? "Booth" : "Stan"} ${m.boothCode}` : "", me.venueName].filter(Boolean).join(", ");
  return buildIcs({
    name: me.name, timeZone: me.timeZone, method: "PUBLISH", dtstamp: now,
    items: meetings.map((m) => ({
      uid: meetingUid(m.id), sequence: m.sequence, title: `${me.locale === "en" ? "Meeting" : "Temu bisnis"}: ${m.otherName ?? ""}`,
      startsAt: m.startsAt, endsAt: m.endsAt, location: place(m), url: `${appUrl}/e/${me.slug}/matchmaking/agenda`,
      organizer: organizerAddress(), status: "CONFIRMED" as const,
    })),
  });
}

/** Slot ids the person marked unavailable. */
export async function listUnavailable(db: Executor, participantId: string): Promise<string[]> {
  const rows = await db.selectFrom("meetingUnavailability").select("slotId").where("participantId", "=", participantId).execute();
  return rows.map((r) => r.slotId);
}

/** Replaces the person's unavailable slots with `slotIds` (only slots of their event count; others are ignored). */
export async function saveUnavailable(db: Executor, participant: { id: string; eventId: string }, slotIds: string[]): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom("meetingUnavailability").where("participantId", "=", participant.id).execute();
    if (slotIds.length === 0) return 0;
    const valid = await trx.selectFrom("meetingSlot").select("id").where("eventId", "=", participant.eventId).where("id", "in", slotIds).execute();
    if (valid.length) await trx.insertInto("meetingUnavailability").values(valid.map((s) => ({ participantId: participant.id, slotId: s.id }))).execute();
    return valid.length;
  });
}
