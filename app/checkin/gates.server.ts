// Check-in lists, gate devices (bearer tokens shown once) and what a device syncs for offline use.
import { sql } from "kysely";
import { hashToken, newToken } from "~/utils/crypto.server";
import type { Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { fail, ok, type Result } from "~/utils/result";
import type { RateLimitRule } from "~/utils/rate-limit.server";
import { getPublicKeys } from "~/badges/badge-keys.server";
import { listRevocations } from "~/badges/badges.server";
import { clearGateDeviceCache } from "./device-cache.server";
import { CheckinListSchema, type CheckinListInput } from "./checkin.schema";
import type { BadgeKind, EntryInput } from "./decide-entry";

/** Gate tokens are prefixed random ids (house style §5.3), so a leaked one is recognisable in logs and scanners. */
export const GATE_TOKEN_PREFIX = "gt_";
/** last_seen_at is written at most this often per device, so busy gates do not queue on their own device row. */
const LAST_SEEN_EVERY_MS = 60_000;

export type ListRules = EntryInput["list"];

type AuthRow = {
  id: string; name: string; eventId: string; revokedAt: Date | null; organizationId: string; timeZone: string;
  listId: string; listName: string; allowMultipleEntries: boolean; allowEntryAfterExit: boolean; includePending: boolean;
  kinds: string[] | null; days: string[] | null; opensAt: Date | null; closesAt: Date | null;
  maxEntriesPerDay: number | null; maxEntriesTotal: number | null; rateCount: number | null;
};

/** An authenticated gate device with everything a scan needs: its event (zone) and its list's rules. */
export type GateDevice = {
  id: string;
  name: string;
  eventId: string;
  organizationId: string;
  timeZone: string;
  list: { id: string; name: string; rules: ListRules };
};

type Actor = { by?: string | null; now: Date };

/**
 * Creates a check-in list (a gate, a hall or a day) with the contract's entry rules.
 *
 * @example
 * await createCheckinList(db, event.id, { name: "Hari 1 – Buyer", kinds: ["buyer"], days: ["2026-12-13"] }, { by, now })
 */
export async function createCheckinList(
  db: Executor,
  eventId: string,
  input: CheckinListInput,
  actor: Actor,
): Promise<Result<{ id: string }, "invalid" | "name_taken">> {
  const parsed = CheckinListSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail("invalid", `${issue.path.join(".")}: ${issue.message}`);
  }
  const { kinds, days, ...rules } = parsed.data;
  const row = await db.insertInto("checkinList")
    .values({
      eventId, ...rules, createdAt: actor.now,
      kinds: kinds ? sql`${kinds}::text[]` : null,
      days: days ? sql`${days}::date[]` : null,
    })
    .onConflict((oc) => oc.expression(sql`event_id, lower(name)`).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return fail("name_taken");
  await audit(db, { action: "checkin_list.created", actorUserId: actor.by ?? null, eventId, entity: "checkin_list", entityId: row.id, data: parsed.data });
  return ok(row);
}

/**
 * Registers a gate device on a list and returns its bearer token, which is shown this once (only its hash is
 * stored). The device name is what `previous.gate` shows ("Gerbang A").
 *
 * @example
 * const { token } = (await createGateDevice(db, { eventId, checkinListId, name: "Gerbang A" }, { by, now })).value // "gt_…"
 */
export async function createGateDevice(
  db: Executor,
  input: { eventId: string; checkinListId: string; name: string },
  actor: Actor,
): Promise<Result<{ id: string; token: string }, "invalid" | "list_not_found" | "name_taken">> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 80) return fail("invalid", "name: 1 to 80 characters");
  const list = await db.selectFrom("checkinList").select("id")
    .where("id", "=", input.checkinListId).where("eventId", "=", input.eventId).executeTakeFirst();
  if (!list) return fail("list_not_found");
  const token = GATE_TOKEN_PREFIX + newToken();
  const row = await db.insertInto("gateDevice")
    .values({ eventId: input.eventId, checkinListId: list.id, name, tokenHash: hashToken(token), createdBy: actor.by ?? null, createdAt: actor.now })
    .onConflict((oc) => oc.expression(sql`event_id, lower(name)`).where("revokedAt", "is", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!row) return fail("name_taken");
  await audit(db, {
    action: "gate_device.created", actorUserId: actor.by ?? null, eventId: input.eventId, entity: "gate_device", entityId: row.id,
    data: { name, checkinListId: list.id },
  });
  return ok({ id: row.id, token });
}

/** Revokes a device token at once (a lost phone): its next request is 401. */
export async function revokeGateDevice(db: Executor, eventId: string, deviceId: string, actor: Actor): Promise<Result<{ id: string }, "not_found">> {
  const row = await db.updateTable("gateDevice").set({ revokedAt: actor.now })
    .where("id", "=", deviceId).where("eventId", "=", eventId).where("revokedAt", "is", null)
    .returning("id").executeTakeFirst();
  if (!row) return fail("not_found");
  clearGateDeviceCache();
  await audit(db, { action: "gate_device.revoked", actorUserId: actor.by ?? null, eventId, entity: "gate_device", entityId: row.id });
  return ok(row);
}

