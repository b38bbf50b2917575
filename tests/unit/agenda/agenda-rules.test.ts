import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SESSION_TYPES,
  copyDay,
  findOverlap,
  groupByLocalDay,
  isSessionType,
  timelineLayout,
  validateSessionTimes,
  type AgendaItem,
} from "~/agenda/agenda-rules";

const JKT = "Asia/Jakarta";
const MKS = "Asia/Makassar";
const JAP = "Asia/Jayapura";

/** A session at local wall-clock times in `zone`, e.g. at("2026-11-20 09:00", "10:30"). */
function session(
  id: string,
  roomId: string | null,
  start: string,
  end: string,
  zone = JKT,
): AgendaItem {
  return { id, title: id, roomId, startsAt: local(start, zone), endsAt: local(end, zone) };
}

/** "2026-11-20 09:00" in `zone` → Date, using the offset table (no DST in Indonesia). */
function local(text: string, zone = JKT): Date {
  const offset = { [JKT]: "+07:00", [MKS]: "+08:00", [JAP]: "+09:00" }[zone];
  return new Date(`${text.replace(" ", "T")}:00${offset}`);
}

describe("SESSION_TYPES", () => {
  it("lists the agenda session types in form order", () => {
    expect(SESSION_TYPES).toEqual([
      "opening",
      "talk",
      "training",
      "business_matching",
      "mou_signing",
      "exhibition_hours",
      "other",
    ]);
  });

  it.each([
    ["mou_signing", true],
    ["opening", true],
    ["gong", false],
    ["", false],
  ])("isSessionType(%j) is %s", (value, expected) => {
    expect(isSessionType(value)).toBe(expected);
  });
});

describe("findOverlap", () => {
  const existing = [
    session("opening", "hall", "2026-11-20 09:00", "2026-11-20 10:00"),
    session("mou", "hall", "2026-11-20 10:30", "2026-11-20 11:30"),
    session("training", "r2", "2026-11-20 09:00", "2026-11-20 12:00"),
    session("coffee", null, "2026-11-20 10:00", "2026-11-20 10:30"),
  ];

  it.each([
    ["a session right after another does not clash (half-open)", "hall", "10:00", "10:30", undefined, null],
    ["a session ending when the next starts does not clash", "hall", "08:00", "09:00", undefined, null],
    ["a session inside another clashes", "hall", "09:15", "09:45", undefined, "opening"],
    ["a session covering another clashes", "hall", "08:00", "12:00", undefined, "opening"],
    ["the earliest clashing session is reported", "hall", "09:30", "11:00", undefined, "opening"],
    ["a one-minute overlap clashes", "hall", "11:29", "12:00", undefined, "mou"],
    ["another room never clashes", "r3", "09:00", "12:00", undefined, null],
    ["a session without room never clashes", null, "09:00", "12:00", undefined, null],
    ["sessions without room never block a room", "r9", "10:00", "10:30", undefined, null],
    ["editing a session does not clash with itself", "hall", "09:00", "09:30", "opening", null],
    ["editing a session still clashes with others", "hall", "09:30", "10:45", "opening", "mou"],
    ["a zero-length session clashes with nothing", "hall", "09:30", "09:30", undefined, null],
  ])("%s", (_rule, roomId, from, to, id, expected) => {
    const candidate = {
      id,
      roomId,
      startsAt: local(`2026-11-20 ${from}`),
      endsAt: local(`2026-11-20 ${to}`),
    };
    expect(findOverlap(candidate, existing)?.id ?? null).toBe(expected);
  });

  it("returns null for an empty agenda", () => {
    expect(findOverlap({ roomId: "hall", startsAt: local("2026-11-20 09:00"), endsAt: local("2026-11-20 10:00") }, [])).toBeNull();
  });

  it("agrees with a brute-force minute check", () => {
    const slot = fc.record({ start: fc.integer({ min: 0, max: 200 }), len: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 8 }), slot, (others, c) => {
        const base = Date.UTC(2026, 10, 20);
        const at = (m: number) => new Date(base + m * 60000);
        const items = others.map((o, i) => ({
          id: `s${i}`,
          title: "",
          roomId: "r",
          startsAt: at(o.start),
          endsAt: at(o.start + o.len),
        }));
        const hit = findOverlap({ roomId: "r", startsAt: at(c.start), endsAt: at(c.start + c.len) }, items);
        const expected = others.some((o) => o.start < c.start + c.len && c.start < o.start + o.len);
        expect(hit !== null).toBe(expected);
      }),
    );
  });
});

