import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideEntry, type EntryDecision, type EntryInput } from "~/checkin/decide-entry";

type List = EntryInput["list"];
type Badge = NonNullable<EntryInput["badge"]>;
type Row = EntryInput["history"][number];
type Scan = EntryInput["scan"];
type Case = {
  timeZone?: string;
  list?: Partial<List>;
  badge?: Partial<Badge> | null;
  history?: Row[];
  scan?: Partial<Scan>;
};

const WIB = "Asia/Jakarta"; // UTC+7
const WITA = "Asia/Makassar"; // UTC+8
const WIT = "Asia/Jayapura"; // UTC+9

const singleEntry: List = {
  allowMultipleEntries: false,
  allowEntryAfterExit: false,
  includePending: false,
  kinds: null,
  days: null,
  opensAt: null,
  closesAt: null,
  maxEntriesPerDay: null,
  maxEntriesTotal: null,
};
const reentry: Partial<List> = { allowEntryAfterExit: true };
const multiple: Partial<List> = { allowMultipleEntries: true };

function input(c: Case): EntryInput {
  return {
    timeZone: c.timeZone ?? WIB,
    list: { ...singleEntry, ...c.list },
    badge: c.badge === null ? null : { kind: "visitor", status: "valid", validFrom: null, validUntil: null, ...c.badge },
    history: c.history ?? [],
    scan: { type: "entry", at: "2026-12-13T09:00:00+07:00", nonce: "scan", ...c.scan },
  };
}

let n = 0;
const row = (type: Row["type"], at: string, extra: Partial<Row> = {}): Row => ({ type, at, nonce: `h${++n}`, successful: true, ...extra });
const entry = (at: string, extra?: Partial<Row>) => row("entry", at, extra);
const exit = (at: string, extra?: Partial<Row>) => row("exit", at, extra);
const refused = (type: Row["type"], at: string, reason: Row["reason"]) => row(type, at, { successful: false, reason });

const OK: EntryDecision = { ok: true };
const FORCED: EntryDecision = { ok: true, forced: true };
const no = (reason: Extract<EntryDecision, { ok: false }>["reason"]): EntryDecision => ({ ok: false, reason });

