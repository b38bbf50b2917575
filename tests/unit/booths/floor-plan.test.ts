import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  annotateHall, boothStatus, checkCodePattern, cleanQuery, eventShortCode, findOverlap, hallExtent, invoiceNumber, isJavaProvince, planBulk,
  priorityPoints, regionKey, selectionState, shareFromPercent, sizeFits,
} from "~/booths/floor-plan";
import { type BoothRect, generateGrid, isCorner } from "~/booths/geometry";

const grid = (o: Partial<Parameters<typeof generateGrid>[0]> = {}) => ({ rows: 2, cols: 3, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}", ...o });
const r = (code: string, x: number, y: number, w = 3, h = 3): BoothRect => ({ code, x, y, w, h });

describe("planBulk", () => {
  it("lays out rows × columns with the code pattern when nothing is in the way", () => {
    const res = planBulk(grid(), [], []);
    expect(res.ok && res.value.map((b) => b.code)).toEqual(["A-01", "A-02", "A-03", "A-04", "A-05", "A-06"]);
  });

  it.each([
    ["more than 500 booths at once", grid({ rows: 30, cols: 20 }), [], [], "too_many", "600"],
    ["a booth past the 1,000-cell edge of the plan", grid({ startX: 995 }), [], [], "out_of_bounds", "A-02"],
    ["a code longer than 20 characters", grid({ codePattern: "PAVILIUN-NUSANTARA-{nn}" }), [], [], "code_too_long", "PAVILIUN-NUSANTARA-01"],
    ["a code already used in the event, in any case", grid(), [], ["a-04"], "code_taken", "A-04"],
    ["a booth on top of one already in the hall, naming that booth", grid({ startX: 6 }), [r("X-1", 10, 4, 2, 2)], [], "overlap", "X-1"],
  ] as const)("refuses %s", (_name, options, hall, codes, reason, detail) => {
    expect(planBulk(options, [...hall], [...codes])).toEqual({ ok: false, reason, detail });
  });

  it("allows booths that only touch an existing booth (a shared edge is not an overlap)", () => {
    expect(planBulk(grid({ startX: 3 }), [r("X-1", 0, 0)], []).ok).toBe(true);
  });
});

describe("findOverlap", () => {
  it("ignores the booth itself when moving it", () => {
    const hall = [{ ...r("A", 0, 0), id: "a" }, { ...r("B", 3, 0), id: "b" }];
    expect(findOverlap(r("A", 1, 0), hall, "a")?.code).toBe("B");
    expect(findOverlap(r("A", 0, 1), hall, "a")).toBeUndefined();
  });
});

describe("checkCodePattern", () => {
  it.each([
    ["A-{nn}", "ok"], ["{row}{n}", "ok"], ["H2-{row}-{nnn}", "ok"], ["A-", "no_counter"], ["{row}", "no_counter"],
    ["A-{x}{n}", "unknown_placeholder"], ["A-{N}", "unknown_placeholder"], ["A-{n", "unknown_placeholder"],
  ])("%s is %s", (pattern, expected) => {
    expect(checkCodePattern(pattern)).toBe(expected);
  });
});

describe("hallExtent", () => {
  it("covers every booth plus one free cell, and is at least 12 × 8", () => {
    expect(hallExtent([])).toEqual({ width: 12, height: 8 });
    expect(hallExtent([r("A", 20, 4, 3, 6)])).toEqual({ width: 24, height: 11 });
  });
});

describe("annotateHall", () => {
  it("derives neighbours and corners: row ends are corners, the middle of a single row is not", () => {
    const booths = annotateHall(generateGrid(grid({ rows: 1 })));
    expect(booths.map((b) => [b.code, b.corner, b.adjacent])).toEqual([
      ["A-01", true, ["A-02"]], ["A-02", false, ["A-01", "A-03"]], ["A-03", true, ["A-02"]],
    ]);
  });

  it("gives the same corners as geometry.isCorner over the whole hall (checking neighbours only is enough)", () => {
    const rect = fc.record({ x: fc.integer({ min: 0, max: 12 }), y: fc.integer({ min: 0, max: 12 }), w: fc.integer({ min: 1, max: 4 }), h: fc.integer({ min: 1, max: 4 }) });
    fc.assert(fc.property(fc.array(rect, { maxLength: 25 }), (raw) => {
      const booths: BoothRect[] = [];
      for (const [i, b] of raw.entries()) {
        const candidate = { code: `B${i}`, ...b };
        if (!booths.some((o) => findOverlap(candidate, [o]))) booths.push(candidate);
      }
      const annotated = annotateHall(booths);
      return annotated.every((b, i) => b.corner === isCorner(booths[i]!, booths));
    }), { numRuns: 300 });
  });
});

describe("statuses and the selection window", () => {
  it.each([[null, "available"], ["held", "held"], ["confirmed", "assigned"]] as const)("a booth with assignment %s is %s", (a, s) => {
    expect(boothStatus(a)).toBe(s);
  });

  const window = { opensAt: "2026-11-01T02:00:00Z", closesAt: "2026-11-08T10:00:00Z" };
  it.each([
    ["no window set", null, "2026-11-02T00:00:00Z", "not_set"],
    ["only an opening time", { opensAt: window.opensAt, closesAt: null }, "2026-11-02T00:00:00Z", "not_set"],
    ["a second before it opens", window, "2026-11-01T01:59:59Z", "not_open"],
    ["the moment it opens", window, "2026-11-01T02:00:00Z", "open"],
    ["a millisecond before it closes", window, "2026-11-08T09:59:59.999Z", "open"],
    ["the moment it closes", window, "2026-11-08T10:00:00Z", "closed"],
  ] as const)("%s is %s", (_name, w, now, state) => {
    expect(selectionState(w, new Date(now))).toBe(state);
  });

  it.each([
    [9, 9, "self", true], [9, 18, "self", false], [9, 18, "manual", false], [null, 18, "manual", true], [null, 9, "self", false], [null, 9, "auto", false],
  ] as const)("an exhibitor of %s m² fits a %s m² booth by %s: %s", (exhibitor, booth, method, fits) => {
    expect(sizeFits(exhibitor, booth, method)).toBe(fits);
  });
});

describe("invoice numbers", () => {
  it.each([
    ["temu-bisnis-batik-tenun-kediri-surakarta", "TBBTKS"], ["pameran-batik-nusantara", "PBN"], ["inacraft", "INAC"],
    ["expo-2026", "E2"], ["x", "XX"], ["---", "EVT"],
  ])("the short code of %s is %s", (slug, short) => {
    expect(eventShortCode(slug)).toBe(short);
  });

  it("pads the sequence to four digits and keeps counting past 9999", () => {
    expect(invoiceNumber("PBN", 7)).toBe("INV-PBN-0007");
    expect(invoiceNumber("PBN", 12345)).toBe("INV-PBN-12345");
  });
});

describe("priority points and regions", () => {
  it.each([
    [{ curationScore: undefined, historyYears: 0 }, 10],
    [{ curationScore: 80, historyYears: 3 }, 105],
    [{ curationScore: 62.5, historyYears: 0 }, 73],
    [{ curationScore: 100, historyYears: 25 }, 160],
    [{ curationScore: -5, historyYears: -2 }, 10],
  ])("%o gives %i points", (input, points) => {
    expect(priorityPoints(input)).toBe(points);
  });

  it.each([
    ["Jawa Tengah", true], ["DKI Jakarta", true], ["Provinsi Banten", true], ["DI  Yogyakarta", true], ["jawa timur", true],
    ["Kalimantan Barat", false], ["Bali", false], ["Papua Pegunungan", false], ["Nusa Tenggara Timur", false],
  ])("%s is on Java: %s", (province, java) => {
    expect(isJavaProvince(province)).toBe(java);
  });

  it("compares provinces however they were typed", () => {
    expect(regionKey("  Provinsi  Kalimantan   Barat ")).toBe(regionKey("kalimantan barat"));
  });

  it("turns a percent into the contract's share without float noise", () => {
    expect(shareFromPercent(30)).toBe(0.3);
    expect(shareFromPercent(7)).toBe(0.07);
    expect(shareFromPercent(100)).toBe(1);
  });
});

describe("cleanQuery", () => {
  it("drops control characters (NUL), trims and cuts", () => {
    expect(cleanQuery(" batik\u0000 tulis\n", 40)).toBe("batik tulis");
    expect(cleanQuery("x".repeat(100), 20)).toHaveLength(20);
    expect(cleanQuery(null, 20)).toBe("");
  });
});
