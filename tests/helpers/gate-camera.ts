import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import QRCode from "qrcode";

/**
 * A .y4m video of one QR code for Chromium's fake camera (`--use-file-for-fake-video-capture`), written from raw
 * pixels (no ffmpeg): header `YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg`, then frames of a Y plane (16 dark,
 * 235 light) and U/V planes of 128. Chromium loops the file.
 */
export function writeQrY4m(file: string, text: string, { width = 640, height = 480, frames = 10 } = {}): string {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const scale = Math.floor(Math.min(width, height) * 0.85 / (size + 8));
  const side = (size + 8) * scale;
  const x0 = Math.floor((width - side) / 2) + 4 * scale;
  const y0 = Math.floor((height - side) / 2) + 4 * scale;
  const y = Buffer.alloc(width * height, 235);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (!qr.modules.get(r, c)) continue;
      for (let dy = 0; dy < scale; dy++) y.fill(16, (y0 + r * scale + dy) * width + x0 + c * scale, (y0 + r * scale + dy) * width + x0 + (c + 1) * scale);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), y, chroma]);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]));
  return file;
}
