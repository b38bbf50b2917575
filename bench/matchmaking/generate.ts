// Instance families of perf.md "Proposed benchmark suite" (MM-Q): generated from a fixed seed, never
// committed as data.
//   uniform: every person available in each slot with p = 0.75, buyers and sellers drawn uniformly;
//   blocks:  availability by half-day blocks (each block on with p = 0.75, at least one block per person);
//   zipf:    as uniform, but seller popularity ∝ 1/rank (Zipf s = 1);
//   tight:   as uniform, with 37.5 % of the tables (S: 15 tables, as in perf.md's table-bound row).
import type { Instance, MeetingRequest, Participant, Slot } from "../../app/meetings/scheduler/instance";
import { createRng, type Rng } from "../../app/utils/rng";

export const FAMILIES = ["uniform", "blocks", "zipf", "tight"] as const;
export type Family = (typeof FAMILIES)[number];

export const SIZES = {
  S: { buyers: 40, sellers: 60, slots: 12, days: 2, tables: 40, requests: 400 },
  M: { buyers: 100, sellers: 150, slots: 16, days: 2, tables: 100, requests: 1500 },
  L: { buyers: 200, sellers: 300, slots: 16, days: 2, tables: 200, requests: 3000 },
  XL: { buyers: 1000, sellers: 1500, slots: 24, days: 3, tables: 1000, requests: 20000 },
} as const;
export type Size = keyof typeof SIZES;

export interface GenerateOptions {
  seed?: number;
  /** MM-W: mutual interest counts double (30 % of requests get weight 2). */
  weights?: boolean;
}

function makeSlots(n: number, days: number): Slot[] {
  const perDay = Math.ceil(n / days);
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) {
    const d = Math.floor(i / perDay);
    const k = i % perDay;
    const minutes = 9 * 60 + k * 20;
    const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, "0")}${String(minutes % 60).padStart(2, "0")}`;
    const session = k < perDay / 2 ? "morning" : "afternoon";
    slots.push({ id: `d${d + 1}-${hhmm}`, day: `2026-12-${13 + d}`, session });
  }
  return slots;
}

function unavailable(family: Family, slots: Slot[], rnd: Rng): string[] {
  if (family !== "blocks") return slots.filter(() => rnd() >= 0.75).map((s) => s.id);
  const blocks = [...new Set(slots.map((s) => `${s.day}/${s.session}`))];
  let on = blocks.filter(() => rnd() < 0.75);
  if (on.length === 0) on = [blocks[Math.floor(rnd() * blocks.length)]];
  return slots.filter((s) => !on.includes(`${s.day}/${s.session}`)).map((s) => s.id);
}

function sellerPicker(family: Family, sellers: number, rnd: Rng): () => number {
  if (family !== "zipf") return () => Math.floor(rnd() * sellers);
  const rank = Array.from({ length: sellers }, (_, i) => i);
  for (let i = sellers - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rank[i], rank[j]] = [rank[j], rank[i]];
  }
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < sellers; i++) cum.push((total += 1 / (i + 1)));
  return () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = sellers - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return rank[lo];
  };
}

/**
 * Generates one benchmark instance (buyers "b1…", sellers "s1…", distinct buyer–seller pairs).
 *
 * @example
 * const inst = generateInstance("zipf", "S", { seed: 1 });
 * inst.requests.length; // 400
 */
export function generateInstance(family: Family, size: Size, options: GenerateOptions = {}): Instance {
  const spec = SIZES[size];
  const rnd = createRng(options.seed ?? 1);
  const slots = makeSlots(spec.slots, spec.days);
  const participants: Participant[] = [];
  for (let i = 1; i <= spec.buyers; i++) participants.push({ id: `b${i}`, unavailable: unavailable(family, slots, rnd) });
  for (let i = 1; i <= spec.sellers; i++) participants.push({ id: `s${i}`, unavailable: unavailable(family, slots, rnd) });
  const pickSeller = sellerPicker(family, spec.sellers, rnd);
  const pairs = new Set<string>();
  const requests: MeetingRequest[] = [];
  for (let tries = 0; requests.length < spec.requests && tries < spec.requests * 50; tries++) {
    const a = `b${1 + Math.floor(rnd() * spec.buyers)}`;
    const b = `s${1 + pickSeller()}`;
    if (pairs.has(`${a}|${b}`)) continue;
    pairs.add(`${a}|${b}`);
    const weight = options.weights && rnd() < 0.3 ? 2 : 1;
    requests.push({ id: `r${requests.length + 1}`, a, b, weight });
  }
  const tables = family === "tight" ? Math.round(spec.tables * 0.375) : spec.tables;
  return { slots, tables, tablesPerSlot: {}, participants, requests };
}
