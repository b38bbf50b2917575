import { beforeAll, describe, expect, it } from "vitest";
import { CURATION_STATUSES } from "~/curation/curation.schema";
import { rankApplications } from "~/curation/scoring";
import * as queue from "~/routes/o.$orgSlug.events.$eventId.curation._index";
import * as summaryRoute from "~/routes/o.$orgSlug.events.$eventId.curation.summary";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get } from "../../helpers/http";
import { makeEvent, makeOrgWithStaff, type Staff } from "../../helpers/factories";
import { giveScores, makeApplicant, makeCriteria } from "../../helpers/curation-factories";

const t = useTestDatabase();
let org: { id: string; slug: string };
let staff: Staff;
let eventId: string;
const ids: Record<string, string> = {};
let kualitas: string;
let kemasan: string;

type QueueData = Awaited<ReturnType<typeof queue.loader>>;
type SummaryData = Awaited<ReturnType<typeof summaryRoute.loader>>["summary"];

async function openQueue(search = "", who: keyof Staff = "owner", event = eventId): Promise<QueueData> {
  const res = await callRoute(queue.loader, get(`/o/${org.slug}/events/${event}/curation${search ? `?${search}` : ""}`, staff[who].cookie), { orgSlug: org.slug, eventId: event });
  expect(res.status).toBe(200);
  return res.body as QueueData;
}
async function openSummary(event = eventId): Promise<SummaryData> {
  const res = await callRoute(summaryRoute.loader, get(`/o/${org.slug}/events/${event}/curation/summary`, staff.curator.cookie), { orgSlug: org.slug, eventId: event });
  expect(res.status).toBe(200);
  return (res.body as Awaited<ReturnType<typeof summaryRoute.loader>>).summary;
}
const names = (q: QueueData) => q.rows.map((r) => r.businessName);
const on = (day: number) => new Date(Date.UTC(2026, 9, day, 3, 0));

/**
 * The known data set: criteria Kualitas (weight 3) and Kemasan (weight 1); a curator's score is
 * (3 × kualitas + kemasan) / 4 on 1–5, mapped to 0–100.
 *
 * | app | sector     | province       | status     | submitted | curator | admin | average |
 * | A   | batik_tulis| Jawa Tengah    | submitted  | 1 Oct     | 5,5=100 | 3,3=50| 75      |
 * | B   | batik_tulis| Jawa Timur     | submitted  | 2 Oct     | 4,2=63  |       | 62.5→63 |
 * | C   | tenun_ikat | Jawa Timur     | waitlisted | 3 Oct     |         | 4,4=75| 75      |
 * | D   | tenun_ikat | Jawa Timur     | accepted   | 4 Oct     | 5,1=75  | 2,2=25| 50      |
 * | E   | kuliner    | Jawa Tengah    | rejected   | 5 Oct     |         |       | —       |
 * | F   | kriya      | DI Yogyakarta  | withdrawn  | 6 Oct     |         |       | —       |
 * | H   | batik_tulis| Jawa Tengah    | submitted  | 7 Oct     |         |       | —       |
 * | G   | batik_cap  | Jawa Tengah    | draft      | (never counted)                         |
 */
