import { describe, expect, it } from "vitest";
import { FIT_WEIGHTS, rankByFit, scoreFit, terms, type BuyerFitProfile, type SellerFitProfile } from "~/meetings/recommend";

const buyer = (over: Partial<BuyerFitProfile> = {}): BuyerFitProfile =>
  ({ sectors: ["tenun_ikat"], productsSought: "selendang tenun ikat", orderVolume: 200, orderUnit: "lembar", province: "", ...over });
const seller = (over: Partial<SellerFitProfile> = {}): SellerFitProfile =>
  ({ sector: "tenun_ikat", productNames: ["Selendang ikat Bandar"], description: "", capacityQuantity: 300, capacityUnit: "lembar", province: "Jawa Timur", ...over });

describe("scoreFit", () => {
  it("explains a tenun ikat match: sector, product, enough capacity", () => {
    expect(scoreFit(buyer(), seller())).toEqual({
      score: FIT_WEIGHTS.sector + FIT_WEIGHTS.productTerm + FIT_WEIGHTS.capacityEnough,
      reasons: [
        { kind: "sector", sector: "tenun_ikat" }, { kind: "product", term: "selendang" },
        { kind: "capacity", quantity: 300, unit: "lembar", enough: true },
      ],
    });
  });

  it.each([
    ["capacity at least the volume", 300, FIT_WEIGHTS.capacityEnough],
    ["a share of the order (≥ 1/4)", 60, FIT_WEIGHTS.capacityPartial],
    ["far too small", 20, 0],
  ])("scores capacity: %s", (_label, capacityQuantity, points) => {
    const base = scoreFit(buyer({ productsSought: "x" }), seller({ capacityQuantity: null })).score;
    expect(scoreFit(buyer({ productsSought: "x" }), seller({ capacityQuantity })).score - base).toBe(points);
  });

  it("does not compare capacity in different units", () => {
    const fit = scoreFit(buyer({ productsSought: "x" }), seller({ capacityUnit: "meter" }));
    expect(fit.score).toBe(FIT_WEIGHTS.sector);
    expect(fit.reasons[1]).toEqual({ kind: "capacity", quantity: 300, unit: "meter", enough: false });
  });

  it("adds the region when the buyer sources from the seller's province", () => {
    const fit = scoreFit(buyer({ province: "Jawa Timur" }), seller());
    expect(fit.reasons.at(-1)).toEqual({ kind: "region", province: "Jawa Timur" });
  });

  it("finds product words in the description and caps product points", () => {
    const fit = scoreFit(buyer({ sectors: [], productsSought: "sarung songket tapis ulos tenun" }),
      seller({ sector: "kriya", productNames: [], description: "Sarung, songket, tapis, ulos dan tenun" }));
    expect(fit.score).toBe(FIT_WEIGHTS.productMax + FIT_WEIGHTS.capacityEnough);
  });

  it("gives nothing to an unrelated seller", () => {
    expect(scoreFit(buyer(), seller({ sector: "kuliner", productNames: ["Keripik tempe"] }))).toEqual({ score: 0, reasons: [] });
  });
});

describe("rankByFit and terms", () => {
  it("ranks best first, ties by name, and leaves out zero scores", () => {
    const items = [
      { name: "Zahra Tenun", p: seller() }, { name: "Ayu Tenun", p: seller() },
      { name: "Kuliner", p: seller({ sector: "kuliner", productNames: [] }) }, { name: "Ikat kecil", p: seller({ productNames: [], capacityQuantity: 10 }) },
    ];
    expect(rankByFit(items, (i) => scoreFit(buyer(), i.p), (i) => i.name, 10).map((i) => i.name)).toEqual(["Ayu Tenun", "Zahra Tenun", "Ikat kecil"]);
  });

  it("splits text into lowercase words without stop words or accents", () => {
    expect(terms("Kain Batik-tulis dan Sutera Crème")).toEqual(["batik", "tulis", "sutera", "creme"]);
  });
});
