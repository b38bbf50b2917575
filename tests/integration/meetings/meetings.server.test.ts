import ICAL from "ical.js";
import { sql } from "kysely";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dbErrorInfo } from "../../../db/index";
import { personalFeedIcs, listPersonalAgenda, saveUnavailable } from "~/meetings/agenda.server";
import { listDirectory, listRecommendations } from "~/meetings/directory.server";
import { respondToRequest, sendRequest } from "~/meetings/requests.server";
import { listOwnFeedback, markOutcome, saveFeedback } from "~/meetings/outcome.server";
import { matchmakingStats } from "~/meetings/stats.server";
import { addBlock, deleteBlock, listSlots, saveSettings } from "~/meetings/settings.server";
import { drainOutbox } from "~/utils/outbox.server";
import { useTestDatabase } from "../../helpers/db";
import { makeOrgWithStaff } from "../../helpers/factories";
import { makeBuyer, makeMatchEvent, makeSeller, settingsInput } from "../../helpers/meetings-factories";
import { makeCertification } from "../../helpers/curation-factories";
import { startSmtpSink } from "../../helpers/smtp";

const t = useTestDatabase();
const APP = "http://localhost:3000";
// Before the fair (20 Nov 2026 09.00 WIB), so every slot is in the future.
const NOW = new Date("2026-11-01T03:00:00Z");
let orgId: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

const accept = (me: Parameters<typeof respondToRequest>[1]["me"], requestId: string) =>
  respondToRequest(t.db, { me, action: { intent: "accept", requestId, reason: "" }, now: NOW, appUrl: APP });

beforeAll(async () => {
  smtp = await startSmtpSink();
  orgId = (await makeOrgWithStaff(t.db, "Dinkop UMKM Surakarta")).org.id;
});
afterEach(() => {
  delete process.env.SMTP_URL;
});
afterAll(async () => {
  await smtp.close();
});

describe("meeting grid", () => {
  it("makes slots from a block in the event zone, skipping breaks", async () => {
    const event = await makeMatchEvent(t.db, orgId, { event: { timeZone: "Asia/Makassar" }, block: { startTime: "09:00", endTime: "11:00", slotMinutes: 30, breaks: "10.00-10.30" } });
    const slots = await listSlots(t.db, event.id);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-11-20T01:00:00.000Z", "2026-11-20T01:30:00.000Z", "2026-11-20T02:30:00.000Z"]);
  });

  it("refuses a block whose slots overlap existing ones and changes nothing", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const res = await addBlock(t.db, event, { intent: "add-block", day: event.firstDay, startTime: "09:50", endTime: "10:30", slotMinutes: 20, breaks: "" });
    expect(res).toEqual({ ok: false, reason: "grid_overlap" });
    expect(await listSlots(t.db, event.id)).toHaveLength(3);
  });

  it("refuses a day outside the event and an end before the start", async () => {
    const event = await makeMatchEvent(t.db, orgId, { block: null });
    const base = { intent: "add-block" as const, startTime: "09:00", endTime: "10:00", slotMinutes: 20, breaks: "" };
    expect(await addBlock(t.db, event, { ...base, day: "2026-12-01" })).toEqual({ ok: false, reason: "outside_event" });
    expect(await addBlock(t.db, event, { ...base, day: event.firstDay, endTime: "08:00" })).toEqual({ ok: false, reason: "end_before_start" });
    expect(await listSlots(t.db, event.id)).toHaveLength(0);
  });

  it("has an exclusion constraint that refuses overlapping slots even past the application check", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const [slot] = await listSlots(t.db, event.id);
    const block = await t.db.selectFrom("meetingBlock").select("id").where("eventId", "=", event.id).executeTakeFirstOrThrow();
    const error = await t.db.insertInto("meetingSlot").values({
      eventId: event.id, blockId: block.id, day: event.firstDay, startsAt: new Date(slot!.startsAt.getTime() + 600_000), endsAt: new Date(slot!.endsAt.getTime() + 600_000),
    }).execute().catch((e: unknown) => e);
    expect(dbErrorInfo(error)).toMatchObject({ code: "23P01", constraint: "meeting_slot_no_overlap_excl" });
  });
});

