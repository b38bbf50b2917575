import { decoderAsset } from "~/checkin/decoder-assets.server";

/** GET /gate/zxing_reader.wasm: the decoder's WebAssembly (self-hosted zxing-wasm). */
export const loader = () => decoderAsset("wasm");
