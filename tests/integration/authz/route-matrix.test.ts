import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/agenda/agenda.server";
import { createOrganization } from "~/organizations/organizations.server";
import * as orgLayout from "~/routes/o.$orgSlug";
import * as orgEvents from "~/routes/o.$orgSlug._index";
import * as members from "~/routes/o.$orgSlug.members";
import * as mail from "~/routes/o.$orgSlug.mail";
import * as mailFile from "~/routes/o.$orgSlug.mail.$emailId";
import * as newEvent from "~/routes/o.$orgSlug.events.new";
import * as eventLayout from "~/routes/o.$orgSlug.events.$eventId";
import * as eventOverview from "~/routes/o.$orgSlug.events.$eventId._index";
import * as venue from "~/routes/o.$orgSlug.events.$eventId.venue";
import * as agenda from "~/routes/o.$orgSlug.events.$eventId.agenda._index";
import * as newSession from "~/routes/o.$orgSlug.events.$eventId.agenda.new";
import * as editSession from "~/routes/o.$orgSlug.events.$eventId.agenda.$sessionId";
import * as agreements from "~/routes/o.$orgSlug.events.$eventId.deals.agreements._index";
import * as newAgreement from "~/routes/o.$orgSlug.events.$eventId.deals.agreements.new";
import * as editAgreement from "~/routes/o.$orgSlug.events.$eventId.deals.agreements.$agreementId";
import { createAgreement } from "~/deals/agreements.server";
import * as dealRecords from "~/routes/o.$orgSlug.events.$eventId.deals.records._index";
import * as dealRecordsCsv from "~/routes/o.$orgSlug.events.$eventId.deals.records[.csv]";
import * as newDealRecord from "~/routes/o.$orgSlug.events.$eventId.deals.records.new";
import * as account from "~/routes/account";
import * as dashboard from "~/routes/dashboard";
import * as newOrg from "~/routes/orgs.new";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { countRows, makeAccount, eventForm, makeEvent, makeOrgWithStaff, readToast, sessionForm, sessionInput, type Staff, type TestUser } from "../../helpers/factories";

const t = useTestDatabase();

const ACTORS = ["anon", "owner", "admin", "curator", "gate_staff", "stranger"] as const;
type Actor = (typeof ACTORS)[number];

/** LOGIN: 302 to /login?redirectTo=<this path>. DONE: 302 elsewhere, with no error toast (the mutation went through). */
const LOGIN = "302 → login";
const DONE = "302 done";
type Outcome = typeof LOGIN | typeof DONE | 200 | 400 | 403 | 404;

type Ctx = {
  org: { id: string; slug: string };
  staff: Staff;
  stranger: TestUser;
  eventId: string;
  sessionId: string;
  deletable: Record<Actor, string>;
  emailId: string;
  agreementId: string;
  deletableAgreement: Record<Actor, string>;
};
const ctx = {} as Ctx;

type Handler = Parameters<typeof callRoute>[0];
type Row = {
  name: string;
  handler: Handler;
  path: () => string;
  params: () => Record<string, string>;
  body?: (actor: Actor) => Record<string, string>;
  outcomes: Outcome[];
  /** Params that differ per actor (each deletes its own object); `params` otherwise. */
  actorParams?: (actor: Actor) => Record<string, string>;
  /** For DONE cells: the change the request made, read back from the database. */
  verify?: (actor: Actor) => Promise<void>;
};

const orgParams = () => ({ orgSlug: ctx.org.slug });
const eventParams = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });
const ev = (rest = "") => `/o/${ctx.org.slug}/events/${ctx.eventId}${rest}`;
const slugOf = (actor: Actor) => actor.replace("_", "-");

// Org-scoped permissions (app/utils/permissions.ts): owner and admin manage; curator and gate_staff may view.
// An owner of another organization ("stranger") sees 404 everywhere, never 403.
//                                  anon   owner admin curator gate  stranger
const VIEW: Outcome[] =            [LOGIN, 200,  200,  200,    200,  404];
const MANAGE_VIEW: Outcome[] =     [LOGIN, 200,  200,  403,    403,  404];
const MANAGE: Outcome[] =          [LOGIN, DONE, DONE, 403,    403,  404];
const SIGNED_IN_VIEW: Outcome[] =  [LOGIN, 200,  200,  200,    200,  200];
const SIGNED_IN_DONE: Outcome[] =  [LOGIN, DONE, DONE, DONE,   DONE, DONE];

