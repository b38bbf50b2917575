// Simulated annealing over valid placements. The weights take few distinct values, so the landscape is full
// of plateaus (moves of delta 0); walking them, plus the odd small loss early on, reaches the long exchange
// chains between competitors that greedy repair and hill-climbing miss. Every accepted move keeps all rules.
import { type Model, weight } from "./model";
import { Placement } from "./placement";
import { createRng } from "../../utils/rng";

export type AnnealOptions = { iterations: number; seed: number; timeUp: () => boolean };


/** Booths that fit an exhibitor better than "anywhere": its preferred and zone booths in its class. */
function goodBooths(m: Model): number[][] {
  const byZone = m.classes.map((c) => {
    const map = new Map<number, number[]>();
    for (const b of c.booths) (map.get(m.boothZone[b]) ?? map.set(m.boothZone[b], []).get(m.boothZone[b])!).push(b);
    return map;
  });
  return Array.from({ length: m.nE }, (_, e) => {
    const c = m.classOfExhibitor[e];
    if (c < 0 || m.fixedBooth[e] >= 0) return [];
    const out = Array.from(m.preferredOf[e]).filter((b) => m.classOfBooth[b] === c && m.fixedOwner[b] < 0);
    for (const z of m.zonesOf[e]) out.push(...(byZone[c].get(z) ?? []));
    return out;
  });
}

/** Tries one random move; applies it when accepted. Returns the score change (0 when rejected). */
function step(st: Placement, good: number[][], movers: number[], rand: () => number, temp: number): number {
  const { m } = st;
  const x = movers[Math.floor(rand() * movers.length)];
  const cls = m.classes[m.classOfExhibitor[x]];
  const pool = good[x].length > 0 && rand() < 0.6 ? good[x] : cls.booths;
  const b = pool[Math.floor(rand() * pool.length)];
  const bx = st.boothOf[x];
  if (b === bx) return 0;
  const y = st.occupant[b];
  if (y >= 0 && st.isFixed(y)) return 0;
  const wx = bx >= 0 ? weight(m, x, bx) : 0;
  let delta = weight(m, x, b) - wx - (y >= 0 ? weight(m, y, b) : 0);
  if (y >= 0 && bx >= 0) delta += weight(m, y, bx);
  if (delta < 0 && rand() >= Math.exp(delta / temp)) return 0;
  if (bx < 0 && !st.keepsQuotas(x, y)) return 0;
  if (y >= 0 && bx >= 0) {
    st.swapQuietly(x, y);
    const ok = !st.clashesAt(x, b) && !st.clashesAt(y, bx);
    st.swapQuietly(x, y);
    if (!ok) return 0;
    st.swap(x, y);
    return delta;
  }
  if (st.clashesAt(x, b)) return 0;
  if (y >= 0) st.remove(y); // x was unassigned: it replaces y, who loses the booth
  if (bx >= 0) st.remove(x);
  st.place(x, b);
  return delta;
}

/**
 * Anneals from a valid placement and returns the best placement seen (never worse than the start).
 *
 * @example
 * const best = anneal(model, placement, { iterations: 200_000, seed: 1, timeUp });
 */
export function anneal(m: Model, start: Placement, opts: AnnealOptions): Placement {
  const st = new Placement(m);
  start.boothOf.forEach((b, e) => b >= 0 && st.place(e, b));
  const movers = m.classes.flatMap((c) => (c.booths.length > 0 ? c.exhibitors : []));
  if (movers.length === 0) return start;
  const good = goodBooths(m);
  const rand = createRng(opts.seed);
  const t0 = Math.max(1e-9, ...m.priority) * 0.5;
  const t1 = t0 * 0.002;
  let bestScore = st.score;
  let best = Int32Array.from(st.boothOf);
  const eps = 1e-9 * Math.max(1, t0);
  for (let i = 0; i < opts.iterations; i++) {
    if ((i & 4095) === 0 && opts.timeUp()) break;
    const temp = t0 * Math.pow(t1 / t0, i / opts.iterations);
    step(st, good, movers, rand, temp);
    // Snapshot at most every 256 moves: copying on every new best made the copies cost more than the moves.
    if ((i & 255) === 255 && st.score > bestScore + eps) [bestScore, best] = [st.score, Int32Array.from(st.boothOf)];
  }
  if (st.score > bestScore + eps) [bestScore, best] = [st.score, Int32Array.from(st.boothOf)];
  if (bestScore <= start.score + eps) return start;
  const out = new Placement(m);
  best.forEach((b, e) => b >= 0 && out.place(e, b));
  return out;
}
