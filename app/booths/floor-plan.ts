// Floor-plan rules (pure): planning a bulk grid of booths against the booths already in a hall, the map's view
// of a hall (extent, corner and adjacency derived from geometry), booth statuses, the self-selection window,
// invoice numbers, priority points and regions for the automatic assignment. No I/O, no clock: `now` is a
// parameter. Geometry itself lives in geometry.ts (another module's; called through its exported API only).
import { fail, ok, type Result } from "~/utils/result";
import { deriveAdjacency, generateGrid, isCorner, overlaps, type BoothRect, type GridOptions } from "./geometry";

/** The hall grid is 1000 × 1000 cells and a booth spans at most 200 (booth_geometry_chk). */
export const GRID_LIMIT = 1000;
export const MAX_SPAN = 200;
/** One bulk creation makes at most this many booths (a big hall is a few grids). */
export const MAX_BULK = 500;
export const MAX_CODE_LENGTH = 20;
/** Favourite booths an exhibitor may mark for the automatic assignment (booth_preference_rank_chk: 1–3). */
export const MAX_PREFERENCES = 3;

export type BulkProblem = "too_many" | "out_of_bounds" | "code_too_long" | "code_taken" | "overlap";

/**
 * Lays out a grid with geometry.generateGrid and checks it against the hall and the event, all or nothing:
 * too many booths, a booth off the grid, a code too long or already used in the event (case-insensitive, as
 * booth_event_id_code_uq), or a booth on top of one already in the hall. `detail` names the booth at fault
 * (for `overlap`, the existing booth that would be covered).
 *
 * @example
 * planBulk({ rows: 1, cols: 2, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}" }, [], []);
 * // { ok: true, value: [{ code: "A-01", x: 0, … }, { code: "A-02", x: 3, … }] }
 */
export function planBulk(options: GridOptions, hallBooths: readonly BoothRect[], eventCodes: readonly string[]): Result<BoothRect[], BulkProblem> {
  const count = options.rows * options.cols;
  if (count > MAX_BULK) return fail("too_many", String(count));
  const planned = generateGrid(options);
  const offGrid = planned.find((b) => b.x < 0 || b.y < 0 || b.x + b.w > GRID_LIMIT || b.y + b.h > GRID_LIMIT);
  if (offGrid) return fail("out_of_bounds", offGrid.code);
  const tooLong = planned.find((b) => b.code.length > MAX_CODE_LENGTH);
  if (tooLong) return fail("code_too_long", tooLong.code);
  const taken = new Set(eventCodes.map((c) => c.toLowerCase()));
  for (const b of planned) {
    if (taken.has(b.code.toLowerCase())) return fail("code_taken", b.code);
    taken.add(b.code.toLowerCase());
  }
  for (const b of planned) {
    const hit = hallBooths.find((e) => overlaps(b, e));
    if (hit) return fail("overlap", hit.code);
  }
  return ok(planned);
}

/** The first booth (other than `self`) that `rect` would cover, for the "move" form's message. */
export function findOverlap(rect: BoothRect, hallBooths: readonly (BoothRect & { id?: string })[], selfId?: string) {
  return hallBooths.find((b) => b.id !== selfId && overlaps(rect, b));
}

/** Placeholders a code pattern may use: `{row}` and a counter `{n}`, `{nn}`, `{nnn}`… */
export function checkCodePattern(pattern: string): "ok" | "no_counter" | "unknown_placeholder" {
  if (/\{(?!row\}|n+\})[^}]*\}?/.test(pattern)) return "unknown_placeholder";
  return /\{n+\}/.test(pattern) ? "ok" : "no_counter";
}

export type HallExtent = { width: number; height: number };

/**
 * The drawn size of a hall in cells: every booth plus one free cell around, at least 12 × 8 so an empty
 * or tiny hall still looks like a floor.
 *
 * @example hallExtent([{ code: "A", x: 0, y: 0, w: 3, h: 3 }]) // { width: 12, height: 8 }
 */
export function hallExtent(booths: readonly BoothRect[]): HallExtent {
  let width = 12;
  let height = 8;
  for (const b of booths) {
    width = Math.max(width, b.x + b.w + 1);
    height = Math.max(height, b.y + b.h + 1);
  }
  return { width: Math.min(width, GRID_LIMIT), height: Math.min(height, GRID_LIMIT) };
}

/**
 * Adds the derived facts to a hall's booths: neighbours (shared edge) and corner (two perpendicular sides on
 * an aisle). isCorner only looks at edge neighbours, so it is given just those: linear, not quadratic.
 *
 * @example
 * annotateHall(generateGrid({ rows: 1, cols: 3, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}" }))[1];
 * // { code: "A-02", …, corner: false, adjacent: ["A-01", "A-03"] }
 */
