import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { REMINDER_JOB, REMINDER_LEAD_MS } from "~/meetings/reminders.server";
import { respondToRequest, sendRequest } from "~/meetings/requests.server";
import { drainOutbox } from "~/utils/outbox.server";
import { useTestDatabase } from "../../helpers/db";
import { makeOrgWithStaff } from "../../helpers/factories";
import { makeBuyer, makeMatchEvent, makeSeller } from "../../helpers/meetings-factories";
import { startSmtpSink } from "../../helpers/smtp";

const t = useTestDatabase();
const APP = "http://localhost:3000";
// A fair in the future of the real clock, so the invites (due at the database's now) go out first and the
// reminder waits for its own time.
const FAIR = { firstDay: "2027-03-08", lastDay: "2027-03-09" };
const BOOKED_AT = new Date("2027-03-01T03:00:00Z");
const MEETING_START = new Date("2027-03-08T02:00:00Z"); // 09.00 WIB, the first slot
const GRAPH = "https://graph.facebook.com/v21.0/1234567890/messages";
const waRequests: Array<{ to: string; template: { name: string; components: Array<{ parameters: Array<{ text: string }> }> } }> = [];
const mock = setupServer(http.post(GRAPH, async ({ request }) => {
  waRequests.push(await request.json() as (typeof waRequests)[number]);
  return HttpResponse.json({ messaging_product: "whatsapp", messages: [{ id: "wamid.REMINDER" }] });
}));
let orgId: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: "error" });
  smtp = await startSmtpSink();
  orgId = (await makeOrgWithStaff(t.db, "Kadin Pengingat")).org.id;
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.WHATSAPP_TOKEN;
  delete process.env.WHATSAPP_PHONE_NUMBER_ID;
  waRequests.length = 0;
});
afterAll(async () => {
  mock.close();
  await smtp.close();
});

/** A buyer (WhatsApp opt-in) and a seller with a live-booked meeting at 09.00 WIB on the first day. */
async function bookedMeeting(name: string) {
  const event = await makeMatchEvent(t.db, orgId, { event: FAIR });
  const seller = await makeSeller(t.db, event.id, { name: `Tenun ${name}`, locale: "en" });
  const { participant: buyer } = await makeBuyer(t.db, event.id, `Hotel ${name}`, { whatsapp: "0812-3456-7890", whatsappOptIn: true });
  const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: BOOKED_AT });
  if (!sent.ok) throw new Error(sent.reason);
  const accepted = await respondToRequest(t.db, { me: seller, action: { intent: "accept", requestId: sent.value.id, reason: "" }, now: BOOKED_AT, appUrl: APP });
  expect(accepted.ok).toBe(true);
  return { event, seller, buyer, requestId: sent.value.id };
}

const reminders = (to: string) => smtp.to(to).filter((m) => /Pengingat|Reminder/.test(m.subject ?? ""));

describe("meeting reminders", () => {
  it("schedules a reminder an hour before the meeting and sends it then: email to both in their language, WhatsApp to the opted-in buyer", async () => {
    const { buyer, seller } = await bookedMeeting("Satu");
    const job = await t.db.selectFrom("outbox").select(["runAfter", "payload"]).where("kind", "=", REMINDER_JOB).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(job.runAfter.toISOString()).toBe(new Date(MEETING_START.getTime() - REMINDER_LEAD_MS).toISOString());

    process.env.SMTP_URL = smtp.url;
    process.env.WHATSAPP_TOKEN = "test-wa-token";
    process.env.WHATSAPP_PHONE_NUMBER_ID = "1234567890";
    await drainOutbox(t.db); // now: the invites only
    expect(smtp.to(buyer.email).length).toBe(1);
    expect(reminders(buyer.email)).toEqual([]);

    await drainOutbox(t.db, new Date(MEETING_START.getTime() - 55 * 60_000));
    const [toBuyer] = reminders(buyer.email);
    const [toSeller] = reminders(seller.email);
    expect(toBuyer!.subject).toContain("Pengingat: temu bisnis dengan Tenun Satu");
    expect(toSeller!.subject).toContain("Reminder: meeting with Hotel Satu");
    expect(toBuyer!.attachments.some((a) => a.contentType.startsWith("text/calendar"))).toBe(false);
    expect(waRequests).toHaveLength(1);
    expect(waRequests[0]!.to).toBe("6281234567890");
    expect(waRequests[0]!.template.name).toBe("meeting_reminder");
    expect(waRequests[0]!.template.components[0]!.parameters.map((p) => p.text)).toEqual(["Hotel Satu", "Tenun Satu", "09.00–09.20 WIB", "Meja 1"]);
  });

  it("sends nothing for a meeting cancelled before its reminder", async () => {
    const { buyer, seller, requestId } = await bookedMeeting("Dua");
    await respondToRequest(t.db, { me: buyer, action: { intent: "cancel", requestId, reason: "" }, now: BOOKED_AT, appUrl: APP });
    process.env.SMTP_URL = smtp.url;
    await drainOutbox(t.db);
    await drainOutbox(t.db, new Date(MEETING_START.getTime() - 30 * 60_000));
    expect(reminders(buyer.email)).toEqual([]);
    expect(reminders(seller.email)).toEqual([]);
  });
});