describe("validateSessionTimes", () => {
  const event = { firstDay: "2026-11-20", lastDay: "2026-11-22", timeZone: JKT };

  it.each([
    ["a session inside the event is fine", "2026-11-20 09:00", "2026-11-20 10:30", null],
    ["a session on the last day is fine", "2026-11-22 20:00", "2026-11-22 22:00", null],
    ["a session may cross midnight into the next event day", "2026-11-20 20:00", "2026-11-21 02:00", null],
    ["a session may end exactly at midnight after the last day", "2026-11-22 22:00", "2026-11-23 00:00", null],
    ["a 24-hour session is allowed", "2026-11-20 08:00", "2026-11-21 08:00", null],
    ["the end must be after the start", "2026-11-20 10:00", "2026-11-20 09:00", "end_before_start"],
    ["a zero-length session is rejected as end_before_start", "2026-11-20 10:00", "2026-11-20 10:00", "end_before_start"],
    ["a session before the first day is outside", "2026-11-19 09:00", "2026-11-19 10:00", "outside_event_days"],
    ["a session after the last day is outside", "2026-11-23 09:00", "2026-11-23 10:00", "outside_event_days"],
    ["a session crossing midnight past the last day is outside", "2026-11-22 22:00", "2026-11-23 00:01", "outside_event_days"],
    ["a session starting the evening before is outside", "2026-11-19 23:00", "2026-11-20 01:00", "outside_event_days"],
    ["a session longer than 24 hours is too long", "2026-11-20 08:00", "2026-11-21 08:01", "too_long"],
  ])("%s", (_rule, start, end, expected) => {
    expect(validateSessionTimes({ startsAt: local(start), endsAt: local(end) }, event)).toBe(expected);
  });

  it.each([
    // 2026-11-19T16:30Z is 23.30 WIB on the 19th but 00.30 WITA / 01.30 WIT on the 20th.
    [JKT, "outside_event_days"],
    [MKS, null],
    [JAP, null],
  ])("judges the day in the event's own zone (%s)", (timeZone, expected) => {
    const startsAt = new Date("2026-11-19T16:30:00Z");
    const endsAt = new Date("2026-11-19T17:30:00Z");
    expect(validateSessionTimes({ startsAt, endsAt }, { ...event, timeZone })).toBe(expected);
  });

  it("throws RangeError for an invalid Date or zone", () => {
    const ok = { startsAt: local("2026-11-20 09:00"), endsAt: local("2026-11-20 10:00") };
    expect(() => validateSessionTimes({ ...ok, startsAt: new Date(Number.NaN) }, event)).toThrow(RangeError);
    expect(() => validateSessionTimes(ok, { ...event, timeZone: "WIB" })).toThrow(RangeError);
  });
});

