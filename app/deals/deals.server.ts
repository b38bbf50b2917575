// Recording a deal (from a held meeting or on its own, one or more sellers), the other side's confirmation and
// status changes. Every change is logged in deal_status_change and the audit log; concurrent confirmations and
// status changes are decided by conditional updates on the row's version, so exactly one wins.
import { sql, type Updateable } from "kysely";
import type { DealTable } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { audit, type AuditEntry } from "~/utils/audit.server";
import { isUuid } from "~/utils/permissions.server";
import { localDateOf, parseLocalDate } from "~/utils/time";
import { fail, ok, type Result } from "~/utils/result";
import { checkShares, type ShareError } from "./consortium";
import { validateDealLines, type DealLine, type DealLineInput } from "./deal-lines";
import {
  canStartIn, confirmDeal, initialConfirmation, transition, type Confirmation, type ConfirmError, type DealParty, type DealStatus,
  type DealType, type TransitionError, type ValueBucket,
} from "./deal-status";
import { moveDealInReport } from "~/reports/report-cells.server";
import { findBuyer, findHeldMeeting, findSellers, loadProducers, type SellerInfo } from "./deal-parties.server";

/** Who acts: an organizer member, or a participant (buyer or seller) of the event. */
export type DealActor =
  | { party: "organizer"; userId: string }
  | { party: "seller" | "buyer"; userId: string; participantId: string };

export const MAX_DEAL_SELLERS = 20;
export const MAX_NOTE_LENGTH = 1000;

export type RecordDealInput = {
  meetingId?: string | null;
  /** A registered buyer participant; or, when null, the walk-in buyer below. */
  buyerId?: string | null;
  walkInBuyer?: { name: string; city: string; province: string } | null;
  /** Seller participants, the lead producer first. */
  sellerIds: string[];
  /** Units each seller makes (consortium orders), in the order of sellerIds. */
  shareQuantities?: Array<number | null> | null;
  lines: DealLineInput[];
  type: DealType;
  status: DealStatus;
  deliveryDate?: string | null;
  note?: string;
  confirmOverCapacity?: boolean;
};

/** One problem, named by its form field so the page shows it there; `params` fill the message. */
export type DealFieldError = { field: string; code: string; params?: Record<string, string | number> };
export type Invalid = { ok: false; errors: DealFieldError[] };
export type RecordDealResult = { ok: true; value: { id: string } } | Invalid;

type EventRef = { id: string; timeZone: string };

const invalid = (field: string, code: string, params?: DealFieldError["params"]): Invalid =>
  ({ ok: false, errors: [{ field, code, ...(params ? { params } : {}) }] });

/**
 * Validates and records a deal with its lines and sellers in one transaction. Nothing is written when anything is
 * wrong; every answer names the field. The party who records it is recorded; the other side confirms later.
 */
