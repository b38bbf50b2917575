import type { Executor } from "./db.server";
import { clientIp, userAgent } from "./request.server";

export type AuditEntry = {
  action: string;
  actorUserId?: string | null;
  organizationId?: string | null;
  eventId?: string | null;
  entity?: string;
  entityId?: string;
  data?: Record<string, unknown>;
  request?: Request;
};

/** Appends to the audit log (logins, permission denials, role changes, publishing…); never updated or deleted. */
export async function audit(db: Executor, entry: AuditEntry): Promise<void> {
  await auditMany(db, [entry]);
}

/** Many audit entries in one statement per 500 (bulk operations). */
export async function auditMany(db: Executor, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    await db.insertInto("auditLog").values(entries.slice(i, i + 500).map((entry) => ({
      action: entry.action,
      actorUserId: entry.actorUserId ?? null,
      organizationId: entry.organizationId ?? null,
      eventId: entry.eventId ?? null,
      entity: entry.entity ?? null,
      entityId: entry.entityId ?? null,
      ip: entry.request ? clientIp(entry.request) : null,
      userAgent: entry.request ? userAgent(entry.request) : null,
      data: JSON.stringify(entry.data ?? {}),
    }))).execute();
  }
}
