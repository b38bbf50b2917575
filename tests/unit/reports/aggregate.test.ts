import { describe, expect, it } from "vitest";
import { BREAKDOWN_IDS, buildReport, emptyFigures, sumFigures, type ReportModel } from "~/reports/aggregate";
import { SAMPLE_EVENT, sampleCounts, sampleDealRows } from "~/reports/sample-fair";
import { dealValueBucket } from "~/deals/deal-status";
import { knownReport } from "./known-fair";

describe("buildReport on a fair with known deals", () => {
  const model = knownReport();

  it("splits the headline into confirmed, unconfirmed and potential value and leaves cancelled deals out", () => {
    expect(model.totals).toEqual({ confirmed: 1_278_500_000n, unconfirmed: 480_000_000n, potential: 2_500_000_000n, deals: 5 });
    expect(model.cancelled).toEqual({ deals: 1, value: 99_000_000n });
  });

  it("breaks value down by day, including every event day", () => {
    expect(model.byDay.map((r) => [r.key, r.figures.confirmed, r.figures.unconfirmed, r.figures.potential, r.figures.deals])).toEqual([
      ["2026-12-13", 25_000_000n, 480_000_000n, 2_500_000_000n, 3],
      ["2026-12-14", 1_250_000_000n, 0n, 0n, 1],
      ["2026-12-15", 3_500_000n, 0n, 0n, 1],
    ]);
  });

  it("breaks value down by seller sector, most confirmed value first", () => {
    expect(model.bySector.map((r) => [r.key, r.figures.confirmed, r.figures.unconfirmed, r.figures.potential])).toEqual([
      ["batik_tulis", 1_250_000_000n, 192_000_000n, 0n],
      ["tenun_ikat", 25_000_000n, 288_000_000n, 2_500_000_000n],
      ["batik_cap", 3_500_000n, 0n, 0n],
    ]);
  });

  it("counts a consortium deal once in each UMKM class it touches and once in the total", () => {
    expect(model.byUmkmClass.map((r) => [r.key, r.figures.confirmed + r.figures.unconfirmed + r.figures.potential, r.figures.deals])).toEqual([
      ["mikro", 313_000_000n, 2], ["kecil", 195_500_000n, 2], ["menengah", 1_250_000_000n, 1], ["unknown", 2_500_000_000n, 1],
    ]);
    expect(model.totals.deals).toBe(5);
  });

  it("lists every deal type in a fixed order, MoU/LOI as potential only", () => {
    expect(model.byType.map((r) => [r.key, r.figures.confirmed, r.figures.potential])).toEqual([
      ["on_site_sale", 3_500_000n, 0n], ["purchase_order", 25_000_000n, 0n], ["contract", 1_250_000_000n, 0n], ["mou_loi", 0n, 2_500_000_000n],
    ]);
  });

  it("builds the seller region → buyer region flow table", () => {
    expect(model.flows.map((f) => [f.seller, f.buyer, f.figures.confirmed, f.figures.unconfirmed, f.figures.potential])).toEqual([
      ["Kota Surakarta|Jawa Tengah", "Kota Jakarta Pusat|DKI Jakarta", 1_250_000_000n, 192_000_000n, 0n],
      ["Kota Kediri|Jawa Timur", "Kota Surakarta|Jawa Tengah", 25_000_000n, 0n, 2_500_000_000n],
      ["Kota Surakarta|Jawa Tengah", "Kota Surakarta|Jawa Tengah", 3_500_000n, 0n, 0n],
      ["Kota Kediri|Jawa Timur", "Kota Jakarta Pusat|DKI Jakarta", 0n, 288_000_000n, 0n],
    ]);
    expect(model.regions["Kota Kediri|Jawa Timur"]).toEqual({ city: "Kota Kediri", province: "Jawa Timur" });
  });

  it("measures conversion from meetings held to meetings with a (not cancelled) deal", () => {
    expect(model.conversion).toEqual({ meetingsHeld: 40, meetingsWithDeal: 3, dealsFromMeetings: 3, basisPoints: 750 });
  });

  it("measures progress of confirmed value against the target", () => {
    expect(model.target).toEqual({ value: 5_000_000_000n, achieved: 1_278_500_000n, basisPoints: 2557 });
  });

  it("has no target progress without a target and no conversion without meetings", () => {
    const m = buildReport({ event: SAMPLE_EVENT, rows: [], counts: { visitors: 0, exhibitors: 0, buyers: 0, meetingsHeld: 0 }, target: null });
    expect(m.target.basisPoints).toBeNull();
    expect(m.conversion.basisPoints).toBeNull();
    expect(m.totals).toEqual(emptyFigures());
    expect(m.byDay.map((r) => r.key)).toEqual(SAMPLE_EVENT.days);
    expect(m.byUmkmClass.map((r) => r.key)).toEqual(["mikro", "kecil", "menengah"]);
  });
});

describe("buildReport on 100,000 generated deals", () => {
  const rows = sampleDealRows(100_000, { seed: 42 });
  // Timing is measured in bench/reports, never asserted in a test (the machine is shared).
  const model: ReportModel = buildReport({ event: SAMPLE_EVENT, rows, counts: sampleCounts(100_000), target: 500_000_000_000n });

  it("has totals equal to the exact sum of the rows per figure", () => {
    const expected = { confirmed: 0n, unconfirmed: 0n, potential: 0n, none: 0n };
    for (const r of rows) expected[dealValueBucket(r)] += r.value;
    expect(model.totals.confirmed).toBe(expected.confirmed);
    expect(model.totals.unconfirmed).toBe(expected.unconfirmed);
    expect(model.totals.potential).toBe(expected.potential);
    expect(model.cancelled.value).toBe(expected.none);
    expect(model.totals.confirmed).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER) / 1000n);
  });

  it.each([...BREAKDOWN_IDS, "flows"] as const)("has totals equal to the sum of %s", (id) => {
    const sum = sumFigures(model[id]);
    expect([sum.confirmed, sum.unconfirmed, sum.potential]).toEqual([model.totals.confirmed, model.totals.unconfirmed, model.totals.potential]);
    expect(sum.deals).toBeGreaterThanOrEqual(model.totals.deals);
  });

  it("counts each deal once in the total", () => {
    const live = new Set(rows.filter((r) => r.status !== "cancelled").map((r) => r.dealId));
    expect(model.totals.deals).toBe(live.size);
    expect(sumFigures(model.byType).deals).toBe(live.size);
    expect(sumFigures(model.byDay).deals).toBe(live.size);
  });
});

describe("buildReport input contract", () => {
  it("refuses rows of one deal that are not adjacent (a caller bug, not user input)", () => {
    const rows = sampleDealRows(50, { seed: 1 });
    expect(() => buildReport({ event: SAMPLE_EVENT, rows: [...rows, rows[0]], counts: sampleCounts(50), target: null })).toThrow(/not adjacent/);
  });
});
