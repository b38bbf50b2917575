/**
 * Applications of a business to an event's call for exhibitors: drafts the exhibitor comes back to, submission
 * (only while the call is open, for an accepted sector and an offered booth size), withdrawal before a decision,
 * and the lists the exhibitor, the organizer and the booth planning build on.
 *
 * The business data are never copied into the application: every list joins the one profile, so a profile
 * typed once serves every event (and a correction shows everywhere).
 */
import { sql } from "kysely";
import type { ApplicationStatus, Sector } from "../../db/schema";
import type { Db, Executor } from "~/utils/db.server";
import type { AppLocale } from "~/utils/i18n";
import { enqueueEmail } from "~/utils/outbox.server";
import { fail, ok, type Result } from "~/utils/result";
import { canWithdraw, checkDraft, checkSubmission, type SubmitRefusal } from "./call-rules";
import { getCall, listBoothSizes } from "./calls.server";
import type { ApplicationInput } from "./exhibitor.schema";
import { ORGANIZER_VISIBLE_STATUSES } from "./vocabulary";

const APPLICATION_FIELDS = ["preferredSizeM2", "preferredZone", "motivation", "historyYears"] as const;

/** The business's application to one event, if it has one. */
export function getApplicationForEvent(db: Executor, businessId: string, eventId: string) {
  return db.selectFrom("application")
    .select(["id", "status", ...APPLICATION_FIELDS, "submittedAt", "decisionMessage"])
    .where("businessId", "=", businessId).where("eventId", "=", eventId).executeTakeFirst();
}

/**
 * What the apply form starts with: the application itself when there is one, else the answers of the
 * business's latest application elsewhere (motivation, zone, years exhibited), so nothing is typed twice.
 * The booth size is not carried over: each event offers its own sizes.
 */
export async function getApplicationPrefill(db: Executor, businessId: string, eventId: string) {
  const own = await getApplicationForEvent(db, businessId, eventId);
  if (own) return { application: own, prefill: pick(own), fromEarlier: false };
  const earlier = await db.selectFrom("application").select([...APPLICATION_FIELDS])
    .where("businessId", "=", businessId).where("eventId", "<>", eventId)
    .orderBy("updatedAt", "desc").limit(1).executeTakeFirst();
  return {
    application: undefined,
    prefill: earlier ? { ...pick(earlier), preferredSizeM2: null } : { preferredSizeM2: null, preferredZone: "", motivation: "", historyYears: 0 },
    fromEarlier: Boolean(earlier),
  };
}

function pick(row: { preferredSizeM2: number | null; preferredZone: string; motivation: string; historyYears: number }) {
  return { preferredSizeM2: row.preferredSizeM2, preferredZone: row.preferredZone, motivation: row.motivation, historyYears: row.historyYears };
}

export type SaveApplicationArgs = {
  business: { id: string; name: string; sector: Sector; email: string };
  event: { id: string; slug: string; name: string; organizationId: string; organizerName: string };
  input: ApplicationInput;
  /** For the "application received" email. */
  locale: AppLocale;
  appUrl: string;
};

export type SaveRefusal = SubmitRefusal;

class LostInsertRace extends Error {}

/**
 * Saves the draft (intent "save") or saves and submits it (intent "submit") in one transaction. Submitting
 * checks the call window, the sector and the booth size (call-rules.ts) against the rows as they are now, moves
 * the status with the row locked, and queues the "application received" email in the same transaction.
 */
export async function saveApplication(db: Db, args: SaveApplicationArgs, now: Date): Promise<Result<{ id: string; status: ApplicationStatus }, SaveRefusal>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => saveInTransaction(trx, args, now));
    } catch (error) {
      // Two tabs created the same application at once: the unique index let one in; the other retries as an update.
      if (error instanceof LostInsertRace && attempt === 0) continue;
      throw error;
    }
  }
}