beforeAll(async () => {
  ({ org, staff } = await makeOrgWithStaff(t.db, "Dinkop UMKM Surakarta"));
  eventId = (await makeEvent(t.db, org.id, { slug: "kurasi-ringkasan" })).id;
  [kualitas, kemasan] = await makeCriteria(t.db, eventId, [{ name: "Kualitas", weight: 3 }, { name: "Kemasan", weight: 1 }]) as [string, string];
  const add = async (key: string, name: string, sector: string, province: string, status: string, day: number | null, brandName = "") => {
    ids[key] = (await makeApplicant(t.db, eventId,
      { name, brandName, sector: sector as never, province, city: province === "Jawa Timur" ? "Kediri" : "Surakarta" },
      { status: status as never, submittedAt: day === null ? null : on(day) })).applicationId;
  };
  await add("A", "Batik Tulis Sekar Jagad", "batik_tulis", "Jawa Tengah", "submitted", 1);
  await add("B", "Batik Tulis Kediri Asri", "batik_tulis", "Jawa Timur", "submitted", 2);
  await add("C", "Tenun Ikat Bandar Kidul", "tenun_ikat", "Jawa Timur", "waitlisted", 3);
  await add("D", "Tenun Ikat Medali Mas", "tenun_ikat", "Jawa Timur", "accepted", 4);
  await add("E", "Serabi Notosuman", "kuliner", "Jawa Tengah", "rejected", 5);
  await add("F", "Perak 100% Kotagede_", "kriya", "DI Yogyakarta", "withdrawn", 6);
  await add("H", "Batik Tulis Laweyan", "batik_tulis", "Jawa Tengah", "submitted", 7, "Sogan Asri");
  await add("G", "Batik Cap Masih Draf", "batik_cap", "Jawa Tengah", "draft", null);
  const c = staff.curator.id;
  const a = staff.admin.id;
  await giveScores(t.db, ids.A!, c, { [kualitas]: 5, [kemasan]: 5 });
  await giveScores(t.db, ids.A!, a, { [kualitas]: 3, [kemasan]: 3 });
  await giveScores(t.db, ids.B!, c, { [kualitas]: 4, [kemasan]: 2 });
  await giveScores(t.db, ids.C!, a, { [kualitas]: 4, [kemasan]: 4 });
  await giveScores(t.db, ids.D!, c, { [kualitas]: 5, [kemasan]: 1 });
  await giveScores(t.db, ids.D!, a, { [kualitas]: 2, [kemasan]: 2 });
  // Another event of the same organizer: never counted here.
  const other = await makeEvent(t.db, org.id, { slug: "kurasi-ringkasan-lain" });
  await makeCriteria(t.db, other.id);
  await makeApplicant(t.db, other.id, { name: "Batik Acara Lain", sector: "batik_tulis", province: "Jawa Tengah" });
});

