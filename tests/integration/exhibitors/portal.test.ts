import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { dbErrorInfo } from "../../../db/index";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAcceptedApplications, saveApplication } from "~/exhibitors/applications.server";
import { createBusiness } from "~/exhibitors/businesses.server";
import { setEventPublished } from "~/events/events.server";
import * as applyRoute from "~/routes/exhibitor.apply.$eventSlug";
import * as applicationRoute from "~/routes/exhibitor.applications.$applicationId._index";
import * as exhibitorHome from "~/routes/exhibitor._index";
import * as profileRoute from "~/routes/exhibitor.profile";
import * as certificationsRoute from "~/routes/exhibitor.certifications";
import * as callPage from "~/routes/e.$slug.exhibit";
import * as orgApplications from "~/routes/o.$orgSlug.events.$eventId.exhibitors._index";
import * as orgCall from "~/routes/o.$orgSlug.events.$eventId.exhibitors.call";
import * as dashboard from "~/routes/dashboard";
import { drainOutbox } from "~/utils/outbox.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { fieldErrors, makeAccount, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import {
  businessForm, businessInput, makeEventWithCall, makeExhibitor, setCall, type CallOptions, type TestExhibitor,
} from "../../helpers/exhibitor-factories";
import { startSmtpSink } from "../../helpers/smtp";

const t = useTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let mailDir: string;
let org: { id: string; slug: string };
let staff: Staff;

