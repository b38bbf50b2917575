import { closeDb, getDb } from "./db.server";
import { getEnv } from "./env.server";
import { startOutboxWorker } from "./outbox.server";
import { singleton } from "./singleton.server";

/**
 * Runs once when the production server loads the build: validates the environment, opens and migrates the
 * database before the first request (no lazy initdb on the request path), starts the outbox worker, and
 * exits cleanly on SIGINT/SIGTERM (remix-serve alone never would: stack.md §8).
 */
export function bootServer(): Promise<void> {
  return singleton("boot", async () => {
    const env = getEnv();
    const started = Date.now();
    const mode = env.DATABASE_URL ? "PostgreSQL" : "PGlite";
    // If the database is down at boot the server still starts: requests answer 503 and retry it.
    await getDb().then(
      () => console.log(`[pendopo] database ready (${mode}) in ${Date.now() - started} ms`),
      () => console.error(`[pendopo] database not ready (${mode}); pages answer 503 until it is`),
    );
    const stopWorker = startOutboxWorker(getDb, env.OUTBOX_POLL_MS);
    const shutdown = (signal: string) => {
      console.log(`[pendopo] ${signal}: shutting down`);
      const force = setTimeout(() => process.exit(1), 10_000);
      force.unref();
      void stopWorker()
        .then(closeDb)
        .finally(() => process.exit(0));
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  });
}
