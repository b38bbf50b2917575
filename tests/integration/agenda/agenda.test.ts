import { beforeAll, describe, expect, inject, it } from "vitest";
import { copyAgendaDay, createSession, updateSession } from "~/agenda/agenda.server";
import { action as newSessionAction } from "~/routes/o.$orgSlug.events.$eventId.agenda.new";
import { action as editSessionAction } from "~/routes/o.$orgSlug.events.$eventId.agenda.$sessionId";
import { action as agendaAction } from "~/routes/o.$orgSlug.events.$eventId.agenda._index";
import { instantToLocalParts } from "~/utils/time";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, post } from "../../helpers/http";
import { fieldErrors, makeEvent, makeOrgWithStaff, makeRoom, readToast, sessionForm, sessionInput, type TestUser } from "../../helpers/factories";

const t = useTestDatabase();
const onPostgres = Boolean(inject("pgTemplateUrl"));
let org: { id: string; slug: string };
let owner: TestUser;
let n = 0;

beforeAll(async () => {
  ({ org, staff: { owner } } = await makeOrgWithStaff(t.db, "Dekranasda Jateng"));
});

/** A fresh three-day event (20–22 Nov 2026, WIB) with two rooms, so tests never see each other's sessions. */
async function freshEvent() {
  n += 1;
  const event = await makeEvent(t.db, org.id, { name: `Temu Bisnis ${n}`, slug: `temu-bisnis-agenda-${n}` });
  const roomA = await makeRoom(t.db, event.id, "Ruang Sekar");
  const roomB = await makeRoom(t.db, event.id, "Ruang Melati");
  return { event, roomA, roomB };
}

function sessionsOf(eventId: string) {
  return t.db.selectFrom("agendaSession").select(["id", "title", "roomId", "startsAt", "endsAt"])
    .where("eventId", "=", eventId).orderBy("startsAt").orderBy("title").execute();
}

describe("room overlaps", () => {
  it("refuses a session that overlaps another in the same room, naming the other session", async () => {
    const { event, roomA } = await freshEvent();
    expect((await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomA }))).ok).toBe(true);
    const clash = await createSession(t.db, event, sessionInput({ title: "Talkshow", roomId: roomA, startTime: "09:30", endTime: "10:30" }));
    expect(clash).toEqual({ ok: false, reason: "overlap", detail: "Pembukaan" });
    expect(await sessionsOf(event.id)).toHaveLength(1);
  });

  it("answers an overlapping create over HTTP with 409 and the other title on startTime", async () => {
    const { event, roomA } = await freshEvent();
    await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomA }));
    const res = await callRoute(newSessionAction,
      post(`/o/${org.slug}/events/${event.id}/agenda/new`, sessionForm({ title: "Temu Buyer", roomId: roomA, startTime: "09:59", endTime: "11:00" }), owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).startTime).toEqual(["agenda.overlap|Pembukaan"]);
    expect(await sessionsOf(event.id)).toHaveLength(1);
  });

  it("refuses an update that moves a session onto another in the same room, naming it", async () => {
    const { event, roomA } = await freshEvent();
    await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomA, startTime: "09:00", endTime: "10:00" }));
    const later = await createSession(t.db, event, sessionInput({ title: "Pelatihan Pewarna Alam", type: "training", roomId: roomA, startTime: "10:00", endTime: "11:00" }));
    if (!later.ok) throw new Error(later.reason);
    const moved = await updateSession(t.db, event, later.value.id, sessionInput({ title: "Pelatihan Pewarna Alam", roomId: roomA, startTime: "09:30", endTime: "10:30" }));
    expect(moved).toEqual({ ok: false, reason: "overlap", detail: "Pembukaan" });

    const res = await callRoute(editSessionAction,
      post(`/o/${org.slug}/events/${event.id}/agenda/${later.value.id}`, sessionForm({ title: "Pelatihan Pewarna Alam", roomId: roomA, startTime: "08:30", endTime: "09:30" }), owner.cookie),
      { orgSlug: org.slug, eventId: event.id, sessionId: later.value.id });
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).startTime).toEqual(["agenda.overlap|Pembukaan"]);
    const unchanged = (await sessionsOf(event.id)).find((s) => s.id === later.value.id)!;
    expect(instantToLocalParts(unchanged.startsAt, "Asia/Jakarta")).toEqual({ date: "2026-11-20", time: "10:00" });
  });

  it("lets a session be edited in place without clashing with itself", async () => {
    const { event, roomA } = await freshEvent();
    const created = await createSession(t.db, event, sessionInput({ roomId: roomA }));
    if (!created.ok) throw new Error(created.reason);
    const res = await updateSession(t.db, event, created.value.id, sessionInput({ title: "Pembukaan Resmi", roomId: roomA, startTime: "09:15", endTime: "10:15" }));
    expect(res).toEqual({ ok: true, value: { id: created.value.id } });
  });

  it("accepts back-to-back sessions [09:00, 10:00) and [10:00, 11:00) in one room", async () => {
    const { event, roomA } = await freshEvent();
    expect((await createSession(t.db, event, sessionInput({ title: "Sesi Pagi", roomId: roomA, startTime: "09:00", endTime: "10:00" }))).ok).toBe(true);
    expect((await createSession(t.db, event, sessionInput({ title: "Sesi Siang", roomId: roomA, startTime: "10:00", endTime: "11:00" }))).ok).toBe(true);
    expect((await createSession(t.db, event, sessionInput({ title: "Sesi Subuh", roomId: roomA, startTime: "08:00", endTime: "09:00" }))).ok).toBe(true);
    expect(await sessionsOf(event.id)).toHaveLength(3);
  });

  it("accepts the same time in different rooms", async () => {
    const { event, roomA, roomB } = await freshEvent();
    expect((await createSession(t.db, event, sessionInput({ title: "Kelas Batik", roomId: roomA }))).ok).toBe(true);
    expect((await createSession(t.db, event, sessionInput({ title: "Kelas Tenun", roomId: roomB }))).ok).toBe(true);
  });

  it("never lets sessions without a room conflict, with each other or with roomed sessions", async () => {
    const { event, roomA } = await freshEvent();
    expect((await createSession(t.db, event, sessionInput({ title: "Pameran Dibuka", type: "exhibition_hours", startTime: "09:00", endTime: "17:00" }))).ok).toBe(true);
    expect((await createSession(t.db, event, sessionInput({ title: "Rehat Kopi", type: "other", startTime: "09:00", endTime: "17:00" }))).ok).toBe(true);
    expect((await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomA, startTime: "09:00", endTime: "10:00" }))).ok).toBe(true);
    expect(await sessionsOf(event.id)).toHaveLength(3);
  });

  it("lets exactly one of 20 concurrent creates for the same room and time win; the other 19 get overlap naming it", async () => {
    const { event, roomA } = await freshEvent();
    // Separate transactions (separate connections on PostgreSQL) that stay open a moment after writing, as a
    // caller's larger transaction would: the room lock holds the others until the winner commits, then the friendly
    // check names it. PGlite has one connection and runs them one after another.
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      t.db.transaction().execute(async (trx) => {
        const result = await createSession(trx, event, sessionInput({ title: `Temu Bisnis ${i + 1}`, roomId: roomA }));
        if (onPostgres) await new Promise((resolve) => setTimeout(resolve, 150));
        return result;
      }),
    ));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const rows = await sessionsOf(event.id);
    expect(rows).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers).toHaveLength(19);
    for (const loser of losers) expect(loser).toEqual({ ok: false, reason: "overlap", detail: rows[0]!.title });
  });

  it("lets exactly one of 20 concurrent creates win without explicit transactions too", async () => {
    const { event, roomA } = await freshEvent();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      createSession(t.db, event, sessionInput({ title: `Sesi ${i + 1}`, roomId: roomA, startTime: "13:00", endTime: "14:00" }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const rows = await sessionsOf(event.id);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : [r.reason, r.detail])))
      .toEqual(Array(19).fill(["overlap", rows[0]!.title]));
  });
});

