import { beforeAll, describe, expect, it } from "vitest";
import { lockDrafts, meetingStatusCounts, publishMeetings, runBatch } from "~/meetings/batch.server";
import { listPersonalAgenda, saveUnavailable } from "~/meetings/agenda.server";
import { respondToRequest, sendRequest } from "~/meetings/requests.server";
import { listSlots } from "~/meetings/settings.server";
import { useTestDatabase } from "../../helpers/db";
import { makeOrgWithStaff } from "../../helpers/factories";
import { makeBuyer, makeMatchEvent, makeSeller } from "../../helpers/meetings-factories";
import { sql } from "kysely";

const t = useTestDatabase();
const NOW = new Date("2026-11-01T03:00:00Z");
const APP = "http://localhost:3000";
let orgId: string;

beforeAll(async () => {
  orgId = (await makeOrgWithStaff(t.db, "Dekranasda Kota Kediri")).org.id;
});

/** `buyers` × `sellers` accepted requests in a batch-mode event with 3 slots and `tables` tables. */
async function acceptedGrid(buyers: number, sellers: number, tables: number) {
  const event = await makeMatchEvent(t.db, orgId, { settings: { mode: "batch", tableCount: tables, openRequestLimit: 50 } });
  const ss = await Promise.all(Array.from({ length: sellers }, (_, i) => makeSeller(t.db, event.id, { name: `Penjual ${i}` })));
  const bs = await Promise.all(Array.from({ length: buyers }, (_, i) => makeBuyer(t.db, event.id, `Pembeli ${i}`)));
  for (const { participant } of bs) {
    for (const s of ss) {
      const sent = await sendRequest(t.db, { from: participant, toId: s.id, message: "", now: NOW });
      if (!sent.ok) throw new Error(sent.reason);
      const accepted = await respondToRequest(t.db, { me: s, action: { intent: "accept", requestId: sent.value.id, reason: "" }, now: NOW, appUrl: APP });
      expect(accepted).toMatchObject({ ok: true, value: { meetingId: null, unscheduled: null } });
    }
  }
  return { event, sellers: ss, buyers: bs.map((b) => b.participant) };
}

describe("batch scheduling", () => {
  it("schedules every accepted request up to the bound, reports the rest with a reason, and hides drafts from agendas", async () => {
    const { event, buyers } = await acceptedGrid(2, 4, 2);
    const report = await runBatch(t.db, event.id);
    // 2 buyers × 4 sellers = 8 requests, but each buyer has only 3 slots: at most 6.
    expect(report).toMatchObject({ requests: 8, scheduled: 6, upperBound: 6, pinned: 0 });
    expect(report.unscheduled.map((u) => u.reason)).toEqual(["capacity", "capacity"]);
    expect(report.unscheduled[0]!.names).toMatch(/^Pembeli \d – Penjual \d$/);
    expect(await meetingStatusCounts(t.db, event.id)).toEqual({ scheduled: 6 });
    expect(await listPersonalAgenda(t.db, buyers[0]!.id)).toEqual([]);
  });

  it("keeps published meetings in place in a later run and only places what is new", async () => {
    const { event, buyers } = await acceptedGrid(1, 2, 1);
    await runBatch(t.db, event.id);
    expect(await lockDrafts(t.db, event.id)).toBe(2);
    expect(await publishMeetings(t.db, event.id, APP)).toBe(2);
    const before = await t.db.selectFrom("meeting").select(["requestId", "slotId", "tableNo"]).where("eventId", "=", event.id).orderBy("requestId").execute();
    const emails = await t.db.selectFrom("outbox").select(sql<string>`payload->>'template'`.as("template")).where("kind", "=", "email").execute();
    expect(emails.filter((e) => e.template === "meeting-invite").length).toBeGreaterThanOrEqual(4);
    // A new seller and an accepted request arrive after publishing; the third slot is the only free one.
    const late = await makeSeller(t.db, event.id, { name: "Penjual baru" });
    const sent = await sendRequest(t.db, { from: buyers[0]!, toId: late.id, message: "", now: NOW });
    await respondToRequest(t.db, { me: late, action: { intent: "accept", requestId: sent.ok ? sent.value.id : "", reason: "" }, now: NOW, appUrl: APP });
    const report = await runBatch(t.db, event.id);
    expect(report).toMatchObject({ scheduled: 3, pinned: 2 });
    const after = await t.db.selectFrom("meeting").select(["requestId", "slotId", "tableNo"]).where("eventId", "=", event.id).where("status", "=", "published").orderBy("requestId").execute();
    expect(after).toEqual(before);
    expect(await listPersonalAgenda(t.db, buyers[0]!.id)).toHaveLength(2);
  });

  it("respects unavailability, stays within the bound and numbers tables within the table count", async () => {
    const { event, buyers } = await acceptedGrid(3, 3, 2);
    const slots = await listSlots(t.db, event.id);
    await saveUnavailable(t.db, buyers[0]!, [slots[0]!.id]);
    const report = await runBatch(t.db, event.id);
    const meetings = await t.db.selectFrom("meeting as m").innerJoin("meetingRequest as r", "r.id", "m.requestId")
      .select(["m.requestId", "m.slotId", "m.tableNo", "r.fromId"]).where("m.eventId", "=", event.id).execute();
    expect(meetings.filter((m) => m.fromId === buyers[0]!.id && m.slotId === slots[0]!.id)).toEqual([]);
    expect(report.scheduled).toBe(meetings.length);
    expect(report.scheduled).toBeLessThanOrEqual(report.upperBound);
    expect(meetings.every((m) => m.tableNo !== null && m.tableNo <= 2)).toBe(true);
  });
});
