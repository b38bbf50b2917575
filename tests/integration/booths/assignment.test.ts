import { beforeAll, describe, expect, it } from "vitest";
import { buildEmail } from "../../../emails";
import { assignBooth, releaseBooth, setBoothPreference } from "~/booths/assign.server";
import { markInvoicePaid } from "~/booths/invoices.server";
import * as boothPage from "~/routes/o.$orgSlug.events.$eventId.floor-plan.booths.$boothId";
import * as myBooth from "~/routes/exhibitor.applications.$applicationId.booth";
import * as invoices from "~/routes/o.$orgSlug.events.$eventId.invoices";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { fieldErrors, makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { boothEmails, makeBooths, makeCall, makeExhibitor, makeHall, OPEN_NOW, row } from "../../helpers/booth-factories";

const t = useTestDatabase();
const APP_URL = "http://localhost:3000";

type Ctx = {
  org: { id: string; slug: string }; staff: Staff; event: { id: string; slug: string }; hallId: string; booths: Record<string, string>;
  bandar: { applicationId: string; user: { cookie: string } };
};
const ctx = {} as Ctx;

beforeAll(async () => {
  const { org, staff } = await makeOrgWithStaff(t.db, "Kadin Solo");
  ctx.org = org;
  ctx.staff = staff;
  ctx.event = await makeEvent(t.db, org.id, { slug: "pameran-batik-nusantara" });
  await makeCall(t.db, ctx.event.id, { selection: OPEN_NOW(), sizes: [{ sizeM2: 9, feeIdr: 1_500_000, staffLimit: 3 }] });
  ctx.hallId = await makeHall(t.db, ctx.event.id, "Pendopo Ageng");
  ctx.booths = await makeBooths(t.db, ctx.event.id, ctx.hallId, [
    ...row("A", 6, 0, { priceIdr: 1_500_000, zone: "batik" }),
    ...row("B", 3, 4, { w: 3, h: 6, sizeM2: 18, priceIdr: 3_000_000 }),
    ...row("F", 4, 12, { priceIdr: 0 }),
  ]);
});

const pick = (applicationId: string, boothId: string, cookie: string) =>
  callRoute(myBooth.action, post(`/exhibitor/applications/${applicationId}/booth`, { intent: "pick", boothId }, cookie), { applicationId });

const liveAssignments = (where: { boothId?: string; applicationId?: string }) => {
  let q = t.db.selectFrom("boothAssignment").select(["id", "applicationId", "boothId", "feeIdr", "method"]).where("status", "in", ["held", "confirmed"]);
  if (where.boothId) q = q.where("boothId", "=", where.boothId);
  if (where.applicationId) q = q.where("applicationId", "=", where.applicationId);
  return q.execute();
};

describe("self-selection", () => {
  it("gives a booth picked by 20 exhibitors at once to exactly one; the other 19 are told it was just taken", async () => {
    const exhibitors = await Promise.all(Array.from({ length: 20 }, (_, i) => makeExhibitor(t.db, ctx.event.id, { name: `Batik Rebutan ${i + 1}` })));
    const boothId = ctx.booths["A-01"]!;
    const results = await Promise.all(exhibitors.map((e) => pick(e.applicationId, boothId, e.user.cookie)));
    const won = results.filter((r) => r.status === 302);
    const lost = results.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect((r.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["booths.booth_taken|A-01"]);
    const live = await liveAssignments({ boothId });
    expect(live).toHaveLength(1);
    expect(live[0]!.method).toBe("self");
    expect(await t.db.selectFrom("invoice").select("id").where("boothAssignmentId", "=", live[0]!.id).execute()).toHaveLength(1);
    const winner = exhibitors.find((e) => e.applicationId === live[0]!.applicationId)!;
    expect((await boothEmails(t.db)).filter((m) => m.to === winner.user.email)).toHaveLength(1);
    expect(await readToast(won[0]!.response)).toMatchObject({ type: "success", key: "booths.picked_toast", params: { code: "A-01" } });
  });

  it("lets one exhibitor picking two booths at once get exactly one of them (already_assigned for the other)", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Serakah" });
    const results = await Promise.all([
      assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["A-02"]!, method: "self", by: e.user.id, now: new Date(), appUrl: APP_URL }),
      assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["A-03"]!, method: "self", by: e.user.id, now: new Date(), appUrl: APP_URL }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["already_assigned"]);
    expect(await liveAssignments({ applicationId: e.applicationId })).toHaveLength(1);
  });

  it("refuses a pick outside the selection window (before it opens, after it closes, or with none set)", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Telat" });
    const args = { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["A-04"]!, method: "self" as const, by: e.user.id, appUrl: APP_URL };
    const window = await t.db.selectFrom("exhibitorCall").select(["selectionOpensAt", "selectionClosesAt"]).where("eventId", "=", ctx.event.id).executeTakeFirstOrThrow();
    const before = await assignBooth(t.db, { ...args, now: new Date(window.selectionOpensAt!.getTime() - 1) });
    const atClose = await assignBooth(t.db, { ...args, now: window.selectionClosesAt! });
    expect(before).toMatchObject({ ok: false, reason: "selection_closed" });
    expect(atClose).toMatchObject({ ok: false, reason: "selection_closed" });
    const other = await makeEvent(t.db, ctx.org.id, { slug: "tanpa-jadwal" });
    await makeCall(t.db, other.id);
    const hall = await makeHall(t.db, other.id);
    const b = await makeBooths(t.db, other.id, hall, row("Z", 1));
    const e2 = await makeExhibitor(t.db, other.id);
    expect(await assignBooth(t.db, { ...args, eventId: other.id, applicationId: e2.applicationId, boothId: b["Z-01"]!, now: new Date() }))
      .toMatchObject({ ok: false, reason: "selection_closed" });
    // Through the route: 409 with the reason, nothing written.
    const res = await pick(e2.applicationId, b["Z-01"]!, e2.user.cookie);
    expect(res.status).toBe(409);
    expect(await liveAssignments({ applicationId: e2.applicationId })).toHaveLength(0);
  });

  it("refuses a booth of another size than the exhibitor applied for (wrong_size)", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Kecil", sizeM2: 9 });
    const res = await pick(e.applicationId, ctx.booths["B-01"]!, e.user.cookie);
    expect(res.status).toBe(409);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error[""]![0]).toMatch(/^booths\.wrong_size\|/);
  });

  it("shows the booth page only to an accepted exhibitor: others get 404, and the server says not_accepted", async () => {
    for (const status of ["submitted", "waitlisted", "rejected", "withdrawn", "draft"] as const) {
      const e = await makeExhibitor(t.db, ctx.event.id, { status });
      const page = await callRoute(myBooth.loader, get(`/exhibitor/applications/${e.applicationId}/booth`, e.user.cookie), { applicationId: e.applicationId });
      expect(page.status, status).toBe(404);
      expect((await pick(e.applicationId, ctx.booths["A-05"]!, e.user.cookie)).status, status).toBe(404);
      const res = await assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["A-05"]!, method: "manual", by: ctx.staff.owner.id, now: new Date(), appUrl: APP_URL });
      expect(res).toMatchObject({ ok: false, reason: "not_accepted" });
    }
    expect(await liveAssignments({ boothId: ctx.booths["A-05"]! })).toHaveLength(0);
  });

  it("answers 404 for another exhibitor's application and for a malformed id", async () => {
    const mine = await makeExhibitor(t.db, ctx.event.id);
    const theirs = await makeExhibitor(t.db, ctx.event.id);
    expect((await callRoute(myBooth.loader, get(`/exhibitor/applications/${theirs.applicationId}/booth`, mine.user.cookie), { applicationId: theirs.applicationId })).status).toBe(404);
    expect((await pick(theirs.applicationId, ctx.booths["A-06"]!, mine.user.cookie)).status).toBe(404);
    expect((await callRoute(myBooth.loader, get("/exhibitor/applications/not-a-uuid/booth", mine.user.cookie), { applicationId: "not-a-uuid" })).status).toBe(404);
    const bad = await pick(mine.applicationId, "not-a-uuid", mine.user.cookie);
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.body).boothId).toEqual(["validation.invalid"]);
    expect(await liveAssignments({ boothId: ctx.booths["A-06"]! })).toHaveLength(0);
  });
});

