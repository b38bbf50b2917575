import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import * as myDeal from "~/routes/e.$slug.deals.$dealId";
import * as myDocument from "~/routes/e.$slug.deals.$dealId_.document";
import * as myDeals from "~/routes/e.$slug.deals._index";
import * as newDeal from "~/routes/e.$slug.deals.new";
import * as summary from "~/routes/e.$slug.deals.summary";
import * as orgDeal from "~/routes/o.$orgSlug.events.$eventId.deals.records.$dealId";
import * as orgDocument from "~/routes/o.$orgSlug.events.$eventId.deals.records.$dealId_.document";
import * as records from "~/routes/o.$orgSlug.events.$eventId.deals.records._index";
import * as orgCsv from "~/routes/o.$orgSlug.events.$eventId.deals.records[.csv]";
import * as orgNew from "~/routes/o.$orgSlug.events.$eventId.deals.records.new";
import { recordDeal } from "~/deals/deals.server";
import type { Participant } from "~/meetings/participants.server";
import { addDays, localDateOf } from "~/utils/time";
import { useTestDatabase } from "../../helpers/db";
import { DEAL_TABLES, dealForm, dealInput, makeDealEvent, makeHeldMeeting, PDF_BYTES, postMultipart, sessionCookie } from "../../helpers/deal-factories";
import { countRows, fieldErrors, makeAccount, makeOrgWithStaff, readToast, type Staff, type TestUser } from "../../helpers/factories";
import { callRoute, get, post } from "../../helpers/http";
import { makeBuyer, makeSeller } from "../../helpers/meetings-factories";

const t = useTestDatabase();
let staff: Staff;
let org: { id: string; slug: string };
let event: Awaited<ReturnType<typeof makeDealEvent>>;
let seller: Participant & { cookie: string };
let buyer: { participant: Participant; user: TestUser };
let outsiderBuyer: { participant: Participant; user: TestUser };
let stranger: TestUser;

const slug = () => ({ slug: event.slug });
const mine = (rest = "") => `/e/${event.slug}/deals${rest}`;
const orgBase = (rest = "") => `/o/${org.slug}/events/${event.id}/deals/records${rest}`;
const orgParams = (extra: Record<string, string> = {}) => ({ orgSlug: org.slug, eventId: event.id, ...extra });
const dealIdOf = (res: { response?: Response }) => res.response?.headers.get("location")?.split("/").pop() ?? "";

beforeAll(async () => {
  ({ org, staff } = await makeOrgWithStaff(t.db, "Kadin Kota Surakarta"));
  stranger = await makeAccount(t.db, "Pemilik Lain");
  await makeOrgWithStaff(t.db, "Dinas Sleman", { ...staff, owner: stranger });
  event = await makeDealEvent(t.db, org.id);
  const s = await makeSeller(t.db, event.id, { name: "Batik Sekar Laweyan", sector: "batik_tulis", capacityQuantity: 100 });
  seller = { ...s, cookie: await sessionCookie(t.db, s.userId) };
  buyer = await makeBuyer(t.db, event.id, "Hotel Solo Indah");
  outsiderBuyer = await makeBuyer(t.db, event.id, "Galeri Lain");
});

