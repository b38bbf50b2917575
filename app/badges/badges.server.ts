// Badges: issue, reissue (new random part, old code revoked), status changes, the revocation list, and the QR
// text. Codes are Ed25519-signed tokens (badge-token.ts); the short code is a random database key per event.
import { randomBytes, randomUUID } from "node:crypto";
import type { BadgeSourceColumn } from "../../db/schema";
import type { Db, Executor, Trx } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { fail, ok, type Result } from "~/utils/result";
import type { BadgeKind } from "~/checkin/decide-entry";
import { ensureEventKey, getSigningKey } from "./badge-keys.server";
import { BadgeInputSchema, type BadgeInput, type BadgeStatus, type BadgeStatusAction } from "./badge.schema";
import { issueBadgeToken, signBadgeToken } from "./badge-sign.server";
import { revocationKey } from "./badge-token";
import { formatShortCode, shortCodeFromBytes } from "./short-code";

export { ensureEventKey, getPublicKeys, rotateEventKey } from "./badge-keys.server";

/** Runs `fn` in the caller's transaction, or opens one. */
export function inTransaction<T>(db: Executor, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Trx) : (db as Db).transaction().execute(fn);
}

export type Badge = {
  id: string;
  eventId: string;
  kind: BadgeKind;
  status: BadgeStatus;
  holderName: string;
  organizationName: string;
  email: string | null;
  phone: string | null;
  locale: "id" | "en";
  exhibitorStaffId: string | null;
  validFrom: Date | null;
  validUntil: Date | null;
  issuedAt: Date;
  /** Display form, e.g. "K7QX-M3PA". */
  shortCode: string;
};

/** A badge as issued: the row, the QR text (175 characters) and the short code to print under it. */
export type IssuedBadge = { badge: Badge; qr: string; shortCode: string };

const BADGE_COLUMNS = [
  "id", "eventId", "kind", "status", "holderName", "organizationName", "email", "phone", "locale", "exhibitorStaffId",
  "validFrom", "validUntil", "issuedAt", "shortCode",
] as const;

/** Who acts and when; `random` (tests only) replaces crypto.randomBytes for short codes. */
type Actor = { by?: string | null; now: Date; random?: (n: number) => Uint8Array };
/** Where a new badge comes from: the form, a CSV import row (unique, so a re-run skips it), the public form. */
export type BadgeOrigin = { source?: BadgeSourceColumn; whatsappOptIn?: boolean; importId?: string; importRow?: number };
type EventRef = { id: string; organizationId?: string | null };

/**
 * Issues a badge: a fresh random part signed with the event's active key, and a short code unique in the
 * event (drawn again on the rare collision). A badge linked to booth staff must belong to this event, and a
 * staff member holds one live badge.
 *
 * @example
 * const res = await issueBadge(db, event, { kind: "buyer", holderName: "Sari Wulandari" }, { by: user.id, now })
 * // res.value → { badge: { id, shortCode: "K7QX-M3PA", … }, qr: "P1…", shortCode: "K7QX-M3PA" }
 */
