import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DAYS_BETWEEN_LIMIT,
  EVENT_ZONES,
  MAX_EVENT_DAYS,
  addDays,
  canonicalZone,
  daySpan,
  daysBetween,
  formatDate,
  formatInViewerZone,
  formatShortDate,
  formatTime,
  formatTimeRange,
  instantToLocalParts,
  isEventZone,
  isValidIanaZone,
  localDateOf,
  localToInstant,
  parseLocalDate,
  validateEventDays,
  zoneAbbrev,
} from "~/utils/time";

const JKT = "Asia/Jakarta";
const PNK = "Asia/Pontianak";
const MKS = "Asia/Makassar";
const JAP = "Asia/Jayapura";

// 16:30Z is 23.30 WIB on Friday 20 Nov but already Saturday 21 Nov in WITA and WIT.
const ACROSS_MIDNIGHT = "2026-11-20T16:30:00Z";

describe("EVENT_ZONES", () => {
  it("lists the four Indonesian event zones in picker order", () => {
    expect(EVENT_ZONES.map((z) => `${z.zone} ${z.abbrev} +${z.offsetHours}`)).toEqual([
      "Asia/Jakarta WIB +7",
      "Asia/Pontianak WIB +7",
      "Asia/Makassar WITA +8",
      "Asia/Jayapura WIT +9",
    ]);
  });

  it.each(EVENT_ZONES.map((z) => [z.zone, z.offsetHours] as const))(
    "%s really is UTC+%i in the runtime's tzdata",
    (zone, hours) => {
      const local = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" });
      expect(local.format(new Date("2026-06-01T00:00:00Z"))).toBe(String(hours).padStart(2, "0"));
    },
  );

  it.each([
    [JKT, "WIB – Jakarta, Surakarta", "WIB – Jakarta, Surakarta (UTC+7)"],
    [PNK, "WIB – Pontianak", "WIB – Pontianak (UTC+7)"],
    [MKS, "WITA – Makassar, Bali", "WITA – Makassar, Bali (UTC+8)"],
    [JAP, "WIT – Jayapura, Ambon", "WIT – Jayapura, Ambon (UTC+9)"],
  ])("labels %s as %j / %j", (zone, id, en) => {
    expect(EVENT_ZONES.find((z) => z.zone === zone)?.label).toEqual({ id, en });
  });
});

