import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  apportion, checkShares, proposeShares, spareCapacity, suggestProducers, validateOrder,
  type ConsortiumOrder, type Producer,
} from "~/deals/consortium";

const JAN = { start: "2026-01-01", end: "2026-01-30" }; // 30 days
const producer = (id: string, monthlyCapacity: number | null, over: Partial<Producer> = {}): Producer => ({
  id, name: `Batik ${id}`, sector: "batik_tulis", monthlyCapacity, commitments: [], ...over,
});
const order = (quantity: number, window = JAN): ConsortiumOrder => ({ sector: "batik_tulis", quantity, window });

describe("spareCapacity", () => {
  it.each([
    ["a 30-day window holds one month of capacity", producer("a", 100), JAN, [100, 0, 100]],
    ["a 15-day window holds half a month, rounded down", producer("a", 101), { start: "2026-01-01", end: "2026-01-15" }, [50, 0, 50]],
    ["a 60-day window holds two months", producer("a", 100), { start: "2026-01-01", end: "2026-03-01" }, [200, 0, 200]],
    [
      "a commitment inside the window counts in full",
      producer("a", 100, { commitments: [{ quantity: 40, window: { start: "2026-01-10", end: "2026-01-20" } }] }),
      JAN, [100, 40, 60],
    ],
    [
      "a commitment half overlapping counts half, rounded up",
      producer("a", 100, { commitments: [{ quantity: 61, window: { start: "2026-01-16", end: "2026-02-14" } }] }),
      JAN, [100, 31, 69],
    ],
    [
      "a commitment outside the window does not count",
      producer("a", 100, { commitments: [{ quantity: 500, window: { start: "2026-03-01", end: "2026-03-10" } }] }),
      JAN, [100, 0, 100],
    ],
    [
      "spare never goes below zero",
      producer("a", 100, { commitments: [{ quantity: 300, window: JAN }] }),
      JAN, [100, 300, 0],
    ],
    ["an unstated capacity is zero", producer("a", null), JAN, [0, 0, 0]],
  ] as const)("%s", (_rule, p, window, [capacity, committed, spare]) => {
    expect(spareCapacity(p, window)).toEqual({ producerId: "a", name: "Batik a", capacity, committed, spare });
  });
});

describe("validateOrder", () => {
  it.each([
    [order(1000), true],
    [order(0), "invalid_quantity"],
    [order(-5), "invalid_quantity"],
    [order(2.5), "invalid_quantity"],
    [order(10, { start: "2026-02-01", end: "2026-01-01" }), "invalid_window"],
    [order(10, { start: "2026-02-30", end: "2026-03-01" }), "invalid_window"],
  ] as const)("%j → %s", (o, expected) => {
    const r = validateOrder(o);
    expect(r.ok ? true : r.reason).toBe(expected);
  });
});

describe("suggestProducers", () => {
  const producers = [
    producer("solo-1", 100),
    producer("solo-2", 300, { commitments: [{ quantity: 250, window: JAN }] }),
    producer("pekalongan", 400),
    producer("tenun", 900, { sector: "tenun_ikat" }),
    producer("unknown", null),
    producer("full", 50, { commitments: [{ quantity: 50, window: JAN }] }),
  ];

  it("lists same-sector producers with spare capacity, most spare first", () => {
    expect(suggestProducers(order(1000), producers).map((c) => [c.producerId, c.spare])).toEqual([
      ["pekalongan", 400], ["solo-1", 100], ["solo-2", 50],
    ]);
  });

  it("proposes shares within spare capacity when there is enough", () => {
    const shares = proposeShares(order(480), suggestProducers(order(480), producers));
    expect(shares.map((s) => [s.producerId, s.quantity, s.overCapacity])).toEqual([
      ["pekalongan", 400, false], ["solo-1", 80, false],
    ]);
  });

  it("puts the lead producer first", () => {
    const shares = proposeShares(order(120), suggestProducers(order(120), producers), "solo-1");
    expect(shares.map((s) => [s.producerId, s.quantity])).toEqual([["solo-1", 100], ["pekalongan", 20]]);
  });

  it("covers an order beyond everyone's spare capacity and flags the excess (1,000 vs 550 spare)", () => {
    const shares = proposeShares(order(1000), suggestProducers(order(1000), producers));
    expect(shares.reduce((a, s) => a + s.quantity, 0)).toBe(1000);
    expect(shares.every((s) => s.overCapacity)).toBe(true);
    expect(shares.reduce((a, s) => a + s.excess, 0)).toBe(450);
  });

  it("proposes nothing when no producer of the sector has spare capacity", () => {
    expect(proposeShares(order(10), suggestProducers({ ...order(10), sector: "songket" }, producers))).toEqual([]);
  });
});

