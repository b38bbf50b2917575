// Printable badge PDFs with pdfkit (rules: ecosystem.md §3). QR codes are vector modules from `qrcode`
// (ECC M, quiet zone ≥ 4 modules; qr-matrix.ts), drawn as one path of row runs in module units, so a
// badge costs about 2.4 KB. Text is placed with cached measured widths (no pdfkit line wrapper) to keep
// the per-badge overhead small.
import type { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import type { BadgeKind } from "../checkin/decide-entry";
import { qrModules } from "./qr-matrix";
import { formatShortCode } from "./short-code";

/** What is printed on one badge. Deliberately has no NIK/NPWP or any other identity number field. */
export type BadgePrint = {
  name: string;
  organization?: string | null;
  /** The printed kind word, e.g. PESERTA, PAMERAN, PEMBELI, PANITIA, MEDIA, VIP. */
  kindLabel: string;
  kind: BadgeKind;
  eventName: string;
  /** Already formatted, e.g. "13–15 Desember 2026 · JIExpo Kemayoran". */
  eventDates: string;
  /** The signed badge token (badge-token.ts). */
  qrText: string;
  /** 8 characters, with or without the dash. */
  shortCode: string;
  /** Band colour '#RRGGBB'; defaults by kind. */
  colour?: string | null;
};

export type BadgeLayout = "a6" | "a4-4up" | "cr80";

export type BadgePdfOptions = {
  /** PDF title metadata. */
  title?: string;
  /**
   * TrueType/OpenType fonts to embed (subset) instead of the built-in Helvetica, e.g. Noto Sans for names
   * outside Latin-1. Paths or buffers.
   */
  fonts?: { regular: string | Buffer; bold: string | Buffer };
};

export const BADGE_KIND_COLOURS: Record<BadgeKind, string> = {
  exhibitor: "#0B5CAD",
  buyer: "#C2410C",
  visitor: "#15803D",
  staff: "#1F2937",
  press: "#7E22CE",
  vip: "#B8860B",
};

const MM = 72 / 25.4;
const PAGE: Record<BadgeLayout, [number, number]> = {
  a6: [105 * MM, 148 * MM],
  "a4-4up": [210 * MM, 297 * MM],
  cr80: [85.6 * MM, 53.98 * MM],
};
// a4-4up: 95 × 135 mm badges (fit A6 holders) in a 2 × 2 grid with gutters for the cut marks.
const UP4 = { w: 95 * MM, h: 135 * MM, gutterX: 8 * MM, gutterY: 9 * MM };
const QUIET_ZONE = 4;
const INK = "#111111";
const MUTED = "#555555";
const ORG = "#333333";
const RULE = "#D0D0D0";
const TRACKING = 0.12; // letter spacing of the kind word, per point of size

type Frame = { x: number; y: number; w: number; h: number };
type Fonts = { regular: string; bold: string };
/** One render job: the document, its fonts, and unit-size text widths (event name, dates and kind words repeat). */
type Ctx = { doc: PDFKit.PDFDocument; fonts: Fonts; builtIn: boolean; widths: Map<string, number> };

/**
 * Renders badges into one PDF: `a6` (one 105 × 148 mm badge per page), `a4-4up` (four 95 × 135 mm badges
 * per A4 sheet, with cut marks) or `cr80` (85.6 × 53.98 mm, for card printers).
 *
 * @example
 * const pdf = await renderBadgesPdf([{ name: 'Sari Wulandari', organization: 'Batik Laweyan Sari',
 *   kindLabel: 'PAMERAN', kind: 'exhibitor', eventName: 'Pameran Batik Nusantara 2026',
 *   eventDates: '13–15 Desember 2026', qrText: token, shortCode: 'K7QXM3PA' }], 'a6')
 */
export async function renderBadgesPdf(badges: BadgePrint[], layout: BadgeLayout, opts: BadgePdfOptions = {}): Promise<Buffer> {
  const stream = streamBadgesPdf(badges, layout, opts);
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  await new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  return Buffer.concat(chunks);
}

/**
 * The same PDF as a stream (e.g. to pipe into a Response body). Pages are drawn in batches between
 * event-loop turns, so a 1,000-badge job does not block the server and output flows while drawing.
 *
 * @example
 * return new Response(Readable.toWeb(streamBadgesPdf(badges, 'a4-4up')) as ReadableStream, { headers })
 */
export function streamBadgesPdf(badges: BadgePrint[], layout: BadgeLayout, opts: BadgePdfOptions = {}): Readable {
  const doc = new PDFDocument({ autoFirstPage: false, compress: true, info: { Title: opts.title ?? "Badges", Creator: "Pendopo" } });
  const ctx: Ctx = { doc, fonts: registerFonts(doc, opts), builtIn: !opts.fonts, widths: new Map() };
  const perPage = layout === "a4-4up" ? 4 : 1;
  let i = 0;
  const drawSome = () => {
    try {
      const stop = Math.min(badges.length, i + 25 * perPage);
      for (; i < stop; i += perPage) drawPage(ctx, badges.slice(i, i + perPage), layout);
      if (i < badges.length) setImmediate(drawSome);
      else doc.end();
    } catch (err) {
      doc.emit("error", err);
    }
  };
  setImmediate(drawSome);
  return doc as unknown as Readable;
}

function registerFonts(doc: PDFKit.PDFDocument, opts: BadgePdfOptions): Fonts {
  if (!opts.fonts) return { regular: "Helvetica", bold: "Helvetica-Bold" };
  doc.registerFont("BadgeRegular", opts.fonts.regular);
  doc.registerFont("BadgeBold", opts.fonts.bold);
  return { regular: "BadgeRegular", bold: "BadgeBold" };
}

function drawPage(ctx: Ctx, badges: BadgePrint[], layout: BadgeLayout): void {
  const [w, h] = PAGE[layout];
  ctx.doc.addPage({ size: [w, h], margin: 0 });
  if (layout === "a6") return drawPortrait(ctx, badges[0], { x: 0, y: 0, w, h });
  if (layout === "cr80") return drawCard(ctx, badges[0], { x: 0, y: 0, w, h });
  const left = (w - 2 * UP4.w - UP4.gutterX) / 2;
  const top = (h - 2 * UP4.h - UP4.gutterY) / 2;
  badges.forEach((badge, k) => {
    const frame = { x: left + (k % 2) * (UP4.w + UP4.gutterX), y: top + Math.floor(k / 2) * (UP4.h + UP4.gutterY), w: UP4.w, h: UP4.h };
    drawPortrait(ctx, badge, frame);
    drawCutMarks(ctx.doc, frame);
  });
}

/** Portrait badge (A6 and the 4-up sheet); every size scales with the frame width. */
function drawPortrait(ctx: Ctx, b: BadgePrint, f: Frame): void {
  const { doc, fonts } = ctx;
  const u = f.w / 105; // one A6 millimetre at this frame's scale, in points
  const pt = u / MM; // one A6 point at this scale
  const pad = 8 * u;
  const inner = f.w - 2 * pad;
  const colour = bandColour(b);
  const bandH = 21 * u;

  doc.rect(f.x, f.y, f.w, 3 * u).fill(colour);
  let y = f.y + 9 * u;
  y = drawFitted(ctx, b.eventName, fonts.bold, 13 * pt, 8.5 * pt, f.x + pad, y, inner, MUTED, "center");
  y = drawFitted(ctx, b.eventDates, fonts.regular, 9 * pt, 6.5 * pt, f.x + pad, y + 1 * u, inner, MUTED, "center");
  doc.rect(f.x + pad, y + 3 * u, inner, 0.3 * u).fill(RULE);

  const qrBox = 40 * u;
  const bandY = f.y + f.h - bandH;
  const qrY = bandY - 10 * u - qrBox;
  const nameTop = y + 6 * u;
  drawNameBlock(ctx, b, f.x + pad, nameTop, inner, qrY - 2 * u - nameTop, pt);

  drawQr(doc, b.qrText, f.x + (f.w - qrBox) / 2, qrY, qrBox);
  drawLine(ctx, formatShortCode(b.shortCode), fonts.bold, 11 * pt, f.x, qrY + qrBox - 0.5 * u, f.w, INK, "center", 1.5 * pt);

  doc.rect(f.x, bandY, f.w, bandH).fill(colour);
  drawBandLabel(ctx, b.kindLabel, { x: f.x + pad, y: bandY, w: inner, h: bandH }, 30 * pt, bandTextColour(colour), "center");
}

/** Name and organization, vertically centred in the space between the header and the QR. */
function drawNameBlock(ctx: Ctx, b: BadgePrint, x: number, top: number, width: number, height: number, pt: number): void {
  const { fonts } = ctx;
  const name = fitText(ctx, b.name, fonts.bold, 30 * pt, 19 * pt, 14 * pt, width);
  const org = b.organization?.trim() ? fitText(ctx, b.organization, fonts.regular, 14 * pt, 10 * pt, 8.5 * pt, width) : null;
  const gap = 7 * pt;
  const nameH = name.lines.length * name.size * 1.12;
  const orgH = org ? gap + org.lines.length * org.size * 1.2 : 0;
  let y = top + Math.max(0, (height - nameH - orgH) / 2);
  for (const line of name.lines) {
    drawLine(ctx, line, fonts.bold, name.size, x, y, width, INK, "center");
    y += name.size * 1.12;
  }
  if (!org) return;
  y += gap;
  for (const line of org.lines) {
    drawLine(ctx, line, fonts.regular, org.size, x, y, width, ORG, "center");
    y += org.size * 1.2;
  }
}

/** CR80 card, landscape: text on the left, QR on the right, kind band along the bottom. */
function drawCard(ctx: Ctx, b: BadgePrint, f: Frame): void {
  const { doc, fonts } = ctx;
  const pad = 3.5 * MM;
  const colour = bandColour(b);
  const bandH = 9 * MM;
  const bandY = f.y + f.h - bandH;
  const qrBox = 30 * MM;
  const qrX = f.x + f.w - qrBox - 1.5 * MM;
  const qrY = f.y + 1.5 * MM;
  const textW = qrX - f.x - pad;

  let y = f.y + pad;
  y = drawFitted(ctx, b.eventName, fonts.bold, 7.5, 5.5, f.x + pad, y, textW, MUTED, "left");
  y = drawFitted(ctx, b.eventDates, fonts.regular, 6, 5, f.x + pad, y + 0.5, textW, MUTED, "left");
  const name = fitText(ctx, b.name, fonts.bold, 15, 10.5, 8, textW);
  const org = b.organization?.trim() ? fitText(ctx, b.organization, fonts.regular, 8, 6.5, 5.5, textW) : null;
  const blockH = name.lines.length * name.size * 1.1 + (org ? 2 + org.lines.length * org.size * 1.2 : 0);
  y += Math.max(1.5 * MM, (bandY - 2 * MM - y - blockH) / 2);
  for (const line of name.lines) {
    drawLine(ctx, line, fonts.bold, name.size, f.x + pad, y, textW, INK, "left");
    y += name.size * 1.1;
  }
  if (org) {
    y += 2;
    for (const line of org.lines) {
      drawLine(ctx, line, fonts.regular, org.size, f.x + pad, y, textW, ORG, "left");
      y += org.size * 1.2;
    }
  }

  drawQr(doc, b.qrText, qrX, qrY, qrBox);
  drawLine(ctx, formatShortCode(b.shortCode), fonts.bold, 7, qrX, qrY + qrBox - 0.8 * MM, qrBox, INK, "center", 0.8);
  doc.rect(f.x, bandY, f.w, bandH).fill(colour);
  drawBandLabel(ctx, b.kindLabel, { x: f.x + pad, y: bandY, w: f.w - 2 * pad, h: bandH }, 15, bandTextColour(colour), "left");
}

/**
 * The QR code as one filled path of horizontal runs, in module units (small integers) scaled into `box`,
 * which includes the 4-module quiet zone. Nothing else is drawn inside the box.
 */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, box: number): void {
  const { size, data } = qrModules(text);
  const module = box / (size + 2 * QUIET_ZONE);
  let ops = "";
  for (let r = 0; r < size; r++) {
    const row = r * size;
    let c = 0;
    while (c < size) {
      if (!data[row + c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && data[row + c]) c++;
      ops += `${start} ${r} ${c - start} 1 re\n`;
    }
  }
  doc.fillColor("#000000");
  // A Buffer goes into the page stream as is; a string would be copied char by char in JS.
  const content = `q ${num(module)} 0 0 ${num(module)} ${num(x + QUIET_ZONE * module)} ${num(y + QUIET_ZONE * module)} cm\n${ops}f Q\n`;
  doc.addContent(Buffer.from(content, "latin1"));
}

function drawCutMarks(doc: PDFKit.PDFDocument, f: Frame): void {
  const gap = 1.2 * MM;
  const len = 2.8 * MM;
  doc.save().lineWidth(0.35).strokeColor("#000000");
  for (const x of [f.x, f.x + f.w]) {
    doc.moveTo(x, f.y - gap).lineTo(x, f.y - gap - len);
    doc.moveTo(x, f.y + f.h + gap).lineTo(x, f.y + f.h + gap + len);
  }
  for (const y of [f.y, f.y + f.h]) {
    doc.moveTo(f.x - gap, y).lineTo(f.x - gap - len, y);
    doc.moveTo(f.x + f.w + gap, y).lineTo(f.x + f.w + gap + len, y);
  }
  doc.stroke().restore();
}

/** The kind word, upper case and letter-spaced, as large as the band allows, cap height centred. */
function drawBandLabel(ctx: Ctx, label: string, f: Frame, maxSize: number, colour: string, align: "left" | "center"): void {
  const text = clean(ctx, label).toUpperCase();
  const font = ctx.fonts.bold;
  const perPoint = unitWidth(ctx, font, text) + TRACKING * Math.max(0, text.length - 1);
  const size = Math.min(maxSize, f.h * 0.62, f.w / Math.max(perPoint, 1e-6));
  const metrics = fontMetrics(ctx.doc, font);
  const y = f.y + (f.h - metrics.capHeight * size) / 2 - (metrics.ascender - metrics.capHeight) * size;
  drawLine(ctx, text, font, size, f.x, y, f.w, colour, align, size * TRACKING);
}

type Fitted = { size: number; lines: string[] };

/**
 * Fits text into `width`: the largest size ≤ max on one line, down to `minOne`; else two balanced lines
 * (split at a space) down to `minTwo`; else two lines at `minTwo`, the second cut with an ellipsis.
 * Sizes step down by 0.5 pt.
 */
function fitText(ctx: Ctx, raw: string, font: string, max: number, minOne: number, minTwo: number, width: number): Fitted {
  const text = clean(ctx, raw);
  const step = (s: number) => Math.floor(s * 2) / 2;
  const one = step(Math.min(max, width / Math.max(unitWidth(ctx, font, text), 1e-6)));
  if (one >= minOne) return { size: one, lines: [text] };
  const words = text.split(" ");
  let best: [string, string] | null = null;
  let bestW = Infinity;
  for (let k = 1; k < words.length; k++) {
    const a = words.slice(0, k).join(" ");
    const b = words.slice(k).join(" ");
    const w = Math.max(unitWidth(ctx, font, a), unitWidth(ctx, font, b));
    if (w < bestW) [best, bestW] = [[a, b], w];
  }
  const two = best ? step(Math.min(max, width / bestW)) : 0;
  if (best && two >= minTwo && two >= one) return { size: two, lines: best };
  if (one >= minTwo) return { size: one, lines: [text] };
  return { size: minTwo, lines: truncateToTwoLines(ctx, font, text, words, width / minTwo) };
}

/** Two lines within `limit` (unit-size width): greedy words, the rest ellipsised; an over-long word is cut. */
function truncateToTwoLines(ctx: Ctx, font: string, text: string, words: string[], limit: number): string[] {
  let first = "";
  for (const word of words) {
    const next = first ? `${first} ${word}` : word;
    if (unitWidth(ctx, font, next) > limit) break;
    first = next;
  }
  if (!first) first = cut(ctx, font, text, limit, "");
  const rest = text.slice(first.length).trim();
  if (!rest) return [first];
  return [first, unitWidth(ctx, font, rest) <= limit ? rest : cut(ctx, font, rest, limit, "…")];
}

function cut(ctx: Ctx, font: string, text: string, limit: number, suffix: string): string {
  let n = text.length;
  while (n > 1 && unitWidth(ctx, font, text.slice(0, n) + suffix) > limit) n--;
  return text.slice(0, n).trimEnd() + suffix;
}

/** One line shrunk to fit (never below `min`, then ellipsised); returns the y below it. */
function drawFitted(ctx: Ctx, raw: string, font: string, max: number, min: number, x: number, y: number, width: number, colour: string, align: "left" | "center"): number {
  const text = clean(ctx, raw);
  const size = Math.max(min, Math.min(max, Math.floor((width / Math.max(unitWidth(ctx, font, text), 1e-6)) * 2) / 2));
  const line = unitWidth(ctx, font, text) * size <= width ? text : cut(ctx, font, text, width / size, "…");
  drawLine(ctx, line, font, size, x, y, width, colour, align);
  return y + size * 1.2;
}

/** One line of text whose top is at y, left-aligned or centred in [x, x + width]. */
function drawLine(ctx: Ctx, text: string, font: string, size: number, x: number, y: number, width: number, colour: string, align: "left" | "center", characterSpacing = 0): void {
  const textWidth = unitWidth(ctx, font, text) * size; // without the spacing, as pdfkit expects
  const full = textWidth + characterSpacing * Math.max(0, text.length - 1);
  const left = align === "center" ? x + (width - full) / 2 : x;
  // textWidth/wordCount spare pdfkit a second measurement of the line.
  const options = { lineBreak: false, characterSpacing, textWidth, wordCount: text.split(" ").length } as PDFKit.Mixins.TextOptions;
  ctx.doc.font(font, size).fillColor(colour).text(text, left, y, options);
}

/** Width of `text` at 1 pt, cached per render job. */
function unitWidth(ctx: Ctx, font: string, text: string): number {
  const key = `${font}\u0000${text}`;
  let w = ctx.widths.get(key);
  if (w === undefined) {
    w = ctx.doc.font(font, 1).widthOfString(text);
    if (ctx.widths.size > 20_000) ctx.widths.clear();
    ctx.widths.set(key, w);
  }
  return w;
}

/** Collapses whitespace; with the built-in fonts, also folds what WinAnsi cannot show (ễ → e, else ?). */
function clean(ctx: Ctx, text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return ctx.builtIn && !WIN_ANSI.test(t) ? toWinAnsi(t) : t;
}

// Latin-1 plus the cp1252 extras: what Helvetica (WinAnsiEncoding) can print.
const WIN_ANSI = /^[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/;
function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    if (WIN_ANSI.test(ch)) out += ch;
    else {
      const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
      out += base && WIN_ANSI.test(base) ? base : "?";
    }
  }
  return out;
}

function bandColour(b: BadgePrint): string {
  const c = b.colour?.trim();
  return c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : (BADGE_KIND_COLOURS[b.kind] ?? "#333333");
}

/** White or near-black, whichever contrasts more with the band (WCAG relative luminance). */
function bandTextColour(hex: string): string {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#FFFFFF" : INK;
}

/** Cap height and ascender per point of size; pdfkit's `_font` is not in @types/pdfkit. */
function fontMetrics(doc: PDFKit.PDFDocument, font: string): { capHeight: number; ascender: number } {
  const f = (doc.font(font, 1) as unknown as { _font: { capHeight?: number; ascender: number } })._font;
  return { capHeight: (f.capHeight || f.ascender * 0.7) / 1000, ascender: f.ascender / 1000 };
}

function num(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}
