// `npm run -s schedule -- instance.json [--time-limit-ms N] [--seed N]` (or `-` for stdin).
// Contract: shared/formats/matchmaking.md. Result JSON on stdout and exit 0; invalid input gives exit 2 and
// exactly one line on stderr naming the place and the problem, never a stack trace or a partial result.
import { readFileSync } from "node:fs";
import { parseInstance } from "../app/meetings/scheduler/instance";
import { schedule } from "../app/meetings/scheduler/schedule";

interface Args {
  path: string;
  timeLimitMs: number;
  seed: number;
}

class UsageError extends Error {}

const USAGE = "usage: schedule <instance.json | -> [--time-limit-ms N] [--seed N]";

function flagValue(argv: string[], i: number, name: string): number {
  const raw = argv[i + 1];
  const n = Number(raw);
  if (raw === undefined || raw.trim() === "" || !Number.isInteger(n) || n < 0) {
    throw new UsageError(`${name}: expected a non-negative integer, got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`);
  }
  return n;
}

function parseArgs(argv: string[]): Args {
  let path: string | undefined;
  let timeLimitMs = 10_000;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--time-limit-ms") timeLimitMs = flagValue(argv, i++, a);
    else if (a === "--seed") seed = flagValue(argv, i++, a);
    else if (a.startsWith("--")) throw new UsageError(`${a}: unknown flag (${USAGE})`);
    else if (path !== undefined) throw new UsageError(`${a}: only one instance file is accepted (${USAGE})`);
    else path = a;
  }
  if (path === undefined) throw new UsageError(`missing instance file (${USAGE})`);
  return { path, timeLimitMs, seed };
}

function readInput(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "unreadable";
    throw new UsageError(`${path === "-" ? "stdin" : path}: cannot read file (${code})`);
  }
}

function main(): number {
  const started = performance.now();
  let args: Args;
  let json: unknown;
  try {
    args = parseArgs(process.argv.slice(2));
    const text = readInput(args.path);
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`${args.path === "-" ? "stdin" : args.path}: invalid JSON (${(e as Error).message.split("\n")[0]})`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  const parsed = parseInstance(json);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  // Reading and parsing count against the time limit too: the answer must come back within it.
  const elapsed = performance.now() - started;
  const result = schedule(parsed.instance, {
    timeLimitMs: Math.max(0, args.timeLimitMs - elapsed),
    seed: args.seed,
    now: () => performance.now(),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  // A bug, not bad input: still one line, so callers parsing stderr are not flooded.
  process.stderr.write(`internal error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
