import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { CertificationKind, DB, Sector, UmkmClass } from "../../db/schema";
import type { Db, Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import {
  CURATION_STATUSES, OPEN_STATUSES, QUEUE_PAGE_SIZE, type CurationStatus, type QueueQuery, type ScoreInput,
} from "./curation.schema";
import { applicationScore, weightedScore, type CuratorScores, type WeightedCriterion } from "./scoring";

export type Criterion = { id: string; name: string; weight: number };

/** The event's curation criteria in the organizer's order. */
export async function listCriteria(db: Executor, eventId: string): Promise<Criterion[]> {
  return db.selectFrom("curationCriterion").select(["id", "name", "weight"])
    .where("eventId", "=", eventId).orderBy("sort").orderBy("name").execute();
}

type RawScore = { applicationId: string; curatorUserId: string; criterionId: string; score: number };

/** Every score given to these applications on criteria of this event, raw. */
async function rawScores(db: Executor, eventId: string, applicationIds: readonly string[]): Promise<RawScore[]> {
  if (applicationIds.length === 0) return [];
  return db.selectFrom("curationScore as s")
    .innerJoin("curationCriterion as c", "c.id", "s.criterionId")
    .select(["s.applicationId", "s.curatorUserId", "s.criterionId", "s.score"])
    .where("c.eventId", "=", eventId)
    .where("s.applicationId", "in", applicationIds)
    .execute();
}

/** Raw scores grouped by application, then by curator (the input of applicationScore). */
export function groupScores(rows: readonly RawScore[]): Map<string, CuratorScores[]> {
  const byApp = new Map<string, Map<string, CuratorScores>>();
  for (const r of rows) {
    const curators = byApp.get(r.applicationId) ?? new Map<string, CuratorScores>();
    byApp.set(r.applicationId, curators);
    const entry = curators.get(r.curatorUserId) ?? { curatorUserId: r.curatorUserId, scores: [] };
    curators.set(r.curatorUserId, entry);
    (entry.scores as { criterionId: string; score: number }[]).push({ criterionId: r.criterionId, score: r.score });
  }
  return new Map([...byApp].map(([id, curators]) => [id, [...curators.values()]]));
}

/**
 * Each application's shown score (0–100, whole), in SQL for sorting and paging the queue: the mean over
 * curators of Σ weight × score / Σ weight, mapped 1–5 → 0–100, cut to 9 decimals and rounded half up: the
 * same formula as scoring.ts, which computes what the page displays (an integration test keeps them equal).
 */
function appScores(db: Executor, eventId: string) {
  const perCurator = db.selectFrom("curationScore as s")
    .innerJoin("curationCriterion as c", "c.id", "s.criterionId")
    .select(["s.applicationId", sql<string>`sum(c.weight * s.score)::numeric / sum(c.weight)`.as("ratio")])
    .where("c.eventId", "=", eventId)
    .groupBy(["s.applicationId", "s.curatorUserId"]);
  return db.selectFrom(perCurator.as("pc"))
    .select(["pc.applicationId", sql<number>`round(round(25 * (avg(pc.ratio) - 1), 9))::int`.as("shown")])
    .groupBy("pc.applicationId");
}

/** LIKE metacharacters in user input match literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, "\\$&")}%`;

type QueueEb = ExpressionBuilder<DB & { a: DB["application"]; b: DB["business"] }, "a" | "b">;

function queueFilters(eb: QueueEb, eventId: string, curatorUserId: string, query: QueueQuery): Expression<SqlBool> {
  const statuses: readonly CurationStatus[] = query.status === "open" ? OPEN_STATUSES
    : query.status === "all" ? CURATION_STATUSES : [query.status];
  const conditions: Expression<SqlBool>[] = [eb("a.eventId", "=", eventId), eb("a.status", "in", statuses)];
  if (query.q) conditions.push(eb.or([eb("b.name", "ilike", likePattern(query.q)), eb("b.brandName", "ilike", likePattern(query.q))]));
  if (query.sector) conditions.push(eb("b.sector", "=", query.sector));
  if (query.province) conditions.push(eb("b.province", "=", query.province));
  if (query.unscoredByMe) {
    conditions.push(eb.not(eb.exists(eb.selectFrom("curationScore as ms")
      .innerJoin("curationCriterion as mc", "mc.id", "ms.criterionId")
      .select(sql`1`.as("one"))
      .whereRef("ms.applicationId", "=", "a.id")
      .where("mc.eventId", "=", eventId)
      .where("ms.curatorUserId", "=", curatorUserId))));
  }
  return eb.and(conditions);
}

export type QueueRow = {
  id: string;
  businessName: string;
  brandName: string;
  sector: Sector;
  city: string;
  province: string;
  umkmClass: UmkmClass;
  preferredSizeM2: number | null;
  status: CurationStatus;
  submittedAt: Date | null;
  /** My weighted score (0–100) and whether I scored every criterion. */
  myScore: number | undefined;
  myComplete: boolean;
  /** The mean of all curators' weighted scores (0–100) and how many curators scored. */
  averageScore: number | undefined;
  curators: number;
};

