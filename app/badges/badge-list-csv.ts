/**
 * The organizer's badge list as CSV, with the report exports' conventions (app/reports/export-csv.ts toCsv: BOM, `;`,
 * CRLF, formula cells neutralised). Times are the event's local time. Pure.
 */
import type { TFunction } from "i18next";
import { DateTime } from "luxon";
import { toCsv } from "~/reports/export-csv";
import type { BadgeExportRow } from "./badge-list.server";

const COLUMNS = ["code", "name", "organization", "kind", "status", "email", "phone", "language", "source", "issued", "printed", "first_entry"] as const;

/** Header and one row per badge, labels in the reader's language. */
export function badgeListCsv(rows: readonly BadgeExportRow[], t: TFunction, timeZone: string): string {
  const at = (d: Date | null) => (d ? DateTime.fromJSDate(d, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm") : "");
  return toCsv([COLUMNS.map((c) => t(`badges.csv.${c}`) as string), ...rows.map((r) => [
    r.shortCode, r.holderName, r.organizationName, t(`badges.kinds.${r.kind}`) as string, t(`badges.statuses.${r.status}`) as string,
    r.email ?? "", r.phone ?? "", r.locale === "en" ? "English" : "Bahasa Indonesia", t(`badges.sources.${r.source}`) as string,
    at(r.issuedAt), at(r.printedAt), at(r.firstEntryAt),
  ])]);
}
