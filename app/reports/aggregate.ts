/**
 * The one report model of a fair: every dashboard tile, chart, CSV, XLSX sheet and PDF page renders
 * this object, so their figures are the same by construction. Built in one pass over flat deal rows;
 * money is summed as bigint, exactly. Pure.
 *
 * A deal with several sellers (a consortium order) arrives as one row per seller with that seller's
 * share as `value`: values add up per seller attribute, and deal counts count distinct deals per bucket
 * (so a deal shared by a mikro and a kecil producer counts once in each class, once in the total).
 */
import type { Sector, UmkmClass } from "../../db/schema";
import { DEAL_TYPES, dealValueBucket, type Confirmation, type DealStatus, type DealType } from "~/deals/deal-status";

export type Region = { province: string; city: string };

export type DealRow = {
  dealId: string;
  /** Whole rupiah: the deal total, or this seller's share of it. */
  value: bigint;
  status: DealStatus;
  type: DealType;
  confirmation: Confirmation;
  /** Local date of the deal in the event's zone, YYYY-MM-DD. */
  day: string;
  sellerId: string;
  sellerSector: Sector;
  sellerUmkmClass: UmkmClass | null;
  sellerRegion: Region;
  buyerId: string;
  buyerRegion: Region;
  meetingId: string | null;
};

export type ReportCounts = { visitors: number; exhibitors: number; buyers: number; meetingsHeld: number };
export type ReportEvent = { name: string; organizer: string; venue: string; firstDay: string; lastDay: string; days: string[] };

/** Value in each reported figure plus the number of distinct deals behind them. */
export type Figures = { confirmed: bigint; unconfirmed: bigint; potential: bigint; deals: number };
export type BreakdownRow = { key: string; figures: Figures };
export type FlowRow = { seller: string; buyer: string; figures: Figures };
export type UmkmKey = UmkmClass | "unknown";

export type ReportModel = {
  event: ReportEvent;
  totals: Figures;
  cancelled: { deals: number; value: bigint };
  byDay: BreakdownRow[];
  bySector: BreakdownRow[];
  byUmkmClass: BreakdownRow[];
  byType: BreakdownRow[];
  /** Seller region → buyer region, keyed by {@link regionKey}. */
  flows: FlowRow[];
  regions: Record<string, Region>;
  counts: ReportCounts;
  conversion: { meetingsHeld: number; meetingsWithDeal: number; dealsFromMeetings: number; basisPoints: number | null };
  target: { value: bigint | null; achieved: bigint; basisPoints: number | null };
};

export type BreakdownId = "byDay" | "bySector" | "byUmkmClass" | "byType";
export const BREAKDOWN_IDS: readonly BreakdownId[] = ["byDay", "bySector", "byUmkmClass", "byType"];
const UMKM_ORDER: readonly UmkmKey[] = ["mikro", "kecil", "menengah", "unknown"];

/** Stable key of a region: "Kota Kediri|Jawa Timur". */
export const regionKey = (r: Region): string => `${r.city}|${r.province}`;

/**
 * Tallies values and distinct deals per key. Rows of one deal arrive next to each other (checked in
 * buildReport), so "distinct" only needs the last deal id seen per key, not a set per key.
 */
class Tally {
  private readonly figures = new Map<string, Figures & { last: string }>();

  add(key: string, bucket: "confirmed" | "unconfirmed" | "potential", row: DealRow) {
    let f = this.figures.get(key);
    if (!f) {
      f = { ...emptyFigures(), last: "" };
      this.figures.set(key, f);
    }
    f[bucket] += row.value;
    if (f.last !== row.dealId) {
      f.last = row.dealId;
      f.deals += 1;
    }
  }

  get(key: string): Figures {
    const f = this.figures.get(key);
    return f ? { confirmed: f.confirmed, unconfirmed: f.unconfirmed, potential: f.potential, deals: f.deals } : emptyFigures();
  }

  keys(): string[] {
    return [...this.figures.keys()];
  }
}

export const emptyFigures = (): Figures => ({ confirmed: 0n, unconfirmed: 0n, potential: 0n, deals: 0 });
/** Confirmed + unconfirmed + potential: everything not cancelled. */
export const figuresTotal = (f: Figures): bigint => f.confirmed + f.unconfirmed + f.potential;

