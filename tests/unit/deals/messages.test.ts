import { describe, expect, it } from "vitest";
import type { DealLineErrorCode } from "~/deals/deal-lines";
import type { ConfirmError, TransitionError } from "~/deals/deal-status";
import type { OrderError, ShareError } from "~/deals/consortium";
import { CONFIRMATIONS, DEAL_STATUSES, DEAL_TYPES } from "~/deals/deal-status";
import { DEAL_UNITS } from "~/deals/deal-lines";
import en from "~/locales/en";
import id from "~/locales/id";

// The record type makes the compiler list every reason code: adding a code without a message fails tsc.
const CODES: Record<DealLineErrorCode | TransitionError | ConfirmError | OrderError | ShareError, true> = {
  no_lines: true, too_many_lines: true, product_required: true, product_too_long: true, quantity_required: true,
  quantity_invalid: true, quantity_too_precise: true, quantity_negative: true, quantity_zero: true, quantity_too_large: true,
  unit_invalid: true, unit_price_required: true, unit_price_invalid: true, unit_price_negative: true, unit_price_fraction: true,
  unit_price_zero: true, unit_price_too_large: true, total_too_large: true, same_status: true, final_status: true, backward: true,
  not_for_type: true, own_entry: true, already_confirmed: true, deal_cancelled: true, invalid_quantity: true, invalid_window: true,
  no_shares: true, invalid_share: true, duplicate_producer: true, unknown_producer: true, wrong_sector: true,
  shares_do_not_sum: true, over_capacity_unconfirmed: true,
};

describe("deal messages", () => {
  it.each(Object.keys(CODES))("explains %s in Bahasa Indonesia and English", (code) => {
    const key = code as keyof typeof id.deals.errors;
    expect(id.deals.errors[key]).toMatch(/\S/);
    expect(en.deals.errors[key]).toMatch(/\S/);
    expect(id.deals.errors[key]).not.toBe(en.deals.errors[key]);
  });

  it("names the line in every per-line message", () => {
    for (const code of Object.keys(CODES).filter((c) => /^(product|quantity|unit)_/.test(c))) {
      const key = code as keyof typeof id.deals.errors;
      expect(id.deals.errors[key]).toContain("Baris {{line}}");
      expect(en.deals.errors[key]).toContain("Line {{line}}");
    }
  });

  it("has a label for every status, type, confirmation and unit", () => {
    for (const s of DEAL_STATUSES) expect([id.deals.statuses[s], en.deals.statuses[s]].every(Boolean)).toBe(true);
    for (const t of DEAL_TYPES) expect([id.deals.types[t], en.deals.types[t]].every(Boolean)).toBe(true);
    for (const c of CONFIRMATIONS) expect([id.deals.confirmations[c], en.deals.confirmations[c]].every(Boolean)).toBe(true);
    for (const u of DEAL_UNITS) expect([id.deals.units[u], en.deals.units[u]].every(Boolean)).toBe(true);
  });
});
