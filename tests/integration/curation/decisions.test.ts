import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import * as detail from "~/routes/o.$orgSlug.events.$eventId.curation.$applicationId";
import * as queue from "~/routes/o.$orgSlug.events.$eventId.curation._index";
import { drainOutbox } from "~/utils/outbox.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, post } from "../../helpers/http";
import { makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { startSmtpSink } from "../../helpers/smtp";
import { makeApplicant, makeCriteria } from "../../helpers/curation-factories";

const t = useTestDatabase();
let org: { id: string; slug: string; name: string };
let staff: Staff;
let event: { id: string };
const EVENT_NAME = "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta";
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

const path = (applicationId: string) => `/o/${org.slug}/events/${event.id}/curation/${applicationId}`;
const params = (applicationId: string) => ({ orgSlug: org.slug, eventId: event.id, applicationId });
const decide = (applicationId: string, fields: Record<string, string>, who: keyof Staff = "admin") =>
  callRoute(detail.action, post(path(applicationId), { intent: "decide", from: "submitted", message: "", ...fields }, staff[who].cookie), params(applicationId));
const application = (id: string) => t.db.selectFrom("application").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const jobsTo = (email: string) => t.db.selectFrom("outbox").selectAll().where(sql<boolean>`payload->>'to' = ${email}`).execute();
const decisionsOf = (id: string) => t.db.selectFrom("auditLog").select(["actorUserId", "data", "eventId", "organizationId"])
  .where("action", "=", "curation.decided").where("entityId", "=", id).execute();
const formErrors = (body: unknown) => (body as { result?: { error?: Record<string, string[]> } }).result?.error?.[""] ?? [];

/** Sends every queued email to the SMTP sink and returns what arrived for `to`. */
async function deliver(to: string) {
  process.env.SMTP_URL = smtp.url;
  await drainOutbox(t.db);
  return smtp.to(to);
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  const made = await makeOrgWithStaff(t.db, "Kadin Kota Surakarta");
  org = { ...made.org, name: "Kadin Kota Surakarta" };
  staff = made.staff;
  event = await makeEvent(t.db, org.id, { name: EVENT_NAME, slug: "temu-bisnis-kurasi" });
  await makeCriteria(t.db, event.id);
});
afterEach(() => {
  delete process.env.SMTP_URL;
});
afterAll(async () => {
  await smtp.close();
});

describe("deciding one application", () => {
  it("accepts: status, decider and message recorded, one email queued, audited as curation.decided", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { name: "Batik Tulis Sekar Jagad", email: "sekar@batik.test" });
    const res = await decide(applicationId, { decision: "accept", message: "Selamat! Siapkan 20 lembar kain." });
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("location")).toBe(path(applicationId));
    expect(await readToast(res.response)).toEqual({ type: "success", key: "curation.decision.decided_accepted", params: { email: "sekar@batik.test" } });
    const row = await application(applicationId);
    expect(row).toMatchObject({ status: "accepted", decidedBy: staff.admin.id, decisionMessage: "Selamat! Siapkan 20 lembar kain." });
    expect(row.decidedAt).toBeInstanceOf(Date);
    expect(await jobsTo("sekar@batik.test")).toHaveLength(1);
    expect(await decisionsOf(applicationId)).toEqual([{
      actorUserId: staff.admin.id, eventId: event.id, organizationId: org.id,
      data: { from: "submitted", to: "accepted", message: "Selamat! Siapkan 20 lembar kain." },
    }]);
  });

  it("waitlists, then accepts from the waitlist (two decisions, two emails)", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { email: "tunggu@batik.test" });
    expect((await decide(applicationId, { decision: "waitlist" })).status).toBe(302);
    expect((await application(applicationId)).status).toBe("waitlisted");
    expect((await decide(applicationId, { decision: "accept", from: "waitlisted" }, "owner")).status).toBe(302);
    expect((await application(applicationId)).status).toBe("accepted");
    expect(await jobsTo("tunggu@batik.test")).toHaveLength(2);
    expect((await decisionsOf(applicationId)).map((d) => (d.data as { to: string }).to).sort()).toEqual(["accepted", "waitlisted"]);
  });

  it("refuses a decision made on a stale page (someone decided meanwhile): 409, nothing changes", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { email: "basi@batik.test" });
    await decide(applicationId, { decision: "waitlist" }, "owner");
    const before = await application(applicationId);
    // The admin's page still showed "submitted".
    const res = await decide(applicationId, { decision: "reject", from: "submitted" });
    expect(res.status).toBe(409);
    expect(formErrors(res.body)).toEqual(["curation.errors.already_decided"]);
    expect(await application(applicationId)).toEqual(before);
    expect(await jobsTo("basi@batik.test")).toHaveLength(1);
  });

  it("refuses to decide an application that is already accepted or rejected (final)", async () => {
    for (const status of ["accepted", "rejected", "withdrawn"] as const) {
      const { applicationId } = await makeApplicant(t.db, event.id, {}, { status });
      const before = await application(applicationId);
      for (const from of ["submitted", "waitlisted"]) {
        const res = await decide(applicationId, { decision: from === "waitlisted" ? "accept" : "waitlist", from });
        expect(res.status, `${status} from ${from}`).toBe(409);
      }
      expect(await application(applicationId)).toEqual(before);
    }
  });

  it("answers 400 with a field error for a missing decision, and changes nothing", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { email: "kosong@batik.test" });
    const res = await decide(applicationId, { decision: "" });
    expect(res.status).toBe(400);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error).toEqual({ decision: ["curation.errors.choose_decision"] });
    expect((await application(applicationId)).status).toBe("submitted");
    expect(await jobsTo("kosong@batik.test")).toHaveLength(0);
  });

  it("a curator's decide request is 403 and changes nothing", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { email: "kurator@batik.test" });
    const res = await decide(applicationId, { decision: "accept" }, "curator");
    expect(res.status).toBe(403);
    expect((await application(applicationId)).status).toBe("submitted");
    expect(await jobsTo("kurator@batik.test")).toHaveLength(0);
    expect(await decisionsOf(applicationId)).toEqual([]);
  });
});

