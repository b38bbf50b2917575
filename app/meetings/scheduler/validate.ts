// Independent checker of the contract's validity rules (written against the instance, not the search's
// arrays, so that a bug in the scheduler's bookkeeping cannot hide itself).
import type { Instance } from "./instance";

const REASONS = new Set(["no_common_slot", "capacity", "participant_limit"]);

interface Ctx {
  inst: Instance;
  out: string[];
  slotById: Map<string, number>;
  reqById: Map<string, number>;
  unavailable: Map<string, Set<string>>;
  seen: Map<string, string>;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function tablesOf(inst: Instance, slot: string): number {
  return inst.tablesPerSlot[slot] ?? inst.tables;
}

/** Checks one meeting; returns the request index when it is usable for the per-person checks. */
function checkMeeting(c: Ctx, raw: unknown, i: number, busy: Map<string, string>, tables: Map<string, string>): number {
  const place = `meetings[${i}]`;
  if (!isObject(raw)) return c.out.push(`${place}: expected an object`), -1;
  const r = typeof raw.request === "string" ? c.reqById.get(raw.request) : undefined;
  if (r === undefined) return c.out.push(`${place}.request: unknown request ${JSON.stringify(raw.request)}`), -1;
  const req = c.inst.requests[r];
  if (c.seen.has(req.id)) c.out.push(`${place}.request: request "${req.id}" appears more than once`);
  c.seen.set(req.id, place);
  const t = typeof raw.slot === "string" ? c.slotById.get(raw.slot) : undefined;
  if (t === undefined) return c.out.push(`${place}.slot: unknown slot ${JSON.stringify(raw.slot)}`), -1;
  const slot = c.inst.slots[t];
  if (req.fixed && req.fixed.slot !== slot.id) c.out.push(`${place}.slot: fixed request "${req.id}" must stay in slot "${req.fixed.slot}"`);
  if (req.session !== undefined && slot.session !== req.session) {
    c.out.push(`${place}.slot: slot "${slot.id}" is outside session "${req.session}" of request "${req.id}"`);
  }
  for (const p of [req.a, req.b]) {
    if (c.unavailable.get(p)?.has(slot.id)) c.out.push(`${place}.slot: participant "${p}" is unavailable in slot "${slot.id}"`);
    const key = `${p}\u0000${slot.id}`;
    const other = busy.get(key);
    if (other !== undefined && other !== req.id) {
      c.out.push(`${place}: participant "${p}" already meets in slot "${slot.id}" (request "${other}")`);
    }
    busy.set(key, req.id);
  }
  const k = tablesOf(c.inst, slot.id);
  const table = raw.table;
  if (typeof table !== "number" || !Number.isInteger(table) || table < 1 || table > k) {
    c.out.push(`${place}.table: ${JSON.stringify(table)} is not a table of slot "${slot.id}" (1..${k})`);
  } else {
    const other = tables.get(`${slot.id}\u0000${table}`);
    if (other !== undefined) c.out.push(`${place}.table: table ${table} of slot "${slot.id}" is already used by request "${other}"`);
    tables.set(`${slot.id}\u0000${table}`, req.id);
  }
  return r;
}

function checkUnscheduled(c: Ctx, list: unknown[]): void {
  list.forEach((raw, i) => {
    const place = `unscheduled[${i}]`;
    if (!isObject(raw)) return void c.out.push(`${place}: expected an object`);
    const r = typeof raw.request === "string" ? c.reqById.get(raw.request) : undefined;
    if (r === undefined) return void c.out.push(`${place}.request: unknown request ${JSON.stringify(raw.request)}`);
    const id = c.inst.requests[r].id;
    if (c.seen.has(id)) c.out.push(`${place}.request: request "${id}" also appears at ${c.seen.get(id)}`);
    c.seen.set(id, place);
    if (c.inst.requests[r].fixed) c.out.push(`${place}.request: fixed request "${id}" must be scheduled`);
    if (typeof raw.reason !== "string" || !REASONS.has(raw.reason)) c.out.push(`${place}.reason: unknown reason ${JSON.stringify(raw.reason)}`);
  });
}

/** Idle gaps recomputed from the meetings: per person and day, empty slots between first and last. */
function recountGaps(inst: Instance, scheduled: number[], slotOf: Map<number, number>): number {
  const posInDay: number[] = [];
  const dayCount = new Map<string | undefined, number>();
  for (const s of inst.slots) {
    const n = dayCount.get(s.day) ?? 0;
    posInDay.push(n);
    dayCount.set(s.day, n + 1);
  }
  const spans = new Map<string, { lo: number; hi: number; n: number }>();
  for (const r of scheduled) {
    const t = slotOf.get(r)!;
    for (const p of [inst.requests[r].a, inst.requests[r].b]) {
      const key = `${p}\u0000${inst.slots[t].day}`;
      const sp = spans.get(key) ?? { lo: Infinity, hi: -Infinity, n: 0 };
      sp.lo = Math.min(sp.lo, posInDay[t]);
      sp.hi = Math.max(sp.hi, posInDay[t]);
      sp.n++;
      spans.set(key, sp);
    }
  }
  let gaps = 0;
  for (const sp of spans.values()) gaps += sp.hi - sp.lo + 1 - sp.n;
  return gaps;
}

function checkStats(c: Ctx, stats: unknown, scheduled: number[], slotOf: Map<number, number>): void {
  if (!isObject(stats)) return void c.out.push("stats: expected an object");
  const weight = scheduled.reduce((w, r) => w + c.inst.requests[r].weight, 0);
  const expect = (key: string, value: number, tol = 0) => {
    const got = stats[key];
    if (typeof got !== "number" || Math.abs(got - value) > tol) c.out.push(`stats.${key}: ${JSON.stringify(got)}, expected ${value}`);
  };
  expect("requests", c.inst.requests.length);
  expect("scheduled", scheduled.length);
  expect("weight", weight, 1e-6);
  if (c.out.length === 0) expect("idleGaps", recountGaps(c.inst, scheduled, slotOf));
  const ub = stats.upperBound;
  if (typeof ub !== "number" || ub < weight - 1e-6) c.out.push(`stats.upperBound: ${JSON.stringify(ub)} is below the scheduled weight ${weight}`);
}

/**
 * Lists every violation of the contract's validity rules (empty when the result is valid), plus
 * consistency of the stats: each request at most once (and listed somewhere), no double booking,
 * availability, sessions, fixed slots, maxMeetings, table numbers 1..K distinct per slot.
 *
 * @example
 * validateResult(instance, schedule(instance)); // []
 */
export function validateResult(instance: Instance, result: unknown): string[] {
  const c: Ctx = {
    inst: instance,
    out: [],
    slotById: new Map(instance.slots.map((s, t) => [s.id, t])),
    reqById: new Map(instance.requests.map((r, i) => [r.id, i])),
    unavailable: new Map(instance.participants.map((p) => [p.id, new Set(p.unavailable)])),
    seen: new Map(),
  };
  if (!isObject(result) || !Array.isArray(result.meetings) || !Array.isArray(result.unscheduled)) {
    return ["result: expected { meetings: [], unscheduled: [], stats: {} }"];
  }
  const busy = new Map<string, string>();
  const tables = new Map<string, string>();
  const scheduled: number[] = [];
  const slotOf = new Map<number, number>();
  result.meetings.forEach((raw, i) => {
    const r = checkMeeting(c, raw, i, busy, tables);
    if (r < 0 || slotOf.has(r)) return;
    scheduled.push(r);
    slotOf.set(r, c.slotById.get((raw as { slot: string }).slot)!);
  });
  checkUnscheduled(c, result.unscheduled);
  checkPeople(c, scheduled);
  checkStats(c, result.stats, scheduled, slotOf);
  return c.out;
}

function checkPeople(c: Ctx, scheduled: number[]): void {
  const meetings = new Map<string, number>();
  for (const r of scheduled) {
    for (const p of [c.inst.requests[r].a, c.inst.requests[r].b]) meetings.set(p, (meetings.get(p) ?? 0) + 1);
  }
  c.inst.participants.forEach((p, j) => {
    const n = meetings.get(p.id) ?? 0;
    if (p.maxMeetings !== undefined && n > p.maxMeetings) {
      c.out.push(`participants[${j}]: "${p.id}" has ${n} meetings, maxMeetings is ${p.maxMeetings}`);
    }
  });
  c.inst.requests.forEach((r, i) => {
    if (!c.seen.has(r.id)) c.out.push(`requests[${i}]: "${r.id}" is neither scheduled nor unscheduled`);
  });
}