const MATRIX: Row[] = [
  { name: "GET  /o/:org (layout)", handler: orgLayout.loader, path: () => `/o/${ctx.org.slug}`, params: orgParams, outcomes: VIEW },
  { name: "GET  /o/:org (events)", handler: orgEvents.loader, path: () => `/o/${ctx.org.slug}`, params: orgParams, outcomes: VIEW },
  { name: "GET  /o/:org/members", handler: members.loader, path: () => `/o/${ctx.org.slug}/members`, params: orgParams, outcomes: MANAGE_VIEW },
  {
    name: "POST /o/:org/members invite", handler: members.action, path: () => `/o/${ctx.org.slug}/members`, params: orgParams,
    body: (a) => ({ intent: "invite", email: `matrix.${slugOf(a)}@tamu.id`, role: "curator" }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("invitation", "email", `matrix.${slugOf(a)}@tamu.id`)).toBe(true),
  },
  { name: "GET  /o/:org/mail", handler: mail.loader, path: () => `/o/${ctx.org.slug}/mail`, params: orgParams, outcomes: MANAGE_VIEW },
  {
    name: "GET  /o/:org/mail/:emailId", handler: mailFile.loader, path: () => `/o/${ctx.org.slug}/mail/${ctx.emailId}`,
    params: () => ({ orgSlug: ctx.org.slug, emailId: ctx.emailId }), outcomes: MANAGE_VIEW,
  },
  { name: "GET  /o/:org/events/new", handler: newEvent.loader, path: () => `/o/${ctx.org.slug}/events/new`, params: orgParams, outcomes: MANAGE_VIEW },
  {
    name: "POST /o/:org/events/new", handler: newEvent.action, path: () => `/o/${ctx.org.slug}/events/new`, params: orgParams,
    body: (a) => eventForm({ name: `Pameran Matriks ${a}`, slug: `matriks-${slugOf(a)}` }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("event", "slug", `matriks-${slugOf(a)}`)).toBe(true),
  },
  { name: "GET  /o/:org/events/:id (layout)", handler: eventLayout.loader, path: () => ev(), params: eventParams, outcomes: VIEW },
  { name: "GET  /o/:org/events/:id (overview)", handler: eventOverview.loader, path: () => ev(), params: eventParams, outcomes: VIEW },
  {
    name: "POST /o/:org/events/:id save", handler: eventOverview.action, path: () => ev(), params: eventParams,
    body: (a) => eventForm({ intent: "save", name: `Pameran Batik Matriks (${a})` }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("event", "name", `Pameran Batik Matriks (${a})`)).toBe(true),
  },
  {
    name: "POST /o/:org/events/:id publish", handler: eventOverview.action, path: () => ev(), params: eventParams, body: () => ({ intent: "publish" }), outcomes: MANAGE,
    verify: async () => expect(await eventStatus()).toBe("published"),
  },
  {
    name: "POST /o/:org/events/:id unpublish", handler: eventOverview.action, path: () => ev(), params: eventParams, body: () => ({ intent: "unpublish" }), outcomes: MANAGE,
    verify: async () => expect(await eventStatus()).toBe("draft"),
  },
  { name: "GET  /o/:org/events/:id/venue", handler: venue.loader, path: () => ev("/venue"), params: eventParams, outcomes: VIEW },
  {
    name: "POST /o/:org/events/:id/venue add-region", handler: venue.action, path: () => ev("/venue"), params: eventParams,
    body: (a) => ({ intent: "add-region", name: `Kontingen ${a}`, province: "Jawa Tengah" }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("eventRegion", "name", `Kontingen ${a}`)).toBe(true),
  },
  { name: "GET  /o/:org/events/:id/agenda", handler: agenda.loader, path: () => ev("/agenda"), params: eventParams, outcomes: VIEW },
  {
    name: "POST /o/:org/events/:id/agenda delete", handler: agenda.action, path: () => ev("/agenda"), params: eventParams,
    body: (a) => ({ intent: "delete", sessionId: ctx.deletable[a], day: "2026-11-20" }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("agendaSession", "id", ctx.deletable[a])).toBe(false),
  },
  {
    name: "POST /o/:org/events/:id/agenda copy-day", handler: agenda.action, path: () => ev("/agenda"), params: eventParams,
    body: () => ({ intent: "copy-day", fromDay: "2026-11-20", toDay: "2026-11-21" }), outcomes: MANAGE,
    verify: async () => expect(await hasRow("agendaSession", "title", "Pembukaan", 2)).toBe(true),
  },
  { name: "GET  /o/:org/events/:id/agenda/new", handler: newSession.loader, path: () => ev("/agenda/new"), params: eventParams, outcomes: MANAGE_VIEW },
  {
    name: "POST /o/:org/events/:id/agenda/new", handler: newSession.action, path: () => ev("/agenda/new"), params: eventParams,
    body: (a) => sessionForm({ title: `Sesi ${a}`, day: "2026-11-22" }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("agendaSession", "title", `Sesi ${a}`)).toBe(true),
  },
  {
    name: "GET  /o/:org/events/:id/agenda/:sessionId", handler: editSession.loader, path: () => ev(`/agenda/${ctx.sessionId}`),
    params: () => ({ ...eventParams(), sessionId: ctx.sessionId }), outcomes: MANAGE_VIEW,
  },
  {
    name: "POST /o/:org/events/:id/agenda/:sessionId", handler: editSession.action, path: () => ev(`/agenda/${ctx.sessionId}`),
    params: () => ({ ...eventParams(), sessionId: ctx.sessionId }), body: (a) => sessionForm({ title: `Pembukaan (${a})` }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("agendaSession", "title", `Pembukaan (${a})`)).toBe(true),
  },
  { name: "GET  /o/:org/events/:id/deals/agreements", handler: agreements.loader, path: () => ev("/deals/agreements"), params: eventParams, outcomes: MANAGE_VIEW },
  { name: "GET  /o/:org/events/:id/deals/agreements/new", handler: newAgreement.loader, path: () => ev("/deals/agreements/new"), params: eventParams, outcomes: MANAGE_VIEW },
  {
    name: "POST /o/:org/events/:id/deals/agreements/new", handler: newAgreement.action, path: () => ev("/deals/agreements/new"), params: eventParams,
    body: (a) => agreementForm(`MoU Matriks ${a}`), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("cooperationAgreement", "title", `MoU Matriks ${a}`)).toBe(true),
  },
  {
    name: "GET  /o/:org/events/:id/deals/agreements/:agreementId", handler: editAgreement.loader, path: () => ev(`/deals/agreements/${ctx.agreementId}`),
    params: () => ({ ...eventParams(), agreementId: ctx.agreementId }), outcomes: MANAGE_VIEW,
  },
  {
    name: "POST /o/:org/events/:id/deals/agreements/:agreementId", handler: editAgreement.action, path: () => ev(`/deals/agreements/${ctx.agreementId}`),
    params: () => ({ ...eventParams(), agreementId: ctx.agreementId }), body: (a) => agreementForm(`MoU Diubah (${a})`), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("cooperationAgreement", "title", `MoU Diubah (${a})`)).toBe(true),
  },
  {
    name: "POST /o/:org/events/:id/deals/agreements/:agreementId delete", handler: editAgreement.action,
    path: () => ev("/deals/agreements/by-actor"), params: () => ({ ...eventParams(), agreementId: ctx.deletableAgreement.owner }),
    actorParams: (a) => ({ ...eventParams(), agreementId: ctx.deletableAgreement[a] }), body: () => ({ intent: "delete" }), outcomes: MANAGE,
    verify: async (a) => expect(await hasRow("cooperationAgreement", "id", ctx.deletableAgreement[a])).toBe(false),
  },
  // Deals (issue 7): owners and admins only ("deal:view" / "deal:manage").
  { name: "GET  /o/:org/events/:id/deals/records", handler: dealRecords.loader, path: () => ev("/deals/records"), params: eventParams, outcomes: MANAGE_VIEW },
  { name: "GET  /o/:org/events/:id/deals/records.csv", handler: dealRecordsCsv.loader, path: () => ev("/deals/records.csv"), params: eventParams, outcomes: MANAGE_VIEW },
  { name: "GET  /o/:org/events/:id/deals/records/new", handler: newDealRecord.loader, path: () => ev("/deals/records/new"), params: eventParams, outcomes: MANAGE_VIEW },
  {
    name: "POST /o/:org/events/:id/deals/records/new", handler: newDealRecord.action, path: () => ev("/deals/records/new"), params: eventParams,
    body: () => ({ intent: "record" }), outcomes: [LOGIN, 400, 400, 403, 403, 404],
  },
  { name: "GET  /account", handler: account.loader, path: () => "/account", params: () => ({}), outcomes: SIGNED_IN_VIEW },
  { name: "POST /account sign out elsewhere", handler: account.action, path: () => "/account", params: () => ({}), body: () => ({}), outcomes: SIGNED_IN_DONE },
  // Everyone here belongs to exactly one organization, so the dashboard sends them straight to it.
  { name: "GET  /dashboard", handler: dashboard.loader, path: () => "/dashboard", params: () => ({}), outcomes: SIGNED_IN_DONE },
  { name: "GET  /orgs/new", handler: newOrg.loader, path: () => "/orgs/new", params: () => ({}), outcomes: SIGNED_IN_VIEW },
  {
    name: "POST /orgs/new", handler: newOrg.action, path: () => "/orgs/new", params: () => ({}),
    body: (a) => ({ name: `Organisasi Baru ${a}`, kind: "eo" }), outcomes: SIGNED_IN_DONE,
    verify: async (a) => expect(await hasRow("organization", "name", `Organisasi Baru ${a}`)).toBe(true),
  },
];

