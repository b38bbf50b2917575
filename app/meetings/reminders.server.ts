// Reminders before each meeting: scheduled in the outbox (run_after = start − lead) when the invite goes out,
// and sent only if the meeting is still on as invited (same sequence, not cancelled, not yet started). Email to
// both sides in their language; WhatsApp to those who opted in with a number, when WhatsApp is configured.
import { sql } from "kysely";
import type { MeetingInviteProps } from "../../emails/meeting-invite";
import { audit } from "~/utils/audit.server";
import type { Db, Executor } from "~/utils/db.server";
import { tFor } from "~/utils/i18n.server";
import { enqueue, enqueueEmail } from "~/utils/outbox.server";
import { formatTimeRange } from "~/utils/time";
import { sendWhatsappTemplate, whatsappEnabled } from "~/utils/whatsapp.server";
import { loadMeetingForInvite, type InviteContext } from "./invites.server";

export const REMINDER_JOB = "meeting-reminder";
/** How long before the start the reminder goes out. */
export const REMINDER_LEAD_MS = 60 * 60_000;

export type ReminderJob = { meetingId: string; sequence: number; appUrl: string };

/** Queues the reminder of a meeting whose invite is going out now (nothing when it starts within the lead time). */
export async function scheduleReminder(db: Executor, meeting: { id: string; sequence: number; startsAt: Date; organizationId: string }, appUrl: string, now = new Date()) {
  const at = new Date(meeting.startsAt.getTime() - REMINDER_LEAD_MS);
  if (at <= now) return;
  await enqueue(db, REMINDER_JOB, { meetingId: meeting.id, sequence: meeting.sequence, appUrl } satisfies ReminderJob, meeting.organizationId, at);
}

/**
 * Runs a reminder job: queues the reminder emails and sends the WhatsApp notices. A meeting changed since
 * (its sequence moved on: a newer reminder exists), cancelled, marked, or already started gets nothing.
 */
export async function sendMeetingReminder(db: Db, job: ReminderJob & { jobId: string }, now: Date): Promise<"sent" | "skipped"> {
  const ctx = await loadMeetingForInvite(db, job.meetingId).catch(() => null);
  if (!ctx) return "skipped";
  const { meeting } = ctx;
  if (meeting.sequence !== job.sequence || !["scheduled", "locked", "published"].includes(meeting.status) || meeting.startsAt <= now) return "skipped";
  const done = await db.selectFrom("auditLog").select("id").where("action", "=", "meeting.reminded")
    .where("entityId", "=", meeting.id).where(sql<string>`data->>'jobId'`, "=", job.jobId).executeTakeFirst();
  if (done) return "skipped";
  await db.transaction().execute(async (trx) => {
    for (const props of reminderEmails(ctx, job.appUrl)) await enqueueEmail(trx, { template: "meeting-invite", to: props.recipient.email, props }, meeting.organizationId);
    await audit(trx, { action: "meeting.reminded", organizationId: meeting.organizationId, eventId: meeting.eventId, entity: "meeting", entityId: meeting.id, data: { jobId: job.jobId } });
  });
  if (whatsappEnabled()) await sendReminderWhatsapps(db, ctx);
  return "sent";
}

function reminderEmails(ctx: InviteContext, appUrl: string): MeetingInviteProps[] {
  return ctx.people.map((me) => ({ ...ctx.propsFor(me, appUrl), method: "REMINDER" as const }));
}

/** WhatsApp template `meeting_reminder` (name, other party, time, place) to participants who opted in. */
async function sendReminderWhatsapps(db: Db, ctx: InviteContext): Promise<void> {
  const { meeting } = ctx;
  const phones = await db.selectFrom("meetingAttendance as ma").innerJoin("meetingParticipant as p", "p.id", "ma.participantId")
    .select(["p.id", "p.whatsapp"]).where("ma.meetingId", "=", meeting.id).where("p.whatsappOptIn", "=", true).where("p.whatsapp", "is not", null).execute();
  for (const { id, whatsapp } of phones) {
    const me = ctx.people.find((p) => p.id === id);
    if (!me || !whatsapp) continue;
    const props = ctx.propsFor(me, "");
    const t = tFor(me.locale);
    await sendWhatsappTemplate({
      phone: whatsapp, locale: me.locale, template: "meeting_reminder",
      params: [props.recipient.name, props.other.name, formatTimeRange(props.startsAt, props.endsAt, props.timeZone, me.locale),
        meeting.tableNo !== null ? t("meetings.agenda.table", { n: meeting.tableNo }) : meeting.boothCode ?? meeting.venueName],
    });
  }
}
