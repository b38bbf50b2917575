// Gate benchmarks (perf.md §C, rows GATE-T and GATE-O), each against a reference measured in the same run.
//
//   npx tsx bench/gate/run.ts              # builds, 3 runs, writes bench/gate/RESULTS.md
//   npx tsx bench/gate/run.ts --quick      # 1 short run, prints only (smoke test)
//   options: --runs N, --no-build, --only T|O (one benchmark, prints only), --profile (CPU profile of the app server in tmp/gate-profile), BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres)
//
// GATE-T  POST /api/v1/scans on the built app (`remix build` + server.mjs as `npm start`, NODE_ENV=production, PostgreSQL)
//         under 16 keep-alive connections for 10 s; reference: a bare node:http server doing JSON parse +
//         Ed25519 verify + one SQL statement on the same database → throughput ratio. Then p50/p99 of both
//         at a fixed offered rate of 200 scans/s (latency from each request's due time).
// GATE-O  10,000 offline scans (force: true) flushed at once by 20 devices as 20 × 500 via the batch API,
//         5 % re-sent nonces, 2 % same badge at two gates → ingest seconds, exactly once per nonce, double
//         admits flagged forced; reference: the same rows in one multi-row INSERT … ON CONFLICT.
// A fresh PostgreSQL database is created for the run and dropped afterwards; everything is on loopback.
import { spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { createDb, migrateToLatest, type Db } from "../../db/index";
import { ensureEventKey } from "../../app/badges/badge-keys.server";
import { issueBadgeToken } from "../../app/badges/badge-sign.server";
import { shortCodeFromBytes } from "../../app/badges/short-code";
import { createCheckinList, createGateDevice } from "../../app/checkin/gates.server";
import { closedLoop, openLoop, postJson, type LoadResult } from "./load";
import { fmt, freePort, median, ROOT, start, stop, waitFor } from "../lib/processes";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined; // "T" or "O" (prints only)
const RUNS = Number(args[args.indexOf("--runs") + 1]) > 0 && args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : quick ? 1 : 3;
const TICKETS = 20_000;
const CONNECTIONS = 16;
const DURATION_MS = quick ? 3_000 : 10_000;
const MAX_REQUESTS = 60_000;
const RATE = 200;
const RATE_COUNT = quick ? 600 : 2_000;
const DEVICES_T = 100; // per-device limit is 600/min: spread the closed-loop load over 100 gate tokens
const OFFLINE_DEVICES = 20;
const OFFLINE_TICKETS = 10_000;
const BATCH = 500;
const ADMIN_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";


// ---------- data ----------

type Ticket = { id: string; qr: string };
/** Each GATE-T and GATE-O run gets its own never-scanned tickets: the server caches verified codes per process. */
type Seed = { eventId: string; orgId: string; tRuns: Ticket[][]; oRuns: Ticket[][] };

async function seed(db: Db, sql: postgres.Sql): Promise<Seed> {
  const user = await db.insertInto("appUser").values({ name: "Bench", email: "bench@pendopo.test", passwordHash: "-", locale: "id" }).returning("id").executeTakeFirstOrThrow();
  const org = await db.insertInto("organization").values({ slug: "bench-gate", name: "Kadin Bench", kind: "kadin" }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("membership").values({ organizationId: org.id, userId: user.id, role: "owner" }).execute();
  const event = await db.insertInto("event").values({
    organizationId: org.id, slug: "bench-gate", name: "Pameran Bench Gerbang", kind: "pameran", timeZone: "Asia/Jakarta", firstDay: "2026-12-13", lastDay: "2026-12-15",
  }).returning("id").executeTakeFirstOrThrow();
  const key = await ensureEventKey(db, event.id);
  const badges: Ticket[] = [];
  const total = (RUNS + 1) * (TICKETS + OFFLINE_TICKETS); // + one set for warm-ups
  for (let start = 0; start < total; start += 1000) {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const id = randomUUID();
      const { token, seed } = issueBadgeToken({ keyId: key.keyId, eventId: event.id, badgeId: id }, key.privateKey);
      badges.push({ id, qr: token });
      return { id, eventId: event.id, kind: "visitor" as const, holderName: `Pengunjung ${start + i + 1}`, organizationName: "UMKM Batik", keyId: key.keyId, seed, shortCode: shortCodeFromBytes(randomBytes(8)) };
    });
    await db.insertInto("badge").values(rows).execute();
  }
  const slice = (k: number, size: number, base: number) => badges.slice(base + k * size, base + (k + 1) * size);
  const tRuns = Array.from({ length: RUNS + 1 }, (_, k) => slice(k, TICKETS, 0));
  const oRuns = Array.from({ length: RUNS }, (_, k) => slice(k, OFFLINE_TICKETS, (RUNS + 1) * TICKETS));
  // Reference tables in the same database.
  await sql`create table ref_badge (id uuid primary key, checked_in_at timestamptz)`;
  await sql`insert into ref_badge (id) select unnest(${sql.array(badges.map((b) => b.id))}::uuid[])`;
  await sql`create table ref_scan (nonce text primary key, badge_id uuid not null, scanned_at timestamptz not null)`;
  await sql`create table ref_checkin (like checkin including defaults including constraints including indexes)`;
  await sql`vacuum analyze`;
  return { eventId: event.id, orgId: org.id, tRuns, oRuns };
}

