import { createDb, migrateToLatest, type Db } from "../../db/index";
import { setSingleton, singleton } from "./singleton.server";

export type { Db, Executor, Trx } from "../../db/index";
export { postgresClientOf } from "../../db/index";

/**
 * The process's database, migrated before first use. Resolves once; every loader awaits it, so no request
 * ever sees a half-migrated schema. If opening fails (PostgreSQL down, data dir locked), the failure is not
 * cached: the request gets a 503 and the next one tries again.
 */
export function getDb(): Promise<Db> {
  return singleton("db", () => openDb()).catch((error: unknown) => {
    setSingleton("db", undefined);
    console.error("[pendopo] database unavailable:", error instanceof Error ? error.message : error);
    throw new Response("Database unavailable", { status: 503 });
  });
}

async function openDb(): Promise<Db> {
  const db = createDb();
  try {
    await migrateToLatest(db);
    return db;
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
}

/** Closes the database so the process can exit (remix-serve alone never exits on SIGTERM: stack.md §8). */
export async function closeDb(): Promise<void> {
  const pending = (globalThis as { __pendopo?: Record<string, unknown> }).__pendopo?.db as Promise<Db> | undefined;
  if (pending) await (await pending.catch(() => null))?.destroy();
}