describe("groupByLocalDay", () => {
  it("groups by the start's local date, days ascending and sessions by start", () => {
    const items = [
      session("d2-talk", "r1", "2026-11-21 13:00", "2026-11-21 14:00"),
      session("d1-gala", "r1", "2026-11-20 20:00", "2026-11-21 01:00"),
      session("d1-opening", "r1", "2026-11-20 09:00", "2026-11-20 10:00"),
      session("d2-early", "r2", "2026-11-21 00:30", "2026-11-21 01:30"),
      session("d1-talk", "r2", "2026-11-20 09:00", "2026-11-20 09:30"),
    ];
    const grouped = groupByLocalDay(items, JKT);
    expect([...grouped.entries()].map(([day, list]) => [day, list.map((s) => s.id)])).toEqual([
      ["2026-11-20", ["d1-talk", "d1-opening", "d1-gala"]],
      ["2026-11-21", ["d2-early", "d2-talk"]],
    ]);
  });

  it.each([
    [JKT, ["2026-11-20"]],
    [MKS, ["2026-11-21"]],
    [JAP, ["2026-11-21"]],
  ])("puts a 23.30 WIB session on the zone's own day (%s)", (zone, days) => {
    const s = { id: "x", startsAt: new Date("2026-11-20T16:30:00Z"), endsAt: new Date("2026-11-20T17:30:00Z") };
    expect([...groupByLocalDay([s], zone).keys()]).toEqual(days);
  });

  it("returns an empty map for no sessions", () => {
    expect(groupByLocalDay([], JKT).size).toBe(0);
  });
});

describe("copyDay", () => {
  const iso = (rows: ReturnType<typeof copyDay>) =>
    rows.map((r) => [r.sourceId, r.startsAt.toISOString(), r.endsAt.toISOString()]);

  it.each([
    [JKT, "2026-11-21T02:00:00.000Z", "2026-11-21T03:30:00.000Z"],
    [MKS, "2026-11-21T01:00:00.000Z", "2026-11-21T02:30:00.000Z"],
    [JAP, "2026-11-21T00:00:00.000Z", "2026-11-21T01:30:00.000Z"],
  ])("keeps 09.00–10.30 local on the target day in %s", (zone, start, end) => {
    const items = [session("talk", "r1", "2026-11-20 09:00", "2026-11-20 10:30", zone)];
    expect(iso(copyDay(items, "2026-11-20", "2026-11-21", zone))).toEqual([["talk", start, end]]);
  });

  it("copies only sessions starting on the source day, sorted, and keeps midnight-crossing ends", () => {
    const items = [
      session("gala", "hall", "2026-11-20 20:00", "2026-11-21 01:00"),
      session("other-day", "hall", "2026-11-21 09:00", "2026-11-21 10:00"),
      session("opening", "hall", "2026-11-20 09:00", "2026-11-20 10:00"),
      session("late-eve", "hall", "2026-11-19 23:00", "2026-11-20 00:30"),
    ];
    expect(iso(copyDay(items, "2026-11-20", "2026-11-25", JKT))).toEqual([
      ["opening", "2026-11-25T02:00:00.000Z", "2026-11-25T03:00:00.000Z"],
      ["gala", "2026-11-25T13:00:00.000Z", "2026-11-25T18:00:00.000Z"],
    ]);
  });

  it("copies backwards across a month boundary", () => {
    const items = [session("talk", null, "2026-12-01 14:00", "2026-12-01 15:00")];
    expect(iso(copyDay(items, "2026-12-01", "2026-11-30", JKT))).toEqual([
      ["talk", "2026-11-30T07:00:00.000Z", "2026-11-30T08:00:00.000Z"],
    ]);
  });

  it("returns nothing when the source day is empty", () => {
    expect(copyDay([], "2026-11-20", "2026-11-21", JKT)).toEqual([]);
  });

  it.each([
    ["2026-02-30", "2026-03-01"],
    ["2026-11-20", "21-11-2026"],
  ])("throws RangeError for an invalid day (%s → %s)", (from, to) => {
    expect(() => copyDay([], from, to, JKT)).toThrow(RangeError);
  });
});

