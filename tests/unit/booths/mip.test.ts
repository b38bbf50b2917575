// Compares the solver with the exact optimum HiGHS finds for the same instance (bench/booths/mip.ts).
import { describe, expect, it } from "vitest";
import { assignBooths } from "~/booths/assignment/assign";
import { generateInstance } from "../../../bench/booths/generate";
import { solveMip } from "../../../bench/booths/mip";

const SEEDS = [1, 2, 3, 4, 5, 6];

describe("assignBooths against the HiGHS optimum (40 exhibitors, 45 booths, every rule in play)", () => {
  it.each(SEEDS)("seed %i: at least 99.9 % of the optimum, with a bound no lower than it", async (seed) => {
    const instance = generateInstance({ exhibitors: 40, booths: 45, seed });
    const mip = await solveMip(instance, 30);
    expect(mip.status).toBe("optimal");
    const r = assignBooths(instance);
    expect(r.stats.violations).toBe(0);
    expect(r.stats.score).toBeGreaterThanOrEqual(0.999 * mip.score);
    expect(r.stats.upperBound).toBeGreaterThanOrEqual(mip.score - 1e-6);
  });
});
