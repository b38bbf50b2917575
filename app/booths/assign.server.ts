// Booth assignment, the one path that manual assignment, self-selection and the automatic assignment all end
// in: a confirmed booth_assignment with the fee frozen, an invoice when the booth is not free, an audit entry
// and the "your booth" email, in one transaction.
//
// Races are decided by PostgreSQL: the application row is locked first (one exhibitor cannot take two booths,
// booth_assignment_application_id_uq backs it), then the booth row is share-locked (its size and price cannot
// change underneath), and the insert uses ON CONFLICT DO NOTHING against booth_assignment_booth_id_uq, so of
// two exhibitors picking one booth exactly one row is written and the other learns `booth_taken`.
import { sql } from "kysely";
import type { BoothAssignmentMethod } from "../../db/schema";
import { audit, auditMany } from "~/utils/audit.server";
import type { Executor, Trx } from "~/utils/db.server";
import { enqueueEmails } from "~/utils/outbox.server";
import { fail, ok, type Result } from "~/utils/result";
import { inTransaction, LIVE } from "./booths.server";
import { eventShortCode, invoiceNumber, MAX_PREFERENCES, selectionState, sizeFits } from "./floor-plan";

export type AssignProblem =
  | "application_not_found" | "not_accepted" | "already_assigned" | "booth_not_found" | "booth_taken" | "wrong_size" | "selection_closed";

export type AssignInput = {
  eventId: string;
  applicationId: string;
  boothId: string;
  method: BoothAssignmentMethod;
  /** The organizer (manual, auto) or the exhibitor (self). */
  by: string | null;
  now: Date;
  /** Base URL for the links in the email. */
  appUrl: string;
};

export type Assigned = { assignmentId: string; boothCode: string; hallName: string; feeIdr: string; invoiceNumber: string | null };

/** Locks the application (FOR UPDATE) and reads what the assignment needs; undefined when it is not this event's. */
function lockApplication(trx: Trx, eventId: string, applicationId: string) {
  return lockApplications(trx, eventId, [applicationId]).then((rows) => rows[0]);
}

/** Locks applications in id order (concurrent callers cannot deadlock) with what their assignment needs. */
function lockApplications(trx: Trx, eventId: string, applicationIds: string[]) {
  return trx.selectFrom("application as a")
    .innerJoin("business as b", "b.id", "a.businessId")
    .innerJoin("appUser as u", "u.id", "b.ownerUserId")
    .select(["a.id", "a.status", "a.preferredSizeM2", "b.name as businessName", "b.email", "u.locale"])
    .where("a.id", "in", applicationIds).where("a.eventId", "=", eventId)
    .orderBy("a.id")
    .forUpdate("a")
    .execute();
}

/** The next `count` invoice numbers of the event, under a transaction-scoped advisory lock (never repeat or skip). */
async function nextInvoiceNumbers(trx: Trx, eventId: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  await sql`select pg_advisory_xact_lock(hashtext(${`pendopo.invoice:${eventId}`}))`.execute(trx);
  const { slug, last } = await trx.selectFrom("event").select(["slug", (eb) => eb.selectFrom("invoice")
    .select(sql<number | null>`max((substring(number from '([0-9]+)$'))::int)`.as("n")).where("invoice.eventId", "=", eventId).as("last")])
    .where("id", "=", eventId).executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => invoiceNumber(eventShortCode(slug), Number(last ?? 0) + 1 + i));
}

/** Thrown inside the transaction so that nothing of a failed batch stays; assignBoothBatch turns it into a Result. */
class AssignFailure extends Error {
  constructor(readonly reason: AssignProblem, readonly detail?: string) {
    super(reason);
  }
}

/**
 * Assigns a booth to an accepted exhibitor (see the file comment for how races end). Self-selection also
 * needs the window open. The caller's transaction is used when there is one, else one is opened.
 *
 * @example
 * await assignBooth(db, { eventId, applicationId, boothId, method: "manual", by: user.id, now: new Date(), appUrl });
 * // { ok: true, value: { boothCode: "A-03", feeIdr: "1500000", invoiceNumber: "INV-PBN-0001", … } }
 */
export async function assignBooth(db: Executor, input: AssignInput): Promise<Result<Assigned, AssignProblem>> {
  const res = await assignBoothBatch(db, { ...input, items: [{ applicationId: input.applicationId, boothId: input.boothId }] });
  return res.ok ? ok(res.value[0]!) : res;
}

export type AssignManyInput = Omit<AssignInput, "applicationId" | "boothId"> & { items: Array<{ applicationId: string; boothId: string }> };