/**
 * The device a bearer token belongs to, with its event and list rules. `unknown_token` covers a malformed token
 * too; a revoked device is `revoked_token`. With a rate-limit rule, the same statement also counts this request
 * in the device's fixed window (the limiter of utils/rate-limit.server.ts, folded in to save a round trip on
 * every scan) and touches last_seen_at when it is older than a minute.
 *
 * @example
 * const auth = await authenticateGateDevice(db, "gt_…", new Date(), GATE_SCAN_LIMIT)
 * // { ok: true, value: { id, list: { rules }, …, rate: { allowed: true, retryAfterSeconds: 42 } } }
 */
export async function authenticateGateDevice(
  db: Executor,
  token: string,
  now: Date,
  rule?: RateLimitRule,
): Promise<Result<GateDevice & { rate: { allowed: boolean; retryAfterSeconds: number } }, "unknown_token" | "revoked_token">> {
  if (!token.startsWith(GATE_TOKEN_PREFIX) || token.length > 200) return fail("unknown_token");
  const windowMs = (rule?.windowSeconds ?? 60) * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  // Raw SQL on purpose: this runs on every gate request, and building the CTE cost more than executing it.
  const { rows } = await sql<AuthRow>`
    with d as (
      select d.id, d.name, d.event_id, d.revoked_at, e.organization_id, e.time_zone,
        l.id as list_id, l.name as list_name, l.allow_multiple_entries, l.allow_entry_after_exit, l.include_pending,
        l.kinds, l.days::text[] as days, l.opens_at, l.closes_at, l.max_entries_per_day, l.max_entries_total
      from gate_device d join checkin_list l on l.id = d.checkin_list_id join event e on e.id = d.event_id
      where d.token_hash = ${hashToken(token)}),
    rl as (
      insert into rate_limit (scope, key, window_start, count)
      select ${rule?.scope ?? ""}::text, d.id::text, ${windowStart}::timestamptz, 1 from d
      where d.revoked_at is null and ${rule !== undefined}::bool
      on conflict (scope, key, window_start) do update set count = rate_limit.count + 1
      returning count),
    seen as (
      update gate_device set last_seen_at = ${now}::timestamptz
      where id = (select id from d where d.revoked_at is null)
        and (last_seen_at is null or last_seen_at < ${new Date(now.getTime() - LAST_SEEN_EVERY_MS)}::timestamptz)
      returning id)
    select d.*, (select count from rl) as rate_count from d`.execute(db);
  const row = rows[0];
  if (!row) return fail("unknown_token");
  if (row.revokedAt) return fail("revoked_token");
  return ok({
    id: row.id, name: row.name, eventId: row.eventId, organizationId: row.organizationId, timeZone: row.timeZone,
    list: {
      id: row.listId, name: row.listName,
      rules: {
        allowMultipleEntries: row.allowMultipleEntries, allowEntryAfterExit: row.allowEntryAfterExit, includePending: row.includePending,
        kinds: row.kinds as BadgeKind[] | null, days: row.days,
        opensAt: row.opensAt?.toISOString() ?? null, closesAt: row.closesAt?.toISOString() ?? null,
        maxEntriesPerDay: row.maxEntriesPerDay, maxEntriesTotal: row.maxEntriesTotal,
      },
    },
    rate: {
      allowed: rule === undefined || (row.rateCount ?? 0) <= rule.limit,
      retryAfterSeconds: Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
    },
  });
}

/** Column order of GateSync.badges.rows. */
export const BADGE_INDEX_FIELDS = ["id", "kind", "status", "validFrom", "validUntil", "name", "organization"] as const;

export type GateSync = {
  event: { id: string; timeZone: string };
  device: { id: string; name: string };
  list: { id: string; name: string; rules: ListRules };
  /** `{ keyId: base64url raw Ed25519 public key }`, retired keys included: the only key material a device gets. */
  keys: Record<string, string>;
  /** revocationKey()s of replaced and revoked codes. */
  revocations: string[];
  /** A compact badge index: one row per badge, columns as in `fields`. */
  badges: { fields: typeof BADGE_INDEX_FIELDS; rows: Array<[string, BadgeKind, string, string | null, string | null, string, string]> };
  syncedAt: string;
};

/**
 * What a gate phone needs to decide offline with decideEntry: public keys, revocation list, list rules and a
 * badge index (no email, phone or short codes).
 */
export async function getGateSync(db: Executor, device: GateDevice, now: Date): Promise<GateSync> {
  const [keys, revocations, badges] = await Promise.all([
    getPublicKeys(db, device.eventId),
    listRevocations(db, device.eventId),
    db.selectFrom("badge").select(["id", "kind", "status", "validFrom", "validUntil", "holderName", "organizationName"])
      .where("eventId", "=", device.eventId).orderBy("id").execute(),
  ]);
  return {
    event: { id: device.eventId, timeZone: device.timeZone },
    device: { id: device.id, name: device.name },
    list: device.list,
    keys,
    revocations,
    badges: {
      fields: BADGE_INDEX_FIELDS,
      rows: badges.map((b) => [b.id, b.kind, b.status, b.validFrom?.toISOString() ?? null, b.validUntil?.toISOString() ?? null, b.holderName, b.organizationName]),
    },
    syncedAt: now.toISOString(),
  };
}
