import { getDb } from "./db.server";
import { audit } from "./audit.server";
import { can, type OrgRole, type Permission } from "./permissions";
import { requireUser, type SessionUser } from "./session.server";

export type OrgAccess = {
  user: SessionUser;
  org: { id: string; slug: string; name: string; kind: string; city: string | null };
  role: OrgRole;
};

/**
 * The signed-in member's organization, checked for a permission. A non-member gets 404 (another tenant's
 * objects do not exist for them); a member without the permission gets 403, which is audited.
 */
export async function requireOrgAccess(request: Request, orgSlug: string | undefined, permission: Permission): Promise<OrgAccess> {
  const user = await requireUser(request);
  const db = await getDb();
  const row = await db
    .selectFrom("organization as o")
    .innerJoin("membership as m", "m.organizationId", "o.id")
    .select(["o.id", "o.slug", "o.name", "o.kind", "o.city", "m.role"])
    .where("o.slug", "=", orgSlug ?? "")
    .where("m.userId", "=", user.id)
    .executeTakeFirst();
  if (!row) throw new Response("Not found", { status: 404 });
  if (!can(row.role, permission)) {
    await audit(db, { action: "permission.denied", actorUserId: user.id, organizationId: row.id, data: { permission }, request });
    throw new Response("Forbidden", { status: 403 });
  }
  const { role, ...org } = row;
  return { user, org, role };
}

export type EventAccess = OrgAccess & {
  event: { id: string; slug: string; name: string; timeZone: string; firstDay: string; lastDay: string; status: string };
};

/** As requireOrgAccess, plus the event, which must belong to that organization (else 404). */
export async function requireEventAccess(
  request: Request,
  params: { orgSlug?: string; eventId?: string },
  permission: Permission,
): Promise<EventAccess> {
  const access = await requireOrgAccess(request, params.orgSlug, permission);
  const db = await getDb();
  const event = await db
    .selectFrom("event")
    .select(["id", "slug", "name", "timeZone", "firstDay", "lastDay", "status"])
    .where("organizationId", "=", access.org.id)
    .where("id", "=", isUuid(params.eventId) ? params.eventId : "00000000-0000-0000-0000-000000000000")
    .executeTakeFirst();
  if (!event) throw new Response("Not found", { status: 404 });
  return { ...access, event };
}

/** Route params that should be uuids are checked before SQL sees them (a bad uuid is a 404, not a 500). */
export function isUuid(value: string | undefined | null): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