/**
 * One page of the review queue: filtered and sorted in SQL, scores computed by scoring.ts.
 * Sorted by newest submission, or by shown score (highest first; ties by earlier submission, unscored last).
 */
export async function listQueue(db: Executor, args: { eventId: string; curatorUserId: string; query: QueueQuery }) {
  const { eventId, curatorUserId, query } = args;
  const base = db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
    .where((eb) => queueFilters(eb, eventId, curatorUserId, query));
  const offset = (query.page - 1) * QUEUE_PAGE_SIZE;
  let page = base.leftJoin(appScores(db, eventId).as("sc"), "sc.applicationId", "a.id")
    .select([
      "a.id", "b.name as businessName", "b.brandName", "b.sector", "b.city", "b.province", "b.umkmClass",
      "a.preferredSizeM2", "a.status", "a.submittedAt",
    ]);
  page = query.sort === "score"
    ? page.orderBy(sql`sc.shown desc nulls last`).orderBy(sql`a.submitted_at asc nulls last`).orderBy("a.id")
    : page.orderBy(sql`a.submitted_at desc nulls last`).orderBy("a.id");
  const [rows, count, criteria] = await Promise.all([
    page.limit(QUEUE_PAGE_SIZE).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    listCriteria(db, eventId),
  ]);
  const grouped = groupScores(await rawScores(db, eventId, rows.map((r) => r.id)));
  const items: QueueRow[] = rows.map((r) => {
    const curators = grouped.get(r.id) ?? [];
    const mine = weightedScore(criteria, curators.find((c) => c.curatorUserId === curatorUserId)?.scores ?? []);
    const all = applicationScore(criteria, curators);
    return {
      ...r, status: r.status as CurationStatus,
      myScore: mine?.rounded, myComplete: mine !== undefined && mine.scoredCriteria === criteria.length,
      averageScore: all.rounded, curators: all.curators,
    };
  });
  return { rows: items, total: Number(count.n), page: query.page, pageSize: QUEUE_PAGE_SIZE, criteriaCount: criteria.length };
}

/** The provinces of this event's applicants (the queue's region filter). */
export async function listApplicantProvinces(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
    .select("b.province").distinct()
    .where("a.eventId", "=", eventId).where("a.status", "in", CURATION_STATUSES)
    .orderBy("b.province").execute();
  return rows.map((r) => r.province);
}

/** Whether the event has any application a curator can see (the queue's empty state). */
export async function hasSubmittedApplications(db: Executor, eventId: string): Promise<boolean> {
  const row = await db.selectFrom("application").select("id")
    .where("eventId", "=", eventId).where("status", "in", CURATION_STATUSES).limit(1).executeTakeFirst();
  return row !== undefined;
}

export type CurationApplication = NonNullable<Awaited<ReturnType<typeof getApplicationForCuration>>>;

/**
 * One application as a curator reviews it: the business profile with products and certifications, and the
 * application itself. Undefined for another event's application or a draft (drafts are the applicant's).
 */
export async function getApplicationForCuration(db: Executor, eventId: string, applicationId: string) {
  const app = await db.selectFrom("application as a")
    .innerJoin("business as b", "b.id", "a.businessId")
    .leftJoin("appUser as d", "d.id", "a.decidedBy")
    .select([
      "a.id", "a.status", "a.preferredSizeM2", "a.preferredZone", "a.motivation", "a.historyYears", "a.submittedAt",
      "a.decidedAt", "a.decisionMessage", "d.name as decidedByName",
      "b.id as businessId", "b.name as businessName", "b.brandName", "b.ownerName", "b.nib", "b.umkmClass", "b.sector",
      "b.city", "b.province", "b.whatsapp", "b.email", "b.description", "b.capacityQuantity", "b.capacityUnit",
      "b.exportExperience",
    ])
    .where("a.id", "=", applicationId).where("a.eventId", "=", eventId).where("a.status", "in", CURATION_STATUSES)
    .executeTakeFirst();
  if (!app) return undefined;
  const [products, certifications] = await Promise.all([
    db.selectFrom("product as p").leftJoin("upload as u", "u.id", "p.photoUploadId")
      .select(["p.id", "p.name", "p.description", "p.priceIdr", sql<string | null>`case when u.content_type like 'image/%' then u.id end`.as("photoUploadId")])
      .where("p.businessId", "=", app.businessId).orderBy("p.sort").orderBy("p.createdAt").execute(),
    db.selectFrom("certification").select(["id", "kind", "number", "issuer", "validUntil"])
      .where("businessId", "=", app.businessId).orderBy("kind").execute(),
  ]);
  return {
    ...app,
    status: app.status as CurationStatus,
    products,
    certifications: certifications as Array<{ id: string; kind: CertificationKind; number: string; issuer: string; validUntil: string | null }>,
  };
}