/**
 * Assigns many booths at once, all or nothing, in a fixed number of statements whatever the count (the automatic
 * assignment confirms thousands). The first problem found fails the whole call; in the caller's transaction the
 * caller must then roll back (its writes so far are not undone here).
 */
export async function assignBoothBatch(db: Executor, input: AssignManyInput): Promise<Result<Assigned[], AssignProblem>> {
  try {
    return ok(await inTransaction(db, (trx) => assignAll(trx, input)));
  } catch (error) {
    if (error instanceof AssignFailure) return fail(error.reason, error.detail);
    throw error;
  }
}

async function assignAll(trx: Trx, input: AssignManyInput): Promise<Assigned[]> {
  const appIds = input.items.map((i) => i.applicationId);
  const apps = new Map((await lockApplications(trx, input.eventId, appIds)).map((a) => [a.id, a]));
  for (const id of appIds) {
    const app = apps.get(id);
    if (!app) throw new AssignFailure("application_not_found");
    if (app.status !== "accepted") throw new AssignFailure("not_accepted");
  }
  // A separate statement after the locks: in READ COMMITTED it sees an assignment committed while we waited
  // (a subquery in the locking SELECT would still use the snapshot from before the wait).
  const held = await trx.selectFrom("boothAssignment as a").innerJoin("booth as b", "b.id", "a.boothId")
    .select("b.code").where("a.applicationId", "in", appIds).where("a.status", "in", LIVE).executeTakeFirst();
  if (held) throw new AssignFailure("already_assigned", held.code);
  if (input.method === "self") {
    const call = await trx.selectFrom("exhibitorCall").select(["selectionOpensAt as opensAt", "selectionClosesAt as closesAt"])
      .where("eventId", "=", input.eventId).executeTakeFirst();
    if (selectionState(call, input.now) !== "open") throw new AssignFailure("selection_closed");
  }
  const booths = new Map((await trx.selectFrom("booth as b").innerJoin("hall as h", "h.id", "b.hallId")
    .innerJoin("event as e", "e.id", "b.eventId")
    .select(["b.id", "b.code", "b.sizeM2", "b.zone", "b.priceIdr", "h.name as hallName", "e.name as eventName", "e.organizationId"])
    .where("b.id", "in", input.items.map((i) => i.boothId)).where("b.eventId", "=", input.eventId)
    .orderBy("b.id")
    .forShare("b")
    .execute()).map((b) => [b.id, b]));
  const planned = input.items.map(({ applicationId, boothId }) => {
    const booth = booths.get(boothId);
    if (!booth) throw new AssignFailure("booth_not_found");
    const app = apps.get(applicationId)!;
    if (!sizeFits(app.preferredSizeM2, booth.sizeM2, input.method)) throw new AssignFailure("wrong_size", String(booth.sizeM2));
    return { app, booth };
  });
  const rows = await insertChunked(planned, (chunk) => trx.insertInto("boothAssignment")
    .values(chunk.map(({ app, booth }) => ({
      eventId: input.eventId, boothId: booth.id, applicationId: app.id, status: "confirmed" as const, method: input.method,
      feeIdr: booth.priceIdr, assignedBy: input.by, assignedAt: input.now,
    })))
    .onConflict((oc) => oc.doNothing())
    .returning(["id", "boothId"])
    .execute());
  // The applications are locked, so the only live conflict left is a booth's.
  if (rows.length < planned.length) {
    const taken = planned.find(({ booth }) => !rows.some((r) => r.boothId === booth.id));
    throw new AssignFailure("booth_taken", taken?.booth.code);
  }
  const assignmentOf = new Map(rows.map((r) => [r.boothId, r.id]));
  const paid = planned.filter(({ booth }) => BigInt(booth.priceIdr) > 0n);
  const numbers = await nextInvoiceNumbers(trx, input.eventId, paid.length);
  const numberOf = new Map(paid.map(({ booth }, i) => [booth.id, numbers[i]!]));
  await insertChunked(paid, (chunk) => trx.insertInto("invoice").values(chunk.map(({ app, booth }) => ({
    eventId: input.eventId, applicationId: app.id, boothAssignmentId: assignmentOf.get(booth.id)!, number: numberOf.get(booth.id)!,
    amountIdr: booth.priceIdr, createdAt: input.now,
  }))).execute());
  await auditMany(trx, planned.map(({ app, booth }) => ({
    action: "booth.assigned", actorUserId: input.by, organizationId: booth.organizationId, eventId: input.eventId,
    entity: "booth", entityId: booth.id,
    data: { applicationId: app.id, code: booth.code, method: input.method, feeIdr: booth.priceIdr, invoice: numberOf.get(booth.id) ?? null },
  })));
  await enqueueEmails(trx, planned.map(({ app, booth }) => {
    const base = `${input.appUrl}/exhibitor/applications/${app.id}`;
    return {
      template: "booth-assigned" as const,
      to: app.email,
      props: {
        locale: app.locale, businessName: app.businessName, eventName: booth.eventName, boothCode: booth.code, hallName: booth.hallName,
        sizeM2: booth.sizeM2, zone: booth.zone, feeIdr: booth.priceIdr, invoiceNumber: numberOf.get(booth.id) ?? null,
        boothUrl: `${base}/booth`, staffUrl: `${base}/staff`,
      },
    };
  }), planned[0]?.booth.organizationId ?? null);
  return planned.map(({ booth }) => ({
    assignmentId: assignmentOf.get(booth.id)!, boothCode: booth.code, hallName: booth.hallName, feeIdr: booth.priceIdr,
    invoiceNumber: numberOf.get(booth.id) ?? null,
  }));
}

