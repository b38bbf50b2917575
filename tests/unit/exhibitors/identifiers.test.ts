import { describe, expect, it } from "vitest";
import { normalizeNib, normalizeWhatsapp, waMeDigits } from "~/exhibitors/identifiers";

describe("WhatsApp numbers are stored as +62 mobile numbers in E.164", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["+6281234567890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    // Typed without "+": libphonenumber alone would read this as the fixed line +62 62812345678 (ecosystem.md §1.3).
    ["62812345678", "+62812345678"],
    ["(0812) 3456-7890", "+6281234567890"],
    ["812 3456 7890", "+6281234567890"],
    ["+62 0812 3456 7890", "+6281234567890"],
    ["0857.1234.5678", "+6285712345678"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalizeWhatsapp(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["021-5551234", "whatsapp_landline"],
    ["(0271) 712345", "whatsapp_landline"],
    ["+62 21 5551234", "whatsapp_landline"],
    ["+65 9123 4567", "whatsapp_foreign"],
    ["+1 202 555 0143", "whatsapp_foreign"],
    ["+60 12-345 6789", "whatsapp_foreign"],
    ["0812", "whatsapp_invalid"],
    ["08123456789012345678", "whatsapp_invalid"],
    ["nomor saya 0812", "whatsapp_invalid"],
    ["0812-3456-7890 ext 2", "whatsapp_invalid"],
    ["+99 1234 5678", "whatsapp_invalid"],
  ])("refuses %s (%s)", (input, reason) => {
    expect(normalizeWhatsapp(input)).toMatchObject({ ok: false, reason });
  });

  it("treats an empty answer as no number (the field is optional)", () => {
    expect(normalizeWhatsapp("")).toEqual({ ok: true, value: null });
    expect(normalizeWhatsapp("   ")).toEqual({ ok: true, value: null });
    expect(normalizeWhatsapp(undefined)).toEqual({ ok: true, value: null });
  });

  it("gives wa.me the digits without the plus", () => {
    expect(waMeDigits("+6281234567890")).toBe("6281234567890");
  });
});

describe("the NIB is exactly 13 digits, optional", () => {
  it.each([
    ["9120001234567", "9120001234567"],
    [" 9120 0012 3456 7 ", "9120001234567"],
    ["9120.0012.34567", "9120001234567"],
  ])("accepts %s", (input, expected) => {
    expect(normalizeNib(input)).toEqual({ ok: true, value: expected });
  });

  it.each(["912000123456", "91200012345678", "912000123456A", "NIB-9120001234", "-912000123456"])("refuses %s", (input) => {
    expect(normalizeNib(input)).toEqual({ ok: false, reason: "nib_invalid" });
  });

  it("treats empty as not given", () => {
    expect(normalizeNib("")).toEqual({ ok: true, value: null });
    expect(normalizeNib(null)).toEqual({ ok: true, value: null });
  });
});
