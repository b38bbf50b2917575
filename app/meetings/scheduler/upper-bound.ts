// Cheap upper bound of perf.md §A ("scheduled / UB"): no schedule can beat it, and on the benchmark
// families it equals the ILP optimum in 24 of 25 solved instances.
//
// Count bound U = min(live requests, Σ_t min(K_t, ν_t), F) where
//   ν_t = maximum matching among requests allowed in slot t (each person meets once per slot),
//   F   = max-flow b-matching: person capacity c_p = min(maxMeetings, |slots usable by p's requests|),
//         one unit per request.
// The request graph need not be bipartite (buyer–buyer meetings are allowed). If it is, we use its
// 2-colouring; otherwise the bipartite double cover (every person on both sides, every request both ways),
// whose optimum is at least twice any real schedule, so half of it (rounded down) is still a bound.
//
// Weighted bound (weights ≠ 1): the minimum of
//   - the sum of the U largest live weights (no schedule has more than U meetings),
//   - Σ_t (sum of the min(K_t, ν_t) largest weights allowed in t),
//   - ½ Σ_p (sum of the c_p largest weights of p's live requests) (every meeting has two people).
// It is safe but looser than the LP bound; for unit weights it equals U.
import { maxBipartiteMatching, maxFlow } from "./flow";
import type { Model } from "./model";

export interface UpperBound {
  /** Bound on the number of meetings. */
  count: number;
  /** Bound on the total weight (equals `count` for unit weights). */
  weight: number;
  /** 2-colouring of the request graph (e.g. buyers 0, sellers 1), when it is bipartite. */
  side?: Int8Array;
}

/**
 * 2-colouring of the request graph (buyers on one side, sellers on the other when every request is
 * buyer–seller), or undefined when it has an odd cycle (e.g. three buyers meeting each other).
 *
 * @example
 * bipartition(compileModel(instance))?.[0]; // 0 or 1
 */
export function bipartition(m: Model): Int8Array | undefined {
  const side = new Int8Array(m.P).fill(-1);
  const queue = new Int32Array(m.P);
  for (let root = 0; root < m.P; root++) {
    if (side[root] >= 0) continue;
    side[root] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const p = queue[head++];
      for (let k = m.adjStart[p]; k < m.adjStart[p + 1]; k++) {
        const r = m.adjReq[k];
        const q = m.reqA[r] === p ? m.reqB[r] : m.reqA[r];
        if (side[q] < 0) {
          side[q] = 1 - side[p];
          queue[tail++] = q;
        } else if (side[q] === side[p]) return undefined;
      }
    }
  }
  return side;
}

/** A request is live when it has an allowed slot with at least one table. */
function liveRequests(m: Model): Uint8Array {
  const live = new Uint8Array(m.R);
  for (let r = 0; r < m.R; r++) {
    for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) {
      if (m.capacity[m.allowedSlots[k]] > 0) live[r] = 1;
    }
  }
  return live;
}

/** Oriented edge lists: bipartite orientation, or both directions in the double cover. */
function orient(m: Model, side: Int8Array | undefined, r: number, out: { l: number[]; r: number[] }): void {
  const a = m.reqA[r];
  const b = m.reqB[r];
  if (side) {
    out.l.push(side[a] === 0 ? a : b);
    out.r.push(side[a] === 0 ? b : a);
  } else {
    out.l.push(a, b);
    out.r.push(b, a);
  }
}

function perSlotMatchings(m: Model, side: Int8Array | undefined, live: Uint8Array): Int32Array {
  const nu = new Int32Array(m.T);
  const edges = Array.from({ length: m.T }, () => ({ l: [] as number[], r: [] as number[] }));
  for (let r = 0; r < m.R; r++) {
    if (!live[r]) continue;
    for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) orient(m, side, r, edges[m.allowedSlots[k]]);
  }
  for (let t = 0; t < m.T; t++) {
    if (m.capacity[t] === 0) continue;
    const size = maxBipartiteMatching(m.P, m.P, edges[t].l, edges[t].r);
    nu[t] = side ? size : Math.floor(size / 2);
  }
  return nu;
}

