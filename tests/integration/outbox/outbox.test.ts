import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { simpleParser } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { claimJobs, drainOutbox, enqueueEmail, MAX_ATTEMPTS, retryDelaySeconds, type EmailJob } from "~/utils/outbox.server";
import { createOrganization } from "~/organizations/organizations.server";
import { useTestDatabase } from "../../helpers/db";
import { makeAccount } from "../../helpers/factories";

const t = useTestDatabase();
const onPostgres = Boolean(inject("pgTemplateUrl"));
let mailDir: string;
let closedSmtpUrl: string;
let organizationId: string;

const job = (to: string): EmailJob => ({
  template: "password-reset",
  to,
  props: { locale: "id", name: "Sari", resetUrl: "http://app.test/reset-password/abc", validMinutes: 60 },
});
const outboxRow = (to: string) =>
  t.db.selectFrom("outbox").selectAll().where(sql<boolean>`payload->>'to' = ${to}`).executeTakeFirstOrThrow();

beforeAll(async () => {
  mailDir = mkdtempSync(path.join(os.tmpdir(), "pendopo-mail-"));
  // A port that was just free: connecting to it is refused at once.
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  closedSmtpUrl = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  const owner = await makeAccount(t.db, "Pemilik Outbox");
  organizationId = (await createOrganization(t.db, { name: "Dinas Perindustrian", kind: "dinas", city: "", ownerId: owner.id })).id;
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_DIR;
});
afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

describe("outbox", () => {
  it("retries a failing send with growing backoff and gives up as failed after MAX_ATTEMPTS", async () => {
    process.env.SMTP_URL = closedSmtpUrl;
    await enqueueEmail(t.db, job("gagal@batik.id"));
    // run_after defaults to the database's now(); start a little later so the first attempt is due.
    let now = new Date(Date.now() + 5_000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await drainOutbox(t.db, now)).toBe(1);
      const row = await outboxRow("gagal@batik.id");
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(row.runAfter.getTime()).toBe(now.getTime() + retryDelaySeconds(attempt) * 1000);
      if (attempt < MAX_ATTEMPTS) {
        expect(row.status).toBe("pending");
        // Not due a moment before the backoff ends.
        expect(await drainOutbox(t.db, new Date(row.runAfter.getTime() - 1000))).toBe(0);
      } else {
        expect(row.status).toBe("failed");
      }
      now = row.runAfter;
    }
    expect(await drainOutbox(t.db, new Date(now.getTime() + 86_400_000))).toBe(0);
    expect((await outboxRow("gagal@batik.id")).attempts).toBe(MAX_ATTEMPTS);
    expect(await t.db.selectFrom("emailLog").select("id").where("toAddress", "=", "gagal@batik.id").execute()).toEqual([]);
  });

  it("never runs a job enqueued in a transaction that rolled back", async () => {
    process.env.MAIL_DIR = mailDir;
    await expect(t.db.transaction().execute(async (trx) => {
      await enqueueEmail(trx, job("batal@batik.id"));
      throw new Error("the change failed");
    })).rejects.toThrow("the change failed");
    expect(await drainOutbox(t.db, new Date(Date.now() + 5_000))).toBe(0);
    expect(await t.db.selectFrom("outbox").select("id").where(sql<boolean>`payload->>'to' = 'batal@batik.id'`).execute()).toEqual([]);
  });

  it("writes mail to MAIL_DIR as .eml when no SMTP is configured, logged with transport 'file'", async () => {
    process.env.MAIL_DIR = mailDir;
    await enqueueEmail(t.db, job("arsip@batik.id"), organizationId);
    expect(await drainOutbox(t.db, new Date(Date.now() + 5_000))).toBe(1);
    const row = await outboxRow("arsip@batik.id");
    expect(row).toMatchObject({ status: "done", attempts: 1, lastError: null });
    const log = await t.db.selectFrom("emailLog").selectAll().where("toAddress", "=", "arsip@batik.id").executeTakeFirstOrThrow();
    expect(log).toMatchObject({ transport: "file", organizationId, template: "password-reset", subject: "Atur ulang kata sandi Pendopo", outboxId: row.id });
    expect(log.fileName).toMatch(/^[\w-]+\.eml$/);
    const mail = await simpleParser(readFileSync(path.join(mailDir, log.fileName!)));
    expect(mail.subject).toBe("Atur ulang kata sandi Pendopo");
    expect(mail.text).toContain("http://app.test/reset-password/abc");
  });

  it("hands a claimed job out again only when its lease has run out (a worker died)", async () => {
    await enqueueEmail(t.db, job("sewa@batik.id"));
    const now = new Date(Date.now() + 5_000);
    const [claimed] = await claimJobs(t.db, now);
    expect(claimed).toMatchObject({ kind: "email", attempts: 1 });
    expect(await claimJobs(t.db, new Date(now.getTime() + 119_000))).toEqual([]);
    const again = await claimJobs(t.db, new Date(now.getTime() + 120_000));
    expect(again.map((j) => [j.id, j.attempts])).toEqual([[claimed!.id, 2]]);
    await t.db.deleteFrom("outbox").where("id", "=", claimed!.id).execute();
  });

  it("never gives the same job to two workers claiming at once (FOR UPDATE SKIP LOCKED)", async () => {
    for (let i = 0; i < 40; i++) await enqueueEmail(t.db, job(`antri${i}@batik.id`));
    const pending = await t.db.selectFrom("outbox").select("id").where("status", "=", "pending").orderBy("id").execute();
    expect(pending).toHaveLength(40);

    if (onPostgres) {
      // Another worker is mid-claim and holds the first five rows: this one must skip them, not wait.
      const other = await t.db.startTransaction().execute();
      await sql`select id from outbox where id in (${sql.join(pending.slice(0, 5).map((p) => p.id))}) for update`.execute(other);
      const claimed = await claimJobs(t.db, undefined, 100);
      await other.rollback().execute();
      expect(claimed.map((j) => j.id).sort()).toEqual(pending.slice(5).map((p) => p.id).sort());
      await t.db.updateTable("outbox").set({ runAfter: sql`now()`, attempts: 0 }).execute();
    }

    const claims = await Promise.all([1, 2, 3, 4].map(() => claimJobs(t.db, undefined, 15)));
    const ids = claims.flat().map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(pending.map((p) => p.id).sort());
  });
});
