import { beforeAll, describe, expect, it } from "vitest";
import { assignBooth } from "~/booths/assign.server";
import { createBoothsInBulk, deleteBooth, updateBooth } from "~/booths/booths.server";
import * as floorPlan from "~/routes/o.$orgSlug.events.$eventId.floor-plan._index";
import * as boothPage from "~/routes/o.$orgSlug.events.$eventId.floor-plan.booths.$boothId";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { fieldErrors, makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { makeBooths, makeCall, makeExhibitor, makeHall, row } from "../../helpers/booth-factories";

const t = useTestDatabase();

type Ctx = { org: { id: string; slug: string }; staff: Staff; eventId: string; hallId: string; otherHallId: string };
const ctx = {} as Ctx;

beforeAll(async () => {
  const { org, staff } = await makeOrgWithStaff(t.db, "Dinkop UMKM Surakarta");
  ctx.org = org;
  ctx.staff = staff;
  ctx.eventId = (await makeEvent(t.db, org.id)).id;
  await makeCall(t.db, ctx.eventId, { sizes: [{ sizeM2: 9, feeIdr: 750_000 }] });
  ctx.hallId = await makeHall(t.db, ctx.eventId, "Hall Utama");
  ctx.otherHallId = await makeHall(t.db, ctx.eventId, "Hall Selatan");
});

const params = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });
const path = () => `/o/${ctx.org.slug}/events/${ctx.eventId}/floor-plan`;
const bulkForm = (overrides: Record<string, string> = {}) => ({
  intent: "bulk-create", hallId: ctx.hallId, rows: "2", cols: "4", startX: "0", startY: "0", w: "3", h: "3", aisleEvery: "2", codePattern: "A-{nn}", zone: "batik", ...overrides,
});
const boothCount = async () => Number((await t.db.selectFrom("booth").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe("bulk creation", () => {
  it("previews without writing: the count, the codes and the size and fee the booths would get", async () => {
    const res = await callRoute(floorPlan.action, post(path(), bulkForm({ intent: "bulk-preview" }), ctx.staff.admin.cookie), params());
    expect(res.status).toBe(200);
    const preview = (res.body as { preview: { count: number; booths: Array<{ code: string }>; sizeM2: number; priceIdr: string } }).preview;
    expect(preview.count).toBe(8);
    expect(preview.booths.map((b) => b.code)).toEqual(["A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07", "A-08"]);
    expect(preview).toMatchObject({ sizeM2: 9, priceIdr: "750000" });
    expect(await boothCount()).toBe(0);
  });

  it("creates rows × columns booths with the code pattern, w × h as size and the call's fee for that size", async () => {
    const res = await callRoute(floorPlan.action, post(path(), bulkForm(), ctx.staff.admin.cookie), params());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "booths.created", params: { count: 8 } });
    const booths = await t.db.selectFrom("booth").select(["code", "x", "y", "sizeM2", "priceIdr", "zone"]).orderBy("code").execute();
    expect(booths).toHaveLength(8);
    expect(booths[0]).toEqual({ code: "A-01", x: 0, y: 0, sizeM2: 9, priceIdr: "750000", zone: "batik" });
    expect(booths[4]).toMatchObject({ code: "A-05", x: 0, y: 3 });
  });

  it("refuses a grid overlapping an existing booth as a whole, naming the booth, and writes nothing", async () => {
    const before = await boothCount();
    const res = await callRoute(floorPlan.action, post(path(), bulkForm({ startX: "6", startY: "3", codePattern: "B-{nn}" }), ctx.staff.admin.cookie), params());
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).startX).toEqual(["booths.overlap|A-07"]);
    expect(await boothCount()).toBe(before);
  });

  it("refuses codes already used in the event, whatever the case (code_taken)", async () => {
    const res = await createBoothsInBulk(t.db, ctx.eventId, { ...parsedBulk(), hallId: ctx.otherHallId, codePattern: "a-{nn}" }, { dryRun: false });
    expect(res).toMatchObject({ ok: false, reason: "code_taken", detail: "a-01" });
  });

  it("places booths in another hall freely: halls do not share floor", async () => {
    const res = await createBoothsInBulk(t.db, ctx.eventId, { ...parsedBulk(), hallId: ctx.otherHallId, codePattern: "S{row}{n}" }, { dryRun: false });
    expect(res).toMatchObject({ ok: true, value: { count: 8 } });
  });

  it("lets the exclusion constraint decide between two overlapping creations at once: one wins, nothing of the other is written", async () => {
    const hall = await makeHall(t.db, ctx.eventId, "Hall Balapan");
    const [a, b] = await Promise.all([
      createBoothsInBulk(t.db, ctx.eventId, { ...parsedBulk(), hallId: hall, codePattern: "R1-{nn}" }, { dryRun: false }),
      createBoothsInBulk(t.db, ctx.eventId, { ...parsedBulk(), hallId: hall, startX: 1, codePattern: "R2-{nn}" }, { dryRun: false }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ ok: false, reason: "overlap" });
    expect(await t.db.selectFrom("booth").select("id").where("hallId", "=", hall).execute()).toHaveLength(8);
  });

  it("reports bad input on the fields and writes nothing", async () => {
    const before = await boothCount();
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ rows: "" }, "rows", "validation.required"],
      [{ rows: "dua" }, "rows", "validation.number"],
      [{ cols: "1.5" }, "cols", "validation.integer"],
      [{ cols: "101" }, "cols", "validation.too_large"],
      [{ startX: "-1" }, "startX", "booths.v.not_negative"],
      [{ codePattern: "A-" }, "codePattern", "booths.v.pattern_no_counter"],
      [{ codePattern: "A-{x}{n}" }, "codePattern", "booths.v.pattern_unknown_placeholder"],
      [{ price: "1.500,50" }, "price", "booths.v.price_fraction"],
      [{ price: "seribu" }, "price", "booths.v.price_not_a_number"],
      [{ hallId: "bukan-uuid" }, "hallId", "validation.invalid"],
      [{ rows: "100", cols: "100", codePattern: "Q{nnnn}" }, "cols", "booths.too_many|10000"],
      [{ startX: "998", codePattern: "Q{nn}" }, "startX", "booths.out_of_bounds|Q01"],
      [{ codePattern: "SANGAT-PANJANG-SEKALI-{nn}" }, "codePattern", "booths.code_too_long|SANGAT-PANJANG-SEKALI-01"],
    ];
    for (const [override, field, message] of cases) {
      const res = await callRoute(floorPlan.action, post(path(), bulkForm(override), ctx.staff.owner.cookie), params());
      expect([400, 409], JSON.stringify(override)).toContain(res.status);
      expect(fieldErrors(res.body)[field], JSON.stringify(override)).toEqual([message]);
    }
    const unknownHall = await callRoute(floorPlan.action, post(path(), bulkForm({ hallId: "00000000-0000-4000-8000-000000000000" }), ctx.staff.owner.cookie), params());
    expect(fieldErrors(unknownHall.body).hallId).toEqual(["booths.hall_not_found"]);
    expect(await boothCount()).toBe(before);
  });
});

