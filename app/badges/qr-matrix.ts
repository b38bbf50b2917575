// QR module matrices for badges, from `qrcode` (ECC M), about 5× faster than QRCode.create(text).
// Pure: no I/O; runs in Node and the browser.
//
// Why (as of 2026-11, measured on the perf.md §F workload): for a 175-character badge token QRCode.create spends
// ≈0.6 ms on segment optimisation (a Dijkstra over modes) and ≈0.9 ms choosing the mask (its penalty code
// reads every module through method calls, 8 times). A badge token is all QR-alphanumeric, so we pass one
// alphanumeric segment, let qrcode build the symbol with mask 0, and then choose the mask ourselves with
// the same ISO 18004 penalty rules and tie-break, using sliding-window tables on flat arrays. The result
// is module for module what QRCode.create([{ data, mode: 'alphanumeric' }]) returns (qr-matrix.test.ts).
import QRCode from "qrcode";

export type QrModules = {
  /** Modules per side (without quiet zone). */
  size: number;
  /** size × size, row-major, 1 = dark. */
  data: Uint8Array;
  version: number;
  mask: number;
};

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * The module matrix of `text` at ECC M: one alphanumeric segment when the text allows (badge tokens),
 * otherwise qrcode's own segmentation.
 *
 * @example
 * qrModules(token) // { size: 45, version: 7, mask: 3, data: Uint8Array(2025) }
 */
export function qrModules(text: string): QrModules {
  const segments = ALPHANUMERIC.test(text) && text.length > 0 ? [{ data: text, mode: "alphanumeric" as const }] : text;
  const qr = QRCode.create(segments, { errorCorrectionLevel: "M", maskPattern: 0 });
  const { size, data, reservedBit } = qr.modules;
  const diffs = maskDiffs(size, reservedBit);
  // XOR four modules at a time through 32-bit views; the padding (a zero row and more) stays zero.
  const plain = new Uint8Array(paddedLength(size));
  plain.set(data);
  const plain32 = new Uint32Array(plain.buffer);
  const candidate = new Uint8Array(plain.length);
  const candidate32 = new Uint32Array(candidate.buffer);
  let bestMask = 0;
  let lowest = Infinity;
  for (let p = 0; p < 8; p++) {
    const d = diffs[p];
    for (let i = 0; i < candidate32.length; i++) candidate32[i] = plain32[i] ^ d[i];
    const score = penalty(candidate, size);
    if (score < lowest) [lowest, bestMask] = [score, p];
  }
  const out = new Uint8Array(size * size);
  const d = new Uint8Array(diffs[bestMask].buffer);
  for (let i = 0; i < out.length; i++) out[i] = data[i] ^ d[i];
  return { size, data: out, version: qr.version, mask: bestMask };
}

const MASK_AT: Array<(i: number, j: number) => boolean> = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/**
 * Per mask p, what turns qrcode's mask-0 symbol into the mask-p symbol: mask 0 xor mask p on data modules,
 * format info (mask 0) xor format info (mask p) on format modules, 0 on other function modules (row-major).
 * Reserved modules depend only on the version, i.e. on the size, so this is cached.
 */
const diffCache = new Map<number, Uint32Array[]>();
function maskDiffs(size: number, reserved: Uint8Array): Uint32Array[] {
  let diffs = diffCache.get(size);
  if (diffs === undefined) {
    const format0 = formatModules(size, 0);
    diffs = MASK_AT.map((at, p) => {
      const formatP = formatModules(size, p);
      const d = new Uint8Array(paddedLength(size));
      for (let r = 0; r < size; r++) {
        for (let c = 0; c < size; c++) {
          const i = r * size + c;
          d[i] = reserved[i] ? format0[i] ^ formatP[i] : (MASK_AT[0](r, c) ? 1 : 0) ^ (at(r, c) ? 1 : 0);
        }
      }
      return new Uint32Array(d.buffer);
    });
    diffCache.set(size, diffs);
  }
  return diffs;
}

/** size × size modules plus one zero row, rounded up to whole 32-bit words. */
function paddedLength(size: number): number {
  return Math.ceil((size * size + size) / 4) * 4;
}

