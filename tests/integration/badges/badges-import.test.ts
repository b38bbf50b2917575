import { beforeAll, describe, expect, it } from "vitest";
import * as importPage from "~/routes/o.$orgSlug.events.$eventId.badges.import._index";
import * as progressPage from "~/routes/o.$orgSlug.events.$eventId.badges.import.$importId";
import { createImport, runBadgeImport } from "~/badges/badge-import.server";
import { drainOutbox } from "~/utils/outbox.server";
import { useTestDatabase } from "../../helpers/db";
import { BASE, callRoute, get, post } from "../../helpers/http";
import { countRows, makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";

const t = useTestDatabase();
const ctx = {} as { org: { id: string; slug: string }; staff: Staff; eventId: string };
const path = () => `/o/${ctx.org.slug}/events/${ctx.eventId}/badges/import`;
const params = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });
const TABLES = ["badge", "badgeImport", "outbox"] as const;

function upload(csv: string, cookie: string, name = "tamu.csv") {
  const form = new FormData();
  form.set("intent", "preview");
  form.set("file", new File([csv], name, { type: "text/csv" }));
  return new Request(`${BASE}${path()}`, { method: "POST", body: form, headers: { cookie } });
}

const GOOD = [
  "nama,instansi,email,telepon,kategori,bahasa",
  "Sari Wulandari,Batik Laweyan,sari@batik.test,0812-3456-7890,pembeli,id",
  "Budi Santoso,Solopos,budi@solopos.test,,media,en",
  "=cmd|' /C calc'!A0,Evil,,,,",
  "Dewi,Dekranasda,dewi-at-x,021-5551234,alien,fr",
  "Agus Salim,Kadin Kediri,,,,",
].join("\n");

beforeAll(async () => {
  const a = await makeOrgWithStaff(t.db, "Kadin Impor");
  const event = await makeEvent(t.db, a.org.id, { slug: "pameran-impor" });
  Object.assign(ctx, { org: a.org, staff: a.staff, eventId: event.id });
});

