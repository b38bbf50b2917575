import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import { renderBadgesPdf, streamBadgesPdf, type BadgeLayout, type BadgePrint } from "~/badges/badge-pdf.server";
import { generateEventKeyPair, issueBadgeToken, privateKeyFromPkcs8 } from "~/badges/badge-sign.server";
import { shortCodeFromBytes } from "~/badges/short-code";

// Needs poppler-utils (pdfinfo, pdftoppm) and zbar-tools (zbarimg).
const MM = 72 / 25.4;
const LONG_NAME = "Raden Mas Haryo Bagus Wicaksono Prawirodirjo Kusumonegoro";
let dir: string;
let badges: BadgePrint[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "badge-pdf-"));
  const keys = generateEventKeyPair();
  const key = privateKeyFromPkcs8(keys.privateKeyPkcs8);
  const eventId = randomUUID();
  const people: Array<[string, string | null, BadgePrint["kind"], string]> = [
    ["Sari Wulandari", "Batik Laweyan Sari", "exhibitor", "PAMERAN"],
    [LONG_NAME, "Koperasi Perajin Tenun Ikat Sumba Timur Sejahtera Bersama", "buyer", "PEMBELI"],
    ["Sukarno", null, "visitor", "PESERTA"],
    ["Ni Luh Putu Ayu Kartika", "Dinas Koperasi dan UKM Provinsi Bali", "staff", "PANITIA"],
    ["Dr. Ir. Hj. Siti Nurhaliza, M.Sc.", "Kementerian Perdagangan RI", "vip", "VIP"],
  ];
  badges = people.map(([name, organization, kind, kindLabel], i) => ({
    name,
    organization,
    kind,
    kindLabel,
    eventName: "Pameran Batik & Tenun Nusantara 2026",
    eventDates: "13–15 Desember 2026 · JIExpo Kemayoran, Jakarta",
    qrText: issueBadgeToken({ keyId: keys.keyId, eventId, badgeId: randomUUID() }, key).token,
    shortCode: shortCodeFromBytes(new Uint8Array(8).fill(i * 37 + 5)),
  }));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function save(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Page sizes in points, from pdfinfo. */
function pageSizes(file: string): Array<[number, number]> {
  const out = execFileSync("pdfinfo", ["-f", "1", "-l", "999", file], { encoding: "utf8" });
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** QR texts decoded by zbarimg from each page rendered at 150 dpi. */
function decodePages(file: string): string[][] {
  const prefix = join(dir, `${file.split("/").pop()}-page`);
  execFileSync("pdftoppm", ["-r", "150", "-png", file, prefix]);
  const pngs = readdirSync(dir).filter((f) => f.startsWith(prefix.split("/").pop()!) && f.endsWith(".png")).sort();
  return pngs.map((png) => {
    // zbarimg prints D-Bus noise on stderr and exits 4 when it finds nothing.
    const r = spawnSync("zbarimg", ["-q", "--raw", join(dir, png)], { encoding: "utf8" });
    return r.stdout.split("\n").filter(Boolean);
  });
}

/** Text runs (font size, text, x) from the PDF's content streams; pdfkit writes standard-font text as hex. */
function textRuns(pdf: Buffer): Array<{ size: number; text: string; x: number }> {
  const raw = pdf.toString("latin1");
  const runs: Array<{ size: number; text: string; x: number }> = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue;
    }
    for (const t of content.matchAll(/1 0 0 1 ([\d.-]+) [\d.-]+ Tm\n\/F\d+ ([\d.]+) Tf\n(?:[\d.-]+ Tc\n)?\[(.*?)\] TJ/g)) {
      const text = [...t[3].matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1], "hex").toString("latin1")).join("");
      runs.push({ x: Number(t[1]), size: Number(t[2]), text });
    }
  }
  return runs;
}

