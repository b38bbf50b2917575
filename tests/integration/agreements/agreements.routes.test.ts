import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementSummary, createAgreement } from "~/deals/agreements.server";
import * as listRoute from "~/routes/o.$orgSlug.events.$eventId.deals.agreements._index";
import * as newRoute from "~/routes/o.$orgSlug.events.$eventId.deals.agreements.new";
import * as editRoute from "~/routes/o.$orgSlug.events.$eventId.deals.agreements.$agreementId";
import * as documentRoute from "~/routes/o.$orgSlug.events.$eventId.deals.agreements.$agreementId_.document";
import { useTestDatabase } from "../../helpers/db";
import { countRows, fieldErrors, makeAccount, makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { makePng, postMultipart } from "../../helpers/exhibitor-factories";
import { callRoute, get, post } from "../../helpers/http";

const t = useTestDatabase();
let uploadDir: string;
let staff: Staff;
let org: { id: string; slug: string };
let eventId: string;
let otherEventId: string;
const TABLES = ["cooperationAgreement", "cooperationParty", "upload"] as const;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const base = (ev = eventId) => `/o/${org.slug}/events/${ev}/deals/agreements`;
const params = (extra: Record<string, string> = {}, ev = eventId) => ({ orgSlug: org.slug, eventId: ev, ...extra });

/** The form as the browser posts it: two parties, Kediri and Surakarta. */
function form(over: Record<string, string> = {}, parties = 2): Record<string, string> {
  const fields: Record<string, string> = {
    title: "MoU Kerja Sama Perdagangan Kadin Kota Kediri dan Kadin Kota Surakarta", kind: "mou", signedOn: "2026-12-07",
    place: "Hotel Alana, Surakarta", scope: "Promosi tenun ikat dan batik; akses pasar",
  };
  const names = [["Kadin Kota Kediri", "Kota Kediri", "Jawa Timur"], ["Kadin Kota Surakarta", "Kota Surakarta", "Jawa Tengah"], ["Dinas Koperasi dan UMKM Kota Surakarta", "Kota Surakarta", "Jawa Tengah"]];
  for (let i = 0; i < parties; i++) {
    const [name, city, province] = names[i]!;
    Object.assign(fields, {
      [`parties[${i}].name`]: name, [`parties[${i}].kind`]: "kadin", [`parties[${i}].city`]: city, [`parties[${i}].province`]: province,
      [`parties[${i}].signatoryName`]: `Penanda tangan ${i + 1}`, [`parties[${i}].signatoryTitle`]: "Ketua Umum",
    });
  }
  return { ...fields, ...over };
}

const agreementAudits = async (action: string) =>
  (await t.db.selectFrom("auditLog").select(["entityId", "actorUserId", "data"]).where("action", "=", action).execute());

async function createViaRoute(fields = form(), cookie = staff.admin.cookie) {
  const res = await callRoute(newRoute.action, post(`${base()}/new`, fields, cookie), params());
  expect(res.status).toBe(302);
  const id = res.response!.headers.get("location")!.split("/").pop()!;
  return { res, id };
}

beforeAll(async () => {
  uploadDir = mkdtempSync(path.join(os.tmpdir(), "pendopo-agreements-"));
  process.env.UPLOAD_DIR = uploadDir;
  ({ org, staff } = await makeOrgWithStaff(t.db, "Kadin Kota Surakarta"));
  eventId = (await makeEvent(t.db, org.id, { name: "B2B Expo Kediri–Surakarta", slug: "b2b-expo-kediri-surakarta" })).id;
  otherEventId = (await makeEvent(t.db, org.id, { name: "Pameran Batik Kedua", slug: "pameran-batik-kedua" })).id;
  await t.db.insertInto("eventRegion").values([
    { eventId, name: "Kota Kediri", province: "Jawa Timur", delegation: "Kadin Kota Kediri" },
    { eventId, name: "Kota Surakarta", province: "Jawa Tengah", delegation: "Kadin Kota Surakarta" },
  ]).execute();
});
afterAll(() => {
  delete process.env.UPLOAD_DIR;
  rmSync(uploadDir, { recursive: true, force: true });
});

describe("recording an agreement", () => {
  it("shows an empty state with a call to record the first MoU", async () => {
    const res = await callRoute(listRoute.loader, get(base(), staff.owner.cookie), params());
    expect(res.body).toMatchObject({ eventTotal: 0, rows: [], canManage: true });
  });

  it("offers the event's cooperating regions as quick picks on the form", async () => {
    const res = await callRoute(newRoute.loader, get(`${base()}/new`, staff.admin.cookie), params());
    expect((res.body as { regions: unknown[] }).regions).toEqual([
      { name: "Kota Kediri", province: "Jawa Timur", delegation: "Kadin Kota Kediri" },
      { name: "Kota Surakarta", province: "Jawa Tengah", delegation: "Kadin Kota Surakarta" },
    ]);
  });

  it("records the agreement with its parties in order, audits it and lists it with parties, Indonesian date and regions", async () => {
    const { res, id } = await createViaRoute();
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "agreements.toast.created" });
    const row = await t.db.selectFrom("cooperationAgreement").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ eventId, kind: "mou", signedOn: "2026-12-07", place: "Hotel Alana, Surakarta", documentUploadId: null, createdByUserId: staff.admin.id });
    const parties = await t.db.selectFrom("cooperationParty").select(["position", "name", "city", "province", "signatoryName", "signatoryTitle"])
      .where("agreementId", "=", id).orderBy("position").execute();
    expect(parties).toEqual([
      { position: 0, name: "Kadin Kota Kediri", city: "Kota Kediri", province: "Jawa Timur", signatoryName: "Penanda tangan 1", signatoryTitle: "Ketua Umum" },
      { position: 1, name: "Kadin Kota Surakarta", city: "Kota Surakarta", province: "Jawa Tengah", signatoryName: "Penanda tangan 2", signatoryTitle: "Ketua Umum" },
    ]);
    expect(await agreementAudits("agreement.created")).toEqual([
      { entityId: id, actorUserId: staff.admin.id, data: { title: form().title, kind: "mou", parties: 2, document: false } },
    ]);
    const list = await callRoute(listRoute.loader, get(base(), staff.owner.cookie), params());
    expect((list.body as { rows: unknown[] }).rows).toEqual([{
      id, title: form().title, kind: "mou", hasDocument: false, signedOn: "7 Desember 2026",
      parties: "Kadin Kota Kediri × Kadin Kota Surakarta", regions: "Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)",
    }]);
  });

  it.each([
    ["one party only", form({}, 1), { parties: ["agreements.errors.min_parties"] }],
    ["an empty party name", form({ "parties[1].name": "  " }), { "parties[1].name": ["agreements.errors.party_name"] }],
    ["empty names on both parties", form({ "parties[0].name": "", "parties[1].name": "" }), { "parties[0].name": ["agreements.errors.party_name"], "parties[1].name": ["agreements.errors.party_name"] }],
    ["an impossible signing date", form({ signedOn: "2026-02-31" }), { signedOn: ["agreements.errors.signed_on"] }],
    ["a signing date in words", form({ signedOn: "7 Desember 2026" }), { signedOn: ["agreements.errors.signed_on"] }],
    ["no title", form({ title: "" }), { title: ["validation.required"] }],
    ["an unknown kind", form({ kind: "kontrak" }), { kind: ["validation.choose"] }],
    ["an unknown party kind", form({ "parties[0].kind": "partai" }), { "parties[0].kind": ["agreements.errors.party_kind"] }],
    ["a NUL byte in a name", form({ "parties[0].name": "Kadin\u0000" }), { "parties[0].name": ["validation.invalid"] }],
    ["a party index far out of range", { ...form({}, 1), "parties[999999].name": "x" }, { parties: ["agreements.errors.min_parties"] }],
  ])("refuses %s with the field named and writes nothing", async (_what, fields, expected) => {
    const before = await countRows(t.db, TABLES);
    const res = await callRoute(newRoute.action, post(`${base()}/new`, fields, staff.admin.cookie), params());
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual(expected);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it("stores a signed PDF as it is and serves it only to organizers, as a download with nosniff", async () => {
    const res = await callRoute(newRoute.action, postMultipart(`${base()}/new`, form({ title: "PKS Tenun Ikat" , kind: "pks" }), { document: { data: PDF, name: "mou-bertanda-tangan.pdf", type: "application/pdf" } }, staff.admin.cookie), params());
    expect(res.status).toBe(302);
    const id = res.response!.headers.get("location")!.split("/").pop()!;
    const upload = await t.db.selectFrom("cooperationAgreement as a").innerJoin("upload as u", "u.id", "a.documentUploadId")
      .select(["u.purpose", "u.contentType", "u.sizeBytes", "u.storageKey", "u.originalName"]).where("a.id", "=", id).executeTakeFirstOrThrow();
    expect(upload).toMatchObject({ purpose: "document", contentType: "application/pdf", sizeBytes: PDF.length, originalName: "mou-bertanda-tangan.pdf" });
    const served = await callRoute(documentRoute.loader, get(`${base()}/${id}/document`, staff.owner.cookie), params({ agreementId: id }));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.response!.arrayBuffer())).toEqual(PDF);
    expect(served.response!.headers.get("content-type")).toBe("application/pdf");
    expect(served.response!.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.response!.headers.get("content-disposition")).toMatch(/^attachment; filename="PKS Tenun Ikat\.pdf"/);
    for (const role of ["curator", "gate_staff"] as const) {
      expect((await callRoute(documentRoute.loader, get(`${base()}/${id}/document`, staff[role].cookie), params({ agreementId: id }))).status).toBe(403);
    }
    const stranger = await makeAccount(t.db, "Orang Luar");
    expect((await callRoute(documentRoute.loader, get(`${base()}/${id}/document`, stranger.cookie), params({ agreementId: id }))).status).toBe(404);
    // Through another event of the same organization, the id does not exist.
    expect((await callRoute(documentRoute.loader, get(`${base(otherEventId)}/${id}/document`, staff.owner.cookie), params({ agreementId: id }, otherEventId))).status).toBe(404);
    expect((await agreementAudits("agreement.created")).find((a) => a.entityId === id)?.data).toMatchObject({ document: true });
  });

  it("stores a photo of the signed page re-encoded as WebP", async () => {
    const res = await callRoute(newRoute.action, postMultipart(`${base()}/new`, form({ title: "LoI Batik Laweyan", kind: "loi" }), { document: { data: await makePng(800, 600), name: "foto.png", type: "image/png" } }, staff.owner.cookie), params());
    expect(res.status).toBe(302);
    const id = res.response!.headers.get("location")!.split("/").pop()!;
    const served = await callRoute(documentRoute.loader, get(`${base()}/${id}/document`, staff.admin.cookie), params({ agreementId: id }));
    expect(served.response!.headers.get("content-type")).toBe("image/webp");
    expect(served.response!.headers.get("content-disposition")).toMatch(/^inline; /);
  });

  it.each([
    ["a text file named .pdf", { data: Buffer.from("bukan PDF, hanya teks\n".repeat(50)), name: "mou.pdf", type: "application/pdf" }, 400, "agreements.errors.document_type"],
    ["an HTML page claiming to be a PNG", { data: Buffer.from("<html><script>alert(1)</script></html>"), name: "foto.png", type: "image/png" }, 400, "agreements.errors.document_type"],
    ["a PDF over 10 MB", { data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), name: "besar.pdf", type: "application/pdf" }, 413, "agreements.errors.document_too_large"],
  ])("refuses %s as the document and writes nothing", async (_what, file, status, error) => {
    const before = await countRows(t.db, TABLES);
    const res = await callRoute(newRoute.action, postMultipart(`${base()}/new`, form(), { document: file }, staff.admin.cookie), params());
    expect(res.status).toBe(status);
    expect(fieldErrors(res.body).document).toEqual([error]);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });
});