describe("favourite booths", () => {
  it("keeps at most three per exhibitor, even when marked at once, and only of the exhibitor's size", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Pemilih" });
    const extra = await makeBooths(t.db, ctx.event.id, ctx.hallId, row("V", 5, 40));
    const results = await Promise.all(Object.values(extra).map((boothId) => setBoothPreference(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId, on: true })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(["too_many_preferences", "too_many_preferences"]);
    const ranks = await t.db.selectFrom("boothPreference").select("rank").where("applicationId", "=", e.applicationId).orderBy("rank").execute();
    expect(ranks.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(await setBoothPreference(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["B-01"]!, on: true })).toMatchObject({ ok: false, reason: "wrong_size" });
  });

  it("marks and unmarks through the booth page", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Suka" });
    const url = `/exhibitor/applications/${e.applicationId}/booth`;
    const mark = await callRoute(myBooth.action, post(url, { intent: "prefer", boothId: ctx.booths["F-04"]! }, e.user.cookie), { applicationId: e.applicationId });
    expect(await readToast(mark.response)).toMatchObject({ type: "success", key: "booths.preferred_toast" });
    const page = await callRoute(myBooth.loader, get(`${url}?booth=F-04`, e.user.cookie), { applicationId: e.applicationId });
    expect(page.body).toMatchObject({ preferences: [{ code: "F-04", rank: 1 }], selected: { code: "F-04" } });
    await callRoute(myBooth.action, post(url, { intent: "unprefer", boothId: ctx.booths["F-04"]! }, e.user.cookie), { applicationId: e.applicationId });
    expect(await t.db.selectFrom("boothPreference").select("rank").where("applicationId", "=", e.applicationId).execute()).toEqual([]);
    const odd = await callRoute(myBooth.loader, get(`${url}?booth=%00&hall=%00`, e.user.cookie), { applicationId: e.applicationId });
    expect(odd.status).toBe(200);
  });
});