describe("the decision race", () => {
  it("20 concurrent accept/reject requests by two admins: exactly one decision, one email, one audit entry", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { name: "Tenun Ikat Bandar", email: "rebutan@tenun.test" });
    const requests = Array.from({ length: 20 }, (_, i) =>
      decide(applicationId, { decision: i % 2 === 0 ? "accept" : "reject", message: `Keputusan ${i}` }, i % 3 === 0 ? "owner" : "admin"));
    const results = await Promise.all(requests);
    const winners = results.filter((r) => r.status === 302);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const l of losers) expect(formErrors(l.body)).toEqual(["curation.errors.already_decided"]);
    const row = await application(applicationId);
    const decisions = await decisionsOf(applicationId);
    expect(decisions).toHaveLength(1);
    expect((decisions[0]!.data as { to: string }).to).toBe(row.status);
    expect((decisions[0]!.data as { message: string }).message).toBe(row.decisionMessage);
    expect(await jobsTo("rebutan@tenun.test")).toHaveLength(1);
    const mail = await deliver("rebutan@tenun.test");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(row.decisionMessage);
  });

  it("a bulk decision racing single decisions still decides each application once", async () => {
    const apps = await Promise.all([1, 2, 3, 4].map((i) => makeApplicant(t.db, event.id, { email: `massal${i}@batik.test` })));
    const ids = apps.map((a) => a.applicationId);
    const bulkFields = new URLSearchParams({ intent: "bulk-decide", decision: "reject", message: "" });
    for (const id of ids) bulkFields.append("applicationIds", id);
    const bulk = new Request(`http://localhost:3000/o/${org.slug}/events/${event.id}/curation`, {
      method: "POST", body: bulkFields, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: staff.owner.cookie },
    });
    await Promise.all([
      callRoute(queue.action, bulk, { orgSlug: org.slug, eventId: event.id }),
      ...ids.map((id) => decide(id, { decision: "accept" })),
    ]);
    for (const [i, id] of ids.entries()) {
      const status = (await application(id)).status;
      expect(["accepted", "rejected"]).toContain(status);
      expect(await decisionsOf(id)).toHaveLength(1);
      expect(await jobsTo(`massal${i + 1}@batik.test`)).toHaveLength(1);
    }
  });
});

describe("bulk decisions", () => {
  const bulk = (fields: URLSearchParams) => callRoute(queue.action, new Request(`http://localhost:3000/o/${org.slug}/events/${event.id}/curation`, {
    method: "POST", body: fields, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: staff.admin.cookie },
  }), { orgSlug: org.slug, eventId: event.id });

  it("decides the selected open applications and skips the decided ones, with per-item counts", async () => {
    const open1 = (await makeApplicant(t.db, event.id, { email: "pilih1@batik.test" })).applicationId;
    const open2 = (await makeApplicant(t.db, event.id, { email: "pilih2@batik.test" }, { status: "waitlisted" })).applicationId;
    const done = (await makeApplicant(t.db, event.id, { email: "pilih3@batik.test" }, { status: "rejected" })).applicationId;
    const fields = new URLSearchParams({ intent: "bulk-decide", decision: "accept", message: "Sampai jumpa di pameran.", back: "?status=all&sort=score" });
    for (const id of [open1, open2, done]) fields.append("applicationIds", id);
    const res = await bulk(fields);
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("location")).toBe(`/o/${org.slug}/events/${event.id}/curation?status=all&sort=score`);
    expect(await readToast(res.response)).toEqual({ type: "success", key: "curation.bulk.done_skipped", params: { count: 2, skipped: 1 } });
    expect([(await application(open1)).status, (await application(open2)).status, (await application(done)).status]).toEqual(["accepted", "accepted", "rejected"]);
    expect(await jobsTo("pilih1@batik.test")).toHaveLength(1);
    expect(await jobsTo("pilih3@batik.test")).toHaveLength(0);
  });

  it.each([
    ["nothing selected", { intent: "bulk-decide", decision: "accept" }, "curation.errors.select_some"],
    ["no decision", { intent: "bulk-decide", applicationIds: "7d1c3f5e-1b2a-4c3d-8e9f-0a1b2c3d4e5f" }, "curation.errors.choose_decision"],
    ["a huge array index", { intent: "bulk-decide", decision: "accept", "applicationIds[50000000]": "x" }, "validation.invalid"],
  ])("refuses %s with an error message and no change", async (_what, fields, key) => {
    const before = await t.db.selectFrom("application").select(["id", "status"]).orderBy("id").execute();
    const res = await bulk(new URLSearchParams(fields as Record<string, string>));
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toEqual({ type: "error", key });
    expect(await t.db.selectFrom("application").select(["id", "status"]).orderBy("id").execute()).toEqual(before);
  });

  it("never puts anything but a query string into the redirect", async () => {
    const res = await bulk(new URLSearchParams({ intent: "bulk-decide", decision: "accept", back: "//evil.example/x" }));
    expect(res.response?.headers.get("location")).toBe(`/o/${org.slug}/events/${event.id}/curation`);
  });
});

