/**
 * Pure rules of cooperation agreements: how a party's region is named, how the parties read on one line, and
 * which pairs of regions an agreement joins (for the "regional cooperation" summary). No I/O.
 */
import { DateTime } from "luxon";
import type { Locale } from "~/utils/time";
import type { AgreementKind } from "./agreement.schema";

export type PartyRegion = { city: string; province: string };

/**
 * A region as people write it: `Kota Kediri (Jawa Timur)`, or only the city or the province that is known;
 * empty when neither is.
 *
 * @example regionLabel({ city: "Kota Kediri", province: "Jawa Timur" }) // "Kota Kediri (Jawa Timur)"
 */
export function regionLabel({ city, province }: PartyRegion): string {
  const c = squash(city);
  const p = squash(province);
  if (c && p) return `${c} (${p})`;
  return c || p;
}

/** The key two spellings of one region share (case and spacing do not make another region). */
export function regionKey(region: PartyRegion): string {
  return `${squash(region.city).toLowerCase()}|${squash(region.province).toLowerCase()}`;
}

function squash(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/**
 * The parties on one line, in their order: `Kadin Kota Kediri × Kadin Kota Surakarta`.
 *
 * @example partiesLine([{ name: "Kadin Kota Kediri" }, { name: "Kadin Kota Surakarta" }]) // "Kadin Kota Kediri × Kadin Kota Surakarta"
 */
export function partiesLine(parties: ReadonlyArray<{ name: string }>): string {
  return parties.map((p) => p.name).join(" × ");
}

/** The distinct regions of the parties, in party order, as `Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)`. */
export function regionsLine(parties: readonly PartyRegion[]): string {
  const seen = new Map<string, string>();
  for (const p of parties) {
    const label = regionLabel(p);
    if (label && !seen.has(regionKey(p))) seen.set(regionKey(p), label);
  }
  return [...seen.values()].join(" × ");
}

/**
 * A signing date (a calendar date, no zone) the Indonesian way: `7 Desember 2026` / `7 December 2026`.
 *
 * @example formatSignedOn("2026-12-07", "id") // "7 Desember 2026"
 */
export function formatSignedOn(day: string, locale: Locale): string {
  const dt = DateTime.fromISO(day, { zone: "utc" });
  return dt.isValid ? dt.setLocale(locale).toFormat("d LLLL yyyy") : day;
}

export type RegionPair = { a: string; b: string; label: string; count: number };
export type AgreementSummary = {
  total: number;
  byKind: Record<AgreementKind, number>;
  /** Pairs of regions that signed together, most agreements first. */
  pairs: RegionPair[];
  /** Agreements with fewer than two parties whose region is known (not in any pair). */
  withoutRegions: number;
};

/**
 * Folds agreements into the regional cooperation summary. Every two parties of an agreement whose regions are
 * known make a pair of regions (in alphabetical order, so Kediri × Surakarta and Surakarta × Kediri are one
 * pair); an agreement counts once per pair however many parties it has in those regions. Two parties of one
 * region make the pair `Kota Surakarta (Jawa Tengah) × Kota Surakarta (Jawa Tengah)`: cooperation within it.
 *
 * @example summarizeAgreements([{ kind: "mou", parties: [{ city: "Kota Kediri", province: "Jawa Timur" }, { city: "Kota Surakarta", province: "Jawa Tengah" }] }])
 * // { total: 1, byKind: { mou: 1, pks: 0, loi: 0 }, pairs: [{ label: "Kota Kediri (Jawa Timur) × Kota Surakarta (Jawa Tengah)", count: 1, … }], withoutRegions: 0 }
 */
export function summarizeAgreements(agreements: ReadonlyArray<{ kind: AgreementKind; parties: readonly PartyRegion[] }>): AgreementSummary {
  const byKind: Record<AgreementKind, number> = { mou: 0, pks: 0, loi: 0 };
  const pairs = new Map<string, RegionPair>();
  const labels = new Map<string, string>();
  let withoutRegions = 0;
  for (const agreement of agreements) {
    byKind[agreement.kind] += 1;
    const known = agreement.parties.filter((p) => regionLabel(p) !== "");
    for (const p of known) if (!labels.has(regionKey(p))) labels.set(regionKey(p), regionLabel(p));
    if (known.length < 2) {
      withoutRegions += 1;
      continue;
    }
    const keys = new Set<string>();
    for (let i = 0; i < known.length; i++) {
      for (let j = i + 1; j < known.length; j++) {
        const [a, b] = [labels.get(regionKey(known[i]!))!, labels.get(regionKey(known[j]!))!].sort((x, y) => x.localeCompare(y, "id"));
        keys.add(JSON.stringify([a, b]));
      }
    }
    for (const key of keys) {
      const [a, b] = JSON.parse(key) as [string, string];
      const pair = pairs.get(key) ?? { a, b, label: `${a} × ${b}`, count: 0 };
      pair.count += 1;
      pairs.set(key, pair);
    }
  }
  return {
    total: agreements.length,
    byKind,
    pairs: [...pairs.values()].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label, "id")),
    withoutRegions,
  };
}