describe("directory and recommendations", () => {
  it("recommends the tenun ikat producer first, with the reason, and filters the directory", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const tenun = await makeSeller(t.db, event.id, { name: "Tenun Ikat Bandar Kidul", sector: "tenun_ikat", city: "Kediri", province: "Jawa Timur", capacityQuantity: 300, capacityUnit: "lembar", products: ["Selendang tenun ikat"] });
    await makeSeller(t.db, event.id, { name: "Batik Laweyan", sector: "batik_tulis", capacityQuantity: 50, capacityUnit: "lembar", umkmClass: "kecil" });
    await makeCertification(t.db, (await t.db.selectFrom("application").select("businessId").where("id", "=", tenun.applicationId!).executeTakeFirstOrThrow()).businessId, "halal");
    const { participant: buyer } = await makeBuyer(t.db, event.id, "Hotel Solo Indah");
    const recs = await listRecommendations(t.db, event.id, buyer);
    expect(recs.map((r) => r.name)).toEqual(["Tenun Ikat Bandar Kidul"]);
    expect(recs[0]!.fit.reasons).toEqual([
      { kind: "sector", sector: "tenun_ikat" }, { kind: "product", term: "selendang" }, { kind: "capacity", quantity: 300, unit: "lembar", enough: true },
    ]);
    const scope = { kinds: ["seller" as const], excludeId: buyer.id };
    expect((await listDirectory(t.db, event.id, scope, { sector: "batik_tulis" })).rows.map((r) => r.name)).toEqual(["Batik Laweyan"]);
    expect((await listDirectory(t.db, event.id, scope, { certification: "halal" })).rows.map((r) => r.name)).toEqual(["Tenun Ikat Bandar Kidul"]);
    expect((await listDirectory(t.db, event.id, scope, { minCapacity: 100 })).total).toBe(1);
    expect((await listDirectory(t.db, event.id, scope, { q: "selendang" })).rows.map((r) => r.name)).toEqual(["Tenun Ikat Bandar Kidul"]);
    expect((await listDirectory(t.db, event.id, scope, { umkmClass: "kecil" })).rows.map((r) => r.name)).toEqual(["Batik Laweyan"]);
  });
});

describe("requests", () => {
  it("refuses requests to oneself, to people of another event, after the deadline and twice to the same person", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const other = await makeMatchEvent(t.db, orgId);
    const seller = await makeSeller(t.db, event.id);
    const stranger = await makeSeller(t.db, other.id);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const send = (toId: string, now = NOW) => sendRequest(t.db, { from: buyer, toId, message: "", now });
    expect(await send(buyer.id)).toEqual({ ok: false, reason: "self" });
    expect(await send(stranger.id)).toEqual({ ok: false, reason: "not_in_event" });
    expect((await send(seller.id)).ok).toBe(true);
    expect(await send(seller.id)).toEqual({ ok: false, reason: "duplicate" });
    await saveSettings(t.db, event, settingsInput({ deadlineDay: "2026-11-10", deadlineTime: "17:00" }));
    const late = await makeSeller(t.db, event.id);
    expect(await send(late.id, new Date("2026-11-10T10:01:00Z"))).toEqual({ ok: false, reason: "after_deadline" });
    const count = await t.db.selectFrom("meetingRequest").select((eb) => eb.fn.countAll<number>().as("n")).where("fromId", "=", buyer.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses buyer-to-buyer requests unless the organizer allows them", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const { participant: a } = await makeBuyer(t.db, event.id, "Buyer A");
    const { participant: b } = await makeBuyer(t.db, event.id, "Buyer B");
    expect(await sendRequest(t.db, { from: a, toId: b.id, message: "", now: NOW })).toEqual({ ok: false, reason: "kind_not_allowed" });
    await saveSettings(t.db, event, settingsInput({ allowBuyerBuyer: true }));
    expect((await sendRequest(t.db, { from: a, toId: b.id, message: "", now: NOW })).ok).toBe(true);
  });

  it("marks a request both sides made as mutual interest", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const seller = await makeSeller(t.db, event.id);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    expect(await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW })).toMatchObject({ ok: true, value: { mutual: false } });
    expect(await sendRequest(t.db, { from: seller, toId: buyer.id, message: "", now: NOW })).toMatchObject({ ok: true, value: { mutual: true } });
  });

  it("lets exactly `limit` of many simultaneous requests through (row lock on the sender)", async () => {
    const event = await makeMatchEvent(t.db, orgId, { settings: { openRequestLimit: 3 } });
    const sellers = await Promise.all(Array.from({ length: 10 }, () => makeSeller(t.db, event.id)));
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const results = await Promise.all(sellers.map((s) => sendRequest(t.db, { from: buyer, toId: s.id, message: "Halo", now: NOW })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(Array(7).fill("limit_reached"));
  });

  it("declines with a reason and refuses a second answer", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const seller = await makeSeller(t.db, event.id);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW });
    const requestId = sent.ok ? sent.value.id : "";
    // Only the recipient answers.
    expect(await accept(buyer, requestId)).toEqual({ ok: false, reason: "not_open" });
    const declined = await respondToRequest(t.db, { me: seller, action: { intent: "decline", requestId, reason: "Kapasitas penuh" }, now: NOW, appUrl: APP });
    expect(declined).toMatchObject({ ok: true, value: { status: "declined" } });
    expect(await accept(seller, requestId)).toEqual({ ok: false, reason: "not_open" });
    const row = await t.db.selectFrom("meetingRequest").select(["status", "reason"]).where("id", "=", requestId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "declined", reason: "Kapasitas penuh" });
  });
});

