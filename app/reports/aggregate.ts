/**
 * The one report model of a fair: every dashboard tile, chart, CSV, XLSX sheet and PDF page renders
 * this object, so their figures are the same by construction. Built from aggregates (value and distinct deals
 * per dimension, key and value bucket) that the database or {@link aggregateDealRows} computes; money is summed
 * as bigint, exactly. Pure.
 *
 * A deal with several sellers (a consortium order) arrives as one row per seller with that seller's
 * share as `value`: values add up per seller attribute, and deal counts count distinct deals per bucket
 * (so a deal shared by a mikro and a kecil producer counts once in each class, once in the total).
 */
import type { Sector, UmkmClass } from "../../db/schema";
import { DEAL_TYPES, dealValueBucket, type Confirmation, type DealStatus, type DealType, type ValueBucket } from "~/deals/deal-status";

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

/** A dimension the report breaks value down by; `total` has the single key "". */
export type Dimension = "total" | "day" | "sector" | "umkm" | "type" | "flow";
/**
 * The report's raw material: value and distinct deals per dimension, key and bucket. The database computes these
 * with GROUPING SETS for the dashboard (app/reports/report-data.server.ts); {@link aggregateDealRows} computes the
 * same from flat rows in memory. {@link modelFromAggregates} turns either into the model. Flow keys are
 * `regionKey(seller) + "\n" + regionKey(buyer)`.
 */
export type AggregateRow = { dimension: Dimension; key: string; bucket: ValueBucket; value: bigint; deals: number };
export type Aggregates = { rows: AggregateRow[]; meetingsWithDeal: number; dealsFromMeetings: number };

/**
 * Aggregates flat deal rows in memory (the reference for the SQL aggregation, and for reports built from rows).
 * The rows of a deal must be adjacent (ORDER BY deal id); a deal seen again after another one throws, since
 * "distinct deals" only remembers the last deal id per key.
 */
export function aggregateDealRows(rows: readonly DealRow[]): Aggregates {
  const tally = new Map<string, AggregateRow & { last: string }>();
  const add = (dimension: Dimension, key: string, bucket: ValueBucket, row: DealRow) => {
    const id = `${dimension}\u0000${key}\u0000${bucket}`;
    let t = tally.get(id);
    if (!t) tally.set(id, (t = { dimension, key, bucket, value: 0n, deals: 0, last: "" }));
    t.value += row.value;
    if (t.last !== row.dealId) {
      t.last = row.dealId;
      t.deals += 1;
    }
  };
  const meetings = new Set<string>();
  const dealsFromMeetings = new Set<string>();
  const seen = new Set<string>();
  let previous = "";
  for (const row of rows) {
    if (row.dealId !== previous) {
      if (seen.has(row.dealId)) throw new Error(`aggregateDealRows: rows of deal ${row.dealId} are not adjacent`);
      seen.add(row.dealId);
      previous = row.dealId;
    }
    const bucket = dealValueBucket(row);
    add("total", "", bucket, row);
    if (bucket === "none") continue;
    add("day", row.day, bucket, row);
    add("sector", row.sellerSector, bucket, row);
    add("umkm", row.sellerUmkmClass ?? "unknown", bucket, row);
    add("type", row.type, bucket, row);
    add("flow", `${regionKey(row.sellerRegion)}\n${regionKey(row.buyerRegion)}`, bucket, row);
    if (row.meetingId) {
      meetings.add(row.meetingId);
      dealsFromMeetings.add(row.dealId);
    }
  }
  return { rows: [...tally.values()].map(({ last: _, ...r }) => r), meetingsWithDeal: meetings.size, dealsFromMeetings: dealsFromMeetings.size };
}

/** Figures per key of one dimension (cancelled value is not part of any figure). */
function figuresOf(aggregates: readonly AggregateRow[], dimension: Dimension): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const a of aggregates) {
    if (a.dimension !== dimension || a.bucket === "none") continue;
    let f = out.get(a.key);
    if (!f) out.set(a.key, (f = emptyFigures()));
    f[a.bucket] += a.value;
    f.deals += a.deals;
  }
  return out;
}

export const emptyFigures = (): Figures => ({ confirmed: 0n, unconfirmed: 0n, potential: 0n, deals: 0 });
/** Confirmed + unconfirmed + potential: everything not cancelled. */
export const figuresTotal = (f: Figures): bigint => f.confirmed + f.unconfirmed + f.potential;

export type ReportInput = { event: ReportEvent; counts: ReportCounts; target: bigint | null };

/**
 * Builds the report model from flat deal rows (see {@link aggregateDealRows}).
 *
 * @example buildReport({ event, rows, counts: { visitors: 1200, exhibitors: 80, buyers: 40, meetingsHeld: 150 },
 *   target: 5_000_000_000n }).totals.confirmed // exact bigint sum of the confirmed deals
 */
export function buildReport(input: ReportInput & { rows: readonly DealRow[] }): ReportModel {
  return modelFromAggregates({ ...input, aggregates: aggregateDealRows(input.rows) });
}

/** The report model from aggregates, however they were computed. */
export function modelFromAggregates(input: ReportInput & { aggregates: Aggregates }): ReportModel {
  const { rows, meetingsWithDeal, dealsFromMeetings } = input.aggregates;
  const totals = figuresOf(rows, "total").get("") ?? emptyFigures();
  const cancelledRow = rows.find((a) => a.dimension === "total" && a.bucket === "none");
  const byDay = figuresOf(rows, "day");
  const days = [...new Set([...input.event.days, ...byDay.keys()])].sort();
  const byUmkm = figuresOf(rows, "umkm");
  const byType = figuresOf(rows, "type");
  const flows = byValue(figuresOf(rows, "flow")).map(({ key, figures }) => {
    const [seller, buyer] = key.split("\n");
    return { seller, buyer, figures };
  });
  const regions = new Map<string, Region>();
  for (const f of flows) for (const key of [f.seller, f.buyer]) if (!regions.has(key)) regions.set(key, regionOfKey(key));
  const held = input.counts.meetingsHeld;
  return {
    event: input.event,
    totals,
    cancelled: { deals: cancelledRow?.deals ?? 0, value: cancelledRow?.value ?? 0n },
    byDay: days.map((key) => ({ key, figures: byDay.get(key) ?? emptyFigures() })),
    bySector: byValue(figuresOf(rows, "sector")),
    byUmkmClass: UMKM_ORDER.filter((k) => k !== "unknown" || byUmkm.has(k)).map((key) => ({ key, figures: byUmkm.get(key) ?? emptyFigures() })),
    byType: DEAL_TYPES.map((key) => ({ key, figures: byType.get(key) ?? emptyFigures() })),
    flows,
    regions: Object.fromEntries(regions),
    counts: input.counts,
    conversion: {
      meetingsHeld: held,
      meetingsWithDeal,
      dealsFromMeetings,
      basisPoints: held > 0 ? Math.floor((meetingsWithDeal * 10_000) / held) : null,
    },
    target: {
      value: input.target,
      achieved: totals.confirmed,
      basisPoints: input.target && input.target > 0n ? Number((totals.confirmed * 10_000n) / input.target) : null,
    },
  };
}

/** The region back from its key ("Kota Kediri|Jawa Timur"). */
const regionOfKey = (key: string): Region => {
  const cut = key.lastIndexOf("|");
  return { city: key.slice(0, cut), province: key.slice(cut + 1) };
};

// Most confirmed value first, then most value overall, then key (stable for tests and exports).
function byValue(figures: Map<string, Figures>): BreakdownRow[] {
  return [...figures]
    .map(([key, f]) => ({ key, figures: f }))
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
