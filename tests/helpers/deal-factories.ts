import type { Db } from "../../db/index";
import type { RecordDealInput } from "~/deals/deals.server";
import { setEventPublished } from "~/events/events.server";
import { markOutcome, saveFeedback } from "~/meetings/outcome.server";
import type { Participant } from "~/meetings/participants.server";
import { respondToRequest, sendRequest } from "~/meetings/requests.server";
import { createUserSession } from "~/utils/session.server";
import { BASE } from "./http";
import { makeMatchEvent } from "./meetings-factories";

// Requests are sent before the fair (20 Nov 2026 09.00 WIB) and meetings marked held during its first slot.
const BEFORE = new Date("2026-11-01T03:00:00Z");
const DURING = new Date("2026-11-20T02:05:00Z");
/** "Today" for recordDeal in these tests: the first day of the fair, in WIB. */
export const DEAL_NOW = new Date("2026-11-20T04:00:00Z");

/** A published matchmaking event (20–22 Nov 2026, WIB) with 3 slots × 10 tables. */
export async function makeDealEvent(db: Db, organizationId: string) {
  const event = await makeMatchEvent(db, organizationId);
  await setEventPublished(db, event.id, true, BEFORE);
  return event;
}

/** A meeting between a buyer and a seller that took place (marked held), optionally with the buyer's feedback. */
export async function makeHeldMeeting(db: Db, seller: Participant, buyer: Participant, feedback?: { nextStep: "order" | "sample" | "none"; note?: string }) {
  const sent = await sendRequest(db, { from: buyer, toId: seller.id, message: "", now: BEFORE });
  if (!sent.ok) throw new Error(sent.reason);
  const accepted = await respondToRequest(db, { me: seller, action: { intent: "accept", requestId: sent.value.id, reason: "" }, now: BEFORE, appUrl: BASE });
  if (!accepted.ok || !accepted.value.meetingId) throw new Error(accepted.ok ? "no meeting" : accepted.reason);
  const meetingId = accepted.value.meetingId;
  const held = await markOutcome(db, { participantId: buyer.id, meetingId, outcome: "held", now: DURING });
  if (!held.ok) throw new Error(held.reason);
  if (feedback) await saveFeedback(db, buyer.id, { intent: "feedback", meetingId, interest: "high", nextStep: feedback.nextStep, note: feedback.note ?? "" });
  return meetingId;
}

/** A valid deal: 20 lembar batik tulis at Rp 1.250.000, agreed on site; override any field. */
export function dealInput(sellerIds: string[], overrides: Partial<RecordDealInput> = {}): RecordDealInput {
  return {
    sellerIds, buyerId: null, walkInBuyer: { name: "Toko Batik Sekar Jagad", city: "Kota Surabaya", province: "Jawa Timur" },
    lines: [{ product: "Batik tulis sogan", quantity: "20", unit: "lembar", unitPrice: "1.250.000" }],
    type: "on_site_sale", status: "agreed", ...overrides,
  };
}

/** The deal form's fields as the browser posts them; override or add any. */
export function dealForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "record", buyerMode: "walk_in", "walkInBuyer.name": "Toko Batik Sekar Jagad", "walkInBuyer.city": "Kota Surabaya",
    "walkInBuyer.province": "Jawa Timur", "lines[0].product": "Batik tulis sogan", "lines[0].quantity": "2,5", "lines[0].unit": "lembar",
    "lines[0].unitPrice": "1.250.000", type: "on_site_sale", status: "agreed", ...overrides,
  };
}

/** A multipart POST (a form with a file), as a browser sends the deal form with its document. */
export function postMultipart(path: string, fields: Record<string, string>, files: Record<string, { bytes: Uint8Array | Buffer; name: string; type: string }>, cookie?: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files)) form.append(k, new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
  return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: cookie ? { cookie } : {} });
}

/** A tiny valid PDF. */
export const PDF_BYTES = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

export const DEAL_TABLES = ["deal", "dealLine", "dealSeller", "dealStatusChange", "upload"] as const;

/** A session cookie for an account made without one (sellers made by makeSeller). */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
  const response = await createUserSession(db, { request: new Request(BASE), userId, locale: "id", redirectTo: "/" });
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}
