// Test helpers for booth assignment: compact instance builders, a random small-instance arbitrary, and an
// exhaustive solver written straight from the contract text (independent of app/booths/assignment).
import fc from "fast-check";
import { type Instance, parseInstance, type Result } from "~/booths/assignment/instance";

export type RawBooth = { id: string; size?: number; zone?: string; adjacent?: string[] };
export type RawExhibitor = {
  id: string;
  size?: number;
  priority?: number;
  zones?: string[];
  preferred?: string[];
  region?: string;
  competitorGroup?: string;
  fixed?: string;
};

/** Builds and parses an instance; defaults: size 9, priority 1, no zones, no rules. Throws on invalid input. */
export function makeInstance(booths: RawBooth[], exhibitors: RawExhibitor[], rules: Partial<Instance["rules"]> = {}): Instance {
  const parsed = parseInstance({
    booths: booths.map((b) => ({ size: 9, ...b })),
    exhibitors: exhibitors.map((e) => ({ size: 9, priority: 1, zones: [], preferred: [], ...e })),
    rules,
  });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.instance;
}

/** A row of booths A-1 … A-n, each adjacent to the next. */
export function row(n: number, extra: Partial<RawBooth> = {}): RawBooth[] {
  return Array.from({ length: n }, (_, i) => ({ id: `A-${i + 1}`, ...extra, adjacent: i + 1 < n ? [`A-${i + 2}`] : [] }));
}

export function scoreOf(inst: Instance, assignments: Result["assignments"]): number {
  const booth = new Map(inst.booths.map((b) => [b.id, b]));
  const ex = new Map(inst.exhibitors.map((e) => [e.id, e]));
  let s = 0;
  for (const a of assignments) {
    const e = ex.get(a.exhibitor)!;
    const b = booth.get(a.booth)!;
    s += e.priority * (e.preferred.includes(b.id) ? 3 : b.zone !== undefined && e.zones.includes(b.zone) ? 2 : 1);
  }
  return s;
}

/** Random small valid instances on a grid (adjacency from grid neighbours), with every rule in play. */
export function smallInstance(maxExhibitors: number, maxBooths: number): fc.Arbitrary<Instance> {
  const booth = fc.record({ size: fc.constantFrom(9, 18), zone: fc.constantFrom("batik", "tenun", undefined) });
  const exhibitor = fc.record({
    size: fc.constantFrom(9, 9, 18, 36),
    priority: fc.integer({ min: 0, max: 9 }),
    zones: fc.subarray(["batik", "tenun"]),
    prefs: fc.array(fc.nat(), { maxLength: 3 }),
    region: fc.constantFrom("jawa", "bali", "papua"),
    group: fc.constantFrom("g1", "g2", undefined),
    fixed: fc.option(fc.nat(), { freq: 6 }),
  });
  return fc
    .record({
      booths: fc.array(booth, { minLength: 1, maxLength: maxBooths }),
      exhibitors: fc.array(exhibitor, { minLength: 1, maxLength: maxExhibitors }),
      cols: fc.integer({ min: 1, max: 4 }),
      noAdjacentCompetitors: fc.boolean(),
      quota: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 2 }),
    })
    .map(({ booths, exhibitors, cols, noAdjacentCompetitors, quota }) => {
      const id = (i: number) => `B${i}`;
      const raw = {
        booths: booths.map((b, i) => ({
          id: id(i),
          ...b,
          adjacent: [i + 1, i + cols].filter((j, k) => j < booths.length && (k === 1 || (i + 1) % cols !== 0)).map(id),
        })),
        exhibitors: exhibitors.map((e, i) => ({
          id: `e${i}`,
          size: e.size,
          priority: e.priority,
          zones: e.zones,
          preferred: e.prefs.map((p) => id(p % booths.length)),
          region: e.region,
          competitorGroup: e.group,
          fixed: e.fixed === null ? undefined : id(e.fixed % booths.length),
        })),
        rules: { noAdjacentCompetitors, regionQuotas: quota === null ? [] : [{ regions: ["bali", "papua"], minShare: quota }] },
      };
      // Drop fixed booths that the parser would reject (wrong size, taken, next to a fixed competitor).
      for (;;) {
        const parsed = parseInstance(raw);
        if (parsed.ok) return parsed.instance;
        const bad = /^exhibitors\[(\d+)\]\.fixed/.exec(parsed.error);
        if (bad === null) throw new Error(parsed.error);
        raw.exhibitors[Number(bad[1])].fixed = undefined;
      }
    });
}

/**
 * Quota rule as app/booths/assignment/rules.ts words it, reimplemented here so the oracle shares no code with
 * the solver: share met, or no unassigned member could take a free or non-member's (non-fixed) booth of its
 * size without landing next to a competitor.
 */
function quotasHold(inst: Instance, holderOf: Map<string, Instance["exhibitors"][number]>, clash: (e: Instance["exhibitors"][number], b: string) => boolean): boolean {
  const placed = new Set([...holderOf.values()].map((e) => e.id));
  const fixedBooths = new Set(inst.exhibitors.flatMap((e) => (e.fixed ? [e.fixed] : [])));
  return inst.rules.regionQuotas.every((q) => {
    const member = (e: Instance["exhibitors"][number]) => e.region !== undefined && q.regions.includes(e.region);
    const members = [...holderOf.values()].filter(member).length;
    if (members >= q.minShare * placed.size - 1e-9) return true;
    return !inst.exhibitors.some(
      (e) =>
        member(e) &&
        !placed.has(e.id) &&
        inst.booths.some((b) => {
          const h = holderOf.get(b.id);
          return b.size === e.size && !fixedBooths.has(b.id) && (h === undefined || !member(h)) && !clash(e, b.id);
        }),
    );
  });
}

/** Best score over every valid assignment, by exhaustive search (tiny instances only). */
export function bruteForceBest(inst: Instance): number {
  const adj = new Map(inst.booths.map((b) => [b.id, new Set<string>()]));
  for (const b of inst.booths) for (const a of b.adjacent) [adj.get(b.id)!.add(a), adj.get(a)!.add(b.id)];
  const holder = new Map<string, Instance["exhibitors"][number]>();
  const assignments: Result["assignments"] = [];
  let best = -Infinity;
  const clash = (e: Instance["exhibitors"][number], b: string) =>
    inst.rules.noAdjacentCompetitors &&
    e.competitorGroup !== undefined &&
    [...adj.get(b)!].some((n) => holder.get(n)?.competitorGroup === e.competitorGroup);
  const visit = (i: number) => {
    if (i === inst.exhibitors.length) {
      if (quotasHold(inst, holder, clash)) best = Math.max(best, scoreOf(inst, assignments));
      return;
    }
    const e = inst.exhibitors[i];
    const options = inst.booths.filter((b) => (e.fixed === undefined ? b.size === e.size : b.id === e.fixed));
    for (const b of options) {
      const fixedForOther = inst.exhibitors.some((o) => o.fixed === b.id && o !== e);
      if (holder.has(b.id) || fixedForOther || clash(e, b.id)) continue;
      holder.set(b.id, e);
      assignments.push({ exhibitor: e.id, booth: b.id });
      visit(i + 1);
      assignments.pop();
      holder.delete(b.id);
    }
    if (e.fixed === undefined) visit(i + 1);
  };
  visit(0);
  return best;
}
