import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, type Db } from "../../db/index";
import { setSingleton } from "~/utils/singleton.server";
import { withDatabase } from "../setup/global-setup";

export type TestDatabase = { db: Db; url?: string; pgliteDir?: string; cleanup: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: a copy of the PGlite template, or a clone of the PostgreSQL
 * template when TEST_DATABASE_URL is set (CI runs the suite both ways).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const templateUrl = inject("pgTemplateUrl");
  if (templateUrl) {
    const name = `pendopo_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(withDatabase(templateUrl, "postgres"), { max: 1, onnotice: () => {} });
    const template = new URL(templateUrl).pathname.slice(1);
    await admin.unsafe(`create database ${name} template ${template}`);
    const url = withDatabase(templateUrl, name);
    const db = createDb({ url });
    return {
      db, url,
      cleanup: async () => {
        await db.destroy();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const parent = mkdtempSync(path.join(os.tmpdir(), "pendopo-test-"));
  const pgliteDir = path.join(parent, "pglite");
  cpSync(inject("pgliteTemplate"), pgliteDir, { recursive: true });
  const db = createDb({ pgliteDir });
  return {
    db, pgliteDir,
    cleanup: async () => {
      await db.destroy();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}

/**
 * Installs a fresh database as the app's database for this test file, so routes and server modules under
 * test use it through getDb().
 */
export function useTestDatabase(): { readonly db: Db } {
  const holder: { db?: Db; test?: TestDatabase } = {};
  beforeAll(async () => {
    holder.test = await createTestDatabase();
    holder.db = holder.test.db;
    setSingleton("db", Promise.resolve(holder.db));
  });
  afterAll(async () => {
    await holder.test?.cleanup();
  });
  return {
    get db() {
      if (!holder.db) throw new Error("test database not ready (use it inside tests or hooks)");
      return holder.db;
    },
  };
}