describe("live booking", () => {
  it("books the earliest common free slot and the lowest free table, skipping unavailable slots", async () => {
    const event = await makeMatchEvent(t.db, orgId, { settings: { tableCount: 2 } });
    const slots = await listSlots(t.db, event.id);
    const [s1, s2] = await Promise.all([makeSeller(t.db, event.id), makeSeller(t.db, event.id)]);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    await saveUnavailable(t.db, s2, [slots[0]!.id]);
    const r1 = await sendRequest(t.db, { from: buyer, toId: s1.id, message: "", now: NOW });
    const r2 = await sendRequest(t.db, { from: buyer, toId: s2.id, message: "", now: NOW });
    const a1 = await accept(s1, r1.ok ? r1.value.id : "");
    const a2 = await accept(s2, r2.ok ? r2.value.id : "");
    expect(a1).toMatchObject({ ok: true, value: { status: "accepted", unscheduled: null } });
    expect(a2).toMatchObject({ ok: true, value: { status: "accepted", unscheduled: null } });
    const agenda = await listPersonalAgenda(t.db, buyer.id);
    expect(agenda.map((m) => [m.startsAt.toISOString(), m.tableNo])).toEqual([["2026-11-20T02:00:00.000Z", 1], ["2026-11-20T02:20:00.000Z", 1]]);
  });

  it("keeps the request accepted but unscheduled when no common slot is left", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const slots = await listSlots(t.db, event.id);
    const seller = await makeSeller(t.db, event.id);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    await saveUnavailable(t.db, buyer, slots.map((s) => s.id));
    const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW });
    expect(await accept(seller, sent.ok ? sent.value.id : "")).toMatchObject({ ok: true, value: { meetingId: null, unscheduled: "no_common_slot" } });
  });

  it("never double-books a person or a table under many simultaneous acceptances", async () => {
    const event = await makeMatchEvent(t.db, orgId, { settings: { tableCount: 2, openRequestLimit: 50 } });
    const sellers = await Promise.all(Array.from({ length: 6 }, () => makeSeller(t.db, event.id)));
    const buyers = await Promise.all(Array.from({ length: 3 }, (_, i) => makeBuyer(t.db, event.id, `Buyer ${i}`)));
    const pending: Array<{ seller: (typeof sellers)[number]; id: string }> = [];
    for (const { participant } of buyers) {
      for (const seller of sellers) {
        const sent = await sendRequest(t.db, { from: participant, toId: seller.id, message: "", now: NOW });
        if (sent.ok) pending.push({ seller, id: sent.value.id });
      }
    }
    // Every acceptance at once, and each one twice (a double tap): one answer per request may win.
    const results = await Promise.all([...pending, ...pending].map((p) => accept(p.seller, p.id)));
    expect(results.filter((r) => r.ok)).toHaveLength(pending.length);
    const meetings = await t.db.selectFrom("meeting").select(["requestId", "slotId", "tableNo"]).where("eventId", "=", event.id).where("status", "<>", "cancelled").execute();
    // 3 slots × 2 tables: at most 6 meetings, and with 3 buyers and 6 sellers all 6 fit.
    expect(meetings).toHaveLength(6);
    expect(new Set(meetings.map((m) => m.requestId)).size).toBe(meetings.length);
    expect(new Set(meetings.map((m) => `${m.slotId}/${m.tableNo}`)).size).toBe(meetings.length);
    const overlaps = await sql<{ n: number }>`
      select count(*)::int as n from meeting_attendance x join meeting_attendance y
        on x.participant_id = y.participant_id and x.meeting_id < y.meeting_id and x.during && y.during
      where x.active and y.active`.execute(t.db);
    expect(overlaps.rows[0]!.n).toBe(0);
  });

  it("has an exclusion constraint so a person cannot attend two overlapping meetings", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const [s1, s2] = await Promise.all([makeSeller(t.db, event.id), makeSeller(t.db, event.id)]);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const r1 = await sendRequest(t.db, { from: buyer, toId: s1.id, message: "", now: NOW });
    await accept(s1, r1.ok ? r1.value.id : "");
    const booked = await t.db.selectFrom("meeting").select(["id", "during"]).where("requestId", "=", r1.ok ? r1.value.id : "").executeTakeFirstOrThrow();
    const r2 = await sendRequest(t.db, { from: buyer, toId: s2.id, message: "", now: NOW });
    const [slot] = await listSlots(t.db, event.id);
    const forged = await t.db.insertInto("meeting").values({ eventId: event.id, requestId: r2.ok ? r2.value.id : "", slotId: slot!.id, during: booked.during, tableNo: 9 })
      .returning("id").executeTakeFirstOrThrow();
    const error = await t.db.insertInto("meetingAttendance").values({ meetingId: forged.id, participantId: buyer.id, during: booked.during }).execute().catch((e: unknown) => e);
    expect(dbErrorInfo(error)).toMatchObject({ code: "23P01", constraint: "meeting_attendance_no_overlap_excl" });
  });

  it("refuses to delete a grid block that holds a meeting", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const seller = await makeSeller(t.db, event.id);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW });
    await accept(seller, sent.ok ? sent.value.id : "");
    const block = await t.db.selectFrom("meetingBlock").select("id").where("eventId", "=", event.id).executeTakeFirstOrThrow();
    expect(await deleteBlock(t.db, event.id, block.id)).toEqual({ ok: false, reason: "has_meetings" });
  });
});

