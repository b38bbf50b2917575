import { describe, expect, it } from "vitest";
import { buildSlots, findOverlap, parseBreaks } from "~/meetings/grid";

const iso = (slots: Array<{ startsAt: Date }>) => slots.map((s) => s.startsAt.toISOString().slice(11, 16));
const block = (over: Partial<Parameters<typeof buildSlots>[0]> = {}) =>
  ({ day: "2026-11-20", startTime: "09:00", endTime: "10:00", slotMinutes: 20, breaks: "", ...over });

describe("buildSlots", () => {
  it.each([
    ["Asia/Jakarta", ["02:00", "02:20", "02:40"]],
    ["Asia/Pontianak", ["02:00", "02:20", "02:40"]],
    ["Asia/Makassar", ["01:00", "01:20", "01:40"]],
    ["Asia/Jayapura", ["00:00", "00:20", "00:40"]],
  ])("places 09.00–10.00 local in %s at the right UTC instants", (zone, expected) => {
    const res = buildSlots(block(), zone);
    expect(res.ok && iso(res.value)).toEqual(expected);
  });

  it("skips a break and starts again when it ends", () => {
    const res = buildSlots(block({ endTime: "11:00", slotMinutes: 30, breaks: "10.00-10.30" }), "Asia/Jakarta");
    expect(res.ok && iso(res.value)).toEqual(["02:00", "02:30", "03:30"]);
  });

  it("never lets a slot cross the end time", () => {
    const res = buildSlots(block({ endTime: "09:50" }), "Asia/Jakarta");
    expect(res.ok && res.value.at(-1)!.endsAt.toISOString()).toBe("2026-11-20T02:40:00.000Z");
  });

  it("handles a block late in the evening in WIT (still the same local day)", () => {
    const res = buildSlots(block({ startTime: "22:00", endTime: "23:00", slotMinutes: 30 }), "Asia/Jayapura");
    expect(res.ok && res.value.map((s) => s.startsAt.toISOString())).toEqual(["2026-11-20T13:00:00.000Z", "2026-11-20T13:30:00.000Z"]);
  });

  it.each([
    [{ startTime: "25:00" }, "bad_time"],
    [{ endTime: "08:00" }, "end_before_start"],
    [{ endTime: "09:00" }, "end_before_start"],
    [{ breaks: "12-13" }, "bad_breaks"],
    [{ breaks: "13:00-12:00" }, "bad_breaks"],
    [{ slotMinutes: 90 }, "no_slots"],
    [{ startTime: "00:00", endTime: "23:59", slotMinutes: 5 }, "too_many_slots"],
  ] as const)("refuses %o with %s", (over, reason) => {
    expect(buildSlots(block(over), "Asia/Jakarta")).toEqual({ ok: false, reason });
  });
});

describe("parseBreaks and findOverlap", () => {
  it("reads several breaks with dots or colons", () => {
    expect(parseBreaks("2026-11-20", "12.00-13.00, 15:00-15:15", "Asia/Jakarta")?.map((b) => b.startsAt.toISOString())).toEqual([
      "2026-11-20T05:00:00.000Z", "2026-11-20T08:00:00.000Z",
    ]);
  });

  it("treats back-to-back slots as not overlapping, and a shifted slot as overlapping", () => {
    const existing = buildSlots(block(), "Asia/Jakarta");
    const after = buildSlots(block({ startTime: "10:00", endTime: "11:00" }), "Asia/Jakarta");
    const shifted = buildSlots(block({ startTime: "09:50", endTime: "10:30" }), "Asia/Jakarta");
    if (!existing.ok || !after.ok || !shifted.ok) throw new Error("bad fixture");
    expect(findOverlap(existing.value, after.value)).toBeUndefined();
    expect(findOverlap(existing.value, shifted.value)?.startsAt.toISOString()).toBe("2026-11-20T02:40:00.000Z");
  });
});
