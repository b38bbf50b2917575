/**
 * Deal lines and totals, exactly: quantity × unit price in whole rupiah, with no floating point.
 *
 * A quantity is a decimal string with at most three decimals (2,5 kg, 0,125 kodi, 120 lembar), held as
 * an integer number of thousandths ("milli-units"). A line total is `quantityMilli × unitPrice / 1000`
 * rounded **half up to whole rupiah** (Rp 0,5 becomes Rp 1, like Intl's IDR formatting); each line is
 * rounded on its own and the deal total is the exact sum of the rounded lines, so the printed lines
 * always add up to the printed total. Pure: no I/O.
 */
import { MAX_RUPIAH_INPUT, parseRupiah } from "~/utils/money";

/** Units UMKM trade in; kodi = 20 pieces (traditional batik/tenun wholesale unit). */
export const DEAL_UNITS = ["lembar", "pcs", "kg", "meter", "kodi", "lusin", "set", "paket"] as const;
export type DealUnit = (typeof DEAL_UNITS)[number];

export const MAX_DEAL_LINES = 50;
export const MAX_PRODUCT_LENGTH = 200;
/** Largest unit price: Rp 1 triliun, the same ceiling as every typed amount. */
export const MAX_UNIT_PRICE = MAX_RUPIAH_INPUT;
/** Largest quantity on one line (10 million units); keeps a typo like 1e12 out. */
export const MAX_QUANTITY_MILLI = 10_000_000_000n;
/**
 * Largest deal total: Rp 10 triliun. Far above any expo deal, and it keeps report sums exact in every
 * consumer: 900,000 such deals still fit int8, and one total stays below 2^53 for XLSX number cells.
 */
export const MAX_DEAL_TOTAL = 10_000_000_000_000n;

/** A line as typed in the form (strings) or sent by an API. */
export type DealLineInput = { product: string; quantity: string; unit: string; unitPrice: string };
/** A validated line with its exact total. */
export type DealLine = {
  product: string;
  /** Normalised decimal string, e.g. "2.5" (dot as decimal mark, no trailing zeros). */
  quantity: string;
  quantityMilli: bigint;
  unit: DealUnit;
  unitPrice: bigint;
  lineTotal: bigint;
};

export type DealLineErrorCode =
  | "no_lines" | "too_many_lines"
  | "product_required" | "product_too_long"
  | "quantity_required" | "quantity_invalid" | "quantity_too_precise" | "quantity_negative" | "quantity_zero"
  | "quantity_too_large"
  | "unit_invalid"
  | "unit_price_required" | "unit_price_invalid" | "unit_price_negative" | "unit_price_fraction" | "unit_price_zero"
  | "unit_price_too_large"
  | "total_too_large";

/** One error, named by its conform field path (`lines[1].quantity`) so the form shows it at the field. */
export type DealLineError = { field: string; code: DealLineErrorCode; line?: number };

export type DealLinesResult =
  | { ok: true; value: { lines: DealLine[]; total: bigint } }
  | { ok: false; reason: "invalid_lines"; errors: DealLineError[] };

export type QuantityResult = { ok: true; milli: bigint } | { ok: false; code: DealLineErrorCode };

/**
 * Parses a typed quantity into thousandths, reading it the Indonesian way: `,` is the decimal mark
 * ("2,5"), and dots between groups of three digits are thousands ("1.500" = 1500, "1.500,5"). Any other
 * dot is a decimal mark ("2.5", "0.125"), so English input works too.
 *
 * @example parseQuantity("2,5") // { ok: true, milli: 2500n }
 * @example parseQuantity("1.500") // { ok: true, milli: 1500000n }
 */
export function parseQuantity(input: string): QuantityResult {
  let s = input.replace(/[\s\u00a0\u202f]+/g, "");
  if (s === "") return { ok: false, code: "quantity_required" };
  if (/^[-\u2212]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "");
  const m = /^([-\u2212]?)(\d+)(?:[.,](\d+))?$/.exec(s);
  if (!m) return { ok: false, code: "quantity_invalid" };
  const [, sign, whole, frac = ""] = m;
  if (frac.replace(/0+$/, "").length > 3) return { ok: false, code: "quantity_too_precise" };
  const milli = BigInt(whole) * 1000n + BigInt((frac + "000").slice(0, 3));
  if (sign && milli !== 0n) return { ok: false, code: "quantity_negative" };
  if (milli === 0n) return { ok: false, code: "quantity_zero" };
  if (milli > MAX_QUANTITY_MILLI) return { ok: false, code: "quantity_too_large" };
  return { ok: true, milli };
}

