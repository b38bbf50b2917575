import { beforeAll, describe, expect, it } from "vitest";
import type { Instance, Result as AssignmentResult, UnassignedReason } from "~/booths/assignment/instance";
import { validateResult } from "~/booths/assignment/validate";
import { assignBooth } from "~/booths/assign.server";
import { buildInstance, confirmAutoAssignment, previewAutoAssignment, type Preview } from "~/booths/auto-assign.server";
import type { AutoRulesInput } from "~/booths/booth.schema";
import * as auto from "~/routes/o.$orgSlug.events.$eventId.floor-plan.auto";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { boothEmails, makeBooths, makeCall, makeCriterion, makeExhibitor, makeHall, row, scoreApplication, type TestExhibitor } from "../../helpers/booth-factories";

const t = useTestDatabase();
const APP_URL = "http://localhost:3000";
const OUTSIDE_JAVA = ["Kalimantan Barat", "Sulawesi Selatan", "Bali", "Nusa Tenggara Timur"];
const RULES: AutoRulesInput = { noAdjacentCompetitors: true, quotaProvinces: OUTSIDE_JAVA, quotaPercent: 30 };

type Ctx = { org: { id: string; slug: string }; staff: Staff; eventId: string; booths: Record<string, string>; fixed: TestExhibitor; fixedAssignmentId: string; exhibitors: TestExhibitor[] };
const ctx = {} as Ctx;

beforeAll(async () => {
  const { org, staff } = await makeOrgWithStaff(t.db, "Dekranasda Kediri");
  ctx.org = org;
  ctx.staff = staff;
  ctx.eventId = (await makeEvent(t.db, org.id)).id;
  await makeCall(t.db, ctx.eventId);
  const hallA = await makeHall(t.db, ctx.eventId, "Hall A");
  const hallB = await makeHall(t.db, ctx.eventId, "Hall B");
  // Two back-to-back rows of six 9 m² booths (batik in front, tenun behind), and four 18 m² booths.
  ctx.booths = {
    ...(await makeBooths(t.db, ctx.eventId, hallA, [...row("A", 6, 0, { zone: "batik", priceIdr: 1_000_000 }), ...row("T", 6, 3, { zone: "tenun", priceIdr: 0 })])),
    ...(await makeBooths(t.db, ctx.eventId, hallB, row("B", 4, 0, { w: 3, h: 6, sizeM2: 18, priceIdr: 2_000_000 }))),
  };
  const specs = [
    ...["Batik Laweyan", "Batik Kauman", "Batik Danar", "Batik Semanggi", "Batik Tirtonadi", "Batik Pasar Klewer"].map((name) => ({ name, sector: "batik_tulis" as const, zone: "batik" })),
    ...["Tenun Bandar", "Tenun Dermo", "Tenun Sikka"].map((name) => ({ name, sector: "tenun_ikat" as const, zone: "tenun" })),
    ...["Keripik Tempe", "Serabi Notosuman", "Kopi Toraja"].map((name) => ({ name, sector: "kuliner" as const })),
  ];
  const provinces = ["Jawa Tengah", "Jawa Tengah", "Kalimantan Barat", "Jawa Timur", "Jawa Tengah", "Bali", "Jawa Timur", "Jawa Timur", "Nusa Tenggara Timur", "Jawa Tengah", "Jawa Tengah", "Sulawesi Selatan"];
  ctx.exhibitors = [];
  for (const [i, s] of specs.entries()) ctx.exhibitors.push(await makeExhibitor(t.db, ctx.eventId, { ...s, province: provinces[i], historyYears: i % 4 }));
  for (const name of ["Songket Palembang", "Kriya Rotan", "Fesyen Lurik"]) ctx.exhibitors.push(await makeExhibitor(t.db, ctx.eventId, { name, sizeM2: 18, sector: "kriya" }));
  await makeExhibitor(t.db, ctx.eventId, { name: "Tanpa Ukuran", sizeM2: null });
  await makeExhibitor(t.db, ctx.eventId, { name: "Belum Diterima", status: "submitted" });
  // One exhibitor already has a confirmed booth: it must never move.
  ctx.fixed = await makeExhibitor(t.db, ctx.eventId, { name: "Batik Sudah Punya", sector: "batik_tulis", zone: "batik" });
  const res = await assignBooth(t.db, { eventId: ctx.eventId, applicationId: ctx.fixed.applicationId, boothId: ctx.booths["A-03"]!, method: "manual", by: staff.owner.id, now: new Date(), appUrl: APP_URL });
  if (!res.ok) throw new Error(res.reason);
  ctx.fixedAssignmentId = res.value.assignmentId;
});