/** Whether `table` has (at least `min`) rows with `column` = `value`. */
async function hasRow(table: "invitation" | "event" | "eventRegion" | "agendaSession" | "organization" | "cooperationAgreement", column: string, value: string, min = 1) {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"))
    .where(column as never, "=", value as never).executeTakeFirstOrThrow();
  return Number(row.n) >= min;
}
/** An agreement form with two parties, as the browser posts it. */
function agreementForm(title: string): Record<string, string> {
  return {
    title, kind: "mou", signedOn: "2026-11-21", "parties[0].name": "Kadin Kota Kediri", "parties[0].kind": "kadin",
    "parties[1].name": "Kadin Kota Surakarta", "parties[1].kind": "kadin",
  };
}
const eventStatus = async () => (await t.db.selectFrom("event").select("status").where("id", "=", ctx.eventId).executeTakeFirstOrThrow()).status;

const CASES = MATRIX.flatMap((row) => ACTORS.map((actor, i) => ({ row, actor, outcome: row.outcomes[i]! })));

function userOf(actor: Actor): TestUser | undefined {
  if (actor === "anon") return undefined;
  return actor === "stranger" ? ctx.stranger : ctx.staff[actor];
}

function request(row: Row, actor: Actor, overridePath?: string) {
  const cookie = userOf(actor)?.cookie;
  const p = overridePath ?? row.path();
  return row.body ? post(p, row.body(actor), cookie) : get(p, cookie);
}

