// Exact maximum-weight assignment for one size class, as a min-cost flow.
//
// A dense Hungarian matrix would be n×m; the weights only take three values per exhibitor (priority × 1, 2 or 3),
// so the network routes the "zone" and "anywhere" options through hub nodes instead:
//   S → exhibitor → preferred booth (−3p) | zone hub (−2p) | any hub (−p) → booth → T
// which has O(n·(|preferred| + |zones|) + m) edges. A booth reached through a hub may fit better than the hub
// edge says (a preferred booth in a zone); the optimum is unaffected, because the direct edge exists as well.
// Groups priced by separate.ts get zone hubs of their own, whose edges into booths carry the penalty.
//
// Solved by the primal–dual method: Dijkstra on reduced costs, then as many augmentations along zero reduced
// cost edges as a DFS finds, repeated until T is unreachable. Every exhibitor can take every booth of its
// class with weight ≥ 0 (the shared "anywhere" hub is never penalised), so the min-cost maximum flow is also
// a maximum-weight matching.
import { Heap } from "./heap";
import { type Model, weight } from "./model";

class Network {
  readonly head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Int32Array;
  cost: Float64Array;
  edges = 0;

  constructor(
    readonly nodes: number,
    maxEdges: number,
  ) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(2 * maxEdges);
    this.to = new Int32Array(2 * maxEdges);
    this.cap = new Int32Array(2 * maxEdges);
    this.cost = new Float64Array(2 * maxEdges);
  }

  /** Edge 2k is forward, 2k+1 its residual twin, so `e ^ 1` flips between them. */
  add(u: number, v: number, cap: number, cost: number): void {
    this.half(u, v, cap, cost);
    this.half(v, u, 0, -cost);
  }

  private half(from: number, to: number, cap: number, cost: number): void {
    const e = this.edges++;
    this.to[e] = to;
    this.cap[e] = cap;
    this.cost[e] = cost;
    this.next[e] = this.head[from];
    this.head[from] = e;
  }
}

/** Shortest distances from node 0; valid because every initial edge goes from a lower to a higher node. */
function dagPotentials(net: Network): Float64Array {
  const pot = new Float64Array(net.nodes).fill(Infinity);
  pot[0] = 0;
  for (let u = 0; u < net.nodes; u++) {
    if (pot[u] === Infinity) continue;
    for (let e = net.head[u]; e >= 0; e = net.next[e]) {
      if (net.cap[e] > 0 && pot[u] + net.cost[e] < pot[net.to[e]]) pot[net.to[e]] = pot[u] + net.cost[e];
    }
  }
  // Unreachable nodes never carry flow, so any finite potential will do.
  for (let u = 0; u < net.nodes; u++) if (pot[u] === Infinity) pot[u] = 0;
  return pot;
}

/**
 * Dijkstra on reduced costs, stopped as soon as T is settled; returns false when T is unreachable.
 * Updates the potentials in place: settled nodes by their distance, all others by dist[T].
 */
function dijkstra(net: Network, pot: Float64Array, dist: Float64Array, heap: Heap, t: number): boolean {
  dist.fill(Infinity);
  dist[0] = 0;
  heap.size = 0;
  heap.push(0, 0);
  while (heap.size > 0) {
    const d = heap.keys[0];
    const u = heap.vals[0];
    heap.pop();
    if (d > dist[u]) continue;
    if (u === t) break;
    for (let e = net.head[u]; e >= 0; e = net.next[e]) {
      if (net.cap[e] <= 0) continue;
      const v = net.to[e];
      const nd = d + Math.max(0, net.cost[e] + pot[u] - pot[v]);
      if (nd < dist[v]) {
        dist[v] = nd;
        heap.push(nd, v);
      }
    }
  }
  const reach = dist[t];
  if (reach === Infinity) return false;
  // Capping at dist[T] keeps every residual reduced cost ≥ 0 while making all shortest S–T paths tight;
  // nodes not settled before T have a true distance ≥ dist[T], so they get exactly the cap.
  for (let u = 0; u < net.nodes; u++) pot[u] += Math.min(dist[u], reach);
  return true;
}

