import { getDb } from "~/utils/db.server";
import { isUuid } from "~/utils/permissions.server";
import { requireUser, type SessionUser } from "~/utils/session.server";

/**
 * Exhibitors are not organization members: an exhibitor account owns one business profile and sees only
 * that business's applications. Anything else answers 404, as for another organization.
 */
export async function requireOwnBusiness(request: Request): Promise<{ user: SessionUser; business: { id: string; name: string } | null }> {
  const user = await requireUser(request);
  const db = await getDb();
  const business = await db.selectFrom("business").select(["id", "name"]).where("ownerUserId", "=", user.id).executeTakeFirst();
  return { user, business: business ?? null };
}

export type OwnApplication = {
  user: SessionUser;
  application: { id: string; eventId: string; businessId: string; status: string; preferredSizeM2: number | null };
  event: { id: string; slug: string; name: string; timeZone: string; firstDay: string; lastDay: string; organizationId: string };
};

/** The signed-in exhibitor's own application with its event, or 404. */
export async function requireOwnApplication(request: Request, applicationId: string | undefined): Promise<OwnApplication> {
  const user = await requireUser(request);
  if (!isUuid(applicationId)) throw new Response("Not found", { status: 404 });
  const db = await getDb();
  const row = await db
    .selectFrom("application as a")
    .innerJoin("business as b", "b.id", "a.businessId")
    .innerJoin("event as e", "e.id", "a.eventId")
    .select([
      "a.id", "a.eventId", "a.businessId", "a.status", "a.preferredSizeM2",
      "e.slug", "e.name", "e.timeZone", "e.firstDay", "e.lastDay", "e.organizationId",
    ])
    .where("a.id", "=", applicationId)
    .where("b.ownerUserId", "=", user.id)
    .executeTakeFirst();
  if (!row) throw new Response("Not found", { status: 404 });
  return {
    user,
    application: { id: row.id, eventId: row.eventId, businessId: row.businessId, status: row.status, preferredSizeM2: row.preferredSizeM2 },
    event: { id: row.eventId, slug: row.slug, name: row.name, timeZone: row.timeZone, firstDay: row.firstDay, lastDay: row.lastDay, organizationId: row.organizationId },
  };
}