let mailDir: string;

beforeAll(async () => {
  ({ org: ctx.org, staff: ctx.staff } = await makeOrgWithStaff(t.db, "Kadin Surakarta"));
  ctx.stranger = await makeAccount(t.db, "Pemilik Organisasi Lain");
  await createOrganization(t.db, { name: "Dinas Perdagangan Sleman", kind: "dinas", city: "Sleman", ownerId: ctx.stranger.id });
  const event = await makeEvent(t.db, ctx.org.id, { slug: "pameran-batik-matriks" });
  ctx.eventId = event.id;
  const session = await createSession(t.db, event, sessionInput({ title: "Pembukaan" }));
  if (!session.ok) throw new Error(session.reason);
  ctx.sessionId = session.value.id;
  ctx.deletable = {} as Record<Actor, string>;
  for (const actor of ACTORS) {
    const created = await createSession(t.db, event, sessionInput({ title: `Untuk dihapus ${actor}`, startTime: "13:00", endTime: "14:00" }));
    if (!created.ok) throw new Error(created.reason);
    ctx.deletable[actor] = created.value.id;
  }
  const agreementInput = (title: string) => ({
    title, kind: "mou" as const, signedOn: "2026-11-21", place: "", scope: "",
    parties: ["Kadin Kota Kediri", "Kadin Kota Surakarta"].map((name) => ({ name, kind: "kadin" as const, city: "", province: "", signatoryName: "", signatoryTitle: "" })),
  });
  const actor = { userId: ctx.staff.owner.id, organizationId: ctx.org.id };
  ctx.agreementId = (await createAgreement(t.db, event.id, actor, agreementInput("MoU Matriks"), null)).id;
  ctx.deletableAgreement = {} as Record<Actor, string>;
  for (const a of ACTORS) ctx.deletableAgreement[a] = (await createAgreement(t.db, event.id, actor, agreementInput(`MoU untuk dihapus ${a}`), null)).id;
  mailDir = mkdtempSync(path.join(os.tmpdir(), "pendopo-matrix-mail-"));
  process.env.MAIL_DIR = mailDir;
  writeFileSync(path.join(mailDir, "undangan.eml"), "Subject: Undangan\r\n\r\nHalo\r\n");
  const log = await t.db.insertInto("emailLog").values({
    organizationId: ctx.org.id, toAddress: "tamu@batik.id", subject: "Undangan", template: "invitation", transport: "file", fileName: "undangan.eml",
  }).returning("id").executeTakeFirstOrThrow();
  ctx.emailId = log.id;
});
afterAll(() => {
  delete process.env.MAIL_DIR;
  rmSync(mailDir, { recursive: true, force: true });
});

