import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_PROD_ID, buildIcs, type BuildIcsInput, type IcsItem } from "~/agenda/ics";

// ical.js is an independent parser (devDependency only): the output must survive a round trip.

const DTSTAMP = new Date("2026-11-01T08:00:00Z");
const ORGANIZER = { name: "Panitia Temu Bisnis", email: "no-reply@pendopo.example" };

function meeting(overrides: Partial<IcsItem> = {}): IcsItem {
  return {
    uid: "meeting-7f1c2a9e-5b7d-4c1e-9a43-1d2f6b8e0c11@pendopo.example",
    title: "Temu bisnis: Batik Kediri × Hotel Solo",
    startsAt: new Date("2026-11-20T02:00:00Z"),
    endsAt: new Date("2026-11-20T02:30:00Z"),
    organizer: ORGANIZER,
    attendees: [
      { name: "Sri Rahayu", email: "sri@batik-kediri.example" },
      { email: "buyer@hotel-solo.example" },
    ],
    ...overrides,
  };
}

function build(overrides: Partial<BuildIcsInput> = {}): string {
  return buildIcs({
    name: "Temu Bisnis Kediri–Surakarta",
    timeZone: "Asia/Jakarta",
    method: "REQUEST",
    items: [meeting()],
    dtstamp: DTSTAMP,
    ...overrides,
  });
}

/** Logical content lines (folding undone), without the final empty string. */
function lines(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, "").split("\r\n").slice(0, -1);
}

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
  const vevents = cal.getAllSubcomponents("vevent");
  return { cal, vevents, events: vevents.map((v) => new ICAL.Event(v)) };
}

afterEach(() => {
  ICAL.TimezoneService.reset();
});

