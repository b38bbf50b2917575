import { decoderAsset } from "~/checkin/decoder-assets.server";

/** GET /gate/zxing-reader.js: the QR decoder script of the scanner's worker (self-hosted zxing-wasm). */
export const loader = () => decoderAsset("script");
