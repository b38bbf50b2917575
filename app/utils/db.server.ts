import { createDb, migrateToLatest, type Db } from "../../db/index";
import { singleton } from "./singleton.server";

export type { Db, Executor, Trx } from "../../db/index";

/**
 * The process's database, migrated before first use. Resolves once; every loader awaits it, so no request
 * ever sees a half-migrated schema.
 */
export function getDb(): Promise<Db> {
  return singleton("db", async () => {
    const db = createDb();
    await migrateToLatest(db);
    return db;
  });
}

/** Closes the database so the process can exit (remix-serve alone never exits on SIGTERM: stack.md §8). */
export async function closeDb(): Promise<void> {
  const pending = (globalThis as { __pendopo?: Record<string, unknown> }).__pendopo?.db as Promise<Db> | undefined;
  if (pending) await (await pending).destroy();
}
