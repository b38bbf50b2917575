import { describe, expect, it } from "vitest";
import {
  DEAL_STATUSES, DEAL_TYPES, canStartIn, confirmDeal, confirmationAfterEdit, dealValueBucket, initialConfirmation,
  nextStatuses, transition, type Confirmation, type DealStatus, type DealType,
} from "~/deals/deal-status";

describe("transition", () => {
  it.each([
    ["purchase_order", "potential", "agreed"],
    ["purchase_order", "agreed", "signed"],
    ["contract", "signed", "delivered"],
    ["contract", "delivered", "paid"],
    ["on_site_sale", "agreed", "paid"],
    ["purchase_order", "potential", "signed"],
    ["contract", "delivered", "cancelled"],
    ["mou_loi", "potential", "signed"],
    ["mou_loi", "signed", "cancelled"],
  ] as const)("allows a %s to move from %s to %s", (type, from, to) => {
    expect(transition(type, from, to)).toEqual({ ok: true, value: to });
  });

  it.each([
    ["purchase_order", "agreed", "agreed", "same_status"],
    ["purchase_order", "paid", "cancelled", "final_status"],
    ["purchase_order", "cancelled", "agreed", "final_status"],
    ["contract", "signed", "agreed", "backward"],
    ["on_site_sale", "delivered", "potential", "backward"],
    ["mou_loi", "signed", "delivered", "not_for_type"],
    ["mou_loi", "agreed", "paid", "not_for_type"],
  ] as const)("refuses a %s moving from %s to %s with %s", (type, from, to, reason) => {
    expect(transition(type, from, to)).toEqual({ ok: false, reason });
  });

  it("lets every non-final status be cancelled, and nothing leave a final one", () => {
    for (const type of DEAL_TYPES) {
      for (const from of DEAL_STATUSES) {
        const final = from === "paid" || from === "cancelled";
        expect(transition(type, from, "cancelled").ok).toBe(!final);
        if (final) expect(nextStatuses(type, from)).toEqual([]);
      }
    }
  });

  it("offers the forward statuses as next steps", () => {
    expect(nextStatuses("purchase_order", "agreed")).toEqual(["signed", "delivered", "paid", "cancelled"]);
    expect(nextStatuses("mou_loi", "potential")).toEqual(["agreed", "signed", "cancelled"]);
  });

  it.each([
    ["mou_loi", "signed", true],
    ["mou_loi", "paid", false],
    ["on_site_sale", "paid", true],
    ["contract", "cancelled", false],
  ] as const)("a %s may start as %s: %s", (type, status, allowed) => {
    expect(canStartIn(type, status)).toBe(allowed);
  });
});

describe("confirmation", () => {
  it("starts unconfirmed for a party's entry and verified for the organizer's", () => {
    expect(initialConfirmation("seller")).toBe("unconfirmed");
    expect(initialConfirmation("buyer")).toBe("unconfirmed");
    expect(initialConfirmation("organizer")).toBe("verified");
  });

  it.each([
    ["seller", "unconfirmed", "agreed", "buyer", { ok: true, value: "confirmed" }],
    ["buyer", "unconfirmed", "signed", "seller", { ok: true, value: "confirmed" }],
    ["seller", "unconfirmed", "agreed", "organizer", { ok: true, value: "verified" }],
    ["seller", "confirmed", "agreed", "organizer", { ok: true, value: "verified" }],
    ["seller", "unconfirmed", "agreed", "seller", { ok: false, reason: "own_entry" }],
    ["seller", "confirmed", "agreed", "buyer", { ok: false, reason: "already_confirmed" }],
    ["organizer", "verified", "agreed", "organizer", { ok: false, reason: "already_confirmed" }],
    ["seller", "unconfirmed", "cancelled", "buyer", { ok: false, reason: "deal_cancelled" }],
  ] as const)("entered by %s, %s, %s: when %s confirms → %j", (enteredBy, confirmation, status, actor, expected) => {
    expect(confirmDeal({ enteredBy, confirmation, status }, actor)).toEqual(expected);
  });

  it("goes back to unconfirmed when a party edits the deal", () => {
    expect(confirmationAfterEdit("buyer")).toBe("unconfirmed");
    expect(confirmationAfterEdit("organizer")).toBe("verified");
  });
});

describe("dealValueBucket", () => {
  const cases: Array<[DealType, DealStatus, Confirmation, string]> = [
    ["purchase_order", "agreed", "confirmed", "confirmed"],
    ["contract", "signed", "verified", "confirmed"],
    ["on_site_sale", "paid", "confirmed", "confirmed"],
    ["purchase_order", "agreed", "unconfirmed", "unconfirmed"],
    ["on_site_sale", "paid", "unconfirmed", "unconfirmed"],
    ["mou_loi", "signed", "verified", "potential"],
    ["mou_loi", "agreed", "unconfirmed", "potential"],
    ["purchase_order", "potential", "verified", "potential"],
    ["contract", "cancelled", "verified", "none"],
    ["mou_loi", "cancelled", "confirmed", "none"],
  ];
  it.each(cases)("counts a %s that is %s and %s as %s", (type, status, confirmation, bucket) => {
    expect(dealValueBucket({ type, status, confirmation })).toBe(bucket);
  });
});