async function saveInTransaction(trx: Executor, args: SaveApplicationArgs, now: Date): Promise<Result<{ id: string; status: ApplicationStatus }, SaveRefusal>> {
  const { business, event, input } = args;
  // One statement at a time: a transaction is one connection.
  const existing = await trx.selectFrom("application").select(["id", "status"])
    .where("eventId", "=", event.id).where("businessId", "=", business.id).forUpdate().executeTakeFirst();
  const call = await getCall(trx, event.id);
  const sizes = await listBoothSizes(trx, event.id);
  const offeredSizesM2 = sizes.map((s) => s.sizeM2);
  const facts = { preferredSizeM2: input.preferredSizeM2 ?? null, offeredSizesM2, status: existing?.status ?? null };
  const check = input.intent === "submit"
    ? checkSubmission({ ...facts, call: call ?? null, sector: business.sector }, now)
    : checkDraft(facts);
  if (!check.ok) return check;

  const submitting = input.intent === "submit";
  const status: ApplicationStatus = submitting ? "submitted" : "draft";
  const values = {
    preferredSizeM2: input.preferredSizeM2 ?? null,
    preferredZone: input.preferredZone,
    motivation: input.motivation,
    historyYears: input.historyYears,
    status,
    submittedAt: submitting ? now : null,
  };
  let id: string;
  if (existing) {
    await trx.updateTable("application").set({ ...values, decisionMessage: "", decidedAt: null, decidedBy: null, updatedAt: sql`now()` })
      .where("id", "=", existing.id).execute();
    id = existing.id;
  } else {
    const inserted = await trx.insertInto("application").values({ ...values, eventId: event.id, businessId: business.id })
      .onConflict((oc) => oc.columns(["eventId", "businessId"]).doNothing()).returning("id").executeTakeFirst();
    if (!inserted) throw new LostInsertRace();
    id = inserted.id;
  }
  if (submitting) {
    await enqueueEmail(trx, {
      template: "application-received",
      to: business.email,
      props: {
        locale: args.locale, businessName: business.name, eventName: event.name, organizerName: event.organizerName,
        applicationUrl: `${args.appUrl}/exhibitor/applications/${id}`,
      },
    }, event.organizationId);
  }
  return ok({ id, status });
}

/** Withdraws a draft or a submitted application (before the organizer decided). */
export async function withdrawApplication(db: Executor, applicationId: string, businessId: string): Promise<Result<null, "not_withdrawable">> {
  const withdrawable = (["draft", "submitted"] as const).filter(canWithdraw);
  const result = await db.updateTable("application").set({ status: "withdrawn", updatedAt: sql`now()` })
    .where("id", "=", applicationId).where("businessId", "=", businessId).where("status", "in", withdrawable)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? ok(null) : fail("not_withdrawable");
}

/** "Pendaftaran saya": every application of the business, the latest events first. */
export function listMyApplications(db: Executor, businessId: string) {
  return db.selectFrom("application as a").innerJoin("event as e", "e.id", "a.eventId")
    .select([
      "a.id", "a.status", "a.preferredSizeM2", "a.submittedAt", "a.decidedAt", "a.decisionMessage", "a.updatedAt",
      "e.slug as eventSlug", "e.name as eventName", "e.firstDay", "e.lastDay", "e.timeZone",
    ])
    .where("a.businessId", "=", businessId).orderBy("e.firstDay", "desc").execute();
}

/** One application with what its page shows; the route has already checked that it is the viewer's (access.server.ts). */
export async function getApplicationDetail(db: Executor, applicationId: string) {
  const row = await db.selectFrom("application as a").innerJoin("event as e", "e.id", "a.eventId")
    .innerJoin("organization as o", "o.id", "e.organizationId").innerJoin("business as b", "b.id", "a.businessId")
    .select([
      "a.id", "a.status", "a.preferredSizeM2", "a.preferredZone", "a.motivation", "a.historyYears", "a.submittedAt",
      "a.decidedAt", "a.decisionMessage", "a.eventId", "e.slug as eventSlug", "e.name as eventName", "e.status as eventStatus",
      "e.firstDay", "e.lastDay", "e.timeZone", "o.name as organizerName", "b.name as businessName", "b.sector",
    ])
    .where("a.id", "=", applicationId).executeTakeFirstOrThrow();
  const [call, sizes] = await Promise.all([getCall(db, row.eventId), listBoothSizes(db, row.eventId)]);
  return { ...row, call: call ?? null, size: sizes.find((s) => s.sizeM2 === row.preferredSizeM2) ?? null };
}

