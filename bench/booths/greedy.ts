// The reference heuristic of perf.md §D: priority-point order, each exhibitor takes the best-fitting free booth
// of its size that does not put it next to a competitor. Quotas are not looked at (that is what the real
// back-office tools do); the benchmark reports its violations as they come.
import type { Instance, Result } from "~/booths/assignment/instance";
import { fit } from "~/booths/assignment/rules";

/**
 * @example
 * const { assignments } = greedyAssign(instance);
 */
export function greedyAssign(inst: Instance): Omit<Result, "stats"> {
  const neighbours = new Map(inst.booths.map((b) => [b.id, new Set<string>()]));
  for (const b of inst.booths) for (const a of b.adjacent) [neighbours.get(b.id)!.add(a), neighbours.get(a)!.add(b.id)];
  const holder = new Map<string, Instance["exhibitors"][number]>();
  for (const e of inst.exhibitors) if (e.fixed !== undefined) holder.set(e.fixed, e);
  const clash = (e: Instance["exhibitors"][number], b: string) =>
    inst.rules.noAdjacentCompetitors &&
    e.competitorGroup !== undefined &&
    [...neighbours.get(b)!].some((n) => holder.get(n)?.competitorGroup === e.competitorGroup);
  const order = inst.exhibitors.filter((e) => e.fixed === undefined).sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  const sizes = new Set(inst.booths.map((b) => b.size));
  const unassigned: Result["unassigned"] = [];
  for (const e of order) {
    let best: Instance["booths"][number] | undefined;
    let free = false;
    for (const b of inst.booths) {
      if (b.size !== e.size || holder.has(b.id)) continue;
      free = true;
      if (!clash(e, b.id) && (best === undefined || fit(e, b) > fit(e, best))) best = b;
    }
    if (best !== undefined) holder.set(best.id, e);
    else unassigned.push({ exhibitor: e.id, reason: !sizes.has(e.size) ? "no_booth_of_size" : free ? "conflict" : "capacity" });
  }
  const assignments = [...holder].map(([booth, e]) => ({ exhibitor: e.id, booth }));
  return { assignments, unassigned };
}
