// Setting up organizer data through the running server's own forms (e2e tests), as a browser would post them.

/** Posts a form to the server and expects a redirect; returns where to and the session cookie (new or the same). */
export async function postForm(baseUrl: string, path: string, fields: Record<string, string>, cookie = ""): Promise<{ location: string; cookie: string }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  if (res.status !== 302) throw new Error(`POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("pendopo_session="));
  return { location: res.headers.get("location") ?? "", cookie: session ?? cookie };
}

/**
 * A new organizer (signed up), their organization (Kadin Kota Surakarta) and a draft event with `event`'s fields;
 * returns the session cookie and the event's organizer path.
 */
export async function organizerWithEvent(baseUrl: string, person: { name: string; email: string }, event: Record<string, string>) {
  const { cookie } = await postForm(baseUrl, "/signup", { ...person, password: "sogan-parang-kawung-2026" });
  const { location: orgPath } = await postForm(baseUrl, "/orgs/new", { name: "Kadin Kota Surakarta", kind: "kadin", city: "Surakarta" }, cookie);
  const { location: eventPath } = await postForm(baseUrl, `${orgPath}/events/new`, { timeZone: "Asia/Jakarta", city: "Surakarta", ...event }, cookie);
  return { cookie, eventPath };
}
