// Printing badges: pick the badges (a selection from the list, one badge, or a token holder's own), re-derive
// their QR texts with the event's keys, and hand them to the PDF renderer. Bulk printing marks printed_at.
import type { Readable } from "node:stream";
import type { Executor } from "~/utils/db.server";
import type { BadgeQuery, PrintValue } from "./badge-forms.schema";
import { getSigningKey, type SigningKey } from "./badge-keys.server";
import { streamBadgesPdf, type BadgeLayout, type BadgePrint } from "./badge-pdf.server";
import { signBadgeToken } from "./badge-sign.server";
import { eventLine, KIND_WORDS } from "./badge-words";
import { likePattern } from "./badge-list.server";
import { formatShortCode } from "./short-code";

/** The most badges one print job takes (one PDF; about 2.4 KB and 3 ms per badge). */
export const MAX_PRINT = 5000;

export type PrintEvent = { id: string; name: string; firstDay: string; lastDay: string; venueName: string; city: string };

type Selection = { ids?: string[]; print?: PrintValue; filter?: BadgeQuery };

/** The live (not revoked) badges a print request covers, in a stable order (organization, then name). */
async function selectBadges(db: Executor, eventId: string, sel: Selection) {
  let q = db.selectFrom("badge")
    .select(["id", "kind", "holderName", "organizationName", "keyId", "seed", "shortCode"])
    .where("eventId", "=", eventId).where("status", "<>", "revoked");
  if (sel.ids) q = q.where("id", "in", sel.ids.length ? sel.ids : ["00000000-0000-0000-0000-000000000000"]);
  const p = sel.print;
  if (p?.selection === "unprinted") q = q.where("printedAt", "is", null);
  if (p?.selection === "kind" && p.kind) q = q.where("kind", "=", p.kind);
  if (p?.selection === "organization" && p.organization) q = q.where("organizationName", "ilike", p.organization.replace(/[\\%_]/g, (c) => `\\${c}`));
  const f = p?.selection === "filter" ? sel.filter : undefined;
  if (f?.kind) q = q.where("kind", "=", f.kind);
  if (f?.status) q = q.where("status", "=", f.status);
  if (f?.unprinted) q = q.where("printedAt", "is", null);
  if (f?.q) q = q.where((eb) => eb.or([eb("holderName", "ilike", likePattern(f.q)), eb("organizationName", "ilike", likePattern(f.q))]));
  return q.orderBy("organizationName").orderBy("holderName").orderBy("id").limit(MAX_PRINT + 1).execute();
}

/** Turns rows into what the PDF prints, signing each current code again (keys cached per key id). */
async function toPrints(db: Executor, event: PrintEvent, rows: Awaited<ReturnType<typeof selectBadges>>): Promise<BadgePrint[]> {
  const keys = new Map<string, SigningKey>();
  const line = eventLine(event, "id");
  const out: BadgePrint[] = [];
  for (const r of rows) {
    let key = keys.get(r.keyId);
    if (!key) {
      key = await getSigningKey(db, event.id, r.keyId);
      if (!key) throw new Error(`badge print: signing key ${r.keyId} of event ${event.id} is missing`);
      keys.set(r.keyId, key);
    }
    out.push({
      name: r.holderName, organization: r.organizationName || null, kind: r.kind, kindLabel: KIND_WORDS[r.kind],
      eventName: event.name, eventDates: line, shortCode: formatShortCode(r.shortCode),
      qrText: signBadgeToken({ keyId: r.keyId, eventId: event.id, badgeId: r.id, seed: r.seed }, key.privateKey),
    });
  }
  return out;
}

/**
 * Bulk print: the selected badges as one PDF stream, marked printed now. Too many or none at all is a
 * reason code for the page.
 *
 * @example const res = await printBadges(db, event, { print: { layout: "a4-4up", selection: "unprinted" } }, now)
 */
export async function printBadges(db: Executor, event: PrintEvent, sel: Selection & { print: PrintValue }, now: Date):
  Promise<{ ok: true; stream: Readable; count: number } | { ok: false; reason: "none" | "too_many" }> {
  const rows = await selectBadges(db, event.id, sel);
  if (rows.length === 0) return { ok: false, reason: "none" };
  if (rows.length > MAX_PRINT) return { ok: false, reason: "too_many" };
  const prints = await toPrints(db, event, rows);
  for (let i = 0; i < rows.length; i += 1000) {
    await db.updateTable("badge").set({ printedAt: now })
      .where("eventId", "=", event.id).where("id", "in", rows.slice(i, i + 1000).map((r) => r.id)).execute();
  }
  return { ok: true, stream: streamBadgesPdf(prints, sel.print.layout as BadgeLayout, { title: event.name }), count: rows.length };
}

/** One badge as an A6 PDF (detail page, holder page, email attachment); undefined when revoked or unknown. */
export async function singleBadgePdf(db: Executor, event: PrintEvent, badgeId: string): Promise<Readable | undefined> {
  const rows = await selectBadges(db, event.id, { ids: [badgeId] });
  if (rows.length === 0) return undefined;
  return streamBadgesPdf(await toPrints(db, event, rows), "a6", { title: rows[0]!.holderName });
}

/** The event fields a badge shows. */
export function getPrintEvent(db: Executor, eventId: string): Promise<PrintEvent | undefined> {
  return db.selectFrom("event").select(["id", "name", "firstDay", "lastDay", "venueName", "city"]).where("id", "=", eventId).executeTakeFirst();
}