describe("editing and deleting", () => {
  it("replaces the fields and parties (three now), audits the change and keeps the document", async () => {
    const { id } = await createViaRoute(form({ title: "MoU untuk diubah" }));
    const withDoc = await callRoute(editRoute.action, postMultipart(`${base()}/${id}`, form({ title: "MoU untuk diubah" }), { document: { data: PDF, name: "a.pdf", type: "application/pdf" } }, staff.admin.cookie), params({ agreementId: id }));
    expect(withDoc.status).toBe(302);
    const firstUpload = (await t.db.selectFrom("cooperationAgreement").select("documentUploadId").where("id", "=", id).executeTakeFirstOrThrow()).documentUploadId!;
    const res = await callRoute(editRoute.action, post(`${base()}/${id}`, form({ title: "MoU Kadin dan Dinas", kind: "pks", signedOn: "2026-12-08" }, 3), staff.owner.cookie), params({ agreementId: id }));
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "agreements.toast.updated" });
    const page = await callRoute(editRoute.loader, get(`${base()}/${id}`, staff.owner.cookie), params({ agreementId: id }));
    const body = page.body as { agreement: { title: string; kind: string; signedOn: string; signedOnText: string; parties: Array<{ name: string }> }; document: { isPdf: boolean } | null };
    expect(body.agreement).toMatchObject({ title: "MoU Kadin dan Dinas", kind: "pks", signedOn: "2026-12-08", signedOnText: "8 Desember 2026" });
    expect(body.agreement.parties.map((p) => p.name)).toEqual(["Kadin Kota Kediri", "Kadin Kota Surakarta", "Dinas Koperasi dan UMKM Kota Surakarta"]);
    expect(body.document).toMatchObject({ isPdf: true });
    expect((await agreementAudits("agreement.updated")).filter((a) => a.entityId === id).map((a) => (a.data as { document: string }).document)).toEqual(["replaced", "kept"]);
    // Removing the document deletes its row and its file.
    const storageKey = (await t.db.selectFrom("upload").select("storageKey").where("id", "=", firstUpload).executeTakeFirstOrThrow()).storageKey;
    await callRoute(editRoute.action, post(`${base()}/${id}`, form({ removeDocument: "on" }), staff.owner.cookie), params({ agreementId: id }));
    expect(await t.db.selectFrom("upload").select("id").where("id", "=", firstUpload).executeTakeFirst()).toBeUndefined();
    expect(existsSync(path.join(uploadDir, storageKey))).toBe(false);
  });

  it("refuses a bad edit with the field named and changes nothing", async () => {
    const { id } = await createViaRoute(form({ title: "MoU tetap" }));
    const before = await t.db.selectFrom("cooperationParty").selectAll().where("agreementId", "=", id).orderBy("position").execute();
    for (const [fields, expected] of [
      [form({ title: "MoU berubah?" }, 1), { parties: ["agreements.errors.min_parties"] }],
      [form({ title: "MoU berubah?", "parties[1].name": "" }), { "parties[1].name": ["agreements.errors.party_name"] }],
      [form({ title: "MoU berubah?", signedOn: "2026-13-01" }), { signedOn: ["agreements.errors.signed_on"] }],
    ] as const) {
      const res = await callRoute(editRoute.action, post(`${base()}/${id}`, fields, staff.admin.cookie), params({ agreementId: id }));
      expect(res.status).toBe(400);
      expect(fieldErrors(res.body)).toEqual(expected);
    }
    expect((await t.db.selectFrom("cooperationAgreement").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title).toBe("MoU tetap");
    expect(await t.db.selectFrom("cooperationParty").selectAll().where("agreementId", "=", id).orderBy("position").execute()).toEqual(before);
  });

  it("deletes an agreement with its parties and document, audited", async () => {
    const res = await callRoute(newRoute.action, postMultipart(`${base()}/new`, form({ title: "MoU untuk dihapus" }), { document: { data: PDF, name: "hapus.pdf", type: "application/pdf" } }, staff.admin.cookie), params());
    const id = res.response!.headers.get("location")!.split("/").pop()!;
    const uploadId = (await t.db.selectFrom("cooperationAgreement").select("documentUploadId").where("id", "=", id).executeTakeFirstOrThrow()).documentUploadId!;
    const deleted = await callRoute(editRoute.action, post(`${base()}/${id}`, { intent: "delete" }, staff.owner.cookie), params({ agreementId: id }));
    expect(deleted.response!.headers.get("location")).toBe(base());
    expect(await readToast(deleted.response)).toMatchObject({ key: "agreements.toast.deleted" });
    expect(await t.db.selectFrom("cooperationAgreement").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom("cooperationParty").select("name").where("agreementId", "=", id).execute()).toEqual([]);
    expect(await t.db.selectFrom("upload").select("id").where("id", "=", uploadId).executeTakeFirst()).toBeUndefined();
    expect(await agreementAudits("agreement.deleted")).toEqual([{ entityId: id, actorUserId: staff.owner.id, data: { title: "MoU untuk dihapus" } }]);
  });
});