describe("route × role matrix", () => {
  it.each(CASES.map((c) => [`${c.row.name} as ${c.actor} → ${c.outcome}`, c] as const))("%s", async (_name, { row, actor, outcome }) => {
    const before = row.body && outcome !== DONE ? await countRows(t.db) : undefined;
    const res = await callRoute(row.handler, request(row, actor), row.actorParams?.(actor) ?? row.params());
    const location = res.response?.headers.get("location") ?? null;
    if (outcome === LOGIN) {
      expect(res.status).toBe(302);
      expect(location).toBe(`/login?redirectTo=${encodeURIComponent(row.path())}`);
    } else if (outcome === DONE) {
      expect(res.status).toBe(302);
      expect(location).not.toMatch(/^\/login/);
      expect((await readToast(res.response))?.type ?? "success").toBe("success");
      await row.verify?.(actor);
    } else {
      expect(res.status).toBe(outcome);
    }
    // A refused mutation writes nothing (a 403 only appends to the audit log).
    if (before) expect(await countRows(t.db)).toEqual(before);
  });
});

describe("tenancy", () => {
  const EVENT_ROUTES = MATRIX.filter((row) => row.name.includes("/events/:id"));
  let foreignEventId: string;
  let otherEventSessionId: string;
  beforeAll(async () => {
    const stranger = await t.db.selectFrom("membership").select("organizationId").where("userId", "=", ctx.stranger.id).executeTakeFirstOrThrow();
    foreignEventId = (await makeEvent(t.db, stranger.organizationId, { name: "Pameran Sleman", slug: "pameran-sleman" })).id;
    const sibling = await makeEvent(t.db, ctx.org.id, { name: "Pameran Kedua", slug: "pameran-kedua" });
    const s = await createSession(t.db, sibling, sessionInput({ title: "Sesi Acara Kedua" }));
    if (!s.ok) throw new Error(s.reason);
    otherEventSessionId = s.value.id;
  });

  it.each(EVENT_ROUTES.map((row) => [row.name, row] as const))("%s answers 404 to the owner for another organization's event id", async (_name, row) => {
    const p = row.path().replace(ctx.eventId, foreignEventId);
    const res = await callRoute(row.handler, request(row, "owner", p), { ...row.params(), eventId: foreignEventId });
    expect(res.status).toBe(404);
  });

  it.each(EVENT_ROUTES.flatMap((row) => ["not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g"].map((bad) => [row.name, bad, row] as const)))(
    "%s answers 404, not 500, for the malformed event id %j", async (_name, bad, row) => {
      const res = await callRoute(row.handler, request(row, "owner", row.path().replace(ctx.eventId, bad)), { ...row.params(), eventId: bad });
      expect(res.status).toBe(404);
    });

  const SESSION_ROUTES = MATRIX.filter((row) => row.name.includes(":sessionId"));
  it.each(SESSION_ROUTES.flatMap((row) => [["another event's session", "other"], ["a malformed session id", "x'; drop table agenda_session;--"]].map(([what, id]) => [row.name, what!, id!, row] as const)))(
    "%s answers 404 for %s", async (_name, _what, id, row) => {
      const sessionId = id === "other" ? otherEventSessionId : id;
      const res = await callRoute(row.handler, request(row, "owner"), { ...row.params(), sessionId });
      expect(res.status).toBe(404);
    });

  it.each([["not a number", "abc"], ["another organization's email", "stranger"], ["unknown", "987654"]])(
    "GET /o/:org/mail/:emailId answers 404 for %s", async (_what, id) => {
      let emailId = id;
      if (id === "stranger") {
        const stranger = await t.db.selectFrom("membership").select("organizationId").where("userId", "=", ctx.stranger.id).executeTakeFirstOrThrow();
        emailId = (await t.db.insertInto("emailLog").values({
          organizationId: stranger.organizationId, toAddress: "x@y.id", subject: "Rahasia", template: "invitation", transport: "file", fileName: "undangan.eml",
        }).returning("id").executeTakeFirstOrThrow()).id;
      }
      const res = await callRoute(mailFile.loader, get(`/o/${ctx.org.slug}/mail/${emailId}`, ctx.staff.owner.cookie), { orgSlug: ctx.org.slug, emailId });
      expect(res.status).toBe(404);
    });

  it("answers 404 to a member of this organization for another organization's slug", async () => {
    const stranger = await t.db.selectFrom("organization as o").innerJoin("membership as m", "m.organizationId", "o.id")
      .select("o.slug").where("m.userId", "=", ctx.stranger.id).executeTakeFirstOrThrow();
    const res = await callRoute(orgLayout.loader, get(`/o/${stranger.slug}`, ctx.staff.owner.cookie), { orgSlug: stranger.slug });
    expect(res.status).toBe(404);
  });
});

