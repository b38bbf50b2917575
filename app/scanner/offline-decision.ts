// The gate phone's own decision when the network is down: the same decideEntry as the server, fed with the
// synced data (public keys, revocation list, list rules, badge index) and this phone's scan history.
// No I/O and no clock: signature checks go through the verify function (WebCrypto Ed25519 by default).
import { verifyBadgeToken, revocationKey, webCryptoVerify, type BadgeVerifyFn } from "~/badges/badge-token";
import { normalizeShortCode } from "~/badges/short-code";
import { parseBadgeIdCode } from "~/checkin/badge-id-code";
import { decideEntry, type BadgeKind, type EntryInput, type EntryRejection } from "~/checkin/decide-entry";
import type { GateSync } from "~/checkin/gates.server";

export type IndexedBadge = { id: string; kind: BadgeKind; status: "valid" | "pending" | "revoked" | "blocked"; validFrom: string | null; validUntil: string | null; name: string; organization: string };
/** A scan this phone knows about (answered online or decided here), for later offline decisions. */
export type LocalScan = { nonce: string; badgeId: string; type: "entry" | "exit"; at: string; gate: string };
export type OfflineAnswer =
  | { kind: "decided"; ok: boolean; reason?: EntryRejection; badge?: IndexedBadge; previous?: { at: string; gate: string }; unlisted?: boolean }
  /** A typed short code: only the server can resolve it. */
  | { kind: "needs_network" };

/** The synced badge index as records, read by the field names the server sent (so column order may change). */
export function readBadgeIndex(badges: GateSync["badges"]): Map<string, IndexedBadge> {
  const at = (name: string) => badges.fields.indexOf(name as never);
  const [id, kind, status, from, until, name, org] = ["id", "kind", "status", "validFrom", "validUntil", "name", "organization"].map(at);
  const map = new Map<string, IndexedBadge>();
  for (const row of badges.rows) {
    const r = row as unknown as Array<string | null>;
    map.set(r[id!]!, {
      id: r[id!]!, kind: r[kind!] as BadgeKind, status: r[status!] as IndexedBadge["status"], validFrom: r[from!] ?? null,
      validUntil: r[until!] ?? null, name: r[name!] ?? "", organization: r[org!] ?? "",
    });
  }
  return map;
}

/** base64url → bytes (public keys in the sync payload). */
export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export type OfflineContext = { sync: GateSync; index: Map<string, IndexedBadge>; keys: Record<string, Uint8Array>; revoked: Set<string> };

/** Prepares the synced data once per sync (key bytes, revocation set, index). */
export function offlineContext(sync: GateSync): OfflineContext {
  const keys = Object.fromEntries(Object.entries(sync.keys).map(([id, k]) => [id, fromBase64Url(k)]));
  return { sync, index: readBadgeIndex(sync.badges), keys, revoked: new Set(sync.revocations) };
}

/**
 * Decides a scan offline. A valid signed code of a badge that is not in the index yet (issued after the last
 * sync) passes as a valid badge of unknown kind only on a list open to every kind, and is marked `unlisted`.
 *
 * @example
 * await decideOffline(ctx, qrText, (badgeId) => localScansOf(badgeId), { type: "entry", at: "2026-11-20T09:00:00+07:00", nonce: "…" })
 * // { kind: "decided", ok: false, reason: "already_inside", badge, previous: { at: "…", gate: "Gerbang A" } }
 */
export async function decideOffline(
  ctx: OfflineContext, code: string, historyOf: (badgeId: string) => LocalScan[] | Promise<LocalScan[]>, scan: EntryInput["scan"],
  verify: BadgeVerifyFn = webCryptoVerify,
): Promise<OfflineAnswer> {
  const found = await findBadge(ctx, code, verify);
  if (found === "needs_network") return { kind: "needs_network" };
  if (found === "revoked") return { kind: "decided", ok: false, reason: "revoked" };
  const { badge, unlisted } = found ?? { badge: undefined, unlisted: false };
  const mine = badge ? (await historyOf(badge.id)).filter((h) => h.badgeId === badge.id) : [];
  const decision = decideEntry({
    timeZone: ctx.sync.event.timeZone,
    list: ctx.sync.list.rules,
    badge: badge ? { kind: badge.kind, status: badge.status, validFrom: badge.validFrom, validUntil: badge.validUntil } : null,
    history: mine.map((h) => ({ type: h.type, at: h.at, nonce: h.nonce, successful: true })),
    scan,
  });
  if (decision.ok) return { kind: "decided", ok: true, badge, unlisted };
  const answer: OfflineAnswer = { kind: "decided", ok: false, reason: decision.reason, badge, unlisted };
  if (decision.reason === "already_inside") {
    const last = mine.filter((h) => h.type === "entry").sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
    if (last) answer.previous = { at: last.at, gate: last.gate };
  }
  return answer;
}

async function findBadge(ctx: OfflineContext, code: string, verify: BadgeVerifyFn): Promise<{ badge: IndexedBadge; unlisted: boolean } | null | "revoked" | "needs_network"> {
  const byId = parseBadgeIdCode(code);
  if (byId) return ctx.index.has(byId) ? { badge: ctx.index.get(byId)!, unlisted: false } : null;
  if (normalizeShortCode(code).ok) return "needs_network";
  const res = await verifyBadgeToken(code.trim().toUpperCase(), ctx.keys, verify, {
    eventId: ctx.sync.event.id, isRevoked: (p) => ctx.revoked.has(revocationKey(p)),
  });
  if (!res.ok) return res.reason === "revoked" ? "revoked" : null;
  const badge = ctx.index.get(res.value.badgeId);
  if (badge) return { badge, unlisted: false };
  if (ctx.sync.list.rules.kinds !== null) return null;
  return { badge: { id: res.value.badgeId, kind: "visitor", status: "valid", validFrom: null, validUntil: null, name: "", organization: "" }, unlisted: true };
}