let listNo = 0;
/** A fresh list (histories are per list, so every run starts from empty ones) with `n` gate tokens. */
async function freshGates(db: Db, eventId: string, n: number, rules: Record<string, unknown> = {}) {
  listNo += 1;
  const list = await createCheckinList(db, eventId, { name: `Bench ${listNo}`, ...rules }, { now: new Date() });
  if (!list.ok) throw new Error(list.reason);
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = await createGateDevice(db, { eventId, checkinListId: list.value.id, name: `G${listNo}-${i}` }, { now: new Date() });
    if (!d.ok) throw new Error(d.reason);
    tokens.push(d.value.token);
  }
  return { listId: list.value.id, tokens };
}

// ---------- GATE-T ----------

type TRun = { app: LoadResult; ref: LoadResult; floor: LoadResult; appRate: LoadResult; refRate: LoadResult; appCpuMs: number; floorCpuMs: number; refCpuMs: number; appPgCpuMs: number; refPgCpuMs: number };

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}
/**
 * CPU seconds per process of the local PostgreSQL backends connected to the benchmark's database (by their process
 * title), from /proc; empty elsewhere. Other databases' backends on this shared server, and the shared WAL writer
 * and checkpointer, are left out: they cannot be attributed to one server.
 */
function postgresCpu(): Map<string, number> {
  const cpu = new Map<string, number>();
  try {
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        if (readFileSync(`/proc/${name}/cmdline`, "utf8").includes(` ${benchDbName} `)) cpu.set(name, cpuSeconds(Number(name)));
      } catch { /* the process ended meanwhile */ }
    }
  } catch { /* no /proc */ }
  return cpu;
}
/** CPU seconds spent between two snapshots by the backends alive at the end; one that exited meanwhile (an idle
 * connection closing) is left out rather than subtracting its whole past. */
function postgresCpuDelta(before: Map<string, number>, after: Map<string, number>): number {
  let total = 0;
  for (const [pid, t] of after) total += t - (before.get(pid) ?? 0);
  return after.size > 0 ? total : NaN;
}
const benchDbName = `pendopo_bench_gate_${process.pid}`;
/** PostgreSQL CPU milliseconds per request of the last `withCpu` call (printed, not in the report: diagnostics). */
const pgCpu: { lastMs: number } = { lastMs: NaN };
/** Runs `fn` and returns its result with the CPU milliseconds `pid` spent per request meanwhile. */
async function withCpu(pid: number | undefined, fn: () => Promise<LoadResult>): Promise<[LoadResult, number]> {
  const before = cpuSeconds(pid);
  const pgBefore = postgresCpu();
  const result = await fn();
  pgCpu.lastMs = (postgresCpuDelta(pgBefore, postgresCpu()) * 1000) / result.requests;
  return [result, ((cpuSeconds(pid) - before) * 1000) / result.requests];
}

