import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CheckinListSchema, isInstantWithOffset, parseApiBody, parseScan, ScanBatchSchema, ScanSchema } from "~/checkin/checkin.schema";

const scan = { code: "P1X", type: "entry", nonce: "2b6c0001-aa", scannedAt: "2026-12-13T09:02:11+07:00" };

describe("isInstantWithOffset", () => {
  it.each([
    ["2026-12-13T09:02:11+07:00", true],
    ["2026-12-13T09:02:11.123Z", true],
    ["2026-12-13T09:02+0800", true],
    ["2028-02-29T00:00:00+09:00", true],
    ["2026-02-29T09:00:00+07:00", false],
    ["2026-12-13T09:02:11", false],
    ["2026-12-13 09:02:11+07:00", false],
    ["2026-12-13T24:00:00+07:00", false],
    ["2026-13-01T09:00:00+07:00", false],
    ["1999-12-31T23:59:59Z", false],
    ["2026-12-13T09:02:11+15:00", false],
  ])("reads %s as %s", (value, expected) => {
    expect(isInstantWithOffset(value)).toBe(expected);
  });

  it("accepts only instants that luxon (and so decideEntry) can read", () => {
    fc.assert(fc.property(
      fc.integer({ min: 1995, max: 2205 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: -16, max: 16 }),
      (y, mo, d, h, mi, s, off) => {
        const p = (n: number, w = 2) => String(Math.abs(n)).padStart(w, "0");
        const value = `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}${off < 0 ? "-" : "+"}${p(off)}:00`;
        if (isInstantWithOffset(value)) expect(DateTime.fromISO(value, { zone: "Asia/Jakarta" }).isValid).toBe(true);
      }), { numRuns: 5000 });
  });
});

describe("parseApiBody", () => {
  it("names the first bad field of a batch as scans[i].field", () => {
    const { nonce: _n, ...noNonce } = scan;
    expect(parseApiBody(ScanBatchSchema, { scans: [scan, scan, scan, noNonce] })).toEqual({ ok: false, detail: "scans[3].nonce: required" });
    expect(parseApiBody(ScanBatchSchema, {})).toEqual({ ok: false, detail: "scans: required" });
  });

  it("defaults force to false and keeps the scan otherwise as sent", () => {
    expect(parseApiBody(ScanSchema, scan)).toEqual({ ok: true, value: { ...scan, force: false } });
  });
});

describe("parseScan (the single-scan fast path)", () => {
  it.each([
    ["a well-formed scan", scan],
    ["an exit with force", { ...scan, type: "exit", force: true }],
    ["extra fields", { ...scan, extra: 1 }],
    ["no body object", []],
    ["null", null],
    ["a missing code", { ...scan, code: undefined }],
    ["a code that is a number", { ...scan, code: 42 }],
    ["a code of 1001 characters", { ...scan, code: "x".repeat(1001) }],
    ["a code of 1000 characters", { ...scan, code: "x".repeat(1000) }],
    ["a wrong type", { ...scan, type: "enter" }],
    ["a short nonce", { ...scan, nonce: "1" }],
    ["a nonce with a space", { ...scan, nonce: "2b6c0001 aa" }],
    ["a time without offset", { ...scan, scannedAt: "2026-11-20T09:00:00" }],
    ["an impossible day", { ...scan, scannedAt: "2026-02-30T09:00:00+07:00" }],
    ["force as a string", { ...scan, force: "true" }],
    ["force null", { ...scan, force: null }],
  ])("answers %s exactly as parseApiBody(ScanSchema) does", (_name, body) => {
    expect(parseScan(body)).toEqual(parseApiBody(ScanSchema, body));
  });

  it("agrees with the schema on generated scans", () => {
    const field = fc.oneof(fc.string(), fc.constantFrom("entry", "exit", "2b6c0001-aa", "2026-12-13T09:02:11+07:00"), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(fc.property(
      fc.record({ code: field, type: field, nonce: field, scannedAt: field, force: field }, { requiredKeys: [] }),
      (body) => {
        expect(parseScan(body)).toEqual(parseApiBody(ScanSchema, body));
      },
    ), { numRuns: 500 });
  });
});

describe("CheckinListSchema", () => {
  it("defaults to single entry with re-entry after exit, pending refused, every kind and day", () => {
    expect(CheckinListSchema.parse({ name: "Gerbang Utama" })).toEqual({
      name: "Gerbang Utama", allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false,
      kinds: null, days: null, opensAt: null, closesAt: null, maxEntriesPerDay: null, maxEntriesTotal: null,
    });
  });

  it("refuses days that are not real dates", () => {
    expect(CheckinListSchema.safeParse({ name: "X", days: ["2026-02-30"] }).success).toBe(false);
  });
});