describe("timelineLayout", () => {
  // Window 07.00–22.00 WIB = 15 hours; 1 hour = 6.67 %.
  const dayStart = local("2026-11-20 07:00");
  const dayEnd = local("2026-11-20 22:00");
  const pick = (boxes: ReturnType<typeof timelineLayout>) =>
    boxes.map((b) => `${b.id} top=${b.topPct} h=${b.heightPct} lane=${b.lane}/${b.lanes}`);

  it("stacks non-overlapping sessions in one lane", () => {
    const items = [
      session("opening", "hall", "2026-11-20 08:00", "2026-11-20 09:00"),
      session("talk", "hall", "2026-11-20 09:00", "2026-11-20 10:30"),
    ];
    expect(pick(timelineLayout(items, dayStart, dayEnd))).toEqual([
      "opening top=6.67 h=6.66 lane=0/1",
      "talk top=13.33 h=10 lane=0/1",
    ]);
  });

  it("puts overlapping sessions in different rooms side by side", () => {
    const items = [
      session("matching", "r2", "2026-11-20 09:30", "2026-11-20 12:00"),
      session("opening", "hall", "2026-11-20 09:00", "2026-11-20 10:00"),
      session("mou", "hall", "2026-11-20 10:00", "2026-11-20 11:00"),
      session("lunch", null, "2026-11-20 12:00", "2026-11-20 13:00"),
    ];
    expect(pick(timelineLayout(items, dayStart, dayEnd))).toEqual([
      "opening top=13.33 h=6.67 lane=0/2",
      "matching top=16.67 h=16.66 lane=1/2",
      "mou top=20 h=6.67 lane=0/2",
      "lunch top=33.33 h=6.67 lane=0/1",
    ]);
  });

  it("keeps a same-room clash visible in its own lane", () => {
    const items = [
      session("a", "hall", "2026-11-20 09:00", "2026-11-20 10:00"),
      session("b", "hall", "2026-11-20 09:00", "2026-11-20 10:00"),
      session("c", "hall", "2026-11-20 09:30", "2026-11-20 10:30"),
    ];
    expect(timelineLayout(items, dayStart, dayEnd).map((b) => [b.id, b.lane, b.lanes])).toEqual([
      ["a", 0, 3],
      ["b", 1, 3],
      ["c", 2, 3],
    ]);
  });

  it("clips sessions to the window and leaves out those entirely outside it", () => {
    const items = [
      session("early", "r1", "2026-11-20 06:00", "2026-11-20 08:00"),
      session("before", "r1", "2026-11-20 05:00", "2026-11-20 07:00"),
      session("gala", "r1", "2026-11-20 21:00", "2026-11-21 01:00"),
      session("after", "r1", "2026-11-20 22:00", "2026-11-20 23:00"),
    ];
    expect(pick(timelineLayout(items, dayStart, dayEnd))).toEqual([
      "early top=0 h=6.67 lane=0/1",
      "gala top=93.33 h=6.67 lane=0/1",
    ]);
  });

  it("never gives two overlapping sessions the same lane and stays within 0–100 %", () => {
    const slot = fc.record({ start: fc.integer({ min: -60, max: 960 }), len: fc.integer({ min: 1, max: 240 }) });
    fc.assert(
      fc.property(fc.array(slot, { maxLength: 12 }), (slots) => {
        const at = (m: number) => new Date(dayStart.getTime() + m * 60000);
        const items = slots.map((s, i) => ({ id: `s${i}`, startsAt: at(s.start), endsAt: at(s.start + s.len) }));
        const boxes = timelineLayout(items, dayStart, dayEnd);
        const byId = new Map(items.map((i) => [i.id, i]));
        for (const b of boxes) {
          expect(b.topPct).toBeGreaterThanOrEqual(0);
          expect(b.topPct + b.heightPct).toBeLessThanOrEqual(100.001);
          expect(b.lane).toBeLessThan(b.lanes);
        }
        for (const a of boxes) {
          for (const b of boxes) {
            const x = byId.get(a.id)!;
            const y = byId.get(b.id)!;
            if (a !== b && x.startsAt < y.endsAt && y.startsAt < x.endsAt) expect(a.lane).not.toBe(b.lane);
          }
        }
      }),
    );
  });

  it("throws RangeError when the window is empty", () => {
    expect(() => timelineLayout([], dayEnd, dayStart)).toThrow(RangeError);
  });
});
