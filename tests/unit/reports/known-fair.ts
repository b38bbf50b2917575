// A small fair with hand-checked figures, shared by the report and renderer tests.
import type { DealRow } from "~/reports/aggregate";
import { buildReport } from "~/reports/aggregate";
import { SAMPLE_EVENT } from "~/reports/sample-fair";

const KEDIRI = { city: "Kota Kediri", province: "Jawa Timur" };
const SOLO = { city: "Kota Surakarta", province: "Jawa Tengah" };
const JAKARTA = { city: "Kota Jakarta Pusat", province: "DKI Jakarta" };

const base = {
  status: "agreed", type: "purchase_order", confirmation: "confirmed", day: "2026-12-13",
  sellerSector: "tenun_ikat", sellerUmkmClass: "mikro", sellerRegion: KEDIRI, buyerRegion: SOLO, meetingId: null,
} as const;

export const KNOWN_ROWS: DealRow[] = [
  // Confirmed: 25.000.000 + 1.250.000.000 + 3.500.000 = 1.278.500.000
  { ...base, dealId: "d1", value: 25_000_000n, sellerId: "s1", buyerId: "b1", meetingId: "m1" },
  { ...base, dealId: "d2", value: 1_250_000_000n, type: "contract", status: "signed", confirmation: "verified", day: "2026-12-14",
    sellerSector: "batik_tulis", sellerUmkmClass: "menengah", sellerRegion: SOLO, buyerRegion: JAKARTA, sellerId: "s2", buyerId: "b2", meetingId: "m2" },
  { ...base, dealId: "d3", value: 3_500_000n, type: "on_site_sale", status: "paid", day: "2026-12-15", sellerSector: "batik_cap",
    sellerUmkmClass: "kecil", sellerRegion: SOLO, buyerRegion: SOLO, sellerId: "s3", buyerId: "b3" },
  // Unconfirmed: 480.000.000 as a consortium order (60 % Kediri mikro, 40 % Solo kecil) from meeting m3
  { ...base, dealId: "d4", value: 288_000_000n, confirmation: "unconfirmed", sellerId: "s1", buyerId: "b2", buyerRegion: JAKARTA, meetingId: "m3" },
  { ...base, dealId: "d4", value: 192_000_000n, confirmation: "unconfirmed", sellerUmkmClass: "kecil", sellerRegion: SOLO, sellerSector: "batik_tulis",
    sellerId: "s3", buyerId: "b2", buyerRegion: JAKARTA, meetingId: "m3" },
  // Potential: an MoU Kadin Kediri × Kadin Surakarta worth 2.500.000.000
  { ...base, dealId: "d5", value: 2_500_000_000n, type: "mou_loi", status: "signed", confirmation: "verified", day: "2026-12-13",
    sellerUmkmClass: null, sellerId: "s4", buyerId: "b4" },
  // Cancelled: not counted anywhere but in `cancelled`
  { ...base, dealId: "d6", value: 99_000_000n, status: "cancelled", sellerId: "s1", buyerId: "b1", meetingId: "m1" },
];

export const KNOWN_COUNTS = { visitors: 1_250, exhibitors: 48, buyers: 21, meetingsHeld: 40 };

export const knownReport = () => buildReport({ event: SAMPLE_EVENT, rows: KNOWN_ROWS, counts: KNOWN_COUNTS, target: 5_000_000_000n });
