import { createPrivateKey, generateKeyPairSync, sign } from "node:crypto";
import QRCode from "qrcode";
import { beforeAll, describe, expect, it } from "vitest";
import {
  generateEventKeyPair,
  issueBadgeToken,
  keyIdForPublicKey,
  nodeVerify,
  privateKeyFromPkcs8,
  signBadgeToken,
  type EventKeyPair,
} from "~/badges/badge-sign.server";
import {
  BADGE_TOKEN_LENGTH,
  badgeSeedFromBytes,
  encodeBadgePayload,
  entryRejectionFor,
  formatBadgeToken,
  parseBadgeToken,
  revocationKey,
  verifyBadgeToken,
  webCryptoVerify,
  type BadgePayload,
  type BadgeVerifyFn,
} from "~/badges/badge-token";
import { qrModules } from "~/badges/qr-matrix";

const EVENT = "5f0c2a8e-93b1-4c7d-8e2f-1a2b3c4d5e6f";
const OTHER_EVENT = "0b8f7e6d-5c4b-4a39-8827-161504f3e2d1";
const BADGE = "9d1e4f2a-7b3c-4e5d-a6f7-0819a2b3c4d5";
const SEED = "0011223344556677";

let k1: EventKeyPair;
let k2: EventKeyPair;
let token: string;
const payload = (over: Partial<BadgePayload> = {}): BadgePayload => ({ keyId: k1.keyId, eventId: EVENT, badgeId: BADGE, seed: SEED, ...over });
const keys = () => ({ [k1.keyId]: k1.publicKey });

beforeAll(() => {
  k1 = generateEventKeyPair();
  k2 = generateEventKeyPair();
  token = signBadgeToken(payload(), privateKeyFromPkcs8(k1.privateKeyPkcs8));
});

describe("badge token: signing and verifying", () => {
  it.each<[string, BadgeVerifyFn]>([
    ["WebCrypto (browser and Node)", webCryptoVerify],
    ["node:crypto", nodeVerify],
  ])("verifies a signed code and returns its payload with %s", async (_name, verify) => {
    expect(await verifyBadgeToken(token, keys(), verify)).toEqual({ ok: true, value: payload() });
  });

  it("uses WebCrypto when no verify function is given", async () => {
    expect(await verifyBadgeToken(token, keys())).toMatchObject({ ok: true });
  });

  it("signs the same code from a raw 32-byte private key as from a KeyObject", () => {
    const der = Buffer.from(k1.privateKeyPkcs8, "base64");
    const seed = new Uint8Array(der.subarray(der.length - 32));
    expect(signBadgeToken(payload(), seed)).toBe(token);
  });

  it("makes a 175-character code in the QR alphanumeric set", () => {
    expect(token).toHaveLength(BADGE_TOKEN_LENGTH);
    expect(token).toMatch(/^P1[A-Z2-7]{173}$/);
  });

  it("fits the code in a QR of version 7 or lower at ECC M", () => {
    for (let i = 0; i < 8; i++) {
      const { token: t } = issueBadgeToken({ keyId: k1.keyId, eventId: EVENT, badgeId: BADGE }, privateKeyFromPkcs8(k1.privateKeyPkcs8));
      expect(QRCode.create(t, { errorCorrectionLevel: "M" }).version).toBeLessThanOrEqual(7);
      expect(qrModules(t).version).toBeLessThanOrEqual(7);
    }
  });

  it("carries key id, event, badge and random part, and nothing else", () => {
    const parsed = parseBadgeToken(token);
    if (!parsed.ok) throw new Error("expected a parsed token");
    const { message, signature, ...rest } = parsed.value;
    expect(rest).toEqual(payload());
    expect(message).toEqual(encodeBadgePayload(payload()));
    expect(signature).toHaveLength(64);
  });

  it("accepts a code typed in lower case or with surrounding whitespace (keyboard-wedge scanners)", async () => {
    expect(await verifyBadgeToken(`  ${token.toLowerCase()}\r\n`, keys(), nodeVerify)).toMatchObject({ ok: true });
  });

  it("gives a reissued badge a new random part, so a new code", () => {
    const key = privateKeyFromPkcs8(k1.privateKeyPkcs8);
    const a = issueBadgeToken({ keyId: k1.keyId, eventId: EVENT, badgeId: BADGE }, key);
    const b = issueBadgeToken({ keyId: k1.keyId, eventId: EVENT, badgeId: BADGE }, key);
    expect(a.seed).not.toBe(b.seed);
    expect(a.token).not.toBe(b.token);
  });

  it("issues with the random source it is given", () => {
    const { seed } = issueBadgeToken({ keyId: k1.keyId, eventId: EVENT, badgeId: BADGE }, privateKeyFromPkcs8(k1.privateKeyPkcs8), (n) => new Uint8Array(n).fill(0xab));
    expect(seed).toBe("abababababababab");
  });
});

