import { createHash } from "node:crypto";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { qrModules } from "~/badges/qr-matrix";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
/** A deterministic token-shaped text: "P1" + 173 base32 characters. */
function tokenLike(n: number): string {
  let s = "P1";
  for (let k = 0; s.length < 175; k++) {
    for (const b of createHash("sha256").update(`${n}:${k}`).digest()) if (s.length < 175) s += BASE32[b & 31];
  }
  return s;
}

describe("qrModules", () => {
  it("gives module for module what qrcode gives, over all eight masks", () => {
    const masks = new Set<number>();
    for (let n = 0; n < 80; n++) {
      const text = tokenLike(n);
      const ours = qrModules(text);
      const theirs = QRCode.create([{ data: text, mode: "alphanumeric" }], { errorCorrectionLevel: "M" });
      expect(ours.mask).toBe(theirs.maskPattern);
      expect(ours.version).toBe(theirs.version);
      expect(Buffer.from(ours.data).equals(Buffer.from(theirs.modules.data))).toBe(true);
      masks.add(ours.mask);
    }
    expect(masks.size).toBe(8);
  });

  it("encodes a badge token as a version 7 symbol of 45 × 45 modules", () => {
    const { size, version, data } = qrModules(tokenLike(1));
    expect([size, version, data.length]).toEqual([45, 7, 45 * 45]);
  });

  it.each([
    ["short alphanumeric text", "K7QX-M3PA"],
    ["text outside the alphanumeric set (qrcode segments it)", "https://pendopo.id/b/k7qx-m3pa?ref=wa"],
    ["a numeric text", "0123456789012345"],
  ])("matches qrcode's own symbol for %s", (_what, text) => {
    const ours = qrModules(text);
    const segments = /^[0-9A-Z $%*+\-./:]+$/.test(text) ? [{ data: text, mode: "alphanumeric" as const }] : text;
    const theirs = QRCode.create(segments, { errorCorrectionLevel: "M" });
    expect(Buffer.from(ours.data).equals(Buffer.from(theirs.modules.data))).toBe(true);
  });
});
