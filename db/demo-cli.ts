/** `npm run demo`: loads the demo event and logins (see README) into DATABASE_URL or the embedded PGlite. */
import { DEMO_BUYER_LOGIN, DEMO_EXHIBITOR_LOGIN, DEMO_LOGINS, DEMO_PASSWORD, loadDemo } from "./demo";
import { createDb, migrateToLatest } from "./index";

try {
  const db = createDb();
  await migrateToLatest(db);
  const loaded = await loadDemo(db, process.env.APP_URL ?? "http://localhost:3000");
  console.log(loaded ? "Demo data loaded." : "Demo data is already there.");
  console.log(`Logins (password ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
  console.log(`  ${"exhibitor".padEnd(10)} ${DEMO_EXHIBITOR_LOGIN.email}`);
  console.log(`  ${"buyer".padEnd(10)} ${DEMO_BUYER_LOGIN.email}`);
  await db.destroy();
} catch (error) {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