describe("the decision email", () => {
  it("speaks Indonesian to an Indonesian applicant, with the organizer's message", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, {
      name: "Batik Tulis Sekar Jagad", ownerName: "Siti Rahayu", email: "siti@sekarjagad.test", locale: "id",
    });
    await decide(applicationId, { decision: "accept", message: "Mohon siapkan 20 lembar kain.\nStan dibagikan minggu depan." });
    const [mail, ...rest] = await deliver("siti@sekarjagad.test");
    expect(rest).toEqual([]);
    expect(mail!.subject).toBe(`Pendaftaran Anda di ${EVENT_NAME} diterima`);
    expect(mail!.text).toContain("Halo Siti Rahayu,");
    expect(mail!.text).toContain(`Selamat! Batik Tulis Sekar Jagad diterima sebagai peserta pameran ${EVENT_NAME} setelah proses kurasi oleh Kadin Kota Surakarta.`);
    expect(mail!.text).toContain("Pesan dari Kadin Kota Surakarta:");
    expect(mail!.text).toContain("Mohon siapkan 20 lembar kain.");
    expect(mail!.text).toContain("Stan dibagikan minggu depan.");
    expect(mail!.html).toContain('lang="id"');
    const log = await t.db.selectFrom("emailLog").select(["template", "organizationId"]).where("toAddress", "=", "siti@sekarjagad.test").executeTakeFirstOrThrow();
    expect(log).toEqual({ template: "application-decision", organizationId: org.id });
  });

  it("speaks English to an applicant whose account is in English", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, {
      name: "Ikat Kediri Collective", ownerName: "Dewi Lestari", email: "dewi@ikat.test", locale: "en",
    });
    await decide(applicationId, { decision: "reject", message: "Please apply again with product photos." });
    const [mail] = await deliver("dewi@ikat.test");
    expect(mail!.subject).toBe(`The curation result of your application to ${EVENT_NAME}`);
    expect(mail!.text).toContain("Hello Dewi Lestari,");
    expect(mail!.text).toContain(`After curation, Kadin Kota Surakarta cannot accept Ikat Kediri Collective as an exhibitor at ${EVENT_NAME} this time.`);
    expect(mail!.text).toContain("A message from Kadin Kota Surakarta:");
    expect(mail!.text).toContain("Please apply again with product photos.");
    expect(mail!.html).toContain('lang="en"');
  });

  it.each([
    ["waitlist", "id", "masuk daftar tunggu", "Kami akan segera mengabari Anda"],
    ["waitlist", "en", "is on the waitlist", "We will let you know as soon as a place becomes free."],
    ["reject", "id", "Hasil kurasi pendaftaran Anda", "Kami berharap dapat bertemu di acara berikutnya."],
    ["accept", "en", "is accepted", "We will send your booth details"],
  ] as const)("%s in %s: subject says %j, and no message block when the organizer wrote none", async (decision, locale, subject, next) => {
    const email = `tanpa-pesan-${decision}-${locale}@batik.test`;
    const { applicationId } = await makeApplicant(t.db, event.id, { email, locale });
    await decide(applicationId, { decision, message: "" });
    const [mail] = await deliver(email);
    expect(mail!.subject).toContain(subject);
    expect(mail!.text).toContain(next);
    expect(mail!.text).not.toMatch(/Pesan dari|A message from/);
  });

  it("escapes what the organizer typed: HTML in the message is text, not markup", async () => {
    const { applicationId } = await makeApplicant(t.db, event.id, { email: "html@batik.test" });
    await decide(applicationId, { decision: "accept", message: '<script>alert("x")</script> <b>tebal</b>' });
    const [mail] = await deliver("html@batik.test");
    expect(mail!.html).not.toContain("<script>");
    expect(mail!.html).toContain("&lt;script&gt;");
  });
});