export async function recordDeal(db: Executor, event: EventRef, actor: DealActor, input: RecordDealInput, now = new Date()): Promise<RecordDealResult> {
  const lines = validateDealLines(input.lines);
  if (!lines.ok) return { ok: false, errors: lines.errors.map((e) => ({ field: e.field, code: e.code, ...(e.line ? { params: { line: e.line } } : {}) })) };
  if (!canStartIn(input.type, input.status)) return invalid("status", "status_not_for_type");
  const deliveryDate = input.deliveryDate ? parseLocalDate(input.deliveryDate) : null;
  if (input.deliveryDate && !deliveryDate) return invalid("deliveryDate", "delivery_date_invalid");
  const dealDay = localDateOf(now, event.timeZone);
  if (deliveryDate && deliveryDate < dealDay) return invalid("deliveryDate", "delivery_date_past");
  const note = (input.note ?? "").trim();
  if (note.length > MAX_NOTE_LENGTH) return invalid("note", "note_too_long", { max: MAX_NOTE_LENGTH });

  const sellers = await resolveSellers(db, event.id, actor, input.sellerIds);
  if (!sellers.ok) return sellers;
  const buyer = await resolveBuyer(db, event.id, actor, input);
  if (!buyer.ok) return buyer;
  if (input.meetingId) {
    const meeting = isUuid(input.meetingId) ? await findHeldMeeting(db, event.id, input.meetingId) : undefined;
    const ids = new Set(meeting?.participants.map((p) => p.id) ?? []);
    const matches = meeting && buyer.value.id && ids.has(buyer.value.id) && sellers.value.some((s) => ids.has(s.id))
      && (actor.party === "organizer" || ids.has(actor.participantId));
    if (!matches) return invalid("meetingId", "meeting_invalid");
  }
  const shares = await checkCapacity(db, event.id, sellers.value, lines.value.lines, input, { start: dealDay, end: deliveryDate });
  if (!shares.ok) return shares;

  const values = splitValue(lines.value.total, shares.value);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto("deal").values({
      eventId: event.id, meetingId: input.meetingId || null, buyerId: buyer.value.id, buyerName: buyer.value.name,
      buyerCity: buyer.value.city, buyerProvince: buyer.value.province, type: input.type, status: input.status,
      confirmation: initialConfirmation(actor.party), enteredBy: actor.party, enteredByUserId: actor.userId,
      total: lines.value.total.toString(), dealDay, deliveryDate, note, documentUploadId: null, confirmedByUserId: null, confirmedAt: null,
    }).returning(["id", "valueBucket"]).executeTakeFirstOrThrow();
    await trx.insertInto("dealLine").values(lines.value.lines.map((l, position) => lineRow(row.id, position, l))).execute();
    await trx.insertInto("dealSeller").values(sellers.value.map((s, position) => ({
      dealId: row.id, sellerId: s.id, position, shareValue: values[position].toString(), shareQuantity: shares.value[position],
      sector: s.sector, umkmClass: s.umkmClass, city: s.city, province: s.province,
    }))).execute();
    await moveDealInReport(trx, row.id, null, row.valueBucket);
    await logChange(trx, row.id, actor, null, input.status, initialConfirmation(actor.party));
    await audit(trx, { action: "deal.record", actorUserId: actor.userId, eventId: event.id, entity: "deal", entityId: row.id,
      data: { total: lines.value.total.toString(), type: input.type, status: input.status, sellers: sellers.value.length, party: actor.party } });
    return row.id;
  });
  return { ok: true, value: { id } };
}

const lineRow = (dealId: string, position: number, l: DealLine) => ({
  dealId, position, product: l.product, quantityMilli: l.quantityMilli.toString(), unit: l.unit,
  unitPrice: l.unitPrice.toString(), lineTotal: l.lineTotal.toString(),
});

async function resolveSellers(db: Executor, eventId: string, actor: DealActor, ids: readonly string[]):
  Promise<{ ok: true; value: SellerInfo[] } | Invalid> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return invalid("sellerIds", "no_seller");
  if (unique.length !== ids.filter(Boolean).length) return invalid("sellerIds", "duplicate_seller");
  if (unique.length > MAX_DEAL_SELLERS) return invalid("sellerIds", "too_many_sellers", { max: MAX_DEAL_SELLERS });
  // Ids come from the form: one that is not a uuid is not a seller here (and must not reach SQL as one).
  const found = unique.every(isUuid) ? await findSellers(db, eventId, unique) : [];
  if (found.length !== unique.length) return invalid("sellerIds", "seller_not_in_event");
  if (actor.party === "seller" && !unique.includes(actor.participantId)) return invalid("sellerIds", "actor_not_seller");
  const byId = new Map(found.map((s) => [s.id, s]));
  return { ok: true, value: unique.map((id) => byId.get(id)!) };
}

type BuyerRef = { id: string | null; name: string; city: string; province: string };