export const APPLICATIONS_PAGE_SIZE = 25;
const MAX_PAGE = 10_000;

export type ApplicationFilter = { q?: string; status?: ApplicationStatus; sector?: Sector; page?: number };

/**
 * The organizer's list of an event's applications (drafts are the exhibitors' own until submitted), with a
 * search over business, brand, owner, city and province, filters, pagination and the count per status.
 */
export async function listEventApplications(db: Executor, eventId: string, filter: ApplicationFilter) {
  let query = db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
    .where("a.eventId", "=", eventId).where("a.status", "in", ORGANIZER_VISIBLE_STATUSES);
  if (filter.status) query = query.where("a.status", "=", filter.status);
  if (filter.sector) query = query.where("b.sector", "=", filter.sector);
  const q = filter.q?.trim();
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([
      eb("b.name", "ilike", like), eb("b.brandName", "ilike", like), eb("b.ownerName", "ilike", like),
      eb("b.city", "ilike", like), eb("b.province", "ilike", like),
    ]));
  }
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(filter.page ?? 1) || 1));
  const [rows, total, byStatus] = await Promise.all([
    query.select([
      "a.id", "a.status", "a.preferredSizeM2", "a.preferredZone", "a.historyYears", "a.submittedAt",
      "b.name as businessName", "b.brandName", "b.sector", "b.umkmClass", "b.city", "b.province",
    ]).orderBy("a.submittedAt", "asc").orderBy("a.id").limit(APPLICATIONS_PAGE_SIZE).offset((page - 1) * APPLICATIONS_PAGE_SIZE).execute(),
    query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("application").select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("eventId", "=", eventId).where("status", "in", ORGANIZER_VISIBLE_STATUSES).groupBy("status").execute(),
  ]);
  const counts = Object.fromEntries(ORGANIZER_VISIBLE_STATUSES.map((s) => [s, 0])) as Record<(typeof ORGANIZER_VISIBLE_STATUSES)[number], number>;
  for (const row of byStatus) counts[row.status as keyof typeof counts] = Number(row.n);
  return { rows, total: Number(total.n), page, pageSize: APPLICATIONS_PAGE_SIZE, counts };
}

export type AcceptedApplication = {
  id: string;
  businessId: string;
  businessName: string;
  brandName: string;
  sector: Sector;
  city: string;
  province: string;
  umkmClass: "mikro" | "kecil" | "menengah";
  preferredSizeM2: number | null;
  preferredZone: string;
  historyYears: number;
};

/**
 * The accepted exhibitors of an event, for the floor plan and booth assignment (app/booths): one row per
 * accepted application with the business facts the assignment rules use. Ordered by business name.
 *
 * @example const accepted = await listAcceptedApplications(db, event.id) // [{ id, businessName: "Batik Sekar Jagad", sector: "batik_tulis", … }]
 */
export function listAcceptedApplications(db: Executor, eventId: string): Promise<AcceptedApplication[]> {
  return db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
    .select([
      "a.id", "b.id as businessId", "b.name as businessName", "b.brandName", "b.sector", "b.city", "b.province", "b.umkmClass",
      "a.preferredSizeM2", "a.preferredZone", "a.historyYears",
    ])
    .where("a.eventId", "=", eventId).where("a.status", "=", "accepted")
    .orderBy("b.name").orderBy("a.id").execute();
}
