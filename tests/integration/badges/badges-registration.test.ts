import { beforeAll, describe, expect, it } from "vitest";
import * as register from "~/routes/e.$slug.register";
import * as settingsPage from "~/routes/o.$orgSlug.events.$eventId.badges.registration";
import { actOnBadge, getDeliveryEvent } from "~/badges/badge-actions.server";
import { getRegistration, registerVisitor, saveRegistration } from "~/badges/registration.server";
import type { DeliveryEvent } from "~/badges/badge-delivery.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { countRows, fieldErrors, makeEvent, makeOrgWithStaff, type Staff } from "../../helpers/factories";

const t = useTestDatabase();
const ctx = {} as { org: { id: string; slug: string }; staff: Staff; eventId: string; slug: string; event: DeliveryEvent };
const form = (over: Record<string, string> = {}) => ({
  kind: "visitor", holderName: "Sari Wulandari", organizationName: "Batik Laweyan", email: "sari@batik.test", phone: "0812-3456-7890", locale: "id", consent: "on", website: "", ...over,
});
const TABLES = ["badge", "outbox"] as const;
const submit = (fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const req = post(`/e/${ctx.slug}/register`, fields);
  for (const [k, v] of Object.entries(headers)) req.headers.set(k, v);
  return callRoute(register.action, req, { slug: ctx.slug });
};
const value = (over: Partial<Parameters<typeof registerVisitor>[2]> = {}) => ({
  kind: "visitor" as const, holderName: "Pengunjung", organizationName: "", email: "p@x.id", phone: "", locale: "id" as const, whatsappOptIn: false, consent: true as const, ...over,
});

beforeAll(async () => {
  const a = await makeOrgWithStaff(t.db, "Kadin Daftar");
  const event = await makeEvent(t.db, a.org.id, { slug: "pameran-daftar" });
  await t.db.updateTable("event").set({ status: "published", publishedAt: new Date() }).where("id", "=", event.id).execute();
  Object.assign(ctx, { org: a.org, staff: a.staff, eventId: event.id, slug: "pameran-daftar", event: await getDeliveryEvent(t.db, event.id) });
});