describe("participant pages", () => {
  it("shows an empty list, then records a walk-in sale from the form and shows it", async () => {
    const empty = await callRoute(myDeals.loader, get(mine(), seller.cookie), slug());
    expect(empty.body).toMatchObject({ total: 0, rows: [] });
    const res = await callRoute(newDeal.action, post(mine("/new"), dealForm({ "sellers[0].id": seller.id }), seller.cookie), slug());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "deals.records.saved" });
    const id = dealIdOf(res);
    const list = await callRoute(myDeals.loader, get(mine(), seller.cookie), slug());
    expect(list.body).toMatchObject({ total: 1, rows: [{ id, other: "Toko Batik Sekar Jagad", total: "Rp\u00a03.125.000", confirmation: "unconfirmed" }] });
    const detail = await callRoute(myDeal.loader, get(mine(`/${id}`), seller.cookie), { ...slug(), dealId: id });
    expect(detail.body).toMatchObject({ side: "seller", deal: { lines: [{ product: "Batik tulis sogan", quantity: "2,5", lineTotal: "Rp\u00a03.125.000" }] } });
  });

  it.each([
    ["a negative quantity", { "lines[0].quantity": "-3" }, "lines[0].quantity", "Baris 1: jumlah tidak boleh negatif."],
    ["a price over Rp 1 triliun", { "lines[0].unitPrice": "1.000.000.000.001" }, "lines[0].unitPrice", "Baris 1: harga satuan paling tinggi Rp 1 triliun."],
    ["a buyer name over 200 characters", { "walkInBuyer.name": "x".repeat(201) }, "walkInBuyer.name", "Nama pembeli paling panjang 200 karakter."],
    // Empty fields are caught by the form's schema (in the browser too); the page translates the key.
    ["no buyer name", { "walkInBuyer.name": "" }, "walkInBuyer.name", "deals.errors.buyer_required"],
    ["no buyer chosen", { buyerMode: "registered" }, "buyerId", "deals.errors.buyer_required"],
    ["no seller", { "sellers[0].id": "" }, "sellers", "deals.errors.no_seller"],
    ["no product name", { "lines[0].product": " " }, "lines[0].product", "validation.required"],
    // Ids posted by hand that are not ids at all are refused like unknown ones (never a 500 from SQL).
    ["a seller id that is no uuid", { "sellers[0].id": "bukan-uuid" }, "sellers", "Penjual: penjual ini bukan peserta pameran yang diterima di acara ini."],
    ["a buyer id that is no uuid", { buyerMode: "registered", buyerId: "1 or 1=1" }, "buyerId", "Pembeli: pembeli ini tidak terdaftar di acara ini."],
    ["a meeting id that is no uuid", { meetingId: "x'" }, "", "Pertemuan: transaksi hanya bisa dicatat dari pertemuan yang terlaksana antara pembeli dan penjual ini."],
  ])("answers %s with a message at its field (400) and saves nothing", async (_what, fields, field, message) => {
    const before = await countRows(t.db, DEAL_TABLES);
    const res = await callRoute(newDeal.action, post(mine("/new"), dealForm({ "sellers[0].id": seller.id, ...fields }), seller.cookie), slug());
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[field]).toEqual([message]);
    expect(await countRows(t.db, DEAL_TABLES)).toEqual(before);
  });

  it("asks for confirmation when a consortium share is over capacity, then records with it", async () => {
    const partner = await makeSeller(t.db, event.id, { name: "Batik Kauman", sector: "batik_tulis", capacityQuantity: 1 });
    // Route actions use the real clock: deliver 60 days from today.
    const deliveryDate = addDays(localDateOf(new Date(), event.timeZone), 60);
    const fields = dealForm({
      "sellers[0].id": seller.id, "sellers[0].share": "50", "sellers[1].id": partner.id, "sellers[1].share": "50",
      "lines[0].quantity": "100", deliveryDate,
    });
    const warned = await callRoute(newDeal.action, post(mine("/new"), fields, seller.cookie), slug());
    expect(warned.status).toBe(400);
    expect(fieldErrors(warned.body).confirmOverCapacity?.[0]).toMatch(/melebihi kapasitas/);
    const saved = await callRoute(newDeal.action, post(mine("/new"), { ...fields, confirmOverCapacity: "on" }, seller.cookie), slug());
    expect(saved.status).toBe(302);
    expect(await t.db.selectFrom("dealSeller").select("shareQuantity").where("dealId", "=", dealIdOf(saved)).orderBy("position").execute()).toEqual([{ shareQuantity: 50 }, { shareQuantity: 50 }]);
  });

  it("prefills the form from a held meeting and lets the buyer confirm the seller's deal", async () => {
    const meetingId = await makeHeldMeeting(t.db, seller, buyer.participant);
    const form = await callRoute(newDeal.loader, get(mine(`/new?meeting=${meetingId}`), seller.cookie), slug());
    expect(form.body).toMatchObject({ prefill: { meetingId, buyerId: buyer.participant.id, selfSellerId: seller.id } });
    const res = await callRoute(newDeal.action, post(mine("/new"), dealForm({
      "sellers[0].id": seller.id, buyerMode: "registered", buyerId: buyer.participant.id, meetingId,
    }), seller.cookie), slug());
    const id = dealIdOf(res);
    expect((await t.db.selectFrom("deal").select(["meetingId", "buyerName"]).where("id", "=", id).executeTakeFirstOrThrow())).toEqual({ meetingId, buyerName: "Hotel Solo Indah" });
    // Someone not party to the deal gets the same 404 as a missing deal.
    expect((await callRoute(myDeal.loader, get(mine(`/${id}`), outsiderBuyer.user.cookie), { ...slug(), dealId: id })).status).toBe(404);
    expect((await callRoute(myDeal.action, post(mine(`/${id}`), { intent: "confirm" }, outsiderBuyer.user.cookie), { ...slug(), dealId: id })).status).toBe(404);
    expect((await callRoute(myDeal.loader, get(mine("/bukan-uuid"), buyer.user.cookie), { ...slug(), dealId: "bukan-uuid" })).status).toBe(404);
    const own = await callRoute(myDeal.action, post(mine(`/${id}`), { intent: "confirm" }, seller.cookie), { ...slug(), dealId: id });
    expect(await readToast(own.response)).toMatchObject({ type: "error", key: "deals.errors.own_entry" });
    const confirmed = await callRoute(myDeal.action, post(mine(`/${id}`), { intent: "confirm" }, buyer.user.cookie), { ...slug(), dealId: id });
    expect(await readToast(confirmed.response)).toMatchObject({ type: "success", key: "deals.records.confirmed" });
    const sum = await callRoute(summary.loader, get(mine("/summary"), buyer.user.cookie), slug());
    expect(sum.body).toMatchObject({ meetingsHeld: 1, totals: { confirmed: "Rp\u00a03.125.000", count: 1 } });
  });

  it("sends a signed-in account that is no participant to the matchmaking sign-up", async () => {
    const nobody = await makeAccount(t.db, "Pengunjung");
    const res = await callRoute(myDeals.loader, get(mine(), nobody.cookie), slug());
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("location")).toBe(`/e/${event.slug}/matchmaking/register`);
  });
});

