import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResetToken, requestPasswordReset, resetPassword, revokeSessions, signUp, verifyLogin } from "~/accounts/accounts.server";
import { drainOutbox } from "~/utils/outbox.server";
import { action as loginAction } from "~/routes/login";
import { action as forgotAction } from "~/routes/forgot-password";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, makeUser, post } from "../../helpers/http";
import { startSmtpSink } from "../../helpers/smtp";

const t = useTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

describe("accounts", () => {
  it("refuses a second account with the same email, whatever its case", async () => {
    const first = await signUp(t.db, { name: "Sari", email: "sari@batik.id", password: "panjang-sekali-1", locale: "id" });
    expect(first.ok).toBe(true);
    const again = await signUp(t.db, { name: "Sari 2", email: "sari@batik.id", password: "panjang-sekali-2", locale: "id" });
    expect(again).toEqual({ ok: false, reason: "email_taken" });
  });

  it("stores argon2id hashes, never the password", async () => {
    const row = await t.db.selectFrom("appUser").select("passwordHash").where("email", "=", "sari@batik.id").executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain("panjang-sekali-1");
  });

  it("verifies the right password only", async () => {
    expect(await verifyLogin(t.db, { email: "sari@batik.id", password: "panjang-sekali-1" })).toMatchObject({ name: "Sari" });
    expect(await verifyLogin(t.db, { email: "sari@batik.id", password: "salah" })).toBeNull();
    expect(await verifyLogin(t.db, { email: "tidak.ada@batik.id", password: "panjang-sekali-1" })).toBeNull();
  });

  it("emails a single-use reset link over SMTP that expires after an hour", async () => {
    // The outbox row is due at the database's now(), so the test clock is the real one.
    const now = new Date();
    await t.db.transaction().execute((trx) => requestPasswordReset(trx, { email: "sari@batik.id", appUrl: "http://app.test", now }));
    expect(await drainOutbox(t.db)).toBe(1);
    const [mail] = smtp.to("sari@batik.id");
    expect(mail?.subject).toBe("Atur ulang kata sandi Pendopo");
    const token = mail!.text!.match(/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    expect(mail!.html).toContain(`http://app.test/reset-password/${token}`);

    expect(await checkResetToken(t.db, token, new Date(now.getTime() + 61 * 60_000))).toEqual({ ok: false, reason: "expired" });
    const done = await resetPassword(t.db, { token, password: "kata-sandi-baru-9", now });
    expect(done.ok).toBe(true);
    expect(await resetPassword(t.db, { token, password: "lagi-lagi-lagi-9", now })).toEqual({ ok: false, reason: "invalid_token" });
    expect(await verifyLogin(t.db, { email: "sari@batik.id", password: "kata-sandi-baru-9" })).not.toBeNull();
  });

  it("answers the forgot-password form the same for unknown emails and sends nothing", async () => {
    const before = smtp.inbox.length;
    const res = await callRoute(forgotAction, post("/forgot-password", { email: "siapa@entah.id" }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ sent: true });
    await drainOutbox(t.db);
    expect(smtp.inbox.length).toBe(before);
  });

  it("signs out every other session on request", async () => {
    const user = await makeUser(t.db, "Multi Device");
    await makeUserSession(user.id);
    await makeUserSession(user.id);
    const kept = await t.db.selectFrom("userSession").select("id").where("userId", "=", user.id).executeTakeFirstOrThrow();
    expect(await revokeSessions(t.db, user.id, kept.id)).toBe(2);
    const left = await t.db.selectFrom("userSession").select("id").where("userId", "=", user.id).execute();
    expect(left.map((s) => s.id)).toEqual([kept.id]);
  });

  it("rate-limits sign-in per account with 429 and Retry-After, whatever the password", async () => {
    await signUp(t.db, { name: "Target", email: "target@batik.id", password: "panjang-sekali-1", locale: "id" });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await callRoute(loginAction, post("/login", { email: "target@batik.id", password: `tebakan-${i}` }));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    const right = await callRoute(loginAction, post("/login", { email: "target@batik.id", password: "panjang-sekali-1" }));
    expect(right.status).toBe(429);
  });

  it("answers a malformed sign-in with field errors and status 400", async () => {
    const res = await callRoute(loginAction, post("/login", { email: "bukan-email", password: "" }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("validation.email");
  });
});

async function makeUserSession(userId: string) {
  await t.db.insertInto("userSession").values({ tokenHash: Math.random().toString(36), userId, expiresAt: new Date(Date.now() + 86400_000) }).execute();
}
