// `npm test` needs Debian's Chromium (browser tests), zbarimg (QR decoding), pdftoppm (PDF rendering) and a TTF font.
// On a fresh machine where we are root, install them; otherwise say exactly what is missing.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const tools = {
  chromium: "/usr/bin/chromium",
  "zbar-tools": "/usr/bin/zbarimg",
  "poppler-utils": "/usr/bin/pdftoppm",
  // A TrueType font with glyphs beyond Latin-1, for the badge font-embedding test.
  "fonts-dejavu-core": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
const missing = Object.entries(tools).filter(([, bin]) => !existsSync(bin)).map(([pkg]) => pkg);
if (missing.length > 0) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    console.error(`Missing test tools: ${missing.join(", ")}. Install them with: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  console.log(`[pendopo] installing test tools: ${missing.join(" ")}`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")}`, { stdio: "inherit" });
}
