import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/agenda/agenda.server";
import { action as signupAction } from "~/routes/signup";
import { action as loginAction } from "~/routes/login";
import { action as newOrgAction } from "~/routes/orgs.new";
import { action as newEventAction } from "~/routes/o.$orgSlug.events.new";
import { action as eventAction } from "~/routes/o.$orgSlug.events.$eventId._index";
import { action as venueAction } from "~/routes/o.$orgSlug.events.$eventId.venue";
import { action as newSessionAction } from "~/routes/o.$orgSlug.events.$eventId.agenda.new";
import { action as editSessionAction } from "~/routes/o.$orgSlug.events.$eventId.agenda.$sessionId";
import { action as agendaAction } from "~/routes/o.$orgSlug.events.$eventId.agenda._index";
import { action as membersAction } from "~/routes/o.$orgSlug.members";
import { loader as orgEventsLoader } from "~/routes/o.$orgSlug._index";
import { loader as mailLoader } from "~/routes/o.$orgSlug.mail";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import {
  countRows, makeAccount, PASSWORD, eventForm, fieldErrors, makeEvent, makeOrgWithStaff, makeRoom, readToast, sessionForm, sessionInput, type TestUser,
} from "../../helpers/factories";

const t = useTestDatabase();

const LONG = "x".repeat(10_000);
const SCRIPT = `<script>alert("pendopo")</script>`;
/** Leaves the field out of the form entirely. */
const MISSING = Symbol("missing");
type Fields = Record<string, string | typeof MISSING>;

let owner: TestUser;
let org: { id: string; slug: string };
let event: Awaited<ReturnType<typeof makeEvent>>;
let sessionId: string;
let foreignHallId: string;

type Form = { handler: Parameters<typeof callRoute>[0]; path: () => string; params: () => Record<string, string>; base: () => Record<string, string>; signedIn: boolean };
const FORMS = {
  signup: { handler: signupAction, path: () => "/signup", params: () => ({}), base: () => ({ name: "Sari", email: "sari.baru@batik.id", password: "panjang-sekali-1" }), signedIn: false },
  login: { handler: loginAction, path: () => "/login", params: () => ({}), base: () => ({ email: "siapa@batik.id", password: "apa-saja-123" }), signedIn: false },
  "org create": { handler: newOrgAction, path: () => "/orgs/new", params: () => ({}), base: () => ({ name: "Kadin Klaten", kind: "kadin", city: "Klaten" }), signedIn: true },
  "event new": {
    handler: newEventAction, path: () => `/o/${org.slug}/events/new`, params: () => ({ orgSlug: org.slug }),
    base: () => eventForm({ slug: "acara-baru-aman" }), signedIn: true,
  },
  "event edit": {
    handler: eventAction, path: () => `/o/${org.slug}/events/${event.id}`, params: () => ({ orgSlug: org.slug, eventId: event.id }),
    base: () => eventForm({ intent: "save" }), signedIn: true,
  },
  "venue add-hall": {
    handler: venueAction, path: () => `/o/${org.slug}/events/${event.id}/venue`, params: () => ({ orgSlug: org.slug, eventId: event.id }),
    base: () => ({ intent: "add-hall", name: "Hall Baru", capacity: "500" }), signedIn: true,
  },
  "venue add-room": {
    handler: venueAction, path: () => `/o/${org.slug}/events/${event.id}/venue`, params: () => ({ orgSlug: org.slug, eventId: event.id }),
    base: () => ({ intent: "add-room", name: "Ruang Baru", capacity: "40" }), signedIn: true,
  },
  "venue add-region": {
    handler: venueAction, path: () => `/o/${org.slug}/events/${event.id}/venue`, params: () => ({ orgSlug: org.slug, eventId: event.id }),
    base: () => ({ intent: "add-region", name: "Kabupaten Sikka", province: "NTT", delegation: "Dekranasda Sikka" }), signedIn: true,
  },
  "agenda new": {
    handler: newSessionAction, path: () => `/o/${org.slug}/events/${event.id}/agenda/new`, params: () => ({ orgSlug: org.slug, eventId: event.id }),
    base: () => sessionForm({ title: "Sesi Baru", startTime: "15:00", endTime: "16:00" }), signedIn: true,
  },
  "agenda edit": {
    handler: editSessionAction, path: () => `/o/${org.slug}/events/${event.id}/agenda/${sessionId}`,
    params: () => ({ orgSlug: org.slug, eventId: event.id, sessionId }), base: () => sessionForm({ title: "Pembukaan Diubah" }), signedIn: true,
  },
  "members invite": {
    handler: membersAction, path: () => `/o/${org.slug}/members`, params: () => ({ orgSlug: org.slug }),
    base: () => ({ intent: "invite", email: "tamu.baru@batik.id", role: "curator" }), signedIn: true,
  },
} satisfies Record<string, Form>;
type FormName = keyof typeof FORMS;

