import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactHistory } from "~/checkin/compact-history";
import { decideEntry, type EntryInput } from "~/checkin/decide-entry";

type Row = EntryInput["history"][number];
const list: EntryInput["list"] = {
  allowMultipleEntries: false, allowEntryAfterExit: true, includePending: false, kinds: null, days: null,
  opensAt: null, closesAt: null, maxEntriesPerDay: null, maxEntriesTotal: null,
};
const at = (minutes: number, offset: "Z" | "+07:00" | "+09:00") => {
  const d = new Date(Date.UTC(2026, 11, 12, 17, 0) + minutes * 60_000);
  if (offset === "Z") return d.toISOString();
  const hours = offset === "+07:00" ? 7 : 9;
  return new Date(d.getTime() + hours * 3600_000).toISOString().replace("Z", offset);
};
const row = (type: Row["type"], minutes: number, successful = true): Row => ({ type, at: at(minutes, "Z"), nonce: `n${minutes}${type}`, successful });

describe("compactHistory", () => {
  it("keeps an entry and the last row when the list has no entry limits", () => {
    const h = [row("entry", 0), row("exit", 60), row("entry", 120), row("entry", 130, false), row("exit", 180)];
    expect(compactHistory(h, list)).toEqual([h[2], h[4]]);
  });

  it("keeps every successful entry and the last row when entries are limited", () => {
    const h = [row("entry", 0), row("exit", 60), row("entry", 120), row("exit", 180), row("exit", 200)];
    expect(compactHistory(h, { ...list, maxEntriesPerDay: 2 })).toEqual([h[0], h[2], h[4]]);
  });

  it("leaves a history with instants without an offset whole (decideEntry reads them in the event zone)", () => {
    const h = [row("entry", 0), row("exit", 60), { ...row("entry", 120), at: "2026-12-13T09:00:00" }];
    expect(compactHistory(h, list)).toEqual(h);
  });

  it("gives decideEntry the same decision as the full history, for any history, list and scan", () => {
    const arbRow = fc.record({
      type: fc.constantFrom<"entry" | "exit">("entry", "exit"),
      minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
      successful: fc.boolean(),
      forced: fc.boolean(),
      offset: fc.constantFrom<"Z" | "+07:00" | "+09:00">("Z", "+07:00", "+09:00"),
    });
    const arbList = fc.record({
      allowMultipleEntries: fc.boolean(),
      allowEntryAfterExit: fc.boolean(),
      maxEntriesPerDay: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      maxEntriesTotal: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    });
    fc.assert(fc.property(fc.array(arbRow, { maxLength: 12 }), arbList, arbRow, fc.boolean(), (rows, rules, scan, force) => {
      const history: Row[] = rows.map((r, i) => ({
        type: r.type, at: at(r.minutes, r.offset), nonce: `h${i}`, successful: r.successful,
        ...(r.successful ? { forced: r.forced } : { reason: "already_inside" as const }),
      }));
      const input: EntryInput = {
        timeZone: "Asia/Jakarta", list: { ...list, ...rules },
        badge: { kind: "visitor", status: "valid", validFrom: null, validUntil: null },
        history, scan: { type: scan.type, at: at(scan.minutes, scan.offset), nonce: "scan", force },
      };
      expect(decideEntry({ ...input, history: compactHistory(history, input.list) })).toEqual(decideEntry(input));
    }), { numRuns: 2000 });
  });
});
