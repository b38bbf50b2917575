import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import sharp from "sharp";

/** Every QR text zbarimg (Debian zbar-tools) finds in an image file. */
function zbar(file: string): string[] {
  const out = execFileSync("zbarimg", ["-q", "--raw", file], { stdio: ["ignore", "pipe", "ignore"] }).toString();
  return out.split("\n").map((s) => s.trim()).filter(Boolean);
}

/** Decodes a PNG with zbarimg and, independently, with jsQR; both must agree. */
export async function decodePng(png: Buffer): Promise<{ zbar: string[]; jsqr: string | null }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "badge-qr-"));
  try {
    writeFileSync(path.join(dir, "qr.png"), png);
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const js = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    return { zbar: zbar(path.join(dir, "qr.png")), jsqr: js?.data ?? null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders each page of a PDF with `pdftoppm -png -r 150` and decodes the QR codes on them with zbarimg. */
export function decodePdf(pdf: Buffer): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), "badge-pdf-"));
  try {
    writeFileSync(path.join(dir, "badge.pdf"), pdf);
    execFileSync("pdftoppm", ["-png", "-r", "150", path.join(dir, "badge.pdf"), path.join(dir, "page")]);
    return readdirSync(dir).filter((f) => f.endsWith(".png")).sort().flatMap((f) => zbar(path.join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