async function resolveBuyer(db: Executor, eventId: string, actor: DealActor, input: RecordDealInput):
  Promise<{ ok: true; value: BuyerRef } | Invalid> {
  const buyerId = actor.party === "buyer" ? actor.participantId : input.buyerId;
  if (actor.party === "buyer" && input.buyerId && input.buyerId !== actor.participantId) return invalid("buyerId", "buyer_not_self");
  if (buyerId) {
    const buyer = isUuid(buyerId) ? await findBuyer(db, eventId, buyerId) : undefined;
    if (!buyer) return invalid("buyerId", "buyer_not_in_event");
    return { ok: true, value: { id: buyer.id, name: buyer.name || "—", city: buyer.city, province: buyer.province } };
  }
  const walkIn = input.walkInBuyer;
  const name = walkIn?.name.trim() ?? "";
  if (!name) return invalid("walkInBuyer.name", "buyer_required");
  if (name.length > 200) return invalid("walkInBuyer.name", "buyer_name_too_long");
  const city = walkIn?.city.trim() ?? "";
  const province = walkIn?.province.trim() ?? "";
  if (city.length > 100 || province.length > 100) return invalid("walkInBuyer.city", "region_too_long");
  return { ok: true, value: { id: null, name, city, province } };
}

/** Whole units of all lines together, or null when a line is fractional (2,5 kg) and no capacity applies. */
function wholeUnits(lines: readonly DealLine[]): number | null {
  const milli = lines.reduce((sum, l) => sum + l.quantityMilli, 0n);
  return milli % 1000n === 0n && milli / 1000n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(milli / 1000n) : null;
}

const SHARE_FIELDS: Record<ShareError, string> = {
  no_shares: "shareQuantities", invalid_share: "shareQuantities", duplicate_producer: "sellerIds", unknown_producer: "sellerIds",
  wrong_sector: "sellerIds", shares_do_not_sum: "shareQuantities", over_capacity_unconfirmed: "confirmOverCapacity",
};

/**
 * Each seller's units: the whole order for one seller; the typed shares for a consortium order (several sellers),
 * which must add up to the order and stay within each producer's spare capacity for the delivery window unless
 * the user confirmed the warning. Producers who did not state a capacity are not checked against one.
 */
async function checkCapacity(
  db: Executor, eventId: string, sellers: SellerInfo[], lines: DealLine[], input: RecordDealInput, window: { start: string; end: string | null },
): Promise<{ ok: true; value: Array<number | null> } | Invalid> {
  const units = wholeUnits(lines);
  const consortium = sellers.length > 1;
  if (consortium && units === null) return invalid("lines", "consortium_whole_units");
  if (consortium && !window.end) return invalid("deliveryDate", "delivery_date_required");
  const quantities = consortium ? sellers.map((_, i) => input.shareQuantities?.[i] ?? 0) : [units];
  if (!window.end || units === null) return { ok: true, value: quantities };
  const producers = (await loadProducers(db, eventId, sellers[0].sector, sellers.map((s) => s.id)))
    .map((p) => (sellers.some((s) => s.id === p.id) ? p : null)).filter((p) => p !== null);
  const checked = checkShares(
    { sector: sellers[0].sector, quantity: units, window: { start: window.start, end: window.end } },
    sellers.map((s, i) => ({ producerId: s.id, quantity: quantities[i] ?? 0 })),
    producers.map((p) => ({ ...p, sector: sellers[0].sector })),
    { confirmOverCapacity: input.confirmOverCapacity === true },
  );
  if (checked.ok) return { ok: true, value: quantities };
  const who = sellers.find((s) => s.id === checked.detail)?.name ?? "";
  return invalid(SHARE_FIELDS[checked.reason], checked.reason, { name: who });
}

/** Splits a total over shares in proportion to units (largest remainder, exact: the parts add up to the total). */
export function splitValue(total: bigint, quantities: ReadonlyArray<number | null>): bigint[] {
  if (quantities.length <= 1) return [total];
  const weights = quantities.map((q) => BigInt(q ?? 0));
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return quantities.map((_, i) => (i === 0 ? total : 0n));
  const parts = weights.map((w) => (total * w) / sum);
  let left = total - parts.reduce((a, b) => a + b, 0n);
  const order = weights.map((w, i) => ({ i, rem: (total * w) % sum })).sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts;
}

