import { expect, it } from "vitest";
import { confirmAutoAssignment, previewAutoAssignment } from "~/booths/auto-assign.server";
import { useTestDatabase } from "../../helpers/db";
import { makeEvent, makeOrgWithStaff } from "../../helpers/factories";
import { makeBooths, makeCall, makeHall, row } from "../../helpers/booth-factories";

const t = useTestDatabase();
// Thousands of assignments are written set-wise (a fixed number of statements): this checks the bookkeeping holds.
it("confirms 2,000 automatic assignments at once with consecutive invoice numbers, one audit entry and one email each", async () => {
  const { org, staff: { owner } } = await makeOrgWithStaff(t.db, "Kadin Skala");
  const event = await makeEvent(t.db, org.id);
  await makeCall(t.db, event.id, { sizes: [{ sizeM2: 9, feeIdr: 1_500_000 }] });
  const hall = await makeHall(t.db, event.id);
  const N = 2000;
  for (let r = 0; r < 21; r++) await makeBooths(t.db, event.id, hall, row(`R${r}`, 100, r * 4, { priceIdr: 1_500_000 }));
  const users = await t.db.insertInto("appUser").values(Array.from({ length: N }, (_, i) => ({ email: `u${i}@x.id`, name: `U${i}`, passwordHash: "x" }))).returning("id").execute();
  const biz = [];
  for (let i = 0; i < N; i += 500) biz.push(...await t.db.insertInto("business").values(users.slice(i, i + 500).map((u, j) => ({
    ownerUserId: u.id, name: `Batik ${i + j}`, brandName: "", ownerName: "P", umkmClass: "kecil" as const, sector: "batik_tulis" as const, city: "Solo", province: "Jawa Tengah", email: `u${i + j}@x.id`,
  }))).returning("id").execute());
  for (let i = 0; i < N; i += 500) await t.db.insertInto("application").values(biz.slice(i, i + 500).map((b) => ({
    eventId: event.id, businessId: b.id, status: "accepted" as const, preferredSizeM2: 9, preferredZone: "", historyYears: 0, submittedAt: new Date(),
  }))).execute();
  const rules = { noAdjacentCompetitors: false, quotaProvinces: [], quotaPercent: undefined } as never;
  const preview = await previewAutoAssignment(t.db, event.id, rules);
  expect(preview.assignments).toHaveLength(N);
  const plan = preview.plan.map(([applicationId, boothId]) => ({ applicationId, boothId }));
  const res = await confirmAutoAssignment(t.db, { eventId: event.id, rules, plan, by: owner.id, now: new Date(), appUrl: "http://x" });
  expect(res).toEqual({ ok: true, value: { count: N } });
  const invoices = await t.db.selectFrom("invoice").select("number").where("eventId", "=", event.id).execute();
  const serials = invoices.map((i) => Number(/(\d+)$/.exec(i.number)![1])).sort((a, b) => a - b);
  expect(serials).toEqual(Array.from({ length: N }, (_, i) => i + 1));
  const count = (table: "auditLog" | "outbox", column: "action" | "kind", value: string) =>
    t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).where(column, "=", value).executeTakeFirstOrThrow();
  expect(Number((await count("auditLog", "action", "booth.assigned")).n)).toBe(N);
  expect(Number((await count("outbox", "kind", "email")).n)).toBeGreaterThanOrEqual(N);
}, 300_000);
