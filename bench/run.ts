/**
 * `npm run bench [-- name …]`: runs every benchmark in bench/<name>/run.ts one after another (they compare
 * against a reference measured in the same run and print ratios). Results are committed in bench/RESULTS.md.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.dirname(new URL(import.meta.url).pathname);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const passThrough = process.argv.slice(2).filter((a) => a.startsWith("-"));
const suites = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, "run.ts")))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name));

let failed = 0;
for (const name of suites) {
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync("npx", ["tsx", path.join(root, name, "run.ts"), ...passThrough], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
