import { describe, expect, it } from "vitest";
import { eventDaysText, eventLine, KIND_WORDS } from "~/badges/badge-words";

describe("badge words", () => {
  it.each([
    ["2026-11-20", "2026-11-22", "id", "20–22 November 2026"],
    ["2026-11-20", "2026-11-20", "en", "20 November 2026"],
    ["2026-11-30", "2026-12-02", "id", "30 November – 2 Desember 2026"],
    ["2026-12-31", "2027-01-01", "en", "31 December 2026 – 1 January 2027"],
  ] as const)("event days %s..%s in %s read %s", (first, last, locale, expected) => {
    expect(eventDaysText(first, last, locale)).toBe(expected);
  });

  it("the event line joins days, venue and city and skips what is missing", () => {
    expect(eventLine({ firstDay: "2026-11-20", lastDay: "2026-11-22", venueName: "Hotel Sunan", city: "Surakarta" }, "id"))
      .toBe("20–22 November 2026 · Hotel Sunan, Surakarta");
    expect(eventLine({ firstDay: "2026-11-20", lastDay: "2026-11-20", venueName: "", city: "" }, "id")).toBe("20 November 2026");
  });

  it("every kind has its printed word from the issue (PESERTA, PAMERAN, PEMBELI, PANITIA, MEDIA, VIP)", () => {
    expect(Object.values(KIND_WORDS).sort()).toEqual(["MEDIA", "PAMERAN", "PANITIA", "PEMBELI", "PESERTA", "VIP"]);
  });
});
