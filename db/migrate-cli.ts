/** `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded PGlite dir. */
import { createDb, migrateToLatest } from "./index";

try {
  const db = createDb();
  const results = await migrateToLatest(db);
  for (const r of results) console.log(`${r.status.padEnd(8)} ${r.migrationName}`);
  if (results.length === 0) console.log("Nothing to migrate: the database is up to date.");
  await db.destroy();
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