describe("organizer records", () => {
  let dealId: string;
  beforeAll(async () => {
    const res = await recordDeal(t.db, event, { party: "buyer", userId: buyer.user.id, participantId: buyer.participant.id },
      dealInput([seller.id], { walkInBuyer: null, lines: [{ product: "Selendang sutra", quantity: "4", unit: "pcs", unitPrice: "300.000" }], type: "purchase_order" }));
    dealId = res.ok ? res.value.id : "";
  });

  it("lists deals with search and filters for owners and admins; curators and gate staff get 403, another organization 404", async () => {
    const all = await callRoute(records.loader, get(orgBase(), staff.admin.cookie), orgParams());
    expect((all.body as { total: number }).total).toBeGreaterThanOrEqual(3);
    const searched = await callRoute(records.loader, get(orgBase("?q=sutra"), staff.owner.cookie), orgParams());
    expect(searched.body).toMatchObject({ total: 1, rows: [{ id: dealId, products: "Selendang sutra" }] });
    const bySeller = await callRoute(records.loader, get(orgBase("?q=kauman"), staff.owner.cookie), orgParams());
    expect((bySeller.body as { total: number }).total).toBe(1);
    const filtered = await callRoute(records.loader, get(orgBase("?type=purchase_order&confirmation=unconfirmed&status=agreed"), staff.owner.cookie), orgParams());
    expect((filtered.body as { rows: Array<{ id: string }> }).rows.map((r) => r.id)).toEqual([dealId]);
    for (const who of [staff.curator, staff.gate_staff]) {
      expect((await callRoute(records.loader, get(orgBase(), who.cookie), orgParams())).status).toBe(403);
      expect((await callRoute(orgDeal.loader, get(orgBase(`/${dealId}`), who.cookie), orgParams({ dealId }))).status).toBe(403);
      expect((await callRoute(orgDeal.action, post(orgBase(`/${dealId}`), { intent: "confirm" }, who.cookie), orgParams({ dealId }))).status).toBe(403);
      expect((await callRoute(orgNew.action, post(orgBase("/new"), dealForm({ "sellers[0].id": seller.id }), who.cookie), orgParams())).status).toBe(403);
      expect((await callRoute(orgCsv.loader, get(orgBase(".csv"), who.cookie), orgParams())).status).toBe(403);
    }
    expect((await callRoute(records.loader, get(orgBase(), stranger.cookie), orgParams())).status).toBe(404);
    expect((await callRoute(orgDeal.loader, get(orgBase(`/${dealId}`), stranger.cookie), orgParams({ dealId }))).status).toBe(404);
  });

  it("records a deal as the organizer (verified) and verifies and moves a participant's deal", async () => {
    const res = await callRoute(orgNew.action, post(orgBase("/new"), dealForm({ "sellers[0].id": seller.id, buyerMode: "registered", buyerId: buyer.participant.id }), staff.admin.cookie), orgParams());
    expect(res.status).toBe(302);
    expect(await t.db.selectFrom("deal").select(["confirmation", "enteredBy"]).where("id", "=", dealIdOf(res)).executeTakeFirstOrThrow()).toEqual({ confirmation: "verified", enteredBy: "organizer" });
    const verified = await callRoute(orgDeal.action, post(orgBase(`/${dealId}`), { intent: "confirm" }, staff.owner.cookie), orgParams({ dealId }));
    expect(await readToast(verified.response)).toMatchObject({ type: "success", key: "deals.records.verified" });
    const moved = await callRoute(orgDeal.action, post(orgBase(`/${dealId}`), { intent: "status", to: "signed" }, staff.owner.cookie), orgParams({ dealId }));
    expect(await readToast(moved.response)).toMatchObject({ type: "success", key: "deals.records.status_changed" });
    const backward = await callRoute(orgDeal.action, post(orgBase(`/${dealId}`), { intent: "status", to: "agreed" }, staff.owner.cookie), orgParams({ dealId }));
    expect(await readToast(backward.response)).toMatchObject({ type: "error", key: "deals.errors.backward" });
    const detail = await callRoute(orgDeal.loader, get(orgBase(`/${dealId}`), staff.admin.cookie), orgParams({ dealId }));
    expect(detail.body).toMatchObject({ canManage: true, deal: { status: "signed", confirmation: "verified", history: [{ to: "agreed" }, { confirmation: "verified" }, { from: "agreed", to: "signed" }] } });
  });

  it("exports the list as CSV with formulas neutralised and writes an audit entry", async () => {
    await recordDeal(t.db, event, { party: "organizer", userId: staff.admin.id },
      dealInput([seller.id], { walkInBuyer: { name: "=HYPERLINK(\"http://jahat.test\";\"klik\")", city: "+Surabaya", province: "" } }));
    const res = await callRoute(orgCsv.loader, get(orgBase(".csv?q=HYPERLINK"), staff.owner.cookie), orgParams());
    expect(res.status).toBe(200);
    expect(res.response?.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await res.response!.arrayBuffer());
    const text = bytes.toString("utf8");
    expect(text.startsWith("\ufeffID transaksi;Tanggal;Jenis")).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://jahat.test"";""klik"")"`);
    expect(text).toContain(";'+Surabaya;");
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(2);
    const audit = await t.db.selectFrom("auditLog").select(["actorUserId", "eventId", "data"]).where("action", "=", "deal.export").execute();
    expect(audit).toEqual([{ actorUserId: staff.owner.id, eventId: event.id, data: { rows: 1, format: "csv", q: "HYPERLINK" } }]);
  });
});

