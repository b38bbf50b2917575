import type { Executor } from "~/utils/db.server";
import { dbErrorInfo } from "../../db/index";
import { hashToken, newToken } from "~/utils/crypto.server";
import { enqueueEmail } from "~/utils/outbox.server";
import { fail, ok, type Result } from "~/utils/result";
import type { AppLocale } from "~/utils/i18n";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.server";

export const RESET_VALID_MINUTES = 60;

export async function signUp(
  db: Executor,
  input: { name: string; email: string; password: string; locale: AppLocale },
): Promise<Result<{ id: string }, "email_taken">> {
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db
      .insertInto("appUser")
      .values({ name: input.name, email: input.email, passwordHash, locale: input.locale })
      .returning("id")
      .executeTakeFirstOrThrow();
    return ok(row);
  } catch (error) {
    if (dbErrorInfo(error).constraint === "app_user_email_uq") return fail("email_taken");
    throw error;
  }
}

/** The account for these credentials, or null; unknown emails cost the same time as wrong passwords. */
export async function verifyLogin(db: Executor, input: { email: string; password: string }) {
  const user = await db
    .selectFrom("appUser")
    .select(["id", "name", "email", "locale", "passwordHash"])
    .where("email", "=", input.email)
    .executeTakeFirst();
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) return null;
  const { passwordHash: _, ...rest } = user;
  return rest;
}

/** Emails a single-use reset link if the account exists; the caller answers the same either way. */
export async function requestPasswordReset(db: Executor, input: { email: string; appUrl: string; now: Date }) {
  const user = await db.selectFrom("appUser").select(["id", "name", "locale"]).where("email", "=", input.email).executeTakeFirst();
  if (!user) return;
  const token = newToken();
  await db
    .insertInto("passwordReset")
    .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(input.now.getTime() + RESET_VALID_MINUTES * 60_000) })
    .execute();
  await enqueueEmail(db, {
    template: "password-reset",
    to: input.email,
    props: { locale: user.locale, name: user.name, resetUrl: `${input.appUrl}/reset-password/${token}`, validMinutes: RESET_VALID_MINUTES },
  });
}

export async function checkResetToken(db: Executor, token: string, now: Date): Promise<Result<{ userId: string; id: string }, "invalid_token" | "expired">> {
  const row = await db
    .selectFrom("passwordReset")
    .select(["id", "userId", "expiresAt", "usedAt"])
    .where("tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.usedAt) return fail("invalid_token");
  if (row.expiresAt <= now) return fail("expired");
  return ok({ userId: row.userId, id: row.id });
}

/**
 * Sets the new password, uses up the token (a conditional update, so two tabs cannot both use it) and signs
 * the account out everywhere.
 */
export async function resetPassword(db: Executor, input: { token: string; password: string; now: Date }) {
  const check = await checkResetToken(db, input.token, input.now);
  if (!check.ok) return check;
  const used = await db
    .updateTable("passwordReset")
    .set({ usedAt: input.now })
    .where("id", "=", check.value.id)
    .where("usedAt", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!used) return fail("invalid_token");
  await db.updateTable("appUser").set({ passwordHash: await hashPassword(input.password) }).where("id", "=", check.value.userId).execute();
  await db.deleteFrom("userSession").where("userId", "=", check.value.userId).execute();
  return ok({ userId: check.value.userId });
}

export async function setUserLocale(db: Executor, userId: string, locale: AppLocale) {
  await db.updateTable("appUser").set({ locale }).where("id", "=", userId).execute();
}

export async function listSessions(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom("userSession")
    .select(["id", "createdAt", "lastSeenAt", "userAgent"])
    .where("userId", "=", userId)
    .where("expiresAt", ">", now)
    .orderBy("createdAt", "desc")
    .execute();
}

/** "Sign out everywhere": every session of the account except, optionally, this one. */
export async function revokeSessions(db: Executor, userId: string, keepSessionId?: string) {
  let query = db.deleteFrom("userSession").where("userId", "=", userId);
  if (keepSessionId) query = query.where("id", "!=", keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
