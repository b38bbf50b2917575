// Seeded booth-assignment instances for the BOOTH benchmark (perf.md "Proposed benchmark suite").
// Halls are laid out as strips of back-to-back double rows on a 1 m grid, so adjacency comes from geometry:
// 9 m² = 3×3, 18 m² = 6×3, 36 m² = 6×6 (an island spanning both rows). One zone per strip, competitor groups
// of about six inside a zone, 32 % of exhibitors from outside Java against a 30 % quota, 2 % fixed booths.
import type { Booth, Exhibitor, Instance } from "~/booths/assignment/instance";
import { type BoothRect, deriveAdjacency, isCorner } from "~/booths/geometry";
import { createRng } from "../../app/utils/rng";

export type GenOptions = { exhibitors: number; booths: number; seed: number };

const ZONES = ["batik", "tenun", "kriya", "kuliner", "fesyen", "perhiasan", "herbal", "furnitur"];
const JAVA = ["dki-jakarta", "jawa-barat", "jawa-tengah", "di-yogyakarta", "jawa-timur", "banten"];
const OUTSIDE_JAVA = ["sumatera-utara", "sumatera-barat", "bali", "ntb", "ntt", "kalimantan-timur", "kalimantan-barat", "sulawesi-selatan", "maluku", "papua"];
const STRIP_WIDTH = 36;


const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const drawSize = (r: () => number, p9: number, p18: number) => {
  const u = r();
  return u < p9 ? 9 : u < p9 + p18 ? 18 : 36;
};

type Rect = BoothRect & { size: number; zone: string; hall: string; strip: number };

/** One double-row strip filled left to right with segments of a random size. */
function strip(r: () => number, y: number, hall: string, zone: string, id: number): Rect[] {
  const out: Rect[] = [];
  for (let x = 0; x < STRIP_WIDTH; ) {
    const size = drawSize(r, 0.6, 0.3);
    const w = size === 9 ? 3 : 6;
    if (x + w > STRIP_WIDTH) break;
    const cells = size === 36 ? [[0, 6]] : [[0, 3], [3, 3]];
    for (const [dy, h] of cells) out.push({ code: "", x, y: y + dy, w, h, size, zone, hall, strip: id });
    x += w;
  }
  return out;
}

function layout(r: () => number, count: number): Rect[] {
  const rects: Rect[] = [];
  for (let s = 0; rects.length < count; s++) {
    const hall = String.fromCharCode(65 + Math.floor(s / 10));
    // Halls are separate buildings: a 100-cell gap keeps them from touching.
    const y = (s % 10) * 8 + Math.floor(s / 10) * 100;
    rects.push(...strip(r, y, hall, ZONES[s % ZONES.length], s));
  }
  rects.length = count;
  const perHall = new Map<string, number>();
  for (const b of rects) {
    const n = (perHall.get(b.hall) ?? 0) + 1;
    perHall.set(b.hall, n);
    b.code = `${b.hall}-${String(n).padStart(3, "0")}`;
  }
  return rects;
}

function makeBooths(r: () => number, count: number): Booth[] {
  const rects = layout(r, count);
  const adjacency = deriveAdjacency(rects);
  // Strips are separated by aisles, so a booth's corner status only depends on its own strip.
  const byStrip = new Map<number, Rect[]>();
  for (const b of rects) (byStrip.get(b.strip) ?? byStrip.set(b.strip, []).get(b.strip)!).push(b);
  return rects.map((b) => ({
    id: b.code,
    hall: b.hall,
    zone: b.zone,
    size: b.size,
    corner: isCorner(b, byStrip.get(b.strip)!),
    adjacent: adjacency.get(b.code)!,
  }));
}

function makeExhibitor(r: () => number, i: number, groupsPerZone: number, bySize: Map<number, Booth[]>): Exhibitor {
  const size = drawSize(r, 0.62, 0.28);
  const zone = pick(r, ZONES);
  const zones = r() < 0.3 ? [zone, pick(r, ZONES)].filter((z, k, a) => a.indexOf(z) === k) : [zone];
  const sameSize = bySize.get(size) ?? [];
  const inZone = sameSize.filter((b) => b.zone === zone);
  const preferred = new Set<string>();
  for (let k = sameSize.length === 0 ? 0 : Math.floor(r() * 4); k > 0; k--) {
    // Corner booths in one's own zone are what everybody asks for.
    const pool = inZone.length > 0 && r() < 0.8 ? inZone : sameSize;
    const corners = pool.filter((b) => b.corner);
    preferred.add(pick(r, corners.length > 0 && r() < 0.6 ? corners : pool).id);
  }
  return {
    id: `ex-${String(i + 1).padStart(4, "0")}`,
    size,
    priority: 1 + Math.floor(29 * r() * r()),
    zones,
    preferred: [...preferred],
    region: r() < 0.32 ? pick(r, OUTSIDE_JAVA) : pick(r, JAVA),
    competitorGroup: r() < 0.7 ? `${zone}-${Math.floor(r() * groupsPerZone)}` : undefined,
  };
}

/** Fixes ~2 % of exhibitors to a booth of their size, never next to a fixed competitor. */
function fixSome(r: () => number, exhibitors: Exhibitor[], booths: Booth[]): void {
  const taken = new Map<string, Exhibitor>();
  for (const e of exhibitors) {
    if (r() >= 0.02) continue;
    const b = pick(r, booths.filter((x) => x.size === e.size && !taken.has(x.id)));
    if (b === undefined) continue;
    const near = [...b.adjacent, ...booths.filter((x) => x.adjacent.includes(b.id)).map((x) => x.id)];
    if (near.some((id) => taken.get(id)?.competitorGroup === e.competitorGroup && e.competitorGroup !== undefined)) continue;
    e.fixed = b.id;
    taken.set(b.id, e);
  }
}

/**
 * A reproducible instance: same options, same JSON.
 *
 * @example
 * generateInstance({ exhibitors: 500, booths: 520, seed: 1 });
 */
export function generateInstance(o: GenOptions): Instance {
  const r = createRng(o.seed);
  const booths = makeBooths(r, o.booths);
  const bySize = new Map<number, Booth[]>();
  for (const b of booths) (bySize.get(b.size) ?? bySize.set(b.size, []).get(b.size)!).push(b);
  // Groups of about six competitors, all in one zone (competitors sell the same thing).
  const groupsPerZone = Math.max(1, Math.round((0.7 * o.exhibitors) / ZONES.length / 6));
  const exhibitors = Array.from({ length: o.exhibitors }, (_, i) => makeExhibitor(r, i, groupsPerZone, bySize));
  fixSome(r, exhibitors, booths);
  return {
    booths,
    exhibitors,
    rules: { noAdjacentCompetitors: true, regionQuotas: [{ regions: OUTSIDE_JAVA, minShare: 0.3 }] },
  };
}
