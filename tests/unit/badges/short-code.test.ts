import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShortCode, isShortCode, normalizeShortCode, SHORT_CODE_ALPHABET, shortCodeFromBytes } from "~/badges/short-code";

describe("short code: alphabet and generation", () => {
  it("uses 31 characters without 0, O, 1, I or L", () => {
    expect(SHORT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(31);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    expect(SHORT_CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
  });

  it("makes 8 alphabet characters from any 8 random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 8 }), (bytes) => {
        const code = shortCodeFromBytes(bytes);
        expect(code).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{8}$`));
        expect(normalizeShortCode(formatShortCode(code))).toEqual({ ok: true, value: code });
      }),
      { numRuns: 200 },
    );
  });

  it("is a pure function of the bytes", () => {
    const bytes = new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2]);
    expect(shortCodeFromBytes(bytes)).toBe(shortCodeFromBytes(Uint8Array.from(bytes)));
    expect(shortCodeFromBytes(new Uint8Array(8))).toBe("AAAAAAAA");
  });

  it("spreads codes evenly over the alphabet in every position", () => {
    const counts = Array.from({ length: 8 }, () => new Map<string, number>());
    for (let n = 0; n < 6200; n++) {
      const code = shortCodeFromBytes(createHash("sha256").update(String(n)).digest().subarray(0, 8));
      for (let i = 0; i < 8; i++) counts[i].set(code[i], (counts[i].get(code[i]) ?? 0) + 1);
    }
    for (const c of counts) {
      expect(c.size).toBe(31);
      for (const k of c.values()) expect(k).toBeGreaterThan(120); // expected 200 each
      for (const k of c.values()) expect(k).toBeLessThan(290);
    }
  });

  it("needs 8 bytes", () => {
    expect(() => shortCodeFromBytes(new Uint8Array(7))).toThrow(RangeError);
  });
});

describe("short code: display and input", () => {
  it("formats codes as 4 + 4 characters", () => {
    expect(formatShortCode("K7QXM3PA")).toBe("K7QX-M3PA");
    expect(formatShortCode("k7qx-m3pa")).toBe("K7QX-M3PA");
  });

  it.each<[string, string, ReturnType<typeof normalizeShortCode>]>([
    ["accepts the display form", "K7QX-M3PA", { ok: true, value: "K7QXM3PA" }],
    ["accepts lower case", "k7qx-m3pa", { ok: true, value: "K7QXM3PA" }],
    ["ignores spaces and surrounding whitespace", "  K7QX M3PA ", { ok: true, value: "K7QXM3PA" }],
    ["ignores dots, underscores and other dashes", "K7.QX_M3–PA", { ok: true, value: "K7QXM3PA" }],
    ["accepts full-width characters from phone keyboards", "Ｋ７ＱＸ－Ｍ３ＰＡ", { ok: true, value: "K7QXM3PA" }],
    ["refuses zero rather than guess between D and Q", "K7QX-M3P0", { ok: false, reason: "excluded_char" }],
    ["refuses the letter O rather than guess", "K7QX-M3PO", { ok: false, reason: "excluded_char" }],
    ["refuses one, I and L rather than guess", "K7QX-M31A", { ok: false, reason: "excluded_char" }],
    ["refuses lower-case l rather than guess", "k7qx-m3la", { ok: false, reason: "excluded_char" }],
    ["refuses a code that is too short", "K7QX-M3P", { ok: false, reason: "wrong_length" }],
    ["refuses a code that is too long", "K7QX-M3PAA", { ok: false, reason: "wrong_length" }],
    ["refuses other characters", "K7QX-M3P#", { ok: false, reason: "invalid_char" }],
    ["refuses an empty input", " - ", { ok: false, reason: "empty" }],
  ])("%s", (_rule, input, expected) => {
    expect(normalizeShortCode(input)).toEqual(expected);
  });

  it("tells a short code from a QR token", () => {
    expect(isShortCode("K7QX-M3PA")).toBe(true);
    expect(isShortCode(`P1${"A".repeat(173)}`)).toBe(false);
  });
});
