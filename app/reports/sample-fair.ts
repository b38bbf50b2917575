/**
 * A deterministic, realistic sample fair (seeds 000/001: the Kediri × Surakarta business expo in Solo)
 * for scripts/sample-report.ts, the renderer tests and the benchmarks. Same seed → same deals. Pure.
 */
import type { Sector, UmkmClass } from "../../db/schema";
import type { Confirmation, DealStatus, DealType } from "~/deals/deal-status";
import type { DealRow, Region, ReportCounts, ReportEvent } from "./aggregate";
import { createRng } from "~/utils/rng";

export const SAMPLE_EVENT: ReportEvent = {
  name: "Temu Bisnis Batik & Tenun Kediri–Surakarta 2026",
  organizer: "Kadin Kota Surakarta",
  venue: "Hotel Alila, Surakarta",
  firstDay: "2026-12-13",
  lastDay: "2026-12-15",
  days: ["2026-12-13", "2026-12-14", "2026-12-15"],
};

const KEDIRI: Region = { city: "Kota Kediri", province: "Jawa Timur" };
const SOLO: Region = { city: "Kota Surakarta", province: "Jawa Tengah" };
const SELLER_REGIONS: Array<[Region, number]> = [
  [KEDIRI, 40], [SOLO, 35], [{ city: "Kota Pekalongan", province: "Jawa Tengah" }, 10],
  [{ city: "Kabupaten Bandung", province: "Jawa Barat" }, 8], [{ city: "Kota Mojokerto", province: "Jawa Timur" }, 7],
];
const BUYER_REGIONS: Array<[Region, number]> = [
  [SOLO, 35], [KEDIRI, 25], [{ city: "Kota Jakarta Pusat", province: "DKI Jakarta" }, 20],
  [{ city: "Kota Denpasar", province: "Bali" }, 10], [{ city: "Kabupaten Bandung", province: "Jawa Barat" }, 10],
];
const SECTORS: Array<[Sector, number]> = [
  ["batik_tulis", 25], ["tenun_ikat", 25], ["batik_cap", 15], ["batik_printing", 8], ["fashion", 12], ["kriya", 10], ["kuliner", 5],
];
const CLASSES: Array<[UmkmClass | null, number]> = [["mikro", 55], ["kecil", 30], ["menengah", 13], [null, 2]];
const TYPES: Array<[DealType, number, bigint, bigint]> = [
  // type, weight, min and max value in rupiah
  ["on_site_sale", 55, 150_000n, 7_500_000n],
  ["purchase_order", 28, 10_000_000n, 450_000_000n],
  ["contract", 10, 100_000_000n, 2_000_000_000n],
  ["mou_loi", 7, 250_000_000n, 5_000_000_000n],
];
const STATUSES: Array<[DealStatus, number]> = [["agreed", 35], ["signed", 25], ["paid", 20], ["delivered", 8], ["potential", 7], ["cancelled", 5]];
const CONFIRMATIONS: Array<[Confirmation, number]> = [["confirmed", 55], ["verified", 20], ["unconfirmed", 25]];


function pick<R extends readonly [unknown, number, ...unknown[]]>(rand: () => number, table: readonly R[]): R {
  const total = table.reduce((a, r) => a + r[1], 0);
  let x = rand() * total;
  for (const row of table) {
    x -= row[1];
    if (x < 0) return row;
  }
  return table[table.length - 1];
}

/**
 * `count` deals among `sellers` exhibitors and `buyers` buyers; about one in ten is a consortium order
 * split between two sellers (two rows). Values are rounded to Rp 1.000 like real price lists.
 *
 * @example sampleDealRows(1_000, { seed: 7 }).length // ≈ 1,100 rows
 */
export function sampleDealRows(count: number, opts: { seed?: number; sellers?: number; buyers?: number } = {}): DealRow[] {
  const rand = createRng(opts.seed ?? 2026);
  const sellers = Array.from({ length: opts.sellers ?? 120 }, (_, i) => ({
    id: `s${i + 1}`,
    sector: pick(rand, SECTORS)[0],
    umkm: pick(rand, CLASSES)[0],
    region: pick(rand, SELLER_REGIONS)[0],
  }));
  const buyers = Array.from({ length: opts.buyers ?? 60 }, (_, i) => ({ id: `b${i + 1}`, region: pick(rand, BUYER_REGIONS)[0] }));
  const rows: DealRow[] = [];
  for (let i = 0; i < count; i++) {
    const [type, , min, max] = pick(rand, TYPES);
    let status = pick(rand, STATUSES)[0];
    if (type === "mou_loi" && (status === "paid" || status === "delivered")) status = "signed";
    const value = ((min + BigInt(Math.floor(rand() * Number(max - min)))) / 1000n) * 1000n;
    const buyer = buyers[Math.floor(rand() * buyers.length)];
    const base = {
      dealId: `d${i + 1}`, status, type, confirmation: pick(rand, CONFIRMATIONS)[0],
      day: SAMPLE_EVENT.days[Math.floor(rand() * SAMPLE_EVENT.days.length)],
      buyerId: buyer.id, buyerRegion: buyer.region,
      meetingId: type !== "on_site_sale" && rand() < 0.7 ? `m${i + 1}` : null,
    };
    const first = sellers[Math.floor(rand() * sellers.length)];
    const split = type === "purchase_order" && rand() < 0.35 ? sellers[Math.floor(rand() * sellers.length)] : null;
    const shares = split && split.id !== first.id ? [(value * 6n) / 10n, value - (value * 6n) / 10n] : [value];
    [first, split].slice(0, shares.length).forEach((s, k) => {
      rows.push({ ...base, value: shares[k], sellerId: s!.id, sellerSector: s!.sector, sellerUmkmClass: s!.umkm, sellerRegion: s!.region });
    });
  }
  return rows;
}

/** Crowd figures that fit `deals` deals (roughly those of a 3-day city expo). */
export function sampleCounts(deals: number): ReportCounts {
  return { visitors: Math.max(1_250, deals * 4), exhibitors: 120, buyers: 60, meetingsHeld: Math.max(180, Math.round(deals * 0.6)) };
}
