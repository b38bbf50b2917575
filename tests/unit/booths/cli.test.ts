// End-to-end: the assign-booths command as npm runs it (tsx), through a real child process.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Result } from "~/booths/assignment/instance";

const root = path.resolve(import.meta.dirname, "../../..");
const script = path.join(root, "scripts/assign-booths.ts");

function run(args: string[], stdin = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const instance = {
  booths: [
    { id: "A-01", hall: "A", zone: "batik", size: 9, corner: true, adjacent: ["A-02"] },
    { id: "A-02", hall: "A", zone: "batik", size: 9, adjacent: [] },
    { id: "A-03", hall: "A", zone: "tenun", size: 18, adjacent: [] },
  ],
  exhibitors: [
    { id: "e1", size: 9, priority: 12, zones: ["batik"], preferred: ["A-01"], region: "papua", competitorGroup: "batik-tulis" },
    { id: "e2", size: 9, priority: 4, zones: ["batik"], preferred: [], region: "jawa-timur", competitorGroup: "batik-tulis" },
    { id: "e3", size: 18, priority: 3, zones: [], preferred: [], region: "bali", fixed: "A-03" },
  ],
  rules: { noAdjacentCompetitors: true, regionQuotas: [{ regions: ["papua", "bali"], minShare: 0.3 }] },
};

const dir = mkdtempSync(path.join(tmpdir(), "assign-booths-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe("assign-booths CLI", () => {
  it("prints a valid result and exits 0 for a file", async () => {
    const { code, stdout, stderr } = await run([file("ok.json", JSON.stringify(instance)), "--time-limit-ms", "2000"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as Result;
    expect(result.assignments).toContainEqual({ exhibitor: "e1", booth: "A-01" });
    expect(result.assignments).toContainEqual({ exhibitor: "e3", booth: "A-03" });
    expect(result.unassigned).toEqual([{ exhibitor: "e2", reason: "conflict" }]);
    expect(result.stats).toMatchObject({ score: 39, violations: 0 });
  });

  it("reads the instance from stdin with -, after npm's --", async () => {
    const { code, stdout } = await run(["--", "-"], JSON.stringify(instance));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Result).stats.violations).toBe(0);
  });

  const bad = { ...instance, exhibitors: instance.exhibitors.map((e, i) => (i === 1 ? { ...e, size: "nine" } : e)) };
  it.each([
    ["the instance breaks the contract", () => [file("bad.json", JSON.stringify(bad))], "exhibitors[1].size: expected a positive integer"],
    ["the file does not exist", () => [path.join(dir, "missing.json")], "missing.json: cannot read (ENOENT)"],
    ["the file is not JSON", () => [file("broken.json", "{ booths: [")], "broken.json: invalid JSON"],
    ["the time limit is not a number", () => [file("ok2.json", "{}"), "--time-limit-ms", "soon"], "--time-limit-ms: expected a whole number"],
    ["an option is unknown", () => ["--fast", file("ok3.json", "{}")], "--fast: unknown option"],
    ["no file is given", () => [], "missing instance file"],
  ])("exits 2 with one line naming the problem when %s", async (_, args, message) => {
    const { code, stdout, stderr } = await run(args());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