beforeAll(async () => {
  smtp = await startSmtpSink();
  mailDir = mkdtempSync(path.join(os.tmpdir(), "pendopo-exh-mail-"));
  process.env.SMTP_URL = smtp.url;
  ({ org, staff } = await makeOrgWithStaff(t.db, "Kadin Kota Surakarta"));
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

const applyPath = (slug: string) => `/exhibitor/apply/${slug}`;

async function applyAs(who: TestExhibitor, slug: string, fields: Record<string, string>) {
  return callRoute(applyRoute.action, post(applyPath(slug), fields, who.cookie), { eventSlug: slug });
}

describe("business profile", () => {
  it("is created once from the profile form, with the WhatsApp number normalised, then updated in place", async () => {
    const user = await makeAccount(t.db, "Sri Rahayu");
    const first = await callRoute(profileRoute.action, post("/exhibitor/profile", businessForm({ whatsapp: "62812345678", nib: "9120 0012 3456 7" }), user.cookie));
    expect(first.status).toBe(302);
    expect(first.response!.headers.get("location")).toBe("/exhibitor/products");
    expect(await readToast(first.response)).toMatchObject({ key: "exhibitors.profile.created" });
    const row = await t.db.selectFrom("business").selectAll().where("ownerUserId", "=", user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ whatsapp: "+62812345678", nib: "9120001234567", capacityQuantity: 300, capacityUnit: "lembar", umkmClass: "kecil" });

    const again = await callRoute(profileRoute.action, post("/exhibitor/profile", businessForm({ name: "Batik Sekar Jagad Laweyan", redirectTo: "/exhibitor" }), user.cookie));
    expect(again.status).toBe(302);
    const rows = await t.db.selectFrom("business").select(["id", "name"]).where("ownerUserId", "=", user.id).execute();
    expect(rows).toEqual([{ id: row.id, name: "Batik Sekar Jagad Laweyan" }]);

    const loaded = await callRoute(profileRoute.loader, get("/exhibitor/profile", user.cookie));
    // The update posted the form's default number, typed the usual way.
    expect((loaded.body as { business: { whatsapp: string } }).business.whatsapp).toBe("+6281234567890");
  });

  it.each([
    ["021-5551234", "whatsapp", "exhibitors.validation.whatsapp_landline"],
    ["+65 9123 4567", "whatsapp", "exhibitors.validation.whatsapp_foreign"],
  ])("refuses the WhatsApp number %s on its field", async (whatsapp, field, message) => {
    const user = await makeAccount(t.db, "Budi Landline");
    const res = await callRoute(profileRoute.action, post("/exhibitor/profile", businessForm({ whatsapp }), user.cookie));
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body)[field]).toEqual([message]);
    expect(await t.db.selectFrom("business").select("id").where("ownerUserId", "=", user.id).execute()).toEqual([]);
  });

  it("refuses a NIB that is not 13 digits, and a missing required field", async () => {
    const user = await makeAccount(t.db, "Budi NIB");
    const res = await callRoute(profileRoute.action, post("/exhibitor/profile", businessForm({ nib: "12345", sector: "", province: "" }), user.cookie));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toMatchObject({
      nib: ["exhibitors.validation.nib_invalid"], sector: ["validation.choose"], province: ["validation.required"],
    });
  });

  it("is one per account: the unique index refuses a second business, and createBusiness says so", async () => {
    const user = await makeAccount(t.db, "Dua Usaha");
    expect((await createBusiness(t.db, user.id, businessInput())).ok).toBe(true);
    expect(await createBusiness(t.db, user.id, businessInput({ name: "Usaha Kedua" }))).toEqual({ ok: false, reason: "business_exists" });
    const direct = await t.db.insertInto("business").values({
      ownerUserId: user.id, name: "Usaha Ketiga", ownerName: "X", umkmClass: "mikro", sector: "kriya", city: "Solo", province: "Jawa Tengah", email: "x@y.id",
    }).execute().then(() => null, (error: unknown) => error);
    expect(dbErrorInfo(direct)).toEqual({ code: "23505", constraint: "business_owner_user_id_uq" });
  });

  it("sends an exhibitor without an organization from the dashboard to the portal; others see both choices", async () => {
    const exhibitor = await makeExhibitor(t.db, "Pemilik Dasbor");
    const res = await callRoute(dashboard.loader, get("/dashboard", exhibitor.cookie));
    expect(res.status).toBe(302);
    expect(res.response!.headers.get("location")).toBe("/exhibitor");
    const nobody = await makeAccount(t.db, "Belum Apa-apa");
    const plain = await callRoute(dashboard.loader, get("/dashboard", nobody.cookie));
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({ orgs: [], business: null });
  });

  it("keeps certifications on the profile and never touches another business's", async () => {
    const a = await makeExhibitor(t.db, "Sertifikat A");
    const b = await makeExhibitor(t.db, "Sertifikat B");
    const added = await callRoute(certificationsRoute.action, post("/exhibitor/certifications", {
      intent: "add-certification", kind: "batikmark", number: "BM-2024-0012", issuer: "BBSPJIKB Yogyakarta", validUntil: "2027-06-30",
    }, a.cookie));
    expect(added.status).toBe(302);
    const cert = await t.db.selectFrom("certification").selectAll().where("businessId", "=", a.businessId).executeTakeFirstOrThrow();
    expect(cert).toMatchObject({ kind: "batikmark", validUntil: "2027-06-30" });
    const foreign = await callRoute(certificationsRoute.action, post("/exhibitor/certifications", { intent: "delete-certification", certificationId: cert.id }, b.cookie));
    expect(foreign.status).toBe(404);
    expect(await t.db.selectFrom("certification").select("id").where("id", "=", cert.id).execute()).toHaveLength(1);
  });
});

