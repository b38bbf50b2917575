// `npm start` on a fresh clone: build first when build/ is missing or older than the sources.
import { execSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const built = existsSync("build/index.js") ? statSync("build/index.js").mtimeMs : 0;
const sources = Math.max(...["app", "emails", "db"].map(newest), statSync("package.json").mtimeMs);
if (built < sources) {
  console.log("[pendopo] building the app (first start or sources changed)…");
  execSync("npx remix build", { stdio: "inherit" });
}