describe("event days and rooms", () => {
  it("refuses a session on a day outside the event with outside_event_days, on the day field over HTTP", async () => {
    const { event, roomA } = await freshEvent();
    expect(await createSession(t.db, event, sessionInput({ day: "2026-11-23", roomId: roomA }))).toEqual({ ok: false, reason: "outside_event_days" });
    expect(await createSession(t.db, event, sessionInput({ day: "2026-11-19" }))).toEqual({ ok: false, reason: "outside_event_days" });
    const res = await callRoute(newSessionAction, post(`/o/${org.slug}/events/${event.id}/agenda/new`, sessionForm({ day: "2026-12-01" }), owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).day).toEqual(["agenda.outside_event_days"]);
    expect(await sessionsOf(event.id)).toHaveLength(0);
  });

  it("refuses a room of another event with room_not_found, on the roomId field over HTTP", async () => {
    const { event } = await freshEvent();
    const other = await freshEvent();
    expect(await createSession(t.db, event, sessionInput({ roomId: other.roomA }))).toEqual({ ok: false, reason: "room_not_found" });
    const res = await callRoute(newSessionAction, post(`/o/${org.slug}/events/${event.id}/agenda/new`, sessionForm({ roomId: other.roomA }), owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body).roomId).toEqual(["agenda.room_not_found"]);
    expect(await sessionsOf(event.id)).toHaveLength(0);
  });

  it("answers an edit of another event's session with 404 and leaves it alone", async () => {
    const { event } = await freshEvent();
    const other = await freshEvent();
    const foreign = await createSession(t.db, other.event, sessionInput({ title: "Milik Acara Lain" }));
    if (!foreign.ok) throw new Error(foreign.reason);
    expect(await updateSession(t.db, event, foreign.value.id, sessionInput({ title: "Dibajak" }))).toEqual({ ok: false, reason: "not_found" });
    const res = await callRoute(editSessionAction, post(`/o/${org.slug}/events/${event.id}/agenda/${foreign.value.id}`, sessionForm({ title: "Dibajak" }), owner.cookie),
      { orgSlug: org.slug, eventId: event.id, sessionId: foreign.value.id });
    expect(res.status).toBe(404);
    expect((await sessionsOf(other.event.id))[0]!.title).toBe("Milik Acara Lain");
  });
});