/** c_p: a person meets at most once per usable slot and at most maxMeetings times. */
function personCapacity(m: Model, live: Uint8Array): Int32Array {
  const cap = new Int32Array(m.P);
  const seen = new Uint8Array(m.T);
  for (let p = 0; p < m.P; p++) {
    seen.fill(0);
    let n = 0;
    for (let k = m.adjStart[p]; k < m.adjStart[p + 1]; k++) {
      const r = m.adjReq[k];
      if (!live[r]) continue;
      for (let j = m.allowedStart[r]; j < m.allowedStart[r + 1]; j++) {
        const t = m.allowedSlots[j];
        if (!seen[t] && m.capacity[t] > 0) {
          seen[t] = 1;
          n++;
        }
      }
    }
    cap[p] = Math.min(n, m.maxMeetings[p]);
  }
  return cap;
}

function flowBound(m: Model, side: Int8Array | undefined, live: Uint8Array, cap: Int32Array): number {
  // Nodes: 0 source, 1 sink, 2 + p left copy, 2 + P + p right copy.
  const net = { n: 2 + 2 * m.P, from: [] as number[], to: [] as number[], cap: [] as number[] };
  for (let p = 0; p < m.P; p++) {
    if (!side || side[p] === 0) net.from.push(0), net.to.push(2 + p), net.cap.push(cap[p]);
    if (!side || side[p] === 1) net.from.push(2 + m.P + p), net.to.push(1), net.cap.push(cap[p]);
  }
  const pair = new Map<number, number>();
  const edges = { l: [] as number[], r: [] as number[] };
  for (let r = 0; r < m.R; r++) if (live[r]) orient(m, side, r, edges);
  for (let i = 0; i < edges.l.length; i++) {
    const key = edges.l[i] * m.P + edges.r[i];
    pair.set(key, (pair.get(key) ?? 0) + 1);
  }
  for (const [key, n] of pair) {
    net.from.push(2 + Math.floor(key / m.P));
    net.to.push(2 + m.P + (key % m.P));
    net.cap.push(n);
  }
  const f = maxFlow(net, 0, 1);
  return side ? f : Math.floor(f / 2);
}

function topSum(values: number[], n: number): number {
  if (n >= values.length) return values.reduce((x, y) => x + y, 0);
  const sorted = values.slice().sort((x, y) => y - x);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i];
  return sum;
}

function weightBound(m: Model, live: Uint8Array, count: number, perSlot: Int32Array, cap: Int32Array): number {
  const all: number[] = [];
  const bySlot: number[][] = Array.from({ length: m.T }, () => []);
  const byPerson: number[][] = Array.from({ length: m.P }, () => []);
  for (let r = 0; r < m.R; r++) {
    if (!live[r]) continue;
    all.push(m.weight[r]);
    byPerson[m.reqA[r]].push(m.weight[r]);
    byPerson[m.reqB[r]].push(m.weight[r]);
    for (let k = m.allowedStart[r]; k < m.allowedStart[r + 1]; k++) bySlot[m.allowedSlots[k]].push(m.weight[r]);
  }
  const slotSum = bySlot.reduce((sum, ws, t) => sum + topSum(ws, perSlot[t]), 0);
  const personSum = byPerson.reduce((sum, ws, p) => sum + topSum(ws, cap[p]), 0) / 2;
  return Math.min(topSum(all, count), slotSum, personSum);
}

/**
 * Computes the count and weight upper bounds described at the top of this file.
 *
 * @example
 * const ub = upperBound(compileModel(instance));
 * result.stats.scheduled / ub.count; // quality as reported by the benchmarks
 */
export function upperBound(m: Model): UpperBound {
  const live = liveRequests(m);
  const side = bipartition(m);
  const nu = perSlotMatchings(m, side, live);
  const perSlot = new Int32Array(m.T);
  let slotTotal = 0;
  for (let t = 0; t < m.T; t++) {
    perSlot[t] = Math.min(m.capacity[t], nu[t]);
    slotTotal += perSlot[t];
  }
  const cap = personCapacity(m, live);
  const liveCount = live.reduce((n, x) => n + x, 0);
  const count = Math.min(liveCount, slotTotal, flowBound(m, side, live, cap));
  const weight = m.unit ? count : weightBound(m, live, count, perSlot, cap);
  return side ? { count, weight, side } : { count, weight };
}
