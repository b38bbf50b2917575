import ICAL from "ical.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/agenda/agenda.server";
import { loader as publicEventLoader } from "~/routes/e.$slug._index";
import { loader as agendaIcsLoader } from "~/routes/e.$slug.agenda[.ics]";
import { loader as sessionIcsLoader } from "~/routes/e.$slug.sessions.$sessionId.calendar[.ics]";
import { action as newEventAction } from "~/routes/o.$orgSlug.events.new";
import { action as eventAction } from "~/routes/o.$orgSlug.events.$eventId._index";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import {
  countRows, eventForm, fieldErrors, makeEvent, makeOrgWithStaff, makeRoom, readToast, sessionInput, type TestUser,
} from "../../helpers/factories";

const t = useTestDatabase();
let org: { id: string; slug: string };
let owner: TestUser;

beforeAll(async () => {
  ({ org, staff: { owner } } = await makeOrgWithStaff(t.db, "Kadin Surakarta"));
});
afterEach(() => ICAL.TimezoneService.reset());

const createEventRoute = (fields: Record<string, string>) =>
  callRoute(newEventAction, post(`/o/${org.slug}/events/new`, fields, owner.cookie), { orgSlug: org.slug });
const eventRoute = (eventId: string, fields: Record<string, string>) =>
  callRoute(eventAction, post(`/o/${org.slug}/events/${eventId}`, fields, owner.cookie), { orgSlug: org.slug, eventId });
