import { mkdirSync } from "node:fs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { CamelCasePlugin, Kysely, PGliteDialect, type Transaction } from "kysely";
import { FileMigrationProvider, Migrator, type MigrationResult } from "kysely/migration";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import { acquireDirLock } from "./lock";
import type { DB } from "./schema";

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either the database or an open transaction: server functions take this first. */
export type Executor = Db | Trx;

/** `date` as 'YYYY-MM-DD' and int8 as an exact string, as postgres.js returns them. */
const TEXT_PARSERS = { 1082: (x: string) => x, 20: (x: string) => x };

export type DbOptions = { url?: string; pgliteDir?: string };

/**
 * One switch for both database modes (architecture.md §2): `DATABASE_URL` selects PostgreSQL through
 * postgres.js; otherwise the embedded PGlite in `data/pglite` (`PGLITE_DIR` overrides, `memory://` works).
 *
 * @example
 * const db = createDb({ pgliteDir: "memory://" }); await migrateToLatest(db);
 */
export function createDb(opts: DbOptions = {}): Db {
  const url = opts.url ?? process.env.DATABASE_URL;
  const plugins = [new CamelCasePlugin()];
  if (url) {
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_MAX ?? 10),
      idle_timeout: 20,
      onnotice: () => {},
      // Same value shapes as PGlite below: `date` stays 'YYYY-MM-DD', int8 stays a string (exact money).
      types: {
        date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x },
        // Json columns take JSON text (db/schema.ts); the default serializer would stringify it again and store a
        // jsonb *string* ('"{\"to\":…}"'), so `payload->>'to'` found nothing on PostgreSQL but worked on PGlite.
        json: { to: 3802, from: [114, 3802], serialize: (x: unknown) => (typeof x === "string" ? x : JSON.stringify(x)), parse: (x: string) => JSON.parse(x) },
      },
    });
    const db = new Kysely<DB>({ dialect: new PostgresJSDialect({ postgres: sql }), plugins });
    postgresClients.set(db, sql);
    return db;
  }
  const dir = opts.pgliteDir ?? process.env.PGLITE_DIR ?? path.resolve("data/pglite");
  // PGlite creates only the last path segment of its data dir.
  if (!dir.startsWith("memory://")) {
    mkdirSync(path.dirname(dir), { recursive: true });
    const lock = acquireDirLock(dir);
    if (!lock.ok) {
      throw new Error(`The database in ${dir} is in use by process ${lock.pid} (is the server running?). Stop it first.`);
    }
  }
  return new Kysely<DB>({
    dialect: new PGliteDialect({
      pglite: () => PGlite.create(dir, { extensions: { btree_gist }, parsers: TEXT_PARSERS }),
    }),
    plugins,
  });
}


const postgresClients = new WeakMap<Db, postgres.Sql>();

/**
 * The postgres.js client behind a PostgreSQL `Db` (not a transaction), else undefined (PGlite). Only for a
 * hot path whose statements are fixed SQL text: it skips Kysely's per-query connection reservation, compiling and
 * result mapping (docs/decisions/007-gate-scan-without-web-objects.md). Everything else goes through Kysely.
 */
export function postgresClientOf(db: Executor): postgres.Sql | undefined {
  return postgresClients.get(db as Db);
}

/** Runs every pending migration; throws the first error (nothing is half-applied: each runs in a transaction). */
export async function migrateToLatest(db: Kysely<any>, folder = migrationsFolder()): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder: folder }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return results ?? [];
}

/** The migrations folder, found from the working directory so the bundled server and the CLIs agree. */
export function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.resolve("db/migrations");
}

/** The SQLSTATE and constraint name of a database error from either driver, for mapping to reason codes. */
export function dbErrorInfo(error: unknown): { code?: string; constraint?: string } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
  const constraint = typeof e.constraint === "string" ? e.constraint
    : typeof e.constraint_name === "string" ? e.constraint_name : undefined;
  return { code: typeof e.code === "string" ? e.code : undefined, constraint };
}
