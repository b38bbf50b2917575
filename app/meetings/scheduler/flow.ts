// Exact combinatorial building blocks for the upper bound: Hopcroft–Karp matching and Dinic max-flow,
// both on typed arrays so that 24 matchings over 20k requests stay within tens of milliseconds.

/**
 * Size of a maximum matching in a bipartite graph given as edge lists (left[i], right[i]).
 *
 * @example
 * maxBipartiteMatching(2, 2, [0, 0, 1], [0, 1, 0]); // 2
 */
export function maxBipartiteMatching(nLeft: number, nRight: number, left: ArrayLike<number>, right: ArrayLike<number>): number {
  const start = new Int32Array(nLeft + 1);
  for (let i = 0; i < left.length; i++) start[left[i] + 1]++;
  for (let u = 0; u < nLeft; u++) start[u + 1] += start[u];
  const adj = new Int32Array(left.length);
  const fill = start.slice(0, nLeft);
  for (let i = 0; i < left.length; i++) adj[fill[left[i]]++] = right[i];
  const mateL = new Int32Array(nLeft).fill(-1);
  const mateR = new Int32Array(nRight).fill(-1);
  let size = greedyMatch(nLeft, start, adj, mateL, mateR);
  const dist = new Int32Array(nLeft);
  const it = new Int32Array(nLeft);
  const queue = new Int32Array(nLeft);
  const stack = new Int32Array(nLeft);
  while (layer(nLeft, start, adj, mateL, mateR, dist, queue)) {
    for (let u = 0; u < nLeft; u++) it[u] = start[u];
    for (let u = 0; u < nLeft; u++) {
      if (mateL[u] < 0 && augment(u, start, adj, mateL, mateR, dist, it, stack)) size++;
    }
  }
  return size;
}

function greedyMatch(nLeft: number, start: Int32Array, adj: Int32Array, mateL: Int32Array, mateR: Int32Array): number {
  let size = 0;
  for (let u = 0; u < nLeft; u++) {
    for (let k = start[u]; k < start[u + 1]; k++) {
      if (mateR[adj[k]] < 0) {
        mateL[u] = adj[k];
        mateR[adj[k]] = u;
        size++;
        break;
      }
    }
  }
  return size;
}

/** BFS from free left vertices; true when some free right vertex is reachable. */
function layer(n: number, start: Int32Array, adj: Int32Array, mateL: Int32Array, mateR: Int32Array, dist: Int32Array, queue: Int32Array): boolean {
  let head = 0;
  let tail = 0;
  for (let u = 0; u < n; u++) {
    dist[u] = mateL[u] < 0 ? 0 : -1;
    if (mateL[u] < 0) queue[tail++] = u;
  }
  let found = false;
  while (head < tail) {
    const u = queue[head++];
    for (let k = start[u]; k < start[u + 1]; k++) {
      const w = mateR[adj[k]];
      if (w < 0) found = true;
      else if (dist[w] < 0) {
        dist[w] = dist[u] + 1;
        queue[tail++] = w;
      }
    }
  }
  return found;
}

/** Iterative DFS along the BFS layers; flips the path when it ends at a free right vertex. */
function augment(root: number, start: Int32Array, adj: Int32Array, mateL: Int32Array, mateR: Int32Array, dist: Int32Array, it: Int32Array, stack: Int32Array): boolean {
  let top = 0;
  stack[top++] = root;
  while (top > 0) {
    const u = stack[top - 1];
    if (it[u] >= start[u + 1]) {
      dist[u] = -1; // dead end: never enter again in this phase
      top--;
      continue;
    }
    const v = adj[it[u]];
    const w = mateR[v];
    if (w < 0) {
      // Flip the whole path: each stacked left vertex takes the right vertex it is pointing at.
      for (let i = top - 1; i >= 0; i--) {
        const x = stack[i];
        const y = adj[it[x]];
        mateL[x] = y;
        mateR[y] = x;
      }
      return true;
    }
    if (dist[w] === dist[u] + 1) stack[top++] = w;
    else it[u]++;
    // When w's subtree fails it pops and marks dist[w] = -1, so the check above advances it[u].
  }
  return false;
}

export interface FlowNetwork {
  n: number;
  from: number[];
  to: number[];
  cap: number[];
}

/** Arc lists of the residual network: arc 2i is input edge i, arc 2i+1 its reverse. */
interface Residual {
  head: Int32Array;
  next: Int32Array;
  to: Int32Array;
  cap: Float64Array;
}

function buildResidual(net: FlowNetwork): Residual {
  const E = net.from.length * 2;
  const head = new Int32Array(net.n).fill(-1);
  const next = new Int32Array(E);
  const to = new Int32Array(E);
  const cap = new Float64Array(E);
  for (let i = 0; i < net.from.length; i++) {
    to[2 * i] = net.to[i];
    cap[2 * i] = net.cap[i];
    next[2 * i] = head[net.from[i]];
    head[net.from[i]] = 2 * i;
    to[2 * i + 1] = net.from[i];
    next[2 * i + 1] = head[net.to[i]];
    head[net.to[i]] = 2 * i + 1;
  }
  return { head, next, to, cap };
}

/** BFS levels from the source over arcs with residual capacity; false when the sink is unreachable. */
function levels(res: Residual, source: number, sink: number, level: Int32Array, queue: Int32Array): boolean {
  level.fill(-1);
  level[source] = 0;
  let qh = 0;
  let qt = 0;
  queue[qt++] = source;
  while (qh < qt) {
    const u = queue[qh++];
    for (let e = res.head[u]; e >= 0; e = res.next[e]) {
      if (res.cap[e] > 0 && level[res.to[e]] < 0) {
        level[res.to[e]] = level[u] + 1;
        queue[qt++] = res.to[e];
      }
    }
  }
  return level[sink] >= 0;
}

/**
 * Maximum flow value from `source` to `sink` (Dinic).
 *
 * @example
 * maxFlow({ n: 3, from: [0, 1], to: [1, 2], cap: [5, 3] }, 0, 2); // 3
 */
export function maxFlow(net: FlowNetwork, source: number, sink: number): number {
  const res = buildResidual(net);
  const { next, to, cap } = res;
  const level = new Int32Array(net.n);
  const it = new Int32Array(net.n);
  const queue = new Int32Array(net.n);
  // Paths in our networks have at most 4 arcs, so the recursion stays shallow.
  const push = (u: number, f: number): number => {
    if (u === sink) return f;
    for (; it[u] >= 0; it[u] = next[it[u]]) {
      const e = it[u];
      if (cap[e] <= 0 || level[to[e]] !== level[u] + 1) continue;
      const got = push(to[e], Math.min(f, cap[e]));
      if (got > 0) {
        cap[e] -= got;
        cap[e ^ 1] += got;
        return got;
      }
    }
    return 0;
  };
  let value = 0;
  while (levels(res, source, sink, level, queue)) {
    it.set(res.head);
    for (let f = push(source, Infinity); f > 0; f = push(source, Infinity)) value += f;
  }
  return value;
}

