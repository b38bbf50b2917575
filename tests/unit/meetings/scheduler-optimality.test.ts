// The scheduler against the exact optimum (HiGHS MIP). The full S/M table of perf.md lives in the
// benchmark (bench/matchmaking/run.ts); here only instances that HiGHS proves in about a second.
import { describe, expect, it } from "vitest";
import { createRng } from "~/utils/rng";
import { schedule } from "~/meetings/scheduler/schedule";
import { validateResult } from "~/meetings/scheduler/validate";
import { generateInstance, type Family } from "../../../bench/matchmaking/generate";
import { solveOptimum } from "../../../bench/matchmaking/oracle";
import { randomInstance } from "./scheduler-fixtures";

describe("schedule reaches the optimum", () => {
  it("on 40 random small instances (weights, fixed meetings, caps, sessions, buyer–buyer pairs)", async () => {
    const rnd = createRng(20261213);
    for (let i = 0; i < 40; i++) {
      const inst = randomInstance({
        seed: Math.floor(rnd() * 2 ** 31),
        slots: 2 + Math.floor(rnd() * 6),
        days: 1 + Math.floor(rnd() * 2),
        people: 4 + Math.floor(rnd() * 10),
        requests: 5 + Math.floor(rnd() * 35),
        tables: 1 + Math.floor(rnd() * 4),
        busy: [0, 0.25, 0.5][Math.floor(rnd() * 3)],
        weighted: rnd() < 0.5,
        fixed: rnd() < 0.5,
      });
      const res = schedule(inst, { seed: 1 });
      const opt = await solveOptimum(inst, { timeLimitSec: 20 });
      expect(opt.optimal).toBe(true);
      expect(res.stats.weight).toBeCloseTo(opt.value, 6);
      expect(res.stats.upperBound).toBeGreaterThanOrEqual(opt.value - 1e-6);
    }
  });

  it.each<Family>(["tight", "zipf"])("on the S benchmark instance of the %s family", async (family) => {
    const inst = generateInstance(family, "S", { seed: 1 });
    const res = schedule(inst, { seed: 1 });
    expect(validateResult(inst, res)).toEqual([]);
    const opt = await solveOptimum(inst, { timeLimitSec: 30 });
    expect(opt.optimal).toBe(true);
    expect(res.stats.scheduled).toBe(Math.round(opt.value));
  });
});
