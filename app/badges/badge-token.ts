// Signed badge QR codes (contract: shared/formats/checkin.md §3; design: ecosystem.md §8.3).
// Pure: runs in Node and in the browser (the offline gate phone). Signing lives in badge-sign.server.ts.
//
// Text format, version 1 (175 characters, all in the QR alphanumeric set, so the QR is version 7 at ECC M):
//   "P1" + BASE32( keyId[4] ‖ eventId[16] ‖ badgeId[16] ‖ seed[8] ‖ Ed25519 signature[64] )
// BASE32 is RFC 4648 upper case without padding: QR's alphanumeric mode stores it at 5.5 bits per
// character, denser than base64 in byte mode (8 bits per 6), and a keyboard-wedge (HID) scanner types it
// without shift-state trouble. The signature covers ASCII "P1" ‖ the 44 payload bytes, so the version is
// signed too. Nothing personal is in the code; the seed changes when a badge is reissued.

/** The text prefix; also the first two signed bytes (domain separation per format version). */
export const BADGE_TOKEN_PREFIX = "P1";
/** Length of a version-1 badge token. */
export const BADGE_TOKEN_LENGTH = 175;

const PAYLOAD_BYTES = 44;
const SIGNATURE_BYTES = 64;
const BODY_BYTES = PAYLOAD_BYTES + SIGNATURE_BYTES; // 108 bytes → 173 base32 characters
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const BASE32_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE32.length; i++) {
  BASE32_VALUE[BASE32.charCodeAt(i)] = i;
  BASE32_VALUE[BASE32.toLowerCase().charCodeAt(i)] = i;
}

/** What a badge code says: which key signed it, for which event and badge, and which issue of the badge. */
export type BadgePayload = {
  /** 8 lowercase hex characters (4 bytes); see keyIdForPublicKey in badge-sign.server.ts. */
  keyId: string;
  /** UUIDs, canonical lowercase. */
  eventId: string;
  badgeId: string;
  /** The random part, 16 lowercase hex characters (8 bytes); new on every reissue. */
  seed: string;
};

export type ParsedBadgeToken = BadgePayload & {
  /** The signed bytes: ASCII "P1" ‖ payload. */
  message: Uint8Array;
  signature: Uint8Array;
};

/** Why a code is refused before any database look-up. */
export type BadgeTokenRejection = "malformed" | "unknown_key" | "bad_signature" | "wrong_event" | "revoked";

export type BadgeTokenResult<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R };

/** Ed25519 verification of `signature` over `message` with a raw 32-byte public key. */
export type BadgeVerifyFn = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => Promise<boolean> | boolean;

/**
 * The bytes to sign for a payload: ASCII "P1" ‖ keyId ‖ eventId ‖ badgeId ‖ seed (46 bytes).
 * Throws on a malformed id (a bug in the caller).
 *
 * @example
 * encodeBadgePayload({ keyId: '1a2b3c4d', eventId: '5f0c…', badgeId: '9d1e…', seed: '0011223344556677' }).length // 46
 */
export function encodeBadgePayload(payload: BadgePayload): Uint8Array {
  const out = new Uint8Array(2 + PAYLOAD_BYTES);
  out[0] = BADGE_TOKEN_PREFIX.charCodeAt(0);
  out[1] = BADGE_TOKEN_PREFIX.charCodeAt(1);
  writeHex(out, 2, payload.keyId, 4, "keyId");
  writeHex(out, 6, uuidHex(payload.eventId, "eventId"), 16, "eventId");
  writeHex(out, 22, uuidHex(payload.badgeId, "badgeId"), 16, "badgeId");
  writeHex(out, 38, payload.seed, 8, "seed");
  return out;
}

/**
 * The QR text for a signed message (from encodeBadgePayload) and its 64-byte signature.
 *
 * @example
 * formatBadgeToken(encodeBadgePayload(p), signature) // 'P1DINDIT…' (175 characters)
 */
export function formatBadgeToken(message: Uint8Array, signature: Uint8Array): string {
  if (message.length !== 2 + PAYLOAD_BYTES || signature.length !== SIGNATURE_BYTES) {
    throw new RangeError("formatBadgeToken: expected a 46-byte message and a 64-byte signature");
  }
  const body = new Uint8Array(BODY_BYTES);
  body.set(message.subarray(2), 0);
  body.set(signature, PAYLOAD_BYTES);
  return BADGE_TOKEN_PREFIX + base32Encode(body);
}

/**
 * Reads a badge code without checking its signature. Case-insensitive, surrounding whitespace ignored
 * (keyboard-wedge scanners may add a newline or flip case). Anything else than a canonical version-1
 * token is `malformed`.
 *
 * @example
 * parseBadgeToken('K7QX-M3PA') // { ok: false, reason: 'malformed' }
 */
export function parseBadgeToken(text: string): BadgeTokenResult<ParsedBadgeToken, "malformed"> {
  const t = text.trim();
  if (t.length !== BADGE_TOKEN_LENGTH || t.slice(0, 2).toUpperCase() !== BADGE_TOKEN_PREFIX) return malformed;
  const body = base32Decode(t, 2, BODY_BYTES);
  if (body === null) return malformed;
  const message = new Uint8Array(2 + PAYLOAD_BYTES);
  message[0] = BADGE_TOKEN_PREFIX.charCodeAt(0);
  message[1] = BADGE_TOKEN_PREFIX.charCodeAt(1);
  message.set(body.subarray(0, PAYLOAD_BYTES), 2);
  return {
    ok: true,
    value: {
      keyId: toHex(body, 0, 4),
      eventId: toUuid(toHex(body, 4, 16)),
      badgeId: toUuid(toHex(body, 20, 16)),
      seed: toHex(body, 36, 8),
      message,
      signature: body.slice(PAYLOAD_BYTES),
    },
  };
}

