// Booth invoices: the organizer's list and "mark paid" (no online payment); the exhibitor's own invoice.
// Invoices are written by assign.server.ts with the fee frozen at assignment.
import { sql } from "kysely";
import type { InvoiceStatus } from "../../db/schema";
import { audit } from "~/utils/audit.server";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";

export const INVOICE_STATUSES = ["unpaid", "paid", "void"] as const satisfies readonly InvoiceStatus[];
export const INVOICES_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

const escapeLike = (q: string) => q.replace(/[%_\\]/g, (c) => `\\${c}`);

/** The event's invoices, newest number first, filtered by status and a search on number or exhibitor name. */
export async function listInvoices(db: Executor, eventId: string, opts: { status?: InvoiceStatus; q?: string; page?: number }) {
  let query = db.selectFrom("invoice as i")
    .innerJoin("application as a", "a.id", "i.applicationId")
    .innerJoin("business as b", "b.id", "a.businessId")
    .leftJoin("boothAssignment as ba", "ba.id", "i.boothAssignmentId")
    .leftJoin("booth as bo", "bo.id", "ba.boothId")
    .where("i.eventId", "=", eventId);
  if (opts.status) query = query.where("i.status", "=", opts.status);
  if (opts.q) {
    const like = `%${escapeLike(opts.q)}%`;
    query = query.where((eb) => eb.or([eb("i.number", "ilike", like), eb("b.name", "ilike", like)]));
  }
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(opts.page ?? 1) || 1));
  const [rows, total, sums] = await Promise.all([
    query.select(["i.id", "i.number", "i.amountIdr", "i.status", "i.createdAt", "i.paidAt", "i.paidReference", "b.name as exhibitorName", "bo.code as boothCode"])
      .orderBy("i.createdAt", "desc").orderBy("i.number", "desc")
      .limit(INVOICES_PAGE_SIZE).offset((page - 1) * INVOICES_PAGE_SIZE).execute(),
    query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("invoice").where("eventId", "=", eventId)
      .select([
        sql<string>`coalesce(sum(amount_idr) filter (where status = 'unpaid'), 0)::text`.as("unpaid"),
        sql<string>`coalesce(sum(amount_idr) filter (where status = 'paid'), 0)::text`.as("paid"),
      ]).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), page, pageSize: INVOICES_PAGE_SIZE, sums };
}

export type PaidProblem = "not_found" | "already_paid" | "invoice_void";

/**
 * Marks an unpaid invoice paid with the transfer reference, once: a conditional update, so of two clicks (or
 * two organizers) exactly one succeeds and the other learns `already_paid`.
 */
export async function markInvoicePaid(
  db: Executor,
  input: { eventId: string; organizationId: string; invoiceId: string; reference: string; by: string; now: Date },
): Promise<Result<{ number: string }, PaidProblem>> {
  const paid = await db.updateTable("invoice")
    .set({ status: "paid", paidAt: input.now, paidReference: input.reference, markedPaidBy: input.by })
    .where("id", "=", input.invoiceId).where("eventId", "=", input.eventId).where("status", "=", "unpaid")
    .returning(["id", "number", "amountIdr"]).executeTakeFirst();
  if (!paid) {
    const row = await db.selectFrom("invoice").select("status").where("id", "=", input.invoiceId).where("eventId", "=", input.eventId).executeTakeFirst();
    return fail(!row ? "not_found" : row.status === "void" ? "invoice_void" : "already_paid");
  }
  await audit(db, {
    action: "invoice.paid", actorUserId: input.by, organizationId: input.organizationId, eventId: input.eventId,
    entity: "invoice", entityId: paid.id, data: { number: paid.number, amountIdr: paid.amountIdr, reference: input.reference },
  });
  return ok({ number: paid.number });
}

/** The exhibitor's current (not void) booth invoice, if the booth is not free. */
export function getApplicationInvoice(db: Executor, applicationId: string) {
  return db.selectFrom("invoice").select(["number", "amountIdr", "status", "createdAt", "paidAt", "paidReference"])
    .where("applicationId", "=", applicationId).where("status", "<>", "void")
    .orderBy("createdAt", "desc").limit(1).executeTakeFirst();
}