function parsedBulk() {
  return { intent: "bulk-create" as const, hallId: ctx.hallId, rows: 2, cols: 4, startX: 0, startY: 0, w: 3, h: 3, aisleEvery: 2, aisleWidth: undefined, codePattern: "A-{nn}", sizeM2: undefined, zone: "", price: undefined };
}

describe("editing one booth", () => {
  const boothId = async (code: string) => (await t.db.selectFrom("booth").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const edit = { intent: "save-booth" as const, code: "A-02", sizeM2: 9, zone: "tenun", price: "900000", x: 3, y: 0, w: 3, h: 3 };

  it("moves a booth by its position, refusing a spot on another booth (overlap, named)", async () => {
    const id = await boothId("A-02");
    expect(await updateBooth(t.db, ctx.eventId, id, { ...edit, x: 4 })).toMatchObject({ ok: false, reason: "overlap", detail: "A-03" });
    const route = await callRoute(boothPage.action, post(`${path()}/booths/${id}`, { ...stringify(edit), x: "5" }, ctx.staff.admin.cookie), { ...params(), boothId: id });
    expect(route.status).toBe(409);
    expect(fieldErrors(route.body).x).toEqual(["booths.overlap|A-03"]);
    const moved = await callRoute(boothPage.action, post(`${path()}/booths/${id}`, { ...stringify(edit), y: "20" }, ctx.staff.admin.cookie), { ...params(), boothId: id });
    expect(moved.status).toBe(302);
    expect(await t.db.selectFrom("booth").select(["y", "zone", "priceIdr"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ y: 20, zone: "tenun", priceIdr: "900000" });
  });

  it("refuses a code another booth has (code_taken)", async () => {
    expect(await updateBooth(t.db, ctx.eventId, await boothId("A-02"), { ...edit, y: 20, code: "a-03" })).toMatchObject({ ok: false, reason: "code_taken" });
  });

  it("keeps an assigned booth's size, and refuses to delete it until released", async () => {
    const id = await boothId("A-03");
    const e = await makeExhibitor(t.db, ctx.eventId);
    expect((await assignBooth(t.db, { eventId: ctx.eventId, applicationId: e.applicationId, boothId: id, method: "manual", by: null, now: new Date(), appUrl: "http://x" })).ok).toBe(true);
    expect(await updateBooth(t.db, ctx.eventId, id, { ...edit, code: "A-03", x: 6, sizeM2: 12 })).toMatchObject({ ok: false, reason: "size_locked" });
    expect(await deleteBooth(t.db, ctx.eventId, id)).toMatchObject({ ok: false, reason: "booth_assigned" });
    const res = await callRoute(boothPage.action, post(`${path()}/booths/${id}`, { intent: "delete-booth" }, ctx.staff.owner.cookie), { ...params(), boothId: id });
    expect(await readToast(res.response)).toMatchObject({ type: "error", key: "booths.booth_assigned" });
    expect(await t.db.selectFrom("booth").select("id").where("id", "=", id).execute()).toHaveLength(1);
  });

  it("deletes a free booth after confirmation", async () => {
    const id = await boothId("A-04");
    const res = await callRoute(boothPage.action, post(`${path()}/booths/${id}`, { intent: "delete-booth" }, ctx.staff.owner.cookie), { ...params(), boothId: id });
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ key: "booths.deleted_toast", params: { code: "A-04" } });
    expect(await t.db.selectFrom("booth").select("id").where("id", "=", id).execute()).toHaveLength(0);
  });

  it("answers 404 for a malformed booth id and for another event's booth", async () => {
    expect((await callRoute(boothPage.loader, get(`${path()}/booths/x'; drop`, ctx.staff.owner.cookie), { ...params(), boothId: "x'; drop" })).status).toBe(404);
    const other = await makeEvent(t.db, ctx.org.id, { slug: "acara-lain-denah" });
    const hall = await makeHall(t.db, other.id);
    const b = await makeBooths(t.db, other.id, hall, row("Z", 1));
    expect((await callRoute(boothPage.loader, get(`${path()}/booths/${b["Z-01"]}`, ctx.staff.owner.cookie), { ...params(), boothId: b["Z-01"]! })).status).toBe(404);
  });
});

