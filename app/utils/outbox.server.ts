import { sql } from "kysely";
import type { EmailRequest } from "../../emails";
import type { Db, Executor } from "./db.server";
import { renderEmail, sendEmail } from "./email.server";
import { pruneRateLimits } from "./rate-limit.server";
import { currentEmail, jobPayload, runOtherJob } from "../jobs.server";

export const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;

export type EmailJob = EmailRequest & { to: string };
export type Job = { id: string; kind: string; payload: unknown; organizationId: string | null; attempts: number };

/**
 * Queues work in the caller's transaction (architecture.md §2): if the change rolls back, so does the
 * job; if the process dies after commit, the worker still finds it. `runAfter` delays it (reminders).
 */
export async function enqueue(db: Executor, kind: string, payload: unknown, organizationId: string | null = null, runAfter?: Date) {
  await db.insertInto("outbox").values({ kind, payload: JSON.stringify(payload), organizationId, ...(runAfter ? { runAfter } : {}) }).execute();
}

export function enqueueEmail(db: Executor, job: EmailJob, organizationId: string | null = null) {
  return enqueue(db, "email", job, organizationId);
}

/** Many emails in one statement per 500 (bulk operations), in the caller's transaction like enqueue. */
export async function enqueueEmails(db: Executor, jobs: EmailJob[], organizationId: string | null = null) {
  for (let i = 0; i < jobs.length; i += 500) {
    await db.insertInto("outbox").values(jobs.slice(i, i + 500).map((job) => ({ kind: "email", payload: JSON.stringify(job), organizationId }))).execute();
  }
}

/** Backoff after a failed attempt: 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims due jobs with a lease (FOR UPDATE SKIP LOCKED, so several app instances share the queue), then runs
 * them outside any transaction: sending mail never holds a database lock. A job whose worker died becomes
 * due again when its lease runs out.
 */
export async function claimJobs(db: Db, now?: Date, limit = 10): Promise<Job[]> {
  // The database's clock by default: run_after is written with its now(), so app-clock skew cannot hide jobs.
  const at = now ? sql`${now}::timestamptz` : sql`now()`;
  const result = await sql<Job>`
    update outbox set run_after = ${at} + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
    where id in (
      select id from outbox where status = 'pending' and run_after <= ${at}
      order by run_after, id limit ${limit} for update skip locked)
    returning id::text as id, kind, payload, organization_id as "organizationId", attempts`.execute(db);
  return result.rows;
}

export async function runJob(db: Db, job: Job, now: Date): Promise<void> {
  try {
    if (job.kind === "email") await deliverEmail(db, job);
    else await runOtherJob(db, job, now);
    await db.updateTable("outbox").set({ status: "done", doneAt: now, lastError: null }).where("id", "=", job.id).execute();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = job.attempts >= MAX_ATTEMPTS;
    await db
      .updateTable("outbox")
      .set({
        status: failed ? "failed" : "pending",
        lastError: message.slice(0, 1000),
        runAfter: new Date(now.getTime() + retryDelaySeconds(job.attempts) * 1000),
      })
      .where("id", "=", job.id)
      .execute();
  }
}

async function deliverEmail(db: Db, job: Job) {
  const payload = await currentEmail(db, jobPayload<EmailJob>(job));
  if (!payload) return;
  const rendered = await renderEmail(payload);
  const sent = await sendEmail({ to: payload.to, ...rendered });
  if (sent.status === "error") throw new Error(sent.error);
  await db
    .insertInto("emailLog")
    .values({
      outboxId: job.id,
      organizationId: job.organizationId,
      toAddress: payload.to,
      subject: rendered.subject,
      template: payload.template,
      transport: sent.transport,
      fileName: sent.fileName ?? null,
      messageId: sent.messageId ?? null,
    })
    .execute();
}

/** Runs every job that is due now (tests and the CLI use this; the server runs the loop below). */
export async function drainOutbox(db: Db, now?: Date): Promise<number> {
  let count = 0;
  for (let jobs = await claimJobs(db, now); jobs.length > 0; jobs = await claimJobs(db, now)) {
    for (const job of jobs) await runJob(db, job, now ?? new Date());
    count += jobs.length;
  }
  return count;
}

/** Deletes what only grows: expired sessions and reset links, old rate-limit windows. */
export async function housekeeping(db: Db, now: Date): Promise<void> {
  await db.deleteFrom("userSession").where("expiresAt", "<", now).execute();
  await db.deleteFrom("passwordReset").where("expiresAt", "<", new Date(now.getTime() - 7 * 86400_000)).execute();
  await pruneRateLimits(db, now);
}

const HOUSEKEEPING_EVERY_MS = 3600_000;

/** The in-process worker loop; returns a stop function that waits for the current round. */
export function startOutboxWorker(getDb: () => Promise<Db>, pollMs: number): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let lastHousekeeping = 0;
  const round = async (db: Db) => {
    await drainOutbox(db);
    if (Date.now() - lastHousekeeping > HOUSEKEEPING_EVERY_MS) {
      lastHousekeeping = Date.now();
      await housekeeping(db, new Date());
    }
  };
  const tick = () => {
    current = getDb()
      .then(round)
      .catch((error) => console.warn("[outbox]", error instanceof Error ? error.message : error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  timer = setTimeout(tick, 10);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
