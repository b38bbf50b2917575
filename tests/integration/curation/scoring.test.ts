import { beforeAll, describe, expect, it } from "vitest";
import { listReviews } from "~/curation/curation.server";
import { weightedScore } from "~/curation/scoring";
import * as detail from "~/routes/o.$orgSlug.events.$eventId.curation.$applicationId";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { fieldErrors, makeEvent, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { DEFAULT_CRITERIA, makeApplicant, makeCriteria } from "../../helpers/curation-factories";
import { curationSnapshot, scoreForm } from "./helpers";

const t = useTestDatabase();
let org: { id: string; slug: string };
let staff: Staff;
let eventId: string;
let criteria: string[];
let otherEventCriterion: string;

const path = (applicationId: string) => `/o/${org.slug}/events/${eventId}/curation/${applicationId}`;
const params = (applicationId: string) => ({ orgSlug: org.slug, eventId, applicationId });
const score = (applicationId: string, fields: Record<string, string>, who: keyof Staff = "curator") =>
  callRoute(detail.action, post(path(applicationId), fields, staff[who].cookie), params(applicationId));
const myScores = (applicationId: string, who: keyof Staff = "curator") =>
  t.db.selectFrom("curationScore").select(["criterionId", "score", "comment", "updatedAt"])
    .where("applicationId", "=", applicationId).where("curatorUserId", "=", staff[who].id).orderBy("criterionId").execute();
const formErrors = (body: unknown) => (body as { result?: { error?: Record<string, string[]> } }).result?.error?.[""] ?? [];

beforeAll(async () => {
  ({ org, staff } = await makeOrgWithStaff(t.db, "Rumah Kurasi Kediri"));
  eventId = (await makeEvent(t.db, org.id, { slug: "kurasi-nilai" })).id;
  criteria = await makeCriteria(t.db, eventId);
  const other = await makeEvent(t.db, org.id, { slug: "kurasi-nilai-lain" });
  [otherEventCriterion] = await makeCriteria(t.db, other.id, [{ name: "Kriteria acara lain", weight: 10 }]);
});

describe("saving scores", () => {
  it("saves one row per criterion for the curator, with comments", async () => {
    const { applicationId } = await makeApplicant(t.db, eventId);
    const res = await score(applicationId, scoreForm(criteria, [5, 3, 4, 2], "Motif parang rapi"));
    expect(res.status).toBe(302);
    expect(res.response?.headers.get("location")).toBe(path(applicationId));
    expect(await readToast(res.response)).toEqual({ type: "success", key: "curation.scoring.saved" });
    const rows = await myScores(applicationId);
    expect(rows).toHaveLength(4);
    const byId = Object.fromEntries(rows.map((r) => [r.criterionId, r]));
    expect(criteria.map((id) => byId[id]!.score)).toEqual([5, 3, 4, 2]);
    expect(byId[criteria[0]!]!.comment).toBe("Motif parang rapi 1");
  });

  it("re-scoring replaces the curator's scores and comments instead of adding rows", async () => {
    const { applicationId } = await makeApplicant(t.db, eventId);
    await score(applicationId, scoreForm(criteria, [1, 1, 1, 1], "Pertama"));
    const first = await myScores(applicationId);
    await new Promise((r) => setTimeout(r, 20));
    const res = await score(applicationId, scoreForm(criteria, [5, 4, 3, 2]));
    expect(res.status).toBe(302);
    const second = await myScores(applicationId);
    expect(second).toHaveLength(4);
    const byId = Object.fromEntries(second.map((r) => [r.criterionId, r]));
    expect(criteria.map((id) => byId[id]!.score)).toEqual([5, 4, 3, 2]);
    expect(second.every((r) => r.comment === "")).toBe(true);
    expect(second[0]!.updatedAt.getTime()).toBeGreaterThan(first[0]!.updatedAt.getTime());
    expect(await t.db.selectFrom("curationScore").select("criterionId").where("applicationId", "=", applicationId).execute()).toHaveLength(4);
  });

  it("keeps each curator's scores apart: one curator's save never touches another's", async () => {
    const { applicationId } = await makeApplicant(t.db, eventId);
    await score(applicationId, scoreForm(criteria, [5, 5, 5, 5]), "curator");
    await score(applicationId, scoreForm(criteria, [2, 2, 2, 2]), "admin");
    await score(applicationId, scoreForm(criteria, [4, 4, 4, 4]), "curator");
    expect((await myScores(applicationId, "admin")).map((r) => r.score)).toEqual([2, 2, 2, 2]);
    expect((await myScores(applicationId, "curator")).map((r) => r.score)).toEqual([4, 4, 4, 4]);
  });

  it("takes five concurrent saves by one curator without an error or a duplicate row", async () => {
    const { applicationId } = await makeApplicant(t.db, eventId);
    const results = await Promise.all([1, 2, 3, 4, 5].map((v) => score(applicationId, scoreForm(criteria, [v, v, v, v]))));
    expect(results.map((r) => r.status)).toEqual([302, 302, 302, 302, 302]);
    const rows = await myScores(applicationId);
    expect(rows).toHaveLength(4);
    // One of the saves won whole: every criterion carries the same value.
    expect(new Set(rows.map((r) => r.score)).size).toBe(1);
  });
});

describe("bad scores are field errors and write nothing", () => {
  let applicationId: string;
  beforeAll(async () => {
    ({ applicationId } = await makeApplicant(t.db, eventId));
    await score(applicationId, scoreForm(criteria, [3, 3, 3, 3], "Awal"));
  });

  it.each([
    ["0", "curation.errors.score_range"], ["6", "curation.errors.score_range"], ["-2", "curation.errors.score_range"],
    ["2.5", "curation.errors.score_range"], ["lima", "curation.errors.score_required"], ["", "curation.errors.score_required"],
  ])("a score of %j on the third criterion → %s on that field", async (bad, key) => {
    const before = await curationSnapshot(t.db);
    const res = await score(applicationId, scoreForm(criteria, [5, 5, bad, 5]));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual({ "scores[2].score": [key] });
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("an unknown criterion (another event's) → field error on that entry, and the valid entries are not written either", async () => {
    const before = await curationSnapshot(t.db);
    const fields = scoreForm([...criteria.slice(0, 3), otherEventCriterion], [5, 5, 5, 5]);
    const res = await score(applicationId, fields);
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual({ "scores[3].criterionId": ["curation.errors.unknown_criterion"] });
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("a criterion id that is not a uuid → field error", async () => {
    const before = await curationSnapshot(t.db);
    const res = await score(applicationId, scoreForm([criteria[0]!, "'; delete from curation_score;--", criteria[2]!, criteria[3]!], [4, 4, 4, 4]));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual({ "scores[1].criterionId": ["curation.errors.unknown_criterion"] });
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("a criterion scored twice → field error on the second", async () => {
    const before = await curationSnapshot(t.db);
    const res = await score(applicationId, scoreForm([criteria[0]!, criteria[1]!, criteria[1]!, criteria[3]!], [4, 4, 4, 4]));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual({ "scores[2].criterionId": ["curation.errors.duplicate_criterion"] });
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("a criterion left out → form error", async () => {
    const before = await curationSnapshot(t.db);
    const res = await score(applicationId, scoreForm(criteria.slice(0, 3), [4, 4, 4]));
    expect(res.status).toBe(400);
    expect(formErrors(res.body)).toEqual(["curation.errors.missing_criterion"]);
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("a decided application takes no more scores (409)", async () => {
    const { applicationId: decided } = await makeApplicant(t.db, eventId, {}, { status: "accepted" });
    const before = await curationSnapshot(t.db);
    const res = await score(decided, scoreForm(criteria, [4, 4, 4, 4]));
    expect(res.status).toBe(409);
    expect(formErrors(res.body)).toEqual(["curation.errors.closed"]);
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("a form with a huge array index is refused at once as bad input (conform would fill the array)", async () => {
    const before = await curationSnapshot(t.db);
    const started = Date.now();
    const res = await score(applicationId, { ...scoreForm(criteria, [4, 4, 4, 4]), "scores[100000000].score": "5" });
    expect(res.status).toBe(400);
    expect(formErrors(res.body)).toEqual(["validation.invalid"]);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("the database refuses a score outside 1–5 on its own (the invariant is in SQL)", async () => {
    await expect(t.db.insertInto("curationScore").values({ applicationId, criterionId: criteria[0]!, curatorUserId: staff.owner.id, score: 6 }).execute())
      .rejects.toThrow(/curation_score_score_chk/);
  });
});

describe("the review page", () => {
  it("shows every curator's name and scores, my own scores as the form's values, and weighted scores from scoring.ts", async () => {
    const { applicationId } = await makeApplicant(t.db, eventId, { name: "Tenun Ikat Medali Mas" });
    await score(applicationId, scoreForm(criteria, [5, 3, 4, 2], "Catatan"), "curator");
    await score(applicationId, scoreForm(criteria, [3, 3, 3, 3]), "admin");
    const res = await callRoute(detail.loader, get(path(applicationId), staff.curator.cookie), params(applicationId));
    expect(res.status).toBe(200);
    const body = res.body as Awaited<ReturnType<typeof detail.loader>>;
    expect(body.application.businessName).toBe("Tenun Ikat Medali Mas");
    expect(body.reviews.map((r) => r.curatorName).sort()).toEqual([staff.admin.name, staff.curator.name].sort());
    const weights = DEFAULT_CRITERIA.map((c, i) => ({ id: criteria[i]!, weight: c.weight }));
    // (40×5 + 20×3 + 25×4 + 15×2) / 100 = 3.9 → 72.5 → 73; all threes → 50; mean 61.25 → 61.
    expect(body.myWeighted).toBe(73);
    expect(weightedScore(weights, criteria.map((id, i) => ({ criterionId: id, score: [5, 3, 4, 2][i]! })))?.rounded).toBe(73);
    expect(body.reviews.find((r) => r.curatorUserId === staff.admin.id)?.weighted).toBe(50);
    expect(body.average).toBe(61);
    expect(body.mine[criteria[0]!]).toEqual({ score: 5, comment: "Catatan 1" });
    const reviews = await listReviews(t.db, eventId, applicationId, weights);
    expect(reviews.curators).toBe(2);
  });
});
