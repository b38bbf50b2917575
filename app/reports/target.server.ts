// The event's deal-value target, shown as progress on the dashboard and in the report.
import type { Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";

/** Sets (or clears, with null) the target in whole rupiah; audited. */
export async function setDealTarget(
  db: Executor, input: { eventId: string; organizationId: string; userId: string; target: bigint | null; request?: Request },
): Promise<void> {
  await db.updateTable("event").set({ dealTarget: input.target === null ? null : input.target.toString() }).where("id", "=", input.eventId).execute();
  await audit(db, { action: "deal.target_set", actorUserId: input.userId, organizationId: input.organizationId, eventId: input.eventId,
    data: { target: input.target?.toString() ?? null }, request: input.request });
}