describe("applications", () => {
  it("reuses the profile across two events: the second application is prefilled and needs nothing retyped", async () => {
    const exhibitor = await makeExhibitor(t.db, "Reuse Profil");
    const first = await makeEventWithCall(t.db, org.id);
    const second = await makeEventWithCall(t.db, org.id, {}, "Temu Bisnis Tenun");

    const saved = await applyAs(exhibitor, first.slug, {
      intent: "submit", preferredSizeM2: "9", preferredZone: "Zona batik", motivation: "Mencari pembeli hotel di Jakarta.", historyYears: "2",
    });
    expect(saved.status).toBe(302);

    const page = await callRoute(applyRoute.loader, get(applyPath(second.slug), exhibitor.cookie), { eventSlug: second.slug });
    expect(page.status).toBe(200);
    const body = page.body as Awaited<ReturnType<typeof applyRoute.loader>>;
    expect(body.business).toMatchObject({ name: "Batik Sekar Jagad", sector: "batik_tulis", city: "Kota Surakarta", whatsapp: "+6281234567890" });
    expect(body.fromEarlier).toBe(true);
    expect(body.prefill).toEqual({ preferredSizeM2: null, preferredZone: "Zona batik", motivation: "Mencari pembeli hotel di Jakarta.", historyYears: 2 });

    // The browser posts the prefilled form back with only the booth size chosen.
    const again = await applyAs(exhibitor, second.slug, {
      intent: "submit", preferredSizeM2: "4", preferredZone: body.prefill.preferredZone, motivation: body.prefill.motivation,
      historyYears: String(body.prefill.historyYears),
    });
    expect(again.status).toBe(302);
    const apps = await t.db.selectFrom("application").select(["eventId", "businessId", "status", "motivation"])
      .where("businessId", "=", exhibitor.businessId).orderBy("preferredSizeM2").execute();
    expect(apps).toEqual([
      { eventId: second.id, businessId: exhibitor.businessId, status: "submitted", motivation: "Mencari pembeli hotel di Jakarta." },
      { eventId: first.id, businessId: exhibitor.businessId, status: "submitted", motivation: "Mencari pembeli hotel di Jakarta." },
    ]);
    expect(await t.db.selectFrom("business").select("id").where("ownerUserId", "=", exhibitor.id).execute()).toHaveLength(1);
  });

  it("goes draft → submitted → withdrawn, with a receipt email at the SMTP sink and the status on 'Pendaftaran saya'", async () => {
    const businessEmail = `alur.${Date.now()}@batik.test`;
    const exhibitor = await makeExhibitor(t.db, "Alur Lengkap", { email: businessEmail });
    const event = await makeEventWithCall(t.db, org.id);

    const draft = await applyAs(exhibitor, event.slug, { intent: "save", preferredSizeM2: "9", motivation: "Draf dulu." });
    expect(draft.status).toBe(302);
    expect(draft.response!.headers.get("location")).toBe(applyPath(event.slug));
    const app = await t.db.selectFrom("application").selectAll().where("businessId", "=", exhibitor.businessId).executeTakeFirstOrThrow();
    expect(app).toMatchObject({ status: "draft", submittedAt: null, motivation: "Draf dulu." });
    // Coming back shows the draft as it was.
    const back = await callRoute(applyRoute.loader, get(applyPath(event.slug), exhibitor.cookie), { eventSlug: event.slug });
    expect((back.body as { prefill: { motivation: string; preferredSizeM2: number } }).prefill).toMatchObject({ motivation: "Draf dulu.", preferredSizeM2: 9 });
    // Drafts are the exhibitor's own: the organizer's list does not show them.
    const orgList = await callRoute(orgApplications.loader, get(`/o/${org.slug}/events/${event.id}/exhibitors`, staff.owner.cookie), { orgSlug: org.slug, eventId: event.id });
    expect((orgList.body as { total: number }).total).toBe(0);

    const submitted = await applyAs(exhibitor, event.slug, { intent: "submit", preferredSizeM2: "9", motivation: "Siap ikut." });
    expect(submitted.status).toBe(302);
    expect(submitted.response!.headers.get("location")).toBe(`/exhibitor/applications/${app.id}`);
    const after = await t.db.selectFrom("application").select(["status", "submittedAt"]).where("id", "=", app.id).executeTakeFirstOrThrow();
    expect(after.status).toBe("submitted");
    expect(after.submittedAt).toBeInstanceOf(Date);

    await drainOutbox(t.db, new Date(Date.now() + 5_000));
    const [mail, ...more] = smtp.to(businessEmail);
    expect(more).toEqual([]);
    expect(mail?.subject).toMatch(/^Pendaftaran diterima: Pameran Batik Nusantara/);
    expect(mail?.text).toContain("Batik Sekar Jagad");
    expect(mail?.text).toContain(`/exhibitor/applications/${app.id}`);

    const home = await callRoute(exhibitorHome.loader, get("/exhibitor", exhibitor.cookie));
    expect((home.body as { applications: Array<{ id: string; status: string }> }).applications).toEqual([expect.objectContaining({ id: app.id, status: "submitted" })]);

    // Submitted is final for the form: saving again is refused.
    const edit = await applyAs(exhibitor, event.slug, { intent: "save", preferredSizeM2: "4" });
    expect(edit.status).toBe(409);

    const withdrawn = await callRoute(applicationRoute.action, post(`/exhibitor/applications/${app.id}`, { intent: "withdraw" }, exhibitor.cookie), { applicationId: app.id });
    expect(await readToast(withdrawn.response)).toMatchObject({ type: "success", key: "exhibitors.application.withdrawn" });
    expect((await t.db.selectFrom("application").select("status").where("id", "=", app.id).executeTakeFirstOrThrow()).status).toBe("withdrawn");
  });

  it("cannot be withdrawn once decided, and shows the organizer's decision message", async () => {
    const exhibitor = await makeExhibitor(t.db, "Sudah Diputuskan");
    const event = await makeEventWithCall(t.db, org.id);
    await applyAs(exhibitor, event.slug, { intent: "submit", preferredSizeM2: "4" });
    const app = await t.db.selectFrom("application").select("id").where("businessId", "=", exhibitor.businessId).executeTakeFirstOrThrow();
    await t.db.updateTable("application").set({ status: "accepted", decidedAt: new Date(), decisionMessage: "Selamat, stan Anda di Hall A." })
      .where("id", "=", app.id).execute();
    const res = await callRoute(applicationRoute.action, post(`/exhibitor/applications/${app.id}`, { intent: "withdraw" }, exhibitor.cookie), { applicationId: app.id });
    expect(await readToast(res.response)).toMatchObject({ type: "error", key: "exhibitors.application.not_withdrawable" });
    const page = await callRoute(applicationRoute.loader, get(`/exhibitor/applications/${app.id}`, exhibitor.cookie), { applicationId: app.id });
    expect((page.body as { application: { status: string; decisionMessage: string } }).application)
      .toMatchObject({ status: "accepted", decisionMessage: "Selamat, stan Anda di Hall A." });
    expect(await listAcceptedApplications(t.db, event.id)).toEqual([{
      id: app.id, businessId: exhibitor.businessId, businessName: "Batik Sekar Jagad", brandName: "Sekar", sector: "batik_tulis",
      city: "Kota Surakarta", province: "Jawa Tengah", umkmClass: "kecil", preferredSizeM2: 4, preferredZone: "", historyYears: 0,
    }]);
  });

  it.each<[string, CallOptions, string]>([
    ["the call has closed", { closesAt: new Date(Date.now() - 3_600_000), opensAt: new Date(Date.now() - 86_400_000) }, "exhibitors.apply.refused.call_closed"],
    ["the call has not opened", { opensAt: new Date(Date.now() + 86_400_000), closesAt: new Date(Date.now() + 2 * 86_400_000) }, "exhibitors.apply.refused.call_not_open"],
    ["the sector is not accepted", { sectors: ["kuliner", "kriya"] }, "exhibitors.apply.refused.sector_not_accepted"],
  ])("refuses to submit when %s, and changes nothing", async (_name, options, message) => {
    const exhibitor = await makeExhibitor(t.db, "Ditolak Kirim");
    const event = await makeEventWithCall(t.db, org.id, options);
    const res = await applyAs(exhibitor, event.slug, { intent: "submit", preferredSizeM2: "9" });
    expect(res.status).toBe(409);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual([message]);
    expect(await t.db.selectFrom("application").select("id").where("businessId", "=", exhibitor.businessId).execute()).toEqual([]);
    expect(await t.db.selectFrom("outbox").select("id").where(sql<boolean>`payload->>'to' = ${exhibitor.email}`).execute()).toEqual([]);
  });

  it("refuses a booth size that is not offered, on the size field, for a draft and for a draft whose size was removed", async () => {
    const exhibitor = await makeExhibitor(t.db, "Ukuran Salah");
    const event = await makeEventWithCall(t.db, org.id);
    const bad = await applyAs(exhibitor, event.slug, { intent: "submit", preferredSizeM2: "6" });
    expect(bad.status).toBe(409);
    expect(fieldErrors(bad.body).preferredSizeM2).toEqual(["exhibitors.apply.refused.size_not_offered"]);
    const missing = await applyAs(exhibitor, event.slug, { intent: "submit" });
    expect(fieldErrors(missing.body).preferredSizeM2).toEqual(["exhibitors.apply.refused.size_required"]);

    await applyAs(exhibitor, event.slug, { intent: "save", preferredSizeM2: "9" });
    await t.db.deleteFrom("boothSize").where("eventId", "=", event.id).where("sizeM2", "=", 9).execute();
    const stale = await applyAs(exhibitor, event.slug, { intent: "submit", preferredSizeM2: "9" });
    expect(fieldErrors(stale.body).preferredSizeM2).toEqual(["exhibitors.apply.refused.size_not_offered"]);
    expect((await t.db.selectFrom("application").select("status").where("businessId", "=", exhibitor.businessId).executeTakeFirstOrThrow()).status).toBe("draft");
  });

  it("lets two simultaneous first saves end in one application", async () => {
    const exhibitor = await makeExhibitor(t.db, "Dua Tab");
    const event = await makeEventWithCall(t.db, org.id);
    const found = await t.db.selectFrom("event as e").innerJoin("organization as o", "o.id", "e.organizationId")
      .select(["e.id", "e.slug", "e.name", "e.organizationId", "o.name as organizerName"]).where("e.id", "=", event.id).executeTakeFirstOrThrow();
    const args = {
      business: { id: exhibitor.businessId, name: "Batik Sekar Jagad", sector: "batik_tulis" as const, email: exhibitor.email },
      event: found, locale: "id" as const, appUrl: "http://app.test",
      input: { intent: "save" as const, preferredSizeM2: 4, preferredZone: "", motivation: "", historyYears: 0 },
    };
    const results = await Promise.all([saveApplication(t.db, args, new Date()), saveApplication(t.db, args, new Date())]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await t.db.selectFrom("application").select("id").where("businessId", "=", exhibitor.businessId).execute()).toHaveLength(1);
  });

  it("sends a signed-in account without a profile to create one first, and back to the application after", async () => {
    const user = await makeAccount(t.db, "Belum Profil");
    const event = await makeEventWithCall(t.db, org.id);
    const res = await callRoute(applyRoute.loader, get(applyPath(event.slug), user.cookie), { eventSlug: event.slug });
    expect(res.status).toBe(302);
    const location = res.response!.headers.get("location")!;
    expect(location).toBe(`/exhibitor/profile?redirectTo=${encodeURIComponent(applyPath(event.slug))}`);
    const created = await callRoute(profileRoute.action, post("/exhibitor/profile", businessForm({ redirectTo: applyPath(event.slug) }), user.cookie));
    expect(created.response!.headers.get("location")).toBe(applyPath(event.slug));
  });

  it("does not exist for a draft event, and the public call page shows sizes with 'free' for 0", async () => {
    const exhibitor = await makeExhibitor(t.db, "Acara Draf");
    const hidden = await makeEventWithCall(t.db, org.id, { published: false });
    expect((await callRoute(applyRoute.loader, get(applyPath(hidden.slug), exhibitor.cookie), { eventSlug: hidden.slug })).status).toBe(404);
    expect((await callRoute(callPage.loader, get(`/e/${hidden.slug}/exhibit`), { slug: hidden.slug })).status).toBe(404);
    await setEventPublished(t.db, hidden.id, true, new Date());
    const page = await callRoute(callPage.loader, get(`/e/${hidden.slug}/exhibit`), { slug: hidden.slug });
    const body = page.body as Awaited<ReturnType<typeof callPage.loader>>;
    expect(body.call?.phase).toBe("open");
    expect(body.call?.closes).toMatch(/WIB$/);
    expect(body.sizes).toEqual([{ sizeM2: 4, fee: null, staffLimit: 2 }, { sizeM2: 9, fee: "Rp\u00a01.500.000", staffLimit: 2 }]);
    expect(body.applyHref).toBe(`/signup?redirectTo=${encodeURIComponent(applyPath(hidden.slug))}`);
  });
});

