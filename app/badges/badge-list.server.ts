// Reading badges for the organizer's screens: the searchable list, one badge with its history, and the
// booth staff who have no badge yet.
import { sql } from "kysely";
import type { Executor } from "~/utils/db.server";
import { PAGE_SIZE, type BadgeQuery } from "./badge-forms.schema";
import { formatShortCode } from "./short-code";

/** `%` and `_` typed into the search box are literal characters, not wildcards. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of the event's badges, newest first, searched by name, organization or short code (with or
 * without the dash) and filtered by kind, status and "not printed yet".
 *
 * @example await listBadges(db, event.id, { q: "sari", unprinted: true, page: 1 }) // { rows, total, page, pageSize }
 */
export async function listBadges(db: Executor, eventId: string, query: BadgeQuery) {
  const q = filteredBadges(db, eventId, query);
  const [rows, count] = await Promise.all([
    q.select(["id", "kind", "status", "holderName", "organizationName", "email", "shortCode", "printedAt", "issuedAt", "source"])
      .orderBy("issuedAt", "desc").orderBy("id").limit(PAGE_SIZE).offset((query.page - 1) * PAGE_SIZE).execute(),
    q.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({ ...r, shortCode: formatShortCode(r.shortCode) })),
    total: Number(count.n), page: query.page, pageSize: PAGE_SIZE,
  };
}

/**
 * Every badge the list's search and filters select (all pages), with contact details and the first successful
 * entry at any gate: the organizer's CSV export (personal data; the route audits it).
 */
export async function listBadgesForExport(db: Executor, eventId: string, query: Omit<BadgeQuery, "page">) {
  const rows = await filteredBadges(db, eventId, { ...query, page: 1 })
    .select(["id", "kind", "status", "holderName", "organizationName", "email", "phone", "locale", "source", "shortCode", "issuedAt", "printedAt"])
    .select((eb) => eb.selectFrom("checkin as c").select((c) => c.fn.min("c.scannedAt").as("m"))
      .whereRef("c.badgeId", "=", "badge.id").where("c.successful", "=", true).where("c.type", "=", "entry").as("firstEntryAt"))
    .orderBy("issuedAt", "asc").orderBy("id").execute();
  return rows.map((r) => ({ ...r, shortCode: formatShortCode(r.shortCode), firstEntryAt: r.firstEntryAt ? new Date(r.firstEntryAt) : null }));
}
export type BadgeExportRow = Awaited<ReturnType<typeof listBadgesForExport>>[number];

/** The event's badges searched by name, organization or short code and filtered by kind, status and "not printed". */
function filteredBadges(db: Executor, eventId: string, query: BadgeQuery) {
  let q = db.selectFrom("badge").where("eventId", "=", eventId);
  if (query.kind) q = q.where("kind", "=", query.kind);
  if (query.status) q = q.where("status", "=", query.status);
  if (query.unprinted) q = q.where("printedAt", "is", null).where("status", "<>", "revoked");
  if (query.q) {
    const pattern = likePattern(query.q);
    const code = query.q.toUpperCase().replace(/[\s-]/g, "");
    q = q.where((eb) => eb.or([
      eb("holderName", "ilike", pattern),
      eb("organizationName", "ilike", pattern),
      ...(code.length >= 4 ? [eb("shortCode", "like", `${code.replace(/[\\%_]/g, "")}%`)] : []),
    ]));
  }
  return q;
}

/** How many badges the event has, by status (the list's header and empty state). */
export async function countBadges(db: Executor, eventId: string): Promise<number> {
  const row = await db.selectFrom("badge").select(sql<number>`count(*)::int`.as("n")).where("eventId", "=", eventId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything the detail page shows about one badge, or undefined (another event's badge is not found). */
export async function getBadgeDetail(db: Executor, eventId: string, badgeId: string) {
  const badge = await db.selectFrom("badge")
    .select(["id", "kind", "status", "holderName", "organizationName", "email", "phone", "locale", "source", "statusReason",
      "shortCode", "issuedAt", "printedAt", "whatsappOptInAt", "exhibitorStaffId"])
    .where("eventId", "=", eventId).where("id", "=", badgeId).executeTakeFirst();
  if (!badge) return undefined;
  const history = await db.selectFrom("auditLog as l").leftJoin("appUser as u", "u.id", "l.actorUserId")
    .select(["l.id", "l.at", "l.action", "l.data", "u.name as actorName"])
    .where("l.entity", "=", "badge").where("l.entityId", "=", badgeId).where("l.eventId", "=", eventId)
    .orderBy("l.at", "desc").orderBy("l.id", "desc").limit(50).execute();
  return {
    ...badge,
    shortCode: formatShortCode(badge.shortCode),
    history: history.map((h) => {
      const data = (typeof h.data === "string" ? JSON.parse(h.data) : h.data) as { reason?: string | null; fields?: string[] } | null;
      return { id: h.id, at: h.at, action: h.action, actorName: h.actorName, reason: data?.reason ?? null, fields: data?.fields ?? null };
    }),
  };
}

/** Booth staff of the event's accepted exhibitors who hold no live badge (the "issue for all staff" button). */
export function listStaffWithoutBadge(db: Executor, eventId: string) {
  return db.selectFrom("exhibitorStaff as s")
    .innerJoin("application as a", "a.id", "s.applicationId")
    .innerJoin("business as b", "b.id", "a.businessId")
    .select(["s.id", "s.name", "s.phone", "s.email", "b.name as businessName"])
    .where("a.eventId", "=", eventId).where("a.status", "=", "accepted")
    .where(({ not, exists, selectFrom }) => not(exists(
      selectFrom("badge as x").select("x.id").whereRef("x.exhibitorStaffId", "=", "s.id").where("x.status", "<>", "revoked"),
    )))
    .orderBy("b.name").orderBy("s.name").execute();
}

/** The organizations named on the event's badges (the print form's suggestions), at most 500. */
export async function listBadgeOrganizations(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom("badge").select("organizationName").distinct()
    .where("eventId", "=", eventId).where("organizationName", "<>", "").where("status", "<>", "revoked")
    .orderBy("organizationName").limit(500).execute();
  return rows.map((r) => r.organizationName);
}
