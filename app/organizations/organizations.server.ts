import type { Executor } from "~/utils/db.server";
import { hashToken, newToken } from "~/utils/crypto.server";
import { enqueueEmail } from "~/utils/outbox.server";
import { canManageMember, type OrgRole } from "~/utils/permissions";
import { fail, ok, type Result } from "~/utils/result";
import type { AppLocale } from "~/utils/i18n";
import { slugify } from "~/events/slug";
import type { OrganizationKind } from "../../db/schema";

export const INVITATION_VALID_DAYS = 7;

/** Creates the organization with its creator as owner; the slug gets a number if the name is taken. */
export async function createOrganization(
  db: Executor,
  input: { name: string; kind: OrganizationKind; city: string; ownerId: string },
) {
  const base = slugify(input.name) || "organisasi";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const row = await db
      .insertInto("organization")
      .values({ slug, name: input.name, kind: input.kind, city: input.city || null })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (!row) continue;
    await db.insertInto("membership").values({ organizationId: row.id, userId: input.ownerId, role: "owner" }).execute();
    return row;
  }
}

export function listMyOrganizations(db: Executor, userId: string) {
  return db
    .selectFrom("organization as o")
    .innerJoin("membership as m", "m.organizationId", "o.id")
    .select(["o.id", "o.slug", "o.name", "o.kind", "o.city", "m.role"])
    .where("m.userId", "=", userId)
    .orderBy("o.name")
    .execute();
}

export function listMembers(db: Executor, organizationId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("appUser as u", "u.id", "m.userId")
    .select(["u.id", "u.name", "u.email", "m.role", "m.createdAt"])
    .where("m.organizationId", "=", organizationId)
    .orderBy("u.name")
    .execute();
}

export function listOpenInvitations(db: Executor, organizationId: string, now: Date) {
  return db
    .selectFrom("invitation")
    .select(["id", "email", "role", "createdAt", "expiresAt"])
    .where("organizationId", "=", organizationId)
    .where("acceptedAt", "is", null)
    .where("revokedAt", "is", null)
    .where("expiresAt", ">", now)
    .orderBy("createdAt", "desc")
    .execute();
}

type InviteInput = {
  organization: { id: string; name: string };
  inviter: { id: string; name: string };
  email: string;
  role: Exclude<OrgRole, "owner">;
  locale: AppLocale;
  appUrl: string;
  now: Date;
};