describe("buildIcs: time zones", () => {
  it.each([
    ["Asia/Jakarta", "WIB", "+07:00", "20261120T090000", "20261120T093000"],
    ["Asia/Pontianak", "WIB", "+07:00", "20261120T090000", "20261120T093000"],
    ["Asia/Makassar", "WITA", "+08:00", "20261120T100000", "20261120T103000"],
    ["Asia/Jayapura", "WIT", "+09:00", "20261120T110000", "20261120T113000"],
  ])("writes DTSTART with TZID=%s and a VTIMEZONE named %s (%s)", (zone, tzname, offset, start, end) => {
    const text = build({ timeZone: zone });
    expect(lines(text)).toContain(`DTSTART;TZID=${zone}:${start}`);
    expect(lines(text)).toContain(`DTEND;TZID=${zone}:${end}`);

    const { cal, vevents, events } = parse(text);
    const vtz = cal.getAllSubcomponents("vtimezone");
    expect(vtz).toHaveLength(1);
    expect(vtz[0].getFirstPropertyValue("tzid")).toBe(zone);
    const standard = vtz[0].getFirstSubcomponent("standard")!;
    expect(standard.getFirstPropertyValue("tzname")).toBe(tzname);
    expect(String(standard.getFirstPropertyValue("tzoffsetto"))).toBe(offset);
    expect(vevents[0].getFirstProperty("dtstart")!.getParameter("tzid")).toBe(zone);
    // Resolved through the VTIMEZONE, the local time is the original instant.
    expect(events[0].startDate.toUnixTime()).toBe(Date.parse("2026-11-20T02:00:00Z") / 1000);
    expect(events[0].endDate.toUnixTime()).toBe(Date.parse("2026-11-20T02:30:00Z") / 1000);
  });

  it("keeps a session crossing local midnight on the right dates", () => {
    const item = meeting({ startsAt: new Date("2026-11-20T16:00:00Z"), endsAt: new Date("2026-11-20T18:00:00Z") });
    const text = build({ timeZone: "Asia/Makassar", items: [item] });
    expect(lines(text)).toContain("DTSTART;TZID=Asia/Makassar:20261121T000000");
    expect(lines(text)).toContain("DTEND;TZID=Asia/Makassar:20261121T020000");
  });

  it("writes DTSTAMP in UTC with Z and no calendar-level zone lines", () => {
    const text = build({ timeZone: "Asia/Makassar" });
    expect(lines(text)).toContain("DTSTAMP:20261101T080000Z");
    expect(text).not.toMatch(/TIMEZONE-ID|X-WR-TIMEZONE/);
    const stamp = parse(text).vevents[0].getFirstPropertyValue("dtstamp") as ICAL.Time;
    expect(stamp.zone?.tzid).toBe("UTC");
  });

  it("does not depend on the server's time zone", () => {
    const inUtc = build({ timeZone: "Asia/Jayapura" });
    const saved = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(new Date("2026-11-20T02:00:00Z").getTimezoneOffset()).not.toBe(0);
      expect(build({ timeZone: "Asia/Jayapura" })).toBe(inUtc);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it.each([
    ["UTC", "a UTC event"],
    ["America/Ciudad_Juarez", "a zone newer than the bundled VTIMEZONE data"],
  ])("falls back to UTC times for %s (%s)", (zone) => {
    const text = build({ timeZone: zone });
    expect(lines(text)).toContain("DTSTART:20261120T020000Z");
    expect(text).not.toContain("BEGIN:VTIMEZONE");
    expect(text).not.toContain("TZID=");
  });

  it("emits one VTIMEZONE for many sessions", () => {
    const items = [1, 2, 3].map((n) =>
      meeting({
        uid: `session-${n}@pendopo.example`,
        startsAt: new Date(Date.UTC(2026, 10, 20, n)),
        endsAt: new Date(Date.UTC(2026, 10, 20, n, 45)),
      }),
    );
    const { cal, events } = parse(build({ method: "PUBLISH", items }));
    expect(cal.getAllSubcomponents("vtimezone")).toHaveLength(1);
    expect(events.map((e) => e.uid)).toEqual(["session-1@pendopo.example", "session-2@pendopo.example", "session-3@pendopo.example"]);
  });
});

describe("buildIcs: identity, method and status", () => {
  it("keeps the UID across updates and raises SEQUENCE", () => {
    const first = parse(build({ items: [meeting()] })).events[0];
    const moved = parse(
      build({
        items: [meeting({ sequence: 1, startsAt: new Date("2026-11-21T02:00:00Z"), endsAt: new Date("2026-11-21T03:00:00Z") })],
      }),
    ).events[0];
    expect(moved.uid).toBe(first.uid);
    expect(first.uid).toBe("meeting-7f1c2a9e-5b7d-4c1e-9a43-1d2f6b8e0c11@pendopo.example");
    expect([first.sequence, moved.sequence]).toEqual([0, 1]);
  });

  it.each([
    ["PUBLISH", "METHOD:PUBLISH"],
    ["REQUEST", "METHOD:REQUEST"],
    ["CANCEL", "METHOD:CANCEL"],
  ] as const)("writes METHOD for %s", (method, line) => {
    const text = build({ method });
    expect(lines(text)).toContain(line);
    expect(parse(text).cal.getFirstPropertyValue("method")).toBe(method);
  });

  it("writes no METHOD when none is given (a plain agenda download)", () => {
    expect(build({ method: undefined })).not.toContain("METHOD:");
  });

  it.each([
    ["CANCEL", undefined, "CANCELLED"],
    ["CANCEL", "CONFIRMED", "CANCELLED"],
    ["REQUEST", "CONFIRMED", "CONFIRMED"],
    ["PUBLISH", "CANCELLED", "CANCELLED"],
    ["REQUEST", undefined, null],
  ] as const)("METHOD:%s with item status %s gives STATUS %s", (method, status, expected) => {
    const { vevents } = parse(build({ method, items: [meeting({ status, sequence: 2 })] }));
    expect(vevents[0].getFirstPropertyValue("status")).toBe(expected);
  });

  it("is deterministic: same input, same bytes", () => {
    expect(build()).toBe(build());
  });

  it.each([
    [undefined, `PRODID:${DEFAULT_PROD_ID}`],
    ["-//Kadin Surakarta//Expo//ID", "PRODID:-//Kadin Surakarta//Expo//ID"],
    ["//Kadin Surakarta//Expo//ID", "PRODID:-//Kadin Surakarta//Expo//ID"],
  ])("writes PRODID for %j", (prodId, line) => {
    expect(lines(build({ prodId }))).toContain(line);
  });
});

describe("buildIcs: people", () => {
  it("invites attendees with RSVP and NEEDS-ACTION on REQUEST, from a separate organizer", () => {
    const { vevents } = parse(build({ method: "REQUEST" }));
    const organizer = vevents[0].getFirstProperty("organizer")!;
    expect(organizer.getFirstValue()).toBe("mailto:no-reply@pendopo.example");
    expect(organizer.getParameter("cn")).toBe("Panitia Temu Bisnis");
    const attendees = vevents[0].getAllProperties("attendee");
    expect(
      attendees.map((a) => [a.getFirstValue(), a.getParameter("cn") ?? null, a.getParameter("rsvp"), a.getParameter("partstat")]),
    ).toEqual([
      ["MAILTO:sri@batik-kediri.example", "Sri Rahayu", "TRUE", "NEEDS-ACTION"],
      ["MAILTO:buyer@hotel-solo.example", null, "TRUE", "NEEDS-ACTION"],
    ]);
  });

  it("asks for no reply when publishing or cancelling", () => {
    for (const method of ["PUBLISH", "CANCEL"] as const) {
      const { vevents } = parse(build({ method }));
      for (const a of vevents[0].getAllProperties("attendee")) {
        expect(a.getParameter("rsvp")).toBeUndefined();
        expect(a.getParameter("partstat")).toBeUndefined();
      }
    }
  });

  it("keeps commas in names and replaces double quotes, which a parameter cannot hold", () => {
    const item = meeting({
      organizer: { name: 'Kadin "Solo", Surakarta', email: "no-reply@pendopo.example" },
      attendees: [{ name: "Budi Santoso, S.E.", email: "budi@example.com" }],
    });
    const { vevents } = parse(build({ items: [item] }));
    expect(vevents[0].getFirstProperty("organizer")!.getParameter("cn")).toBe("Kadin 'Solo', Surakarta");
    expect(vevents[0].getFirstProperty("attendee")!.getParameter("cn")).toBe("Budi Santoso, S.E.");
  });
});

describe("buildIcs: text, folding and line endings", () => {
  const title = "Penandatanganan MoU, Kadin Kediri; Kadin Surakarta\nSesi 2";
  const description =
    "Penandatanganan nota kesepahaman (MoU) antara Kadin Kota Kediri dan Kadin Kota Surakarta, " +
    "disaksikan Wali Kota; dilanjutkan temu bisnis UMKM batik tulis, batik cap, dan tenun ikat.\n" +
    "Lokasi: Ruang Sekar Jagad – lantai 2. Harga stan Rp 1.500.000; kurasi oleh Rumah Kurasi Kediri. " +
    "Kuliner: soto, nasi liwet, serabi Notosuman ☕🍵, kopi Gayo café.";
  const location = "Hotel Alila, Jl. Slamet Riyadi No. 562, Surakarta";
  const text = build({ items: [meeting({ title, description, location })], name: "Pameran Batik, Tenun; Songket" });

  it("escapes commas, semicolons and newlines in text values", () => {
    expect(lines(text)).toContain("SUMMARY:Penandatanganan MoU\\, Kadin Kediri\\; Kadin Surakarta\\nSesi 2");
    expect(lines(text)).toContain("LOCATION:Hotel Alila\\, Jl. Slamet Riyadi No. 562\\, Surakarta");
    expect(lines(text)).toContain("NAME:Pameran Batik\\, Tenun\\; Songket");
  });

  it("round-trips title, description, location and calendar name exactly", () => {
    const { cal, events } = parse(text);
    expect(events[0].summary).toBe(title);
    expect(events[0].description).toBe(description);
    expect(events[0].location).toBe(location);
    // ical.js 2.2 does not know NAME (RFC 7986) or X-WR-CALNAME and hands back the raw TEXT.
    const unescape = (v: unknown) => String(v).replace(/\\([\\;,nN])/g, (_m, c: string) => (c === "n" || c === "N" ? "\n" : c));
    expect(unescape(cal.getFirstPropertyValue("name"))).toBe("Pameran Batik, Tenun; Songket");
    expect(unescape(cal.getFirstPropertyValue("x-wr-calname"))).toBe("Pameran Batik, Tenun; Songket");
  });

  it("folds lines at 75 octets without splitting a character", () => {
    const physical = text.split("\r\n");
    expect(physical.some((l) => l.startsWith(" "))).toBe(true);
    for (const line of physical) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it("uses CRLF for every line, including the last", () => {
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("keeps commas and semicolons of a URL as percent escapes", () => {
    const url = "https://pendopo.example/e/temu-bisnis?hari=1,2;ruang=sekar";
    const t = build({ items: [meeting({ url })] });
    expect(parse(t).vevents[0].getFirstPropertyValue("url")).toBe(
      "https://pendopo.example/e/temu-bisnis?hari=1%2C2%3Bruang=sekar",
    );
  });
});

describe("buildIcs: bad input is a programming error", () => {
  it.each([
    ["an unknown zone", { timeZone: "WIB" }],
    ["an invalid dtstamp", { dtstamp: new Date(Number.NaN) }],
    ["an end before the start", { items: [meeting({ endsAt: new Date("2026-11-20T01:00:00Z") })] }],
    ["a zero-length item", { items: [meeting({ endsAt: new Date("2026-11-20T02:00:00Z") })] }],
    ["an empty uid", { items: [meeting({ uid: "" })] }],
    ["a uid with a comma", { items: [meeting({ uid: "a,b@x" })] }],
    ["a negative sequence", { items: [meeting({ sequence: -1 })] }],
    ["a fractional sequence", { items: [meeting({ sequence: 1.5 })] }],
    ["an invalid attendee email", { items: [meeting({ attendees: [{ email: "bukan email" }] })] }],
    ["a url with a line break", { items: [meeting({ url: "https://x.example/\r\nEVIL:1" })] }],
    ["REQUEST without organizer", { method: "REQUEST", items: [meeting({ organizer: undefined })] }],
    ["CANCEL without organizer", { method: "CANCEL", items: [meeting({ organizer: undefined })] }],
  ] as const)("throws RangeError for %s", (_what, overrides) => {
    expect(() => build(overrides as Partial<BuildIcsInput>)).toThrow(RangeError);
  });

  it("allows PUBLISH without organizer (an agenda download)", () => {
    expect(() => build({ method: "PUBLISH", items: [meeting({ organizer: undefined, attendees: [] })] })).not.toThrow();
  });
});