async function gateT(db: Db, sql: postgres.Sql, s: Seed, appPort: number, refPort: number, run: number, pids: { app?: number; ref?: number }): Promise<TRun> {
  const tickets = s.tRuns[run]!;
  const warmTickets = s.tRuns[RUNS]!;
  const scanBody = (i: number, set = tickets) => JSON.stringify({ code: set[i % set.length]!.qr, type: "entry", nonce: randomUUID(), scannedAt: new Date().toISOString(), force: false });
  const reset = async () => {
    await sql`update ref_badge set checked_in_at = null where checked_in_at is not null`;
    await sql`truncate ref_scan`;
  };
  // Fresh gates (and so empty histories) per phase, created before the phase so their setup is not measured.
  const appLoad = async (rateMode: boolean, { tokens }: { tokens: string[] }) => {
    // The fixed-rate phase scans the end of the ticket set, which the closed loop rarely reaches (fresh codes).
    const next = (i: number) => ({ path: "/api/v1/scans", body: scanBody(rateMode ? TICKETS - RATE_COUNT + i : i), token: tokens[i % tokens.length] });
    if (rateMode) return openLoop(appPort, next, { ratePerSecond: RATE, count: RATE_COUNT });
    return closedLoop(appPort, next, { connections: CONNECTIONS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS, keepBodies: 200 });
  };
  const refLoad = async (rateMode: boolean) => {
    await reset();
    const next = (i: number) => ({ path: "/scan", body: scanBody(rateMode ? TICKETS - RATE_COUNT + i : i) });
    if (rateMode) return openLoop(refPort, next, { ratePerSecond: RATE, count: RATE_COUNT });
    return closedLoop(refPort, next, { connections: CONNECTIONS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS, keepBodies: 200 });
  };
  // Short warm-ups (JIT, pools, prepared statements) before each measured phase.
  const warm = async (port: number, p: string, token?: string) => closedLoop(port, (i) => ({ path: p, body: scanBody(i, warmTickets), token }), { connections: 4, durationMs: 1000, maxRequests: 2000 });
  const warmToken = (await freshGates(db, s.eventId, 1)).tokens[0]!;
  await warm(appPort, "/api/v1/scans", warmToken);
  const closedGates = await freshGates(db, s.eventId, DEVICES_T);
  const [app, appCpuMs] = await withCpu(pids.app, () => appLoad(false, closedGates));
  const appPgCpuMs = pgCpu.lastMs;
  await warm(refPort, "/scan");
  const [ref, refCpuMs] = await withCpu(pids.ref, () => refLoad(false));
  const refPgCpuMs = pgCpu.lastMs;
  // The framework floor: the same endpoint answering 401 before any database work (server + JSON, no SQL).
  const [floor, floorCpuMs] = await withCpu(pids.app, () => closedLoop(appPort, (i) => ({ path: "/api/v1/scans", body: scanBody(i) }), { connections: CONNECTIONS, durationMs: DURATION_MS, maxRequests: MAX_REQUESTS }));
  const appRate = await appLoad(true, await freshGates(db, s.eventId, DEVICES_T));
  const refRate = await refLoad(true);
  const okShare = app.bodies.filter((b) => JSON.parse(b).ok === true).length / Math.max(1, app.bodies.length);
  if (okShare < 0.99) throw new Error(`GATE-T: only ${fmt(okShare * 100)} % of sampled app answers were ok: ${app.bodies[0]}`);
  return { app, ref, floor, appRate, refRate, appCpuMs, floorCpuMs, refCpuMs, appPgCpuMs, refPgCpuMs };
}

// ---------- GATE-O ----------

type ORun = { seconds: number; refSeconds: number; scans: number; distinct: number; rows: number; duplicates: number; forced: number; pairs: number; silentDouble: number };