const params = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });
const path = () => `/o/${ctx.org.slug}/events/${ctx.eventId}/floor-plan/auto`;
const ruleFields = (rules: AutoRulesInput) => {
  const body = new URLSearchParams();
  if (rules.noAdjacentCompetitors) body.append("noAdjacentCompetitors", "on");
  for (const p of rules.quotaProvinces) body.append("quotaProvinces", p);
  if (rules.quotaPercent !== undefined) body.append("quotaPercent", String(rules.quotaPercent));
  return body;
};
const postForm = (body: URLSearchParams, cookie: string) =>
  new Request(`http://localhost:3000${path()}`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie } });

/** The whole result the database now holds for an instance: every live assignment, and reasons for the rest. */
async function resultInDatabase(instance: Instance): Promise<AssignmentResult> {
  const live = await t.db.selectFrom("boothAssignment as a").innerJoin("booth as b", "b.id", "a.boothId").select(["a.applicationId", "b.code"])
    .where("a.eventId", "=", ctx.eventId).where("a.status", "=", "confirmed").execute();
  const known = new Set(instance.exhibitors.map((e) => e.id));
  const assignments = live.filter((l) => known.has(l.applicationId)).map((l) => ({ exhibitor: l.applicationId, booth: l.code }));
  const taken = new Set(assignments.map((a) => a.booth));
  const assigned = new Set(assignments.map((a) => a.exhibitor));
  const unassigned = instance.exhibitors.filter((e) => !assigned.has(e.id)).map((e) => ({
    exhibitor: e.id,
    reason: (!instance.booths.some((b) => b.size === e.size) ? "no_booth_of_size"
      : instance.booths.some((b) => b.size === e.size && !taken.has(b.id)) ? "conflict" : "capacity") as UnassignedReason,
  }));
  return { assignments, unassigned, stats: { score: 0, upperBound: 0, violations: 0, ms: 0 } };
}