/** Invites an address with a role and emails a single-use link; one open invitation per address. */
export async function inviteMember(db: Executor, input: InviteInput): Promise<Result<{ id: string }, "already_member" | "already_invited">> {
  const member = await db
    .selectFrom("membership as m")
    .innerJoin("appUser as u", "u.id", "m.userId")
    .select("u.id")
    .where("m.organizationId", "=", input.organization.id)
    .where("u.email", "=", input.email)
    .executeTakeFirst();
  if (member) return fail("already_member");
  // Expired open invitations would block the unique index: close them first.
  await db.updateTable("invitation").set({ revokedAt: input.now })
    .where("organizationId", "=", input.organization.id).where("email", "=", input.email)
    .where("acceptedAt", "is", null).where("revokedAt", "is", null).where("expiresAt", "<=", input.now).execute();
  const token = newToken();
  // ON CONFLICT instead of catching the unique violation: a caught error still aborts the caller's transaction
  // (PGlite then refuses to commit it), and the answer must be already_invited, not a 500.
  const row = await db
    .insertInto("invitation")
    .values({
      organizationId: input.organization.id,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: input.inviter.id,
      expiresAt: new Date(input.now.getTime() + INVITATION_VALID_DAYS * 86400_000),
    })
    .onConflict((oc) => oc.columns(["organizationId", "email"]).where("acceptedAt", "is", null).where("revokedAt", "is", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return fail("already_invited");
  await enqueueEmail(db, {
    template: "invitation",
    to: input.email,
    props: {
      locale: input.locale,
      organizationName: input.organization.name,
      inviterName: input.inviter.name,
      role: input.role,
      acceptUrl: `${input.appUrl}/invitations/${token}`,
      validDays: INVITATION_VALID_DAYS,
    },
  }, input.organization.id);
  return ok(row);
}

export async function findInvitation(db: Executor, token: string, now: Date) {
  const row = await db
    .selectFrom("invitation as i")
    .innerJoin("organization as o", "o.id", "i.organizationId")
    .select(["i.id", "i.email", "i.role", "i.expiresAt", "i.acceptedAt", "i.revokedAt", "o.id as organizationId", "o.name as organizationName", "o.slug as organizationSlug"])
    .where("i.tokenHash", "=", hashToken(token))
    .executeTakeFirst();
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= now) return undefined;
  return row;
}

/** Joins the signed-in account to the organization; the invitation is used up in the same statement. */
export async function acceptInvitation(db: Executor, input: { token: string; userId: string; now: Date }): Promise<Result<{ organizationSlug: string }, "invalid_invitation">> {
  const invitation = await findInvitation(db, input.token, input.now);
  if (!invitation) return fail("invalid_invitation");
  const used = await db.updateTable("invitation").set({ acceptedAt: input.now })
    .where("id", "=", invitation.id).where("acceptedAt", "is", null).returning("id").executeTakeFirst();
  if (!used) return fail("invalid_invitation");
  await db
    .insertInto("membership")
    .values({ organizationId: invitation.organizationId, userId: input.userId, role: invitation.role })
    .onConflict((oc) => oc.columns(["organizationId", "userId"]).doNothing())
    .execute();
  return ok({ organizationSlug: invitation.organizationSlug });
}

export async function revokeInvitation(db: Executor, organizationId: string, invitationId: string, now: Date) {
  await db.updateTable("invitation").set({ revokedAt: now })
    .where("id", "=", invitationId).where("organizationId", "=", organizationId).where("acceptedAt", "is", null).execute();
}

type MemberChange = { organizationId: string; actorRole: OrgRole; userId: string };

async function memberRole(db: Executor, organizationId: string, userId: string) {
  const row = await db.selectFrom("membership").select("role")
    .where("organizationId", "=", organizationId).where("userId", "=", userId).executeTakeFirst();
  return row?.role;
}

/**
 * Locks the organization row so membership changes of one organization run one at a time: two owners stepping
 * down at once would otherwise each count two owners (READ COMMITTED) and leave none.
 */
async function lockOrganization(db: Executor, organizationId: string) {
  await db.selectFrom("organization").select("id").where("id", "=", organizationId).forUpdate().executeTakeFirst();
}

async function ownerCount(db: Executor, organizationId: string) {
  const row = await db.selectFrom("membership").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("organizationId", "=", organizationId).where("role", "=", "owner").executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Changes a member's role; an organization always keeps at least one owner. Run inside a transaction. */
export async function changeMemberRole(db: Executor, input: MemberChange & { role: OrgRole }): Promise<Result<null, "not_found" | "forbidden" | "last_owner">> {
  await lockOrganization(db, input.organizationId);
  const current = await memberRole(db, input.organizationId, input.userId);
  if (!current) return fail("not_found");
  if (!canManageMember(input.actorRole, current) || (input.role === "owner" && input.actorRole !== "owner")) return fail("forbidden");
  if (current === "owner" && input.role !== "owner" && (await ownerCount(db, input.organizationId)) <= 1) return fail("last_owner");
  await db.updateTable("membership").set({ role: input.role })
    .where("organizationId", "=", input.organizationId).where("userId", "=", input.userId).execute();
  return ok(null);
}

export async function removeMember(db: Executor, input: MemberChange): Promise<Result<null, "not_found" | "forbidden" | "last_owner">> {
  await lockOrganization(db, input.organizationId);
  const current = await memberRole(db, input.organizationId, input.userId);
  if (!current) return fail("not_found");
  if (!canManageMember(input.actorRole, current)) return fail("forbidden");
  if (current === "owner" && (await ownerCount(db, input.organizationId)) <= 1) return fail("last_owner");
  await db.deleteFrom("membership").where("organizationId", "=", input.organizationId).where("userId", "=", input.userId).execute();
  return ok(null);
}

export function listEmailLog(db: Executor, organizationId: string, limit: number, offset: number) {
  return db
    .selectFrom("emailLog")
    .select(["id", "toAddress", "subject", "template", "transport", "fileName", "sentAt"])
    .where("organizationId", "=", organizationId)
    .orderBy("sentAt", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
}
