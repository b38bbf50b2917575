/**
 * Deals as the pages show them: money in rupiah, quantities with the locale's decimal mark, days as dates. Pure
 * (loaders call it, so pages get strings and never bigints).
 */
import { formatRupiah } from "~/utils/money";
import { formatDate, formatShortDate, formatTime, type Locale } from "~/utils/time";
import { quantityToString } from "./deal-lines";
import type { DealParty } from "./deal-status";

/** A local date ("2026-11-20") as `Jumat, 20 November 2026`. */
export const formatDay = (day: string, locale: Locale) => formatDate(`${day}T12:00:00Z`, "UTC", locale);
/** A local date as `Jum, 20 Nov`. */
export const formatShortDay = (day: string, locale: Locale) => formatShortDate(`${day}T12:00:00Z`, "UTC", locale);

/**
 * Thousandths as the locale writes them.
 *
 * @example formatQuantity(2500n, "id") // "2,5"
 */
export function formatQuantity(milli: bigint | string, locale: Locale): string {
  const [whole, frac] = quantityToString(BigInt(milli)).split(".");
  const grouped = BigInt(whole!).toLocaleString(locale === "id" ? "id-ID" : "en-US");
  return frac ? `${grouped}${locale === "id" ? "," : "."}${frac}` : grouped;
}

type DetailInput = {
  id: string; dealDay: string; type: string; status: string; confirmation: string; enteredBy: DealParty; total: string;
  buyerId: string | null; buyerName: string; buyerCity: string; buyerProvince: string; deliveryDate: string | null; note: string;
  documentUploadId: string | null; documentType: string | null; documentName: string | null; meetingId: string | null;
  meetingStartsAt: Date | null; createdAt: Date;
  lines: Array<{ position: number; product: string; quantityMilli: string; unit: string; unitPrice: string; lineTotal: string }>;
  sellers: Array<{ sellerId: string; position: number; shareValue: string; shareQuantity: number | null; name: string; sector: string; city: string; province: string }>;
  history: Array<{ id: string; fromStatus: string | null; toStatus: string; confirmation: string | null; party: DealParty; changedAt: Date; userName: string | null }>;
};

/** One deal for its page, in the event's zone. */
export function presentDeal(d: DetailInput, zone: string, locale: Locale) {
  const money = (v: string) => formatRupiah(v, locale);
  return {
    id: d.id, type: d.type, status: d.status, confirmation: d.confirmation, enteredBy: d.enteredBy,
    day: formatDay(d.dealDay, locale), delivery: d.deliveryDate ? formatDay(d.deliveryDate, locale) : null, total: money(d.total),
    buyer: { registered: d.buyerId !== null, name: d.buyerName, region: [d.buyerCity, d.buyerProvince].filter(Boolean).join(", ") },
    note: d.note, hasDocument: d.documentUploadId !== null, documentName: d.documentName || null,
    meeting: d.meetingStartsAt ? `${formatDate(d.meetingStartsAt, zone, locale)} ${formatTime(d.meetingStartsAt, zone, locale)}` : null,
    lines: d.lines.map((l) => ({
      position: l.position, product: l.product, quantity: formatQuantity(l.quantityMilli, locale), unit: l.unit,
      unitPrice: money(l.unitPrice), lineTotal: money(l.lineTotal),
    })),
    sellers: d.sellers.map((s) => ({
      id: s.sellerId, name: s.name, sector: s.sector, region: [s.city, s.province].filter(Boolean).join(", "),
      shareValue: money(s.shareValue), shareQuantity: s.shareQuantity,
    })),
    history: d.history.map((h) => ({
      id: String(h.id), from: h.fromStatus, to: h.toStatus, confirmation: h.confirmation, party: h.party, by: h.userName ?? "",
      at: `${formatShortDate(h.changedAt, zone, locale)} ${formatTime(h.changedAt, zone, locale)}`,
    })),
  };
}
export type PresentedDeal = ReturnType<typeof presentDeal>;
