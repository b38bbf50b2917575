// Server side of badge codes: event key pairs and Ed25519 signing with node:crypto.
// The format itself lives in badge-token.ts (pure, shared with the gate phone).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, randomBytes, sign, verify } from "node:crypto";
import { badgeSeedFromBytes, encodeBadgePayload, formatBadgeToken, type BadgePayload, type BadgeVerifyFn } from "./badge-token";

/** An event's signing key as stored: the private key never leaves the server; the public key goes to gate phones. */
export type EventKeyPair = {
  keyId: string;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
  publicKeyBase64url: string;
  /** PKCS#8 DER, base64: store encrypted at rest, load with privateKeyFromPkcs8. */
  privateKeyPkcs8: string;
};

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): SEQUENCE { INTEGER 0, SEQUENCE { OID 1.3.101.112 }, OCTET STRING { OCTET STRING seed } }
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/**
 * A new Ed25519 key pair for an event. Rotate by generating another and keeping the old public key on
 * the gate phones until every badge signed with it is reissued.
 *
 * @example
 * const { keyId, publicKey, privateKeyPkcs8 } = generateEventKeyPair() // keyId like '3f9a0c12'
 */
export function generateEventKeyPair(): EventKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = rawPublicKey(publicKey);
  return {
    keyId: keyIdForPublicKey(raw),
    publicKey: raw,
    publicKeyBase64url: Buffer.from(raw).toString("base64url"),
    privateKeyPkcs8: privateKey.export({ format: "der", type: "pkcs8" }).toString("base64"),
  };
}

/**
 * The key id carried in badge codes: the first 4 bytes of SHA-256(raw public key), as hex.
 *
 * @example
 * keyIdForPublicKey(publicKey) // '3f9a0c12'
 */
export function keyIdForPublicKey(rawPublicKey: Uint8Array): string {
  return createHash("sha256").update(rawPublicKey).digest("hex").slice(0, 8);
}

/**
 * Loads a stored private key (base64 PKCS#8 DER from generateEventKeyPair).
 *
 * @example
 * const key = privateKeyFromPkcs8(row.privateKeyPkcs8)
 */
export function privateKeyFromPkcs8(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, "base64"), format: "der", type: "pkcs8" });
}

/**
 * Signs a payload and returns the QR text. `privateKey` is a KeyObject or a raw 32-byte seed. Throws if
 * `payload.keyId` is not the id of that key (codes signed so could never verify).
 *
 * @example
 * signBadgeToken({ keyId, eventId, badgeId, seed: '0011223344556677' }, key) // 'P1…' (175 characters)
 */
export function signBadgeToken(payload: BadgePayload, privateKey: KeyObject | Uint8Array): string {
  const key = toPrivateKey(privateKey);
  if (keyIdOf(key) !== payload.keyId) throw new Error("signBadgeToken: keyId does not match the private key");
  const message = encodeBadgePayload(payload);
  return formatBadgeToken(message, sign(null, message, key));
}

/**
 * Issues a code for a badge with a fresh random part (a first issue or a reissue; the caller stores the
 * seed and puts the old code on the revocation list).
 *
 * @example
 * const { token, seed } = issueBadgeToken({ keyId, eventId, badgeId }, key)
 */
export function issueBadgeToken(
  ids: Omit<BadgePayload, "seed">,
  privateKey: KeyObject | Uint8Array,
  random: (n: number) => Uint8Array = randomBytes,
): { token: string; seed: string } {
  const seed = badgeSeedFromBytes(random(8));
  return { token: signBadgeToken({ ...ids, seed }, privateKey), seed };
}

/** Synchronous node:crypto verification for verifyBadgeToken on the server (public KeyObjects cached). */
export const nodeVerify: BadgeVerifyFn = (publicKey, message, signature) => verify(null, message, publicKeyObject(publicKey), signature);

// Public KeyObjects, by array identity first (the same publicKeys record on every scan), then by bytes.
const publicKeyByArray = new WeakMap<Uint8Array, KeyObject>();
const publicKeyByBytes = new Map<string, KeyObject>();
function publicKeyObject(raw: Uint8Array): KeyObject {
  let key = publicKeyByArray.get(raw);
  if (key !== undefined) return key;
  const id = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("hex");
  key = publicKeyByBytes.get(id);
  if (key === undefined) {
    if (publicKeyByBytes.size >= 256) publicKeyByBytes.clear();
    key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") }, format: "jwk" });
    publicKeyByBytes.set(id, key);
  }
  publicKeyByArray.set(raw, key);
  return key;
}

const keyIds = new WeakMap<KeyObject, string>();
function keyIdOf(privateKey: KeyObject): string {
  let id = keyIds.get(privateKey);
  if (id === undefined) {
    id = keyIdForPublicKey(rawPublicKey(createPublicKey(privateKey)));
    keyIds.set(privateKey, id);
  }
  return id;
}

function toPrivateKey(key: KeyObject | Uint8Array): KeyObject {
  if (key instanceof KeyObject) {
    if (key.asymmetricKeyType !== "ed25519" || key.type !== "private") throw new TypeError("signBadgeToken: need an Ed25519 private key");
    return key;
  }
  if (key.length !== 32) throw new RangeError("signBadgeToken: a raw Ed25519 private key is 32 bytes");
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, key]), format: "der", type: "pkcs8" });
}

function rawPublicKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: "jwk" });
  return new Uint8Array(Buffer.from(jwk.x!, "base64url"));
}