const count = async (table: "boothAssignment" | "invoice" | "outbox") => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describe("automatic assignment", () => {
  let preview: Preview;

  it("previews a valid plan: score against its bound, who gets which booth, who waits and why, what changes", async () => {
    const before = { assignments: await count("boothAssignment"), outbox: await count("outbox") };
    // No intent: the preview is the default (Enter pressed in a field sends no button value).
    const res = await callRoute(auto.action, postForm(ruleFields(RULES), ctx.staff.admin.cookie), params());
    expect(res.status).toBe(200);
    preview = (res.body as { preview: Preview }).preview;
    expect(preview.stats.violations).toBe(0);
    expect(preview.stats.score).toBeLessThanOrEqual(preview.stats.upperBound);
    expect(preview.stats.percent).toBe(Math.floor((preview.stats.score / preview.stats.upperBound) * 1000) / 10);
    expect(preview.fixedCount).toBe(1);
    expect(preview.assignments.map((a) => a.applicationId)).not.toContain(ctx.fixed.applicationId);
    // 12 exhibitors of 9 m² for 11 free booths, 3 of 18 m² for 4 booths: at most 14 placed.
    expect(preview.assignments.length).toBeGreaterThanOrEqual(13);
    expect(preview.unassigned).toContainEqual(expect.objectContaining({ name: "Tanpa Ukuran", reason: "no_size" }));
    expect(preview.unassigned.map((u) => u.name)).not.toContain("Belum Diterima");
    expect(preview.invoices).toBe(preview.assignments.filter((a) => a.feeIdr !== "0").length);
    expect(preview.plan).toHaveLength(preview.assignments.length);
    // Previewing writes nothing.
    expect({ assignments: await count("boothAssignment"), outbox: await count("outbox") }).toEqual(before);
  });

  it("confirms exactly the previewed plan: 0 violations, the confirmed booth unchanged, invoices and emails queued", async () => {
    const instance = (await buildInstance(t.db, ctx.eventId, RULES)).instance;
    const emailsBefore = (await boothEmails(t.db)).length;
    const invoicesBefore = await count("invoice");
    const body = ruleFields(RULES);
    body.set("intent", "confirm");
    body.set("plan", JSON.stringify(preview.plan));
    const res = await callRoute(auto.action, postForm(body, ctx.staff.owner.cookie), params());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "booths.auto.done", params: { count: preview.plan.length } });
    expect(validateResult(instance, await resultInDatabase(instance))).toEqual([]);
    const fixed = await t.db.selectFrom("boothAssignment").select(["id", "boothId", "status", "method"]).where("applicationId", "=", ctx.fixed.applicationId).execute();
    expect(fixed).toEqual([{ id: ctx.fixedAssignmentId, boothId: ctx.booths["A-03"], status: "confirmed", method: "manual" }]);
    for (const p of preview.assignments) {
      const a = await t.db.selectFrom("boothAssignment").select(["boothId", "method", "feeIdr"]).where("applicationId", "=", p.applicationId).where("status", "=", "confirmed").executeTakeFirstOrThrow();
      expect(a).toEqual({ boothId: p.boothId, method: "auto", feeIdr: p.feeIdr });
    }
    expect((await boothEmails(t.db)).length - emailsBefore).toBe(preview.plan.length);
    expect(await count("invoice") - invoicesBefore).toBe(preview.invoices);
    const audits = await t.db.selectFrom("auditLog").select("action").where("action", "in", ["booth.assigned", "booth.auto_assigned"]).where("eventId", "=", ctx.eventId).execute();
    expect(audits.filter((a) => a.action === "booth.assigned")).toHaveLength(preview.plan.length + 1);
    expect(audits.filter((a) => a.action === "booth.auto_assigned")).toHaveLength(1);
  });

  it("keeps competitors apart and meets the outside-Java quota", async () => {
    const rows = await t.db.selectFrom("boothAssignment as a").innerJoin("booth as b", "b.id", "a.boothId")
      .innerJoin("application as ap", "ap.id", "a.applicationId").innerJoin("business as bu", "bu.id", "ap.businessId")
      .select(["b.code", "b.x", "b.y", "b.hallId", "bu.sector", "bu.province"]).where("a.status", "=", "confirmed").where("a.eventId", "=", ctx.eventId).execute();
    const nineSquare = rows.filter((r) => /^[AT]-/.test(r.code));
    for (const a of nineSquare) {
      for (const b of nineSquare) {
        const touching = (a.x === b.x && Math.abs(a.y - b.y) === 3) || (a.y === b.y && Math.abs(a.x - b.x) === 3);
        if (touching) expect(a.sector === b.sector, `${a.code} and ${b.code}`).toBe(false);
      }
    }
    // Four exhibitors come from outside Java, fewer than 30 % of those placed: then every one of them is placed.
    const outside = rows.filter((r) => OUTSIDE_JAVA.includes(r.province)).length;
    expect(outside >= 0.3 * rows.length || outside === 4).toBe(true);
    expect(outside).toBe(4);
  });

  it("refuses a stale plan as a whole when a booth was taken after the preview (plan_stale), writing nothing", async () => {
    const event = await makeEvent(t.db, ctx.org.id, { slug: "pameran-basi" });
    await makeCall(t.db, event.id);
    const hall = await makeHall(t.db, event.id);
    const booths = await makeBooths(t.db, event.id, hall, row("S", 3, 0, { priceIdr: 100_000 }));
    const a = await makeExhibitor(t.db, event.id, { name: "Batik Satu" });
    await makeExhibitor(t.db, event.id, { name: "Batik Dua" });
    const rules = { noAdjacentCompetitors: false, quotaProvinces: [] };
    const stale = await previewAutoAssignment(t.db, event.id, rules);
    expect(stale.plan).toHaveLength(2);
    const late = await makeExhibitor(t.db, event.id, { name: "Batik Datang Belakangan" });
    const planned = stale.plan.find(([app]) => app === a.applicationId)![1];
    expect((await assignBooth(t.db, { eventId: event.id, applicationId: late.applicationId, boothId: planned, method: "manual", by: null, now: new Date(), appUrl: APP_URL })).ok).toBe(true);
    const before = { assignments: await count("boothAssignment"), invoices: await count("invoice"), outbox: await count("outbox") };
    const res = await confirmAutoAssignment(t.db, { eventId: event.id, rules, plan: stale.plan.map(([applicationId, boothId]) => ({ applicationId, boothId })), by: ctx.staff.owner.id, now: new Date(), appUrl: APP_URL });
    expect(res).toMatchObject({ ok: false, reason: "plan_stale" });
    expect({ assignments: await count("boothAssignment"), invoices: await count("invoice"), outbox: await count("outbox") }).toEqual(before);
    expect(booths).toBeDefined();
  });

  it("refuses a plan that breaks a rule, even if every booth is free (validateResult decides)", async () => {
    const event = await makeEvent(t.db, ctx.org.id, { slug: "pameran-pesaing" });
    await makeCall(t.db, event.id);
    const hall = await makeHall(t.db, event.id);
    const booths = await makeBooths(t.db, event.id, hall, row("P", 2));
    const x = await makeExhibitor(t.db, event.id, { sector: "kuliner" });
    const y = await makeExhibitor(t.db, event.id, { sector: "kuliner" });
    const plan = [{ applicationId: x.applicationId, boothId: booths["P-01"]! }, { applicationId: y.applicationId, boothId: booths["P-02"]! }];
    const res = await confirmAutoAssignment(t.db, { eventId: event.id, rules: { noAdjacentCompetitors: true, quotaProvinces: [] }, plan, by: ctx.staff.owner.id, now: new Date(), appUrl: APP_URL });
    expect(res).toMatchObject({ ok: false, reason: "plan_stale" });
    expect(res.ok ? "" : res.detail).toMatch(/^adjacent_competitors/);
    expect(await t.db.selectFrom("boothAssignment").select("id").where("eventId", "=", event.id).execute()).toHaveLength(0);
  });

  it("gives the only booth to the exhibitor with more priority points (curation score and years exhibited)", async () => {
    const event = await makeEvent(t.db, ctx.org.id, { slug: "pameran-prioritas" });
    await makeCall(t.db, event.id);
    const hall = await makeHall(t.db, event.id);
    await makeBooths(t.db, event.id, hall, row("X", 1));
    const low = await makeExhibitor(t.db, event.id, { name: "Nilai Rendah", historyYears: 1 });
    const high = await makeExhibitor(t.db, event.id, { name: "Nilai Tinggi", historyYears: 0 });
    const quality = await makeCriterion(t.db, event.id, "Kualitas produk", 3);
    const packaging = await makeCriterion(t.db, event.id, "Kemasan", 1);
    await scoreApplication(t.db, low.applicationId, ctx.staff.curator.id, [{ criterionId: quality, score: 2 }, { criterionId: packaging, score: 2 }]);
    await scoreApplication(t.db, high.applicationId, ctx.staff.curator.id, [{ criterionId: quality, score: 5 }, { criterionId: packaging, score: 1 }]);
    await scoreApplication(t.db, high.applicationId, ctx.staff.owner.id, [{ criterionId: quality, score: 4 }]);
    const p = await previewAutoAssignment(t.db, event.id, { noAdjacentCompetitors: false, quotaProvinces: [] });
    // low: 10 + 25 + 5 = 40; high: 10 + mean(75, 75) + 0 = 85.
    expect(p.assignments).toEqual([expect.objectContaining({ name: "Nilai Tinggi", priority: 85 })]);
    expect(p.unassigned).toEqual([expect.objectContaining({ name: "Nilai Rendah", reason: "capacity" })]);
  });

  it("scores an exhibitor's favourite booths above its zone", async () => {
    const event = await makeEvent(t.db, ctx.org.id, { slug: "pameran-favorit" });
    await makeCall(t.db, event.id, { selection: null });
    const hall = await makeHall(t.db, event.id);
    const booths = await makeBooths(t.db, event.id, hall, [...row("Z", 3, 0, { zone: "batik" })]);
    const e = await makeExhibitor(t.db, event.id, { zone: "batik" });
    await t.db.insertInto("boothPreference").values({ applicationId: e.applicationId, boothId: booths["Z-03"]!, rank: 1 }).execute();
    const p = await previewAutoAssignment(t.db, event.id, { noAdjacentCompetitors: false, quotaProvinces: [] });
    expect(p.assignments).toEqual([expect.objectContaining({ boothCode: "Z-03", fit: 3 })]);
  });

  it("lets curators and gate staff look but not run it", async () => {
    for (const role of ["curator", "gate_staff"] as const) {
      expect((await callRoute(auto.loader, get(path(), ctx.staff[role].cookie), params())).status).toBe(200);
      expect((await callRoute(auto.action, postForm(ruleFields(RULES), ctx.staff[role].cookie), params())).status).toBe(403);
    }
  });

  it("reports a bad quota share on its field and a garbled plan as stale", async () => {
    const bad = ruleFields({ ...RULES, quotaPercent: undefined });
    bad.set("quotaPercent", "130");
    const res = await callRoute(auto.action, postForm(bad, ctx.staff.owner.cookie), params());
    expect(res.status).toBe(400);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error.quotaPercent).toEqual(["validation.too_large"]);
    const garbled = ruleFields(RULES);
    garbled.set("intent", "confirm");
    garbled.set("plan", "[[\"x\",1]]");
    const g = await callRoute(auto.action, postForm(garbled, ctx.staff.owner.cookie), params());
    expect(g.status).toBe(400);
    expect((g.body as { result: { error: Record<string, string[]> } }).result.error.plan).toEqual(["booths.plan_stale"]);
  });
});
