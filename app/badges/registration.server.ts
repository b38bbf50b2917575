// Public visitor registration: settings per event (open, capacity, press allowed) and the registration
// itself. The capacity holds under concurrency because the counter is taken with one conditional UPDATE
// (the row lock queues rivals, who then see the new count) and a CHECK forbids registered > capacity;
// the same email twice per event is a partial unique index.
import type { Executor } from "~/utils/db.server";
import { hitRateLimit, type RateLimitRule } from "~/utils/rate-limit.server";
import { fail, ok, type Result } from "~/utils/result";
import { createBadge, isUniqueViolation, type PhoneProblem } from "./badge-actions.server";
import type { DeliveryEvent } from "./badge-delivery.server";
import type { RegisterValue } from "./badge-forms.schema";
import { inTransaction, type IssuedBadge } from "./badges.server";

export const REGISTER_PER_IP: RateLimitRule = { scope: "badge-register:ip", limit: 20, windowSeconds: 10 * 60 };
export const REGISTER_PER_EMAIL: RateLimitRule = { scope: "badge-register:email", limit: 5, windowSeconds: 60 * 60 };

export type RegistrationSettings = { isOpen: boolean; capacity: number | null; registered: number; allowPress: boolean };

/** The event's registration settings; closed with no capacity until the organizer opens it. */
export async function getRegistration(db: Executor, eventId: string): Promise<RegistrationSettings> {
  const row = await db.selectFrom("badgeRegistration").select(["isOpen", "capacity", "registered", "allowPress"])
    .where("eventId", "=", eventId).executeTakeFirst();
  return row ?? { isOpen: false, capacity: null, registered: 0, allowPress: false };
}

/**
 * Opens or closes registration and sets the capacity and whether press may register. A capacity below the
 * people already registered is refused (the CHECK would refuse it too).
 */
export async function saveRegistration(db: Executor, eventId: string, v: { isOpen: boolean; capacity?: number; allowPress: boolean }, now: Date):
  Promise<Result<null, "capacity_below_registered">> {
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom("badgeRegistration").select("registered").where("eventId", "=", eventId).forUpdate().executeTakeFirst();
    if (v.capacity !== undefined && current && v.capacity < current.registered) return fail("capacity_below_registered", String(current.registered));
    const values = { isOpen: v.isOpen, capacity: v.capacity ?? null, allowPress: v.allowPress, updatedAt: now };
    await trx.insertInto("badgeRegistration").values({ eventId, ...values })
      .onConflict((oc) => oc.column("eventId").doUpdateSet(values)).execute();
    return ok(null);
  });
}

export type RegisterProblem = PhoneProblem | "closed" | "full" | "already_registered" | "press_not_allowed" | "rate_limited" | "invalid";

/**
 * Registers a visitor and issues the badge, with its email queued, in one transaction. `ip` is null when the
 * client's address is unknown (then only the per-email limit applies).
 *
 * @example await registerVisitor(db, event, { kind: "visitor", holderName: "Sari", email: "sari@x.id", … }, { ip, now })
 * // { ok: true, value: { badge, qr, shortCode } } or { ok: false, reason: "full" }
 */
export async function registerVisitor(db: Executor, event: DeliveryEvent, v: RegisterValue, req: { ip: string | null; now: Date }):
  Promise<Result<IssuedBadge, RegisterProblem>> {
  const limits = [await hitRateLimit(db, REGISTER_PER_EMAIL, v.email, req.now)];
  if (req.ip) limits.push(await hitRateLimit(db, REGISTER_PER_IP, req.ip, req.now));
  if (limits.some((l) => !l.allowed)) return fail("rate_limited");
  const settings = await getRegistration(db, event.id);
  if (!settings.isOpen) return fail("closed");
  if (v.kind === "press" && !settings.allowPress) return fail("press_not_allowed");
  try {
    return await inTransaction(db, async (trx) => {
      // The friendly check; the unique index is the guard when two tabs submit at once.
      const taken = await trx.selectFrom("badge").select("id").where("eventId", "=", event.id).where("email", "=", v.email)
        .where("source", "=", "registration").where("status", "<>", "revoked").executeTakeFirst();
      if (taken) return fail("already_registered");
      const seat = await trx.updateTable("badgeRegistration").set((eb) => ({ registered: eb("registered", "+", 1) }))
        .where("eventId", "=", event.id).where("isOpen", "=", true)
        .where((eb) => eb.or([eb("capacity", "is", null), eb("registered", "<", eb.ref("capacity"))]))
        .returning("registered").executeTakeFirst();
      if (!seat) return fail("full");
      const issued = await createBadge(trx, { event, by: null, now: req.now }, v, { sendEmail: true, origin: { source: "registration" } });
      // Throwing rolls the seat back with the refused badge.
      if (!issued.ok) throw new RegistrationRefused(issued.reason);
      return issued;
    });
  } catch (error) {
    if (error instanceof RegistrationRefused) return fail(error.reason === "staff_not_found" || error.reason === "staff_has_badge" ? "invalid" : error.reason);
    if (isUniqueViolation(error, "badge_event_id_email_registration_uq")) return fail("already_registered");
    // A capacity CHECK violation (23514) means another request took the last place.
    if ((error as { code?: string } | null)?.code === "23514") return fail("full");
    throw error;
  }
}

class RegistrationRefused extends Error {
  constructor(readonly reason: PhoneProblem | "invalid" | "staff_not_found" | "staff_has_badge") {
    super(reason);
  }
}
