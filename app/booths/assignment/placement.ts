// Mutable assignment state shared by the repair and improvement moves. Moves are applied, checked and undone
// in O(degree), which is cheaper than computing deltas for every hypothetical occupancy by hand.
import { type Model, weight } from "./model";
import { quotaHolds } from "./rules";

/**
 * Who sits where, with the running score and quota counts.
 *
 * @example
 * const st = new Placement(model);
 * st.place(e, b);
 * if (st.clashesAt(f, b2)) st.remove(e);
 */
export class Placement {
  readonly boothOf: Int32Array;
  readonly occupant: Int32Array;
  score = 0;
  assigned = 0;
  /** Assigned members per quota, in model order. */
  readonly members: Int32Array;
  /** Exhibitors moved since the flow solution; only they can be part of an improving swap. */
  readonly touched: Uint8Array;

  constructor(readonly m: Model) {
    this.boothOf = new Int32Array(m.nE).fill(-1);
    this.occupant = new Int32Array(m.nB).fill(-1);
    this.members = new Int32Array(m.quotas.length);
    this.touched = new Uint8Array(m.nE);
  }

  place(e: number, b: number): void {
    this.touched[e] = 1;
    this.boothOf[e] = b;
    this.occupant[b] = e;
    this.score += weight(this.m, e, b);
    this.assigned++;
    this.m.quotas.forEach((q, k) => (this.members[k] += q.member[e]));
  }

  remove(e: number): void {
    const b = this.boothOf[e];
    this.touched[e] = 1;
    this.score -= weight(this.m, e, b);
    this.boothOf[e] = -1;
    this.occupant[b] = -1;
    this.assigned--;
    this.m.quotas.forEach((q, k) => (this.members[k] -= q.member[e]));
  }

  /** Exchanges the booths of two assigned exhibitors (same size class). */
  swap(x: number, y: number): void {
    const bx = this.boothOf[x];
    const by = this.boothOf[y];
    this.score += weight(this.m, x, by) + weight(this.m, y, bx) - weight(this.m, x, bx) - weight(this.m, y, by);
    this.touched[x] = this.touched[y] = 1;
    this.swapQuietly(x, y);
  }

  /** Swap without bookkeeping, for trying a swap's clash check and undoing it. */
  swapQuietly(x: number, y: number): void {
    const bx = this.boothOf[x];
    const by = this.boothOf[y];
    this.boothOf[x] = by;
    this.boothOf[y] = bx;
    this.occupant[by] = x;
    this.occupant[bx] = y;
  }

  /** Whether a competitor of `e` sits next to booth `b` (e itself excluded, so a move's old spot is ignored). */
  clashesAt(e: number, b: number): boolean {
    const g = this.m.group[e];
    if (g < 0) return false;
    const { nbrStart, nbr, group } = this.m;
    for (let i = nbrStart[b]; i < nbrStart[b + 1]; i++) {
      const o = this.occupant[nbr[i]];
      if (o >= 0 && o !== e && group[o] === g) return true;
    }
    return false;
  }

  /** Assigned competitors next to `e`'s booth. */
  clashPartners(e: number): number[] {
    const b = this.boothOf[e];
    const g = this.m.group[e];
    if (b < 0 || g < 0) return [];
    const out: number[] = [];
    for (let i = this.m.nbrStart[b]; i < this.m.nbrStart[b + 1]; i++) {
      const o = this.occupant[this.m.nbr[i]];
      if (o >= 0 && this.m.group[o] === g) out.push(o);
    }
    return out;
  }

  /** The cheap sufficient test (share met, or every eligible member placed); see violatedQuota for the full rule. */
  quotaOk(k: number): boolean {
    const q = this.m.quotas[k];
    return quotaHolds(q.minShare, this.assigned, this.members[k], q.eligible);
  }

  /**
   * Whether an unassigned member of quota k could take a free booth, or one held by a non-fixed non-member,
   * without a clash. When none can, the quota holds even below its share (rules.ts).
   */
  memberCanEnter(k: number): boolean {
    const { m } = this;
    const q = m.quotas[k];
    for (let e = 0; e < m.nE; e++) {
      if (!q.member[e] || this.boothOf[e] >= 0 || m.classOfExhibitor[e] < 0 || this.isFixed(e)) continue;
      for (const b of m.classes[m.classOfExhibitor[e]].booths) {
        const f = this.occupant[b];
        if (f >= 0 && (q.member[f] || this.isFixed(f))) continue;
        if (!this.clashesAt(e, b)) return true;
      }
    }
    return false;
  }

  /** Index of the first quota that fails the full rule, or -1. */
  violatedQuota(): number {
    for (let k = 0; k < this.members.length; k++) if (!this.quotaOk(k) && this.memberCanEnter(k)) return k;
    return -1;
  }

  /** Would bringing in `inE` and/or taking out `outE` (-1 for none) keep every quota that holds now? */
  keepsQuotas(inE: number, outE: number): boolean {
    const { quotas } = this.m;
    const da = (inE >= 0 ? 1 : 0) - (outE >= 0 ? 1 : 0);
    for (let k = 0; k < quotas.length; k++) {
      const q = quotas[k];
      if (!this.quotaOk(k)) continue;
      const dm = (inE >= 0 ? q.member[inE] : 0) - (outE >= 0 ? q.member[outE] : 0);
      if (!quotaHolds(q.minShare, this.assigned + da, this.members[k] + dm, q.eligible)) return false;
    }
    return true;
  }

  isFixed(e: number): boolean {
    return this.m.fixedBooth[e] >= 0;
  }
}
