// Booth assignment from the command line (contract: shared/formats/booths.md).
//   npm run -s assign-booths -- instance.json [--time-limit-ms N] > result.json
//   npm run -s assign-booths -- - < instance.json
// Exit 0 with the result JSON on stdout; exit 2 with exactly one line on stderr for any invalid input.
import { readFileSync } from "node:fs";
import { assignBooths } from "../app/booths/assignment/assign";
import { parseInstance } from "../app/booths/assignment/instance";

const USAGE = "usage: assign-booths <instance.json | -> [--time-limit-ms N]";

class UsageError extends Error {}

type Args = { path: string; timeLimitMs: number };

function parseArgs(argv: string[]): Args {
  let path: string | undefined;
  let timeLimitMs = 10_000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") continue; // npm passes it through when called as `npm run assign-booths -- …`
    const [flag, inline] = arg.startsWith("--") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === "--time-limit-ms") {
      const raw = inline ?? argv[++i];
      if (raw === undefined || !/^\d+$/.test(raw)) throw new UsageError(`--time-limit-ms: expected a whole number of milliseconds, got ${raw === undefined ? "nothing" : JSON.stringify(raw)}`);
      timeLimitMs = Number(raw);
    } else if (flag.startsWith("-") && flag !== "-") {
      throw new UsageError(`${flag}: unknown option (${USAGE})`);
    } else if (path !== undefined) {
      throw new UsageError(`${arg}: only one instance file is accepted (${USAGE})`);
    } else path = arg;
  }
  if (path === undefined) throw new UsageError(`missing instance file (${USAGE})`);
  return { path, timeLimitMs };
}

function readInput(path: string): string {
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "read error";
    throw new UsageError(`${path === "-" ? "stdin" : path}: cannot read (${code})`);
  }
}

function main(argv: string[]): number {
  try {
    const args = parseArgs(argv);
    const text = readInput(args.path);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new UsageError(`${args.path === "-" ? "stdin" : args.path}: invalid JSON (${(err as Error).message})`);
    }
    const parsed = parseInstance(json);
    if (!parsed.ok) throw new UsageError(parsed.error);
    const result = assignBooths(parsed.instance, { timeLimitMs: args.timeLimitMs });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    // One line, whatever the message contains (JSON.parse messages can quote the input).
    process.stderr.write(`${err.message.replace(/\s*\n\s*/g, " ")}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