const eventRow = (id: string) => t.db.selectFrom("event").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("creating events", () => {
  it("creates a draft with the slug taken from the name and the optional fields defaulted", async () => {
    const res = await createEventRoute({ name: "Temu Bisnis Batik & Tenun Kediri 2026", kind: "temu_bisnis", timeZone: "Asia/Makassar", firstDay: "2026-11-20", lastDay: "2026-11-21" });
    expect(res.status).toBe(302);
    const row = await t.db.selectFrom("event").selectAll().where("slug", "=", "temu-bisnis-batik-dan-tenun-kediri-2026").executeTakeFirstOrThrow();
    expect(res.response!.headers.get("location")).toBe(`/o/${org.slug}/events/${row.id}`);
    expect(row).toMatchObject({
      organizationId: org.id, status: "draft", publishedAt: null, description: "", venueName: "", address: "", city: "",
      timeZone: "Asia/Makassar", firstDay: "2026-11-20", lastDay: "2026-11-21", kind: "temu_bisnis",
    });
    const audit = await t.db.selectFrom("auditLog").select(["action", "actorUserId"]).where("eventId", "=", row.id).execute();
    expect(audit).toEqual([{ action: "event.created", actorUserId: owner.id }]);
  });

  it("uses a typed slug, lower-cased, instead of the name", async () => {
    const res = await createEventRoute(eventForm({ name: "Pameran UMKM Solo Raya", slug: "Solo-Raya-2026" }));
    expect(res.status).toBe(302);
    expect((await t.db.selectFrom("event").select("name").where("slug", "=", "solo-raya-2026").executeTakeFirst())?.name).toBe("Pameran UMKM Solo Raya");
  });

  it("answers a slug that is taken with slug_taken on the slug field (409) and writes nothing", async () => {
    await makeEvent(t.db, org.id, { name: "Pekan Kerajinan Jawa Tengah", slug: "pekan-kerajinan" });
    const before = await countRows(t.db);
    const res = await createEventRoute(eventForm({ name: "Pekan Kerajinan Lain", slug: "pekan-kerajinan" }));
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body)).toEqual({ slug: ["events.slug_taken"] });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("gives an event whose name has no Latin letters a usable public slug", async () => {
    // Javanese script slugifies to "": the event must still get a valid, unique address.
    const first = await createEventRoute(eventForm({ name: "ꦥꦺꦩꦼꦫꦤ꧀ ꦧꦛꦶꦏ꧀" }));
    const second = await createEventRoute(eventForm({ name: "ꦥꦱꦂ ꦏꦭꦶꦁ" }));
    expect([first.status, second.status]).toEqual([302, 302]);
    const slugs = await t.db.selectFrom("event").select("slug").where("name", "in", ["ꦥꦺꦩꦼꦫꦤ꧀ ꦧꦛꦶꦏ꧀", "ꦥꦱꦂ ꦏꦭꦶꦁ"]).execute();
    expect(slugs).toHaveLength(2);
    for (const { slug } of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each([
    ["a time zone that is not Indonesian", { timeZone: "Asia/Singapore" }, "timeZone", "validation.time_zone"],
    ["a last day before the first day", { firstDay: "2026-11-20", lastDay: "2026-11-19" }, "lastDay", "validation.last_before_first"],
    ["a name longer than 160 characters", { name: "Pameran ".repeat(25) }, "name", "validation.too_long_160"],
    ["a name shorter than 3 characters", { name: "PB" }, "name", "validation.too_short_3"],
    ["a first day that does not exist", { firstDay: "2026-02-30" }, "firstDay", "validation.date"],
    ["a last day in another format", { lastDay: "22/11/2026" }, "lastDay", "validation.date"],
    ["year zero, which PostgreSQL cannot store", { firstDay: "0000-01-01", lastDay: "0000-01-02" }, "firstDay", "validation.date"],
    ["61 days", { firstDay: "2026-11-01", lastDay: "2026-12-31" }, "lastDay", "validation.too_many_days"],
    ["an unknown kind", { kind: "konser" }, "kind", "validation.choose"],
    ["a reserved slug", { slug: "login" }, "slug", "validation.slug"],
  ])("refuses %s with 400 and the right key on the right field, writing nothing", async (_rule, overrides, field, key) => {
    const before = await countRows(t.db);
    const res = await createEventRoute(eventForm({ slug: "acara-yang-tidak-jadi", ...overrides }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[field]).toEqual([key]);
    expect(await countRows(t.db)).toEqual(before);
  });

  it("accepts exactly 60 days", async () => {
    const res = await createEventRoute(eventForm({ name: "Pameran Dua Bulan", slug: "pameran-dua-bulan", firstDay: "2026-11-01", lastDay: "2026-12-30" }));
    expect(res.status).toBe(302);
  });
});

describe("editing events", () => {
  it("saves new details and keeps the slug when the slug field is left empty", async () => {
    const event = await makeEvent(t.db, org.id, { name: "Expo Mebel Jepara", slug: "expo-mebel-jepara" });
    const res = await eventRoute(event.id, eventForm({ intent: "save", name: "Expo Mebel Jepara 2026", city: "Jepara" }));
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toEqual({ type: "success", key: "events.updated" });
    expect(await eventRow(event.id)).toMatchObject({ name: "Expo Mebel Jepara 2026", city: "Jepara", slug: "expo-mebel-jepara" });
  });

  it("refuses new days that would leave sessions outside them, with the count, and writes nothing", async () => {
    const event = await makeEvent(t.db, org.id, { name: "Festival Tenun Ikat", slug: "festival-tenun-ikat" });
    const room = await makeRoom(t.db, event.id, "Pendopo Utama");
    await createSession(t.db, event, sessionInput({ day: "2026-11-21", roomId: room }));
    await createSession(t.db, event, sessionInput({ day: "2026-11-22", title: "Penutupan" }));
    await createSession(t.db, event, sessionInput({ day: "2026-11-22", title: "Lelang Kain", startTime: "20:00", endTime: "23:59" }));
    await createSession(t.db, event, sessionInput({ day: "2026-11-20", title: "Tetap Aman" }));
    const before = await eventRow(event.id);

    const res = await eventRoute(event.id, eventForm({ intent: "save", name: "Festival Tenun Ikat Singkat", firstDay: "2026-11-20", lastDay: "2026-11-20" }));
    expect(res.status).toBe(409);
    expect((res.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["events.sessions_outside_days|3"]);
    expect(await eventRow(event.id)).toEqual(before);
  });

  it("counts a session as outside when the event moves to a later zone and cuts into it", async () => {
    const event = await makeEvent(t.db, org.id, { name: "Pasar Malam Kriya", slug: "pasar-malam-kriya", firstDay: "2026-11-20", lastDay: "2026-11-20" });
    await createSession(t.db, event, sessionInput({ title: "Malam Puncak", startTime: "23:00", endTime: "23:45" }));
    // 23:00 WIB is 01:00 WIT the next day, outside a one-day event in Asia/Jayapura.
    const res = await eventRoute(event.id, eventForm({ intent: "save", name: "Pasar Malam Kriya", timeZone: "Asia/Jayapura", firstDay: "2026-11-20", lastDay: "2026-11-20" }));
    expect(res.status).toBe(409);
    expect((await eventRow(event.id)).timeZone).toBe("Asia/Jakarta");
  });

  it("answers a slug already used by another event with slug_taken (409) and keeps the old one", async () => {
    await makeEvent(t.db, org.id, { name: "Gelar Batik Pekalongan", slug: "gelar-batik" });
    const event = await makeEvent(t.db, org.id, { name: "Gelar Lurik Klaten", slug: "gelar-lurik" });
    const res = await eventRoute(event.id, eventForm({ intent: "save", name: "Gelar Lurik Klaten", slug: "gelar-batik" }));
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body)).toEqual({ slug: ["events.slug_taken"] });
    expect((await eventRow(event.id)).slug).toBe("gelar-lurik");
  });

  it("publishes and unpublishes, stamping publishedAt and auditing both", async () => {
    const event = await makeEvent(t.db, org.id, { name: "Inacraft Mini", slug: "inacraft-mini" });
    const pub = await eventRoute(event.id, { intent: "publish" });
    expect(pub.status).toBe(302);
    expect(await readToast(pub.response)).toEqual({ type: "success", key: "events.published" });
    const published = await eventRow(event.id);
    expect(published.status).toBe("published");
    expect(published.publishedAt).toBeInstanceOf(Date);

    const unpub = await eventRoute(event.id, { intent: "unpublish" });
    expect(unpub.status).toBe(302);
    expect((await eventRow(event.id)).status).toBe("draft");
    const actions = await t.db.selectFrom("auditLog").select("action").where("eventId", "=", event.id).orderBy("id").execute();
    expect(actions.map((a) => a.action)).toEqual(["event.published", "event.unpublished"]);
  });
});

describe("public pages and calendar feeds", () => {
  let event: Awaited<ReturnType<typeof makeEvent>>;
  let sessionIds: string[];
  beforeAll(async () => {
    event = await makeEvent(t.db, org.id, { name: "Pameran Batik Laweyan", slug: "pameran-batik-laweyan" });
    const room = await makeRoom(t.db, event.id, "Ruang Sekar, Lantai 2");
    sessionIds = [];
    for (const input of [
      sessionInput({ title: "Pembukaan; Sambutan Wali Kota", roomId: room, startTime: "09:00", endTime: "10:00", speakers: "Ibu Sari" }),
      sessionInput({ title: "Kelas Membatik", type: "training", day: "2026-11-21", startTime: "13:30", endTime: "15:00" }),
      sessionInput({ title: "Jam Pameran", type: "exhibition_hours", day: "2026-11-22", startTime: "10:00", endTime: "21:00" }),
    ]) {
      const created = await createSession(t.db, event, input);
      if (!created.ok) throw new Error(created.reason);
      sessionIds.push(created.value.id);
    }
  });

  const publicPage = (slug: string) => callRoute(publicEventLoader, get(`/e/${slug}`), { slug });
  const agendaIcs = (slug: string) => callRoute(agendaIcsLoader, get(`/e/${slug}/agenda.ics`), { slug });
  const sessionIcs = (slug: string, sessionId: string) =>
    callRoute(sessionIcsLoader, get(`/e/${slug}/sessions/${sessionId}/calendar.ics`), { slug, sessionId });

  function parseIcs(text: string) {
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const vtz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtz);
    return { cal, vevents: cal.getAllSubcomponents("vevent") };
  }

  it("answers 404 for a draft event, on the page and on both calendar feeds", async () => {
    expect((await publicPage(event.slug)).status).toBe(404);
    expect((await agendaIcs(event.slug)).status).toBe(404);
    expect((await sessionIcs(event.slug, sessionIds[0]!)).status).toBe(404);
  });

  it("answers 404 for an unknown slug", async () => {
    expect((await publicPage("tidak-ada-acara-ini")).status).toBe(404);
    expect((await agendaIcs("tidak-ada-acara-ini")).status).toBe(404);
  });

  it("shows a published event with its organizer and the whole agenda", async () => {
    await t.db.updateTable("event").set({ status: "published", publishedAt: new Date() }).where("id", "=", event.id).execute();
    const res = await publicPage(event.slug);
    expect(res.status).toBe(200);
    const body = res.body as { event: { name: string; organizerName: string; zone: string }; sessions: { title: string }[]; days: unknown[] };
    expect(body.event).toMatchObject({ name: "Pameran Batik Laweyan", organizerName: "Kadin Surakarta", zone: "WIB" });
    expect(body.sessions.map((s) => s.title)).toEqual(["Pembukaan; Sambutan Wali Kota", "Kelas Membatik", "Jam Pameran"]);
    expect(body.days).toHaveLength(3);
  });

  it("serves the agenda as text/calendar that ical.js parses: every session, TZID=Asia/Jakarta, DTSTAMP in UTC", async () => {
    const res = await agendaIcs(event.slug);
    expect(res.status).toBe(200);
    expect(res.response!.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.response!.text();
    const { cal, vevents } = parseIcs(text);
    expect(cal.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(vevents).toHaveLength(3);
    expect(cal.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Asia/Jakarta"]);
    for (const vevent of vevents) {
      expect(vevent.getFirstProperty("dtstart")!.getParameter("tzid")).toBe("Asia/Jakarta");
      expect((vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).zone).toBe(ICAL.Timezone.utcTimezone);
    }
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    const first = new ICAL.Event(vevents.find((v) => v.getFirstPropertyValue("uid") === `session-${sessionIds[0]}@pendopo`)!);
    expect(first.summary).toBe("Pembukaan; Sambutan Wali Kota");
    expect(first.location).toBe("Ruang Sekar, Lantai 2, Benteng Vastenburg, Jl. Mayor Sunaryo, Surakarta");
    expect(first.startDate.toString()).toBe("2026-11-20T09:00:00");
    expect(first.startDate.toJSDate().toISOString()).toBe("2026-11-20T02:00:00.000Z");
  });

  it("serves one session as its own calendar file", async () => {
    const res = await sessionIcs(event.slug, sessionIds[1]!);
    expect(res.status).toBe(200);
    expect(res.response!.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const { vevents } = parseIcs(await res.response!.text());
    expect(vevents).toHaveLength(1);
    const only = new ICAL.Event(vevents[0]!);
    expect(only.summary).toBe("Kelas Membatik");
    expect(only.endDate.toJSDate().toISOString()).toBe("2026-11-21T08:00:00.000Z");
  });

  it("answers 404 for another event's session id and for a malformed one", async () => {
    const other = await makeEvent(t.db, org.id, { name: "Pameran Lain", slug: "pameran-lain" });
    await t.db.updateTable("event").set({ status: "published" }).where("id", "=", other.id).execute();
    const foreign = await createSession(t.db, other, sessionInput({ title: "Bukan Milik Laweyan" }));
    if (!foreign.ok) throw new Error(foreign.reason);
    expect((await sessionIcs(event.slug, foreign.value.id)).status).toBe(404);
    expect((await sessionIcs(event.slug, "bukan-uuid")).status).toBe(404);
    expect((await sessionIcs(other.slug, foreign.value.id)).status).toBe(200);
  });
});