/** Augments along tight edges until the DFS finds no more S–T paths; returns the number of augmentations. */
function augmentTight(net: Network, pot: Float64Array, t: number, eps: number): number {
  const it = Int32Array.from(net.head);
  const state = new Uint8Array(net.nodes); // 1 on the current path, 2 dead for this phase
  const via = new Int32Array(net.nodes);
  const path: number[] = [];
  let flows = 0;
  for (;;) {
    path.length = 0;
    path.push(0);
    state[0] = 1;
    while (path.length > 0 && path[path.length - 1] !== t) {
      const u = path[path.length - 1];
      let e = it[u];
      while (e >= 0) {
        const v = net.to[e];
        if (net.cap[e] > 0 && state[v] === 0 && net.cost[e] + pot[u] - pot[v] <= eps) break;
        e = net.next[e];
      }
      it[u] = e;
      if (e >= 0) {
        const v = net.to[e];
        via[v] = e;
        state[v] = 1;
        path.push(v);
      } else {
        state[u] = 2;
        path.pop();
      }
    }
    if (path.length === 0) return flows;
    for (let i = 1; i < path.length; i++) {
      const e = via[path[i]];
      net.cap[e]--;
      net.cap[e ^ 1]++;
      state[path[i]] = 0;
    }
    state[0] = 0;
    flows++;
  }
}

/** `total` is the true weight; `penalized` subtracts the penalties paid (for the Lagrangian bound). */
export type ClassAssignment = { boothOf: Map<number, number>; total: number; penalized: number };

/** Extra cost for a group's members on a booth, by group then booth; steers competitors apart (assign.ts). */
export type Penalties = Map<number, Map<number, number>>;

type Hubs = { ids: Map<string, number>; booths: number[][]; penalty: Array<Map<number, number> | undefined> };

/**
 * Hub for an exhibitor's zone (or "anywhere", zone -1) option. Members of a penalised group get hubs of their
 * own, whose edges into booths carry the penalties; everybody else shares one hub per zone.
 */
function hubOf(h: Hubs, byZone: Map<number, number[]>, zone: number, group: number, penalty?: Map<number, number>): number {
  const key = penalty === undefined ? `${zone}` : `${zone}/${group}`;
  let id = h.ids.get(key);
  if (id === undefined) {
    h.ids.set(key, (id = h.booths.push(byZone.get(zone) ?? []) - 1));
    h.penalty.push(penalty);
  }
  return id;
}

/** The class's booths by zone, plus all of them under -1 (the "anywhere" option). */
function boothsByZone(m: Model, booths: number[]): Map<number, number[]> {
  const out = new Map<number, number[]>([[-1, booths]]);
  for (const b of booths) {
    const z = m.boothZone[b];
    if (z >= 0) (out.get(z) ?? out.set(z, []).get(z)!).push(b);
  }
  return out;
}

/**
 * Maximum-weight assignment of `exhibitors` to `booths` (one size class, fixed ones removed), ignoring
 * adjacency and quotas, with weights lowered by `penalties`. Exact: without penalties this is both the start
 * solution and the upper bound.
 *
 * @example
 * const { boothOf, total } = maxWeightAssignment(model, cls.exhibitors, cls.booths);
 */
