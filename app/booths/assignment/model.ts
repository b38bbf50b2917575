// Index-based view of an instance for the solver: typed arrays instead of id strings, so the inner loops of
// the flow and the local search do no string hashing.
import type { Instance } from "./instance";
import { quotaEligible } from "./rules";

export type SizeClass = { size: number; booths: number[]; exhibitors: number[] };

export type QuotaModel = { minShare: number; member: Uint8Array; eligible: number };

export type Model = {
  instance: Instance;
  nE: number;
  nB: number;
  priority: Float64Array;
  /** Index into `classes`, or -1 when no booth has the exhibitor's size. */
  classOfExhibitor: Int32Array;
  classOfBooth: Int32Array;
  /** Non-fixed exhibitors only: fixed ones never move. */
  classes: SizeClass[];
  boothZone: Int32Array;
  /** Tiny arrays (a few entries each): a linear scan beats Set.has in the hot loops. */
  zonesOf: Int32Array[];
  preferredOf: Int32Array[];
  /** -1 when the exhibitor has no group or the adjacency rule is off, so clash checks cost nothing then. */
  group: Int32Array;
  nbrStart: Int32Array;
  nbr: Int32Array;
  fixedBooth: Int32Array;
  fixedOwner: Int32Array;
  quotas: QuotaModel[];
};

/** Symmetric, deduplicated neighbour lists in CSR form. */
function buildNeighbours(instance: Instance, boothIndex: Map<string, number>): { start: Int32Array; list: Int32Array } {
  const sets = instance.booths.map(() => new Set<number>());
  instance.booths.forEach((b, i) =>
    b.adjacent.forEach((id) => {
      const j = boothIndex.get(id)!;
      if (j === i) return;
      sets[i].add(j);
      sets[j].add(i);
    }),
  );
  const start = new Int32Array(sets.length + 1);
  sets.forEach((s, i) => (start[i + 1] = start[i] + s.size));
  const list = new Int32Array(start[sets.length]);
  sets.forEach((s, i) => list.set([...s].sort((a, b) => a - b), start[i]));
  return { start, list };
}

function interner(): (key: string) => number {
  const ids = new Map<string, number>();
  return (key) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
}

/**
 * Indexes a parsed instance for the solver.
 *
 * @example
 * const m = buildModel(instance);
 * m.classes.map((c) => c.size); // [9, 18, 36]
 */
export function buildModel(instance: Instance): Model {
  const { booths, exhibitors, rules } = instance;
  const boothIndex = new Map(booths.map((b, i) => [b.id, i]));
  const zoneId = interner();
  const groupId = interner();
  const boothZone = Int32Array.from(booths, (b) => (b.zone === undefined ? -1 : zoneId(b.zone)));
  const sizeToClass = new Map<number, number>();
  const classes: SizeClass[] = [];
  const classOfBooth = Int32Array.from(booths, (b) => {
    if (!sizeToClass.has(b.size)) sizeToClass.set(b.size, classes.push({ size: b.size, booths: [], exhibitors: [] }) - 1);
    return sizeToClass.get(b.size)!;
  });
  const fixedBooth = Int32Array.from(exhibitors, (e) => (e.fixed === undefined ? -1 : boothIndex.get(e.fixed)!));
  const fixedOwner = new Int32Array(booths.length).fill(-1);
  fixedBooth.forEach((b, e) => b >= 0 && (fixedOwner[b] = e));
  booths.forEach((_, b) => fixedOwner[b] < 0 && classes[classOfBooth[b]].booths.push(b));
  const classOfExhibitor = Int32Array.from(exhibitors, (e) => sizeToClass.get(e.size) ?? -1);
  exhibitors.forEach((_, e) => classOfExhibitor[e] >= 0 && fixedBooth[e] < 0 && classes[classOfExhibitor[e]].exhibitors.push(e));
  const nbrs = buildNeighbours(instance, boothIndex);
  return {
    instance,
    nE: exhibitors.length,
    nB: booths.length,
    priority: Float64Array.from(exhibitors, (e) => e.priority),
    classOfExhibitor,
    classOfBooth,
    classes,
    boothZone,
    zonesOf: exhibitors.map((e) => Int32Array.from(new Set(e.zones.map(zoneId)))),
    preferredOf: exhibitors.map((e) => Int32Array.from(new Set(e.preferred.map((id) => boothIndex.get(id)!)))),
    group: Int32Array.from(exhibitors, (e) =>
      rules.noAdjacentCompetitors && e.competitorGroup !== undefined ? groupId(e.competitorGroup) : -1,
    ),
    nbrStart: nbrs.start,
    nbr: nbrs.list,
    fixedBooth,
    fixedOwner,
    quotas: rules.regionQuotas.map((q) => {
      const eligible = quotaEligible(instance, q);
      const member = Uint8Array.from(exhibitors, (e) => (e.region !== undefined && q.regions.includes(e.region) ? 1 : 0));
      return { minShare: q.minShare, member, eligible: eligible.filter(Boolean).length };
    }),
  };
}

/**
 * priority × fit, the contract's objective term.
 *
 * @example
 * weight(m, e, b); // 3 × priority when b is among e's preferred booths
 */
export function weight(m: Model, e: number, b: number): number {
  const p = m.priority[e];
  const pref = m.preferredOf[e];
  for (let i = 0; i < pref.length; i++) if (pref[i] === b) return 3 * p;
  const z = m.boothZone[b];
  if (z < 0) return p;
  const zones = m.zonesOf[e];
  for (let i = 0; i < zones.length; i++) if (zones[i] === z) return 2 * p;
  return p;
}

/**
 * Best weight the exhibitor could get from any booth of its class, an optimistic bound for pruning.
 *
 * @example
 * bestWeight(m, e) >= weight(m, e, b); // for every booth b of e's class
 */
export function bestWeight(m: Model, e: number): number {
  const cls = m.classes[m.classOfExhibitor[e]];
  let best = 0;
  for (const b of cls.booths) best = Math.max(best, weight(m, e, b));
  return best;
}