describe("access", () => {
  it("answers 404 for another exhibitor's application, for reading and for withdrawing", async () => {
    const owner = await makeExhibitor(t.db, "Pemilik Asli");
    const other = await makeExhibitor(t.db, "Orang Lain");
    const event = await makeEventWithCall(t.db, org.id);
    await applyAs(owner, event.slug, { intent: "submit", preferredSizeM2: "4" });
    const app = await t.db.selectFrom("application").select("id").where("businessId", "=", owner.businessId).executeTakeFirstOrThrow();
    const path = `/exhibitor/applications/${app.id}`;
    expect((await callRoute(applicationRoute.loader, get(path, other.cookie), { applicationId: app.id })).status).toBe(404);
    expect((await callRoute(applicationRoute.action, post(path, { intent: "withdraw" }, other.cookie), { applicationId: app.id })).status).toBe(404);
    expect((await callRoute(applicationRoute.loader, get(path, staff.owner.cookie), { applicationId: app.id })).status).toBe(404);
    expect((await callRoute(applicationRoute.loader, get("/exhibitor/applications/bukan-uuid", owner.cookie), { applicationId: "bukan-uuid" })).status).toBe(404);
    expect((await callRoute(applicationRoute.loader, get(path), { applicationId: app.id })).status).toBe(302);
    expect((await t.db.selectFrom("application").select("status").where("id", "=", app.id).executeTakeFirstOrThrow()).status).toBe("submitted");
  });

  it("answers 404 to an organizer of another organization, on the list and on the call settings", async () => {
    const { org: otherOrg, staff: otherStaff } = await makeOrgWithStaff(t.db, "Dinas Koperasi Kediri");
    const event = await makeEventWithCall(t.db, org.id);
    const params = { orgSlug: otherOrg.slug, eventId: event.id };
    expect((await callRoute(orgApplications.loader, get(`/o/${otherOrg.slug}/events/${event.id}/exhibitors`, otherStaff.owner.cookie), params)).status).toBe(404);
    expect((await callRoute(orgCall.loader, get(`/o/${otherOrg.slug}/events/${event.id}/exhibitors/call`, otherStaff.owner.cookie), params)).status).toBe(404);
    const own = { orgSlug: org.slug, eventId: event.id };
    expect((await callRoute(orgCall.action, post(`/o/${org.slug}/events/${event.id}/exhibitors/call`, { intent: "add-size", sizeM2: "16", fee: "0", staffLimit: "3" }, otherStaff.owner.cookie), own)).status).toBe(404);
    // Curators and gate staff may look but not change the call.
    expect((await callRoute(orgCall.action, post(`/o/${org.slug}/events/${event.id}/exhibitors/call`, { intent: "add-size", sizeM2: "16", fee: "0", staffLimit: "3" }, staff.curator.cookie), own)).status).toBe(403);
    expect((await callRoute(orgApplications.loader, get(`/o/${org.slug}/events/${event.id}/exhibitors`, staff.curator.cookie), own)).status).toBe(200);
  });
});