describe("badge CSV import", () => {
  it("the preview lists each problem by row and column and saves nothing", async () => {
    const before = await countRows(t.db, TABLES);
    const res = await callRoute(importPage.action, upload(GOOD, ctx.staff.admin.cookie), params());
    const body = res.body as { preview: { ready: number; problems: Array<{ row: number; column: string; error: string }> } };
    expect(body.preview.ready).toBe(3);
    expect(body.preview.problems.map((p) => `${p.row}:${p.column}:${p.error}`)).toEqual([
      "4:name:formula", "5:email:email", "5:phone:whatsapp_landline", "5:kind:kind", "5:language:language",
    ]);
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it.each([
    ["an xlsx file", "PK\u0003\u0004\u0000\u0000[Content_Types].xml", "binary"],
    ["a file without a name column", "email\nx@y.id", "no_name_column"],
    ["an empty file", "", "empty"],
  ])("%s is refused with a message and nothing saved", async (_case, csv, error) => {
    const before = await countRows(t.db, TABLES);
    const res = await callRoute(importPage.action, upload(csv, ctx.staff.owner.cookie, "tamu.xlsx"), params());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error, preview: null });
    expect(await countRows(t.db, TABLES)).toEqual(before);
  });

  it("confirming starts a background job that issues the ready rows with their emails and reports progress; a re-run issues nothing twice", async () => {
    const res = await callRoute(importPage.action, post(path(), { intent: "confirm", csv: GOOD, fileName: "tamu.csv", sendEmail: "on" }, ctx.staff.admin.cookie), params());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ key: "badges.import.started" });
    const importId = res.response!.headers.get("location")!.split("/").pop()!;
    const queued = await callRoute(progressPage.loader, get(`${path()}/${importId}`, ctx.staff.admin.cookie), { ...params(), importId });
    expect((queued.body as { imp: { status: string; processed: number; total: number } }).imp).toMatchObject({ status: "queued", processed: 0, total: 3 });
    expect(await t.db.selectFrom("badge").select("id").execute()).toHaveLength(0);

    await drainOutbox(t.db);
    const done = await callRoute(progressPage.loader, get(`${path()}/${importId}`, ctx.staff.admin.cookie), { ...params(), importId });
    expect((done.body as { imp: object }).imp).toMatchObject({ status: "done", processed: 3, total: 3, failed: 0 });
    const badges = await t.db.selectFrom("badge").select(["holderName", "kind", "locale", "phone", "source", "importRow"]).orderBy("importRow").execute();
    expect(badges).toEqual([
      { holderName: "Sari Wulandari", kind: "buyer", locale: "id", phone: "+6281234567890", source: "import", importRow: 0 },
      { holderName: "Budi Santoso", kind: "press", locale: "en", phone: null, source: "import", importRow: 1 },
      { holderName: "Agus Salim", kind: "visitor", locale: "id", phone: null, source: "import", importRow: 2 },
    ]);
    const emails = await t.db.selectFrom("emailLog").select(["toAddress", "template"]).orderBy("toAddress").execute();
    expect(emails).toEqual([{ toAddress: "budi@solopos.test", template: "badge-issued" }, { toAddress: "sari@batik.test", template: "badge-issued" }]);

    // A worker that died after issuing runs the job again from the stored rows: nothing is issued twice.
    await t.db.updateTable("badgeImport").set({ status: "running", processed: 0, rows: JSON.stringify(badges.map((b) => ({
      kind: b.kind, holderName: b.holderName, organizationName: "", email: null, phone: b.phone, locale: b.locale,
    }))) }).where("id", "=", importId).execute();
    const outboxBefore = await countRows(t.db, ["outbox", "badge"]);
    await runBadgeImport(t.db, importId, new Date());
    expect(await countRows(t.db, ["outbox", "badge"])).toEqual(outboxBefore);
    expect(await t.db.selectFrom("badgeImport").select(["status", "processed", "failed"]).where("id", "=", importId).executeTakeFirstOrThrow())
      .toEqual({ status: "done", processed: 3, failed: 0 });
  });

  it("a large import is split into follow-up jobs that each take a bounded number of rows", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ kind: "visitor" as const, holderName: `Tamu ${i}`, organizationName: "", email: null, phone: null, locale: "id" as const }));
    const { id } = await createImport(t.db, { eventId: ctx.eventId, organizationId: ctx.org.id, by: null, fileName: "besar.csv", rows, sendEmail: false });
    await t.db.deleteFrom("outbox").where("kind", "=", "badge-import").where("status", "=", "pending").execute();
    await runBadgeImport(t.db, id, new Date(), 3);
    expect(await t.db.selectFrom("badgeImport").select(["status", "processed"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "running", processed: 3 });
    const followUps = await t.db.selectFrom("outbox").select("payload").where("kind", "=", "badge-import").where("status", "=", "pending").execute();
    expect(followUps.map((f) => JSON.stringify(f.payload))).toEqual([expect.stringContaining(id)]);
    await runBadgeImport(t.db, id, new Date(), 3);
    await runBadgeImport(t.db, id, new Date(), 3);
    expect(await t.db.selectFrom("badgeImport").select(["status", "processed"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "done", processed: 7 });
    expect(await t.db.selectFrom("badge").select("importRow").where("importId", "=", id).orderBy("importRow").execute()).toEqual(rows.map((_, i) => ({ importRow: i })));
  });

  it("curators cannot import and another organization's import is not found", async () => {
    expect((await callRoute(importPage.action, upload(GOOD, ctx.staff.curator.cookie), params())).status).toBe(403);
    const imp = await t.db.selectFrom("badgeImport").select("id").executeTakeFirstOrThrow();
    const other = await makeOrgWithStaff(t.db, "Kadin Lain", ctx.staff);
    const otherEvent = await makeEvent(t.db, other.org.id, { slug: "pameran-lain-impor" });
    const res = await callRoute(progressPage.loader, get("/x", ctx.staff.owner.cookie), { orgSlug: other.org.slug, eventId: otherEvent.id, importId: imp.id });
    expect(res.status).toBe(404);
  });
});
