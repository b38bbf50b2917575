import type { Db } from "../../db/index";
import { signUp } from "~/accounts/accounts.server";
import { createUserSession } from "~/utils/session.server";

export const BASE = "http://localhost:3000";

/** A user with a live session; `cookie` goes into the Cookie header of test requests. */
export async function makeUser(db: Db, name: string, email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2, 7)}@test.id`) {
  const created = await signUp(db, { name, email, password: "rahasia-sekali-123", locale: "id" });
  if (!created.ok) throw new Error(created.reason);
  const response = await createUserSession(db, { request: new Request(BASE), userId: created.value.id, locale: "id", redirectTo: "/" });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { id: created.value.id, email, name, cookie };
}

export function get(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { cookie } : {} });
}

export function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  const body = new URLSearchParams(fields);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loaders and actions of any route
type Handler = (args: any) => unknown;

/**
 * Calls a loader or action the way Remix does and returns the HTTP status it amounts to: thrown Responses
 * (404, 403, redirects) and `data(…, {status})` alike.
 */
export async function callRoute(handler: Handler, request: Request, params: Record<string, string> = {}) {
  try {
    const result = await handler({ request, params, context: {} });
    if (result instanceof Response) return { status: result.status, response: result, body: undefined as unknown };
    if (result && typeof result === "object" && "type" in result && (result as { type: unknown }).type === "DataWithResponseInit") {
      const d = result as unknown as { data: unknown; init: ResponseInit | null };
      return { status: d.init?.status ?? 200, response: undefined, body: d.data };
    }
    return { status: 200, response: undefined, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, response: thrown, body: undefined as unknown };
    throw thrown;
  }
}
