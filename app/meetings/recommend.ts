/**
 * Recommendations ranked by fit between a buyer and a seller (b2match/Grip style "matches"), with the reasons
 * a person reads: "Anda mencari tenun ikat; mereka memproduksi 300 lembar/bulan". Pure: the caller loads the
 * profiles. The score is a plain sum, so a reason always explains a part of it.
 */

export type BuyerFitProfile = {
  /** Sector codes sought (exhibitors vocabulary, e.g. `tenun_ikat`). */
  sectors: readonly string[];
  /** Free text, e.g. "selendang tenun ikat, kain batik tulis pewarna alam". */
  productsSought: string;
  /** Typical order per month and its unit, e.g. 200 lembar. */
  orderVolume: number | null;
  orderUnit: string;
  /** Province the buyer wants to source from ("" = anywhere). */
  province: string;
};

export type SellerFitProfile = {
  sector: string;
  productNames: readonly string[];
  description: string;
  capacityQuantity: number | null;
  capacityUnit: string;
  province: string;
};

export type FitReason =
  | { kind: "sector"; sector: string }
  | { kind: "product"; term: string }
  | { kind: "capacity"; quantity: number; unit: string; enough: boolean }
  | { kind: "region"; province: string };

export type Fit = { score: number; reasons: FitReason[] };

/** Weights of each part of the score (sum 100 at most). */
export const FIT_WEIGHTS = { sector: 40, productTerm: 10, productMax: 30, capacityEnough: 20, capacityPartial: 8, region: 10 } as const;

/** Words that say nothing about a product. */
const STOP_WORDS = new Set(["dan", "atau", "yang", "untuk", "dengan", "dari", "the", "and", "for", "with", "kain", "produk"]);

/** Lowercase words of 3+ letters without stop words. */
export function terms(text: string): string[] {
  return [...new Set(text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))];
}

/** `tenun_ikat` → "tenun ikat": sector codes are written as their words in profile texts. */
export function sectorWords(sector: string): string {
  return sector.replace(/_/g, " ");
}

function sameUnit(a: string, b: string): boolean {
  return !a.trim() || !b.trim() || a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * How well a seller fits a buyer.
 *
 * @example
 * scoreFit({ sectors: ["tenun_ikat"], productsSought: "selendang", orderVolume: 200, orderUnit: "lembar", province: "" },
 *          { sector: "tenun_ikat", productNames: ["Selendang ikat"], description: "", capacityQuantity: 300, capacityUnit: "lembar", province: "Jawa Timur" })
 * // { score: 70, reasons: [sector tenun_ikat, product "selendang", capacity 300 lembar enough] }
 */
export function scoreFit(buyer: BuyerFitProfile, seller: SellerFitProfile): Fit {
  const reasons: FitReason[] = [];
  let score = 0;
  if (buyer.sectors.includes(seller.sector)) {
    score += FIT_WEIGHTS.sector;
    reasons.push({ kind: "sector", sector: seller.sector });
  }
  const sellerTerms = new Set(terms([seller.productNames.join(" "), seller.description, sectorWords(seller.sector)].join(" ")));
  const sectorTerms = new Set(terms(sectorWords(seller.sector)));
  const matched = terms(buyer.productsSought).filter((w) => sellerTerms.has(w) && !(reasons.length && sectorTerms.has(w)));
  if (matched.length) {
    score += Math.min(FIT_WEIGHTS.productMax, matched.length * FIT_WEIGHTS.productTerm);
    reasons.push({ kind: "product", term: matched.slice(0, 3).join(", ") });
  }
  const capacity = seller.capacityQuantity;
  if (capacity && reasons.length) {
    const comparable = buyer.orderVolume !== null && sameUnit(buyer.orderUnit, seller.capacityUnit);
    const enough = comparable && capacity >= buyer.orderVolume!;
    // A smaller producer can still take a share of a large order (domain.md, seed 002: split the order).
    if (enough) score += FIT_WEIGHTS.capacityEnough;
    else if (comparable && capacity * 4 >= buyer.orderVolume!) score += FIT_WEIGHTS.capacityPartial;
    reasons.push({ kind: "capacity", quantity: capacity, unit: seller.capacityUnit, enough });
  }
  if (buyer.province && buyer.province === seller.province) {
    score += FIT_WEIGHTS.region;
    reasons.push({ kind: "region", province: seller.province });
  }
  return { score, reasons };
}

/**
 * Candidates with a positive score, best first (ties by name), at most `limit`.
 *
 * @example rankByFit(sellers, (s) => scoreFit(buyer, s.profile), (s) => s.name, 10)
 */
export function rankByFit<T>(items: readonly T[], fit: (item: T) => Fit, name: (item: T) => string, limit: number): Array<T & { fit: Fit }> {
  return items
    .map((item) => ({ ...item, fit: fit(item) }))
    .filter((x) => x.fit.score > 0 && x.fit.reasons.some((r) => r.kind !== "capacity"))
    .sort((a, b) => b.fit.score - a.fit.score || name(a).localeCompare(name(b)))
    .slice(0, limit);
}