export function annotateHall<T extends BoothRect>(booths: readonly T[]): Array<T & { corner: boolean; adjacent: string[] }> {
  const adjacency = deriveAdjacency([...booths]);
  const byCode = new Map(booths.map((b) => [b.code, b]));
  return booths.map((b) => {
    const adjacent = adjacency.get(b.code) ?? [];
    const near = [b, ...adjacent.map((c) => byCode.get(c)!)];
    return { ...b, corner: isCorner(b, near), adjacent };
  });
}

export const BOOTH_STATUSES = ["available", "held", "assigned"] as const;
export type BoothStatus = (typeof BOOTH_STATUSES)[number];

/** A booth's status on the map from its live assignment (none, held, confirmed). */
export function boothStatus(assignment: "held" | "confirmed" | null | undefined): BoothStatus {
  return assignment === "confirmed" ? "assigned" : assignment === "held" ? "held" : "available";
}

export type SelectionWindow = { opensAt: Date | string | null; closesAt: Date | string | null };
export type SelectionState = "not_set" | "not_open" | "open" | "closed";

/**
 * Where `now` falls in the self-selection window: opens inclusive, closes exclusive.
 *
 * @example selectionState({ opensAt: "2026-11-01T00:00:00Z", closesAt: "2026-11-08T00:00:00Z" }, new Date("2026-11-08T00:00:00Z")) // "closed"
 */
export function selectionState(window: SelectionWindow | null | undefined, now: Date): SelectionState {
  if (!window?.opensAt || !window.closesAt) return "not_set";
  const t = now.getTime();
  if (t < new Date(window.opensAt).getTime()) return "not_open";
  return t < new Date(window.closesAt).getTime() ? "open" : "closed";
}

/**
 * An exhibitor may take a booth of exactly the size it applied for; without a size on the application only
 * the organizer assigns (any size), so self-selection refuses.
 */
export function sizeFits(exhibitorSize: number | null, boothSize: number, method: "manual" | "self" | "auto"): boolean {
  if (exhibitorSize === null) return method === "manual";
  return exhibitorSize === boothSize;
}

/**
 * A short event code for invoice numbers: the initials of the slug's words, upper case (2–6 letters), or the
 * slug's first letters when it is one word.
 *
 * @example eventShortCode("temu-bisnis-batik-tenun-kediri-surakarta") // "TBBTKS"
 * @example eventShortCode("inacraft") // "INAC"
 */
export function eventShortCode(slug: string): string {
  const words = slug.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  const initials = words.map((w) => w[0]).join("").slice(0, 6);
  if (initials.length >= 2) return initials;
  return (words.join("").slice(0, 4) || "EVT").padEnd(2, "X");
}

/** @example invoiceNumber("TBB", 7) // "INV-TBB-0007" */
export function invoiceNumber(short: string, sequence: number): string {
  return `INV-${short}-${String(sequence).padStart(4, "0")}`;
}

/**
 * Priority points for the automatic assignment (perf.md §D): a base of 10 so every exhibitor is worth
 * placing, the curation score (0–100, mean of the curators' weighted scores; unscored counts 0), and 5 points
 * per year exhibited before, at most 10 years.
 *
 * @example priorityPoints({ curationScore: 80, historyYears: 3 }) // 10 + 80 + 15 = 105
 */
export function priorityPoints(input: { curationScore: number | undefined; historyYears: number }): number {
  const score = Math.round(Math.max(0, Math.min(100, input.curationScore ?? 0)));
  return 10 + score + 5 * Math.max(0, Math.min(10, Math.floor(input.historyYears)));
}

/** Region keys compare provinces however they were typed: case, spaces and the "Provinsi" prefix ignored. */
export function regionKey(province: string): string {
  return province.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim().replace(/^provinsi /, "");
}

const JAVA = new Set(["banten", "dki jakarta", "jakarta", "jawa barat", "jawa tengah", "di yogyakarta", "yogyakarta",
  "daerah istimewa yogyakarta", "jawa timur"]);

/** Whether a province is on Java (for the usual "at least 30 % from outside Java" quota). */
export function isJavaProvince(province: string): boolean {
  return JAVA.has(regionKey(province));
}

/** A share typed in percent (0–100) as the contract's fraction, with the float noise of /100 removed. */
export function shareFromPercent(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}

export { cleanQuery } from "~/utils/validation";