describe("renderBadgesPdf", () => {
  // a4-4up gets all five badges (a full sheet and a partial one); the others three, to keep the test fast.
  it.each<[BadgeLayout, number, number, [number, number]]>([
    ["a6", 3, 3, [105 * MM, 148 * MM]],
    ["a4-4up", 5, 2, [210 * MM, 297 * MM]],
    ["cr80", 3, 3, [85.6 * MM, 53.98 * MM]],
  ])("renders %s badges on pages of the right size, and every QR decodes to its code", async (layout, count, pages, [w, h]) => {
    const file = save(await renderBadgesPdf(badges.slice(0, count), layout), layout);
    const sizes = pageSizes(file);
    expect(sizes).toHaveLength(pages);
    for (const [pw, ph] of sizes) {
      expect(pw).toBeCloseTo(w, 1);
      expect(ph).toBeCloseTo(h, 1);
    }
    const decoded = decodePages(file);
    const perPage = layout === "a4-4up" ? 4 : 1;
    decoded.forEach((codes, p) => {
      const expected = badges.slice(p * perPage, (p + 1) * perPage).map((b) => b.qrText);
      expect(codes.sort()).toEqual(expected.sort());
    });
  });

  it("prints name, organization, event, dates, kind word and short code", async () => {
    const texts = textRuns(await renderBadgesPdf(badges.slice(0, 1), "a6")).map((r) => r.text);
    expect(texts).toEqual(
      expect.arrayContaining(["Sari Wulandari", "Batik Laweyan Sari", "Pameran Batik & Tenun Nusantara 2026", "PAMERAN", expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)]),
    );
    expect(texts.some((t) => t.startsWith("13\x9615 Desember 2026"))).toBe(true); // en dash in WinAnsi
  });

  it("prints a short name at the full size and shrinks a long one onto two lines", async () => {
    const runs = textRuns(await renderBadgesPdf(badges.slice(0, 2), "a6"));
    const short = runs.find((r) => r.text === "Sari Wulandari")!;
    expect(short.size).toBe(30);
    const nameLines = runs.filter((r) => LONG_NAME.includes(r.text) && r.text.includes(" ") && r.size >= 14 && r.size < 30);
    expect(nameLines).toHaveLength(2);
    expect(nameLines.map((r) => r.text).join(" ")).toBe(LONG_NAME);
    expect(nameLines[0].size).toBe(nameLines[1].size);
  });

  it("keeps an unbreakable over-long name inside the badge, ellipsised", async () => {
    const name = "Wiryosuparto".repeat(8);
    const runs = textRuns(await renderBadgesPdf([{ ...badges[0], name }], "a6"));
    const lines = runs.filter((r) => r.text.startsWith("Wiryo") || r.text.endsWith("\x85"));
    expect(lines.length).toBe(2);
    expect(lines[1].text.endsWith("\x85")).toBe(true); // … in WinAnsi
    for (const r of runs) expect(r.x).toBeGreaterThanOrEqual(0);
  });

  it("folds letters the built-in font cannot print instead of printing garbage", async () => {
    const runs = textRuns(await renderBadgesPdf([{ ...badges[0], name: "Nguyễn Thị Ánh", organization: "Koperasi ☕ Kopi" }], "a6"));
    expect(runs.map((r) => r.text)).toEqual(expect.arrayContaining(["Nguyen Thi \xc1nh", "Koperasi ? Kopi"]));
  });

  it("prints a badge without organization or colour using the kind's colour", async () => {
    const pdf = await renderBadgesPdf([{ ...badges[2], organization: undefined, colour: "not-a-colour" }], "cr80");
    expect(textRuns(pdf).map((r) => r.text)).toContain("Sukarno");
  });

  it("renders an empty list as a valid PDF", async () => {
    const pdf = await renderBadgesPdf([], "a6");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("streams the same document", async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of streamBadgesPdf(badges.slice(0, 3), "a6")) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pageSizes(save(pdf, "streamed"))).toHaveLength(3);
  });

  it("embeds the fonts it is given (names beyond Latin-1)", async () => {
    const fonts = { regular: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", bold: "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf" };
    const pdf = await renderBadgesPdf([{ ...badges[0], name: "Nguyễn Thị Ánh Tuyết" }], "a6", { fonts });
    expect(pdf.toString("latin1")).toContain("/FontFile2");
    expect(decodePages(save(pdf, "embedded"))[0]).toEqual([badges[0].qrText]);
  });

  it("has no field for NIK, NPWP or other identity numbers", () => {
    expectTypeOf<BadgePrint>().not.toHaveProperty("nik");
    expectTypeOf<BadgePrint>().not.toHaveProperty("npwp");
    expect(Object.keys(badges[0]).sort()).toEqual(["eventDates", "eventName", "kind", "kindLabel", "name", "organization", "qrText", "shortCode"]);
  });
});
