// Shared builders for the scheduler tests (not a test file itself).
import type { Instance, MeetingRequest, Participant, Slot } from "~/meetings/scheduler/instance";
import { createRng } from "~/utils/rng";

/** Slots "t1".."tn" on one day. */
export function slots(n: number, extra: Partial<Slot> = {}): Slot[] {
  return Array.from({ length: n }, (_, i) => ({ id: `t${i + 1}`, ...extra }));
}

export function people(...ids: string[]): Participant[] {
  return ids.map((id) => ({ id, unavailable: [] }));
}

/** Request "r{i}" between a and b with weight 1. */
export function req(i: number, a: string, b: string, extra: Partial<MeetingRequest> = {}): MeetingRequest {
  return { id: `r${i}`, a, b, weight: 1, ...extra };
}

export function instance(parts: Partial<Instance> & Pick<Instance, "requests">): Instance {
  return { slots: slots(3), tables: 10, tablesPerSlot: {}, participants: people("a", "b", "c", "d"), ...parts };
}

export interface RandomSpec {
  seed: number;
  slots: number;
  days: number;
  people: number;
  requests: number;
  tables: number;
  /** Probability that a person is unavailable in a slot. */
  busy: number;
  weighted: boolean;
  fixed: boolean;
}

/** Small random instance that always parses: fixed meetings are only kept where they are feasible. */
export function randomInstance(spec: RandomSpec): Instance {
  const rnd = createRng(spec.seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const ss: Slot[] = Array.from({ length: spec.slots }, (_, i) => ({
    id: `t${i}`,
    day: `d${Math.floor((i * spec.days) / spec.slots)}`,
    session: rnd() < 0.5 ? "am" : "pm",
  }));
  const ps: Participant[] = Array.from({ length: spec.people }, (_, i) => {
    const p: Participant = { id: `p${i}`, unavailable: ss.filter(() => rnd() < spec.busy).map((s) => s.id) };
    if (rnd() < 0.25) p.maxMeetings = Math.floor(rnd() * 4);
    return p;
  });
  const tablesPerSlot: Record<string, number> = {};
  for (const s of ss) if (rnd() < 0.2) tablesPerSlot[s.id] = Math.floor(rnd() * 3);
  const inst: Instance = { slots: ss, tables: spec.tables, tablesPerSlot, participants: ps, requests: [] };
  for (let i = 0; i < spec.requests; i++) {
    const a = pick(ps).id;
    let b = pick(ps).id;
    if (b === a) b = ps[(ps.findIndex((p) => p.id === a) + 1) % ps.length].id;
    const r: MeetingRequest = { id: `r${i}`, a, b, weight: spec.weighted ? pick([1, 1, 2, 3, 0.5]) : 1 };
    if (rnd() < 0.1) r.session = pick(["am", "pm"]);
    if (r.session && !ss.some((s) => s.session === r.session)) delete r.session;
    if (spec.fixed && rnd() < 0.15) pinIfFeasible(inst, r, pick(ss).id);
    inst.requests.push(r);
  }
  return inst;
}

function pinIfFeasible(inst: Instance, r: MeetingRequest, slot: string): void {
  const s = inst.slots.find((x) => x.id === slot)!;
  if (r.session !== undefined && s.session !== r.session) return;
  const fixedHere = inst.requests.filter((q) => q.fixed?.slot === slot);
  if (fixedHere.length >= (inst.tablesPerSlot[slot] ?? inst.tables)) return;
  for (const pid of [r.a, r.b]) {
    const p = inst.participants.find((x) => x.id === pid)!;
    if (p.unavailable.includes(slot)) return;
    if (fixedHere.some((q) => q.a === pid || q.b === pid)) return;
    const fixedCount = inst.requests.filter((q) => q.fixed && (q.a === pid || q.b === pid)).length;
    if (p.maxMeetings !== undefined && fixedCount >= p.maxMeetings) return;
  }
  r.fixed = { slot };
}

/**
 * Simple baseline: fixed meetings, then requests in input order into the first slot that fits.
 * Written against the instance only, independently of the scheduler's code.
 */
export function firstFitWeight(inst: Instance): number {
  const busy = new Set<string>();
  const load = new Map<string, number>();
  const count = new Map<string, number>();
  const person = new Map(inst.participants.map((p) => [p.id, p]));
  let weight = 0;
  const put = (r: MeetingRequest, slot: string) => {
    busy.add(`${r.a}|${slot}`).add(`${r.b}|${slot}`);
    load.set(slot, (load.get(slot) ?? 0) + 1);
    for (const p of [r.a, r.b]) count.set(p, (count.get(p) ?? 0) + 1);
    weight += r.weight;
  };
  for (const r of inst.requests) if (r.fixed) put(r, r.fixed.slot);
  for (const r of inst.requests) {
    if (r.fixed) continue;
    const slot = inst.slots.find((s) => {
      if (r.session !== undefined && s.session !== r.session) return false;
      if ((load.get(s.id) ?? 0) >= (inst.tablesPerSlot[s.id] ?? inst.tables)) return false;
      return [r.a, r.b].every((p) => {
        const who = person.get(p)!;
        const full = who.maxMeetings !== undefined && (count.get(p) ?? 0) >= who.maxMeetings;
        return !full && !who.unavailable.includes(s.id) && !busy.has(`${p}|${s.id}`);
      });
    });
    if (slot) put(r, slot.id);
  }
  return weight;
}
