// The contract's scoring and region-quota definitions, in one place so that the solver, the validator and the
// tests cannot drift apart.
//
// Region quota, precisely. booths.md: "among assigned exhibitors, at least minShare must come from the listed
// regions, as far as exhibitors from those regions exist (if fewer exist, all of them must be assigned)".
// A quota holds when
//   (a) members ≥ minShare × assigned, or
//   (b) no unassigned member could still get a booth: every booth of its size is fixed for someone else,
//       held by a fixed exhibitor or by another member, or would put it next to a competitor.
// (b) is "as far as they exist" read as "as far as they can be placed". A plain "all members assigned" would
// make instances infeasible whenever fixed booths or capacity keep a member out, and (b) still forbids every
// shortcut: a free booth or a non-member's booth that a member could take must go to the member.
import type { Booth, Exhibitor, Instance, RegionQuota } from "./instance";

/**
 * Fit of a booth for an exhibitor: 3 if preferred, 2 if in one of its zones, 1 otherwise.
 *
 * @example
 * fit({ ...exhibitor, preferred: ["A-01"] }, { ...booth, id: "A-01" }); // 3
 */
export function fit(exhibitor: Exhibitor, booth: Booth): 1 | 2 | 3 {
  if (exhibitor.preferred.includes(booth.id)) return 3;
  if (booth.zone !== undefined && exhibitor.zones.includes(booth.zone)) return 2;
  return 1;
}

/** Float tolerance for share comparisons: 0.3 × 10 must count as 3. */
const SHARE_EPS = 1e-9;

/**
 * Exhibitors that could count towards a quota at all: from one of its regions, and with a booth of their
 * size that is not fixed for someone else. "As far as exhibitors from those regions exist" (booths.md) is read
 * as "as far as such eligible exhibitors exist": an exhibitor with no booth of its size cannot be placed by
 * anyone, so it cannot be demanded.
 *
 * @example
 * quotaEligible(instance, instance.rules.regionQuotas[0]); // [true, false, …] per exhibitor
 */
export function quotaEligible(instance: Instance, quota: RegionQuota): boolean[] {
  const fixedFor = new Map<string, string>();
  for (const e of instance.exhibitors) if (e.fixed !== undefined) fixedFor.set(e.fixed, e.id);
  const usableSizes = new Set<number>();
  for (const b of instance.booths) if (!fixedFor.has(b.id)) usableSizes.add(b.size);
  return instance.exhibitors.map(
    (e) =>
      e.region !== undefined &&
      quota.regions.includes(e.region) &&
      (e.fixed !== undefined || usableSizes.has(e.size)),
  );
}

/**
 * The share half of the quota rule: among `assigned` exhibitors at least `minShare` are members. An empty
 * assignment meets it (0 ≥ share × 0).
 *
 * @example
 * shareMet(0.3, 10, 3); // true
 */
export function shareMet(minShare: number, assigned: number, members: number): boolean {
  return members >= minShare * assigned - SHARE_EPS;
}

/**
 * Cheap sufficient test for a quota (the solver's inner loops use it): the share is met, or every eligible
 * member is assigned already.
 *
 * @example
 * quotaHolds(0.3, 10, 2, 2); // true: only 2 eligible members exist and both are assigned
 */
export function quotaHolds(minShare: number, assigned: number, membersAssigned: number, eligible: number): boolean {
  return shareMet(minShare, assigned, membersAssigned) || membersAssigned >= eligible;
}