/**
 * Builds the report model. The rows of a deal must be adjacent (ORDER BY deal id); a deal seen again
 * after another one is a bug in the caller and throws.
 *
 * @example buildReport({ event, rows, counts: { visitors: 1200, exhibitors: 80, buyers: 40, meetingsHeld: 150 },
 *   target: 5_000_000_000n }).totals.confirmed // exact bigint sum of the confirmed deals
 */
export function buildReport(input: { event: ReportEvent; rows: readonly DealRow[]; counts: ReportCounts; target: bigint | null }): ReportModel {
  const t = { total: new Tally(), day: new Tally(), sector: new Tally(), umkm: new Tally(), type: new Tally(), flow: new Tally() };
  const regions = new Map<string, Region>();
  const cancelled = new Set<string>();
  let cancelledValue = 0n;
  const meetings = new Set<string>();
  const dealsFromMeetings = new Set<string>();
  const dealIds = new Set<string>();
  let previous = "";
  for (const row of input.rows) {
    if (row.dealId !== previous) {
      if (dealIds.has(row.dealId)) throw new Error(`buildReport: rows of deal ${row.dealId} are not adjacent`);
      dealIds.add(row.dealId);
      previous = row.dealId;
    }
    const bucket = dealValueBucket(row);
    if (bucket === "none") {
      cancelled.add(row.dealId);
      cancelledValue += row.value;
      continue;
    }
    const seller = regionKey(row.sellerRegion);
    const buyer = regionKey(row.buyerRegion);
    if (!regions.has(seller)) regions.set(seller, row.sellerRegion);
    if (!regions.has(buyer)) regions.set(buyer, row.buyerRegion);
    t.total.add("", bucket, row);
    t.day.add(row.day, bucket, row);
    t.sector.add(row.sellerSector, bucket, row);
    t.umkm.add(row.sellerUmkmClass ?? "unknown", bucket, row);
    t.type.add(row.type, bucket, row);
    t.flow.add(`${seller}\n${buyer}`, bucket, row);
    if (row.meetingId) {
      meetings.add(row.meetingId);
      dealsFromMeetings.add(row.dealId);
    }
  }
  const totals = t.total.get("");
  const days = [...new Set([...input.event.days, ...t.day.keys()])].sort();
  const held = input.counts.meetingsHeld;
  return {
    event: input.event,
    totals,
    cancelled: { deals: cancelled.size, value: cancelledValue },
    byDay: days.map((key) => ({ key, figures: t.day.get(key) })),
    bySector: byValue(t.sector),
    byUmkmClass: UMKM_ORDER.filter((k) => k !== "unknown" || t.umkm.keys().includes(k)).map((key) => ({ key, figures: t.umkm.get(key) })),
    byType: DEAL_TYPES.map((key) => ({ key, figures: t.type.get(key) })),
    flows: byValue(t.flow).map(({ key, figures }) => {
      const [seller, buyer] = key.split("\n");
      return { seller, buyer, figures };
    }),
    regions: Object.fromEntries(regions),
    counts: input.counts,
    conversion: {
      meetingsHeld: held,
      meetingsWithDeal: meetings.size,
      dealsFromMeetings: dealsFromMeetings.size,
      basisPoints: held > 0 ? Math.floor((meetings.size * 10_000) / held) : null,
    },
    target: {
      value: input.target,
      achieved: totals.confirmed,
      basisPoints: input.target && input.target > 0n ? Number((totals.confirmed * 10_000n) / input.target) : null,
    },
  };
}

// Most confirmed value first, then most value overall, then key (stable for tests and exports).
function byValue(tally: Tally): BreakdownRow[] {
  return tally
    .keys()
    .map((key) => ({ key, figures: tally.get(key) }))
    .sort((a, b) => cmp(b.figures.confirmed, a.figures.confirmed) || cmp(figuresTotal(b.figures), figuresTotal(a.figures)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const cmp = (a: bigint, b: bigint): number => (a > b ? 1 : a < b ? -1 : 0);

/** Sum of a breakdown's figures (values exact; deal counts may exceed the total for consortium deals). */
export function sumFigures(rows: ReadonlyArray<{ figures: Figures }>): Figures {
  const sum = emptyFigures();
  for (const { figures } of rows) {
    sum.confirmed += figures.confirmed;
    sum.unconfirmed += figures.unconfirmed;
    sum.potential += figures.potential;
    sum.deals += figures.deals;
  }
  return sum;
}