describe("authorization", () => {
  let id: string;
  beforeAll(async () => {
    id = (await createViaRoute(form({ title: "MoU rahasia" }))).id;
  });
  const handlers = () => [
    ["GET list", listRoute.loader, (c: string) => get(base(), c), params()],
    ["GET new", newRoute.loader, (c: string) => get(`${base()}/new`, c), params()],
    ["POST new", newRoute.action, (c: string) => post(`${base()}/new`, form(), c), params()],
    ["GET agreement", editRoute.loader, (c: string) => get(`${base()}/${id}`, c), params({ agreementId: id })],
    ["POST edit", editRoute.action, (c: string) => post(`${base()}/${id}`, form({ title: "Diubah" }), c), params({ agreementId: id })],
    ["POST delete", editRoute.action, (c: string) => post(`${base()}/${id}`, { intent: "delete" }, c), params({ agreementId: id })],
  ] as const;

  it("answers 403 to curators and gate staff, 404 to another organization, and changes nothing", async () => {
    const stranger = await makeAccount(t.db, "Pemilik Lain");
    const before = await countRows(t.db, TABLES);
    for (const [name, handler, request, p] of handlers()) {
      for (const [who, cookie, status] of [["curator", staff.curator.cookie, 403], ["gate_staff", staff.gate_staff.cookie, 403], ["stranger", stranger.cookie, 404]] as const) {
        const res = await callRoute(handler, request(cookie), p);
        expect(res.status, `${name} as ${who}`).toBe(status);
      }
    }
    expect(await countRows(t.db, TABLES)).toEqual(before);
    expect((await t.db.selectFrom("cooperationAgreement").select("title").where("id", "=", id).executeTakeFirstOrThrow()).title).toBe("MoU rahasia");
  });

  it("answers 404 for an agreement id of another event, or a malformed one, and changes nothing", async () => {
    const before = await countRows(t.db, TABLES);
    for (const agreementId of [id, "bukan-uuid", "00000000-0000-0000-0000-000000000000"]) {
      const p = params({ agreementId }, otherEventId);
      const path = `${base(otherEventId)}/${agreementId}`;
      expect((await callRoute(editRoute.loader, get(path, staff.owner.cookie), p)).status).toBe(404);
      expect((await callRoute(editRoute.action, post(path, form({ title: "Dibajak" }), staff.owner.cookie), p)).status).toBe(404);
      expect((await callRoute(editRoute.action, post(path, { intent: "delete" }, staff.owner.cookie), p)).status).toBe(404);
      expect((await callRoute(documentRoute.loader, get(`${path}/document`, staff.owner.cookie), p)).status).toBe(404);
    }
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });
});

