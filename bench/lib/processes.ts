// What the HTTP benchmarks share: free ports, starting and stopping servers as child processes, waiting until one
// answers, and the median and number format of their reports.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const fmt = (x: number, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Polls until the server answers `pathName` (any status when `anyStatus`, else 200), for up to a minute. */
export async function waitFor(port: number, pathName: string, child: ChildProcess, log: () => string, anyStatus = false): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: pathName }, (res) => { res.resume(); resolve(anyStatus || res.statusCode === 200); })
        .on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} did not answer: ${log()}`);
}

/** Starts `node <command>` in the project folder; `log()` gives the last 4 KB of its stderr. */
export function start(command: string[], env: Record<string, string>): { child: ChildProcess; log: () => string } {
  let out = "";
  const child = spawn(process.execPath, command, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr!.on("data", (c: Buffer) => { out = (out + c.toString()).slice(-4000); });
  return { child, log: () => out };
}

/** SIGTERM, then SIGKILL after 5 s. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