describe("isEventZone / isValidIanaZone / canonicalZone", () => {
  it.each([
    [JKT, true],
    [PNK, true],
    [MKS, true],
    [JAP, true],
    ["Asia/Singapore", false],
    ["Asia/Ujung_Pandang", false],
    ["asia/jakarta", false],
    ["WIB", false],
    ["", false],
  ])("isEventZone(%j) is %s", (zone, expected) => {
    expect(isEventZone(zone)).toBe(expected);
  });

  it.each([
    [JKT, true],
    [JAP, true],
    ["UTC", true],
    ["Asia/Kolkata", true],
    ["Asia/Calcutta", true],
    ["America/Argentina/Buenos_Aires", true],
    ["America/Port-au-Prince", true],
    ["Etc/GMT-7", true],
    ["asia/jakarta", false],
    ["Asia/Jakarta ", false],
    ["+07:00", false],
    ["GMT+7", false],
    ["WIB", false],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("isValidIanaZone(%j) is %s", (zone, expected) => {
    expect(isValidIanaZone(zone)).toBe(expected);
  });

  it.each([
    ["asia/jakarta", JKT],
    ["Asia/Ujung_Pandang", MKS],
    [JAP, JAP],
    ["Nowhere/Else", null],
  ])("canonicalZone(%j) is %j", (zone, expected) => {
    expect(canonicalZone(zone)).toBe(expected);
  });
});

describe("zoneAbbrev", () => {
  it.each([
    [JKT, undefined, "WIB"],
    [PNK, undefined, "WIB"],
    [MKS, undefined, "WITA"],
    [JAP, undefined, "WIT"],
    ["Asia/Ujung_Pandang", undefined, "WITA"],
    ["Australia/Brisbane", undefined, "UTC+10"],
    ["Asia/Singapore", undefined, "UTC+8"],
    ["Asia/Kolkata", undefined, "UTC+5:30"],
    ["Asia/Kathmandu", undefined, "UTC+5:45"],
    ["America/Sao_Paulo", undefined, "UTC-3"],
    ["UTC", undefined, "UTC"],
    ["Europe/London", undefined, "GMT"],
    ["America/New_York", undefined, "EST"],
    ["America/New_York", "2026-07-01T12:00:00Z", "EDT"],
    ["Australia/Sydney", undefined, "UTC+10"],
    ["Australia/Sydney", "2026-01-01T00:00:00Z", "UTC+11"],
  ])("zoneAbbrev(%j, %j) is %j", (zone, at, expected) => {
    expect(zoneAbbrev(zone, at)).toBe(expected);
  });

  it("throws RangeError for an unknown zone", () => {
    expect(() => zoneAbbrev("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("formatDate / formatShortDate", () => {
  // Every Indonesian weekday and month name, 09.00 WIB each.
  it.each([
    ["2026-01-05", "Senin, 5 Januari 2026", "Sen, 5 Jan", "Monday, 5 January 2026", "Mon, 5 Jan"],
    ["2026-02-10", "Selasa, 10 Februari 2026", "Sel, 10 Feb", "Tuesday, 10 February 2026", "Tue, 10 Feb"],
    ["2026-03-11", "Rabu, 11 Maret 2026", "Rab, 11 Mar", "Wednesday, 11 March 2026", "Wed, 11 Mar"],
    ["2026-04-16", "Kamis, 16 April 2026", "Kam, 16 Apr", "Thursday, 16 April 2026", "Thu, 16 Apr"],
    ["2026-05-22", "Jumat, 22 Mei 2026", "Jum, 22 Mei", "Friday, 22 May 2026", "Fri, 22 May"],
    ["2026-06-27", "Sabtu, 27 Juni 2026", "Sab, 27 Jun", "Saturday, 27 June 2026", "Sat, 27 Jun"],
    ["2026-07-26", "Minggu, 26 Juli 2026", "Min, 26 Jul", "Sunday, 26 July 2026", "Sun, 26 Jul"],
    ["2026-08-17", "Senin, 17 Agustus 2026", "Sen, 17 Agu", "Monday, 17 August 2026", "Mon, 17 Aug"],
    ["2026-09-07", "Senin, 7 September 2026", "Sen, 7 Sep", "Monday, 7 September 2026", "Mon, 7 Sep"],
    ["2026-10-06", "Selasa, 6 Oktober 2026", "Sel, 6 Okt", "Tuesday, 6 October 2026", "Tue, 6 Oct"],
    ["2026-11-20", "Jumat, 20 November 2026", "Jum, 20 Nov", "Friday, 20 November 2026", "Fri, 20 Nov"],
    ["2026-12-31", "Kamis, 31 Desember 2026", "Kam, 31 Des", "Thursday, 31 December 2026", "Thu, 31 Dec"],
    ["2021-12-13", "Senin, 13 Desember 2021", "Sen, 13 Des", "Monday, 13 December 2021", "Mon, 13 Dec"],
  ])("%s reads %j / %j / %j / %j", (day, idLong, idShort, enLong, enShort) => {
    const instant = new Date(`${day}T02:00:00Z`);
    expect(formatDate(instant, JKT, "id")).toBe(idLong);
    expect(formatShortDate(instant, JKT, "id")).toBe(idShort);
    expect(formatDate(instant, JKT, "en")).toBe(enLong);
    expect(formatShortDate(instant, JKT, "en")).toBe(enShort);
  });

  it.each([
    [JKT, "Jumat, 20 November 2026", "Jum, 20 Nov"],
    [PNK, "Jumat, 20 November 2026", "Jum, 20 Nov"],
    [MKS, "Sabtu, 21 November 2026", "Sab, 21 Nov"],
    [JAP, "Sabtu, 21 November 2026", "Sab, 21 Nov"],
  ])("an instant across local midnight falls on the zone's own date in %s", (zone, long, short) => {
    expect(formatDate(ACROSS_MIDNIGHT, zone, "id")).toBe(long);
    expect(formatShortDate(ACROSS_MIDNIGHT, zone, "id")).toBe(short);
  });

  it("does not depend on the server's time zone", () => {
    // setup-env pins TZ=UTC; these instants are near midnight UTC on purpose.
    expect(formatDate("2026-11-20T23:30:00Z", "UTC", "id")).toBe("Jumat, 20 November 2026");
    expect(formatDate("2026-11-20T23:30:00Z", JKT, "id")).toBe("Sabtu, 21 November 2026");
  });

  it.each([
    ["2021-12-13T09:00:00+07:00"],
    ["2021-12-13T02:00:00.000Z"],
    ["2021-12-13 02:00:00+00"],
    ["2021-12-13T10:00:00+0800"],
  ])("accepts an instant string with an explicit offset (%s)", (s) => {
    expect(formatDate(s, JKT, "id")).toBe("Senin, 13 Desember 2021");
  });

  it.each([
    ["a string without offset", "2021-12-13T09:00:00", JKT],
    ["garbage", "besok pagi", JKT],
    ["an impossible date", "2021-02-30T09:00:00Z", JKT],
    ["an invalid Date", new Date(Number.NaN), JKT],
    ["an unknown zone", "2021-12-13T02:00:00Z", "Asia/Surakarta"],
    ["an abbreviation instead of a zone", "2021-12-13T02:00:00Z", "WIB"],
  ])("throws RangeError for %s", (_what, instant, zone) => {
    expect(() => formatDate(instant, zone, "id")).toThrow(RangeError);
  });
});

describe("formatTime / formatTimeRange", () => {
  it.each([
    ["2021-12-13T02:00:00Z", JKT, "09.00 WIB", "09:00 WIB"],
    ["2021-12-13T02:00:00Z", PNK, "09.00 WIB", "09:00 WIB"],
    ["2021-12-13T02:00:00Z", MKS, "10.00 WITA", "10:00 WITA"],
    ["2021-12-13T02:00:00Z", JAP, "11.00 WIT", "11:00 WIT"],
    ["2021-12-13T17:00:00Z", JKT, "00.00 WIB", "00:00 WIB"],
    ["2021-12-13T16:59:59Z", JKT, "23.59 WIB", "23:59 WIB"],
    ["2021-12-13T06:05:00Z", "Australia/Brisbane", "16.05 UTC+10", "16:05 UTC+10"],
  ])("%s in %s is %j (id) and %j (en)", (instant, zone, id, en) => {
    expect(formatTime(instant, zone, "id")).toBe(id);
    expect(formatTime(instant, zone, "en")).toBe(en);
  });

  it.each([
    ["2021-12-13T02:00:00Z", "2021-12-13T03:30:00Z", JKT, "id", "09.00–10.30 WIB"],
    ["2021-12-13T02:00:00Z", "2021-12-13T03:30:00Z", JKT, "en", "09:00–10:30 WIB"],
    ["2021-12-13T02:00:00Z", "2021-12-13T03:30:00Z", MKS, "id", "10.00–11.30 WITA"],
    ["2021-12-13T02:00:00Z", "2021-12-13T03:30:00Z", JAP, "id", "11.00–12.30 WIT"],
    ["2021-12-13T15:00:00Z", "2021-12-13T18:00:00Z", JKT, "id", "22.00–01.00 WIB"],
    ["2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z", "America/New_York", "en", "01:00 EDT–02:00 EST"],
  ] as const)("%s → %s in %s (%s) is %j", (start, end, zone, locale, expected) => {
    expect(formatTimeRange(start, end, zone, locale)).toBe(expected);
  });
});

describe("formatInViewerZone", () => {
  it.each([
    ["2021-12-13T02:00:00Z", JKT, JKT, "id", null],
    ["2021-12-13T02:00:00Z", JKT, PNK, "id", null],
    ["2021-12-13T02:00:00Z", MKS, "Asia/Singapore", "id", null],
    ["2021-12-13T02:00:00Z", JKT, MKS, "id", "10.00 WITA"],
    ["2021-12-13T02:00:00Z", MKS, JAP, "id", "11.00 WIT"],
    ["2021-12-13T02:00:00Z", JAP, JKT, "en", "09:00 WIB"],
    ["2021-12-13T02:00:00Z", JKT, "Asia/Singapore", "id", "10.00 UTC+8"],
    ["2021-12-13T02:00:00Z", JKT, "Europe/London", "en", "02:00 GMT"],
    [ACROSS_MIDNIGHT, JKT, MKS, "id", "00.30 WITA +1"],
    [ACROSS_MIDNIGHT, JKT, JAP, "id", "01.30 WIT +1"],
    [ACROSS_MIDNIGHT, JAP, JKT, "id", "23.30 WIB -1"],
    ["2021-12-13T02:00:00Z", JKT, "Not/AZone", "id", null],
    ["2021-12-13T02:00:00Z", JKT, "", "id", null],
  ] as const)("%s of an event in %s seen from %s (%s) is %j", (instant, event, viewer, locale, expected) => {
    expect(formatInViewerZone(instant, event, viewer, locale)).toBe(expected);
  });

  it("throws RangeError when the event zone itself is unknown", () => {
    expect(() => formatInViewerZone("2021-12-13T02:00:00Z", "WIB", MKS, "id")).toThrow(RangeError);
  });
});

describe("localDateOf / instantToLocalParts", () => {
  it.each([
    [ACROSS_MIDNIGHT, JKT, "2026-11-20", "23:30"],
    [ACROSS_MIDNIGHT, PNK, "2026-11-20", "23:30"],
    [ACROSS_MIDNIGHT, MKS, "2026-11-21", "00:30"],
    [ACROSS_MIDNIGHT, JAP, "2026-11-21", "01:30"],
    ["2026-12-31T17:00:00Z", JKT, "2027-01-01", "00:00"],
    ["2026-12-31T16:59:00Z", JKT, "2026-12-31", "23:59"],
  ])("%s in %s is %s %s", (instant, zone, date, time) => {
    expect(localDateOf(instant, zone)).toBe(date);
    expect(instantToLocalParts(new Date(instant), zone)).toEqual({ date, time });
  });
});

describe("localToInstant", () => {
  it.each([
    ["2026-11-20", "09:00", JKT, "2026-11-20T02:00:00.000Z"],
    ["2026-11-20", "09.00", PNK, "2026-11-20T02:00:00.000Z"],
    ["2026-11-20", "09.00", MKS, "2026-11-20T01:00:00.000Z"],
    ["2026-11-20", "09.00", JAP, "2026-11-20T00:00:00.000Z"],
    ["2026-11-20", "9.05", JKT, "2026-11-20T02:05:00.000Z"],
    ["2026-11-20", "00:00", JKT, "2026-11-19T17:00:00.000Z"],
    ["2026-11-20", "23:59", JAP, "2026-11-20T14:59:00.000Z"],
    ["2026-11-20", "07:30:15", MKS, "2026-11-19T23:30:15.000Z"],
    ["2024-02-29", "10:00", JKT, "2024-02-29T03:00:00.000Z"],
  ])("%s %s in %s is %s", (date, time, zone, iso) => {
    expect(localToInstant(date, time, zone)?.toISOString()).toBe(iso);
  });

  it.each([
    ["hour 25", "2026-11-20", "25:00", JKT],
    ["hour 24", "2026-11-20", "24:00", JKT],
    ["minute 60", "2026-11-20", "12:60", JKT],
    ["one-digit minutes", "2026-11-20", "9:7", JKT],
    ["a time with a zone", "2026-11-20", "09:00 WIB", JKT],
    ["an empty time", "2026-11-20", "", JKT],
    ["30 February", "2026-02-30", "09:00", JKT],
    ["29 February of a common year", "2023-02-29", "09:00", JKT],
    ["a day-first date", "20-11-2026", "09:00", JKT],
    ["an unpadded date", "2026-1-5", "09:00", JKT],
    ["an unknown zone", "2026-11-20", "09:00", "Asia/Solo"],
    ["a time skipped by DST", "2026-03-08", "02:30", "America/New_York"],
  ])("returns null for %s", (_what, date, time, zone) => {
    expect(localToInstant(date, time, zone)).toBeNull();
  });

  it("round-trips with instantToLocalParts for any minute in every event zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1) / 60000, max: Date.UTC(2100, 0, 1) / 60000 }),
        fc.constantFrom(...EVENT_ZONES.map((z) => z.zone)),
        (minute, zone) => {
          const instant = new Date(minute * 60000);
          const { date, time } = instantToLocalParts(instant, zone);
          expect(localToInstant(date, time, zone)?.getTime()).toBe(instant.getTime());
        },
      ),
    );
  });
});

describe("daysBetween / validateEventDays", () => {
  it.each([
    ["2023-10-06", "2023-10-10", ["2023-10-06", "2023-10-07", "2023-10-08", "2023-10-09", "2023-10-10"]],
    ["2026-11-20", "2026-11-20", ["2026-11-20"]],
    ["2026-12-30", "2027-01-02", ["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]],
    ["2024-02-28", "2024-03-01", ["2024-02-28", "2024-02-29", "2024-03-01"]],
    ["2023-02-28", "2023-03-01", ["2023-02-28", "2023-03-01"]],
    ["2026-11-21", "2026-11-20", []],
    ["2026-02-30", "2026-03-02", []],
    ["2026-11-20", "", []],
  ])("daysBetween(%j, %j) is %j", (first, last, expected) => {
    expect(daysBetween(first, last)).toEqual(expected);
  });

  it("lists more than MAX_EVENT_DAYS days, so callers can detect an over-long event", () => {
    expect(MAX_EVENT_DAYS).toBe(60);
    expect(daysBetween("2026-01-01", "2026-03-02")).toHaveLength(61);
  });

  it(`stops after DAYS_BETWEEN_LIMIT (${DAYS_BETWEEN_LIMIT}) days on absurd input`, () => {
    const days = daysBetween("0001-01-01", "9999-12-31");
    expect(days).toHaveLength(366);
    expect(days.at(-1)).toBe("0002-01-01");
  });

  it.each([
    ["2023-10-06", "2023-10-10", null],
    ["2026-11-20", "2026-11-20", null],
    ["2026-01-01", "2026-03-01", null],
    ["2026-01-01", "2026-03-02", "too_long"],
    ["2026-11-21", "2026-11-20", "end_before_start"],
    ["2026-13-01", "2026-12-01", "invalid_date"],
    ["2026-11-20", "besok", "invalid_date"],
  ])("validateEventDays(%j, %j) is %j", (first, last, expected) => {
    expect(validateEventDays(first, last)).toBe(expected);
  });
});

describe("parseLocalDate / addDays / daySpan", () => {
  it.each([
    ["2026-11-20", "2026-11-20"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["2026-02-30", null],
    ["2026-04-31", null],
    ["2026-13-01", null],
    ["2026-00-10", null],
    ["2026-11-20T09:00", null],
    [" 2026-11-20", null],
    ["2026-1-5", null],
    ["20/11/2026", null],
    ["20261120", null],
    ["", null],
  ])("parseLocalDate(%j) is %j", (input, expected) => {
    expect(parseLocalDate(input)).toBe(expected);
  });

  it.each([
    ["2026-12-31", 1, "2027-01-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-11-20", 0, "2026-11-20"],
  ])("addDays(%j, %i) is %j", (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it.each([
    ["2026-11-20", "2026-11-22", 2],
    ["2026-11-22", "2026-11-20", -2],
    ["2026-12-31", "2027-01-01", 1],
  ])("daySpan(%j, %j) is %i", (from, to, expected) => {
    expect(daySpan(from, to)).toBe(expected);
  });

  it("addDays throws RangeError for an invalid date", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});