export async function issueBadge(
  db: Executor,
  event: EventRef,
  input: BadgeInput,
  actor: Actor,
  origin: BadgeOrigin = {},
): Promise<Result<IssuedBadge, "invalid" | "staff_not_found" | "staff_has_badge">> {
  const parsed = BadgeInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail("invalid", `${issue.path.join(".")}: ${issue.message}`);
  }
  const fields = parsed.data;
  return inTransaction(db, async (trx) => {
    if (fields.exhibitorStaffId) {
      const staff = await trx.selectFrom("exhibitorStaff as s").innerJoin("application as a", "a.id", "s.applicationId")
        .select("s.id").where("s.id", "=", fields.exhibitorStaffId).where("a.eventId", "=", event.id)
        .forUpdate("s").executeTakeFirst();
      if (!staff) return fail("staff_not_found");
      const held = await trx.selectFrom("badge").select("id")
        .where("exhibitorStaffId", "=", staff.id).where("status", "<>", "revoked").executeTakeFirst();
      if (held) return fail("staff_has_badge", held.id);
    }
    const key = await ensureEventKey(trx, event.id);
    const id = randomUUID();
    const { token, seed } = issueBadgeToken({ keyId: key.keyId, eventId: event.id, badgeId: id }, key.privateKey);
    let row: Badge | undefined;
    for (let attempt = 0; !row; attempt++) {
      if (attempt === 8) throw new Error("issueBadge: no free short code after 8 draws");
      row = await trx.insertInto("badge")
        .values({
          id, eventId: event.id, kind: fields.kind, status: fields.status, holderName: fields.holderName,
          organizationName: fields.organizationName, email: fields.email, phone: fields.phone, locale: fields.locale,
          exhibitorStaffId: fields.exhibitorStaffId, keyId: key.keyId, seed, shortCode: shortCodeFromBytes((actor.random ?? randomBytes)(8)),
          validFrom: fields.validFrom, validUntil: fields.validUntil, issuedAt: actor.now, createdAt: actor.now, updatedAt: actor.now,
          source: origin.source ?? (fields.exhibitorStaffId ? "staff" : "organizer"),
          whatsappOptInAt: origin.whatsappOptIn && fields.phone ? actor.now : null,
          importId: origin.importId ?? null, importRow: origin.importRow ?? null,
        })
        .onConflict((oc) => oc.columns(["eventId", "shortCode"]).doNothing())
        .returning(BADGE_COLUMNS)
        .executeTakeFirst();
    }
    await audit(trx, {
      action: "badge.issued", actorUserId: actor.by ?? null, organizationId: await organizationOf(trx, event), eventId: event.id,
      entity: "badge", entityId: id, data: { kind: row.kind, status: row.status, keyId: key.keyId },
    });
    const badge = { ...row, shortCode: formatShortCode(row.shortCode) };
    return ok({ badge, qr: token, shortCode: badge.shortCode });
  });
}

/**
 * Reissues a badge: a new random part (signed with the event's active key, so a rotated-out key is left
 * behind) and a new short code; the old code's revocation key goes on the revocation list in the same
 * transaction, so neither the old QR nor the old short code passes any more. A revoked badge stays revoked.
 *
 * @example
 * const res = await reissueBadge(db, event.id, badge.id, { by: user.id, now }) // { ok: true, value: { qr, shortCode, … } }
 */
export function reissueBadge(db: Executor, eventId: string, badgeId: string, actor: Actor): Promise<Result<IssuedBadge, "not_found" | "revoked">> {
  return inTransaction(db, async (trx) => {
    const current = await lockBadge(trx, eventId, badgeId);
    if (!current) return fail("not_found");
    if (current.status === "revoked") return fail("revoked");
    const key = await ensureEventKey(trx, eventId);
    const { token, seed } = issueBadgeToken({ keyId: key.keyId, eventId, badgeId }, key.privateKey);
    const shortCode = await freeShortCode(trx, eventId, actor.random ?? randomBytes);
    const row = await trx.updateTable("badge")
      .set({ keyId: key.keyId, seed, shortCode, issuedAt: actor.now, printedAt: null, updatedAt: actor.now })
      .where("id", "=", badgeId).where("eventId", "=", eventId)
      .returning(BADGE_COLUMNS).executeTakeFirstOrThrow();
    await trx.insertInto("badgeRevocation")
      .values({ eventId, revocationKey: revocationKey({ badgeId, seed: current.seed }), badgeId, cause: "reissued", revokedAt: actor.now })
      .onConflict((oc) => oc.doNothing()).execute();
    await audit(trx, {
      action: "badge.reissued", actorUserId: actor.by ?? null, organizationId: current.organizationId, eventId,
      entity: "badge", entityId: badgeId, data: { revokedSeed: current.seed, keyId: key.keyId },
    });
    const badge = { ...row, shortCode: formatShortCode(row.shortCode) };
    return ok({ badge, qr: token, shortCode: badge.shortCode });
  });
}

const TRANSITIONS: Record<BadgeStatusAction, { from: readonly BadgeStatus[]; to: BadgeStatus; needsReason: boolean; audit: string }> = {
  revoke: { from: ["valid", "pending", "blocked"], to: "revoked", needsReason: true, audit: "badge.revoked" },
  block: { from: ["valid", "pending"], to: "blocked", needsReason: true, audit: "badge.blocked" },
  unblock: { from: ["blocked"], to: "valid", needsReason: false, audit: "badge.unblocked" },
  approve: { from: ["pending"], to: "valid", needsReason: false, audit: "badge.approved" },
};

/**
 * Revokes (final; the current code goes on the revocation list), blocks, unblocks or approves a badge, with
 * the reason stored on the badge and in the audit log.
 *
 * @example
 * await setBadgeStatus(db, event.id, badge.id, { action: "block", reason: "Kartu hilang", by: user.id, now })
 * // { ok: true, value: { status: "blocked" } } or { ok: false, reason: "invalid_transition", detail: "revoked" }
 */
