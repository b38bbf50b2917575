// `npm run -s schedule` end to end (scripts/schedule.ts through tsx, as package.json runs it). We call the
// tsx binary directly: `npx` itself may print npm warnings on stderr, which is not ours to test.
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseInstance } from "~/meetings/scheduler/instance";
import { validateResult } from "~/meetings/scheduler/validate";
import { generateInstance } from "../../../bench/matchmaking/generate";

const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(tmpdir(), "schedule-cli-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(tsx, ["scripts/schedule.ts", ...args], { cwd: root, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? "");
  });
}

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

const good = generateInstance("zipf", "S", { seed: 3 });
const bad = { ...good, requests: [...good.requests.slice(0, 3), { id: "x", a: "b1", b: "p9" }] };

const failures: [rule: string, args: () => string[], message: string][] = [
  ["an invalid instance (naming the place)", () => [file("bad.json", JSON.stringify(bad))], 'requests[3].b: unknown participant "p9"'],
  ["an unreadable file", () => [path.join(dir, "missing.json")], "missing.json: cannot read file (ENOENT)"],
  ["invalid JSON", () => [file("broken.json", '{"slots": [')], "broken.json: invalid JSON"],
  ["a bad flag value", () => [file("good2.json", "{}"), "--seed", "-3"], '--seed: expected a non-negative integer, got "-3"'],
  ["an unknown flag", () => [file("good3.json", "{}"), "--fast"], "--fast: unknown flag"],
];

// Concurrent: each run pays tsx's start-up, and the machine has two cores.
describe.concurrent("schedule CLI", () => {
  it("prints a valid result and exits 0 for a valid file, and reads stdin with '-'", async () => {
    const [fromFile, fromStdin] = await Promise.all([
      cli([file("good.json", JSON.stringify(good)), "--seed", "4", "--time-limit-ms", "5000"]),
      cli(["-"], JSON.stringify(good)),
    ]);
    for (const run of [fromFile, fromStdin]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      const parsed = parseInstance(good);
      if (!parsed.ok) throw new Error(parsed.error);
      expect(validateResult(parsed.instance, JSON.parse(run.stdout))).toEqual([]);
    }
  }, 60_000);

  it.each(failures)("exits 2 with exactly one stderr line for %s", async (_rule, args, message) => {
    const run = await cli(args());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.endsWith("\n")).toBe(true);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain(message);
  }, 60_000);
});