describe("public visitor registration", () => {
  it("is closed until the organizer opens it", async () => {
    expect((await callRoute(register.loader, get(`/e/${ctx.slug}/register`), { slug: ctx.slug })).body).toMatchObject({ open: false, full: false });
    const res = await submit(form());
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[""]).toEqual(["badges.register.errors.closed"]);
  });

  it("an admin opens it with a capacity; a curator cannot", async () => {
    const path = `/o/${ctx.org.slug}/events/${ctx.eventId}/badges/registration`;
    const params = { orgSlug: ctx.org.slug, eventId: ctx.eventId };
    expect((await callRoute(settingsPage.action, post(path, { intent: "registration", isOpen: "on", capacity: "100" }, ctx.staff.curator.cookie), params)).status).toBe(403);
    const bad = await callRoute(settingsPage.action, post(path, { intent: "registration", isOpen: "on", capacity: "-5" }, ctx.staff.admin.cookie), params);
    expect(fieldErrors(bad.body).capacity).toEqual(["validation.positive"]);
    expect((await callRoute(settingsPage.action, post(path, { intent: "registration", isOpen: "on", capacity: "100" }, ctx.staff.admin.cookie), params)).status).toBe(302);
    expect(await getRegistration(t.db, ctx.eventId)).toEqual({ isOpen: true, capacity: 100, registered: 0, allowPress: false });
  });

  it("a visitor registers: the badge is issued with an E.164 phone, the email is queued, and the thank-you page is the holder's badge", async () => {
    const res = await submit(form());
    expect(res.status).toBe(302);
    const location = res.response!.headers.get("location")!;
    expect(location).toMatch(/^\/badge\/P1[A-Z2-7]{173}\?welcome=1$/);
    const badge = await t.db.selectFrom("badge").select(["holderName", "phone", "source", "kind"]).where("email", "=", "sari@batik.test").executeTakeFirstOrThrow();
    expect(badge).toEqual({ holderName: "Sari Wulandari", phone: "+6281234567890", source: "registration", kind: "visitor" });
    expect(await t.db.selectFrom("outbox").select("kind").where("kind", "=", "email").execute()).toHaveLength(1);
    expect((await getRegistration(t.db, ctx.eventId)).registered).toBe(1);
  });

  it("the same email again gets a clear message on the email field and no second badge", async () => {
    const before = await countRows(t.db, TABLES);
    const res = await submit(form({ email: "SARI@batik.test", holderName: "Sari Lagi" }));
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).email).toEqual(["badges.register.errors.already_registered"]);
    expect(await countRows(t.db, TABLES)).toEqual(before);
    expect((await getRegistration(t.db, ctx.eventId)).registered).toBe(1);
  });

  it.each([
    ["no consent", { consent: "" }, "consent", "badges.v.consent"],
    ["no email", { email: "" }, "email", "validation.required"],
    ["a landline", { email: "l@x.id", phone: "021-5551234" }, "phone", "badges.register.errors.whatsapp_landline"],
    ["press when not allowed", { email: "m@x.id", kind: "press" }, "kind", "badges.register.errors.press_not_allowed"],
    ["an organizer-only kind", { email: "v@x.id", kind: "vip" }, "kind", "badges.v.kind"],
    ["a filled honeypot", { email: "bot@x.id", website: "http://spam" }, "", "badges.register.errors.invalid"],
  ])("%s is refused on its field and nothing is stored", async (_case, over, field, key) => {
    const before = await countRows(t.db, TABLES);
    const res = await submit(form(over));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(fieldErrors(res.body)[field]).toEqual([key]);
    expect(await countRows(t.db, TABLES)).toEqual(before);
    expect((await getRegistration(t.db, ctx.eventId)).registered).toBe(1);
  });

  it("one email may try 5 times an hour and one address 20 times in 10 minutes; then they are rate-limited", async () => {
    process.env.TRUST_PROXY = "1";
    try {
      const byEmail: number[] = [];
      for (let i = 0; i < 6; i++) byEmail.push((await submit(form({ email: "coba@x.id", phone: "021-5551234" }), { "x-forwarded-for": "203.0.113.9" })).status);
      expect(byEmail).toEqual([400, 400, 400, 400, 400, 429]);
      const byIp: number[] = [];
      for (let i = 0; i < 21; i++) byIp.push((await submit(form({ email: `orang${i}@x.id`, phone: "021-5551234" }), { "x-forwarded-for": "203.0.113.10" })).status);
      expect(byIp.slice(0, 20)).toEqual(Array(20).fill(400));
      expect(byIp[20]).toBe(429);
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  it("20 people racing for the last 3 places: exactly 3 get a badge, the rest are told it is full", async () => {
    const registered = (await getRegistration(t.db, ctx.eventId)).registered;
    await saveRegistration(t.db, ctx.eventId, { isOpen: true, capacity: registered + 3, allowPress: false }, new Date());
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      registerVisitor(t.db, ctx.event, value({ email: `race${i}@x.id`, holderName: `Peserta ${i}` }), { ip: null, now: new Date() })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(17).fill("full"));
    const count = await t.db.selectFrom("badge").select("id").where("email", "like", "race%").execute();
    expect(count).toHaveLength(3);
    expect(await getRegistration(t.db, ctx.eventId)).toMatchObject({ registered: registered + 3, capacity: registered + 3 });
    expect((await callRoute(register.loader, get(`/e/${ctx.slug}/register`), { slug: ctx.slug })).body).toMatchObject({ open: false, full: true });
  });

  it("the same email submitted 5 times at once gives one badge", async () => {
    await saveRegistration(t.db, ctx.eventId, { isOpen: true, allowPress: false }, new Date());
    const results = await Promise.all(Array.from({ length: 5 }, () =>
      registerVisitor(t.db, ctx.event, value({ email: "dobel@x.id" }), { ip: null, now: new Date() })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason))).toEqual(new Set(["already_registered"]));
    expect(await t.db.selectFrom("badge").select("id").where("email", "=", "dobel@x.id").execute()).toHaveLength(1);
  });

  it("revoking a registration gives its place back, and the same email may register again", async () => {
    const before = (await getRegistration(t.db, ctx.eventId)).registered;
    const badge = await t.db.selectFrom("badge").select("id").where("email", "=", "dobel@x.id").executeTakeFirstOrThrow();
    const res = await actOnBadge(t.db, { event: ctx.event, by: null, now: new Date() }, badge.id, { intent: "revoke", reason: "Salah ketik" });
    expect(res).toEqual({ ok: true, value: "revoke" });
    expect((await getRegistration(t.db, ctx.eventId)).registered).toBe(before - 1);
    const again = await registerVisitor(t.db, ctx.event, value({ email: "dobel@x.id", holderName: "Dobel Benar" }),
      { ip: null, now: new Date(Date.now() + 2 * 3600_000) }); // an hour later: the earlier tries no longer count against the email
    expect(again.ok).toBe(true);
    expect((await getRegistration(t.db, ctx.eventId)).registered).toBe(before);
  });

  it("a draft event has no registration page", async () => {
    const draft = await makeEvent(t.db, ctx.org.id, { slug: "draf-daftar" });
    expect(draft.id).toBeTruthy();
    expect((await callRoute(register.loader, get("/e/draf-daftar/register"), { slug: "draf-daftar" })).status).toBe(404);
  });
});
