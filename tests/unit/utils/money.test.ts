import { describe, expect, it } from "vitest";
import {
  MAX_RUPIAH_INPUT,
  formatRupiah,
  formatRupiahCompact,
  parseRupiah,
  sumRupiah,
  toRupiah,
} from "~/utils/money";

// Intl puts U+00A0 between the symbol and the amount; spelled out so a plain space cannot slip in.
const NBSP = "\u00a0";

describe("formatRupiah", () => {
  it.each([
    [1_500_000n, "id", `Rp${NBSP}1.500.000`],
    [1_500_000, "id", `Rp${NBSP}1.500.000`],
    ["1500000", "id", `Rp${NBSP}1.500.000`],
    [0n, "id", `Rp${NBSP}0`],
    [999n, "id", `Rp${NBSP}999`],
    [-250_000n, "id", `-Rp${NBSP}250.000`],
    [1_500_000n, "en", `Rp${NBSP}1,500,000`],
    ["-250000", "en", `-Rp${NBSP}250,000`],
  ] as const)("formats %s in %s as %j", (amount, locale, expected) => {
    expect(formatRupiah(amount, locale)).toBe(expected);
  });

  it("defaults to Indonesian", () => {
    expect(formatRupiah(1_500_000n)).toBe(`Rp${NBSP}1.500.000`);
  });

  it.each([
    [2n ** 53n + 1n, `Rp${NBSP}9.007.199.254.740.993`],
    ["12345678901234567890", `Rp${NBSP}12.345.678.901.234.567.890`],
  ])("formats %s exactly beyond 2^53", (amount, expected) => {
    expect(formatRupiah(amount, "id")).toBe(expected);
  });

  it.each([
    ["a fraction", 1500.5],
    ["an unsafe number", 2 ** 53 + 2],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a formatted string", "1.500.000"],
    ["a decimal string", "1500.00"],
    ["an empty string", ""],
  ])("throws RangeError for %s (a bug, not user input)", (_what, amount) => {
    expect(() => formatRupiah(amount)).toThrow(RangeError);
  });
});

describe("formatRupiahCompact", () => {
  it.each([
    [2_500_000_000n, `Rp${NBSP}2,5${NBSP}M`, `Rp${NBSP}2.5B`],
    [1_500_000n, `Rp${NBSP}1,5${NBSP}jt`, `Rp${NBSP}1.5M`],
    [750_000n, `Rp${NBSP}750${NBSP}rb`, `Rp${NBSP}750K`],
    [1_000_000_000_000n, `Rp${NBSP}1${NBSP}T`, `Rp${NBSP}1T`],
    [15_500_000_000_000n, `Rp${NBSP}15,5${NBSP}T`, `Rp${NBSP}15.5T`],
    [1_550_000n, `Rp${NBSP}1,6${NBSP}jt`, `Rp${NBSP}1.6M`],
    [999_999n, `Rp${NBSP}1${NBSP}jt`, `Rp${NBSP}1M`],
    [999n, `Rp${NBSP}999`, `Rp${NBSP}999`],
    [0n, `Rp${NBSP}0`, `Rp${NBSP}0`],
    ["2500000000", `Rp${NBSP}2,5${NBSP}M`, `Rp${NBSP}2.5B`],
  ])("abbreviates %s as %j (id) and %j (en)", (amount, id, en) => {
    expect(formatRupiahCompact(amount, "id")).toBe(id);
    expect(formatRupiahCompact(amount, "en")).toBe(en);
  });
});

describe("parseRupiah", () => {
  it.each([
    ["1.500.000", 1_500_000n],
    ["1500000", 1_500_000n],
    ["Rp 1.500.000", 1_500_000n],
    ["Rp1.500.000,00", 1_500_000n],
    ["Rp. 1.500.000", 1_500_000n],
    ["rp 1.500.000", 1_500_000n],
    ["IDR 1,500,000", 1_500_000n],
    ["1,500,000.00", 1_500_000n],
    ["1500000,00", 1_500_000n],
    ["1500000,0", 1_500_000n],
    ["1500000.00", 1_500_000n],
    ["1.500", 1_500n],
    ["2,500", 2_500n],
    [`Rp${NBSP}1.500.000`, 1_500_000n],
    ["  750000  ", 750_000n],
    ["0", 0n],
    ["-0", 0n],
    ["007", 7n],
    ["1.000.000.000.000", 1_000_000_000_000n],
  ])("accepts %j as %s", (input, value) => {
    expect(parseRupiah(input)).toEqual({ ok: true, value });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["Rp", "not_a_number"],
    ["satu juta", "not_a_number"],
    ["1,5 jt", "not_a_number"],
    ["1.50.000", "not_a_number"],
    ["1.500.", "not_a_number"],
    [",50", "not_a_number"],
    ["1.500.000,00,00", "not_a_number"],
    ["1e6", "not_a_number"],
    ["--5", "not_a_number"],
    ["1.500.000,50", "fraction"],
    ["1500,5", "fraction"],
    ["1500.5", "fraction"],
    ["1,5", "fraction"],
    ["-1.500", "negative"],
    ["Rp -1.500", "negative"],
    ["-Rp 1.500", "negative"],
    ["\u22121500", "negative"],
    ["-1,50", "negative"],
    ["1.000.000.000.001", "too_large"],
    ["99999999999999999999999", "too_large"],
  ])("rejects %j as %s", (input, reason) => {
    expect(parseRupiah(input)).toEqual({ ok: false, reason });
  });

  it.each([
    [{ max: 5_000_000n }, "5.000.000", { ok: true, value: 5_000_000n }],
    [{ max: 5_000_000n }, "5.000.001", { ok: false, reason: "too_large" }],
    [{ max: 10n ** 15n }, "2.000.000.000.000", { ok: true, value: 2_000_000_000_000n }],
  ])("honours a custom max (%o) for %j", (options, input, expected) => {
    expect(parseRupiah(input, options)).toEqual(expected);
  });

  it("caps at Rp 1 triliun by default", () => {
    expect(MAX_RUPIAH_INPUT).toBe(10n ** 12n);
  });
});

describe("sumRupiah / toRupiah", () => {
  it.each([
    [[], 0n],
    [[1_500_000n, 250_000n], 1_750_000n],
    [[2n ** 62n, 2n ** 62n, 1n], 2n ** 63n + 1n],
    [[500n, -200n], 300n],
  ])("sums [%s] to %s exactly", (values, expected) => {
    expect(sumRupiah(values)).toBe(expected);
  });

  it.each([
    [42, 42n],
    ["9007199254740993", 9_007_199_254_740_993n],
    [-7n, -7n],
  ])("toRupiah(%s) is %s", (input, expected) => {
    expect(toRupiah(input)).toBe(expected);
  });
});
