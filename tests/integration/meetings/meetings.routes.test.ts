import { beforeAll, describe, expect, it } from "vitest";
import * as agendaRoute from "~/routes/e.$slug.matchmaking.agenda";
import * as directoryRoute from "~/routes/e.$slug.matchmaking.directory";
import * as homeRoute from "~/routes/e.$slug.matchmaking._index";
import * as registerRoute from "~/routes/e.$slug.matchmaking.register";
import * as requestsRoute from "~/routes/e.$slug.matchmaking.requests";
import * as feedRoute from "~/routes/meetings-feed.$token[.ics]";
import * as organizerRoute from "~/routes/o.$orgSlug.events.$eventId.matchmaking._index";
import * as participantsRoute from "~/routes/o.$orgSlug.events.$eventId.matchmaking.participants";
import { setEventPublished } from "~/events/events.server";
import { listSlots } from "~/meetings/settings.server";
import { createUserSession } from "~/utils/session.server";
import { useTestDatabase } from "../../helpers/db";
import { countRows, fieldErrors, makeAccount, makeOrgWithStaff, readToast, type Staff } from "../../helpers/factories";
import { callRoute, get, post } from "../../helpers/http";
import { makeBuyer, makeMatchEvent, makeSeller } from "../../helpers/meetings-factories";
import { respondToRequest, sendRequest } from "~/meetings/requests.server";

const t = useTestDatabase();
let staff: Staff;
let org: { id: string; slug: string };
let event: Awaited<ReturnType<typeof makeMatchEvent>>;
// Route actions use the real clock: the fair is in 2027 so its slots are in the future.
const DATES = { firstDay: "2027-03-10", lastDay: "2027-03-12" };
const orgPath = () => `/o/${org.slug}/events/${event.id}/matchmaking`;
const orgParams = () => ({ orgSlug: org.slug, eventId: event.id });
const mm = (rest = "") => `/e/${event.slug}/matchmaking${rest}`;
const slugParams = () => ({ slug: event.slug });
const MEETING_TABLES = ["meetingBlock", "meetingSlot", "matchmakingSettings", "meetingParticipant", "meetingRequest", "meeting"] as const;

beforeAll(async () => {
  const made = await makeOrgWithStaff(t.db, "Kadin Kota Kediri");
  staff = made.staff;
  org = made.org;
  event = await makeMatchEvent(t.db, org.id, { event: DATES });
  await setEventPublished(t.db, event.id, true, new Date());
});

describe("organizer screens", () => {
  it("lets an admin save settings and refuses a curator (403) and an outsider (404)", async () => {
    const form = { intent: "save-settings", enabled: "on", mode: "live", openRequestLimit: "5", locationKind: "tables", tableCount: "4" };
    const saved = await callRoute(organizerRoute.action, post(orgPath(), form, staff.admin.cookie), orgParams());
    expect(await readToast(saved.response)).toMatchObject({ key: "meetings.settings.saved" });
    expect(await t.db.selectFrom("matchmakingSettings").select(["openRequestLimit", "tableCount"]).where("eventId", "=", event.id).executeTakeFirst()).toEqual({ openRequestLimit: 5, tableCount: 4 });
    expect((await callRoute(organizerRoute.action, post(orgPath(), form, staff.curator.cookie), orgParams())).status).toBe(403);
    const stranger = await makeAccount(t.db, "Orang Lain");
    expect((await callRoute(organizerRoute.loader, get(orgPath(), stranger.cookie), orgParams())).status).toBe(404);
  });

  it("answers a grid block that overlaps with a clear error and writes nothing", async () => {
    const before = await countRows(t.db, MEETING_TABLES);
    const res = await callRoute(organizerRoute.action, post(orgPath(), { intent: "add-block", day: DATES.firstDay, startTime: "09:40", endTime: "11:00", slotMinutes: "20" }, staff.admin.cookie), orgParams());
    expect(res.status).toBe(409);
    expect(fieldErrors(res.body)[""]).toEqual(["meetings.validation.grid_overlap"]);
    const bad = await callRoute(organizerRoute.action, post(orgPath(), { intent: "add-block", day: DATES.firstDay, startTime: "9 pagi", endTime: "11:00", slotMinutes: "dua puluh" }, staff.admin.cookie), orgParams());
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.body)).toMatchObject({ startTime: ["validation.time"], slotMinutes: ["validation.number"] });
    expect(await countRows(t.db, MEETING_TABLES)).toEqual(before);
  });

  it("adds a block on another day and lists participants with search", async () => {
    const res = await callRoute(organizerRoute.action, post(orgPath(), { intent: "add-block", day: "2027-03-11", startTime: "13:00", endTime: "15:00", slotMinutes: "30", breaks: "14.00-14.30" }, staff.admin.cookie), orgParams());
    expect(await readToast(res.response)).toMatchObject({ key: "meetings.grid.added", params: { count: 3 } });
    await makeSeller(t.db, event.id, { name: "Tenun Ikat Bandar Kidul", sector: "tenun_ikat" });
    const list = await callRoute(participantsRoute.loader, get(`${orgPath()}/participants?q=bandar`, staff.curator.cookie), orgParams());
    expect((list.body as { rows: Array<{ name: string }> }).rows.map((r) => r.name)).toEqual(["Tenun Ikat Bandar Kidul"]);
  });
});