async function gateO(db: Db, sql: postgres.Sql, s: Seed, appPort: number, run: number): Promise<ORun> {
  const { listId, tokens } = await freshGates(db, s.eventId, OFFLINE_DEVICES, { allowMultipleEntries: false });
  const unique = BATCH - BATCH / 20; // 475 own scans + 25 re-sent (5 %)
  const base = Date.now() - 30 * 60_000;
  const tickets = s.oRuns[run]!;
  let pairs = 0;
  const batches = tokens.map((token, g) => {
    const scans: Array<{ code: string; type: "entry"; nonce: string; scannedAt: string; force: true; badgeId: string }> = [];
    for (let i = 0; i < unique; i++) {
      let b = tickets[g * unique + i]!;
      // 2 %: the badge was also scanned (offline, accepted) at the next gate.
      if (i % 50 === 7) { b = tickets[((g + 1) % OFFLINE_DEVICES) * unique + i + 1]!; pairs++; }
      scans.push({ code: b.qr, type: "entry", nonce: randomUUID(), scannedAt: new Date(base + i * 1000 + g).toISOString(), force: true, badgeId: b.id });
    }
    for (let i = 0; i < BATCH - unique; i++) scans.splice(40 + i * 17, 0, scans[i * 19]!); // re-sent after a lost answer
    return { token, scans };
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: OFFLINE_DEVICES });
  const t0 = performance.now();
  const replies = await Promise.all(batches.map((b) => postJson(agent, appPort, "/api/v1/scans/batch", JSON.stringify({ scans: b.scans.map(({ badgeId: _b, ...x }) => x) }), b.token)));
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  const results = replies.flatMap((r) => {
    if (r.status !== 200) throw new Error(`GATE-O: batch answered ${r.status}: ${r.body}`);
    return (JSON.parse(r.body) as { results: Array<{ ok: boolean; duplicate: boolean; forced?: boolean }> }).results;
  });
  const all = batches.flatMap((b) => b.scans);
  const distinct = new Set(all.map((x) => x.nonce)).size;
  const [counts] = await sql<{ rows: number; forced: number }[]>`
    select count(*)::int as rows, count(*) filter (where forced)::int as forced from checkin where checkin_list_id = ${listId}`;
  // A silent double admit: a badge with more than one successful entry that is not flagged forced.
  const [silent] = await sql<{ n: number }[]>`
    select count(*)::int as n from (select badge_id from checkin where checkin_list_id = ${listId} and successful and type = 'entry'
    group by badge_id having count(*) filter (where not forced) > 1) x`;

  // Reference: the same rows (decisions as recorded) in one multi-row INSERT … ON CONFLICT DO NOTHING.
  await sql`truncate ref_checkin`;
  const listIds = all.map(() => listId);
  const r0 = performance.now();
  await sql`insert into ref_checkin (event_id, checkin_list_id, badge_id, type, nonce, scanned_at, successful, forced, offline)
    select ${s.eventId}::uuid, * from unnest(${sql.array(listIds)}::uuid[], ${sql.array(all.map((x) => x.badgeId))}::uuid[],
      ${sql.array(all.map((x) => x.type))}::text[], ${sql.array(all.map((x) => x.nonce))}::text[], ${sql.array(all.map((x) => x.scannedAt))}::timestamptz[],
      ${sql.array(all.map(() => true))}::bool[], ${sql.array(all.map(() => false))}::bool[], ${sql.array(all.map(() => true))}::bool[])
    on conflict (event_id, nonce) do nothing`;
  const refSeconds = (performance.now() - r0) / 1000;
  return {
    seconds, refSeconds, scans: results.length, distinct, rows: counts!.rows, duplicates: results.filter((r) => r.duplicate).length,
    forced: counts!.forced, pairs, silentDouble: silent!.n,
  };
}

// ---------- main ----------

