import { describe, expect, it } from "vitest";
import { listFormSchema, toListInput } from "~/checkin/gate-forms.schema";

const DAYS = ["2026-11-20", "2026-11-21", "2026-11-22"];
const parse = (v: Record<string, unknown>) => listFormSchema(DAYS).parse({ intent: "save-list", name: "Gerbang Utama", ...v });

describe("check-in list form → list rules", () => {
  it.each([
    ["Asia/Jakarta", "2026-11-20T01:00:00.000Z", "2026-11-20T10:30:00.000Z"],
    ["Asia/Makassar", "2026-11-20T00:00:00.000Z", "2026-11-20T09:30:00.000Z"],
    ["Asia/Jayapura", "2026-11-19T23:00:00.000Z", "2026-11-20T08:30:00.000Z"],
  ])("reads the opening window as local time in the event's zone (%s)", (zone, opensAt, closesAt) => {
    const input = toListInput(parse({ opensDay: "2026-11-20", opensTime: "08.00", closesDay: "2026-11-20", closesTime: "17:30" }), zone)!;
    expect({ opensAt: input.opensAt, closesAt: input.closesAt }).toEqual({ opensAt, closesAt });
  });

  it("treats no kind and no day ticked as every kind and every day, and empty limits as none", () => {
    expect(toListInput(parse({}), "Asia/Jakarta")).toEqual({
      name: "Gerbang Utama", kinds: null, days: null, opensAt: null, closesAt: null,
      allowMultipleEntries: false, allowEntryAfterExit: false, includePending: false, maxEntriesPerDay: null, maxEntriesTotal: null,
    });
  });

  it("keeps ticked kinds, days, flags and limits", () => {
    const input = toListInput(parse({ kinds: ["buyer"], days: ["2026-11-21"], allowMultipleEntries: true, includePending: true, maxEntriesTotal: 3 }), "Asia/Jakarta")!;
    expect(input).toMatchObject({ kinds: ["buyer"], days: ["2026-11-21"], allowMultipleEntries: true, includePending: true, maxEntriesTotal: 3 });
  });

  it.each([
    [{ closesDay: "2026-11-20" }, "closesTime", "gate.v.time_needed"],
    [{ opensTime: "08:00" }, "opensDay", "gate.v.day_needed"],
    [{ opensDay: "2026-11-20", opensTime: "10:00", closesDay: "2026-11-20", closesTime: "10:00" }, "closesTime", "gate.v.window_order"],
    [{ days: ["2026-11-23"] }, "days.0", "gate.v.not_event_day"],
  ])("names the field of a bad window or day (%o)", (fields, path, message) => {
    const res = listFormSchema(DAYS).safeParse({ intent: "save-list", name: "X", ...fields });
    expect(res.success).toBe(false);
    expect(res.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([path, message]);
  });
});