describe("batch panel", () => {
  it("runs the scheduler from the organizer page, locks and publishes (admins only)", async () => {
    const batch = await makeMatchEvent(t.db, org.id, { event: DATES, settings: { mode: "batch" } });
    const params = { orgSlug: org.slug, eventId: batch.id };
    const path = `/o/${org.slug}/events/${batch.id}/matchmaking`;
    const seller = await makeSeller(t.db, batch.id, { name: "Songket Pandai Sikek" });
    const buyer = await makeBuyer(t.db, batch.id, "Galeri Nusantara");
    const sent = await sendRequest(t.db, { from: buyer.participant, toId: seller.id, message: "", now: new Date() });
    await respondToRequest(t.db, { me: seller, action: { intent: "accept", requestId: sent.ok ? sent.value.id : "", reason: "" }, now: new Date(), appUrl: "http://localhost" });
    expect((await callRoute(organizerRoute.action, post(path, { intent: "run-batch" }, staff.curator.cookie), params)).status).toBe(403);
    const run = await callRoute(organizerRoute.action, post(path, { intent: "run-batch" }, staff.admin.cookie), params);
    expect(run.body).toMatchObject({ intent: "run-batch", report: { scheduled: 1, upperBound: 1, unscheduled: [] } });
    expect(await readToast((await callRoute(organizerRoute.action, post(path, { intent: "lock-batch" }, staff.admin.cookie), params)).response)).toMatchObject({ params: { count: 1 } });
    expect(await readToast((await callRoute(organizerRoute.action, post(path, { intent: "publish-batch" }, staff.owner.cookie), params)).response)).toMatchObject({ key: "meetings.batch.published", params: { count: 1 } });
    const page = await callRoute(organizerRoute.loader, get(path, staff.curator.cookie), params);
    expect((page.body as { counts: Record<string, number> }).counts).toEqual({ published: 1 });
  });
});