async function logChange(db: Executor, dealId: string, actor: DealActor, from: DealStatus | null, to: DealStatus, confirmation: Confirmation | null) {
  await db.insertInto("dealStatusChange").values({ dealId, fromStatus: from, toStatus: to, confirmation, party: actor.party, changedByUserId: actor.userId }).execute();
}

export type DealRef = {
  id: string; eventId: string; type: DealType; status: DealStatus; confirmation: Confirmation; enteredBy: DealParty; version: number; valueBucket: ValueBucket;
};

/**
 * The deal as the actor may see it, with the actor's side on it: organizers see every deal of their event;
 * a participant only deals they are party to (anything else is "not found").
 */
export async function dealForActor(db: Executor, eventId: string, dealId: string, actor: DealActor): Promise<(DealRef & { side: DealParty }) | undefined> {
  const deal = await db.selectFrom("deal").select(["id", "eventId", "type", "status", "confirmation", "enteredBy", "version", "buyerId", "valueBucket"])
    .where("eventId", "=", eventId).where("id", "=", dealId).executeTakeFirst();
  if (!deal) return undefined;
  if (actor.party === "organizer") return { ...deal, side: "organizer" };
  if (deal.buyerId === actor.participantId) return { ...deal, side: "buyer" };
  const seller = await db.selectFrom("dealSeller").select("sellerId").where("dealId", "=", dealId).where("sellerId", "=", actor.participantId).executeTakeFirst();
  return seller ? { ...deal, side: "seller" } : undefined;
}

export type DealChangeRefusal = ConfirmError | TransitionError | "not_found" | "changed_meanwhile";

/** The other side confirms, or the organizer verifies. Of many simultaneous confirmations exactly one wins. */
export async function confirmDealAs(db: Executor, eventId: string, dealId: string, actor: DealActor, request?: Request): Promise<Result<Confirmation, DealChangeRefusal>> {
  const deal = await dealForActor(db, eventId, dealId, actor);
  if (!deal) return fail("not_found");
  const next = confirmDeal(deal, deal.side);
  if (!next.ok) return next;
  const applied = await applyChange(db, deal, actor, { confirmation: next.value, confirmedByUserId: actor.userId, confirmedAt: new Date() },
    { to: deal.status, confirmation: next.value },
    { action: "deal.confirm", actorUserId: actor.userId, eventId, entity: "deal", entityId: deal.id, data: { confirmation: next.value }, request });
  return applied ? ok(next.value) : fail("already_confirmed");
}

/** Moves a deal's status forward (or cancels it). Both sides and the organizer may; the first of two racing changes wins. */
export async function changeDealStatus(
  db: Executor, eventId: string, dealId: string, actor: DealActor, to: DealStatus, request?: Request,
): Promise<Result<DealStatus, DealChangeRefusal>> {
  const deal = await dealForActor(db, eventId, dealId, actor);
  if (!deal) return fail("not_found");
  const next = transition(deal.type, deal.status, to);
  if (!next.ok) return next;
  const applied = await applyChange(db, deal, actor, { status: to }, { to, confirmation: null },
    { action: "deal.status", actorUserId: actor.userId, eventId, entity: "deal", entityId: deal.id, data: { from: deal.status, to }, request });
  return applied ? ok(to) : fail("changed_meanwhile");
}

/**
 * Writes a change only if the deal is still at the version that was read (else false: another change won), with
 * its history row and audit entry, in one transaction.
 */
async function applyChange(
  db: Executor, deal: DealRef, actor: DealActor, set: Updateable<DealTable>,
  log: { to: DealStatus; confirmation: Confirmation | null }, entry: AuditEntry,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable("deal").set({ ...set, version: sql`version + 1`, updatedAt: sql`now()` })
      .where("id", "=", deal.id).where("version", "=", deal.version).returning("valueBucket").executeTakeFirst();
    if (!updated) return false;
    await moveDealInReport(trx, deal.id, deal.valueBucket, updated.valueBucket);
    await logChange(trx, deal.id, actor, deal.status, log.to, log.confirmation);
    await audit(trx, entry);
    return true;
  });
}