describe("copy day", () => {
  it("copies every session of a day to another day at the same local times and rooms", async () => {
    const { event, roomA, roomB } = await freshEvent();
    await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomA, startTime: "08:30", endTime: "09:15" }));
    await createSession(t.db, event, sessionInput({ title: "Kelas Tenun", type: "training", roomId: roomB, startTime: "09:00", endTime: "11:00" }));
    await createSession(t.db, event, sessionInput({ title: "Jam Pameran", type: "exhibition_hours", startTime: "10:00", endTime: "21:00" }));
    await createSession(t.db, event, sessionInput({ title: "Hari Kedua Saja", day: "2026-11-21", roomId: roomA, startTime: "15:00", endTime: "16:00" }));

    const res = await copyAgendaDay(t.db, event, "2026-11-20", "2026-11-22");
    expect(res).toEqual({ ok: true, value: { count: 3 } });
    const local = (await sessionsOf(event.id)).map((s) => ({
      title: s.title, roomId: s.roomId,
      start: instantToLocalParts(s.startsAt, "Asia/Jakarta"), end: instantToLocalParts(s.endsAt, "Asia/Jakarta").time,
    }));
    const copied = local.filter((s) => s.start.date === "2026-11-22");
    expect(copied).toEqual([
      { title: "Pembukaan", roomId: roomA, start: { date: "2026-11-22", time: "08:30" }, end: "09:15" },
      { title: "Kelas Tenun", roomId: roomB, start: { date: "2026-11-22", time: "09:00" }, end: "11:00" },
      { title: "Jam Pameran", roomId: null, start: { date: "2026-11-22", time: "10:00" }, end: "21:00" },
    ]);
    expect(local.filter((s) => s.start.date === "2026-11-20")).toHaveLength(3);
  });

  it("copies at the same local times in WIT too (UTC+9, not the server's zone)", async () => {
    n += 1;
    const event = await makeEvent(t.db, org.id, { name: `Festival Papua ${n}`, slug: `festival-papua-${n}`, timeZone: "Asia/Jayapura" });
    await createSession(t.db, event, sessionInput({ title: "Tari Pembuka", startTime: "07:00", endTime: "08:00" }));
    expect(await copyAgendaDay(t.db, event, "2026-11-20", "2026-11-21")).toEqual({ ok: true, value: { count: 1 } });
    const copy = (await sessionsOf(event.id))[1]!;
    expect(copy.startsAt.toISOString()).toBe("2026-11-20T22:00:00.000Z");
  });

  it("writes nothing when one copy would clash on the target day, and names the clash", async () => {
    const { event, roomA, roomB } = await freshEvent();
    await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomB, startTime: "08:00", endTime: "09:00" }));
    await createSession(t.db, event, sessionInput({ title: "Temu Bisnis", type: "business_matching", roomId: roomA, startTime: "10:00", endTime: "12:00" }));
    await createSession(t.db, event, sessionInput({ title: "Jam Pameran", type: "exhibition_hours", startTime: "10:00", endTime: "21:00" }));
    await createSession(t.db, event, sessionInput({ title: "Penandatanganan MoU", type: "mou_signing", day: "2026-11-21", roomId: roomA, startTime: "11:00", endTime: "11:30" }));
    const before = await sessionsOf(event.id);

    const res = await copyAgendaDay(t.db, event, "2026-11-20", "2026-11-21");
    expect(res).toEqual({ ok: false, reason: "overlap", detail: "Penandatanganan MoU" });
    expect(await sessionsOf(event.id)).toEqual(before);
  });

  it("refuses to copy the same day twice into one room (all or nothing over HTTP, error toast)", async () => {
    const { event, roomA } = await freshEvent();
    await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: roomA }));
    const copy = () => callRoute(agendaAction,
      post(`/o/${org.slug}/events/${event.id}/agenda`, { intent: "copy-day", fromDay: "2026-11-20", toDay: "2026-11-21" }, owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    const first = await copy();
    expect(first.status).toBe(302);
    expect(await readToast(first.response)).toEqual({ type: "success", key: "agenda.copied", params: { count: 1 } });
    const second = await copy();
    expect(second.status).toBe(302);
    expect(await readToast(second.response)).toEqual({ type: "error", key: "agenda.overlap", params: { title: "Pembukaan" } });
    expect(await sessionsOf(event.id)).toHaveLength(2);
  });

  it("refuses days outside the event and empty days", async () => {
    const { event } = await freshEvent();
    await createSession(t.db, event, sessionInput());
    expect(await copyAgendaDay(t.db, event, "2026-11-20", "2026-11-25")).toEqual({ ok: false, reason: "outside_event_days" });
    expect(await copyAgendaDay(t.db, event, "2026-11-21", "2026-11-22")).toEqual({ ok: false, reason: "empty_day" });
    expect(await sessionsOf(event.id)).toHaveLength(1);
  });
});