describe("the review queue", () => {
  it("shows submitted and waitlisted applications by default, newest first, with business, region, class, size and scores", async () => {
    const q = await openQueue("", "curator");
    expect(names(q)).toEqual(["Batik Tulis Laweyan", "Tenun Ikat Bandar Kidul", "Batik Tulis Kediri Asri", "Batik Tulis Sekar Jagad"]);
    expect(q.total).toBe(4);
    const a = q.rows.find((r) => r.id === ids.A)!;
    expect(a).toMatchObject({
      sector: "batik_tulis", city: "Surakarta", province: "Jawa Tengah", umkmClass: "mikro", preferredSizeM2: 9, status: "submitted",
      myScore: 100, myComplete: true, averageScore: 75, curators: 2,
    });
    expect(q.rows.find((r) => r.id === ids.B)).toMatchObject({ myScore: 63, averageScore: 63, curators: 1 });
    expect(q.rows.find((r) => r.id === ids.C)).toMatchObject({ myScore: undefined, averageScore: 75, curators: 1 });
    expect(q.rows.find((r) => r.id === ids.H)).toMatchObject({ myScore: undefined, averageScore: undefined, curators: 0 });
  });

  it("sorts by the shown score: highest first, ties by earlier submission, unscored last; the same order as rankApplications", async () => {
    const q = await openQueue("status=all&sort=score");
    expect(names(q)).toEqual([
      "Batik Tulis Sekar Jagad", "Tenun Ikat Bandar Kidul", "Batik Tulis Kediri Asri", "Tenun Ikat Medali Mas",
      "Serabi Notosuman", "Perak 100% Kotagede_", "Batik Tulis Laweyan",
    ]);
    const ranked = rankApplications(q.rows.map((r) => ({ id: r.id, score: r.averageScore, submittedAt: r.submittedAt })));
    expect(ranked.map((r) => r.id)).toEqual(q.rows.map((r) => r.id));
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 3, 4, undefined, undefined, undefined]);
  });

  it.each([
    ["q=sekar", ["Batik Tulis Sekar Jagad"]],
    ["q=SOGAN", ["Batik Tulis Laweyan"]],
    // LIKE wildcards in the search match literally: "%" finds the one name with a "%", not everything.
    ["q=%25&status=all", ["Perak 100% Kotagede_"]],
    ["q=Batik%25Asri&status=all", []],
    ["q=100%25&status=all", ["Perak 100% Kotagede_"]],
    ["q=_&status=all", ["Perak 100% Kotagede_"]],
    ["sector=tenun_ikat&status=all", ["Tenun Ikat Medali Mas", "Tenun Ikat Bandar Kidul"]],
    ["province=Jawa+Timur", ["Tenun Ikat Bandar Kidul", "Batik Tulis Kediri Asri"]],
    ["status=accepted", ["Tenun Ikat Medali Mas"]],
    ["status=rejected", ["Serabi Notosuman"]],
    ["status=withdrawn", ["Perak 100% Kotagede_"]],
    ["status=draft", ["Batik Tulis Laweyan", "Tenun Ikat Bandar Kidul", "Batik Tulis Kediri Asri", "Batik Tulis Sekar Jagad"]],
    ["sector=batik_tulis&province=Jawa+Tengah&q=batik", ["Batik Tulis Laweyan", "Batik Tulis Sekar Jagad"]],
  ])("filters %s", async (search, expected) => {
    expect(names(await openQueue(search))).toEqual(expected);
  });

  it("'not yet scored by me' depends on who asks", async () => {
    expect(names(await openQueue("mine=unscored", "curator"))).toEqual(["Batik Tulis Laweyan", "Tenun Ikat Bandar Kidul"]);
    expect(names(await openQueue("mine=unscored", "admin"))).toEqual(["Batik Tulis Laweyan", "Batik Tulis Kediri Asri"]);
    expect(names(await openQueue("mine=unscored&status=all", "owner"))).toHaveLength(7);
  });

  it("lists the applicants' provinces for the region filter (drafts and other events left out)", async () => {
    expect((await openQueue()).provinces).toEqual(["DI Yogyakarta", "Jawa Tengah", "Jawa Timur"]);
  });

  it("pages by 20, and marks a score as partial when a criterion was added after it", async () => {
    const event = await makeEvent(t.db, org.id, { slug: "kurasi-halaman" });
    const [first] = await makeCriteria(t.db, event.id, [{ name: "Kualitas", weight: 1 }]);
    for (let i = 0; i < 23; i++) {
      const { applicationId } = await makeApplicant(t.db, event.id, { name: `Usaha ${String(i).padStart(2, "0")}` }, { submittedAt: on(1 + (i % 28)) });
      if (i === 0) await giveScores(t.db, applicationId, staff.curator.id, { [first!]: 4 });
    }
    await makeCriteria(t.db, event.id, [{ name: "Kemasan baru", weight: 1 }]);
    const page1 = await openQueue("sort=score", "curator", event.id);
    const page2 = await openQueue("sort=score&page=2", "curator", event.id);
    expect([page1.rows.length, page2.rows.length, page1.total, page2.total]).toEqual([20, 3, 23, 23]);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(23);
    expect(page1.rows[0]).toMatchObject({ businessName: "Usaha 00", myScore: 75, myComplete: false, averageScore: 75 });
    expect((await openQueue("page=9", "curator", event.id)).rows).toEqual([]);
  });

  it("says when nothing was submitted yet (drafts do not count)", async () => {
    const event = await makeEvent(t.db, org.id, { slug: "kurasi-kosong" });
    await makeApplicant(t.db, event.id, {}, { status: "draft" });
    const q = await openQueue("", "curator", event.id);
    expect([q.anySubmitted, q.total, q.criteriaCount]).toEqual([false, 0, 0]);
    const s = await openSummary(event.id);
    expect([s.total, s.bySector, s.byProvince, s.average]).toEqual([0, [], [], undefined]);
  });
});