describe("denials", () => {
  it("audits a 403 as permission.denied with the actor, organization and permission, and changes nothing", async () => {
    const before = await t.db.selectFrom("event").select(["status", "name"]).where("id", "=", ctx.eventId).executeTakeFirstOrThrow();
    const res = await callRoute(eventOverview.action, post(ev(), { intent: "publish" }, ctx.staff.curator.cookie), eventParams());
    expect(res.status).toBe(403);
    const rows = await t.db.selectFrom("auditLog").select(["action", "actorUserId", "organizationId", "data"])
      .where("actorUserId", "=", ctx.staff.curator.id).where("action", "=", "permission.denied").orderBy("id", "desc").limit(1).execute();
    expect(rows).toEqual([{ action: "permission.denied", actorUserId: ctx.staff.curator.id, organizationId: ctx.org.id, data: { permission: "event:publish" } }]);
    expect(await t.db.selectFrom("event").select(["status", "name"]).where("id", "=", ctx.eventId).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("audits a denied page view too (gate staff opening the members page)", async () => {
    const res = await callRoute(members.loader, get(`/o/${ctx.org.slug}/members`, ctx.staff.gate_staff.cookie), orgParams());
    expect(res.status).toBe(403);
    const row = await t.db.selectFrom("auditLog").select(["data"]).where("actorUserId", "=", ctx.staff.gate_staff.id)
      .where("action", "=", "permission.denied").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(row.data).toEqual({ permission: "member:manage" });
  });

  it("never audits a 404 for a stranger (their probing is not a member's denial)", async () => {
    await callRoute(members.loader, get(`/o/${ctx.org.slug}/members`, ctx.stranger.cookie), orgParams());
    const rows = await t.db.selectFrom("auditLog").select("id").where("actorUserId", "=", ctx.stranger.id).where("organizationId", "=", ctx.org.id).execute();
    expect(rows).toEqual([]);
  });
});
