// zxing-wasm's browser reader served from node_modules (self-hosted, no CDN, no copy step in the build): the
// IIFE script the decoder worker imports and its wasm. Both are immutable for an installed version.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const files = new Map<string, Promise<Buffer>>();

function load(rel: "iife/reader/index.js" | "reader/zxing_reader.wasm"): Promise<Buffer> {
  let file = files.get(rel);
  if (!file) {
    // The package's exports name the wasm; the IIFE build sits beside it in dist/.
    const dist = path.resolve(path.dirname(require.resolve("zxing-wasm/reader/zxing_reader.wasm")), "..");
    file = readFile(path.join(dist, rel));
    files.set(rel, file);
  }
  return file;
}

/** A decoder file as a cacheable response (a day in the HTTP cache; the service worker keeps its own copy). */
export async function decoderAsset(kind: "script" | "wasm"): Promise<Response> {
  const body = await load(kind === "script" ? "iife/reader/index.js" : "reader/zxing_reader.wasm");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": kind === "script" ? "text/javascript; charset=utf-8" : "application/wasm",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
