#!/usr/bin/env node
// The production server (`npm start`): what remix-serve does — static assets with long caching, compression, a
// request log, the Remix handler — plus the gate API (/api/v1/*) answered before all of that, straight from Node's
// request. Remix's routing alone cost a scan more than the scan itself (docs/decisions/006-gate-api-fast-path.md).
//   node server.mjs [build/index.js]     PORT (default 3000) and HOST as for remix-serve
import http from "node:http";
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";

process.env.NODE_ENV = process.env.NODE_ENV ?? "production";
const buildPath = path.resolve(process.argv[2] ?? "build/index.js");
// Importing the build boots the app (entry.server.tsx): environment, database, migrations, outbox worker, signals.
const build = await import(url.pathToFileURL(buildPath).href);
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(morgan("tiny"));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const handleGateApi = build.entry.module.handleGateApiNode;
const server = http.createServer((req, res) => {
  if (!req.url?.startsWith("/api/v1/")) return app(req, res);
  handleGateApi(req, res).then(
    (handled) => (handled ? undefined : app(req, res)),
    (error) => {
      console.error("[pendopo] gate api error", req.method, req.url, error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json; charset=utf-8" });
      res.end('{"error":"internal_error"}');
    },
  );
});
const port = Number(process.env.PORT) || 3000;
server.listen(port, process.env.HOST, () => console.log(`[pendopo] listening on http://localhost:${port}`));
