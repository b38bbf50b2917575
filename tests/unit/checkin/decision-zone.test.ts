import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideEntry, type EntryInput } from "~/checkin/decide-entry";
import { decisionZone } from "~/checkin/decision-zone";

const NOW = new Date("2026-12-13T02:00:00Z");

describe("decisionZone", () => {
  it.each([
    ["Asia/Jakarta", "UTC+7"],
    ["Asia/Pontianak", "UTC+7"],
    ["Asia/Makassar", "UTC+8"],
    ["Asia/Jayapura", "UTC+9"],
    ["Asia/Kolkata", "UTC+5:30"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["America/Sao_Paulo", "UTC-3"],
    ["Not/AZone", "Not/AZone"],
  ])("gives %s as %s", (zone, expected) => {
    expect(decisionZone(zone, NOW)).toBe(expected);
  });

  it("gives decideEntry the same decision as the IANA zone in WIB, WITA and WIT", () => {
    const list: EntryInput["list"] = {
      allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false, kinds: null, days: null,
      opensAt: null, closesAt: null, maxEntriesPerDay: null, maxEntriesTotal: null,
    };
    const instant = (minutes: number) => new Date(Date.UTC(2026, 11, 12, 12) + minutes * 60_000).toISOString();
    fc.assert(fc.property(
      fc.constantFrom("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"),
      fc.array(fc.record({ type: fc.constantFrom<"entry" | "exit">("entry", "exit"), minutes: fc.integer({ min: 0, max: 4000 }) }), { maxLength: 6 }),
      fc.integer({ min: 0, max: 4000 }),
      fc.option(fc.integer({ min: 1, max: 2 }), { nil: null }),
      fc.subarray(["2026-12-12", "2026-12-13", "2026-12-14", "2026-12-15"]),
      (zone, rows, scanAt, perDay, days) => {
        const input: EntryInput = {
          timeZone: zone, list: { ...list, maxEntriesPerDay: perDay, days: days.length ? days : null, opensAt: instant(60), closesAt: instant(3900) },
          badge: { kind: "visitor", status: "valid", validFrom: instant(30), validUntil: instant(3800) },
          history: rows.map((r, i) => ({ type: r.type, at: instant(r.minutes), nonce: `h${i}`, successful: true })),
          scan: { type: "entry", at: instant(scanAt), nonce: "scan" },
        };
        expect(decideEntry({ ...input, timeZone: decisionZone(zone, NOW) })).toEqual(decideEntry(input));
      }), { numRuns: 2000 });
  });
});