export function setBadgeStatus(
  db: Executor,
  eventId: string,
  badgeId: string,
  change: Actor & { action: BadgeStatusAction; reason?: string | null },
): Promise<Result<{ status: BadgeStatus }, "not_found" | "invalid_transition" | "reason_required">> {
  const rule = TRANSITIONS[change.action];
  const reason = change.reason?.trim().slice(0, 500) || null;
  if (rule.needsReason && !reason) return Promise.resolve(fail("reason_required"));
  return inTransaction(db, async (trx) => {
    const current = await lockBadge(trx, eventId, badgeId);
    if (!current) return fail("not_found");
    if (!rule.from.includes(current.status)) return fail("invalid_transition", current.status);
    await trx.updateTable("badge").set({ status: rule.to, statusReason: reason, updatedAt: change.now })
      .where("id", "=", badgeId).where("eventId", "=", eventId).execute();
    if (rule.to === "revoked") {
      await trx.insertInto("badgeRevocation")
        .values({ eventId, revocationKey: revocationKey({ badgeId, seed: current.seed }), badgeId, cause: "revoked", revokedAt: change.now })
        .onConflict((oc) => oc.doNothing()).execute();
    }
    await audit(trx, {
      action: rule.audit, actorUserId: change.by ?? null, organizationId: current.organizationId, eventId,
      entity: "badge", entityId: badgeId, data: { from: current.status, to: rule.to, reason },
    });
    return ok({ status: rule.to });
  });
}

/**
 * The event's revocation list (what gate phones sync), oldest first; `since` gives only later entries.
 *
 * @example
 * await listRevocations(db, event.id) // ["9d1e….0011223344556677", …]
 */
export async function listRevocations(db: Executor, eventId: string, since?: Date): Promise<string[]> {
  let q = db.selectFrom("badgeRevocation").select("revocationKey").where("eventId", "=", eventId);
  if (since) q = q.where("revokedAt", ">", since);
  const rows = await q.orderBy("revokedAt").orderBy("revocationKey").execute();
  return rows.map((r) => r.revocationKey);
}

/** A badge of the event, or undefined. */
export async function getBadge(db: Executor, eventId: string, badgeId: string): Promise<Badge | undefined> {
  const row = await db.selectFrom("badge").select(BADGE_COLUMNS).where("eventId", "=", eventId).where("id", "=", badgeId).executeTakeFirst();
  return row && { ...row, shortCode: formatShortCode(row.shortCode) };
}

/**
 * The QR text of a badge's current code, re-derived (Ed25519 is deterministic: same key and payload, same
 * signature), so codes are never stored in clear next to the badge.
 */
export async function badgeQrText(db: Executor, eventId: string, badgeId: string): Promise<string | undefined> {
  const row = await db.selectFrom("badge").select(["keyId", "seed"]).where("eventId", "=", eventId).where("id", "=", badgeId).executeTakeFirst();
  if (!row) return undefined;
  const key = await getSigningKey(db, eventId, row.keyId);
  if (!key) throw new Error(`badgeQrText: signing key ${row.keyId} of event ${eventId} is missing`);
  return signBadgeToken({ keyId: row.keyId, eventId, badgeId, seed: row.seed }, key.privateKey);
}

async function lockBadge(trx: Trx, eventId: string, badgeId: string) {
  return trx.selectFrom("badge as b").innerJoin("event as e", "e.id", "b.eventId")
    .select(["b.id", "b.status", "b.seed", "e.organizationId"])
    .where("b.eventId", "=", eventId).where("b.id", "=", badgeId)
    .forUpdate("b").executeTakeFirst();
}

/** A short code not used in the event yet (31^8 codes: a second draw is already rare). */
async function freeShortCode(trx: Trx, eventId: string, random: (n: number) => Uint8Array): Promise<string> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = shortCodeFromBytes(random(8));
    const taken = await trx.selectFrom("badge").select("id").where("eventId", "=", eventId).where("shortCode", "=", code).executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error("freeShortCode: no free short code after 8 draws");
}

async function organizationOf(db: Executor, event: EventRef): Promise<string | null> {
  if (event.organizationId !== undefined) return event.organizationId;
  const row = await db.selectFrom("event").select("organizationId").where("id", "=", event.id).executeTakeFirst();
  return row?.organizationId ?? null;
}
