// GATE-T reference (perf.md §C): a bare node:http server doing what a scan minimally needs: JSON parse,
// Ed25519 verify of the badge code, and ONE SQL statement (INSERT … ON CONFLICT (nonce) DO NOTHING feeding an
// UPDATE of the first check-in) on the same PostgreSQL as the app. No auth, rules, audit or framework.
//
//   DATABASE_URL=… PORT=… EVENT_ID=… node --import tsx bench/gate/reference-server.ts
import http from "node:http";
import postgres from "postgres";
import { nodeVerify } from "../../app/badges/badge-sign.server";
import { verifyBadgeToken } from "../../app/badges/badge-token";

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
const eventId = process.env.EVENT_ID!;
const keys: Record<string, Uint8Array> = {};
for (const row of await sql<{ key_id: string; public_key: string }[]>`select key_id, public_key from event_signing_key where event_id = ${eventId}`) {
  keys[row.key_id] = new Uint8Array(Buffer.from(row.public_key, "base64url"));
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const scan = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { code: string; nonce: string; scannedAt: string };
      const verified = await verifyBadgeToken(scan.code, keys, nodeVerify, { eventId });
      let ok = false;
      if (verified.ok) {
        const rows = await sql`
          with ins as (
            insert into ref_scan (nonce, badge_id, scanned_at) values (${scan.nonce}, ${verified.value.badgeId}, ${scan.scannedAt})
            on conflict (nonce) do nothing returning badge_id)
          update ref_badge set checked_in_at = ${scan.scannedAt} where id = (select badge_id from ins) and checked_in_at is null returning id`;
        ok = rows.length === 1;
      }
      const body = JSON.stringify(ok ? { ok: true } : { ok: false, reason: verified.ok ? "already_inside" : "unknown_badge" });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }).end(body);
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("reference ready"));
process.on("SIGTERM", () => server.close(() => void sql.end().then(() => process.exit(0))));
