import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDb, migrateToLatest } from "../../db/index";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite mode: a migrated data dir that each test file copies. */
    pgliteTemplate: string;
    /** PostgreSQL mode (TEST_DATABASE_URL set): a migrated template database each test file clones. */
    pgTemplateUrl: string;
  }
}

/**
 * Migrates one template database for the whole run, so each test file starts from a copy in well under a
 * second instead of running initdb and every migration again (stack.md §3).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `pendopo_tpl_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    const url = withDatabase(serverUrl, name);
    const db = createDb({ url });
    await migrateToLatest(db);
    await db.destroy();
    project.provide("pgTemplateUrl", url);
    project.provide("pgliteTemplate", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "pendopo-tpl-")), "pglite");
  const db = createDb({ pgliteDir: dir });
  await migrateToLatest(db);
  await db.destroy();
  project.provide("pgliteTemplate", dir);
  project.provide("pgTemplateUrl", "");
  return () => rmSync(path.dirname(dir), { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
