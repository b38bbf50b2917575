// A small HTTP load generator for the gate benchmarks: node:http with keep-alive sockets (the same client
// engine for the app and the reference), loopback only, bounded in request count and time.
import http from "node:http";

export type Reply = { status: number; body: string; ms: number };

/** One POST with a JSON body over a keep-alive agent; resolves with status, body and latency. */
export function postJson(agent: http.Agent, port: number, path: string, body: string, token?: string): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1", port, path, method: "POST", agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export type Request = { path: string; body: string; token?: string };
export type LoadResult = { requests: number; seconds: number; rps: number; p50: number; p99: number; statuses: Record<string, number>; bodies: string[] };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summarize(latencies: number[], statuses: Record<string, number>, seconds: number, bodies: string[]): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), statuses, bodies };
}

/**
 * Closed loop: `connections` workers each send their next request as soon as the previous answer arrives,
 * until `durationMs` has passed or `maxRequests` were sent. Throughput = answers / elapsed seconds.
 */
export async function closedLoop(port: number, next: (i: number) => Request, opts: { connections: number; durationMs: number; maxRequests: number; keepBodies?: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const bodies: string[] = [];
  let sent = 0;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const worker = async () => {
    while (sent < opts.maxRequests && performance.now() < deadline) {
      const r = next(sent++);
      const reply = await postJson(agent, port, r.path, r.body, r.token);
      latencies.push(reply.ms);
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
      if (bodies.length < (opts.keepBodies ?? 0)) bodies.push(reply.body);
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return summarize(latencies, statuses, seconds, bodies);
}

/**
 * Open loop at a fixed offered rate: request i is due at start + i / rate; its latency is measured from when it
 * was due (so a stall shows in the tail instead of silently lowering the offered rate).
 */
export async function openLoop(port: number, next: (i: number) => Request, opts: { ratePerSecond: number; count: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < opts.count; i++) {
    const due = started + (i * 1000) / opts.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const r = next(i);
    pending.push(postJson(agent, port, r.path, r.body, r.token).then((reply) => {
      latencies.push(performance.now() - due);
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    }));
  }
  await Promise.all(pending);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return summarize(latencies, statuses, seconds, []);
}