describe("manual assignment", () => {
  const assignPost = (boothCode: string, applicationId: string, cookie = ctx.staff.admin.cookie) => {
    const boothId = ctx.booths[boothCode]!;
    return callRoute(boothPage.action, post(`/o/${ctx.org.slug}/events/${ctx.event.id}/floor-plan/booths/${boothId}`, { intent: "assign", applicationId }, cookie),
      { orgSlug: ctx.org.slug, eventId: ctx.event.id, boothId });
  };

  it("refuses a booth of the wrong size with wrong_size on the exhibitor field", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Tenun Sembilan", sizeM2: 9 });
    const res = await assignPost("B-02", e.applicationId);
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).applicationId).toEqual(["booths.wrong_size|18"]);
    expect(await liveAssignments({ applicationId: e.applicationId })).toHaveLength(0);
  });

  it("confirms the booth, freezes the fee, issues a numbered invoice, audits it and emails the exhibitor", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Tenun Ikat Bandar Kidul", sizeM2: 18, sector: "tenun_ikat", province: "Jawa Timur" });
    ctx.bandar = e;
    const res = await assignPost("B-02", e.applicationId);
    expect(res.status).toBe(302);
    const [a] = await liveAssignments({ applicationId: e.applicationId });
    expect(a).toMatchObject({ boothId: ctx.booths["B-02"], feeIdr: "3000000", method: "manual" });
    const invoice = await t.db.selectFrom("invoice").selectAll().where("boothAssignmentId", "=", a!.id).executeTakeFirstOrThrow();
    expect(invoice).toMatchObject({ amountIdr: "3000000", status: "unpaid" });
    expect(invoice.number).toMatch(/^INV-PBN-\d{4}$/);
    const audit = await t.db.selectFrom("auditLog").select(["action", "actorUserId", "data"]).where("entityId", "=", ctx.booths["B-02"]!).execute();
    expect(audit).toEqual([expect.objectContaining({ action: "booth.assigned", actorUserId: ctx.staff.admin.id })]);
    const mail = (await boothEmails(t.db)).find((m) => m.to === e.user.email)!;
    expect(mail.props).toMatchObject({ boothCode: "B-02", hallName: "Pendopo Ageng", feeIdr: "3000000", invoiceNumber: invoice.number });
    const rendered = buildEmail({ template: "booth-assigned", props: mail.props as never });
    expect(rendered.subject).toBe("Stan B-02 untuk Anda di Pameran Batik Nusantara");
  });

  it("keeps the fee and the invoice as they were when the booth's price changes later", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Harga Lama", sizeM2: 18 });
    expect((await assignPost("B-03", e.applicationId)).status).toBe(302);
    await t.db.updateTable("booth").set({ priceIdr: "9999999" }).where("id", "=", ctx.booths["B-03"]!).execute();
    const [a] = await liveAssignments({ applicationId: e.applicationId });
    expect(a!.feeIdr).toBe("3000000");
    const invoice = await t.db.selectFrom("invoice").select("amountIdr").where("boothAssignmentId", "=", a!.id).executeTakeFirstOrThrow();
    expect(invoice.amountIdr).toBe("3000000");
    // Released and assigned again, the booth's new price applies to the new assignment only.
    expect(await releaseBooth(t.db, { eventId: ctx.event.id, boothId: ctx.booths["B-03"]!, by: ctx.staff.owner.id, now: new Date() })).toMatchObject({ ok: true });
    expect(await t.db.selectFrom("invoice").select("status").where("boothAssignmentId", "=", a!.id).executeTakeFirstOrThrow()).toEqual({ status: "void" });
    const again = await assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["B-03"]!, method: "manual", by: ctx.staff.owner.id, now: new Date(), appUrl: APP_URL });
    expect(again).toMatchObject({ ok: true, value: { feeIdr: "9999999" } });
  });

  it("issues no invoice for a free booth, and says Gratis in the email", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Kriya Gratis" });
    const res = await assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["F-01"]!, method: "manual", by: ctx.staff.owner.id, now: new Date(), appUrl: APP_URL });
    expect(res).toMatchObject({ ok: true, value: { feeIdr: "0", invoiceNumber: null } });
    expect(await t.db.selectFrom("invoice").select("id").where("applicationId", "=", e.applicationId).execute()).toHaveLength(0);
    const mail = (await boothEmails(t.db)).find((m) => m.to === e.user.email)!;
    const { element } = buildEmail({ template: "booth-assigned", props: mail.props as never });
    const { render } = await import("@react-email/render");
    expect(await render(element, { plainText: true })).toContain("Gratis");
  });

  it("numbers invoices of concurrent assignments sequentially without gaps or repeats", async () => {
    const exhibitors = await Promise.all([0, 1, 2].map((i) => makeExhibitor(t.db, ctx.event.id, { name: `Batik Nomor ${i}`, sizeM2: 9 })));
    const extra = await makeBooths(t.db, ctx.event.id, ctx.hallId, row("N", 3, 30, { priceIdr: 500_000 }));
    const before = await t.db.selectFrom("invoice").select("number").where("eventId", "=", ctx.event.id).execute();
    await Promise.all(exhibitors.map((e, i) => assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: extra[`N-0${i + 1}`]!, method: "manual", by: ctx.staff.owner.id, now: new Date(), appUrl: APP_URL })));
    const numbers = (await t.db.selectFrom("invoice").select("number").where("eventId", "=", ctx.event.id).execute()).map((r) => Number(r.number.slice(-4))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: before.length + 3 }, (_, i) => i + 1));
  });

  it("refuses a second booth for an exhibitor who has one (already_assigned)", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Dua Kali" });
    expect((await assignBooth(t.db, { eventId: ctx.event.id, applicationId: e.applicationId, boothId: ctx.booths["F-02"]!, method: "manual", by: null, now: new Date(), appUrl: APP_URL })).ok).toBe(true);
    const res = await assignPost("F-03", e.applicationId);
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).applicationId).toEqual(["booths.already_assigned|F-02"]);
  });

  it("refuses a booth that is taken (booth_taken), even for the organizer", async () => {
    const e = await makeExhibitor(t.db, ctx.event.id, { name: "Batik Terlambat" });
    const res = await assignPost("F-02", e.applicationId);
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).applicationId).toEqual(["booths.booth_taken|F-02"]);
  });
});