/**
 * Verifies a badge code offline: format, key id, Ed25519 signature, then (optionally) the event and a
 * revocation list. `verify` defaults to WebCrypto (`crypto.subtle`, browsers and Node ≥ 20); the server
 * may pass `nodeVerify` from badge-sign.server.ts. Map any rejection but `revoked` to the gate's
 * `unknown_badge` (see entryRejectionFor).
 *
 * @example
 * await verifyBadgeToken(qrText, { '1a2b3c4d': rawPublicKey }, undefined, { eventId })
 * // { ok: true, value: { keyId, eventId, badgeId, seed } } or { ok: false, reason: 'bad_signature' }
 */
export async function verifyBadgeToken(
  text: string,
  publicKeys: Readonly<Record<string, Uint8Array>>,
  verify: BadgeVerifyFn = webCryptoVerify,
  checks: { eventId?: string; isRevoked?: (token: BadgePayload) => boolean } = {},
): Promise<BadgeTokenResult<BadgePayload, BadgeTokenRejection>> {
  const parsed = parseBadgeToken(text);
  if (!parsed.ok) return parsed;
  const { message, signature, ...payload } = parsed.value;
  const publicKey = Object.prototype.hasOwnProperty.call(publicKeys, payload.keyId) ? publicKeys[payload.keyId] : undefined;
  if (publicKey === undefined) return { ok: false, reason: "unknown_key" };
  let valid: boolean;
  try {
    valid = await verify(publicKey, message, signature);
  } catch {
    valid = false; // a malformed public key is no reason to crash the gate
  }
  if (!valid) return { ok: false, reason: "bad_signature" };
  if (checks.eventId !== undefined && checks.eventId.toLowerCase() !== payload.eventId) return { ok: false, reason: "wrong_event" };
  if (checks.isRevoked?.(payload)) return { ok: false, reason: "revoked" };
  return { ok: true, value: payload };
}

/**
 * The key under which a replaced or cancelled code goes on the revocation list the gate phones sync.
 *
 * @example
 * revocationKey({ badgeId: '9d1e…', seed: '0011223344556677', … }) // '9d1e….0011223344556677'
 */
export function revocationKey(token: Pick<BadgePayload, "badgeId" | "seed">): string {
  return `${token.badgeId}.${token.seed}`;
}

/**
 * The gate answer for a code refused before the database look-up.
 *
 * @example
 * entryRejectionFor('bad_signature') // 'unknown_badge'
 */
export function entryRejectionFor(reason: BadgeTokenRejection): "unknown_badge" | "revoked" {
  return reason === "revoked" ? "revoked" : "unknown_badge";
}

/**
 * A seed (the random part) from 8 random bytes supplied by the caller.
 *
 * @example
 * badgeSeedFromBytes(crypto.getRandomValues(new Uint8Array(8))) // '9f86d081884c7d65'
 */
export function badgeSeedFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new RangeError("badgeSeedFromBytes: need 8 random bytes");
  return toHex(bytes, 0, 8);
}

/** WebCrypto Ed25519 verification; imported keys are cached by their bytes. */
export const webCryptoVerify: BadgeVerifyFn = async (publicKey, message, signature) => {
  const key = await importVerifyKey(publicKey);
  return globalThis.crypto.subtle.verify("Ed25519", key, asBuffer(signature), asBuffer(message));
};

// Imported keys, by array identity first (the usual case: the same publicKeys record on every scan), then by bytes.
const keyByArray = new WeakMap<Uint8Array, Promise<CryptoKey>>();
const keyByBytes = new Map<string, Promise<CryptoKey>>();
function importVerifyKey(raw: Uint8Array): Promise<CryptoKey> {
  let key = keyByArray.get(raw);
  if (key !== undefined) return key;
  const id = toHex(raw, 0, raw.length);
  key = keyByBytes.get(id);
  if (key === undefined) {
    if (keyByBytes.size >= 64) keyByBytes.clear();
    key = globalThis.crypto.subtle.importKey("raw", asBuffer(raw), { name: "Ed25519" }, false, ["verify"]);
    key.catch(() => keyByBytes.delete(id));
    keyByBytes.set(id, key);
  }
  keyByArray.set(raw, key);
  return key;
}

function asBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

const malformed = { ok: false, reason: "malformed" } as const;

function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(acc >>> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(acc << (5 - bits)) & 31];
  return out;
}

/** Decodes exactly `length` bytes from text[start…]; null unless canonical (right length, zero pad bits). */
function base32Decode(text: string, start: number, length: number): Uint8Array | null {
  if (text.length - start !== Math.ceil((length * 8) / 5)) return null;
  const out = new Uint8Array(length);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? BASE32_VALUE[c] : -1;
    if (v < 0) return null;
    acc = ((acc << 5) | v) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return (acc & ((1 << bits) - 1)) === 0 ? out : null;
}

const HEX = "0123456789abcdef";
function toHex(bytes: Uint8Array, start: number, length: number): string {
  let s = "";
  for (let i = start; i < start + length; i++) s += HEX[bytes[i] >> 4] + HEX[bytes[i] & 15];
  return s;
}

function writeHex(out: Uint8Array, offset: number, hex: string, length: number, field: string): void {
  if (hex.length !== length * 2 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new RangeError(`encodeBadgePayload: ${field} must be ${length * 2} hex characters`);
  }
  for (let i = 0; i < length; i++) out[offset + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

function uuidHex(uuid: string, field: string): string {
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(uuid)) {
    throw new RangeError(`encodeBadgePayload: ${field} must be a UUID`);
  }
  return uuid.replace(/-/g, "");
}

function toUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
