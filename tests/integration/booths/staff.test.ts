import { beforeAll, describe, expect, it } from "vitest";
import { assignBooth } from "~/booths/assign.server";
import { addStaff } from "~/booths/staff.server";
import * as staffPage from "~/routes/exhibitor.applications.$applicationId.staff";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { fieldErrors, makeEvent, makeOrgWithStaff, readToast } from "../../helpers/factories";
import { makeBooths, makeCall, makeExhibitor, makeHall, row, type TestExhibitor } from "../../helpers/booth-factories";

const t = useTestDatabase();

type Ctx = { eventId: string; booths: Record<string, string>; withBooth: TestExhibitor; noBooth: TestExhibitor };
const ctx = {} as Ctx;

beforeAll(async () => {
  const { org } = await makeOrgWithStaff(t.db, "EO Wastra");
  ctx.eventId = (await makeEvent(t.db, org.id)).id;
  // 9 m² booths allow 3 staff; 4 m² booths have no size row, so the default of 2 applies.
  await makeCall(t.db, ctx.eventId, { sizes: [{ sizeM2: 9, staffLimit: 3 }] });
  const hall = await makeHall(t.db, ctx.eventId);
  ctx.booths = await makeBooths(t.db, ctx.eventId, hall, [...row("A", 4), ...row("K", 2, 5, { w: 2, h: 2, sizeM2: 4 })]);
  ctx.withBooth = await makeExhibitor(t.db, ctx.eventId, { name: "Batik Berstaf" });
  ctx.noBooth = await makeExhibitor(t.db, ctx.eventId, { name: "Batik Menunggu" });
  await give(ctx.withBooth, "A-01");
});

async function give(e: TestExhibitor, code: string) {
  const res = await assignBooth(t.db, { eventId: ctx.eventId, applicationId: e.applicationId, boothId: ctx.booths[code]!, method: "manual", by: null, now: new Date(), appUrl: "http://x" });
  if (!res.ok) throw new Error(res.reason);
}

const url = (e: TestExhibitor) => `/exhibitor/applications/${e.applicationId}/staff`;
const send = (e: TestExhibitor, fields: Record<string, string>, cookie = e.user.cookie) =>
  callRoute(staffPage.action, post(url(e), fields, cookie), { applicationId: e.applicationId });
const staffOf = (e: TestExhibitor) => t.db.selectFrom("exhibitorStaff").select(["id", "name", "role", "phone", "email"]).where("applicationId", "=", e.applicationId).orderBy("createdAt").execute();

describe("booth staff", () => {
  it("registers staff with a normalised +62 phone, up to the staff limit of the booth's size", async () => {
    const added = await send(ctx.withBooth, { intent: "add-staff", name: "Sri Rahayu", role: "Pemilik", phone: "0812-3456-7890", email: "Sri@Batik.test" });
    expect(added.status).toBe(302);
    expect(await readToast(added.response)).toMatchObject({ key: "booths.staff.added" });
    expect(await staffOf(ctx.withBooth)).toEqual([expect.objectContaining({ name: "Sri Rahayu", role: "Pemilik", phone: "+6281234567890", email: "sri@batik.test" })]);
    expect((await send(ctx.withBooth, { intent: "add-staff", name: "Dwi" })).status).toBe(302);
    expect((await send(ctx.withBooth, { intent: "add-staff", name: "Tri Wahyuni", phone: "+62 857 1111 2222" })).status).toBe(302);
    const fourth = await send(ctx.withBooth, { intent: "add-staff", name: "Catur" });
    expect(fourth.status).toBe(409);
    expect((fourth.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["booths.staff.staff_limit"]);
    expect(await staffOf(ctx.withBooth)).toHaveLength(3);
  });

  it("enforces the limit under concurrency: 10 adds at once to an empty booth of limit 2 leave exactly 2", async () => {
    const e = await makeExhibitor(t.db, ctx.eventId, { name: "Kriya Ramai", sizeM2: 4 });
    await give(e, "K-01");
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      addStaff(t.db, { eventId: ctx.eventId, applicationId: e.applicationId, staff: { name: `Penjaga ${i + 1}`, role: "", phone: null, email: null } })));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(8).fill("staff_limit"));
    expect(await staffOf(e)).toHaveLength(2);
  });

  it("needs a confirmed booth first (no_booth), and the page says so", async () => {
    const res = await send(ctx.noBooth, { intent: "add-staff", name: "Terlalu Awal" });
    expect(res.status).toBe(409);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["booths.staff.no_booth"]);
    const page = await callRoute(staffPage.loader, get(url(ctx.noBooth), ctx.noBooth.user.cookie), { applicationId: ctx.noBooth.applicationId });
    expect(page.body).toMatchObject({ booth: null, staff: [] });
  });

  it("edits and removes a staff member of one's own booth", async () => {
    const [first] = await staffOf(ctx.withBooth);
    const edited = await send(ctx.withBooth, { intent: "save-staff", id: first!.id, name: "Sri Rahayu Lestari", role: "Pemilik", phone: "6281234567890" });
    expect(edited.status).toBe(302);
    expect((await staffOf(ctx.withBooth))[0]).toMatchObject({ name: "Sri Rahayu Lestari", phone: "+6281234567890", email: null });
    const removed = await send(ctx.withBooth, { intent: "delete-staff", id: first!.id });
    expect(removed.status).toBe(302);
    expect(await staffOf(ctx.withBooth)).toHaveLength(2);
  });

  it("treats another exhibitor's staff as not found and their page as 404", async () => {
    const [theirs] = await staffOf(ctx.withBooth);
    expect((await send(ctx.noBooth, { intent: "delete-staff", id: theirs!.id })).status).toBe(404);
    expect((await send(ctx.noBooth, { intent: "save-staff", id: theirs!.id, name: "Pembajak" })).status).toBe(404);
    expect((await callRoute(staffPage.loader, get(url(ctx.withBooth), ctx.noBooth.user.cookie), { applicationId: ctx.withBooth.applicationId })).status).toBe(404);
    expect((await send(ctx.withBooth, { intent: "add-staff", name: "Penyusup" }, ctx.noBooth.user.cookie)).status).toBe(404);
    expect(await staffOf(ctx.withBooth)).toHaveLength(2);
  });

  it("reports bad input on the fields and writes nothing", async () => {
    const e = await makeExhibitor(t.db, ctx.eventId, { name: "Batik Input Aneh" });
    await give(e, "A-02");
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ name: "" }, "name", "validation.required"],
      [{ name: "A" }, "name", "validation.too_short_2"],
      [{ name: "Nama\u0000" }, "name", "validation.invalid"],
      [{ name: "Budi", phone: "021-555-1234" }, "phone", "booths.v.phone"],
      [{ name: "Budi", phone: "+1 202 555 0100" }, "phone", "booths.v.phone"],
      [{ name: "Budi", email: "bukan email" }, "email", "validation.email"],
    ];
    for (const [fields, field, message] of cases) {
      const res = await send(e, { intent: "add-staff", ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(fieldErrors(res.body)[field], JSON.stringify(fields)).toEqual([message]);
    }
    expect((await send(e, { intent: "delete-staff", id: "nope" })).status).toBe(400);
    expect((await send(e, { intent: "mystery" })).status).toBe(400);
    expect(await staffOf(e)).toHaveLength(0);
  });
});