/** Runs a multi-row statement per 500 items (PostgreSQL allows 65,535 parameters per statement). */
async function insertChunked<T, R>(items: T[], insert: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 500) out.push(...await insert(items.slice(i, i + 500)));
  return out;
}

/**
 * Releases a booth's live assignment: the booth is free again, an unpaid invoice is voided (a paid one stays:
 * the refund is settled outside Pendopo).
 */
export function releaseBooth(db: Executor, input: { eventId: string; boothId: string; by: string; now: Date }): Promise<Result<{ applicationId: string }, "not_assigned">> {
  return inTransaction(db, async (trx) => {
    const released = await trx.updateTable("boothAssignment").set({ status: "released", releasedAt: input.now })
      .where("boothId", "=", input.boothId).where("eventId", "=", input.eventId).where("status", "in", LIVE)
      .returning(["id", "applicationId"]).executeTakeFirst();
    if (!released) return fail("not_assigned");
    await trx.updateTable("invoice").set({ status: "void" })
      .where("boothAssignmentId", "=", released.id).where("status", "=", "unpaid").execute();
    const event = await trx.selectFrom("event").select("organizationId").where("id", "=", input.eventId).executeTakeFirstOrThrow();
    await audit(trx, {
      action: "booth.released", actorUserId: input.by, organizationId: event.organizationId, eventId: input.eventId,
      entity: "booth", entityId: input.boothId, data: { applicationId: released.applicationId },
    });
    return ok({ applicationId: released.applicationId });
  });
}

/** Accepted exhibitors without a live booth, for the organizer's "assign" list (size first: the ones that fit). */
export function listUnassignedExhibitors(db: Executor, eventId: string) {
  return db.selectFrom("application as a").innerJoin("business as b", "b.id", "a.businessId")
    .select(["a.id", "b.name", "b.sector", "b.province", "a.preferredSizeM2", "a.preferredZone"])
    .where("a.eventId", "=", eventId).where("a.status", "=", "accepted")
    .where((eb) => eb.not(eb.exists(eb.selectFrom("boothAssignment as x").select("x.id")
      .whereRef("x.applicationId", "=", "a.id").where("x.status", "in", LIVE))))
    .orderBy("b.name").execute();
}

/**
 * Marks (or unmarks) a booth as one of the exhibitor's up to three preferences, used by the automatic
 * assignment. The application row lock keeps concurrent marks from passing three.
 */
export function setBoothPreference(db: Executor, input: { eventId: string; applicationId: string; boothId: string; on: boolean }): Promise<Result<null, "booth_not_found" | "wrong_size" | "too_many_preferences" | "not_accepted">> {
  return inTransaction(db, async (trx) => {
    const app = await lockApplication(trx, input.eventId, input.applicationId);
    if (!app || app.status !== "accepted") return fail("not_accepted");
    if (!input.on) {
      await trx.deleteFrom("boothPreference").where("applicationId", "=", app.id).where("boothId", "=", input.boothId).execute();
      return ok(null);
    }
    const booth = await trx.selectFrom("booth").select(["id", "sizeM2"]).where("id", "=", input.boothId).where("eventId", "=", input.eventId).executeTakeFirst();
    if (!booth) return fail("booth_not_found");
    if (!sizeFits(app.preferredSizeM2, booth.sizeM2, "self")) return fail("wrong_size");
    const current = await trx.selectFrom("boothPreference").select(["boothId", "rank"]).where("applicationId", "=", app.id).execute();
    if (current.some((p) => p.boothId === booth.id)) return ok(null);
    const rank = Array.from({ length: MAX_PREFERENCES }, (_, i) => i + 1).find((r) => !current.some((p) => p.rank === r));
    if (rank === undefined) return fail("too_many_preferences");
    await trx.insertInto("boothPreference").values({ applicationId: app.id, boothId: booth.id, rank }).execute();
    return ok(null);
  });
}
