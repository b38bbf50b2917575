// Short human badge codes for typing at the gate (contract: shared/formats/checkin.md §3), e.g. K7QX-M3PA.
// Pure: runs in Node and in the browser. The code is a random database key, not derived from the QR token.
//
// Alphabet: A–Z and 2–9 without 0, O, 1, I, L (31 characters; 8 of them ≈ 39.6 bits).
// Normalisation: NFKC (full-width forms from phone keyboards), upper case, and dashes, spaces, dots and
// underscores dropped. Confusable characters are NOT mapped: every look-alike of 0/O (D, Q) and of
// 1/I/L (J, T, 7) is itself in the alphabet, so no mapping is unambiguous. Such input is refused as
// 'excluded_char' so the screen can say "kode tidak memakai 0, O, 1, I, L".

export const SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const SHORT_CODE_LENGTH = 8;

const BASE = BigInt(SHORT_CODE_ALPHABET.length);
const EXCLUDED = /[01OIL]/;
const VALID = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/**
 * A short code from 8 caller-supplied random bytes (e.g. crypto.getRandomValues), as 8 plain characters.
 * 64 random bits reduced to 8 base-31 digits: the modulo bias is below 1e-7.
 *
 * @example
 * shortCodeFromBytes(crypto.getRandomValues(new Uint8Array(8))) // 'K7QXM3PA'
 */
export function shortCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new RangeError("shortCodeFromBytes: need 8 random bytes");
  let n = 0n;
  for (let i = 0; i < 8; i++) n = (n << 8n) | BigInt(bytes[i]);
  let code = "";
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) {
    code += SHORT_CODE_ALPHABET[Number(n % BASE)];
    n /= BASE;
  }
  return code;
}

/**
 * The display form, 4 + 4 characters with a dash.
 *
 * @example
 * formatShortCode('k7qxm3pa') // 'K7QX-M3PA'
 */
export function formatShortCode(code: string): string {
  const c = code.replace(/-/g, "").toUpperCase();
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

export type ShortCodeProblem = "empty" | "wrong_length" | "excluded_char" | "invalid_char";

/**
 * Reads what gate staff typed: case-insensitive, dashes/spaces/dots/underscores ignored. Returns the
 * stored form (8 characters, no dash) or what is wrong with it.
 *
 * @example
 * normalizeShortCode(' k7qx m3pa ') // { ok: true, value: 'K7QXM3PA' }
 * normalizeShortCode('K7QX-M3P0')   // { ok: false, reason: 'excluded_char' }
 */
export function normalizeShortCode(input: string): { ok: true; value: string } | { ok: false; reason: ShortCodeProblem } {
  const c = input.normalize("NFKC").toUpperCase().replace(/[\s\-‐‑‒–—._]/g, "");
  if (c.length === 0) return { ok: false, reason: "empty" };
  if (VALID.test(c)) return { ok: true, value: c };
  if (EXCLUDED.test(c)) return { ok: false, reason: "excluded_char" };
  if (c.length !== SHORT_CODE_LENGTH) return { ok: false, reason: "wrong_length" };
  return { ok: false, reason: "invalid_char" };
}

/**
 * Whether a text looks like a short code rather than a QR token (for a single search/scan field).
 *
 * @example
 * isShortCode('K7QX-M3PA') // true
 */
export function isShortCode(input: string): boolean {
  return normalizeShortCode(input).ok;
}