describe("badge token: refusals", () => {
  // Offsets in the text: "P1" then base32 of keyId[0..4) event[4..20) badge[20..36) seed[36..44) signature[44..108).
  const charAt = (byte: number) => 2 + Math.floor((byte * 8) / 5) + 1;
  const flip = (text: string, i: number) => text.slice(0, i) + (text[i] === "A" ? "B" : "A") + text.slice(i + 1);

  it.each<[string, (t: string) => string, string]>([
    ["refuses a code whose key id was altered as unknown_key", (t) => flip(t, charAt(1)), "unknown_key"],
    ["refuses a code whose event id was altered", (t) => flip(t, charAt(10)), "bad_signature"],
    ["refuses a code whose badge id was altered", (t) => flip(t, charAt(25)), "bad_signature"],
    ["refuses a code whose random part was altered", (t) => flip(t, charAt(40)), "bad_signature"],
    ["refuses a code whose signature was altered", (t) => flip(t, charAt(80)), "bad_signature"],
    ["refuses a truncated code as malformed", (t) => t.slice(0, -1), "malformed"],
    ["refuses a code with an extra character as malformed", (t) => `${t}A`, "malformed"],
    ["refuses a code cut in half as malformed", (t) => t.slice(0, 90), "malformed"],
    ["refuses a code with a character outside base32 as malformed", (t) => `${t.slice(0, 50)}0${t.slice(51)}`, "malformed"],
    ["refuses a code with a non-zero padding bit as malformed", (t) => t.slice(0, -1) + "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"["ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(t.at(-1)!) ^ 1], "malformed"],
    ["refuses a code of another format version as malformed", (t) => `P2${t.slice(2)}`, "malformed"],
    ["refuses an empty code as malformed", () => "", "malformed"],
    ["refuses a short code (typed) as malformed", () => "K7QX-M3PA", "malformed"],
    ["refuses a URL as malformed", () => "https://example.com/?t=P1AAAA", "malformed"],
  ])("%s", async (_rule, mutate, reason) => {
    expect(await verifyBadgeToken(mutate(token), keys(), nodeVerify)).toEqual({ ok: false, reason });
    expect(await verifyBadgeToken(mutate(token), keys(), webCryptoVerify)).toEqual({ ok: false, reason });
  });

  it("refuses a code signed by another key that claims the event's key id", async () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const message = encodeBadgePayload(payload());
    const forged = formatBadgeToken(message, sign(null, message, privateKey));
    expect(await verifyBadgeToken(forged, keys())).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("refuses a code whose key id the gate does not know", async () => {
    const other = signBadgeToken(payload({ keyId: k2.keyId }), privateKeyFromPkcs8(k2.privateKeyPkcs8));
    expect(await verifyBadgeToken(other, keys())).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("refuses a key id that only exists on Object.prototype", async () => {
    const text = formatBadgeToken(encodeBadgePayload(payload()), new Uint8Array(64));
    expect(await verifyBadgeToken(text, Object.create({ [k1.keyId]: k1.publicKey }))).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("refuses (does not throw) when the stored public key is broken", async () => {
    expect(await verifyBadgeToken(token, { [k1.keyId]: new Uint8Array(5) })).toEqual({ ok: false, reason: "bad_signature" });
    expect(await verifyBadgeToken(token, { [k1.keyId]: new Uint8Array(5) }, nodeVerify)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("tells another event's code apart by the event id it carries", async () => {
    const other = signBadgeToken(payload({ eventId: OTHER_EVENT }), privateKeyFromPkcs8(k1.privateKeyPkcs8));
    expect(await verifyBadgeToken(other, keys(), nodeVerify, { eventId: EVENT })).toEqual({ ok: false, reason: "wrong_event" });
    expect(await verifyBadgeToken(token, keys(), nodeVerify, { eventId: EVENT.toUpperCase() })).toMatchObject({ ok: true });
  });

  it("refuses a code on the revocation list and accepts the reissued one", async () => {
    const key = privateKeyFromPkcs8(k1.privateKeyPkcs8);
    const reissued = issueBadgeToken({ keyId: k1.keyId, eventId: EVENT, badgeId: BADGE }, key);
    const revoked = new Set([revocationKey(payload())]);
    const isRevoked = (p: BadgePayload) => revoked.has(revocationKey(p));
    expect(await verifyBadgeToken(token, keys(), nodeVerify, { isRevoked })).toEqual({ ok: false, reason: "revoked" });
    expect(await verifyBadgeToken(reissued.token, keys(), nodeVerify, { isRevoked })).toMatchObject({ ok: true });
  });

  it("checks the signature before the revocation list and the event", async () => {
    const forged = formatBadgeToken(encodeBadgePayload(payload({ eventId: OTHER_EVENT })), new Uint8Array(64));
    expect(await verifyBadgeToken(forged, keys(), nodeVerify, { eventId: EVENT, isRevoked: () => true })).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["malformed", "unknown_badge"],
    ["unknown_key", "unknown_badge"],
    ["bad_signature", "unknown_badge"],
    ["wrong_event", "unknown_badge"],
    ["revoked", "revoked"],
  ] as const)("answers a %s code at the gate as %s", (reason, answer) => {
    expect(entryRejectionFor(reason)).toBe(answer);
  });
});

describe("badge token: key rotation", () => {
  it("still verifies codes signed with the old key while both keys are published", async () => {
    const newer = signBadgeToken(payload({ keyId: k2.keyId }), privateKeyFromPkcs8(k2.privateKeyPkcs8));
    const published = { [k1.keyId]: k1.publicKey, [k2.keyId]: k2.publicKey };
    expect(await verifyBadgeToken(token, published)).toMatchObject({ ok: true, value: { keyId: k1.keyId } });
    expect(await verifyBadgeToken(newer, published)).toMatchObject({ ok: true, value: { keyId: k2.keyId } });
  });

  it("refuses old codes once the old key is withdrawn", async () => {
    expect(await verifyBadgeToken(token, { [k2.keyId]: k2.publicKey })).toEqual({ ok: false, reason: "unknown_key" });
  });

  it("refuses a code verified against the wrong public key under its key id", async () => {
    expect(await verifyBadgeToken(token, { [k1.keyId]: k2.publicKey })).toEqual({ ok: false, reason: "bad_signature" });
  });
});

describe("badge token: keys and payload encoding", () => {
  it("generates a key pair with an 8-hex key id derived from the public key", () => {
    expect(k1.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(k1.publicKey).toHaveLength(32);
    expect(keyIdForPublicKey(k1.publicKey)).toBe(k1.keyId);
    expect(Buffer.from(k1.publicKeyBase64url, "base64url")).toEqual(Buffer.from(k1.publicKey));
    expect(createPrivateKey({ key: Buffer.from(k1.privateKeyPkcs8, "base64"), format: "der", type: "pkcs8" }).asymmetricKeyType).toBe("ed25519");
    expect(k2.keyId).not.toBe(k1.keyId);
  });

  it("refuses to sign with a key id that is not the signing key's", () => {
    expect(() => signBadgeToken(payload({ keyId: k2.keyId }), privateKeyFromPkcs8(k1.privateKeyPkcs8))).toThrow(/keyId/);
  });

  it("refuses to sign with a non-Ed25519 key or a raw key of the wrong length", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(() => signBadgeToken(payload(), privateKey)).toThrow(TypeError);
    expect(() => signBadgeToken(payload(), new Uint8Array(31))).toThrow(RangeError);
  });

  it.each<[string, Partial<BadgePayload>]>([
    ["an event id that is not a UUID", { eventId: "event-42" }],
    ["a badge id that is not a UUID", { badgeId: "9d1e4f2a7b3c4e5da6f70819a2b3c4d5" }],
    ["a key id that is not 8 hex characters", { keyId: "key1" }],
    ["a random part that is not 16 hex characters", { seed: "xyz" }],
  ])("throws when encoding %s", (_what, over) => {
    expect(() => encodeBadgePayload(payload(over))).toThrow(RangeError);
  });

  it("normalises UUIDs to lower case", () => {
    const parsed = parseBadgeToken(formatBadgeToken(encodeBadgePayload(payload({ badgeId: BADGE.toUpperCase() })), new Uint8Array(64)));
    expect(parsed).toMatchObject({ ok: true, value: { badgeId: BADGE } });
  });

  it("makes the random part from caller-supplied bytes", () => {
    expect(badgeSeedFromBytes(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe("0102030405060708");
    expect(() => badgeSeedFromBytes(new Uint8Array(7))).toThrow(RangeError);
  });

  it("refuses to format a message or signature of the wrong size", () => {
    expect(() => formatBadgeToken(new Uint8Array(45), new Uint8Array(64))).toThrow(RangeError);
    expect(() => formatBadgeToken(encodeBadgePayload(payload()), new Uint8Array(63))).toThrow(RangeError);
  });
});