describe("selection window", () => {
  it("is saved in the event's zone and can be cleared", async () => {
    const form = { intent: "set-window", opensDay: "2026-11-01", opensTime: "09.00", closesDay: "2026-11-07", closesTime: "17:00" };
    const res = await callRoute(floorPlan.action, post(path(), form, ctx.staff.admin.cookie), params());
    expect(res.status).toBe(302);
    const call = await t.db.selectFrom("exhibitorCall").select(["selectionOpensAt", "selectionClosesAt"]).where("eventId", "=", ctx.eventId).executeTakeFirstOrThrow();
    expect(call.selectionOpensAt!.toISOString()).toBe("2026-11-01T02:00:00.000Z");
    expect(call.selectionClosesAt!.toISOString()).toBe("2026-11-07T10:00:00.000Z");
    const backwards = await callRoute(floorPlan.action, post(path(), { ...form, closesDay: "2026-10-31" }, ctx.staff.admin.cookie), params());
    expect(fieldErrors(backwards.body).closesTime).toEqual(["booths.v.window_order"]);
    const badDay = await callRoute(floorPlan.action, post(path(), { ...form, opensDay: "2026-02-30" }, ctx.staff.admin.cookie), params());
    expect(fieldErrors(badDay.body).opensDay).toEqual(["validation.date"]);
    expect((await callRoute(floorPlan.action, post(path(), { intent: "clear-window" }, ctx.staff.admin.cookie), params())).status).toBe(302);
    expect(await t.db.selectFrom("exhibitorCall").select("selectionOpensAt").where("eventId", "=", ctx.eventId).executeTakeFirstOrThrow()).toEqual({ selectionOpensAt: null });
  });

  it("needs a call for exhibitors first (no_call)", async () => {
    const other = await makeEvent(t.db, ctx.org.id, { slug: "tanpa-pendaftaran" });
    const res = await callRoute(floorPlan.action, post(`/o/${ctx.org.slug}/events/${other.id}/floor-plan`,
      { intent: "set-window", opensDay: "2026-11-01", opensTime: "09:00", closesDay: "2026-11-07", closesTime: "17:00" }, ctx.staff.owner.cookie),
    { orgSlug: ctx.org.slug, eventId: other.id });
    expect(res.status).toBe(409);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["booths.no_call"]);
  });
});

describe("the floor-plan page", () => {
  it("shows each hall's booths with status, corner and neighbours derived from geometry", async () => {
    const res = await callRoute(floorPlan.loader, get(`${path()}?hall=${ctx.hallId}`, ctx.staff.curator.cookie), params());
    expect(res.status).toBe(200);
    const body = res.body as { plan: { booths: Array<{ code: string; status: string; corner: boolean; adjacent: string[]; exhibitorName: string | null }> }; counts: { total: number; assigned: number } };
    const a01 = body.plan.booths.find((b) => b.code === "A-01")!;
    expect(a01).toMatchObject({ status: "available", corner: true, adjacent: ["A-05"] });
    expect(body.plan.booths.find((b) => b.code === "A-03")).toMatchObject({ status: "assigned" });
    expect(body.counts.assigned).toBe(1);
    const search = await callRoute(floorPlan.loader, get(`${path()}?hall=${ctx.hallId}&q=a-0&page=99999999999`, ctx.staff.owner.cookie), params());
    expect(search.status).toBe(200);
  });
});

function stringify(o: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}
