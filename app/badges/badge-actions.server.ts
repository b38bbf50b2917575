// The organizer's use-cases on badges: add one, act on one (revoke, block, unblock, approve, reissue, send
// again), and issue badges for every booth staff member who has none. Each runs in one transaction with the
// mail it queues.
import { normalizeWhatsapp } from "~/exhibitors/identifiers";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { audit } from "~/utils/audit.server";
import type { AddBadgeValue, BadgeActionValue, EditBadgeValue } from "./badge-forms.schema";
import { getDeliveryEvent, queueBadgeDelivery, type DeliveryEvent } from "./badge-delivery.server";
import { listStaffWithoutBadge } from "./badge-list.server";
import { badgeQrText, getBadge, inTransaction, issueBadge, reissueBadge, setBadgeStatus, type BadgeOrigin, type IssuedBadge } from "./badges.server";

export type BadgeCtx = { event: DeliveryEvent; by: string | null; now: Date };

export { getDeliveryEvent };

export type PhoneProblem = "whatsapp_invalid" | "whatsapp_landline" | "whatsapp_foreign";

/**
 * Issues a badge from a form or an import row, with its email and WhatsApp notice queued in the same
 * transaction. The phone is normalized to E.164 (+62…).
 *
 * @example await createBadge(db, ctx, { kind: "buyer", holderName: "Sari", phone: "0812-3456-7890", … }, { sendEmail: true })
 */
export async function createBadge(
  db: Executor,
  ctx: BadgeCtx,
  v: Omit<AddBadgeValue, "sendEmail"> & { exhibitorStaffId?: string | null },
  opts: { sendEmail: boolean; origin?: BadgeOrigin },
): Promise<Result<IssuedBadge, PhoneProblem | "invalid" | "staff_not_found" | "staff_has_badge">> {
  const phone = normalizeWhatsapp(v.phone);
  if (!phone.ok) return fail(phone.reason);
  return inTransaction(db, async (trx) => {
    const issued = await issueBadge(trx, ctx.event, {
      kind: v.kind, holderName: v.holderName, organizationName: v.organizationName, email: v.email ?? undefined, phone: phone.value ?? undefined,
      locale: v.locale, exhibitorStaffId: v.exhibitorStaffId ?? null,
    }, { by: ctx.by, now: ctx.now }, { ...opts.origin, whatsappOptIn: v.whatsappOptIn });
    if (!issued.ok) return issued;
    await queueBadgeDelivery(trx, ctx.event, { ...issued.value, whatsappOptIn: v.whatsappOptIn }, { email: opts.sendEmail });
    return issued;
  });
}

export type ActionProblem = "not_found" | "revoked" | "invalid_transition" | "reason_required" | "no_email";

/**
 * One action of the detail page. Reissue gives a new code (the old one is revoked) and can mail it; "send
 * email" mails the current code again.
 *
 * @example await actOnBadge(db, ctx, badge.id, { intent: "block", reason: "Kartu hilang" }) // { ok: true, value: "blocked" }
 */
export function actOnBadge(db: Executor, ctx: BadgeCtx, badgeId: string, action: BadgeActionValue): Promise<Result<string, ActionProblem>> {
  const actor = { by: ctx.by, now: ctx.now };
  const eventId = ctx.event.id;
  return inTransaction(db, async (trx) => {
    if (action.intent === "reissue" || action.intent === "send-email") {
      const badge = await getBadge(trx, eventId, badgeId);
      if (!badge) return fail("not_found");
      if (action.intent === "send-email" && !badge.email) return fail("no_email");
      if (action.intent === "send-email" && badge.status === "revoked") return fail("revoked");
      const issued = action.intent === "reissue" ? await reissueBadge(trx, eventId, badgeId, actor)
        : ok({ badge, qr: (await badgeQrText(trx, eventId, badgeId))!, shortCode: badge.shortCode });
      if (!issued.ok) return issued;
      const sent = await queueBadgeDelivery(trx, ctx.event, issued.value, { email: action.intent === "send-email" || action.sendEmail });
      return ok(sent.email ? `${action.intent}_sent` : action.intent);
    }
    const reason = "reason" in action ? action.reason : null;
    const res = await setBadgeStatus(trx, eventId, badgeId, { ...actor, action: action.intent, reason });
    if (!res.ok) return res;
    if (action.intent === "revoke") await releaseRegistrationSeat(trx, eventId, badgeId);
    return ok(action.intent);
  });
}

/** What a printed badge shows: changing one of these means printing it again. */
const PRINTED_FIELDS = ["kind", "holderName", "organizationName"] as const;
const EDITABLE_FIELDS = [...PRINTED_FIELDS, "email", "phone", "locale", "whatsappOptIn"] as const;
export type EditProblem = PhoneProblem | "not_found" | "revoked" | "email_taken";

