// Outbox job kinds other than "email" (which outbox.server.ts delivers itself). Each domain adds one case that
// calls its handler; a handler that throws is retried with backoff, so it must be safe to run twice.
import { currentBadgeEmail, sendBadgeWhatsapp } from "./badges/badge-delivery.server";
import { runBadgeImport } from "./badges/badge-import.server";
import { sendMeetingReminder, type ReminderJob } from "./meetings/reminders.server";
import type { Db } from "./utils/db.server";
import type { EmailJob, Job } from "./utils/outbox.server";

/** The job's payload, parsed (PGlite hands JSON back as text, postgres.js as a value). */
export function jobPayload<T>(job: Job): T {
  return (typeof job.payload === "string" ? JSON.parse(job.payload) : job.payload) as T;
}

/**
 * An email job as it should go out now (some templates show data that may have changed since they were queued), or
 * null when there is nothing to send any more.
 */
export async function currentEmail(db: Db, job: EmailJob): Promise<EmailJob | null> {
  return job.template === "badge-issued" ? currentBadgeEmail(db, job) : job;
}

// A switch rather than a lookup table built at import time: the handlers' modules import the outbox, and a
// switch only touches them when a job runs, so that import cycle is harmless.
export async function runOtherJob(db: Db, job: Job, now: Date): Promise<void> {
  switch (job.kind) {
    case "badge-import":
      return runBadgeImport(db, jobPayload<{ importId: string }>(job).importId, now);
    case "badge-whatsapp":
      await sendBadgeWhatsapp(db, { ...jobPayload<{ eventId: string; badgeId: string; url: string }>(job), jobId: job.id });
      return;
    case "meeting-reminder":
      await sendMeetingReminder(db, { ...jobPayload<ReminderJob>(job), jobId: job.id }, now);
      return;
    default:
      throw new Error(`unknown job kind ${job.kind}`);
  }
}
