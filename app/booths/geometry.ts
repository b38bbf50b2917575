// Floor-plan geometry on a hall grid: booths are axis-aligned rectangles in whole grid cells, origin top-left,
// x to the right and y downwards. Pure; the floor-plan editor and the assignment's `adjacent` lists use it.

export type BoothRect = { code: string; x: number; y: number; w: number; h: number };

/** Length of the overlap of [a0, a1) and [b0, b1); ≤ 0 when they only touch or are apart. */
const overlapLength = (a0: number, a1: number, b0: number, b1: number) => Math.min(a1, b1) - Math.max(a0, b0);

/**
 * Whether two booths cover a common area of positive size (sharing an edge is not overlapping).
 *
 * @example
 * overlaps({ code: "A", x: 0, y: 0, w: 3, h: 3 }, { code: "B", x: 3, y: 0, w: 3, h: 3 }); // false
 */
export function overlaps(a: BoothRect, b: BoothRect): boolean {
  return overlapLength(a.x, a.x + a.w, b.x, b.x + b.w) > 0 && overlapLength(a.y, a.y + a.h, b.y, b.y + b.h) > 0;
}

/** Booths grouped by one coordinate, so neighbours are found by lookup instead of comparing all pairs. */
function groupBy(booths: BoothRect[], key: (b: BoothRect) => number): Map<number, BoothRect[]> {
  const out = new Map<number, BoothRect[]>();
  for (const b of booths) (out.get(key(b)) ?? out.set(key(b), []).get(key(b))!).push(b);
  return out;
}

type Indexes = readonly [Map<number, BoothRect[]>, Map<number, BoothRect[]>, Map<number, BoothRect[]>, Map<number, BoothRect[]>];

/** Booths by left, right, top and bottom edge coordinate. */
function indexes(booths: BoothRect[]): Indexes {
  return [
    groupBy(booths, (b) => b.x),
    groupBy(booths, (b) => b.x + b.w),
    groupBy(booths, (b) => b.y),
    groupBy(booths, (b) => b.y + b.h),
  ];
}

/** Neighbours on each side of `b`: their facing edge lies on b's side and overlaps it with positive length. */
function neighboursBySide(b: BoothRect, [byLeft, byRight, byTop, byBottom]: Indexes) {
  const alongY = (o: BoothRect) => overlapLength(b.y, b.y + b.h, o.y, o.y + o.h) > 0;
  const alongX = (o: BoothRect) => overlapLength(b.x, b.x + b.w, o.x, o.x + o.w) > 0;
  const side = (list: BoothRect[] | undefined, touches: (o: BoothRect) => boolean) =>
    (list ?? []).filter((o) => o !== b && touches(o));
  return {
    right: side(byLeft.get(b.x + b.w), alongY),
    left: side(byRight.get(b.x), alongY),
    bottom: side(byTop.get(b.y + b.h), alongX),
    top: side(byBottom.get(b.y), alongX),
  };
}

/**
 * Adjacency from geometry: two booths are adjacent when they share an edge segment of positive length.
 * Booths that only touch at a corner (diagonally) are not adjacent. The relation is symmetric; codes are sorted.
 *
 * @example
 * deriveAdjacency(generateGrid({ rows: 1, cols: 3, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}" }))
 *   .get("A-02"); // ["A-01", "A-03"]
 */
export function deriveAdjacency(booths: BoothRect[]): Map<string, string[]> {
  const idx = indexes(booths);
  const out = new Map<string, string[]>();
  for (const b of booths) {
    const s = neighboursBySide(b, idx);
    const codes = [...s.right, ...s.left, ...s.bottom, ...s.top].map((n) => n.code);
    out.set(b.code, [...new Set(codes)].sort());
  }
  return out;
}

/** Whether the neighbours' shared segments cover the whole side [lo, hi), i.e. no aisle touches that side. */
function sideClosed(lo: number, hi: number, segments: Array<[number, number]>): boolean {
  let reach = lo;
  for (const [a, c] of segments.sort((p, q) => p[0] - q[0])) {
    if (a > reach) return false;
    reach = Math.max(reach, c);
  }
  return reach >= hi;
}