describe("decideEntry: badge status and kind", () => {
  it.each<[string, Case, EntryDecision]>([
    ["admits a valid badge on its first entry", {}, OK],
    ["refuses a code that matched no badge", { badge: null }, no("unknown_badge")],
    ["refuses a revoked badge", { badge: { status: "revoked" } }, no("revoked")],
    ["refuses a blocked badge", { badge: { status: "blocked" } }, no("blocked")],
    ["refuses a pending badge when the list excludes pending badges", { badge: { status: "pending" } }, no("pending")],
    ["admits a pending badge when the list includes pending badges", { badge: { status: "pending" }, list: { includePending: true } }, OK],
    ["refuses a kind the list does not admit", { badge: { kind: "buyer" }, list: { kinds: ["exhibitor", "staff"] } }, no("wrong_kind")],
    ["admits a kind the list names", { badge: { kind: "staff" }, list: { kinds: ["exhibitor", "staff"] } }, OK],
    ["admits every kind when the list names none (null)", { badge: { kind: "press" }, list: { kinds: null } }, OK],
    ["refuses every kind when the list names an empty set", { badge: { kind: "vip" }, list: { kinds: [] } }, no("wrong_kind")],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: half-open validity and list windows", () => {
  it.each<[string, Case, EntryDecision]>([
    ["refuses a badge before its validFrom", { badge: { validFrom: "2026-12-13T09:00:01+07:00" } }, no("not_yet_valid")],
    ["admits a badge exactly at its validFrom", { badge: { validFrom: "2026-12-13T02:00:00Z" } }, OK],
    ["refuses a badge exactly at its validUntil", { badge: { validUntil: "2026-12-13T02:00:00Z" } }, no("expired")],
    ["admits a badge one millisecond before its validUntil", { badge: { validUntil: "2026-12-13T09:00:00.001+07:00" } }, OK],
    ["refuses an entry before the list opens", { list: { opensAt: "2026-12-13T10:00:00+07:00" } }, no("list_closed")],
    ["admits an entry exactly when the list opens", { list: { opensAt: "2026-12-13T10:00:00+08:00" } }, OK],
    ["refuses an entry exactly when the list closes", { list: { closesAt: "2026-12-13T11:00:00+09:00" } }, no("list_closed")],
    ["admits an entry one second before the list closes", { list: { closesAt: "2026-12-13T09:00:01+07:00" } }, OK],
    ["refuses an entry after the list closed", { list: { opensAt: "2026-12-12T08:00:00+07:00", closesAt: "2026-12-12T17:00:00+07:00" } }, no("list_closed")],
    ["compares windows as instants across offsets (WIT validFrom, WIB scan)", { badge: { validFrom: "2026-12-13T11:00:00+09:00" }, scan: { at: "2026-12-13T08:59:59+07:00" } }, no("not_yet_valid")],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: local days in WIB, WITA and WIT", () => {
  const day13: Partial<List> = { days: ["2026-12-13"] };
  it.each<[string, Case, EntryDecision]>([
    ["refuses an entry on a day the list does not admit", { list: { days: ["2026-12-14", "2026-12-15"] } }, no("wrong_day")],
    ["admits an entry on a day the list admits", { list: { days: ["2026-12-12", "2026-12-13"] } }, OK],
    ["counts 23:59:59 WIB as that local day although UTC is earlier", { list: day13, scan: { at: "2026-12-13T16:59:59Z" } }, OK],
    ["counts 00:00 WIB as the next local day although UTC is still the day before", { list: day13, scan: { at: "2026-12-13T17:00:00Z" } }, no("wrong_day")],
    ["counts 23:59:59 WITA as that local day", { timeZone: WITA, list: day13, scan: { at: "2026-12-13T15:59:59Z" } }, OK],
    ["counts 00:00 WITA as the next local day", { timeZone: WITA, list: day13, scan: { at: "2026-12-13T16:00:00Z" } }, no("wrong_day")],
    ["counts 00:00 WIT as the start of the local day although UTC is the day before", { timeZone: WIT, list: day13, scan: { at: "2026-12-12T15:00:00Z" } }, OK],
    ["counts 23:59:59 WIT on the day before as the day before", { timeZone: WIT, list: day13, scan: { at: "2026-12-12T14:59:59Z" } }, no("wrong_day")],
    ["uses the event zone, not the scan's offset, for the local day (WIB scan at a WIT event)", { timeZone: WIT, list: day13, scan: { at: "2026-12-13T22:30:00+07:00" } }, no("wrong_day")],
    ["reads an instant without an offset as event-local time", { timeZone: WITA, list: { ...day13, closesAt: "2026-12-13T17:00:00+08:00" }, scan: { at: "2026-12-13T16:59:59" } }, OK],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: reason precedence", () => {
  const everythingWrong: Partial<List> = {
    kinds: ["staff"],
    days: ["2026-12-20"],
    opensAt: "2026-12-20T08:00:00+07:00",
    maxEntriesTotal: 0,
  };
  it.each<[string, Case, EntryDecision]>([
    ["puts unknown_badge before any list rule", { badge: null, list: everythingWrong }, no("unknown_badge")],
    ["puts revoked before pending and wrong_kind", { badge: { status: "revoked", kind: "buyer" }, list: everythingWrong }, no("revoked")],
    ["puts blocked before wrong_kind and windows", { badge: { status: "blocked", validUntil: "2026-01-01T00:00:00Z" }, list: everythingWrong }, no("blocked")],
    ["puts pending before wrong_kind", { badge: { status: "pending", kind: "buyer" }, list: everythingWrong }, no("pending")],
    ["puts wrong_kind before not_yet_valid", { badge: { kind: "buyer", validFrom: "2027-01-01T00:00:00Z" }, list: everythingWrong }, no("wrong_kind")],
    ["puts not_yet_valid before expired", { badge: { validFrom: "2026-12-14T00:00:00Z", validUntil: "2026-12-01T00:00:00Z" } }, no("not_yet_valid")],
    ["puts expired before list_closed", { badge: { validUntil: "2026-12-01T00:00:00Z" }, list: { opensAt: "2026-12-20T00:00:00Z" } }, no("expired")],
    ["puts list_closed before wrong_day", { list: { opensAt: "2026-12-20T00:00:00Z", days: ["2026-12-20"] } }, no("list_closed")],
    ["puts wrong_day before already_inside", { list: { days: ["2026-12-20"] }, history: [entry("2026-12-13T08:00:00+07:00")] }, no("wrong_day")],
    ["puts already_inside before rules", { list: { maxEntriesTotal: 1 }, history: [entry("2026-12-13T08:00:00+07:00")] }, no("already_inside")],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: re-entry", () => {
  const t8 = "2026-12-13T08:00:00+07:00";
  const t830 = "2026-12-13T08:30:00+07:00";
  it.each<[string, Case, EntryDecision]>([
    ["refuses a second entry on a single-entry list", { history: [entry(t8)] }, no("already_inside")],
    ["refuses re-entry after an exit when re-entry is not allowed", { history: [entry(t8), exit(t830)] }, no("already_inside")],
    ["admits re-entry after an exit when re-entry is allowed", { list: reentry, history: [entry(t8), exit(t830)] }, OK],
    ["refuses re-entry without an exit when re-entry is allowed", { list: reentry, history: [exit(t8), entry(t830)] }, no("already_inside")],
    ["admits any number of entries when multiple entries are allowed", { list: multiple, history: [entry(t8), entry(t830)] }, OK],
    ["admits an entry when the badge has only exits on record", { history: [exit(t8)] }, OK],
    ["ignores a refused entry on record", { history: [refused("entry", t8, "wrong_day")] }, OK],
    ["ignores a refused exit when judging re-entry", { list: reentry, history: [entry(t8), refused("exit", t830, "wrong_kind")] }, no("already_inside")],
    ["orders history by time, not by array order (last is the exit)", { list: reentry, history: [exit(t830), entry(t8)] }, OK],
    ["orders history by time, not by array order (last is the entry)", { list: reentry, history: [entry(t830), exit(t8)] }, no("already_inside")],
    ["breaks time ties by array order (exit listed last)", { list: reentry, history: [entry(t8), exit(t8)] }, OK],
    ["breaks time ties by array order (entry listed last)", { list: reentry, history: [exit(t8), entry(t8)] }, no("already_inside")],
    ["compares history times as instants across offsets", { list: reentry, history: [exit("2026-12-13T09:00:00+09:00"), entry("2026-12-13T07:30:00+07:00")] }, no("already_inside")],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: entry limits", () => {
  it.each<[string, Case, EntryDecision]>([
    ["refuses an entry once the total limit is reached", { list: { ...multiple, maxEntriesTotal: 2 }, history: [entry("2026-12-12T09:00:00+07:00"), entry("2026-12-13T08:00:00+07:00")] }, no("rules")],
    ["admits an entry below the total limit", { list: { ...multiple, maxEntriesTotal: 3 }, history: [entry("2026-12-12T09:00:00+07:00"), entry("2026-12-13T08:00:00+07:00")] }, OK],
    ["refuses every entry with a total limit of zero", { list: { maxEntriesTotal: 0 } }, no("rules")],
    ["refuses an entry once the per-day limit is reached", { list: { ...multiple, maxEntriesPerDay: 1 }, history: [entry("2026-12-13T08:00:00+07:00")] }, no("rules")],
    ["admits the first entry of a new local day under a per-day limit", { list: { ...multiple, maxEntriesPerDay: 1 }, history: [entry("2026-12-12T08:00:00+07:00")] }, OK],
    ["does not count refused entries toward a limit", { list: { ...multiple, maxEntriesTotal: 1 }, history: [refused("entry", "2026-12-13T08:00:00+07:00", "list_closed")] }, OK],
    ["does not count exits toward a limit", { list: { ...reentry, maxEntriesTotal: 1 }, history: [exit("2026-12-13T08:00:00+07:00")] }, OK],
    ["counts forced entries toward a limit", { list: { ...multiple, maxEntriesTotal: 1 }, history: [entry("2026-12-13T08:00:00+07:00", { forced: true })] }, no("rules")],
    ["splits per-day counts at local midnight WIB, not UTC midnight", { list: { ...multiple, maxEntriesPerDay: 1 }, history: [entry("2026-12-13T23:30:00+07:00")], scan: { at: "2026-12-14T00:10:00+07:00" } }, OK],
    ["counts two entries in one WIB day that fall on two UTC days", { list: { ...multiple, maxEntriesPerDay: 1 }, history: [entry("2026-12-13T00:10:00+07:00")], scan: { at: "2026-12-13T20:00:00+07:00" } }, no("rules")],
    ["splits per-day counts at local midnight WITA", { timeZone: WITA, list: { ...multiple, maxEntriesPerDay: 1 }, history: [entry("2026-12-13T15:59:00Z")], scan: { at: "2026-12-13T16:01:00Z" } }, OK],
    ["splits per-day counts at local midnight WIT", { timeZone: WIT, list: { ...multiple, maxEntriesPerDay: 2 }, history: [entry("2026-12-12T15:00:00Z"), entry("2026-12-13T14:59:59Z")], scan: { at: "2026-12-13T05:00:00Z" } }, no("rules")],
    ["refuses re-entry after exit once the per-day limit is reached", { list: { ...reentry, maxEntriesPerDay: 1 }, history: [entry("2026-12-13T08:00:00+07:00"), exit("2026-12-13T08:30:00+07:00")] }, no("rules")],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: exits", () => {
  const exitScan: Partial<Scan> = { type: "exit" };
  it.each<[string, Case, EntryDecision]>([
    ["admits an exit of a badge with no entry on record", { scan: exitScan }, OK],
    ["admits an exit of a pending badge on a list that excludes pending badges", { scan: exitScan, badge: { status: "pending" } }, OK],
    ["admits an exit of an expired badge", { scan: exitScan, badge: { validUntil: "2026-12-01T00:00:00Z" } }, OK],
    ["admits an exit of a badge not yet valid", { scan: exitScan, badge: { validFrom: "2026-12-20T00:00:00Z" } }, OK],
    ["admits an exit after the list closed", { scan: exitScan, list: { closesAt: "2026-12-13T08:00:00+07:00" } }, OK],
    ["admits an exit on a day the list does not admit", { scan: exitScan, list: { days: ["2026-12-20"] } }, OK],
    ["admits an exit when the entry limits are reached", { scan: exitScan, list: { maxEntriesTotal: 0, maxEntriesPerDay: 0 } }, OK],
    ["admits a second exit in a row", { scan: exitScan, history: [entry("2026-12-13T08:00:00+07:00"), exit("2026-12-13T08:30:00+07:00")] }, OK],
    ["refuses an exit of an unknown badge", { scan: exitScan, badge: null }, no("unknown_badge")],
    ["refuses an exit of a revoked badge", { scan: exitScan, badge: { status: "revoked" } }, no("revoked")],
    ["refuses an exit of a blocked badge", { scan: exitScan, badge: { status: "blocked" } }, no("blocked")],
    ["refuses an exit of a kind the list does not admit", { scan: exitScan, badge: { kind: "buyer" }, list: { kinds: ["exhibitor"] } }, no("wrong_kind")],
    ["refuses an exit of a revoked badge before wrong_kind", { scan: exitScan, badge: { kind: "buyer", status: "revoked" }, list: { kinds: ["exhibitor"] } }, no("revoked")],
    ["answers a forced exit as a plain success", { scan: { type: "exit", force: true } }, OK],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: forced offline scans", () => {
  const force: Partial<Scan> = { force: true };
  const inside = [entry("2026-12-13T08:00:00+07:00")];
  it.each<[string, Case, EntryDecision]>([
    ["records a forced scan despite already_inside, flagged as forced", { scan: force, history: inside }, FORCED],
    ["records a forced scan despite a reached limit, flagged as forced", { scan: force, list: { ...multiple, maxEntriesTotal: 1 }, history: inside }, FORCED],
    ["answers a forced scan that would pass anyway as a plain success", { scan: force }, OK],
    ["still refuses a forced scan of an unknown badge", { scan: force, badge: null }, no("unknown_badge")],
    ["still refuses a forced scan of a revoked badge", { scan: force, badge: { status: "revoked" }, history: inside }, no("revoked")],
    ["still refuses a forced scan of a blocked badge", { scan: force, badge: { status: "blocked" } }, no("blocked")],
    ["still refuses a forced scan of a pending badge", { scan: force, badge: { status: "pending" } }, no("pending")],
    ["still refuses a forced scan of the wrong kind", { scan: force, badge: { kind: "buyer" }, list: { kinds: ["vip"] } }, no("wrong_kind")],
    ["still refuses a forced scan of an expired badge", { scan: force, badge: { validUntil: "2026-12-13T00:00:00Z" }, history: inside }, no("expired")],
    ["still refuses a forced scan of a badge not yet valid", { scan: force, badge: { validFrom: "2026-12-14T00:00:00Z" } }, no("not_yet_valid")],
    ["still refuses a forced scan outside the list window", { scan: force, list: { closesAt: "2026-12-13T08:00:00+07:00" } }, no("list_closed")],
    ["still refuses a forced scan on a wrong day", { scan: force, list: { days: ["2026-12-14"] }, history: inside }, no("wrong_day")],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: duplicate nonces", () => {
  const at = "2026-12-13T08:00:00+07:00";
  it.each<[string, Case, EntryDecision]>([
    ["replays an earlier success as a duplicate", { history: [entry(at, { nonce: "scan" })] }, { ok: true, duplicate: true }],
    ["replays an earlier refusal with its reason", { history: [refused("entry", at, "wrong_day")].map((r) => ({ ...r, nonce: "scan" })) }, { ok: false, reason: "wrong_day", duplicate: true }],
    ["replays an earlier forced success as forced", { history: [entry(at, { nonce: "scan", forced: true })] }, { ok: true, duplicate: true, forced: true }],
    ["replays the earlier result even if the badge has been revoked since", { badge: { status: "revoked" }, history: [entry(at, { nonce: "scan" })] }, { ok: true, duplicate: true }],
    ["replays the earlier result even for a now-unknown badge", { badge: null, history: [entry(at, { nonce: "scan" })] }, { ok: true, duplicate: true }],
    ["replays an earlier exit for a re-sent exit", { scan: { type: "exit" }, history: [entry(at), exit("2026-12-13T08:30:00+07:00", { nonce: "scan" })] }, { ok: true, duplicate: true }],
    ["replays the earliest row when a nonce was stored twice", { history: [refused("entry", "2026-12-13T08:30:00+07:00", "rules"), entry(at)].map((r) => ({ ...r, nonce: "scan" })) }, { ok: true, duplicate: true }],
    ["does not treat another nonce as a duplicate", { history: [entry(at, { nonce: "other" })] }, no("already_inside")],
    ["replays a refused row stored without a reason as unknown_badge", { history: [{ type: "entry", at, nonce: "scan", successful: false }] }, { ok: false, reason: "unknown_badge", duplicate: true }],
  ])("%s", (_rule, c, expected) => {
    expect(decideEntry(input(c))).toEqual(expected);
  });
});

describe("decideEntry: bad input", () => {
  it.each<[string, Case]>([
    ["throws on an unknown time zone", { timeZone: "Asia/Atlantis" }],
    ["throws on an unparseable scan time", { scan: { at: "13/12/2026 09:00" } }],
    ["throws on an unparseable history time", { history: [entry("kemarin")] }],
  ])("%s", (_rule, c) => {
    expect(() => decideEntry(input(c))).toThrow(RangeError);
  });
});

describe("decideEntry: properties", () => {
  const kinds = ["exhibitor", "buyer", "visitor", "staff", "press", "vip"] as const;
  const arbRow = fc.record({
    type: fc.constantFrom<"entry" | "exit">("entry", "exit"),
    minutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    successful: fc.boolean(),
  });
  const arbCase = fc.record({
    list: fc.record({
      allowMultipleEntries: fc.boolean(),
      allowEntryAfterExit: fc.boolean(),
      includePending: fc.boolean(),
      maxEntriesPerDay: fc.option(fc.integer({ min: 0, max: 3 })),
      maxEntriesTotal: fc.option(fc.integer({ min: 0, max: 5 })),
      kinds: fc.option(fc.subarray([...kinds])),
    }),
    kind: fc.constantFrom(...kinds),
    status: fc.constantFrom<Badge["status"]>("valid", "pending", "revoked", "blocked"),
    rows: fc.uniqueArray(arbRow, { selector: (r) => r.minutes, maxLength: 8 }),
    scanType: fc.constantFrom<"entry" | "exit">("entry", "exit"),
    scanMinutes: fc.integer({ min: 0, max: 3 * 24 * 60 }),
    force: fc.boolean(),
  });
  const base = Date.parse("2026-12-12T00:00:00+07:00");
  const iso = (minutes: number) => new Date(base + minutes * 60_000).toISOString();
  type Generated = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;
  const build = (c: Generated): EntryInput =>
    input({
      list: c.list,
      badge: { kind: c.kind, status: c.status },
      history: c.rows.map((r, i) => ({ type: r.type, at: iso(r.minutes), nonce: `p${i}`, successful: r.successful, reason: r.successful ? undefined : "rules" })),
      scan: { type: c.scanType, at: iso(c.scanMinutes), nonce: "scan", force: c.force },
    });

  it("gives the same decision whatever the order of history rows with distinct times", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const i = build(c);
        const reversed = { ...i, history: [...i.history].reverse() };
        expect(decideEntry(reversed)).toEqual(decideEntry(i));
      }),
      { numRuns: 150 },
    );
  });

  it("replays the recorded decision when the same scan is sent again", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const i = build(c);
        const first = decideEntry(i);
        const recorded: Row = first.ok
          ? { ...i.scan, successful: true, forced: first.forced }
          : { ...i.scan, successful: false, reason: first.reason };
        const again = decideEntry({ ...i, history: [...i.history, recorded] });
        expect(again).toEqual({ ...first, duplicate: true });
      }),
      { numRuns: 150 },
    );
  });

  it("refuses an exit only for unknown_badge, revoked, blocked or wrong_kind, and never flags it forced", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const d = decideEntry(build({ ...c, scanType: "exit" }));
        if (d.ok) expect(d.forced).toBeUndefined();
        else expect(["unknown_badge", "revoked", "blocked", "wrong_kind"]).toContain(d.reason);
      }),
      { numRuns: 150 },
    );
  });

  it("flags a scan as forced only when the unforced scan was refused for already_inside or rules", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const forced = decideEntry(build({ ...c, force: true }));
        const plain = decideEntry(build({ ...c, force: false }));
        if (forced.ok && forced.forced) expect(plain).toMatchObject({ ok: false, reason: expect.stringMatching(/^(already_inside|rules)$/) });
        else expect(forced).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });
});