describe("invoices", () => {
  const markPaid = (invoiceId: string, reference: string, cookie = ctx.staff.owner.cookie) =>
    callRoute(invoices.action, post(`/o/${ctx.org.slug}/events/${ctx.event.id}/invoices`, { intent: "mark-paid", invoiceId, reference }, cookie), { orgSlug: ctx.org.slug, eventId: ctx.event.id });

  it("marks an invoice paid once: the second attempt is refused with already_paid and changes nothing", async () => {
    const invoice = await t.db.selectFrom("invoice").select(["id", "number"]).where("eventId", "=", ctx.event.id).where("status", "=", "unpaid").executeTakeFirstOrThrow();
    const first = await markPaid(invoice.id, "TRF-BRI-0001");
    expect(first.status).toBe(302);
    expect(await readToast(first.response)).toMatchObject({ key: "booths.paid_toast", params: { number: invoice.number } });
    const second = await markPaid(invoice.id, "TRF-BRI-0002", ctx.staff.admin.cookie);
    expect(second.status).toBe(409);
    expect(fieldErrors(second.body).reference).toEqual(["booths.already_paid"]);
    expect(await t.db.selectFrom("invoice").select(["status", "paidReference", "markedPaidBy"]).where("id", "=", invoice.id).executeTakeFirstOrThrow())
      .toEqual({ status: "paid", paidReference: "TRF-BRI-0001", markedPaidBy: ctx.staff.owner.id });
    expect(await t.db.selectFrom("auditLog").select("action").where("entityId", "=", invoice.id).execute()).toEqual([{ action: "invoice.paid" }]);
  });

  it("lets exactly one of two concurrent 'mark paid' succeed", async () => {
    const invoice = await t.db.selectFrom("invoice").select("id").where("eventId", "=", ctx.event.id).where("status", "=", "unpaid").executeTakeFirstOrThrow();
    const results = await Promise.all(["A", "B"].map((r) => markInvoicePaid(t.db, { eventId: ctx.event.id, organizationId: ctx.org.id, invoiceId: invoice.id, reference: `REF-${r}`, by: ctx.staff.owner.id, now: new Date() })));
    expect(results.map((r) => (r.ok ? "ok" : r.reason)).sort()).toEqual(["already_paid", "ok"]);
  });

  it("refuses to mark a void invoice paid (invoice_void), and answers 404 for another event's invoice", async () => {
    const voided = await t.db.selectFrom("invoice").select("id").where("status", "=", "void").executeTakeFirstOrThrow();
    expect(await markInvoicePaid(t.db, { eventId: ctx.event.id, organizationId: ctx.org.id, invoiceId: voided.id, reference: "X1", by: ctx.staff.owner.id, now: new Date() }))
      .toMatchObject({ ok: false, reason: "invoice_void" });
    const other = await makeEvent(t.db, ctx.org.id, { slug: "acara-lain-invoice" });
    const res = await callRoute(invoices.action, post(`/o/${ctx.org.slug}/events/${other.id}/invoices`, { intent: "mark-paid", invoiceId: voided.id, reference: "X1" }, ctx.staff.owner.cookie), { orgSlug: ctx.org.slug, eventId: other.id });
    expect(res.status).toBe(404);
  });

  it("lists invoices filtered by status and searched by number or exhibitor", async () => {
    const base = `/o/${ctx.org.slug}/events/${ctx.event.id}/invoices`;
    const params = { orgSlug: ctx.org.slug, eventId: ctx.event.id };
    const paid = await callRoute(invoices.loader, get(`${base}?status=paid`, ctx.staff.curator.cookie), params);
    const rows = (paid.body as { rows: Array<{ status: string }> }).rows;
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.status === "paid")).toBe(true);
    const search = await callRoute(invoices.loader, get(`${base}?q=${encodeURIComponent("Bandar Kidul")}`, ctx.staff.owner.cookie), params);
    expect((search.body as { rows: Array<{ exhibitorName: string }> }).rows.map((r) => r.exhibitorName)).toEqual(["Tenun Ikat Bandar Kidul"]);
    const odd = await callRoute(invoices.loader, get(`${base}?status=bogus&page=1e308&q=%25_%5C`, ctx.staff.owner.cookie), params);
    expect(odd.status).toBe(200);
  });

  it("shows the exhibitor their own booth and invoice on the booth page", async () => {
    const page = await callRoute(myBooth.loader, get(`/exhibitor/applications/${ctx.bandar.applicationId}/booth`, ctx.bandar.user.cookie), { applicationId: ctx.bandar.applicationId });
    expect(page.status).toBe(200);
    const body = page.body as { mine: { code: string; feeIdr: string }; invoice: { number: string; amountIdr: string; status: string } };
    expect(body.mine).toMatchObject({ code: "B-02", feeIdr: "3000000" });
    expect(body.invoice).toMatchObject({ amountIdr: "3000000" });
    expect(body.invoice.number).toMatch(/^INV-PBN-\d{4}$/);
  });
});
