/**
 * Deal lifecycle, deal types, confirmation, and the one rule that decides which figure a deal counts
 * in ({@link dealValueBucket}). Every report, export and dashboard calls that function, so an organizer
 * never sees a deal counted as confirmed on one screen and potential on another. Pure.
 */
import { fail, ok, type Result } from "~/utils/result";

/**
 * potential → agreed → signed → delivered → paid, moving forward only (steps may be skipped: a cash
 * sale at the booth goes from agreed straight to paid). `paid` and `cancelled` are final; any other
 * state may be cancelled. Paid-before-delivery deals end at `paid`; the delivery date records the rest.
 */
export const DEAL_STATUSES = ["potential", "agreed", "signed", "delivered", "paid", "cancelled"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** on_site_sale: sold at the booth; purchase_order; contract; mou_loi: MoU or letter of intent. */
export const DEAL_TYPES = ["on_site_sale", "purchase_order", "contract", "mou_loi"] as const;
export type DealType = (typeof DEAL_TYPES)[number];

/**
 * unconfirmed: entered by one party, waiting for the other; confirmed: the other party agreed;
 * verified: the organizer checked it (a paper form, a call). Only the last two count as confirmed value.
 */
export const CONFIRMATIONS = ["unconfirmed", "confirmed", "verified"] as const;
export type Confirmation = (typeof CONFIRMATIONS)[number];

export type DealParty = "seller" | "buyer" | "organizer";

/** Where a deal's value is reported: the headline, shown apart, or not at all. */
export const VALUE_BUCKETS = ["confirmed", "unconfirmed", "potential", "none"] as const;
export type ValueBucket = (typeof VALUE_BUCKETS)[number];

const ORDER: Record<DealStatus, number> = { potential: 0, agreed: 1, signed: 2, delivered: 3, paid: 4, cancelled: 5 };
const FINAL: ReadonlySet<DealStatus> = new Set(["paid", "cancelled"]);
/** An MoU/LOI records intent: it can be agreed and signed, never delivered or paid. */
const MOU_STATUSES: ReadonlySet<DealStatus> = new Set(["potential", "agreed", "signed", "cancelled"]);

export type TransitionError = "same_status" | "final_status" | "backward" | "not_for_type";

export const isFinalStatus = (status: DealStatus): boolean => FINAL.has(status);

/**
 * Whether a deal of `type` may be created in `status` (a deal recorded after the fact starts signed).
 *
 * @example canStartIn("mou_loi", "paid") // false
 */
export function canStartIn(type: DealType, status: DealStatus): boolean {
  if (status === "cancelled") return false;
  return type !== "mou_loi" || MOU_STATUSES.has(status);
}

/**
 * Checks one status change.
 *
 * @example transition("purchase_order", "agreed", "signed") // { ok: true, value: "signed" }
 * @example transition("purchase_order", "paid", "cancelled") // { ok: false, reason: "final_status" }
 */
export function transition(type: DealType, from: DealStatus, to: DealStatus): Result<DealStatus, TransitionError> {
  if (from === to) return fail("same_status");
  if (FINAL.has(from)) return fail("final_status");
  if (type === "mou_loi" && !MOU_STATUSES.has(to)) return fail("not_for_type");
  if (to !== "cancelled" && ORDER[to] < ORDER[from]) return fail("backward");
  return ok(to);
}

/** The statuses a deal may move to next, for the status menu. */
export function nextStatuses(type: DealType, from: DealStatus): DealStatus[] {
  return DEAL_STATUSES.filter((to) => transition(type, from, to).ok);
}

/** Confirmation a new deal starts with: the organizer's own entry is verified by definition. */
export function initialConfirmation(enteredBy: DealParty): Confirmation {
  return enteredBy === "organizer" ? "verified" : "unconfirmed";
}

export type ConfirmError = "own_entry" | "already_confirmed" | "deal_cancelled";

/**
 * The other party confirms, or the organizer verifies. The party who entered the deal cannot confirm
 * it; an organizer may still verify a deal the other side already confirmed.
 *
 * @example confirmDeal({ enteredBy: "seller", confirmation: "unconfirmed", status: "agreed" }, "buyer")
 * // { ok: true, value: "confirmed" }
 */
export function confirmDeal(
  deal: { enteredBy: DealParty; confirmation: Confirmation; status: DealStatus },
  actor: DealParty,
): Result<Confirmation, ConfirmError> {
  if (deal.status === "cancelled") return fail("deal_cancelled");
  if (actor === "organizer") return deal.confirmation === "verified" ? fail("already_confirmed") : ok("verified");
  if (actor === deal.enteredBy) return fail("own_entry");
  return deal.confirmation === "unconfirmed" ? ok("confirmed") : fail("already_confirmed");
}

/**
 * Confirmation after a party edits lines or value: what the other side confirmed is no longer what
 * the deal says, so it goes back to unconfirmed (the organizer's own edits keep it verified).
 */
export function confirmationAfterEdit(editor: DealParty): Confirmation {
  return initialConfirmation(editor);
}

/**
 * Which figure a deal counts in. Cancelled → none. MoU/LOI and deals still at `potential` → potential
 * (intent, not a sale). Any other deal → confirmed once the other party confirmed or the organizer
 * verified it, else unconfirmed (reported apart so the headline is never inflated).
 *
 * @example dealValueBucket({ status: "signed", type: "contract", confirmation: "verified" }) // "confirmed"
 */
export function dealValueBucket(deal: { status: DealStatus; type: DealType; confirmation: Confirmation }): ValueBucket {
  if (deal.status === "cancelled") return "none";
  if (deal.type === "mou_loi" || deal.status === "potential") return "potential";
  return deal.confirmation === "unconfirmed" ? "unconfirmed" : "confirmed";
}