//  form              rule                                    status field        key                           fields
const CASES: [FormName, string, number, string, string, Fields][] = [
  ["signup", "a missing name", 400, "name", "validation.required", { name: MISSING }],
  ["signup", "a 10,000-character name", 400, "name", "validation.too_long_120", { name: LONG }],
  ["signup", "a script tag as email", 400, "email", "validation.email", { email: SCRIPT }],
  ["signup", "a 10,000-character email", 400, "email", "validation.too_long_254", { email: `${LONG}@batik.id` }],
  ["signup", "a short password", 400, "password", "validation.password_short", { password: "pendek" }],
  ["signup", "a 10,000-character password", 400, "password", "validation.too_long_128", { password: LONG }],
  ["login", "a missing email", 400, "email", "validation.required", { email: MISSING }],
  ["login", "a script tag as email", 400, "email", "validation.email", { email: SCRIPT }],
  ["login", "a 10,000-character password", 400, "password", "validation.too_long_128", { password: LONG }],
  ["org create", "a missing name", 400, "name", "validation.required", { name: MISSING }],
  ["org create", "a one-letter name", 400, "name", "validation.too_short_2", { name: "K" }],
  ["org create", "a 10,000-character name", 400, "name", "validation.too_long_120", { name: LONG }],
  ["org create", "an unknown kind", 400, "kind", "validation.choose", { kind: "kementerian" }],
  ["org create", "a script tag as kind", 400, "kind", "validation.choose", { kind: SCRIPT }],
  ["org create", "a 10,000-character city", 400, "city", "validation.too_long_80", { city: LONG }],
  ["event new", "a missing name", 400, "name", "validation.required", { name: MISSING }],
  ["event new", "a 10,000-character name", 400, "name", "validation.too_long_160", { name: LONG }],
  ["event new", "a 10,000-character description", 400, "description", "validation.too_long_5000", { description: LONG }],
  ["event new", "a script tag as slug", 400, "slug", "validation.slug", { slug: SCRIPT }],
  ["event new", "an unknown kind", 400, "kind", "validation.choose", { kind: "konser" }],
  ["event new", "UTC as time zone", 400, "timeZone", "validation.time_zone", { timeZone: "UTC" }],
  ["event new", "a date with a time", 400, "firstDay", "validation.date", { firstDay: "2026-11-20T09:00" }],
  ["event new", "SQL as a date", 400, "lastDay", "validation.date", { lastDay: "2026-11-22'; drop table event;--" }],
  ["event new", "a missing first day", 400, "firstDay", "validation.required", { firstDay: MISSING }],
  ["event edit", "a 10,000-character name", 400, "name", "validation.too_long_160", { name: LONG }],
  ["event edit", "an impossible date", 400, "lastDay", "validation.date", { lastDay: "2026-02-30" }],
  ["event edit", "a 10,000-character address", 400, "address", "validation.too_long_300", { address: LONG }],
  ["event edit", "a script tag as time zone", 400, "timeZone", "validation.time_zone", { timeZone: SCRIPT }],
  ["venue add-hall", "a missing name", 400, "name", "validation.required", { name: MISSING }],
  ["venue add-hall", "a 10,000-character name", 400, "name", "validation.too_long_80", { name: LONG }],
  ["venue add-hall", "a capacity that is no number", 400, "capacity", "validation.number", { capacity: "banyak" }],
  ["venue add-hall", "a negative capacity", 400, "capacity", "validation.positive", { capacity: "-5" }],
  ["venue add-hall", "a fractional capacity", 400, "capacity", "validation.integer", { capacity: "2.5" }],
  ["venue add-hall", "a huge capacity", 400, "capacity", "validation.too_large", { capacity: "1e12" }],
  ["venue add-room", "a hall id that is no uuid", 400, "hallId", "validation.invalid", { hallId: "1 or 1=1" }],
  ["venue add-room", "a hall of another event", 409, "hallId", "venue.hall_not_found", { hallId: "foreign-hall" }],
  ["venue add-room", "a 10,000-character name", 400, "name", "validation.too_long_80", { name: LONG }],
  ["venue add-region", "a one-letter name", 400, "name", "validation.too_short_2", { name: "X" }],
  ["venue add-region", "a 10,000-character delegation", 400, "delegation", "validation.too_long_160", { delegation: LONG }],
  ["venue add-region", "an unknown intent", 400, "intent", "Invalid input", { intent: "drop-everything" }],
  ["agenda new", "a missing title", 400, "title", "validation.required", { title: MISSING }],
  ["agenda new", "a 10,000-character title", 400, "title", "validation.too_long_160", { title: LONG }],
  ["agenda new", "an unknown type", 400, "type", "validation.choose", { type: "keynote" }],
  ["agenda new", "a room id that is no uuid", 400, "roomId", "validation.invalid", { roomId: "ruang-1" }],
  ["agenda new", "a day that does not exist", 400, "day", "validation.date", { day: "2026-13-01" }],
  ["agenda new", "25:00 as start", 400, "startTime", "validation.time", { startTime: "25:00" }],
  ["agenda new", "a script tag as end", 400, "endTime", "validation.time", { endTime: SCRIPT }],
  ["agenda new", "an end before the start", 400, "endTime", "validation.end_before_start", { startTime: "16:00", endTime: "15:00" }],
  ["agenda new", "10,000-character speakers", 400, "speakers", "validation.too_long_1000", { speakers: LONG }],
  ["agenda edit", "a 10,000-character description", 400, "description", "validation.too_long_5000", { description: LONG }],
  ["agenda edit", "an end equal to the start", 400, "endTime", "validation.end_before_start", { startTime: "09:00", endTime: "09:00" }],
  ["agenda edit", "a room id that is no uuid", 400, "roomId", "validation.invalid", { roomId: "../../etc/passwd" }],
  ["members invite", "a missing email", 400, "email", "validation.required", { email: MISSING }],
  ["members invite", "a script tag as email", 400, "email", "validation.email", { email: SCRIPT }],
  ["members invite", "a 10,000-character email", 400, "email", "validation.too_long_254", { email: `${LONG}@batik.id` }],
  ["members invite", "owner as role", 400, "role", "validation.choose", { role: "owner" }],
  ["members invite", "a missing role", 400, "role", "validation.choose", { role: MISSING }],
  ["signup", "a NUL byte in the name", 400, "name", "validation.invalid", { name: "Sari\u0000" }],
  ["org create", "a NUL byte in the city", 400, "city", "validation.invalid", { city: "Solo\u0000" }],
  ["event new", "a NUL byte in the description", 400, "description", "validation.invalid", { description: "Batik\u0000" }],
  ["venue add-hall", "a NUL byte in the name", 400, "name", "validation.invalid", { name: "Hall\u0000B" }],
  ["agenda new", "a NUL byte in the title", 400, "title", "validation.invalid", { title: "Sesi\u0000" }],
];

