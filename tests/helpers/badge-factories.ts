import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "../../db/index";
import { ensureEventKey, issueBadge, type IssuedBadge } from "~/badges/badges.server";
import { issueBadgeToken } from "~/badges/badge-sign.server";
import { shortCodeFromBytes } from "~/badges/short-code";
import type { BadgeInput } from "~/badges/badge.schema";
import type { CheckinListInput } from "~/checkin/checkin.schema";
import { authenticateGateDevice, createCheckinList, createGateDevice, type GateDevice } from "~/checkin/gates.server";
import { createOrganization } from "~/organizations/organizations.server";
import { BASE } from "./http";
import { makeAccount, makeEvent, makeOrgWithStaff, type Staff } from "./factories";

/** The fixed clock of gate tests: day 1 of the default test event (20–22 Nov 2026, WIB), 09:00 local. */
export const NOW = new Date("2026-11-20T02:00:00Z");
/** A scan time on day 1, local WIB. */
export const at = (time = "09:00:00", day = "2026-11-20") => `${day}T${time}+07:00`;

let n = 0;

export type BadgeOrganizers = { org: { id: string; slug: string }; staff: Staff; eventId: string; other: { slug: string; eventId: string; staff: Staff } };

/** An organization with its staff and an event (slug `slug`), and another organization with its own event (tenancy checks). */
export async function makeBadgeOrganizers(db: Db, name: string, slug: string): Promise<BadgeOrganizers> {
  const a = await makeOrgWithStaff(db, name);
  const event = await makeEvent(db, a.org.id, { slug });
  const b = await makeOrgWithStaff(db, "Kadin Lain");
  const otherEvent = await makeEvent(db, b.org.id, { slug: `${slug}-lain` });
  return { org: a.org, staff: a.staff, eventId: event.id, other: { slug: b.org.slug, eventId: otherEvent.id, staff: b.staff } };
}

/** An organization (one owner account) with a three-day WIB event, 20–22 Nov 2026. */
export async function makeGateEvent(db: Db, name = "Kadin Surakarta") {
  n += 1;
  const owner = await makeAccount(db, `${name} Owner ${n}`);
  const org = await createOrganization(db, { name: `${name} ${n}`, kind: "kadin", city: "Surakarta", ownerId: owner.id });
  const event = await makeEvent(db, org.id, { name: `Pameran Gerbang ${n}`, slug: `pameran-gerbang-${n}-${Math.random().toString(36).slice(2, 6)}` });
  return { owner, org, event: { ...event, organizationId: org.id } };
}

export async function makeList(db: Db, eventId: string, input: Partial<CheckinListInput> = {}) {
  n += 1;
  const res = await createCheckinList(db, eventId, { name: `Daftar ${n}`, ...input }, { now: NOW });
  if (!res.ok) throw new Error(`makeList: ${res.reason} ${res.detail ?? ""}`);
  return res.value.id;
}

/** A gate device on a list with its bearer token, and the authenticated context the server functions take. */
export async function makeDevice(db: Db, eventId: string, checkinListId: string, name = "Gerbang A"): Promise<{ id: string; token: string; device: GateDevice }> {
  const res = await createGateDevice(db, { eventId, checkinListId, name }, { now: NOW });
  if (!res.ok) throw new Error(`makeDevice: ${res.reason}`);
  const auth = await authenticateGateDevice(db, res.value.token, NOW);
  if (!auth.ok) throw new Error(`makeDevice: ${auth.reason}`);
  return { ...res.value, device: auth.value };
}

export async function makeBadge(db: Db, event: { id: string; organizationId?: string }, input: Partial<BadgeInput> = {}): Promise<IssuedBadge> {
  n += 1;
  const res = await issueBadge(db, event, { kind: "visitor", holderName: `Pengunjung ${n}`, organizationName: "Batik Laweyan Sari", ...input }, { now: NOW });
  if (!res.ok) throw new Error(`makeBadge: ${res.reason} ${res.detail ?? ""}`);
  return res.value;
}

/**
 * Many valid visitor badges at once for volume tests (one multi-row insert; codes signed as issueBadge signs
 * them). Returns the QR texts in insertion order.
 */
export async function makeBadges(db: Db, eventId: string, count: number): Promise<Array<{ id: string; qr: string }>> {
  const key = await ensureEventKey(db, eventId);
  const out: Array<{ id: string; qr: string }> = [];
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
      const id = randomUUID();
      const { token, seed } = issueBadgeToken({ keyId: key.keyId, eventId, badgeId: id }, key.privateKey);
      out.push({ id, qr: token });
      return { id, eventId, kind: "visitor" as const, holderName: `Pengunjung ${start + i + 1}`, keyId: key.keyId, seed, shortCode: shortCodeFromBytes(randomBytes(8)) };
    });
    await db.insertInto("badge").values(rows).execute();
  }
  return out;
}

/** Booth staff of an accepted exhibitor of the event (business → application → exhibitor_staff). */
export async function makeExhibitorStaff(db: Db, eventId: string, name = "Sari Wulandari") {
  const user = await makeAccount(db, `Perajin ${name}`);
  const business = await db.insertInto("business").values({
    ownerUserId: user.id, name: `Batik ${name}`, ownerName: name, umkmClass: "mikro", sector: "batik_tulis",
    city: "Surakarta", province: "Jawa Tengah", email: user.email,
  }).returning("id").executeTakeFirstOrThrow();
  const application = await db.insertInto("application").values({ eventId, businessId: business.id, status: "accepted" })
    .returning("id").executeTakeFirstOrThrow();
  const staff = await db.insertInto("exhibitorStaff").values({ applicationId: application.id, name })
    .returning("id").executeTakeFirstOrThrow();
  return staff.id;
}

export const nonce = () => randomUUID();

/** A scan as the API takes it (an entry now, online). */
export function scanOf(code: string, overrides: Partial<{ type: "entry" | "exit"; nonce: string; scannedAt: string; force: boolean }> = {}) {
  return { code, type: "entry" as const, nonce: nonce(), scannedAt: at(), force: false, ...overrides };
}

/** A JSON API request with a bearer token; `body` is sent as is when it is a string. */
export function apiRequest(path: string, token: string | null, body?: unknown, init: { method?: string; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers };
  return new Request(`${BASE}${path}`, {
    method: init.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any loader or action
type Handler = (args: any) => Response | Promise<Response>;

/** Calls a route handler and reads its JSON answer (every gate API answer is JSON). */
export async function callApi(handler: Handler, request: Request) {
  const response = await handler({ request, params: {}, context: {} });
  const text = await response.text();
  return { status: response.status, headers: response.headers, contentType: response.headers.get("content-type"), body: JSON.parse(text) as any };
}
