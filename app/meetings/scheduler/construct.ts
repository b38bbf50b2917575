// Phase 1a: a fast greedy start. Fixed meetings first; then heavier and more constrained requests first,
// each into the slot its two people need least for their other pending requests.
import type { Model } from "./model";
import { createRng, type Rng } from "../../utils/rng";
import { fitsAdd, move, type State } from "./state";

/**
 * Number of allowed slots of request r that have at least one table (0 means `no_common_slot`).
 *
 * @example
 * usableSlots(model, 0); // 7
 */
export function usableSlots(m: Model, r: number): number {
  let n = 0;
  for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) if (m.capacity[m.allowedSlots[k]] > 0) n++;
  return n;
}

/** Fixed meetings, then the hinted ones (a previous schedule) where they still fit. */
function placeGiven(s: State, hint: Int32Array | undefined): void {
  const { m } = s;
  for (let r = 0; r < m.R; r++) if (m.fixedSlot[r] >= 0) move(s, r, m.fixedSlot[r]);
  if (!hint) return;
  for (let r = 0; r < m.R; r++) {
    const t = hint[r];
    if (t >= 0 && s.slotOf[r] < 0 && fitsAdd(s, r, t)) move(s, r, t);
  }
}

function order(s: State, rnd: Rng): number[] {
  const { m } = s;
  const tight = new Int32Array(m.R);
  const tie = new Float64Array(m.R);
  const rs: number[] = [];
  for (let r = 0; r < m.R; r++) {
    if (s.slotOf[r] >= 0) continue;
    tight[r] = usableSlots(m, r);
    tie[r] = rnd();
    if (tight[r] > 0) rs.push(r);
  }
  return rs.sort((x, y) => m.weight[y] - m.weight[x] || tight[x] - tight[y] || tie[x] - tie[y]);
}

/**
 * Fills an empty state greedily: fixed meetings, then hinted ones (`hint[r]` = slot or -1, e.g. the
 * previous run's schedule) where they still fit, then the rest in order of weight and tightness.
 *
 * @example
 * const s = createState(model);
 * construct(s, 7);
 */
export function construct(s: State, seed: number, hint?: Int32Array): void {
  const { m } = s;
  const T = m.T;
  placeGiven(s, hint);
  // demand[p·T + t]: pending requests of p that could use slot t; a slot in high demand is kept free.
  const demand = new Int32Array(m.P * T);
  const rs = order(s, createRng(seed));
  for (const r of rs) {
    for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) {
      demand[m.reqA[r] * T + m.allowedSlots[k]]++;
      demand[m.reqB[r] * T + m.allowedSlots[k]]++;
    }
  }
  for (const r of rs) {
    const a = m.reqA[r] * T;
    const b = m.reqB[r] * T;
    let best = -1;
    let bestScore = Infinity;
    for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) {
      const t = m.allowedSlots[k];
      demand[a + t]--;
      demand[b + t]--;
      if (!fitsAdd(s, r, t)) continue;
      const score = demand[a + t] + demand[b + t];
      if (score < bestScore) {
        bestScore = score;
        best = t;
      }
    }
    if (best >= 0) move(s, r, best);
  }
  s.log.length = 0;
}