describe("participant pages", () => {
  it("sends an anonymous visitor to sign in first", async () => {
    const res = await callRoute(homeRoute.loader, get(mm()), slugParams());
    expect(res.status).toBe(302);
    expect(res.response!.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(mm())}`);
  });

  it("registers a buyer, refuses a bad profile with field errors, and recommends the tenun maker with the reason", async () => {
    const buyer = await makeAccount(t.db, "Hotel Solo Indah");
    const bad = await callRoute(registerRoute.action, post(mm("/register"), { organization: "", buyerType: "pedagang", productsSought: "x", city: "Solo", country: "Indonesia", email: "bukan-email", whatsappOptIn: "on" }, buyer.cookie), slugParams());
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad.body)).toMatchObject({
      organization: ["validation.required"], buyerType: ["validation.choose"], productsSought: ["validation.too_short_3"],
      country: ["meetings.validation.country"], email: ["validation.email"],
    });
    const form = new URLSearchParams({ organization: "Hotel Solo Indah", buyerType: "horeka", productsSought: "selendang tenun ikat", orderVolume: "200", orderUnit: "lembar", city: "Surakarta", country: "id", email: buyer.email, whatsapp: "0812 3456 7890" });
    form.append("sectors", "tenun_ikat");
    const req = new Request(`http://localhost:3000${mm("/register")}`, { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: buyer.cookie } });
    const saved = await callRoute(registerRoute.action, req, slugParams());
    expect(await readToast(saved.response)).toMatchObject({ key: "meetings.register.created" });
    const row = await t.db.selectFrom("meetingParticipant").select(["kind", "sectors", "country", "whatsapp"]).where("userId", "=", buyer.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: "buyer", sectors: ["tenun_ikat"], country: "ID", whatsapp: "+6281234567890" });
    const home = await callRoute(homeRoute.loader, get(mm(), buyer.cookie), slugParams());
    const recs = (home.body as { recommendations: Array<{ name: string; fit: { reasons: Array<{ kind: string }> } }> }).recommendations;
    expect(recs[0]).toMatchObject({ name: "Tenun Ikat Bandar Kidul", fit: { reasons: [{ kind: "sector" }] } });
  });

  it("runs request → accept → agenda with the table number → feed through the routes", async () => {
    const buyer = await makeAccount(t.db, "Koperasi Batik Jaya");
    await callRoute(registerRoute.action, post(mm("/register"), { organization: "Koperasi Batik Jaya", buyerType: "wholesaler", productsSought: "batik tulis", city: "Jakarta", country: "ID", email: buyer.email }, buyer.cookie), slugParams());
    const seller = await makeSeller(t.db, event.id, { name: "Batik Tulis Laweyan", sector: "batik_tulis" });
    const dir = await callRoute(directoryRoute.loader, get(mm("/directory?sector=batik_tulis"), buyer.cookie), slugParams());
    const rows = (dir.body as { rows: Array<{ id: string; name: string }> }).rows;
    expect(rows.map((r) => r.name)).toEqual(["Batik Tulis Laweyan"]);
    const self = await callRoute(directoryRoute.action, post(mm("/directory"), { intent: "send-request", toId: (await t.db.selectFrom("meetingParticipant").select("id").where("userId", "=", buyer.id).executeTakeFirstOrThrow()).id }, buyer.cookie), slugParams());
    expect(await readToast(self.response)).toMatchObject({ type: "error", key: "meetings.validation.self" });
    const sent = await callRoute(directoryRoute.action, post(mm("/directory"), { intent: "send-request", toId: seller.id, message: "Kami butuh 500 lembar batik tulis." }, buyer.cookie), slugParams());
    expect(await readToast(sent.response)).toMatchObject({ type: "success", key: "meetings.request.sent" });
    // The seller signs in (the factory account has no password): a session for the owner.
    const session = await createUserSession(t.db, { request: new Request("http://localhost:3000"), userId: seller.userId, locale: "id", redirectTo: "/" });
    const cookie = session.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const requests = await callRoute(requestsRoute.loader, get(mm("/requests"), cookie), slugParams());
    const incoming = (requests.body as { requests: Array<{ id: string; incoming: boolean; message: string }> }).requests;
    expect(incoming).toMatchObject([{ incoming: true, message: "Kami butuh 500 lembar batik tulis." }]);
    const noReason = await callRoute(requestsRoute.action, post(mm("/requests"), { intent: "decline", requestId: incoming[0]!.id }, cookie), slugParams());
    expect(await readToast(noReason.response)).toMatchObject({ type: "error", key: "meetings.validation.reason_needed" });
    const accepted = await callRoute(requestsRoute.action, post(mm("/requests"), { intent: "accept", requestId: incoming[0]!.id }, cookie), slugParams());
    expect(await readToast(accepted.response)).toMatchObject({ type: "success", key: "meetings.request.accepted" });
    const agenda = await callRoute(agendaRoute.loader, get(mm("/agenda"), buyer.cookie), slugParams());
    const body = agenda.body as { meetings: Array<{ otherName: string; tableNo: number; time: string }>; feedUrl: string };
    expect(body.meetings).toEqual([expect.objectContaining({ otherName: "Batik Tulis Laweyan", tableNo: 1, time: "09.00–09.20 WIB" })]);
    const token = body.feedUrl.split("/").pop()!.replace(/\.ics$/, "");
    const feed = await callRoute(feedRoute.loader, get(`/meetings-feed/${token}.ics`), { token });
    expect(feed.response!.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await feed.response!.text()).toContain("SUMMARY:Temu bisnis: Batik Tulis Laweyan");
    expect((await callRoute(feedRoute.loader, get("/meetings-feed/mf_nope.ics"), { token: "mf_nope" })).status).toBe(404);
  });

  it("saves unavailable slots (one or many) and ignores slots of other events", async () => {
    const buyer = await makeAccount(t.db, "Dinas Pariwisata");
    await callRoute(registerRoute.action, post(mm("/register"), { organization: "Dinas Pariwisata", buyerType: "government", productsSought: "suvenir kriya", city: "Kediri", country: "ID", email: buyer.email }, buyer.cookie), slugParams());
    const [slot] = await listSlots(t.db, event.id);
    const res = await callRoute(agendaRoute.action, post(mm("/agenda"), { intent: "save-unavailability", slotIds: slot!.id }, buyer.cookie), slugParams());
    expect(await readToast(res.response)).toMatchObject({ key: "meetings.agenda.unavailable_saved", params: { count: 1 } });
    const other = await makeMatchEvent(t.db, org.id, { event: DATES });
    const [foreign] = await listSlots(t.db, other.id);
    const form = new URLSearchParams([["intent", "save-unavailability"], ["slotIds", slot!.id], ["slotIds", foreign!.id]]);
    const req = new Request(`http://localhost:3000${mm("/agenda")}`, { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: buyer.cookie } });
    expect(await readToast((await callRoute(agendaRoute.action, req, slugParams())).response)).toMatchObject({ params: { count: 1 } });
  });
});