function fieldsFor(form: FormName, overrides: Fields): Record<string, string> {
  const merged: Fields = { ...FORMS[form].base(), ...overrides };
  if (merged.hallId === "foreign-hall") merged.hallId = foreignHallId;
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== MISSING));
}

beforeAll(async () => {
  ({ org, staff: { owner } } = await makeOrgWithStaff(t.db, "Dekranasda NTT"));
  event = await makeEvent(t.db, org.id, { name: "Pameran Tenun Ikat Flores", slug: "pameran-tenun-flores" });
  const room = await makeRoom(t.db, event.id, "Ruang Lio");
  const created = await createSession(t.db, event, sessionInput({ title: "Pembukaan", roomId: room }));
  if (!created.ok) throw new Error(created.reason);
  sessionId = created.value.id;
  const other = await makeEvent(t.db, org.id, { name: "Pameran Lain", slug: "pameran-lain-flores" });
  foreignHallId = (await t.db.insertInto("hall").values({ eventId: other.id, name: "Hall A" }).returning("id").executeTakeFirstOrThrow()).id;
  await t.db.insertInto("hall").values({ eventId: event.id, name: "Hall Utama" }).execute();
});

describe("bad input", () => {
  it.each(CASES)("%s: %s → %i with %s: %s, nothing written", async (form, _rule, status, field, key, overrides) => {
    const f: Form = FORMS[form];
    const before = { ...(await countRows(t.db)), event: await t.db.selectFrom("event").selectAll().where("id", "=", event.id).executeTakeFirstOrThrow() };
    const res = await callRoute(f.handler, post(f.path(), fieldsFor(form, overrides), f.signedIn ? owner.cookie : undefined), f.params());
    expect(res.status).toBe(status);
    expect(fieldErrors(res.body)[field]).toContain(key);
    expect({ ...(await countRows(t.db)), event: await t.db.selectFrom("event").selectAll().where("id", "=", event.id).executeTakeFirstOrThrow() }).toEqual(before);
  });

  it("refuses a duplicate hall name, whatever its case, with 409 duplicate_name on name", async () => {
    const before = await countRows(t.db);
    const res = await callRoute(venueAction, post(`/o/${org.slug}/events/${event.id}/venue`, { intent: "add-hall", name: "HALL UTAMA" }, owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body)).toEqual({ name: ["venue.duplicate_name"] });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("refuses a field sent twice (an array where a string belongs) with 400", async () => {
    const body = new URLSearchParams(fieldsFor("org create", {}));
    body.append("name", "Kadin Kedua");
    const res = await callRoute(newOrgAction, new Request("http://localhost:3000/orgs/new", {
      method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: owner.cookie },
    }));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body).name).toEqual(["validation.required"]);
  });

  it("stores a script tag in free text as plain text (it is a title, not markup) and returns it unchanged", async () => {
    const res = await callRoute(newSessionAction,
      post(`/o/${org.slug}/events/${event.id}/agenda/new`, sessionForm({ title: SCRIPT, speakers: `<img src=x onerror=alert(1)>`, day: "2026-11-21" }), owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(302);
    const row = await t.db.selectFrom("agendaSession").select(["title", "speakers"]).where("title", "=", SCRIPT).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: SCRIPT, speakers: "<img src=x onerror=alert(1)>" });
  });

  it.each([
    ["a session id that is no uuid", { intent: "delete", sessionId: "1 or 1=1" }, "agenda.not_found"],
    ["a copy from a day that is no date", { intent: "copy-day", fromDay: "kemarin", toDay: "2026-11-21" }, "errors.form"],
    ["a copy onto the same day", { intent: "copy-day", fromDay: "2026-11-20", toDay: "2026-11-20" }, "errors.form"],
  ])("answers the agenda list's buttons with an error toast for %s, deleting and copying nothing", async (_rule, fields, key) => {
    const before = await countRows(t.db);
    const res = await callRoute(agendaAction, post(`/o/${org.slug}/events/${event.id}/agenda`, fields, owner.cookie), { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "error", key });
    expect(await countRows(t.db)).toEqual(before);
  });

  it("keeps a tampered day out of the redirect after a delete (no header injection, no 500)", async () => {
    const victim = await createSession(t.db, event, sessionInput({ title: "Dihapus", day: "2026-11-22" }));
    if (!victim.ok) throw new Error(victim.reason);
    const res = await callRoute(agendaAction, post(`/o/${org.slug}/events/${event.id}/agenda`,
      { intent: "delete", sessionId: victim.value.id, day: "2026-11-22\r\nSet-Cookie: pendopo_session=dicuri" }, owner.cookie),
      { orgSlug: org.slug, eventId: event.id });
    expect(res.status).toBe(302);
    expect(res.response!.headers.get("location")).toBe(`/o/${org.slug}/events/${event.id}/agenda`);
    expect(res.response!.headers.getSetCookie().some((c) => c.includes("dicuri"))).toBe(false);
  });
});

