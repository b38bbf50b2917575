// The pairing link of a new gate device: the scanner page with the token in the URL fragment, so the token
// never reaches a server log or a Referer header, and the same link as a QR code a phone camera opens.
import QRCode from "qrcode";
import { getEnv } from "~/utils/env.server";

export type Pairing = { url: string; qrSvg: string };

/**
 * @example
 * await pairingFor("gt_abc") // { url: "https://pendopo.example/gate#t=gt_abc", qrSvg: "<svg …" }
 */
export async function pairingFor(token: string): Promise<Pairing> {
  const url = `${getEnv().APP_URL}/gate#t=${encodeURIComponent(token)}`;
  const qrSvg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  return { url, qrSvg };
}
