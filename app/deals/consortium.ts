/**
 * Consortium orders (seed 002: "if a producer can make only 100, share the order with other producers"):
 * spare capacity of each producer for an order's delivery window, suggestions of same-sector producers,
 * proposed shares that cover the order, and the check of a split someone edited. Pure.
 *
 * Capacity rule, in whole units of the producer's stated unit:
 * - a month counts as 30 days, so capacity in a window of D days (inclusive) = floor(monthly × D / 30);
 * - an existing commitment counts with the part of its own delivery window that overlaps the order's,
 *   pro rata per day and rounded up (assume the busier case): ceil(quantity × overlapDays / itsDays);
 * - spare = capacity − committed, never below 0.
 */
import type { Sector } from "../../db/schema";
import { daySpan, parseLocalDate } from "~/utils/time";
import { fail, ok, type Result } from "~/utils/result";

export type DateWindow = { start: string; end: string };
export type ConsortiumOrder = { sector: Sector; quantity: number; window: DateWindow };
export type Commitment = { quantity: number; window: DateWindow };
export type Producer = {
  id: string;
  name: string;
  sector: Sector;
  /** Stated capacity per month; null when the UMKM did not state it (never suggested). */
  monthlyCapacity: number | null;
  commitments: readonly Commitment[];
};
export type ProducerCapacity = { producerId: string; name: string; capacity: number; committed: number; spare: number };
export type Share = { producerId: string; quantity: number; spare: number; overCapacity: boolean; excess: number };
export type OrderError = "invalid_quantity" | "invalid_window";

const DAYS_PER_MONTH = 30;

/** Inclusive number of days of a window, or null when it is not two valid dates in order. */
export function windowDays(w: DateWindow): number | null {
  if (!parseLocalDate(w.start) || !parseLocalDate(w.end)) return null;
  const span = daySpan(w.start, w.end);
  return span < 0 ? null : span + 1;
}

function overlapDays(a: DateWindow, b: DateWindow): number {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return end < start ? 0 : daySpan(start, end) + 1;
}

/**
 * Capacity, commitments and spare capacity of one producer for a window (rule in the file comment).
 *
 * @example spareCapacity({ id: "p1", name: "Batik Sari", sector: "batik_tulis", monthlyCapacity: 100,
 *   commitments: [{ quantity: 60, window: { start: "2026-01-01", end: "2026-01-30" } }] },
 *   { start: "2026-01-16", end: "2026-02-14" }) // capacity 100, committed 30, spare 70
 */
export function spareCapacity(p: Producer, window: DateWindow): ProducerCapacity {
  const days = windowDays(window) ?? 0;
  const capacity = Math.floor(((p.monthlyCapacity ?? 0) * days) / DAYS_PER_MONTH);
  let committed = 0;
  for (const c of p.commitments) {
    const own = windowDays(c.window);
    if (!own) continue;
    committed += Math.ceil((c.quantity * overlapDays(c.window, window)) / own);
  }
  return { producerId: p.id, name: p.name, capacity, committed, spare: Math.max(0, capacity - committed) };
}

/** Checks an order's quantity (a positive whole number) and delivery window. */
export function validateOrder(order: ConsortiumOrder): Result<ConsortiumOrder, OrderError> {
  if (!Number.isSafeInteger(order.quantity) || order.quantity <= 0) return fail("invalid_quantity");
  if (windowDays(order.window) === null) return fail("invalid_window");
  return ok(order);
}

/**
 * Producers of the order's sector with a stated capacity and some spare capacity in its window, most
 * spare first (ties by name, so the list is stable).
 */
export function suggestProducers(order: ConsortiumOrder, producers: readonly Producer[]): ProducerCapacity[] {
  return producers
    .filter((p) => p.sector === order.sector && p.monthlyCapacity !== null && p.monthlyCapacity > 0)
    .map((p) => spareCapacity(p, order.window))
    .filter((c) => c.spare > 0)
    .sort((a, b) => b.spare - a.spare || a.name.localeCompare(b.name, "id") || a.producerId.localeCompare(b.producerId));
}

/**
 * Proposes shares that always add up to the order: fill the candidates in the given order (the lead
 * producer first when named, then most spare first) up to their spare capacity; if their spare capacity
 * together is not enough, spread the rest over them in proportion to their capacity and flag those
 * shares as over capacity, so the UI warns and asks to confirm. Empty when there is no candidate.
 */
export function proposeShares(order: ConsortiumOrder, candidates: readonly ProducerCapacity[], leadProducerId?: string): Share[] {
  const ordered = [...candidates].sort((a, b) => Number(b.producerId === leadProducerId) - Number(a.producerId === leadProducerId));
  let remaining = order.quantity;
  const shares = ordered.map((c) => {
    const quantity = Math.min(c.spare, remaining);
    remaining -= quantity;
    return { producerId: c.producerId, quantity, spare: c.spare, overCapacity: false, excess: 0 };
  });
  if (remaining > 0 && shares.length) {
    const extra = apportion(remaining, ordered.map((c) => Math.max(c.capacity, 1)));
    shares.forEach((s, i) => {
      s.quantity += extra[i];
      s.excess = Math.max(0, s.quantity - s.spare);
      s.overCapacity = s.excess > 0;
    });
  }
  return shares.filter((s) => s.quantity > 0);
}

/** Splits `total` into whole parts proportional to `weights` (largest remainder; parts sum to total). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

export type ShareError =
  | "no_shares" | "invalid_share" | "duplicate_producer" | "unknown_producer" | "wrong_sector"
  | "shares_do_not_sum" | "over_capacity_unconfirmed";

/**
 * Checks a split someone edited before anyone is committed. Shares over a producer's spare capacity
 * (when the producer stated one) pass only with `confirmOverCapacity` (the user saw the warning and confirmed); `detail` names the
 * first offending producer.
 *
 * @example checkShares(order, [{ producerId: "p1", quantity: 600 }], producers, { confirmOverCapacity: false })
 * // { ok: false, reason: "over_capacity_unconfirmed", detail: "p1" } when p1 has only 100 spare
 */
export function checkShares(
  order: ConsortiumOrder,
  input: ReadonlyArray<{ producerId: string; quantity: number }>,
  producers: readonly Producer[],
  opts: { confirmOverCapacity: boolean },
): Result<Share[], ShareError> {
  if (input.length === 0) return fail("no_shares");
  const byId = new Map(producers.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const shares: Share[] = [];
  for (const s of input) {
    if (!Number.isSafeInteger(s.quantity) || s.quantity <= 0) return fail("invalid_share", s.producerId);
    if (seen.has(s.producerId)) return fail("duplicate_producer", s.producerId);
    seen.add(s.producerId);
    const p = byId.get(s.producerId);
    if (!p) return fail("unknown_producer", s.producerId);
    if (p.sector !== order.sector) return fail("wrong_sector", s.producerId);
    const { spare } = spareCapacity(p, order.window);
    // A producer who stated no capacity cannot be warned about; the share is taken as they agreed to it.
    const excess = p.monthlyCapacity === null ? 0 : Math.max(0, s.quantity - spare);
    shares.push({ producerId: p.id, quantity: s.quantity, spare, overCapacity: excess > 0, excess });
  }
  if (shares.reduce((a, s) => a + s.quantity, 0) !== order.quantity) return fail("shares_do_not_sum");
  const over = shares.find((s) => s.overCapacity);
  if (over && !opts.confirmOverCapacity) return fail("over_capacity_unconfirmed", over.producerId);
  return ok(shares);
}
