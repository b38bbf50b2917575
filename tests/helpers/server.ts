import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { withDatabase } from "../setup/global-setup";

export type AppServer = {
  /** `http://127.0.0.1:<port>`, also the server's APP_URL (links in emails point here). */
  baseUrl: string;
  /** Everything the server printed so far (stdout and stderr). */
  log: () => string;
  /** SIGTERM, wait for the exit, drop the database and the temp directory. */
  stop: () => Promise<void>;
};

const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER = path.join(ROOT, "server.mjs");
const BUILD = path.join(ROOT, "build/index.js");

/** A port that was free a moment ago (the OS picks it; we release it for the server to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh database for one server: a copy of the PGlite template dir, or a clone of the PostgreSQL template. */
async function freshDatabase(tmp: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const templateUrl = inject("pgTemplateUrl");
  if (templateUrl) {
    const name = `pendopo_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(withDatabase(templateUrl, "postgres"), { max: 1, onnotice: () => {} });
    const template = new URL(templateUrl).pathname.slice(1);
    await admin.unsafe(`create database ${name} template ${template}`);
    return {
      env: { DATABASE_URL: withDatabase(templateUrl, name) },
      drop: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dir = path.join(tmp, "pglite");
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  return { env: { PGLITE_DIR: dir }, drop: async () => {} };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the built production server (`node server.mjs build/index.js`, as `npm start`) on a free port with its own fresh
 * database, SMTP sink and mail directory, and resolves once `/healthcheck` answers 200. Run `remix build`
 * first (`npm test` does it in `pretest`).
 */
export async function startAppServer(options: { smtpUrl?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<AppServer> {
  if (!existsSync(BUILD)) throw new Error(`${BUILD} is missing: run \`npx remix build\` first`);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "pendopo-e2e-"));
  const mailDir = path.join(tmp, "mail");
  mkdirSync(mailDir);
  const db = await freshDatabase(tmp);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The server is its own program: no test-runner variables (VITEST would skip its boot).
    VITEST: undefined, VITEST_POOL_ID: undefined, VITEST_WORKER_ID: undefined, TEST: undefined,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: baseUrl,
    MAIL_DIR: mailDir,
    OUTBOX_POLL_MS: "100",
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : { SMTP_URL: undefined }),
    DATABASE_URL: undefined,
    PGLITE_DIR: undefined,
    ...db.env,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [SERVER, BUILD], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr!.on("data", (chunk: Buffer) => { output += chunk.toString(); });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 12_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 2_000);
      }
    }
    await db.drop().catch(() => {});
    rmSync(tmp, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`the app server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
    }
    const ok = await fetch(`${baseUrl}/healthcheck`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the app server did not answer ${baseUrl}/healthcheck within ${options.timeoutMs ?? 30_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { baseUrl, log: () => output, stop };
}
