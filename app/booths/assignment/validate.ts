// Independent check of a result against every hard rule of shared/formats/booths.md. It works on ids, not on
// the solver's indexes, so a solver bug cannot hide behind a shared data structure.
import { type Exhibitor, type Instance, type Result, UNASSIGNED_REASONS } from "./instance";
import { shareMet } from "./rules";

type Seen = { boothOf: Map<string, string>; holder: Map<string, string> };

function checkAssignments(inst: Instance, result: Result, out: string[]): Seen {
  const booths = new Map(inst.booths.map((b) => [b.id, b]));
  const exhibitors = new Map(inst.exhibitors.map((e) => [e.id, e]));
  const boothOf = new Map<string, string>();
  const holder = new Map<string, string>();
  result.assignments.forEach(({ exhibitor, booth }, i) => {
    const e = exhibitors.get(exhibitor);
    const b = booths.get(booth);
    if (e === undefined) return out.push(`unknown_exhibitor: assignments[${i}] names "${exhibitor}"`);
    if (b === undefined) return out.push(`unknown_booth: assignments[${i}] names "${booth}"`);
    if (boothOf.has(e.id)) return out.push(`exhibitor_twice: ${e.id} has booths ${boothOf.get(e.id)} and ${b.id}`);
    if (holder.has(b.id)) return out.push(`booth_twice: booth ${b.id} is given to ${holder.get(b.id)} and ${e.id}`);
    if (b.size !== e.size) out.push(`size_mismatch: ${e.id} needs ${e.size} m², booth ${b.id} is ${b.size} m²`);
    boothOf.set(e.id, b.id);
    holder.set(b.id, e.id);
  });
  return { boothOf, holder };
}

function checkUnassigned(inst: Instance, result: Result, seen: Seen, out: string[]): void {
  const exhibitors = new Map(inst.exhibitors.map((e) => [e.id, e]));
  const sizes = new Set(inst.booths.map((b) => b.size));
  const listed = new Set<string>();
  result.unassigned.forEach(({ exhibitor, reason }, i) => {
    const e = exhibitors.get(exhibitor);
    if (e === undefined) return out.push(`unknown_exhibitor: unassigned[${i}] names "${exhibitor}"`);
    if (seen.boothOf.has(e.id) || listed.has(e.id)) return out.push(`exhibitor_twice: ${e.id} is listed again in unassigned[${i}]`);
    listed.add(e.id);
    if (!(UNASSIGNED_REASONS as readonly string[]).includes(reason)) return out.push(`bad_reason: unassigned[${i}] has reason "${reason}"`);
    if ((reason === "no_booth_of_size") === sizes.has(e.size)) {
      out.push(`reason_mismatch: ${e.id} is "${reason}" but booths of ${e.size} m² ${sizes.has(e.size) ? "exist" : "do not exist"}`);
    }
  });
  for (const e of inst.exhibitors) {
    if (!seen.boothOf.has(e.id) && !listed.has(e.id)) out.push(`missing_exhibitor: ${e.id} is neither assigned nor unassigned`);
  }
}

function checkFixed(inst: Instance, seen: Seen, out: string[]): void {
  for (const e of inst.exhibitors) {
    if (e.fixed === undefined || seen.boothOf.get(e.id) === e.fixed) continue;
    out.push(`fixed_moved: ${e.id} must keep booth ${e.fixed}, got ${seen.boothOf.get(e.id) ?? "no booth"}`);
  }
}

function checkCompetitors(inst: Instance, seen: Seen, out: string[]): void {
  if (!inst.rules.noAdjacentCompetitors) return;
  const groupOf = new Map(inst.exhibitors.map((e) => [e.id, e.competitorGroup]));
  const pairs = new Set<string>();
  for (const b of inst.booths) {
    for (const a of b.adjacent) {
      const [x, y] = b.id < a ? [b.id, a] : [a, b.id];
      const key = JSON.stringify([x, y]); // adjacency is symmetric: count each pair once
      if (pairs.has(key)) continue;
      pairs.add(key);
      const ex = seen.holder.get(x);
      const ey = seen.holder.get(y);
      if (ex === undefined || ey === undefined) continue;
      const g = groupOf.get(ex);
      if (g !== undefined && g === groupOf.get(ey)) {
        out.push(`adjacent_competitors: ${ex} on ${x} and ${ey} on ${y} are both in group ${g}`);
      }
    }
  }
}

/** A booth an unassigned member could take under rule (b) of rules.ts, or undefined. */
function openBoothFor(inst: Instance, seen: Seen, e: Exhibitor, isMember: (id: string) => boolean): string | undefined {
  const fixedFor = new Map(inst.exhibitors.flatMap((x) => (x.fixed === undefined ? [] : [[x.fixed, x] as const])));
  const groupOf = new Map(inst.exhibitors.map((x) => [x.id, x.competitorGroup]));
  const neighbours = adjacency(inst);
  return inst.booths.find((b) => {
    if (b.size !== e.size || fixedFor.has(b.id)) return false;
    const holder = seen.holder.get(b.id);
    if (holder !== undefined && isMember(holder)) return false;
    if (!inst.rules.noAdjacentCompetitors || e.competitorGroup === undefined) return true;
    return ![...(neighbours.get(b.id) ?? [])].some((n) => {
      const h = seen.holder.get(n);
      return h !== undefined && groupOf.get(h) === e.competitorGroup;
    });
  })?.id;
}

function adjacency(inst: Instance): Map<string, Set<string>> {
  const out = new Map(inst.booths.map((b) => [b.id, new Set<string>()]));
  for (const b of inst.booths) for (const a of b.adjacent) [out.get(b.id)?.add(a), out.get(a)?.add(b.id)];
  return out;
}

function checkQuotas(inst: Instance, seen: Seen, out: string[]): void {
  inst.rules.regionQuotas.forEach((q, k) => {
    const region = new Map(inst.exhibitors.map((e) => [e.id, e.region]));
    const isMember = (id: string) => {
      const r = region.get(id);
      return r !== undefined && q.regions.includes(r);
    };
    const members = [...seen.boothOf.keys()].filter(isMember).length;
    if (shareMet(q.minShare, seen.boothOf.size, members)) return;
    for (const e of inst.exhibitors) {
      if (seen.boothOf.has(e.id) || !isMember(e.id)) continue;
      const booth = openBoothFor(inst, seen, e, isMember);
      if (booth === undefined) continue;
      return out.push(
        `region_quota: rules.regionQuotas[${k}] needs ${q.minShare * 100}% from ${q.regions.join(", ")}, ` +
          `${members} of ${seen.boothOf.size} assigned are, and ${e.id} could still take booth ${booth}`,
      );
    }
  });
}

/**
 * Lists every hard rule a result breaks, one line each starting with a code (`size_mismatch`,
 * `adjacent_competitors`, `region_quota`, …). An empty list means the result is valid.
 *
 * @example
 * validateResult(instance, assignBooths(instance)); // []
 */
export function validateResult(instance: Instance, result: Result): string[] {
  const out: string[] = [];
  const seen = checkAssignments(instance, result, out);
  checkUnassigned(instance, result, seen, out);
  checkFixed(instance, seen, out);
  checkCompetitors(instance, seen, out);
  checkQuotas(instance, seen, out);
  return out;
}
