/**
 * Whole-rupiah money: formatting, parsing user input, summing.
 *
 * Money is an integer number of rupiah (`bigint` in Postgres, which postgres.js returns as a
 * string), never a float: IDR has no minor unit in practice and Xendit truncates decimals
 * (`ecosystem.md` §1.1). Intl accepts bigint, so amounts beyond 2^53 format exactly.
 */
import type { Locale } from "~/utils/time";

/** What callers may pass: a bigint, a safe integer number, or a string of digits (optional `-`). */
export type RupiahInput = bigint | number | string;

export type ParseRupiahFailure = "empty" | "not_a_number" | "negative" | "fraction" | "too_large";
export type ParseRupiahResult = { ok: true; value: bigint } | { ok: false; reason: ParseRupiahFailure };

/** Default ceiling for typed amounts: Rp 1 triliun, far above any single expo deal. */
export const MAX_RUPIAH_INPUT = 1_000_000_000_000n;

// id-ID gives "Rp 1.500.000" (U+00A0 after Rp). For English we keep the familiar "Rp" symbol with
// English grouping ("Rp 1,500,000"): en-US would print "IDR 1,500,000", which reads as a bank
// statement and clashes with the compact "Rp 2.5B".
const FULL: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID", { style: "currency", currency: "IDR", maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "IDR",
    currencyDisplay: "narrowSymbol",
    maximumFractionDigits: 0,
  }),
};

const COMPACT: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat("id-ID", {
    style: "currency",
    currency: "IDR",
    notation: "compact",
    maximumFractionDigits: 1,
  }),
  en: new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "IDR",
    currencyDisplay: "narrowSymbol",
    notation: "compact",
    maximumFractionDigits: 1,
  }),
};

/**
 * Converts a stored or computed amount to bigint. Throws RangeError for a non-integer or unsafe
 * number and for a string that is not an integer, because those are bugs, not user input (use
 * {@link parseRupiah} for user input).
 *
 * @example toRupiah("1500000") // 1500000n
 */
export function toRupiah(amount: RupiahInput): bigint {
  if (typeof amount === "bigint") return amount;
  if (typeof amount === "number") {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`not a whole-rupiah amount: ${amount}`);
    return BigInt(amount);
  }
  if (!/^-?\d+$/.test(amount)) throw new RangeError(`not a whole-rupiah amount: ${amount}`);
  return BigInt(amount);
}

/**
 * Full amount with grouping: id `Rp 1.500.000`, en `Rp 1,500,000` (U+00A0 after `Rp`; negative
 * amounts as `-Rp 1.500`).
 *
 * @example formatRupiah(1500000n) // "Rp\u00a01.500.000"
 */
export function formatRupiah(amount: RupiahInput, locale: Locale = "id"): string {
  return FULL[locale].format(toRupiah(amount));
}

/**
 * Short amount for dashboards (*nilai transaksi*), one decimal at most: id `Rp 2,5 M` (miliar),
 * `Rp 1,5 jt`, `Rp 750 rb`; en `Rp 2.5B`, `Rp 1.5M`, `Rp 750K`. Id output contains U+00A0.
 *
 * @example formatRupiahCompact(2_500_000_000n, "en") // "Rp\u00a02.5B"
 */
export function formatRupiahCompact(amount: RupiahInput, locale: Locale = "id"): string {
  return COMPACT[locale].format(toRupiah(amount));
}

/**
 * Parses a typed rupiah amount. Accepts an optional `Rp`, `Rp.` or `IDR` prefix, spaces, digits
 * with `.` or `,` grouping (`1.500.000`, `1,500,000`) and a zero fraction (`1.500.000,00`,
 * `1500000.00`). A separator followed by exactly three digits is grouping (`1.500` = 1500); any
 * other single separator starts a fraction, and a non-zero fraction fails (`1.500,50`).
 * `max` (inclusive) defaults to {@link MAX_RUPIAH_INPUT}.
 *
 * @example parseRupiah("Rp1.500.000,00") // { ok: true, value: 1500000n }
 */
export function parseRupiah(input: string, options: { max?: bigint } = {}): ParseRupiahResult {
  const max = options.max ?? MAX_RUPIAH_INPUT;
  let s = input.replace(/[\s\u00a0\u202f]+/g, "");
  if (s === "") return { ok: false, reason: "empty" };
  let negative = false;
  if (/^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/^(?:rp\.?|idr)/i, "");
  if (!negative && /^[-\u2212]/.test(s)) {
    negative = true;
    s = s.slice(1);
  }
  const parsed = splitNumber(s);
  if (!parsed) return { ok: false, reason: "not_a_number" };
  const value = BigInt(parsed.integer);
  const hasFraction = /[1-9]/.test(parsed.fraction);
  if (negative && (value !== 0n || hasFraction)) return { ok: false, reason: "negative" };
  if (hasFraction) return { ok: false, reason: "fraction" };
  if (value > max) return { ok: false, reason: "too_large" };
  return { ok: true, value };
}

/**
 * Exact sum of whole-rupiah amounts (0n for an empty list).
 *
 * @example sumRupiah([1_500_000n, 250_000n]) // 1750000n
 */
export function sumRupiah(values: readonly bigint[]): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

// Decides which separator groups thousands and which marks the fraction; see parseRupiah.
function splitNumber(s: string): { integer: string; fraction: string } | null {
  if (/^\d+$/.test(s)) return { integer: s, fraction: "" };
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const hasDot = s.includes(".");
  const hasComma = s.includes(",");
  if (hasDot && hasComma) {
    // Both present: the last separator is the decimal mark, the other one groups.
    const decimal = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const [intPart, fraction, ...rest] = s.split(decimal);
    if (rest.length || !fraction) return null;
    const integer = ungroup(intPart, group);
    return integer === null ? null : { integer, fraction };
  }
  const sep = hasDot ? "." : ",";
  const parts = s.split(sep);
  if (parts.length > 2 || parts[1].length === 3) {
    const integer = ungroup(s, sep);
    return integer === null ? null : { integer, fraction: "" };
  }
  if (!parts[0] || !parts[1]) return null;
  return { integer: parts[0], fraction: parts[1] };
}

function ungroup(s: string, sep: string): string | null {
  const groups = s.split(sep);
  const head = groups[0];
  if (!/^\d{1,3}$/.test(head)) return null;
  if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join("");
}
