// Booth-assignment instance and result types, and the parser for the JSON contract
// (shared/formats/booths.md). Pure: the CLI and the app both feed untrusted JSON through parseInstance.

export type Booth = {
  id: string;
  hall?: string;
  zone?: string;
  /** Booth area in m²; an exhibitor only gets a booth of exactly its size. */
  size: number;
  corner: boolean;
  /** As given; adjacency is symmetric, so consumers must also look at the other booth's list. */
  adjacent: string[];
};

export type Exhibitor = {
  id: string;
  size: number;
  priority: number;
  zones: string[];
  preferred: string[];
  region?: string;
  competitorGroup?: string;
  /** An already confirmed booth that must be kept. */
  fixed?: string;
};

export type RegionQuota = { regions: string[]; minShare: number };

export type Rules = { noAdjacentCompetitors: boolean; regionQuotas: RegionQuota[] };

export type Instance = { booths: Booth[]; exhibitors: Exhibitor[]; rules: Rules };

export const UNASSIGNED_REASONS = ["no_booth_of_size", "capacity", "conflict"] as const;
export type UnassignedReason = (typeof UNASSIGNED_REASONS)[number];

export type Result = {
  assignments: Array<{ exhibitor: string; booth: string }>;
  unassigned: Array<{ exhibitor: string; reason: UnassignedReason }>;
  stats: { score: number; upperBound: number; violations: number; ms: number };
};

export type ParseOutcome = { ok: true; instance: Instance } | { ok: false; error: string };

/** Thrown inside the parser only; parseInstance turns it into `{ ok: false }`. */
class InputError extends Error {}

