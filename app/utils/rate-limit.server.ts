import { sql } from "kysely";
import type { Executor } from "./db.server";

export type RateLimitRule = { scope: string; limit: number; windowSeconds: number };

export const LOGIN_PER_ACCOUNT: RateLimitRule = { scope: "login:account", limit: 10, windowSeconds: 15 * 60 };
export const LOGIN_PER_IP: RateLimitRule = { scope: "login:ip", limit: 50, windowSeconds: 15 * 60 };
export const RESET_PER_ACCOUNT: RateLimitRule = { scope: "reset:account", limit: 3, windowSeconds: 60 * 60 };
export const SIGNUP_PER_IP: RateLimitRule = { scope: "signup:ip", limit: 20, windowSeconds: 60 * 60 };

/**
 * Counts one attempt in a fixed window, in PostgreSQL so every app instance shares the count
 * (architecture.md §3). Returns whether this attempt is within the limit.
 *
 * @example const { allowed, retryAfterSeconds } = await hitRateLimit(db, LOGIN_PER_ACCOUNT, email, now)
 */
export async function hitRateLimit(
  db: Executor,
  rule: RateLimitRule,
  key: string,
  now: Date,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto("rateLimit")
    .values({ scope: rule.scope, key: key.slice(0, 200), windowStart, count: 1 })
    .onConflict((oc) => oc.columns(["scope", "key", "windowStart"]).doUpdateSet({ count: sql`rate_limit.count + 1` }))
    .returning("count")
    .executeTakeFirstOrThrow();
  const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
  return { allowed: row.count <= rule.limit, retryAfterSeconds };
}

/** Old windows are useless; the worker's housekeeping calls this hourly. */
export async function pruneRateLimits(db: Executor, now: Date): Promise<void> {
  await db.deleteFrom("rateLimit").where("windowStart", "<", new Date(now.getTime() - 24 * 3600_000)).execute();
}