/**
 * A corner booth has at least one open horizontal side (top or bottom) and at least one open vertical side
 * (left or right), i.e. two perpendicular sides face an aisle. A side is open when booths do not cover its
 * whole length. Two open sides facing each other (an in-line booth in a single row between two aisles) do
 * not make a corner; islands (4 open sides) and peninsulas (3) do. Hall walls are not modelled: a side on
 * the edge of the plan counts as open.
 *
 * @example
 * const row = generateGrid({ rows: 1, cols: 3, startX: 0, startY: 0, w: 3, h: 3, codePattern: "A-{nn}" });
 * isCorner(row[0], row); // true: left, top and bottom are open
 * isCorner(row[1], row); // false: only top and bottom (opposite sides) are open
 */
export function isCorner(booth: BoothRect, booths: BoothRect[]): boolean {
  const s = neighboursBySide(booth, indexes(booths));
  const { x, y, w, h } = booth;
  const alongX = (list: BoothRect[]) => list.map((n): [number, number] => [Math.max(x, n.x), Math.min(x + w, n.x + n.w)]);
  const alongY = (list: BoothRect[]) => list.map((n): [number, number] => [Math.max(y, n.y), Math.min(y + h, n.y + n.h)]);
  const openTop = !sideClosed(x, x + w, alongX(s.top));
  const openBottom = !sideClosed(x, x + w, alongX(s.bottom));
  const openLeft = !sideClosed(y, y + h, alongY(s.left));
  const openRight = !sideClosed(y, y + h, alongY(s.right));
  return (openTop || openBottom) && (openLeft || openRight);
}

export type GridOptions = {
  rows: number;
  cols: number;
  startX: number;
  startY: number;
  /** Booth width and height in cells. */
  w: number;
  h: number;
  /** Leave an aisle after every this many rows (e.g. 2 for back-to-back double rows). */
  aisleEvery?: number;
  /** Aisle height in cells; default 1. */
  aisleWidth?: number;
  /**
   * `{row}` is the row letter (A, B, …, Z, AA, …); `{n}` a counter, `{nn}`/`{nnn}` the counter zero-padded.
   * With `{row}` the counter restarts in every row (`"{row}{n}"` → A1, A2, B1); without it, it runs through
   * the whole grid row by row (`"A-{nn}"` →, …).
   */
  codePattern: string;
};

/** Spreadsheet-style letters: 0 → A, 25 → Z, 26 → AA. */
function rowLetters(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function checkGrid(o: GridOptions): void {
  const ints: Array<[string, number, number]> = [
    ["rows", o.rows, 1],
    ["cols", o.cols, 1],
    ["w", o.w, 1],
    ["h", o.h, 1],
    ["startX", o.startX, -Infinity],
    ["startY", o.startY, -Infinity],
    ["aisleEvery", o.aisleEvery ?? 1, 1],
    ["aisleWidth", o.aisleWidth ?? 1, 0],
  ];
  for (const [name, v, min] of ints) {
    if (!Number.isInteger(v) || v < min) throw new RangeError(`generateGrid: ${name} must be an integer ≥ ${min}`);
  }
  if (!/\{n+\}/.test(o.codePattern)) throw new RangeError("generateGrid: codePattern needs a counter ({n} or {nn})");
}

/**
 * Lays out `rows` × `cols` booths of w × h cells from (startX, startY), row by row, with optional aisles.
 * Throws RangeError on options that cannot give distinct booths (a bug in the caller, not user data).
 *
 * @example
 * generateGrid({ rows: 2, cols: 2, startX: 0, startY: 0, w: 3, h: 3, codePattern: "{row}{n}" }).map((b) => b.code);
 * // ["A1", "A2", "B1", "B2"]
 */
export function generateGrid(o: GridOptions): BoothRect[] {
  checkGrid(o);
  const out: BoothRect[] = [];
  const perRow = o.codePattern.includes("{row}");
  for (let r = 0; r < o.rows; r++) {
    const aisles = o.aisleEvery === undefined ? 0 : Math.floor(r / o.aisleEvery) * (o.aisleWidth ?? 1);
    for (let c = 0; c < o.cols; c++) {
      const n = perRow ? c + 1 : r * o.cols + c + 1;
      const code = o.codePattern
        .replaceAll("{row}", rowLetters(r))
        .replace(/\{(n+)\}/g, (_, ns: string) => String(n).padStart(ns.length, "0"));
      out.push({ code, x: o.startX + c * o.w, y: o.startY + r * o.h + aisles, w: o.w, h: o.h });
    }
  }
  return out;
}
