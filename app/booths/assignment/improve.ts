// Improvement moves after the repair: they only raise the score and never break a rule. The start is a flow
// optimum, which leaves no gainful swap between two exhibitors it placed by their true weights; so a gainful
// swap involves an exhibitor moved since, or one placed by penalised weights: the "touched" ones, the only ones
// scanned (placement.ts, separate.ts).
import { weight } from "./model";
import type { Placement } from "./placement";
import { applyMove, bestShift, type Move } from "./repair";

/** Fills each free booth with the exhibitor that gains most: an unassigned one, or one moving up from elsewhere. */
function fillFreeBooths(st: Placement, eps: number): boolean {
  const { m } = st;
  let improved = false;
  for (const cls of m.classes) {
    for (const b of cls.booths) {
      if (st.occupant[b] >= 0) continue;
      let best: Move | null = null;
      for (const z of cls.exhibitors) {
        const bz = st.boothOf[z];
        const gain = weight(m, z, b) - (bz >= 0 ? weight(m, z, bz) : 0);
        // An unassigned exhibitor is placed even at zero gain: more exhibitors with a booth is better.
        if (bz >= 0 ? gain <= eps : gain < 0) continue;
        if (best !== null && (gain < best.delta || (gain === best.delta && bz >= 0))) continue;
        if (st.clashesAt(z, b) || (bz < 0 && !st.keepsQuotas(z, -1))) continue;
        best = { kind: bz >= 0 ? "relocate" : "insert", x: z, y: -1, b, delta: gain };
      }
      if (best === null) continue;
      applyMove(st, best);
      improved = true;
    }
  }
  return improved;
}

/** An unassigned exhibitor takes over a booth from someone who values it less. */
function replaceByUnassigned(st: Placement, eps: number): boolean {
  const { m } = st;
  let improved = false;
  for (const cls of m.classes) {
    for (const z of cls.exhibitors) {
      if (st.boothOf[z] >= 0) continue;
      let best: Move | null = null;
      for (const b of cls.booths) {
        const f = st.occupant[b];
        if (f < 0 || st.isFixed(f)) continue;
        const delta = weight(m, z, b) - weight(m, f, b);
        if (delta <= (best?.delta ?? eps) || st.clashesAt(z, b) || !st.keepsQuotas(z, f)) continue;
        best = { kind: "replace", x: z, y: f, b, delta };
      }
      if (best === null) continue;
      applyMove(st, best);
      improved = true;
    }
  }
  return improved;
}

/** Best improving relocation or swap for every touched exhibitor; applying one touches its partner. */
function shiftTouched(st: Placement, eps: number, timeUp: () => boolean): boolean {
  let improved = false;
  for (let x = 0; x < st.m.nE; x++) {
    if (!st.touched[x]) continue;
    st.touched[x] = 0;
    if (st.boothOf[x] < 0 || st.isFixed(x)) continue;
    if (timeUp()) return improved;
    const mv = bestShift(st, x, eps);
    if (mv === null) continue;
    applyMove(st, mv);
    improved = true;
  }
  return improved;
}

/**
 * Hill-climbs from a valid placement until no move improves the score or time is up: fill free booths,
 * let unassigned exhibitors replace weaker holders, relocate or swap touched exhibitors.
 *
 * @example
 * improve(placement, () => now() > deadline);
 */
export function improve(st: Placement, timeUp: () => boolean): void {
  const eps = 1e-9 * Math.max(1, ...st.m.priority);
  for (let round = 0; round < 100 && !timeUp(); round++) {
    const filled = fillFreeBooths(st, eps);
    const replaced = replaceByUnassigned(st, eps);
    const shifted = shiftTouched(st, eps, timeUp);
    if (!filled && !replaced && !shifted) return;
  }
}