async function main() {
  if (!args.includes("--no-build")) {
    console.log("building (npx remix build) …");
    const built = spawnSync("npx", ["remix", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (built.status !== 0) throw new Error("remix build failed");
  }
  const dbName = benchDbName;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const url = Object.assign(new URL(ADMIN_URL), { pathname: `/${dbName}` }).toString();
  const tmp = mkdtempSync(path.join(tmpdir(), "pendopo-bench-gate-"));
  const children: ChildProcess[] = [];
  const db = createDb({ url });
  const sql = postgres(url, { max: 4, onnotice: () => {} });
  try {
    await migrateToLatest(db);
    console.log(`seeding ${fmt((RUNS + 1) * (TICKETS + OFFLINE_TICKETS))} badges …`);
    const s = await seed(db, sql);
    const appPort = await freePort();
    const profile = args.includes("--profile") ? ["--cpu-prof", `--cpu-prof-dir=${path.join(ROOT, "tmp/gate-profile")}`] : [];
    const app = start([...profile, "server.mjs", "build/index.js"], {
      NODE_ENV: "production", PORT: String(appPort), HOST: "127.0.0.1", DATABASE_URL: url, APP_URL: `http://127.0.0.1:${appPort}`,
      OUTBOX_POLL_MS: "60000", DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "10", MAIL_DIR: path.join(tmp, "mail"), UPLOAD_DIR: path.join(tmp, "uploads"),
    });
    children.push(app.child);
    const refPort = await freePort();
    const ref = start(["--import", "tsx", "bench/gate/reference-server.ts"], { PORT: String(refPort), DATABASE_URL: url, EVENT_ID: s.eventId });
    children.push(ref.child);
    await waitFor(appPort, "/healthcheck", app.child, app.log);
    await waitFor(refPort, "/", ref.child, ref.log, true);

    const tRuns: TRun[] = [];
    const oRuns: ORun[] = [];
    for (let run = 0; run < RUNS; run++) {
      if (only !== "O") {
      const t = await gateT(db, sql, s, appPort, refPort, run, { app: app.child.pid, ref: ref.child.pid });
      tRuns.push(t);
      console.log(`run ${run + 1} GATE-T app ${fmt(t.app.rps)}/s (p99 ${fmt(t.app.p99, 1)} ms) ref ${fmt(t.ref.rps)}/s ratio ${fmt(t.app.rps / t.ref.rps, 2)}; floor ${fmt(t.floor.rps)}/s (${fmt(t.floor.rps / t.ref.rps, 2)}×); server CPU per request app ${fmt(t.appCpuMs, 2)} floor ${fmt(t.floorCpuMs, 2)} ref ${fmt(t.refCpuMs, 2)} ms, PostgreSQL CPU per request app ${fmt(t.appPgCpuMs, 2)} ref ${fmt(t.refPgCpuMs, 2)} ms; `
        + `at ${RATE}/s app p50 ${fmt(t.appRate.p50, 1)} p99 ${fmt(t.appRate.p99, 1)} ms, ref p50 ${fmt(t.refRate.p50, 1)} p99 ${fmt(t.refRate.p99, 1)} ms; statuses ${JSON.stringify(t.app.statuses)}`);
      }
      if (only === "T") continue;
      const o = await gateO(db, sql, s, appPort, run);
      oRuns.push(o);
      console.log(`run ${run + 1} GATE-O ${fmt(o.scans)} scans in ${fmt(o.seconds, 2)} s (ref ${fmt(o.refSeconds, 3)} s); rows ${fmt(o.rows)} = distinct nonces ${fmt(o.distinct)}; `
        + `duplicates ${o.duplicates}; forced ${o.forced} of ${o.pairs} pairs; silent double admits ${o.silentDouble}`);
      if (o.rows !== o.distinct || o.silentDouble !== 0) throw new Error("GATE-O: exactly-once or double-admit check failed");
    }
    await Promise.all(children.map(stop));
    const report = only ? "" : render(tRuns, oRuns);
    if (report) console.log(`\n${report}`);
    if (!quick && !only) writeFileSync(path.join(ROOT, "bench/gate/RESULTS.md"), report);
  } finally {
    await Promise.all(children.map(stop));
    await sql.end();
    await db.destroy();
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function render(t: TRun[], o: ORun[]): string {
  const m = (f: (x: TRun) => number) => median(t.map(f));
  const mo = (f: (x: ORun) => number) => median(o.map(f));
  const rows = t.map((x, i) => `| ${i + 1} | ${fmt(x.app.rps)} | ${fmt(x.ref.rps)} | ${fmt(x.app.rps / x.ref.rps, 2)} | ${fmt(x.floor.rps)} (${fmt(x.floor.rps / x.ref.rps, 2)}×) | ${fmt(x.app.p50, 1)} / ${fmt(x.app.p99, 1)} | ${fmt(x.appRate.p50, 1)} / ${fmt(x.appRate.p99, 1)} | ${fmt(x.refRate.p50, 1)} / ${fmt(x.refRate.p99, 1)} | ${fmt(x.appCpuMs, 2)} + ${fmt(x.appPgCpuMs, 2)} (${fmt(x.refCpuMs, 2)} + ${fmt(x.refPgCpuMs, 2)}) |`);
  const orows = o.map((x, i) => `| ${i + 1} | ${fmt(x.seconds, 2)} | ${fmt(x.refSeconds, 3)} | ${fmt(x.scans)} | ${fmt(x.rows)} / ${fmt(x.distinct)} | ${x.duplicates} | ${x.forced} / ${x.pairs} | ${x.silentDouble} |`);
  return `# Gate benchmarks (GATE-T, GATE-O)

Command: \`npx tsx bench/gate/run.ts\` (builds with \`npx remix build\`, creates and drops a PostgreSQL database on
127.0.0.1:5432, ${RUNS} runs). Machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.versions.node}, load average at the end
${loadavg().map((x) => x.toFixed(1)).join(" / ")} (shared with other jobs: absolute numbers are context, the ratios are the result).
Load generator, app server, reference server and PostgreSQL share the same cores.

## GATE-T: POST /api/v1/scans on the built server

App: \`node server.mjs build/index.js\` (= \`npm start\`) (NODE_ENV=production, PostgreSQL, pool 10) answering the full contract per scan:
bearer device token (cached 5 s), per-device rate limit, body cap, the scan schema's checks, code verify, the badge and
its history from the server's copy of the event's badges (ADR 009: loaded by the warm-up's first scan; one read statement
for a badge the copy does not hold), decideEntry, one conditional statement writing the scan row + audit row and
bumping the badge's version (ADR 006, 007, 009). Every ticket is scanned once, so every scan is a first entry. Reference: bare \`node:http\` + JSON parse + Ed25519 verify + one SQL statement
(INSERT … ON CONFLICT (nonce) DO NOTHING feeding UPDATE of the first check-in). Closed loop: ${CONNECTIONS} keep-alive
connections for ${DURATION_MS / 1000} s over ${fmt(TICKETS)} tickets and ${DEVICES_T} gate tokens (each phase with fresh
gates, created before it). Framework floor: the same endpoint and load answering 401 (no token) before any
database work: the HTTP server, the gate API's edge and a JSON answer, i.e. the most the app could do without SQL.
Fixed rate: ${RATE} scans/s for ${fmt(RATE_COUNT)} scans, latency from each request's due time. The console log of a
run also gives the CPU per request of each server and of PostgreSQL.

| run | app scans/s | reference scans/s | ratio | framework floor req/s (÷ reference) | app p50 / p99 ms (c=${CONNECTIONS}) | app p50 / p99 ms at ${RATE}/s | reference p50 / p99 ms at ${RATE}/s | CPU ms per scan: server + PostgreSQL (reference) |
|---|---|---|---|---|---|---|---|---|
${rows.join("\n")}
| **median** | **${fmt(m((x) => x.app.rps))}** | **${fmt(m((x) => x.ref.rps))}** | **${fmt(m((x) => x.app.rps / x.ref.rps), 2)}** | ${fmt(m((x) => x.floor.rps))} (${fmt(m((x) => x.floor.rps / x.ref.rps), 2)}×) | ${fmt(m((x) => x.app.p50), 1)} / ${fmt(m((x) => x.app.p99), 1)} | **${fmt(m((x) => x.appRate.p50), 1)} / ${fmt(m((x) => x.appRate.p99), 1)}** | ${fmt(m((x) => x.refRate.p50), 1)} / ${fmt(m((x) => x.refRate.p99), 1)} | ${fmt(m((x) => x.appCpuMs), 2)} + ${fmt(m((x) => x.appPgCpuMs), 2)} (${fmt(m((x) => x.refCpuMs), 2)} + ${fmt(m((x) => x.refPgCpuMs), 2)}) |

Targets (perf.md): ratio ≥ 0.5×; p99 ≤ 50 ms at ${RATE}/s.

## GATE-O: 10,000 offline scans flushed by ${OFFLINE_DEVICES} devices at once

${OFFLINE_DEVICES} concurrent \`POST /api/v1/scans/batch\` of ${BATCH} scans (\`force: true\`): 5 % re-sent nonces, 2 % of the
badges also scanned at a second gate. Ingest = first request sent → last answer received. Reference: the same
10,000 rows in one multi-row \`INSERT … ON CONFLICT (event_id, nonce) DO NOTHING\` (unnest) into a copy of the
\`checkin\` table with its indexes, no HTTP.

| run | ingest s | reference s | answers | rows / distinct nonces | duplicates answered | forced / two-gate pairs | silent double admits |
|---|---|---|---|---|---|---|---|
${orows.join("\n")}
| **median** | **${fmt(mo((x) => x.seconds), 2)}** | ${fmt(mo((x) => x.refSeconds), 3)} | | | | | |

Targets (perf.md): ingest ≤ 5 s; exactly once per nonce; 0 silent double admits (every second admit of a
badge is recorded \`forced: true\`).
`;
}

await main();
