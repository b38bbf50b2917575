// Exact branch and bound for small instances, where the local search may miss the optimum and an exhaustive
// search costs little. Bound: score so far + the best weight each remaining exhibitor could get anywhere.
import { bestWeight, type Model, weight } from "./model";
import { Placement } from "./placement";

export type ExactOptions = { nodeLimit: number; timeUp: () => boolean };

/**
 * Searches for a better valid assignment than `incumbent` and returns the best one found, or null. When the
 * node limit or the deadline stops the search early, what was found so far is still valid, only unproven.
 *
 * @example
 * const better = searchExact(model, placement, { nodeLimit: 200_000, timeUp });
 */
export function searchExact(m: Model, incumbent: Placement, opts: ExactOptions): Placement | null {
  const order = m.classes.flatMap((c) => c.exhibitors);
  const best = order.map((e) => bestWeight(m, e));
  const idx = order.map((_, i) => i).sort((a, b) => best[b] - best[a]);
  const list = idx.map((i) => order[i]);
  const suffix = new Float64Array(list.length + 1);
  for (let i = list.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + best[idx[i]];
  const st = new Placement(m);
  m.fixedBooth.forEach((b, e) => b >= 0 && st.place(e, b));
  const eps = 1e-9 * Math.max(1, ...m.priority);
  let bar = incumbent.score + eps;
  let found: Int32Array | null = null;
  let nodes = 0;
  let aborted = false;

  const visit = (i: number): void => {
    if (aborted || st.score + suffix[i] <= bar) return;
    if (++nodes > opts.nodeLimit || (nodes % 4096 === 0 && opts.timeUp())) {
      aborted = true;
      return;
    }
    if (i === list.length) {
      if (st.violatedQuota() < 0) [found, bar] = [Int32Array.from(st.boothOf), st.score + eps];
      return;
    }
    const e = list[i];
    const options = m.classes[m.classOfExhibitor[e]].booths
      .filter((b) => st.occupant[b] < 0 && !st.clashesAt(e, b))
      .sort((a, b) => weight(m, e, b) - weight(m, e, a));
    for (const b of options) {
      st.place(e, b);
      visit(i + 1);
      st.remove(e);
    }
    visit(i + 1);
  };
  visit(0);
  if (found === null) return null;
  const out = new Placement(m);
  (found as Int32Array).forEach((b, e) => b >= 0 && out.place(e, b));
  return out;
}
