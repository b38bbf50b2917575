// Instance types and the parser for the matchmaking contract (shared/formats/matchmaking.md).
// The parser reports the first problem as "place: problem", e.g. `requests[3].b: unknown participant "p9"`,
// because the CLI must print exactly one line that a person can act on.

export interface Slot {
  id: string;
  day?: string;
  session?: string;
}

export interface Participant {
  id: string;
  unavailable: string[];
  maxMeetings?: number;
}

export interface MeetingRequest {
  id: string;
  a: string;
  b: string;
  weight: number;
  session?: string;
  fixed?: { slot: string };
}

export interface Instance {
  slots: Slot[];
  tables: number;
  tablesPerSlot: Record<string, number>;
  participants: Participant[];
  requests: MeetingRequest[];
}

export type ParseResult = { ok: true; instance: Instance } | { ok: false; error: string };

/** Thrown inside the parser only; `parseInstance` turns it into `{ ok: false }`. */
class InstanceError extends Error {}

function fail(place: string, problem: string): never {
  throw new InstanceError(`${place}: ${problem}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function str(v: unknown, place: string): string {
  if (typeof v !== "string" || v === "") fail(place, `expected a non-empty string, got ${show(v)}`);
  return v;
}

function optStr(v: unknown, place: string): string | undefined {
  return v === undefined ? undefined : str(v, place);
}

function count(v: unknown, place: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    fail(place, `expected a non-negative integer, got ${show(v)}`);
  }
  return v;
}

function list(v: unknown, place: string): unknown[] {
  if (!Array.isArray(v)) fail(place, `expected an array, got ${show(v)}`);
  return v;
}

function object(v: unknown, place: string): Record<string, unknown> {
  if (!isObject(v)) fail(place, `expected an object, got ${show(v)}`);
  return v;
}

function parseSlots(v: unknown): Slot[] {
  const seen = new Set<string>();
  return list(v, "slots").map((raw, i) => {
    const o = object(raw, `slots[${i}]`);
    const id = str(o.id, `slots[${i}].id`);
    if (seen.has(id)) fail(`slots[${i}].id`, `duplicate slot id "${id}"`);
    seen.add(id);
    return { id, day: optStr(o.day, `slots[${i}].day`), session: optStr(o.session, `slots[${i}].session`) };
  });
}

function parseTablesPerSlot(v: unknown, slotIds: Set<string>): Record<string, number> {
  if (v === undefined) return {};
  const o = object(v, "tablesPerSlot");
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(o)) {
    if (!slotIds.has(key)) fail(`tablesPerSlot.${key}`, `unknown slot "${key}"`);
    out[key] = count(n, `tablesPerSlot.${key}`);
  }
  return out;
}

function parseParticipants(v: unknown, slotIds: Set<string>): Participant[] {
  const seen = new Set<string>();
  return list(v, "participants").map((raw, i) => {
    const place = `participants[${i}]`;
    const o = object(raw, place);
    const id = str(o.id, `${place}.id`);
    if (seen.has(id)) fail(`${place}.id`, `duplicate participant id "${id}"`);
    seen.add(id);
    const unavailable = o.unavailable === undefined ? [] : list(o.unavailable, `${place}.unavailable`);
    const slots = unavailable.map((s, j) => {
      const slot = str(s, `${place}.unavailable[${j}]`);
      if (!slotIds.has(slot)) fail(`${place}.unavailable[${j}]`, `unknown slot "${slot}"`);
      return slot;
    });
    const max = o.maxMeetings === undefined ? undefined : count(o.maxMeetings, `${place}.maxMeetings`);
    return max === undefined ? { id, unavailable: slots } : { id, unavailable: slots, maxMeetings: max };
  });
}

function parseRequest(raw: unknown, i: number, people: Set<string>, slotIds: Set<string>): MeetingRequest {
  const place = `requests[${i}]`;
  const o = object(raw, place);
  const id = str(o.id, `${place}.id`);
  const a = str(o.a, `${place}.a`);
  if (!people.has(a)) fail(`${place}.a`, `unknown participant "${a}"`);
  const b = str(o.b, `${place}.b`);
  if (!people.has(b)) fail(`${place}.b`, `unknown participant "${b}"`);
  if (a === b) fail(`${place}.b`, `a request cannot be with oneself ("${a}")`);
  let weight = 1;
  if (o.weight !== undefined) {
    if (typeof o.weight !== "number" || !Number.isFinite(o.weight) || o.weight <= 0) {
      fail(`${place}.weight`, `expected a positive number, got ${show(o.weight)}`);
    }
    weight = o.weight;
  }
  const req: MeetingRequest = { id, a, b, weight };
  const session = optStr(o.session, `${place}.session`);
  if (session !== undefined) req.session = session;
  if (o.fixed !== undefined) {
    const slot = str(object(o.fixed, `${place}.fixed`).slot, `${place}.fixed.slot`);
    if (!slotIds.has(slot)) fail(`${place}.fixed.slot`, `unknown slot "${slot}"`);
    req.fixed = { slot };
  }
  return req;
}

/** Fixed meetings must be feasible together, otherwise no valid result exists at all. */
function checkFixed(inst: Instance): void {
  const slots = new Map(inst.slots.map((s) => [s.id, s]));
  const people = new Map(inst.participants.map((p) => [p.id, p]));
  const taken = new Map<string, string>();
  const perSlot = new Map<string, number>();
  const perPerson = new Map<string, number>();
  inst.requests.forEach((r, i) => {
    if (!r.fixed) return;
    const place = `requests[${i}].fixed.slot`;
    const slot = slots.get(r.fixed.slot)!;
    if (r.session !== undefined && slot.session !== r.session) {
      fail(place, `slot "${slot.id}" is outside session "${r.session}"`);
    }
    for (const pid of [r.a, r.b]) {
      if (people.get(pid)!.unavailable.includes(slot.id)) {
        fail(place, `participant "${pid}" is unavailable in slot "${slot.id}"`);
      }
      const key = `${pid}\u0000${slot.id}`;
      const other = taken.get(key);
      if (other !== undefined) fail(place, `participant "${pid}" already has fixed meeting "${other}" in slot "${slot.id}"`);
      taken.set(key, r.id);
      const n = (perPerson.get(pid) ?? 0) + 1;
      const max = people.get(pid)!.maxMeetings;
      if (max !== undefined && n > max) fail(place, `participant "${pid}" has more fixed meetings than maxMeetings ${max}`);
      perPerson.set(pid, n);
    }
    const n = (perSlot.get(slot.id) ?? 0) + 1;
    const tables = inst.tablesPerSlot[slot.id] ?? inst.tables;
    if (n > tables) fail(place, `more fixed meetings in slot "${slot.id}" than its ${tables} tables`);
    perSlot.set(slot.id, n);
  });
}

function parseUnsafe(json: unknown): Instance {
  const root = object(json, "instance");
  const slots = parseSlots(root.slots);
  const slotIds = new Set(slots.map((s) => s.id));
  const tables = count(root.tables, "tables");
  const tablesPerSlot = parseTablesPerSlot(root.tablesPerSlot, slotIds);
  const participants = parseParticipants(root.participants, slotIds);
  const people = new Set(participants.map((p) => p.id));
  const sessions = new Set(slots.map((s) => s.session));
  const ids = new Set<string>();
  const requests = list(root.requests, "requests").map((raw, i) => {
    const r = parseRequest(raw, i, people, slotIds);
    if (ids.has(r.id)) fail(`requests[${i}].id`, `duplicate request id "${r.id}"`);
    ids.add(r.id);
    if (r.session !== undefined && !sessions.has(r.session)) {
      fail(`requests[${i}].session`, `no slot has session "${r.session}"`);
    }
    return r;
  });
  const instance = { slots, tables, tablesPerSlot, participants, requests };
  checkFixed(instance);
  return instance;
}

/**
 * Checks untrusted JSON against the matchmaking contract and returns a typed instance, or the first
 * problem as "place: problem".
 *
 * @example
 * const res = parseInstance(JSON.parse(text));
 * if (!res.ok) console.error(res.error); // requests[3].b: unknown participant "p9"
 */
export function parseInstance(json: unknown): ParseResult {
  try {
    return { ok: true, instance: parseUnsafe(json) };
  } catch (e) {
    if (e instanceof InstanceError) return { ok: false, error: e.message };
    throw e;
  }
}
