/**
 * Indonesian business identifiers typed by exhibitors: the NIB and the WhatsApp number. Pure (no I/O).
 * Server-side only in practice: libphonenumber-js/max weighs 156 KB, too much for a cheap phone's bundle,
 * so forms check only the shape in the browser and the server normalises (ecosystem.md §1.3, §1.6).
 */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { fail, ok, type Result } from "~/utils/result";

export type NibProblem = "nib_invalid";

/**
 * The NIB (Nomor Induk Berusaha) is exactly 13 digits; it has no public checksum. Spaces and dots that people
 * copy from the OSS printout are dropped; empty means "not given" (the NIB is optional).
 *
 * @example normalizeNib(" 9120 0012 3456 7 ") // { ok: true, value: "9120001234567" }
 */
export function normalizeNib(input: string | null | undefined): Result<string | null, NibProblem> {
  const compact = (input ?? "").replace(/[\s.]/g, "");
  if (compact === "") return ok(null);
  return /^\d{13}$/.test(compact) ? ok(compact) : fail("nib_invalid");
}

export type WhatsappProblem = "whatsapp_invalid" | "whatsapp_landline" | "whatsapp_foreign";

/**
 * A WhatsApp number as E.164 (+62…), from what people type: `0812-3456-7890`, `+62 812 3456 7890`, `62812345678`,
 * `(0812) 3456 7890`, `+62 0812…`. A leading `62` without `+` is turned into `+62` *before* parsing: libphonenumber
 * would read `62812…` as the national number 62812… (a valid fixed line, ecosystem.md §1.3). Landlines cannot
 * have WhatsApp (refused by type, with the full metadata), and only Indonesian numbers are accepted.
 * Empty input means "not given".
 *
 * @example normalizeWhatsapp("0812-3456-7890") // { ok: true, value: "+6281234567890" }
 */
export function normalizeWhatsapp(input: string | null | undefined): Result<string | null, WhatsappProblem> {
  const raw = (input ?? "").trim();
  if (raw === "") return ok(null);
  if (!/^\+?[\d\s().\-/]+$/.test(raw)) return fail("whatsapp_invalid");
  const hasPlus = raw.startsWith("+");
  let digits = raw.replace(/\D/g, "");
  if (digits.length < 8 || digits.length > 17) return fail("whatsapp_invalid");
  if (!hasPlus && digits.startsWith("62")) digits = digits.slice(2);
  else if (hasPlus && digits.startsWith("62")) digits = digits.slice(2);
  else if (hasPlus) {
    const foreign = parsePhoneNumberFromString(`+${digits}`);
    return foreign?.isValid() && foreign.countryCallingCode !== "62" ? fail("whatsapp_foreign") : fail("whatsapp_invalid");
  }
  // "+62 0812…" and "62 0812…": the trunk 0 does not belong after the country code.
  digits = digits.replace(/^0+/, "");
  const phone = parsePhoneNumberFromString(`+62${digits}`);
  if (!phone || !phone.isValid() || phone.countryCallingCode !== "62") return fail("whatsapp_invalid");
  const type = phone.getType();
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return fail("whatsapp_landline");
  return ok(phone.number);
}

/**
 * The digits a `https://wa.me/` link takes (no `+`), for a stored E.164 number.
 *
 * @example waMeDigits("+6281234567890") // "6281234567890"
 */
export function waMeDigits(e164: string): string {
  return e164.replace(/^\+/, "");
}