const fail = (place: string, problem: string): never => {
  throw new InputError(`${place}: ${problem}`);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function objectAt(v: unknown, place: string): Record<string, unknown> {
  return isObject(v) ? v : fail(place, "expected an object");
}

function arrayAt(v: unknown, place: string): unknown[] {
  return Array.isArray(v) ? v : fail(place, "expected an array");
}

function idAt(v: unknown, place: string): string {
  return typeof v === "string" && v.trim() !== "" ? v : fail(place, "expected a non-empty string");
}

function positiveIntAt(v: unknown, place: string): number {
  return typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : fail(place, "expected a positive integer");
}

/** Absent and null both mean "not set", since JSON exporters disagree on which to write. */
function optionalStringAt(v: unknown, place: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : fail(place, "expected a string");
}

function stringListAt(v: unknown, place: string): string[] {
  if (v === undefined || v === null) return [];
  return arrayAt(v, place).map((s, i) => idAt(s, `${place}[${i}]`));
}

function boothIdListAt(v: unknown, place: string, known: Map<string, number>): string[] {
  const ids = stringListAt(v, place);
  ids.forEach((id, i) => known.has(id) || fail(`${place}[${i}]`, `unknown booth "${id}"`));
  return ids;
}

function parseBooth(raw: unknown, place: string): Booth {
  const o = objectAt(raw, place);
  const id = idAt(o.id, `${place}.id`);
  const hall = optionalStringAt(o.hall, `${place}.hall`);
  const zone = optionalStringAt(o.zone, `${place}.zone`);
  const size = positiveIntAt(o.size, `${place}.size`);
  const corner = o.corner ?? false;
  if (typeof corner !== "boolean") fail(`${place}.corner`, "expected a boolean");
  const adjacent = stringListAt(o.adjacent, `${place}.adjacent`);
  return { id, hall, zone, size, corner: corner as boolean, adjacent };
}

function parseBooths(raw: unknown): { booths: Booth[]; index: Map<string, number> } {
  const booths = arrayAt(raw, "booths").map((b, i) => parseBooth(b, `booths[${i}]`));
  const index = new Map<string, number>();
  booths.forEach((b, i) => {
    const seen = index.get(b.id);
    if (seen !== undefined) fail(`booths[${i}].id`, `duplicate booth id "${b.id}" (also booths[${seen}])`);
    index.set(b.id, i);
  });
  booths.forEach((b, i) =>
    b.adjacent.forEach((a, j) => {
      const place = `booths[${i}].adjacent[${j}]`;
      if (!index.has(a)) fail(place, `unknown booth "${a}"`);
      if (a === b.id) fail(place, "a booth cannot be adjacent to itself");
    }),
  );
  return { booths, index };
}

function parseExhibitor(raw: unknown, place: string, boothIndex: Map<string, number>): Exhibitor {
  const o = objectAt(raw, place);
  // Fields are checked in the contract's order, so the first error reported is the first one in the object.
  const id = idAt(o.id, `${place}.id`);
  const size = positiveIntAt(o.size, `${place}.size`);
  const priority = o.priority;
  if (typeof priority !== "number" || !Number.isFinite(priority) || priority < 0) {
    fail(`${place}.priority`, "expected a number ≥ 0");
  }
  const zones = stringListAt(o.zones, `${place}.zones`);
  const preferred = boothIdListAt(o.preferred, `${place}.preferred`, boothIndex);
  const region = optionalStringAt(o.region, `${place}.region`);
  const competitorGroup = optionalStringAt(o.competitorGroup, `${place}.competitorGroup`);
  const fixed = optionalStringAt(o.fixed, `${place}.fixed`);
  if (fixed !== undefined && !boothIndex.has(fixed)) fail(`${place}.fixed`, `unknown booth "${fixed}"`);
  return { id, size, priority: priority as number, zones, preferred, region, competitorGroup, fixed };
}

function parseRules(raw: unknown): Rules {
  if (raw === undefined || raw === null) return { noAdjacentCompetitors: false, regionQuotas: [] };
  const o = objectAt(raw, "rules");
  const noAdjacentCompetitors = o.noAdjacentCompetitors ?? false;
  if (typeof noAdjacentCompetitors !== "boolean") fail("rules.noAdjacentCompetitors", "expected a boolean");
  const quotas = o.regionQuotas === undefined || o.regionQuotas === null ? [] : arrayAt(o.regionQuotas, "rules.regionQuotas");
  const regionQuotas = quotas.map((q, i) => {
    const place = `rules.regionQuotas[${i}]`;
    const qo = objectAt(q, place);
    const regions = stringListAt(qo.regions ?? fail(`${place}.regions`, "expected a non-empty array of strings"), `${place}.regions`);
    if (regions.length === 0) fail(`${place}.regions`, "expected a non-empty array of strings");
    const share = qo.minShare;
    if (typeof share !== "number" || !(share >= 0 && share <= 1)) fail(`${place}.minShare`, "expected a number between 0 and 1");
    return { regions, minShare: share as number };
  });
  return { noAdjacentCompetitors: noAdjacentCompetitors as boolean, regionQuotas };
}

/** Booths listed by either side; the contract makes adjacency symmetric. */
function areAdjacent(a: Booth, b: Booth): boolean {
  return a.adjacent.includes(b.id) || b.adjacent.includes(a.id);
}

/** Fixed assignments must be satisfiable on their own, otherwise no valid result exists at all. */
function checkFixed(inst: Instance, boothIndex: Map<string, number>): void {
  const holder = new Map<string, number>();
  inst.exhibitors.forEach((e, i) => {
    if (e.fixed === undefined) return;
    const place = `exhibitors[${i}].fixed`;
    const booth = inst.booths[boothIndex.get(e.fixed)!];
    if (booth.size !== e.size) fail(place, `booth ${booth.id} is ${booth.size} m², exhibitor needs ${e.size} m²`);
    const other = holder.get(booth.id);
    if (other !== undefined) fail(place, `booth ${booth.id} is already fixed for exhibitor ${inst.exhibitors[other].id}`);
    holder.set(booth.id, i);
  });
  if (!inst.rules.noAdjacentCompetitors) return;
  inst.exhibitors.forEach((e, i) => {
    if (e.fixed === undefined || e.competitorGroup === undefined) return;
    const booth = inst.booths[boothIndex.get(e.fixed)!];
    for (const [otherBooth, j] of holder) {
      const other = inst.exhibitors[j];
      if (j >= i || other.competitorGroup !== e.competitorGroup) continue;
      if (!areAdjacent(booth, inst.booths[boothIndex.get(otherBooth)!])) continue;
      fail(`exhibitors[${i}].fixed`, `booth ${booth.id} is adjacent to ${otherBooth}, fixed for competitor ${other.id}`);
    }
  });
}

/**
 * Parses and checks an instance (shared/formats/booths.md). The first problem found is reported as
 * `place: problem`, the place written as a JSON path.
 *
 * @example
 * const parsed = parseInstance(JSON.parse(text));
 * if (!parsed.ok) console.error(parsed.error); // "exhibitors[4].size: expected a positive integer"
 */
export function parseInstance(json: unknown): ParseOutcome {
  try {
    const root = objectAt(json, "instance");
    const { booths, index } = parseBooths(root.booths);
    const exhibitors = arrayAt(root.exhibitors, "exhibitors").map((e, i) => parseExhibitor(e, `exhibitors[${i}]`, index));
    const seen = new Map<string, number>();
    exhibitors.forEach((e, i) => {
      const first = seen.get(e.id);
      if (first !== undefined) fail(`exhibitors[${i}].id`, `duplicate exhibitor id "${e.id}" (also exhibitors[${first}])`);
      seen.set(e.id, i);
    });
    const instance = { booths, exhibitors, rules: parseRules(root.rules) };
    checkFixed(instance, index);
    return { ok: true, instance };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, error: err.message };
    throw err;
  }
}