describe("held, no-show and feedback", () => {
  it("lets either side mark a meeting only once it started, and take feedback only when held", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const seller = await makeSeller(t.db, event.id);
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const { participant: outsider } = await makeBuyer(t.db, event.id, "Orang lain");
    const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW });
    const accepted = await accept(seller, sent.ok ? sent.value.id : "");
    const meetingId = accepted.ok ? accepted.value.meetingId! : "";
    const during = new Date("2026-11-20T02:05:00Z");
    const feedback = { intent: "feedback" as const, meetingId, interest: "high" as const, nextStep: "order" as const, note: "Pesan 100 lembar" };
    expect(await markOutcome(t.db, { participantId: buyer.id, meetingId, outcome: "held", now: NOW })).toEqual({ ok: false, reason: "too_early" });
    expect(await markOutcome(t.db, { participantId: outsider.id, meetingId, outcome: "held", now: during })).toEqual({ ok: false, reason: "not_found" });
    expect(await saveFeedback(t.db, buyer.id, feedback)).toEqual({ ok: false, reason: "not_held" });
    expect(await markOutcome(t.db, { participantId: seller.id, meetingId, outcome: "no_show", now: during })).toEqual({ ok: true, value: null });
    expect(await markOutcome(t.db, { participantId: buyer.id, meetingId, outcome: "held", now: during })).toEqual({ ok: true, value: null });
    expect(await saveFeedback(t.db, buyer.id, feedback)).toEqual({ ok: true, value: null });
    expect(await saveFeedback(t.db, buyer.id, { ...feedback, interest: "medium" })).toEqual({ ok: true, value: null });
    expect(await listOwnFeedback(t.db, buyer.id)).toEqual({ [meetingId]: { meetingId, interest: "medium", nextStep: "order", note: "Pesan 100 lembar" } });
    expect((await listPersonalAgenda(t.db, buyer.id)).map((m) => m.status)).toEqual(["held"]);
  });
});