describe("apportion", () => {
  it.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [450, [400, 100, 300], [225, 56, 169]],
    [1, [5, 5], [1, 0]],
  ])("splits %d by %j into %j", (total, weights, parts) => {
    expect(apportion(total, weights)).toEqual(parts);
  });
});

describe("checkShares", () => {
  const producers = [producer("a", 100), producer("b", 300), producer("c", 500, { sector: "kuliner" })];

  it("accepts a split within capacity that adds up to the order", () => {
    const r = checkShares(order(350), [{ producerId: "a", quantity: 100 }, { producerId: "b", quantity: 250 }], producers, { confirmOverCapacity: false });
    expect(r.ok && r.value.map((s) => [s.producerId, s.overCapacity])).toEqual([["a", false], ["b", false]]);
  });

  it.each([
    [[], "no_shares", undefined],
    [[{ producerId: "a", quantity: 0 }], "invalid_share", "a"],
    [[{ producerId: "a", quantity: 1.5 }], "invalid_share", "a"],
    [[{ producerId: "a", quantity: 50 }, { producerId: "a", quantity: 300 }], "duplicate_producer", "a"],
    [[{ producerId: "zz", quantity: 350 }], "unknown_producer", "zz"],
    [[{ producerId: "c", quantity: 350 }], "wrong_sector", "c"],
    [[{ producerId: "a", quantity: 100 }, { producerId: "b", quantity: 200 }], "shares_do_not_sum", undefined],
    [[{ producerId: "a", quantity: 150 }, { producerId: "b", quantity: 200 }], "over_capacity_unconfirmed", "a"],
  ] as const)("refuses %j with %s", (shares, reason, detail) => {
    const r = checkShares(order(350), shares, producers, { confirmOverCapacity: false });
    expect(r).toEqual(detail === undefined ? { ok: false, reason } : { ok: false, reason, detail });
  });

  it("accepts a share over capacity once the user confirmed, and keeps the warning on it", () => {
    const r = checkShares(order(350), [{ producerId: "a", quantity: 150 }, { producerId: "b", quantity: 200 }], producers, { confirmOverCapacity: true });
    expect(r.ok && r.value[0]).toEqual({ producerId: "a", quantity: 150, spare: 100, overCapacity: true, excess: 50 });
  });
});

describe("proposeShares properties", () => {
  const arbProducer = fc.record({
    id: fc.uuid(),
    name: fc.string({ minLength: 1, maxLength: 8 }),
    sector: fc.constantFrom("batik_tulis" as const, "batik_cap" as const),
    monthlyCapacity: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    commitments: fc.array(fc.record({
      quantity: fc.integer({ min: 1, max: 4000 }),
      window: fc.tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 60 })).map(([s, len]) => ({
        start: day(s), end: day(s + len),
      })),
    }), { maxLength: 4 }),
  });

  it("shares sum to the order and none exceeds spare capacity unless flagged; checkShares agrees", () => {
    fc.assert(fc.property(
      fc.array(arbProducer, { maxLength: 12 }).map((ps) => ps.map((p, i) => ({ ...p, id: `p${i}` }))),
      fc.integer({ min: 1, max: 20_000 }),
      fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 90 }),
      (producers, quantity, start, len) => {
        const o: ConsortiumOrder = { sector: "batik_tulis", quantity, window: { start: day(start), end: day(start + len) } };
        const candidates = suggestProducers(o, producers);
        const shares = proposeShares(o, candidates);
        if (candidates.length === 0) {
          expect(shares).toEqual([]);
          return;
        }
        expect(shares.reduce((a, s) => a + s.quantity, 0)).toBe(quantity);
        for (const s of shares) {
          expect(s.quantity).toBeGreaterThan(0);
          expect(s.overCapacity).toBe(s.quantity > s.spare);
          expect(s.excess).toBe(Math.max(0, s.quantity - s.spare));
        }
        const anyOver = shares.some((s) => s.overCapacity);
        const checked = checkShares(o, shares, producers, { confirmOverCapacity: false });
        expect(checked.ok ? "ok" : checked.reason).toBe(anyOver ? "over_capacity_unconfirmed" : "ok");
        expect(checkShares(o, shares, producers, { confirmOverCapacity: true }).ok).toBe(true);
      },
    ), { numRuns: 300 });
  });
});

function day(offset: number): string {
  const d = new Date(Date.UTC(2026, 0, 1 + offset));
  return d.toISOString().slice(0, 10);
}
