// Calendar invites for booked meetings (ecosystem.md §4): one email per side through the outbox, in the
// recipient's language, carrying METHOD:REQUEST or METHOD:CANCEL built at send time (emails/meeting-invite.tsx).
import type { MeetingInviteProps } from "../../emails/meeting-invite";
import type { Executor } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { enqueueEmail } from "~/utils/outbox.server";
import { scheduleReminder } from "./reminders.server";

/** The invite's organizer: the app's sending address, never one of the attendees (Outlook, ecosystem.md §4). */
export function organizerAddress(mailFrom = getEnv().MAIL_FROM): { name: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(mailFrom);
  return m ? { name: m[1]!.trim() || "Pendopo", email: m[2]!.trim() } : { name: "Pendopo", email: mailFrom.trim() };
}

/** Stable per meeting, the same for every update and the cancel (RFC 5545 UID). */
export function meetingUid(meetingId: string): string {
  return `meeting-${meetingId}@pendopo`;
}

/** The meeting with both sides, as the invites and the agenda show it. */
export async function loadMeetingForInvite(db: Executor, meetingId: string) {
  const meeting = await db.selectFrom("meeting as m").innerJoin("meetingSlot as s", "s.id", "m.slotId")
    .innerJoin("event as e", "e.id", "m.eventId").leftJoin("booth as bo", "bo.id", "m.boothId")
    .select(["m.id", "m.sequence", "m.tableNo", "m.status", "s.startsAt", "s.endsAt", "e.id as eventId", "e.name as eventName", "e.slug",
      "e.timeZone", "e.venueName", "e.organizationId", "bo.code as boothCode"])
    .where("m.id", "=", meetingId).executeTakeFirstOrThrow();
  const people = await db.selectFrom("meetingAttendance as ma").innerJoin("meetingParticipant as p", "p.id", "ma.participantId")
    .innerJoin("appUser as u", "u.id", "p.userId").leftJoin("application as a", "a.id", "p.applicationId").leftJoin("business as b", "b.id", "a.businessId")
    .select(["p.id", "u.locale", "u.name as personName"])
    .select((eb) => [eb.fn.coalesce("b.name", "p.organization").as("name"), eb.fn.coalesce(eb.fn<string | null>("nullif", ["p.email", eb.val("")]), "u.email").as("email")])
    .where("ma.meetingId", "=", meetingId).orderBy("p.id").execute();
  const organizer = organizerAddress();
  /** The email props for one side (method REQUEST; callers override it). */
  const propsFor = (me: (typeof people)[number], appUrl: string): MeetingInviteProps => {
    const other = people.find((p) => p.id !== me.id) ?? me;
    return {
      locale: me.locale, method: "REQUEST", uid: meetingUid(meeting.id), sequence: meeting.sequence,
      eventName: meeting.eventName, venueName: meeting.venueName, timeZone: meeting.timeZone,
      startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString(),
      recipient: { name: me.name ?? me.personName, email: me.email }, other: { name: other.name ?? other.personName, email: other.email },
      tableNo: meeting.tableNo, boothCode: meeting.boothCode, organizer,
      agendaUrl: `${appUrl}/e/${meeting.slug}/matchmaking/agenda`,
    };
  };
  return { meeting, people, propsFor };
}

export type InviteContext = Awaited<ReturnType<typeof loadMeetingForInvite>>;

/** Queues the invite (or its cancellation) to both people of the meeting; an invite also schedules the reminder. */
export async function enqueueInvites(db: Executor, meetingId: string, method: "REQUEST" | "CANCEL", appUrl: string, now = new Date()): Promise<void> {
  const ctx = await loadMeetingForInvite(db, meetingId);
  for (const me of ctx.people) {
    const props = { ...ctx.propsFor(me, appUrl), method };
    await enqueueEmail(db, { template: "meeting-invite", to: me.email, props }, ctx.meeting.organizationId);
  }
  if (method === "REQUEST") await scheduleReminder(db, ctx.meeting, appUrl, now);
}
