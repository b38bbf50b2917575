// Event signing keys: one active Ed25519 key signs new badge codes; retired keys keep verifying older codes.
// The private key never leaves this module's callers on the server; devices get only getPublicKeys().
import type { KeyObject } from "node:crypto";
import type { Executor, Trx } from "~/utils/db.server";
import { generateEventKeyPair, privateKeyFromPkcs8 } from "./badge-sign.server";

export type SigningKey = { keyId: string; privateKey: KeyObject };

/**
 * The event's active signing key, created on first use. Safe under concurrency: the partial unique index
 * `event_signing_key_event_id_active_uq` lets one insert win and the loser reads the winner's key.
 *
 * @example
 * const { keyId, privateKey } = await ensureEventKey(db, event.id)
 */
export async function ensureEventKey(db: Executor, eventId: string): Promise<SigningKey> {
  const active = () => db.selectFrom("eventSigningKey").select(["keyId", "privateKeyPkcs8"])
    .where("eventId", "=", eventId).where("retiredAt", "is", null).executeTakeFirst();
  let row = await active();
  if (!row) {
    const pair = generateEventKeyPair();
    await db.insertInto("eventSigningKey")
      .values({ eventId, keyId: pair.keyId, publicKey: pair.publicKeyBase64url, privateKeyPkcs8: pair.privateKeyPkcs8 })
      .onConflict((oc) => oc.column("eventId").where("retiredAt", "is", null).doNothing())
      .execute();
    row = await active();
    if (!row) throw new Error(`ensureEventKey: no active key for event ${eventId}`);
  }
  return { keyId: row.keyId, privateKey: cachedPrivateKey(eventId, row.keyId, row.privateKeyPkcs8) };
}

/**
 * A signing key by id (active or retired), to re-derive the QR text of a badge: Ed25519 signatures are
 * deterministic, so the same key and payload give the same code.
 */
export async function getSigningKey(db: Executor, eventId: string, keyId: string): Promise<SigningKey | undefined> {
  const row = await db.selectFrom("eventSigningKey").select(["keyId", "privateKeyPkcs8"])
    .where("eventId", "=", eventId).where("keyId", "=", keyId).executeTakeFirst();
  return row && { keyId: row.keyId, privateKey: cachedPrivateKey(eventId, row.keyId, row.privateKeyPkcs8) };
}

/**
 * Retires the active key and makes a new one sign from now on. Codes signed with the old key keep verifying
 * (its public key stays in getPublicKeys); reissue a badge to move it to the new key. Call inside a transaction.
 *
 * @example
 * const { keyId } = await rotateEventKey(trx, event.id, new Date())
 */
export async function rotateEventKey(trx: Trx, eventId: string, now: Date): Promise<{ keyId: string; retiredKeyId: string | null }> {
  const retired = await trx.updateTable("eventSigningKey").set({ retiredAt: now })
    .where("eventId", "=", eventId).where("retiredAt", "is", null).returning("keyId").executeTakeFirst();
  const pair = generateEventKeyPair();
  await trx.insertInto("eventSigningKey")
    .values({ eventId, keyId: pair.keyId, publicKey: pair.publicKeyBase64url, privateKeyPkcs8: pair.privateKeyPkcs8 })
    .execute();
  verifyKeys.delete(eventId);
  return { keyId: pair.keyId, retiredKeyId: retired?.keyId ?? null };
}

/**
 * Every public key of the event, active and retired, as `{ keyId: base64url }`: the only key material a gate
 * device may receive.
 *
 * @example
 * await getPublicKeys(db, event.id) // { "3f9a0c12": "mC0n…" }
 */
export async function getPublicKeys(db: Executor, eventId: string): Promise<Record<string, string>> {
  const rows = await db.selectFrom("eventSigningKey").select(["keyId", "publicKey"])
    .where("eventId", "=", eventId).orderBy("createdAt").execute();
  return Object.fromEntries(rows.map((r) => [r.keyId, r.publicKey]));
}

// Public keys never change once written (rotation only adds keys), so a per-process cache is safe across app
// instances: a key id missing from the cache is looked up again (architecture.md §3 forbids caches that must agree).
// Promises are cached, so a batch of 500 scans on a cold cache makes one query, not 500. An unknown key id
// (a forged code, or a key another instance just made) costs one small indexed query.
const verifyKeys = new Map<string, { keys: Promise<Record<string, Uint8Array>> }>();

/**
 * The event's raw public keys for verifyBadgeToken, cached; reloaded when `keyId` is not in the cache (a key
 * made by another instance, or a rotation).
 */
export async function verifyKeysFor(db: Executor, eventId: string, keyId?: string): Promise<Readonly<Record<string, Uint8Array>>> {
  const cached = verifyKeys.get(eventId);
  if (cached) {
    const keys = await cached.keys.catch(() => null);
    const fresh = verifyKeys.get(eventId);
    if (keys && (keyId === undefined || Object.prototype.hasOwnProperty.call(keys, keyId))) return keys;
    if (fresh && fresh !== cached) return fresh.keys;
  }
  const loading = getPublicKeys(db, eventId).then((all) => {
    const keys: Record<string, Uint8Array> = {};
    for (const [id, b64] of Object.entries(all)) keys[id] = new Uint8Array(Buffer.from(b64, "base64url"));
    return keys;
  });
  if (verifyKeys.size >= 1000) verifyKeys.clear();
  const entry = { keys: loading };
  verifyKeys.set(eventId, entry);
  loading.catch(() => {
    if (verifyKeys.get(eventId) === entry) verifyKeys.delete(eventId);
  });
  return loading;
}

const privateKeys = new Map<string, KeyObject>();
function cachedPrivateKey(eventId: string, keyId: string, pkcs8: string): KeyObject {
  const id = `${eventId}:${keyId}`;
  let key = privateKeys.get(id);
  if (!key) {
    if (privateKeys.size >= 1000) privateKeys.clear();
    key = privateKeyFromPkcs8(pkcs8);
    privateKeys.set(id, key);
  }
  return key;
}