describe("organizer: the call and the list", () => {
  it("opens the call in the event's zone with sectors, sizes with fees (0 = free) and weighted criteria", async () => {
    const event = await makeEventWithCall(t.db, org.id, { sizes: [] });
    const params = { orgSlug: org.slug, eventId: event.id };
    const path = `/o/${org.slug}/events/${event.id}/exhibitors/call`;
    const send = (fields: Record<string, string>, cookie = staff.admin.cookie) => {
      // Ticked checkboxes arrive as repeated fields: sectors=batik_tulis&sectors=tenun_ikat.
      const { sectors, ...rest } = fields;
      const body = new URLSearchParams(rest);
      for (const s of sectors?.split(",") ?? []) body.append("sectors", s);
      return callRoute(orgCall.action, new Request(`http://localhost:3000${path}`, {
        method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
      }), params);
    };
    const saved = await send({ intent: "save-call", opensDay: "2026-10-01", opensTime: "08.00", closesDay: "2026-10-31", closesTime: "17:00", sectors: "batik_tulis,tenun_ikat", intro: "Khusus perajin Solo Raya." });
    expect(saved.status).toBe(302);
    const call = await t.db.selectFrom("exhibitorCall").selectAll().where("eventId", "=", event.id).executeTakeFirstOrThrow();
    expect(call.opensAt.toISOString()).toBe("2026-10-01T01:00:00.000Z");
    expect(call.closesAt.toISOString()).toBe("2026-10-31T10:00:00.000Z");
    expect(call.sectors).toEqual(["batik_tulis", "tenun_ikat"]);

    const one = await send({ intent: "save-call", opensDay: "2026-10-01", opensTime: "08:00", closesDay: "2026-10-31", closesTime: "17:00", sectors: "songket" });
    expect(one.status).toBe(302);
    expect((await t.db.selectFrom("exhibitorCall").select("sectors").where("eventId", "=", event.id).executeTakeFirstOrThrow()).sectors).toEqual(["songket"]);

    const backwards = await send({ intent: "save-call", opensDay: "2026-10-31", opensTime: "08:00", closesDay: "2026-10-01", closesTime: "17:00" });
    expect(fieldErrors(backwards.body).closesDay).toEqual(["exhibitors.validation.closes_before_opens"]);

    expect((await send({ intent: "add-size", sizeM2: "9", fee: "Rp 1.500.000", staffLimit: "2" })).status).toBe(302);
    expect((await send({ intent: "add-size", sizeM2: "4", fee: "0", staffLimit: "1" })).status).toBe(302);
    const dup = await send({ intent: "add-size", sizeM2: "9", fee: "0", staffLimit: "2" });
    expect(fieldErrors(dup.body).sizeM2).toEqual(["exhibitors.organizer.size_exists"]);
    const badFee = await send({ intent: "add-size", sizeM2: "16", fee: "1.500,50", staffLimit: "2" });
    expect(fieldErrors(badFee.body).fee).toEqual(["exhibitors.validation.rupiah_fraction"]);
    for (const [name, weight] of [["Kualitas produk", 30], ["Orisinalitas motif", 25], ["Kemasan", 15], ["Kapasitas", 15], ["Branding", 15]] as const) {
      expect((await send({ intent: "add-criterion", name, weight: String(weight) })).status).toBe(302);
    }
    const page = await callRoute(orgCall.loader, get(path, staff.admin.cookie), params);
    const body = page.body as Awaited<ReturnType<typeof orgCall.loader>>;
    expect(body.call).toMatchObject({ opensDay: "2026-10-01", opensTime: "08:00", closesTime: "17:00" });
    expect(body.sizes.map((s) => [s.sizeM2, s.fee])).toEqual([[4, null], [9, "Rp\u00a01.500.000"]]);
    expect(body.totalWeight).toBe(100);
  });

  it("lists submitted applications with status, sector and region, searchable and paginated", async () => {
    const event = await makeEventWithCall(t.db, org.id);
    const kediri = await makeExhibitor(t.db, "Tenun Kediri", { name: "Tenun Ikat Bandar", sector: "tenun_ikat", city: "Kota Kediri", province: "Jawa Timur" });
    const solo = await makeExhibitor(t.db, "Batik Solo");
    await applyAs(kediri, event.slug, { intent: "submit", preferredSizeM2: "9" });
    await applyAs(solo, event.slug, { intent: "submit", preferredSizeM2: "4" });
    const path = `/o/${org.slug}/events/${event.id}/exhibitors`;
    const params = { orgSlug: org.slug, eventId: event.id };
    const all = await callRoute(orgApplications.loader, get(path, staff.owner.cookie), params);
    const body = all.body as Awaited<ReturnType<typeof orgApplications.loader>>;
    expect(body.total).toBe(2);
    expect(body.counts.submitted).toBe(2);
    expect(body.curationBase).toBe(`/o/${org.slug}/events/${event.id}/curation`);
    const search = await callRoute(orgApplications.loader, get(`${path}?q=kediri`, staff.owner.cookie), params);
    expect((search.body as typeof body).rows.map((r) => [r.businessName, r.sector, r.city, r.province, r.status]))
      .toEqual([["Tenun Ikat Bandar", "tenun_ikat", "Kota Kediri", "Jawa Timur", "submitted"]]);
    const bySector = await callRoute(orgApplications.loader, get(`${path}?sector=batik_tulis&status=submitted`, staff.owner.cookie), params);
    expect((bySector.body as typeof body).rows.map((r) => r.businessName)).toEqual(["Batik Sekar Jagad"]);
    const junk = await callRoute(orgApplications.loader, get(`${path}?page=1e308&status=hacked&q=%25%27`, staff.owner.cookie), params);
    expect(junk.status).toBe(200);
  });
});

describe("the event's zone decides the call window", () => {
  it("closes at 17.00 WIT for an event in Jayapura", async () => {
    const exhibitor = await makeExhibitor(t.db, "Papua");
    const event = await makeEventWithCall(t.db, org.id);
    await t.db.updateTable("event").set({ timeZone: "Asia/Jayapura" }).where("id", "=", event.id).execute();
    await setCall(t.db, { id: event.id, timeZone: "Asia/Jayapura" }, { closesAt: new Date(Date.now() + 3_600_000) });
    const page = await callRoute(applyRoute.loader, get(applyPath(event.slug), exhibitor.cookie), { eventSlug: event.slug });
    expect((page.body as { call: { closes: string } }).call.closes).toMatch(/WIT$/);
  });
});