/**
 * Formats thousandths as a plain decimal string ("2.5", "120", "0.125"); the UI localises it.
 *
 * @example quantityToString(2500n) // "2.5"
 */
export function quantityToString(milli: bigint): string {
  const whole = milli / 1000n;
  const frac = (milli % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/**
 * quantityMilli × unitPrice / 1000, rounded half up to whole rupiah (both inputs are non-negative).
 *
 * @example lineTotal(2500n, 150_001n) // 375003n (375 002,5 rounds up)
 */
export function lineTotal(quantityMilli: bigint, unitPrice: bigint): bigint {
  return (quantityMilli * unitPrice + 500n) / 1000n;
}

/**
 * Validates all lines of a deal and computes the totals. Every problem is reported (not only the first),
 * each with its field path, so one submit shows all of them.
 *
 * @example
 * validateDealLines([{ product: "Batik tulis sogan", quantity: "20", unit: "lembar", unitPrice: "Rp 1.250.000" }])
 * // { ok: true, value: { lines: [...], total: 25000000n } }
 */
export function validateDealLines(inputs: readonly DealLineInput[]): DealLinesResult {
  if (inputs.length === 0) return { ok: false, reason: "invalid_lines", errors: [{ field: "lines", code: "no_lines" }] };
  if (inputs.length > MAX_DEAL_LINES) {
    return { ok: false, reason: "invalid_lines", errors: [{ field: "lines", code: "too_many_lines" }] };
  }
  const errors: DealLineError[] = [];
  const lines: DealLine[] = [];
  inputs.forEach((input, i) => {
    const line = validateLine(input, i, errors);
    if (line) lines.push(line);
  });
  if (errors.length) return { ok: false, reason: "invalid_lines", errors };
  const total = lines.reduce((sum, l) => sum + l.lineTotal, 0n);
  if (total > MAX_DEAL_TOTAL) return { ok: false, reason: "invalid_lines", errors: [{ field: "lines", code: "total_too_large" }] };
  return { ok: true, value: { lines, total } };
}

function validateLine(input: DealLineInput, i: number, errors: DealLineError[]): DealLine | null {
  const at = (name: string) => `lines[${i}].${name}`;
  const before = errors.length;
  const push = (name: string, code: DealLineErrorCode) => errors.push({ field: at(name), code, line: i + 1 });
  const product = input.product.trim();
  if (!product) push("product", "product_required");
  else if (product.length > MAX_PRODUCT_LENGTH) push("product", "product_too_long");
  const quantity = parseQuantity(input.quantity);
  if (!quantity.ok) push("quantity", quantity.code);
  const unit = DEAL_UNITS.find((u) => u === input.unit);
  if (!unit) push("unit", "unit_invalid");
  const price = parseUnitPrice(input.unitPrice);
  if (!price.ok) push("unitPrice", price.code);
  if (errors.length > before || !quantity.ok || !unit || !price.ok) return null;
  return {
    product,
    quantity: quantityToString(quantity.milli),
    quantityMilli: quantity.milli,
    unit,
    unitPrice: price.value,
    lineTotal: lineTotal(quantity.milli, price.value),
  };
}

const PRICE_CODES = {
  empty: "unit_price_required",
  not_a_number: "unit_price_invalid",
  negative: "unit_price_negative",
  fraction: "unit_price_fraction",
  too_large: "unit_price_too_large",
} as const satisfies Record<string, DealLineErrorCode>;

function parseUnitPrice(input: string): { ok: true; value: bigint } | { ok: false; code: DealLineErrorCode } {
  const parsed = parseRupiah(input, { max: MAX_UNIT_PRICE });
  if (!parsed.ok) return { ok: false, code: PRICE_CODES[parsed.reason] };
  // A line worth nothing would count as a deal in the report without adding value; gifts are not deals.
  if (parsed.value === 0n) return { ok: false, code: "unit_price_zero" };
  return { ok: true, value: parsed.value };
}