describe("the curation summary", () => {
  it("counts per status, per sector and per province with mean scores, on the known data set", async () => {
    const s = await openSummary();
    expect(s.counts).toEqual({ submitted: 3, waitlisted: 1, accepted: 1, rejected: 1, withdrawn: 1 });
    expect([s.total, s.scored, s.average]).toEqual([7, 4, 66]); // (75 + 62.5 + 75 + 50) / 4 = 65.625
    const zero = { submitted: 0, waitlisted: 0, accepted: 0, rejected: 0, withdrawn: 0 };
    expect(s.bySector).toEqual([
      { key: "batik_tulis", counts: { ...zero, submitted: 3 }, total: 3, average: 69, scored: 2 }, // (75 + 62.5) / 2 = 68.75
      { key: "tenun_ikat", counts: { ...zero, waitlisted: 1, accepted: 1 }, total: 2, average: 63, scored: 2 }, // (75 + 50) / 2 = 62.5
      { key: "kriya", counts: { ...zero, withdrawn: 1 }, total: 1, average: undefined, scored: 0 },
      { key: "kuliner", counts: { ...zero, rejected: 1 }, total: 1, average: undefined, scored: 0 },
    ]);
    expect(s.byProvince).toEqual([
      { key: "Jawa Tengah", counts: { ...zero, submitted: 2, rejected: 1 }, total: 3, average: 75, scored: 1 },
      { key: "Jawa Timur", counts: { ...zero, submitted: 1, waitlisted: 1, accepted: 1 }, total: 3, average: 63, scored: 3 },
      { key: "DI Yogyakarta", counts: { ...zero, withdrawn: 1 }, total: 1, average: undefined, scored: 0 },
    ]);
    expect(s.criteria.map((c) => [c.name, c.weight, c.average, c.count])).toEqual([
      ["Kualitas", 3, 3.8, 6], // 5, 3, 4, 4, 5, 2 → 23/6
      ["Kemasan", 1, 2.8, 6], // 5, 3, 2, 4, 1, 2 → 17/6
    ]);
  });

  it("matches the queue: every count is the queue's total for the same filters, every mean the queue's scores", async () => {
    const s = await openSummary();
    expect((await openQueue("status=all")).total).toBe(s.total);
    for (const status of CURATION_STATUSES) expect((await openQueue(`status=${status}`)).total, status).toBe(s.counts[status]);
    for (const [param, groups] of [["sector", s.bySector], ["province", s.byProvince]] as const) {
      for (const g of groups) {
        const all = await openQueue(new URLSearchParams({ [param]: g.key, status: "all" }).toString());
        expect(all.total, `${param}=${g.key}`).toBe(g.total);
        const scored = all.rows.filter((r) => r.averageScore !== undefined);
        expect(scored.length, `${param}=${g.key} scored`).toBe(g.scored);
        for (const status of CURATION_STATUSES) {
          const q = await openQueue(new URLSearchParams({ [param]: g.key, status }).toString());
          expect(q.total, `${param}=${g.key} status=${status}`).toBe(g.counts[status]);
        }
      }
    }
  });

  it("follows a decision: the counts move from submitted to accepted", async () => {
    const event = await makeEvent(t.db, org.id, { slug: "kurasi-ikut" });
    const { applicationId } = await makeApplicant(t.db, event.id, { sector: "songket", province: "Sumatera Barat" });
    expect((await openSummary(event.id)).counts).toMatchObject({ submitted: 1, accepted: 0 });
    await t.db.updateTable("application").set({ status: "accepted" }).where("id", "=", applicationId).execute();
    const s = await openSummary(event.id);
    expect(s.counts).toMatchObject({ submitted: 0, accepted: 1 });
    expect(s.bySector[0]).toMatchObject({ key: "songket", counts: { accepted: 1, submitted: 0 } });
  });
});
