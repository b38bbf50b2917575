import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_DEAL_LINES, MAX_DEAL_TOTAL, lineTotal, parseQuantity, quantityToString, validateDealLines, type DealLineInput,
} from "~/deals/deal-lines";

const line = (over: Partial<DealLineInput> = {}): DealLineInput => ({
  product: "Batik tulis sogan Laweyan", quantity: "20", unit: "lembar", unitPrice: "1.250.000", ...over,
});

describe("parseQuantity", () => {
  it.each([
    ["20", 20_000n],
    ["2,5", 2_500n],
    ["2.5", 2_500n],
    ["0,125", 125n],
    ["0.125", 125n],
    ["1.500", 1_500_000n],
    ["1.500,25", 1_500_250n],
    ["9.000.000", 9_000_000_000n],
    [" 3 ", 3_000n],
    ["2,500", 2_500n],
    ["7,1000", 7_100n],
  ])("reads %j as %s thousandths", (input, milli) => {
    const r = parseQuantity(input);
    expect(r).toEqual({ ok: true, milli });
  });

  it.each([
    ["", "quantity_required"],
    ["   ", "quantity_required"],
    ["abc", "quantity_invalid"],
    ["1e3", "quantity_invalid"],
    ["2,5,1", "quantity_invalid"],
    ["0,1234", "quantity_too_precise"],
    ["-1", "quantity_negative"],
    ["\u22122,5", "quantity_negative"],
    ["0", "quantity_zero"],
    ["0,000", "quantity_zero"],
    ["-0", "quantity_zero"],
    ["10000001", "quantity_too_large"],
  ])("rejects %j with %s", (input, code) => {
    expect(parseQuantity(input)).toEqual({ ok: false, code });
  });

  it("writes thousandths back as a plain decimal", () => {
    expect([2_500n, 20_000n, 125n, 1_001n].map(quantityToString)).toEqual(["2.5", "20", "0.125", "1.001"]);
  });
});

describe("lineTotal rounds half up to whole rupiah", () => {
  it.each([
    [2_500n, 150_001n, 375_003n], // 375 002,5 → 375 003
    [1_500n, 3n, 5n], // 4,5 → 5
    [1_499n, 3n, 4n], // 4,497 → 4
    [333n, 1n, 0n], // 0,333 → 0
    [500n, 1n, 1n], // 0,5 → 1
    [20_000n, 1_250_000n, 25_000_000n],
    [10_000_000_000n, 1_000_000_000_000n, 10_000_000_000_000_000_000n],
  ])("%s thousandths × Rp %s = Rp %s", (q, p, total) => {
    expect(lineTotal(q, p)).toBe(total);
  });

  it("equals the exact product rounded half up, for any quantity and price", () => {
    fc.assert(fc.property(fc.bigInt(1n, 10_000_000_000n), fc.bigInt(1n, 1_000_000_000_000n), (q, p) => {
      const exact = q * p; // thousandths of a rupiah
      const total = lineTotal(q, p);
      // total − exact/1000 lies in (−0,5; 0,5]
      expect(total * 1000n - exact).toBeLessThanOrEqual(500n);
      expect(exact - total * 1000n).toBeLessThan(500n);
    }));
  });
});

describe("validateDealLines", () => {
  it("computes each line and the deal total as the sum of the rounded lines", () => {
    const r = validateDealLines([
      line(),
      line({ product: "Tenun ikat Bandar Kidul", quantity: "2,5", unit: "kodi", unitPrice: "Rp 150.001" }),
      line({ product: "Kain mori primissima", quantity: "0,333", unit: "meter", unitPrice: "1" }),
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.lines.map((l) => [l.quantity, l.unit, l.unitPrice, l.lineTotal])).toEqual([
      ["20", "lembar", 1_250_000n, 25_000_000n],
      ["2.5", "kodi", 150_001n, 375_003n],
      ["0.333", "meter", 1n, 0n],
    ]);
    expect(r.value.total).toBe(25_375_003n);
  });

  it("trims product names", () => {
    const r = validateDealLines([line({ product: "  Selendang sutra  " })]);
    expect(r.ok && r.value.lines[0].product).toBe("Selendang sutra");
  });

  it.each([
    [{ quantity: "-5" }, "lines[0].quantity", "quantity_negative"],
    [{ quantity: "0" }, "lines[0].quantity", "quantity_zero"],
    [{ quantity: "" }, "lines[0].quantity", "quantity_required"],
    [{ product: " " }, "lines[0].product", "product_required"],
    [{ product: "x".repeat(201) }, "lines[0].product", "product_too_long"],
    [{ unit: "ton" }, "lines[0].unit", "unit_invalid"],
    [{ unitPrice: "" }, "lines[0].unitPrice", "unit_price_required"],
    [{ unitPrice: "satu juta" }, "lines[0].unitPrice", "unit_price_invalid"],
    [{ unitPrice: "-1000" }, "lines[0].unitPrice", "unit_price_negative"],
    [{ unitPrice: "1.500,50" }, "lines[0].unitPrice", "unit_price_fraction"],
    [{ unitPrice: "0" }, "lines[0].unitPrice", "unit_price_zero"],
    [{ unitPrice: "1.000.000.000.001" }, "lines[0].unitPrice", "unit_price_too_large"],
  ])("rejects %j at %s with %s", (over, field, code) => {
    expect(validateDealLines([line(over)])).toEqual({ ok: false, reason: "invalid_lines", errors: [{ field, code, line: 1 }] });
  });

  it("accepts a unit price of exactly Rp 1 triliun", () => {
    const r = validateDealLines([line({ quantity: "1", unitPrice: "1.000.000.000.000" })]);
    expect(r.ok && r.value.total).toBe(1_000_000_000_000n);
  });

  it("reports every bad field of every line in one go, with the line number", () => {
    const r = validateDealLines([line(), line({ quantity: "-1", unitPrice: "abc" }), line({ unit: "" })]);
    expect(r.ok ? [] : r.errors).toEqual([
      { field: "lines[1].quantity", code: "quantity_negative", line: 2 },
      { field: "lines[1].unitPrice", code: "unit_price_invalid", line: 2 },
      { field: "lines[2].unit", code: "unit_invalid", line: 3 },
    ]);
  });

  it("needs at least one line and at most the cap", () => {
    expect(validateDealLines([])).toEqual({ ok: false, reason: "invalid_lines", errors: [{ field: "lines", code: "no_lines" }] });
    const many = Array.from({ length: MAX_DEAL_LINES + 1 }, () => line());
    expect(validateDealLines(many)).toEqual({ ok: false, reason: "invalid_lines", errors: [{ field: "lines", code: "too_many_lines" }] });
    expect(validateDealLines(many.slice(1)).ok).toBe(true);
  });

  it("refuses a total beyond Rp 10 triliun even when every line is valid", () => {
    const big = line({ quantity: "10", unitPrice: "1.000.000.000.000" }); // Rp 10 T, exactly the cap
    expect(validateDealLines([big])).toMatchObject({ ok: true, value: { total: MAX_DEAL_TOTAL } });
    expect(validateDealLines([big, line({ quantity: "1", unitPrice: "1" })])).toEqual({
      ok: false, reason: "invalid_lines", errors: [{ field: "lines", code: "total_too_large" }],
    });
  });
});
