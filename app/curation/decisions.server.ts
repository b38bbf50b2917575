import { sql } from "kysely";
import { audit } from "~/utils/audit.server";
import type { Db, Trx } from "~/utils/db.server";
import { isLocale } from "~/utils/i18n";
import { enqueueEmail } from "~/utils/outbox.server";
import { fail, ok, type Result } from "~/utils/result";
import { CURATION_STATUSES, DECISION_STATUS, OPEN_STATUSES, type DecidedStatus, type Decision, type OpenStatus } from "./curation.schema";

export type DecisionContext = {
  organization: { id: string; name: string };
  event: { id: string; name: string };
  actorUserId: string;
  /** Only forwarded to the audit log (IP address and user agent). */
  request?: Request;
};

export type DecideFailure = "not_found" | "already_decided";
export type Decided = { applicationId: string; status: DecidedStatus; from: OpenStatus; email: string };

/**
 * Decides one application: accept, waitlist or reject, with a message to the applicant. The application row
 * is locked and changes only if it still has the status the decider saw (`from`, submitted or waitlisted),
 * so of two admins deciding at once exactly one wins and the other gets `already_decided` with the status it
 * has now (as `detail`). In the same transaction: the applicant's email in their language goes to the outbox, and the audit log records
 * `curation.decided`.
 */
export async function decideApplication(db: Db, ctx: DecisionContext, input: { applicationId: string; decision: Decision; from: OpenStatus; message: string }):
Promise<Result<Decided, DecideFailure>> {
  return db.transaction().execute(async (trx) => {
    const decided = await applyDecision(trx, ctx, { ...input, from: [input.from] });
    if (decided) return ok(decided);
    const current = await trx.selectFrom("application").select("status")
      .where("id", "=", input.applicationId).where("eventId", "=", ctx.event.id).where("status", "in", CURATION_STATUSES)
      .executeTakeFirst();
    return current ? fail("already_decided", current.status) : fail("not_found");
  });
}

export type BulkDecisionResult = { applicationId: string; ok: boolean; reason?: DecideFailure | "same_status" };

/**
 * The same decision for several applications from the queue, each in its own transaction (per-item
 * results): an application decides only while it is open and not already in the target status.
 */
export async function decideApplications(db: Db, ctx: DecisionContext, input: { applicationIds: readonly string[]; decision: Decision; message: string }) {
  const results: BulkDecisionResult[] = [];
  const target = DECISION_STATUS[input.decision];
  const from = OPEN_STATUSES.filter((s) => s !== target);
  for (const applicationId of new Set(input.applicationIds)) {
    const decided = await db.transaction().execute((trx) => applyDecision(trx, ctx, { applicationId, decision: input.decision, from, message: input.message }));
    if (decided) {
      results.push({ applicationId, ok: true });
      continue;
    }
    const current = await db.selectFrom("application").select("status")
      .where("id", "=", applicationId).where("eventId", "=", ctx.event.id).where("status", "in", CURATION_STATUSES).executeTakeFirst();
    results.push({ applicationId, ok: false, reason: !current ? "not_found" : current.status === target ? "same_status" : "already_decided" });
  }
  return results;
}

async function applyDecision(trx: Trx, ctx: DecisionContext, input: { applicationId: string; decision: Decision; from: readonly OpenStatus[]; message: string }):
Promise<Decided | undefined> {
  const status = DECISION_STATUS[input.decision];
  if (input.from.length === 0) return undefined;
  // The row lock serializes deciders: a second one waits here, then reads the status the first committed
  // (READ COMMITTED reads the newest version after the wait) and no longer finds it open.
  const current = await trx.selectFrom("application").select(["status", "businessId"])
    .where("id", "=", input.applicationId).where("eventId", "=", ctx.event.id).forUpdate().executeTakeFirst();
  if (!current || !(input.from as readonly string[]).includes(current.status)) return undefined;
  const from = current.status as OpenStatus;
  // The status condition again, so the UPDATE alone is still correct if the lock above is ever removed.
  const row = await trx.updateTable("application")
    .set({ status, decidedAt: sql`now()`, decidedBy: ctx.actorUserId, decisionMessage: input.message, updatedAt: sql`now()` })
    .where("id", "=", input.applicationId).where("status", "=", from)
    .returning(["id", "businessId"])
    .executeTakeFirst();
  if (!row) return undefined;
  const business = await trx.selectFrom("business as b").innerJoin("appUser as u", "u.id", "b.ownerUserId")
    .select(["b.name", "b.email", "b.ownerName", "u.locale"]).where("b.id", "=", row.businessId).executeTakeFirstOrThrow();
  await enqueueEmail(trx, {
    template: "application-decision",
    to: business.email,
    props: {
      locale: isLocale(business.locale) ? business.locale : "id",
      status,
      ownerName: business.ownerName,
      businessName: business.name,
      eventName: ctx.event.name,
      organizationName: ctx.organization.name,
      message: input.message,
    },
  }, ctx.organization.id);
  await audit(trx, {
    action: "curation.decided", actorUserId: ctx.actorUserId, organizationId: ctx.organization.id, eventId: ctx.event.id,
    entity: "application", entityId: row.id, data: { from, to: status, message: input.message }, request: ctx.request,
  });
  return { applicationId: row.id, status, from, email: business.email };
}