describe("list and summary", () => {
  let event: string;
  beforeAll(async () => {
    event = (await makeEvent(t.db, org.id, { name: "Temu Bisnis Bandung–Solo", slug: "temu-bisnis-bandung-solo" })).id;
    const actor = { userId: staff.owner.id, organizationId: org.id };
    const party = (name: string, city: string, province: string) => ({ name, kind: "umkm" as const, city, province, signatoryName: "", signatoryTitle: "" });
    const kediri = party("Kadin Kota Kediri", "Kota Kediri", "Jawa Timur");
    const solo = party("Kadin Kota Surakarta", "Kota Surakarta", "Jawa Tengah");
    const bandung = party("Dinas KUKM Kabupaten Bandung", "Kabupaten Bandung", "Jawa Barat");
    for (let i = 0; i < 22; i++) {
      await createAgreement(t.db, event, actor, { title: `MoU UMKM ${String(i).padStart(2, "0")}`, kind: "mou", signedOn: `2026-12-${String(1 + (i % 9)).padStart(2, "0")}`, place: "", scope: "", parties: [kediri, solo] }, null);
    }
    await createAgreement(t.db, event, actor, { title: "PKS Kemasan", kind: "pks", signedOn: "2026-12-10", place: "", scope: "", parties: [bandung, { ...solo, city: "kota surakarta" }] }, null);
    await createAgreement(t.db, event, actor, { title: "LoI Sentra Batik", kind: "loi", signedOn: "2026-12-10", place: "", scope: "", parties: [party("Sentra Batik Laweyan", "", ""), solo] }, null);
  });
  const listOf = async (query: string) => (await callRoute(listRoute.loader, get(`${base(event)}${query}`, staff.admin.cookie), params({}, event))).body as {
    rows: Array<{ title: string; parties: string }>; total: number; page: number; eventTotal: number;
  };

  it("pages by 20, latest signing first", async () => {
    const first = await listOf("");
    expect([first.total, first.rows.length, first.rows[0]!.title]).toEqual([24, 20, "LoI Sentra Batik"]);
    const second = await listOf("?page=2");
    expect([second.page, second.rows.length]).toEqual([2, 4]);
  });

  it("searches titles and party names, filters by kind, and ignores nonsense parameters", async () => {
    expect((await listOf("?q=bandung")).rows.map((r) => r.title)).toEqual(["PKS Kemasan"]);
    expect((await listOf("?q=laweyan")).rows.map((r) => r.parties)).toEqual(["Sentra Batik Laweyan × Kadin Kota Surakarta"]);
    expect((await listOf("?q=kemasan")).total).toBe(1);
    expect((await listOf("?kind=mou")).total).toBe(22);
    expect((await listOf("?kind=mou&q=UMKM%2001")).rows.map((r) => r.title)).toEqual(["MoU UMKM 01"]);
    expect((await listOf("?q=100%25")).total).toBe(0);
    const odd = await listOf("?kind=kontrak&page=-3&q=%00");
    expect([odd.total, odd.page]).toEqual([24, 1]);
  });

  it("agreementSummary counts agreements by kind and the pairs of regions that signed", async () => {
    expect(await agreementSummary(t.db, event)).toEqual({
      total: 24,
      byKind: { mou: 22, pks: 1, loi: 1 },
      pairs: [
        { a: "Kota Kediri (Jawa Timur)", b: "Kota Surakarta (Jawa Tengah)", label: "Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)", count: 22 },
        // "kota surakarta" is the same region: it is named as first written (the MoUs were signed earlier).
        { a: "Kabupaten Bandung (Jawa Barat)", b: "Kota Surakarta (Jawa Tengah)", label: "Kabupaten Bandung (Jawa Barat) × Kota Surakarta (Jawa Tengah)", count: 1 },
      ],
      withoutRegions: 1,
    });
  });
});