describe("signed documents", () => {
  const pngBytes = () => sharp({ create: { width: 40, height: 30, channels: 3, background: "#7a3e12" } }).png().toBuffer();

  it("stores a PDF with the deal and serves it to the parties and the organizer only, with safe headers", async () => {
    const res = await callRoute(newDeal.action, postMultipart(mine("/new"), dealForm({ "sellers[0].id": seller.id }),
      { document: { bytes: PDF_BYTES, name: "surat pesanan.pdf", type: "application/pdf" } }, seller.cookie), slug());
    expect(res.status).toBe(302);
    const id = dealIdOf(res);
    const row = await t.db.selectFrom("deal as d").innerJoin("upload as u", "u.id", "d.documentUploadId")
      .select(["u.contentType", "u.purpose", "u.sizeBytes"]).where("d.id", "=", id).executeTakeFirstOrThrow();
    expect(row).toEqual({ contentType: "application/pdf", purpose: "document", sizeBytes: PDF_BYTES.length });
    const served = await callRoute(myDocument.loader, get(mine(`/${id}/document`), seller.cookie), { ...slug(), dealId: id });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.response!.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    expect(served.response?.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.response?.headers.get("content-disposition")).toMatch(/^attachment; filename="surat pesanan\.pdf"/);
    expect((await callRoute(myDocument.loader, get(mine(`/${id}/document`), outsiderBuyer.user.cookie), { ...slug(), dealId: id })).status).toBe(404);
    expect((await callRoute(orgDocument.loader, get(orgBase(`/${id}/document`), staff.admin.cookie), orgParams({ dealId: id }))).status).toBe(200);
    expect((await callRoute(orgDocument.loader, get(orgBase(`/${id}/document`), staff.curator.cookie), orgParams({ dealId: id }))).status).toBe(403);
    expect((await callRoute(orgDocument.loader, get(orgBase(`/${id}/document`), stranger.cookie), orgParams({ dealId: id }))).status).toBe(404);
  });

  it("attaches a photo later from the deal page (re-encoded), and refuses others' deals", async () => {
    const created = await callRoute(newDeal.action, post(mine("/new"), dealForm({ "sellers[0].id": seller.id }), seller.cookie), slug());
    const id = dealIdOf(created);
    const res = await callRoute(myDeal.action, postMultipart(mine(`/${id}`), { intent: "document" }, { document: { bytes: await pngBytes(), name: "nota.png", type: "image/png" } }, seller.cookie), { ...slug(), dealId: id });
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "deals.records.document_saved" });
    const doc = await t.db.selectFrom("deal as d").innerJoin("upload as u", "u.id", "d.documentUploadId").select(["u.contentType", "u.purpose"]).where("d.id", "=", id).executeTakeFirstOrThrow();
    expect(doc).toEqual({ contentType: "image/webp", purpose: "document" });
    const before = await countRows(t.db, DEAL_TABLES);
    const foreign = await callRoute(myDeal.action, postMultipart(mine(`/${id}`), { intent: "document" }, { document: { bytes: PDF_BYTES, name: "x.pdf", type: "application/pdf" } }, outsiderBuyer.user.cookie), { ...slug(), dealId: id });
    expect(foreign.status).toBe(404);
    expect(await countRows(t.db, DEAL_TABLES)).toEqual(before);
  });

  it.each([
    ["a text file named .pdf", Buffer.from("bukan pdf, hanya teks"), "kontrak.pdf", "application/pdf", 400],
    ["an SVG image", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "ttd.svg", "image/svg+xml", 400],
    ["a PDF over 10 MB", Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 + 10)]), "besar.pdf", "application/pdf", 413],
  ])("refuses %s with a clear message at the field and saves nothing", async (_what, bytes, name, type, status) => {
    const before = await countRows(t.db, DEAL_TABLES);
    const res = await callRoute(newDeal.action, postMultipart(mine("/new"), dealForm({ "sellers[0].id": seller.id }), { document: { bytes, name, type } }, seller.cookie), slug());
    expect(res.status).toBe(status);
    expect(fieldErrors(res.body).document).toEqual(["Lampiran harus PDF atau foto (JPG, PNG, WebP), paling besar 10 MB"]);
    expect(await countRows(t.db, DEAL_TABLES)).toEqual(before);
  });
});