export function maxWeightAssignment(m: Model, exhibitors: number[], booths: number[], penalties?: Penalties): ClassAssignment {
  const n = exhibitors.length;
  const hubs: Hubs = { ids: new Map(), booths: [], penalty: [] };
  const byZone = boothsByZone(m, booths);
  const arcs = exhibitors.map((e) => {
    const g = m.group[e];
    const pen = g >= 0 ? penalties?.get(g) : undefined;
    const zones = Array.from(m.zonesOf[e], (z) => hubOf(hubs, byZone, z, g, pen));
    // The "anywhere" hub stays shared: a group hub into every booth of the class costs O(groups × booths) edges,
    // while clashes happen where competitors cluster, in their own zones. A penalty above p is thus bypassed
    // through a fit-1 placement; the repair handles what is left.
    return { e, pen, zones, any: hubOf(hubs, byZone, -1, -1) };
  });
  const firstBooth = n + 1 + hubs.booths.length;
  const boothNode = new Int32Array(m.nB).fill(-1); // global booth → network node, -1 outside this class
  booths.forEach((b, i) => (boothNode[b] = firstBooth + i));
  const t = firstBooth + booths.length;
  let edgeCount = n + booths.length;
  for (const a of arcs) edgeCount += m.preferredOf[a.e].length + a.zones.length + 1;
  for (const list of hubs.booths) edgeCount += list.length;
  const net = new Network(t + 1, edgeCount);
  arcs.forEach(({ e, pen, zones, any }, i) => {
    const p = m.priority[e];
    net.add(0, i + 1, 1, 0);
    for (const b of m.preferredOf[e]) if (boothNode[b] >= 0) net.add(i + 1, boothNode[b], 1, -3 * p + (pen?.get(b) ?? 0));
    for (const h of zones) net.add(i + 1, n + 1 + h, 1, -2 * p);
    net.add(i + 1, n + 1 + any, 1, -p);
  });
  hubs.booths.forEach((list, h) => list.forEach((b) => net.add(n + 1 + h, boothNode[b], 1, hubs.penalty[h]?.get(b) ?? 0)));
  booths.forEach((b) => net.add(boothNode[b], t, 1, 0));
  solve(net, t, exhibitors.reduce((mx, e) => Math.max(mx, m.priority[e]), 0));
  const out = decompose(m, net, exhibitors, booths, firstBooth);
  // The penalised value is read off the edges actually used: a placement through the shared hub pays nothing.
  out.penalized = 0;
  for (let e = 0; e < net.edges; e += 2) if (net.cap[e] === 0) out.penalized -= net.cost[e];
  return out;
}

function solve(net: Network, t: number, maxPriority: number): void {
  const eps = 1e-9 * Math.max(1, maxPriority);
  const pot = dagPotentials(net);
  const dist = new Float64Array(net.nodes);
  const heap = new Heap(1024);
  while (dijkstra(net, pot, dist, heap, t)) {
    if (augmentTight(net, pot, t, eps) === 0) break; // cannot happen with exact potentials; guards float drift
  }
}

/** Reads exhibitor → booth pairs off the flow; pairings inside a hub are interchangeable by construction. */
function decompose(m: Model, net: Network, exhibitors: number[], booths: number[], firstBooth: number): ClassAssignment {
  const n = exhibitors.length;
  const hubIn = new Map<number, number[]>();
  const boothOf = new Map<number, number>();
  const used = (e: number) => (e & 1) === 0 && net.cap[e] === 0;
  for (let i = 0; i < n; i++) {
    for (let e = net.head[i + 1]; e >= 0; e = net.next[e]) {
      if (!used(e)) continue;
      const v = net.to[e];
      if (v >= firstBooth) boothOf.set(exhibitors[i], booths[v - firstBooth]);
      else (hubIn.get(v) ?? hubIn.set(v, []).get(v)!).push(exhibitors[i]);
    }
  }
  for (const [hub, members] of hubIn) {
    for (let e = net.head[hub]; e >= 0; e = net.next[e]) {
      if (used(e) && net.to[e] >= firstBooth) boothOf.set(members.pop()!, booths[net.to[e] - firstBooth]);
    }
  }
  let total = 0;
  for (const [e, b] of boothOf) total += weight(m, e, b);
  return { boothOf, total, penalized: total };
}