/**
 * Corrects a badge's holder details; the code (QR and short code) stays. A changed name, organization or kind puts a
 * printed badge back among the "not yet printed". The history names the changed fields, not their values. Gates
 * see the change at once (a badge update bumps its scan version, ADR 009).
 *
 * @example await editBadge(db, ctx, badge.id, { ...form, holderName: "Sari Wulandari" }) // { ok: true, value: { changed: ["holderName"], reprint: true } }
 */
export async function editBadge(db: Executor, ctx: BadgeCtx, badgeId: string, v: EditBadgeValue): Promise<Result<{ changed: string[]; reprint: boolean }, EditProblem>> {
  const phone = normalizeWhatsapp(v.phone);
  if (!phone.ok) return fail(phone.reason);
  const edited = inTransaction(db, async (trx): Promise<Result<{ changed: string[]; reprint: boolean }, EditProblem>> => {
    const old = await trx.selectFrom("badge").select(["kind", "status", "holderName", "organizationName", "email", "phone", "locale", "whatsappOptInAt", "printedAt"])
      .where("eventId", "=", ctx.event.id).where("id", "=", badgeId).forUpdate().executeTakeFirst();
    if (!old) return fail("not_found");
    if (old.status === "revoked") return fail("revoked");
    const next = { ...v, organizationName: v.organizationName ?? "", phone: phone.value ?? null, whatsappOptIn: v.whatsappOptIn && Boolean(phone.value) };
    const before = { ...old, whatsappOptIn: old.whatsappOptInAt !== null };
    const changed = EDITABLE_FIELDS.filter((f) => (before[f] ?? null) !== (next[f] ?? null));
    if (changed.length === 0) return ok({ changed, reprint: false });
    const reprint = old.printedAt !== null && changed.some((f) => (PRINTED_FIELDS as readonly string[]).includes(f));
    await trx.updateTable("badge").set({
      kind: next.kind, holderName: next.holderName, organizationName: next.organizationName, email: next.email, phone: next.phone,
      locale: next.locale, whatsappOptInAt: next.whatsappOptIn ? (old.whatsappOptInAt ?? ctx.now) : null,
      ...(reprint ? { printedAt: null } : {}), updatedAt: ctx.now,
    }).where("id", "=", badgeId).execute();
    await audit(trx, {
      action: "badge.edited", actorUserId: ctx.by, organizationId: ctx.event.organizationId, eventId: ctx.event.id,
      entity: "badge", entityId: badgeId, data: { fields: changed, reprint },
    });
    return ok({ changed, reprint });
  });
  // A registered email is unique per event (the constraint rolls the transaction back).
  return edited.catch((error: unknown) => {
    if (isUniqueViolation(error, "badge_event_id_email_registration_uq")) return fail("email_taken" as const);
    throw error;
  });
}

/** A revoked public registration gives its place back (the same email may then register again). */
async function releaseRegistrationSeat(trx: Executor, eventId: string, badgeId: string) {
  const badge = await trx.selectFrom("badge").select("source").where("id", "=", badgeId).where("eventId", "=", eventId).executeTakeFirst();
  if (badge?.source !== "registration") return;
  await trx.updateTable("badgeRegistration").set((eb) => ({ registered: eb("registered", "-", 1) }))
    .where("eventId", "=", eventId).where("registered", ">", 0).execute();
}

/**
 * Issues an exhibitor badge to every booth staff member of an accepted exhibitor who has none yet (named
 * after the business). Safe to click twice: staff who got one are skipped, and the unique index on live staff
 * badges is the guard under concurrency.
 *
 * @example await issueStaffBadges(db, ctx, { sendEmail: true }) // { issued: 4, skipped: 0 }
 */
export async function issueStaffBadges(db: Executor, ctx: BadgeCtx, opts: { sendEmail: boolean }) {
  const staff = await listStaffWithoutBadge(db, ctx.event.id);
  let issued = 0;
  let skipped = 0;
  for (const s of staff) {
    const res = await createBadge(db, ctx, {
      kind: "exhibitor", holderName: s.name, organizationName: s.businessName, email: s.email,
      // A staff phone is a contact detail; one the WhatsApp rules refuse is left off rather than losing the badge.
      phone: s.phone && normalizeWhatsapp(s.phone).ok ? s.phone : "", locale: "id", whatsappOptIn: false, exhibitorStaffId: s.id,
    }, { sendEmail: opts.sendEmail, origin: { source: "staff" } }).catch((error: unknown) => {
      if (isUniqueViolation(error)) return fail("staff_has_badge" as const);
      throw error;
    });
    if (res.ok) issued++;
    else skipped++;
  }
  return { issued, skipped };
}

/** A PostgreSQL unique violation (23505), optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string; message?: string } | null;
  if (e?.code !== "23505") return false;
  if (!constraint) return true;
  return e.constraint_name === constraint || e.constraint === constraint || (e.message ?? "").includes(constraint);
}
