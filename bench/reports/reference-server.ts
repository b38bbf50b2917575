// The reference of perf.md §E ("physical limit"): a bare node:http server that writes the captured bytes of a
// page (same status line, content type and length as the app's answer), nothing else.
//
//   BODY_FILE=page.html CONTENT_TYPE="text/html; charset=utf-8" PORT=… node bench/reports/reference-server.ts
import { readFileSync } from "node:fs";
import http from "node:http";

const body = readFileSync(process.env.BODY_FILE!);
const headers = { "content-type": process.env.CONTENT_TYPE ?? "text/html; charset=utf-8", "content-length": body.length };
const server = http.createServer((_req, res) => {
  res.writeHead(200, headers).end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("reference ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
