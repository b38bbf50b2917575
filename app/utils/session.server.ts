import { createCookie, redirect } from "@remix-run/node";
import { getDb, type Executor } from "./db.server";
import { getEnv } from "./env.server";
import { hashToken, newToken } from "./crypto.server";
import { localeCookie } from "./i18n.server";
import { clientIp, userAgent } from "./request.server";
import type { AppLocale } from "./i18n";

/**
 * The cookie holds only a random token; the session row (hashed token) lives in PostgreSQL so sessions
 * can be listed and revoked ("sign out everywhere"). SameSite=Lax plus POST-only mutations is our CSRF
 * defence (docs/decisions/004-sessions.md).
 */
const sessionCookie = createCookie("pendopo_session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: getEnv().APP_URL.startsWith("https://"),
});

export type SessionUser = { id: string; email: string; name: string; locale: AppLocale; sessionId: string };

const cache = new WeakMap<Request, Promise<SessionUser | null>>();

/** The signed-in user of this request, or null (looked up once per request). */
export function getUser(request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = lookUpUser(request);
    cache.set(request, pending);
  }
  return pending;
}

async function lookUpUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionCookie.parse(request.headers.get("cookie"));
  if (typeof token !== "string" || token.length < 20) return null;
  const db = await getDb();
  const row = await db
    .selectFrom("userSession as s")
    .innerJoin("appUser as u", "u.id", "s.userId")
    .select(["u.id", "u.email", "u.name", "u.locale", "s.id as sessionId"])
    .where("s.tokenHash", "=", hashToken(token))
    .where("s.expiresAt", ">", new Date())
    .executeTakeFirst();
  return row ?? null;
}

/** Redirects to the sign-in page (and back afterwards) when nobody is signed in. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
}

/** Starts a session after sign-in or sign-up and applies the account's language to the browser. */
export async function createUserSession(
  db: Executor,
  opts: { request: Request; userId: string; locale: AppLocale; redirectTo: string },
): Promise<Response> {
  const token = newToken();
  const ttlDays = getEnv().SESSION_TTL_DAYS;
  await db
    .insertInto("userSession")
    .values({
      tokenHash: hashToken(token),
      userId: opts.userId,
      expiresAt: new Date(Date.now() + ttlDays * 86400_000),
      userAgent: userAgent(opts.request),
      ip: clientIp(opts.request),
    })
    .execute();
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie.serialize(token, { maxAge: ttlDays * 86400 }));
  headers.append("Set-Cookie", await localeCookie.serialize(opts.locale));
  return redirect(opts.redirectTo, { headers });
}

/** Ends this browser's session. */
export async function logout(request: Request, redirectTo = "/"): Promise<Response> {
  const user = await getUser(request);
  if (user) {
    const db = await getDb();
    await db.deleteFrom("userSession").where("id", "=", user.sessionId).execute();
  }
  return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}