describe("open redirects after sign-in", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await makeAccount(t.db, "Pengunjung", "pengunjung@batik.id");
  });

  it.each([
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    ["https://evil.example/login", "/dashboard"],
    ["javascript:alert(1)", "/dashboard"],
    // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" is "//evil.example" to them.
    ["/\t/evil.example", "/dashboard"],
    ["/\n/evil.example", "/dashboard"],
    ["/o/dekranasda-ntt?tab=anggota", "/o/dekranasda-ntt?tab=anggota"],
  ])("sends redirectTo=%j to %j", async (redirectTo, location) => {
    const res = await callRoute(loginAction, post("/login", { email: user.email, password: PASSWORD, redirectTo }));
    expect(res.status).toBe(302);
    expect(res.response!.headers.get("location")).toBe(location);
  });

  it("keeps sign-up on this site too", async () => {
    const res = await callRoute(signupAction, post("/signup", { name: "Baru", email: "baru.daftar@batik.id", password: "panjang-sekali-1", redirectTo: "//evil.example" }));
    expect(res.status).toBe(302);
    expect(res.response!.headers.get("location")).toBe("/dashboard");
  });
});

describe("bad query strings", () => {
  it.each(["1.01", "1e308", "-3", "abc", "99999999999999999999"])("answers the events list with 200 for page=%j, never 500", async (page) => {
    const res = await callRoute(orgEventsLoader, get(`/o/${org.slug}?page=${encodeURIComponent(page)}&q=${encodeURIComponent("%_\\'")}`, owner.cookie), { orgSlug: org.slug });
    expect(res.status).toBe(200);
  });

  it.each(["Batik\u0000", "\u0000", "Solo\u0007\u001f"])("answers the events list with 200 for a search with control characters (%j)", async (q) => {
    const res = await callRoute(orgEventsLoader, get(`/o/${org.slug}?q=${encodeURIComponent(q)}`, owner.cookie), { orgSlug: org.slug });
    expect(res.status).toBe(200);
  });

  it.each(["1.01", "1e308", "-3", "abc"])("answers the mail log with 200 for page=%j, never 500", async (page) => {
    const res = await callRoute(mailLoader, get(`/o/${org.slug}/mail?page=${encodeURIComponent(page)}`, owner.cookie), { orgSlug: org.slug });
    expect(res.status).toBe(200);
  });
});