export type CuratorReview = {
  curatorUserId: string;
  curatorName: string;
  weighted: number | undefined;
  complete: boolean;
  updatedAt: Date;
  scores: Array<{ criterionId: string; score: number; comment: string }>;
};

/** Every curator's scores and comments on one application, with their weighted scores and the mean. */
export async function listReviews(db: Executor, eventId: string, applicationId: string, criteria: readonly WeightedCriterion[]) {
  const rows = await db.selectFrom("curationScore as s")
    .innerJoin("curationCriterion as c", "c.id", "s.criterionId")
    .innerJoin("appUser as u", "u.id", "s.curatorUserId")
    .select(["s.curatorUserId", "u.name as curatorName", "s.criterionId", "s.score", "s.comment", "s.updatedAt"])
    .where("s.applicationId", "=", applicationId).where("c.eventId", "=", eventId)
    .orderBy("u.name").orderBy("s.curatorUserId").execute();
  const byCurator = new Map<string, CuratorReview>();
  for (const r of rows) {
    const review = byCurator.get(r.curatorUserId)
      ?? { curatorUserId: r.curatorUserId, curatorName: r.curatorName, weighted: undefined, complete: false, updatedAt: r.updatedAt, scores: [] };
    review.scores.push({ criterionId: r.criterionId, score: r.score, comment: r.comment });
    if (r.updatedAt > review.updatedAt) review.updatedAt = r.updatedAt;
    byCurator.set(r.curatorUserId, review);
  }
  const reviews = [...byCurator.values()].map((r) => {
    const w = weightedScore(criteria, r.scores);
    return { ...r, weighted: w?.rounded, complete: w !== undefined && w.scoredCriteria === criteria.length };
  });
  const average = applicationScore(criteria, reviews);
  return { reviews, average: average.rounded, curators: average.curators };
}

export type SaveScoresFailure = "not_found" | "closed" | "unknown_criterion" | "missing_criterion" | "duplicate_criterion";

/**
 * Saves one curator's scores on an application (insert or replace per criterion), all or nothing. Only
 * applications still open (submitted or waitlisted) take scores. `detail` of a criterion failure is the
 * index of the offending entry.
 */
export async function saveScores(db: Db, args: { eventId: string; applicationId: string; curatorUserId: string; scores: ScoreInput["scores"] }):
Promise<Result<{ count: number }, SaveScoresFailure>> {
  const { eventId, applicationId, curatorUserId, scores } = args;
  return db.transaction().execute(async (trx) => {
    // FOR SHARE: a decision committing meanwhile waits for these scores, or these wait and see it.
    const app = await trx.selectFrom("application").select("status")
      .where("id", "=", applicationId).where("eventId", "=", eventId).where("status", "in", CURATION_STATUSES)
      .forShare().executeTakeFirst();
    if (!app) return fail("not_found");
    if (!(OPEN_STATUSES as readonly string[]).includes(app.status)) return fail("closed");
    const criteria = await listCriteria(trx, eventId);
    const known = new Set(criteria.map((c) => c.id));
    const seen = new Set<string>();
    for (const [index, entry] of scores.entries()) {
      if (!known.has(entry.criterionId)) return fail("unknown_criterion", String(index));
      if (seen.has(entry.criterionId)) return fail("duplicate_criterion", String(index));
      seen.add(entry.criterionId);
    }
    if (seen.size !== known.size) return fail("missing_criterion");
    await trx.insertInto("curationScore")
      .values(scores.map((s) => ({ applicationId, criterionId: s.criterionId, curatorUserId, score: s.score, comment: s.comment })))
      .onConflict((oc) => oc.columns(["applicationId", "criterionId", "curatorUserId"]).doUpdateSet((eb) => ({
        score: eb.ref("excluded.score"), comment: eb.ref("excluded.comment"), updatedAt: sql`now()`,
      })))
      .execute();
    return ok({ count: scores.length });
  });
}
