// A small GET load generator for the page benchmarks (the GET twin of bench/gate/load.ts, which stays as it is
// for the gate bench): node:http keep-alive sockets, the same client for the app and the reference, loopback only,
// bounded in request count and time. Sends no Accept-Encoding, so neither server compresses.
import http from "node:http";

export type GetReply = { status: number; body: Buffer; headers: http.IncomingHttpHeaders; ms: number };

/** One GET with optional Cookie header over `agent`; resolves with status, body bytes, headers and latency. */
export function get(agent: http.Agent | undefined, port: number, path: string, cookie?: string): Promise<GetReply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: "GET", agent, headers: cookie ? { cookie } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers, ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export type GetLoadResult = { requests: number; seconds: number; rps: number; p50: number; p99: number; statuses: Record<string, number>; bytes: number };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Closed loop: `connections` workers each send the next GET as soon as the previous answer arrived, until
 * `maxRequests` were sent or `durationMs` passed. Throughput = answers / elapsed seconds; p50/p99 of latencies.
 */
export async function closedLoopGet(port: number, path: string, opts: { connections: number; maxRequests: number; durationMs: number; cookie?: string }): Promise<GetLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let sent = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const worker = async () => {
    while (sent < opts.maxRequests && performance.now() < deadline) {
      sent++;
      const reply = await get(agent, port, path, opts.cookie);
      latencies.push(reply.ms);
      bytes += reply.body.length;
      statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, seconds, rps: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), statuses, bytes };
}
