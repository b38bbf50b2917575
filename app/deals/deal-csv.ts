/**
 * The organizer's deal list as CSV (one row per deal, sellers and products joined), with the report exports'
 * conventions (app/reports/export-csv.ts toCsv: BOM, `;`, CRLF, formula cells neutralised). Pure.
 */
import type { TFunction } from "i18next";
import { toCsv } from "~/reports/export-csv";

export type DealCsvRow = {
  id: string; dealDay: string; type: string; status: string; confirmation: string; total: string; enteredBy: string;
  sellerNames: string | null; products: string | null; buyerName: string; buyerCity: string; buyerProvince: string;
  deliveryDate: string | null; note: string;
};

/** Header and rows, labels in the reader's language; the value column is plain digits (a number in Excel). */
export function dealListCsv(rows: readonly DealCsvRow[], t: TFunction): string {
  const c = (k: string) => t(`deals.csv.${k}`) as string;
  const header = ["id", "day", "type", "status", "confirmation", "value", "sellers", "products", "buyer", "buyer_city", "buyer_province", "delivery", "entered_by", "note"].map(c);
  return toCsv([header, ...rows.map((r) => [
    r.id, r.dealDay, t(`deals.types.${r.type}`) as string, t(`deals.statuses.${r.status}`) as string, t(`deals.confirmations.${r.confirmation}`) as string,
    BigInt(r.total), r.sellerNames ?? "", r.products ?? "", r.buyerName, r.buyerCity, r.buyerProvince, r.deliveryDate ?? "",
    t(`deals.parties.${r.enteredBy}`) as string, r.note,
  ])]);
}