/** Format information for ECC M and mask p (BCH(15,5), ISO 18004 §7.9) where qrcode places it; 0 elsewhere. */
function formatModules(size: number, p: number): Uint8Array {
  const m = new Uint8Array(size * size);
  const data = (0b00 << 3) | p; // ECC level M = 00
  let d = data << 10;
  while (bitLength(d) - 11 >= 0) d ^= 0b10100110111 << (bitLength(d) - 11);
  const bits = ((data << 10) | d) ^ 0b101010000010010;
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    m[row * size + 8] = bit;
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    m[8 * size + col] = bit;
  }
  m[(size - 8) * size + 8] = 1;
  return m;
}

function bitLength(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

// Penalty tables over a sliding window w of the last modules in a line (bit 0 = current module).
// Runs (N1, 3 + (n − 5) for a run of n ≥ 5): each module ending five equal ones scores 1, plus 2 where such
// a window starts a run; so a run of n scores (n − 4) + 2. Finder-like 1:1:3:1:1 + four light (N3): 40.
const fiveSame = (w: number) => (w & 31) === 0 || (w & 31) === 31;
const RUN_FIRST = new Uint8Array(32).map((_, w) => (fiveSame(w) ? 3 : 0)); // the 5th module of a line
const RUN = new Uint8Array(64).map((_, w) => (fiveSame(w) ? (fiveSame(w >> 1) ? 1 : 3) : 0));
const RUN_FINDER = new Uint8Array(2048).map((_, w) => RUN[w & 63] + (w === 0x5d0 || w === 0x05d ? 40 : 0)); // from the 11th
// N2: a 2 × 2 block of one colour, indexed by (two modules of this row) << 2 | (the two below).
const BLOCK = new Uint8Array(16).map((_, k) => (k === 0 || k === 15 ? 3 : 0));
const NO_BLOCK = new Uint8Array(16); // the last row has no row below

/** ISO 18004 mask penalty N1 + N2 + N3 + N4, equal to qrcode 1.5's. `m` has a zero row after the symbol. */
function penalty(m: Uint8Array, size: number): number {
  let points = linePenalty(m, size, 1, size); // columns: N1 + N3
  let dark = 0;
  for (let r = 0; r < size; r++) {
    // rows: N1 + N3 from a sliding window w of this row, N2 from w and the pair q below, N4's dark count
    const block = r < size - 1 ? BLOCK : NO_BLOCK;
    const base = r * size;
    let w = m[base];
    let q = m[base + size];
    dark += w;
    let c = 1;
    for (; c < 5; c++) {
      const v = m[base + c];
      w = (w << 1) | v;
      q = ((q << 1) | m[base + size + c]) & 3;
      points += block[((w & 3) << 2) | q];
      dark += v;
    }
    points += RUN_FIRST[w];
    for (; c < 10; c++) {
      const v = m[base + c];
      w = (w << 1) | v;
      q = ((q << 1) | m[base + size + c]) & 3;
      points += RUN[w & 63] + block[((w & 3) << 2) | q];
      dark += v;
    }
    for (; c < size; c++) {
      const v = m[base + c];
      w = ((w << 1) & 0x7ff) | v;
      q = ((q << 1) | m[base + size + c]) & 3;
      points += RUN_FINDER[w] + block[((w & 3) << 2) | q];
      dark += v;
    }
  }
  const n = size * size;
  return points + Math.abs(Math.ceil((dark * 100) / n / 5) - 10) * 10;
}

/** N1 + N3 along every row (lineStep = size, step = 1) or column (1, size); size ≥ 21 ≥ 11 modules. */
function linePenalty(a: Uint8Array, size: number, lineStep: number, step: number): number {
  let points = 0;
  for (let line = 0; line < size; line++) {
    const base = line * lineStep;
    let w = (a[base] << 4) | (a[base + step] << 3) | (a[base + 2 * step] << 2) | (a[base + 3 * step] << 1) | a[base + 4 * step];
    points += RUN_FIRST[w];
    let k = 5;
    for (; k < 10; k++) {
      w = (w << 1) | a[base + k * step];
      points += RUN[w & 63];
    }
    for (; k < size; k++) {
      w = ((w << 1) & 0x7ff) | a[base + k * step];
      points += RUN_FINDER[w];
    }
  }
  return points;
}
