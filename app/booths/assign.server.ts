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
import { audit } from "~/utils/audit.server";
import type { Executor, Trx } from "~/utils/db.server";
import { enqueueEmail } from "~/utils/outbox.server";
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
  return trx.selectFrom("application as a")
    .innerJoin("business as b", "b.id", "a.businessId")
    .innerJoin("appUser as u", "u.id", "b.ownerUserId")
    .select(["a.id", "a.status", "a.preferredSizeM2", "b.name as businessName", "b.email", "u.locale"])
    .where("a.id", "=", applicationId).where("a.eventId", "=", eventId)
    .forUpdate("a")
    .executeTakeFirst();
}

/** The next invoice number of the event, under a transaction-scoped advisory lock (numbers never repeat or skip). */
async function nextInvoiceNumber(trx: Trx, eventId: string): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`pendopo.invoice:${eventId}`}))`.execute(trx);
  const { slug, last } = await trx.selectFrom("event").select(["slug", (eb) => eb.selectFrom("invoice")
    .select(sql<number | null>`max((substring(number from '([0-9]+)$'))::int)`.as("n")).where("invoice.eventId", "=", eventId).as("last")])
    .where("id", "=", eventId).executeTakeFirstOrThrow();
  return invoiceNumber(eventShortCode(slug), Number(last ?? 0) + 1);
}

/**
 * Assigns a booth to an accepted exhibitor (see the file comment for how races end). Self-selection also
 * needs the window open. The caller's transaction is used when there is one (the automatic assignment
 * confirms many in one), else one is opened.
 *
 * @example
 * await assignBooth(db, { eventId, applicationId, boothId, method: "manual", by: user.id, now: new Date(), appUrl });
 * // { ok: true, value: { boothCode: "A-03", feeIdr: "1500000", invoiceNumber: "INV-PBN-0001", … } }
 */
export function assignBooth(db: Executor, input: AssignInput): Promise<Result<Assigned, AssignProblem>> {
  return inTransaction(db, async (trx) => {
    const app = await lockApplication(trx, input.eventId, input.applicationId);
    if (!app) return fail("application_not_found");
    if (app.status !== "accepted") return fail("not_accepted");
    // A separate statement after the lock: in READ COMMITTED it sees an assignment committed while we waited
    // (a subquery in the locking SELECT would still use the snapshot from before the wait).
    const held = await trx.selectFrom("boothAssignment as a").innerJoin("booth as b", "b.id", "a.boothId")
      .select("b.code").where("a.applicationId", "=", app.id).where("a.status", "in", LIVE).executeTakeFirst();
    if (held) return fail("already_assigned", held.code);
    if (input.method === "self") {
      const call = await trx.selectFrom("exhibitorCall").select(["selectionOpensAt as opensAt", "selectionClosesAt as closesAt"])
        .where("eventId", "=", input.eventId).executeTakeFirst();
      if (selectionState(call, input.now) !== "open") return fail("selection_closed");
    }
    const booth = await trx.selectFrom("booth as b").innerJoin("hall as h", "h.id", "b.hallId")
      .innerJoin("event as e", "e.id", "b.eventId")
      .select(["b.id", "b.code", "b.sizeM2", "b.zone", "b.priceIdr", "h.name as hallName", "e.name as eventName", "e.organizationId"])
      .where("b.id", "=", input.boothId).where("b.eventId", "=", input.eventId)
      .forShare("b")
      .executeTakeFirst();
    if (!booth) return fail("booth_not_found");
    if (!sizeFits(app.preferredSizeM2, booth.sizeM2, input.method)) return fail("wrong_size", String(booth.sizeM2));
    const row = await trx.insertInto("boothAssignment")
      .values({
        eventId: input.eventId, boothId: booth.id, applicationId: app.id, status: "confirmed", method: input.method,
        feeIdr: booth.priceIdr, assignedBy: input.by, assignedAt: input.now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    // The application is locked, so the only live conflict left is the booth's.
    if (!row) return fail("booth_taken", booth.code);
    const number = BigInt(booth.priceIdr) > 0n ? await nextInvoiceNumber(trx, input.eventId) : null;
    if (number) {
      await trx.insertInto("invoice").values({
        eventId: input.eventId, applicationId: app.id, boothAssignmentId: row.id, number, amountIdr: booth.priceIdr, createdAt: input.now,
      }).execute();
    }
    await audit(trx, {
      action: "booth.assigned", actorUserId: input.by, organizationId: booth.organizationId, eventId: input.eventId,
      entity: "booth", entityId: booth.id,
      data: { applicationId: app.id, code: booth.code, method: input.method, feeIdr: booth.priceIdr, invoice: number },
    });
    const base = `${input.appUrl}/exhibitor/applications/${app.id}`;
    await enqueueEmail(trx, {
      template: "booth-assigned",
      to: app.email,
      props: {
        locale: app.locale, businessName: app.businessName, eventName: booth.eventName, boothCode: booth.code, hallName: booth.hallName,
        sizeM2: booth.sizeM2, zone: booth.zone, feeIdr: booth.priceIdr, invoiceNumber: number,
        boothUrl: `${base}/booth`, staffUrl: `${base}/staff`,
      },
    }, booth.organizationId);
    return ok({ assignmentId: row.id, boothCode: booth.code, hallName: booth.hallName, feeIdr: booth.priceIdr, invoiceNumber: number });
  });
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