describe("organizer statistics", () => {
  it("counts requests, accepted, scheduled, held and no-shows in total, per seller sector and per day", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const tenun = await makeSeller(t.db, event.id, { sector: "tenun_ikat" });
    const batik = await makeSeller(t.db, event.id, { sector: "batik_tulis" });
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const toTenun = await sendRequest(t.db, { from: buyer, toId: tenun.id, message: "", now: NOW });
    const fromBatik = await sendRequest(t.db, { from: batik, toId: buyer.id, message: "", now: NOW });
    const booked = await accept(tenun, toTenun.ok ? toTenun.value.id : "");
    await respondToRequest(t.db, { me: buyer, action: { intent: "decline", requestId: fromBatik.ok ? fromBatik.value.id : "", reason: "Belum perlu" }, now: NOW, appUrl: APP });
    await markOutcome(t.db, { participantId: buyer.id, meetingId: booked.ok ? booked.value.meetingId! : "", outcome: "held", now: new Date("2026-11-20T03:00:00Z") });
    const stats = await matchmakingStats(t.db, event.id);
    expect(stats.total).toEqual({ key: "", requests: 2, accepted: 1, scheduled: 1, held: 1, noShow: 0 });
    expect(stats.sectors).toEqual([
      { key: "batik_tulis", requests: 1, accepted: 0, scheduled: 0, held: 0, noShow: 0 },
      { key: "tenun_ikat", requests: 1, accepted: 1, scheduled: 1, held: 1, noShow: 0 },
    ]);
    expect(stats.days).toEqual([{ key: "2026-11-20", requests: 0, accepted: 0, scheduled: 1, held: 1, noShow: 0 }]);
  });
});

describe("calendar invites and feed", () => {
  function parse(text: string) {
    const cal = new ICAL.Component(ICAL.parse(text));
    const vevent = cal.getFirstSubcomponent("vevent")!;
    return { cal, vevent, event: new ICAL.Event(vevent) };
  }

  it("emails both sides a METHOD:REQUEST invite, then METHOD:CANCEL with the same UID and a higher SEQUENCE", async () => {
    const event = await makeMatchEvent(t.db, orgId, { event: { timeZone: "Asia/Makassar" } });
    const seller = await makeSeller(t.db, event.id, { name: "Tenun Ikat Bandar", locale: "en" });
    const { participant: buyer } = await makeBuyer(t.db, event.id, "Hotel Solo Indah");
    const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW });
    const requestId = sent.ok ? sent.value.id : "";
    await accept(seller, requestId);
    process.env.SMTP_URL = smtp.url;
    await drainOutbox(t.db);
    const [toBuyer] = smtp.to(buyer.email);
    const [toSeller] = smtp.to(seller.email);
    expect(toBuyer!.subject).toContain("Undangan temu bisnis dengan Tenun Ikat Bandar");
    expect(toSeller!.subject).toContain("Business meeting with Hotel Solo Indah");
    const ics = (mail: typeof toBuyer) => mail!.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content.toString("utf8");
    const invite = ics(toBuyer);
    expect(invite).toContain("METHOD:REQUEST");
    expect(invite).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    expect(invite).toContain("DTSTART;TZID=Asia/Makassar:20261120T090000");
    expect(invite).toContain("TZNAME:WITA");
    const parsed = parse(invite);
    expect(parsed.event.uid).toMatch(/^meeting-[0-9a-f-]{36}@pendopo$/);
    expect(parsed.event.sequence).toBe(0);
    expect(parsed.event.location).toContain("Meja 1");
    expect(parsed.event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([`mailto:${buyer.email}`, `mailto:${seller.email}`]);

    await respondToRequest(t.db, { me: buyer, action: { intent: "cancel", requestId, reason: "" }, now: NOW, appUrl: APP });
    await drainOutbox(t.db);
    const cancel = ics(smtp.to(buyer.email)[1]);
    expect(cancel).toContain("METHOD:CANCEL");
    expect(cancel).toContain("STATUS:CANCELLED");
    expect(parse(cancel).event.uid).toBe(parsed.event.uid);
    expect(parse(cancel).event.sequence).toBe(1);
    expect(await listPersonalAgenda(t.db, buyer.id)).toEqual([]);
  });

  it("serves a personal feed for a valid token only", async () => {
    const event = await makeMatchEvent(t.db, orgId);
    const seller = await makeSeller(t.db, event.id, { name: "Batik Sekar" });
    const { participant: buyer } = await makeBuyer(t.db, event.id);
    const sent = await sendRequest(t.db, { from: buyer, toId: seller.id, message: "", now: NOW });
    await accept(seller, sent.ok ? sent.value.id : "");
    const feed = await personalFeedIcs(t.db, buyer.feedToken, APP, NOW);
    const { event: vevent } = parse(feed!);
    expect(vevent.summary).toBe("Temu bisnis: Batik Sekar");
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2026-11-20T02:00:00.000Z");
    expect(await personalFeedIcs(t.db, "mf_" + "x".repeat(40), APP, NOW)).toBeNull();
    expect(await personalFeedIcs(t.db, "../etc", APP, NOW)).toBeNull();
    expect(buyer.feedToken).toMatch(/^mf_[A-Za-z0-9_-]{32}$/);
  });
});
