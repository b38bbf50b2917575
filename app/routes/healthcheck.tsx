import { sql } from "kysely";
import { getDb } from "~/utils/db.server";

/** For load balancers and the test harness: 200 when the database answers, 503 otherwise. */
export async function loader() {
  try {
    const db = await getDb();
    await sql`select 1`.execute(db);
    return new Response("OK", { headers: { "Cache-Control": "no-store" } });
  } catch {
    return new Response("Database unavailable", { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
