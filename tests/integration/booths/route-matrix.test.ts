import { beforeAll, describe, expect, it } from "vitest";
import { assignBooth } from "~/booths/assign.server";
import { createOrganization } from "~/organizations/organizations.server";
import * as floorPlan from "~/routes/o.$orgSlug.events.$eventId.floor-plan._index";
import * as boothPage from "~/routes/o.$orgSlug.events.$eventId.floor-plan.booths.$boothId";
import * as autoPage from "~/routes/o.$orgSlug.events.$eventId.floor-plan.auto";
import * as invoicesPage from "~/routes/o.$orgSlug.events.$eventId.invoices";
import * as myBooth from "~/routes/exhibitor.applications.$applicationId.booth";
import * as staffPage from "~/routes/exhibitor.applications.$applicationId.staff";
import * as directory from "~/routes/e.$slug.exhibitors";
import * as publicMap from "~/routes/e.$slug.map";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { countRows, makeAccount, makeEvent, makeOrgWithStaff, readToast, type Staff, type TestUser } from "../../helpers/factories";
import { makeBooths, makeCall, makeExhibitor, makeHall, OPEN_NOW, row, type TestExhibitor } from "../../helpers/booth-factories";

const t = useTestDatabase();

const ACTORS = ["anon", "owner", "admin", "curator", "gate_staff", "stranger", "exhibitor", "other_exhibitor"] as const;
type Actor = (typeof ACTORS)[number];
const LOGIN = "302 → login";
const DONE = "302 done";
type Outcome = typeof LOGIN | typeof DONE | 200 | 403 | 404;

//                                 anon   owner admin curator gate  stranger exhibitor other_exh
const VIEW: Outcome[] =           [LOGIN, 200,  200,  200,    200,  404,     404,      404];
const MANAGE: Outcome[] =         [LOGIN, DONE, DONE, 403,    403,  404,     404,      404];
const MANAGE_200: Outcome[] =     [LOGIN, 200,  200,  403,    403,  404,     404,      404];
const OWN_VIEW: Outcome[] =       [LOGIN, 404,  404,  404,    404,  404,     200,      404];
const OWN_DONE: Outcome[] =       [LOGIN, 404,  404,  404,    404,  404,     DONE,     404];
const PUBLIC: Outcome[] =         [200,   200,  200,  200,    200,  200,     200,      200];

type Ctx = {
  org: { id: string; slug: string }; staff: Staff; stranger: TestUser; eventId: string; slug: string; hallId: string;
  booths: Record<string, string>; exhibitor: TestExhibitor; other: TestExhibitor; staffApplicationId: string; invoices: Record<string, string>;
};
const ctx = {} as Ctx;

type Row = {
  name: string;
  handler: Parameters<typeof callRoute>[0];
  path: () => string;
  params: () => Record<string, string>;
  body?: (actor: Actor) => Record<string, string>;
  outcomes: Outcome[];
  verify?: (actor: Actor) => Promise<void>;
};

const ev = (rest = "") => `/o/${ctx.org.slug}/events/${ctx.eventId}${rest}`;
const eventParams = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });

const MATRIX: Row[] = [
  { name: "GET  floor-plan", handler: floorPlan.loader, path: () => ev("/floor-plan"), params: eventParams, outcomes: VIEW },
  {
    name: "POST floor-plan bulk-create", handler: floorPlan.action, path: () => ev("/floor-plan"), params: eventParams, outcomes: MANAGE,
    body: (a) => ({ intent: "bulk-create", hallId: ctx.hallId, rows: "1", cols: "2", startX: "0", startY: String(20 + ACTORS.indexOf(a) * 4), w: "3", h: "3", codePattern: `${a.slice(0, 3).toUpperCase()}{n}` }),
    verify: async (a) => expect(await t.db.selectFrom("booth").select("id").where("code", "=", `${a.slice(0, 3).toUpperCase()}1`).execute()).toHaveLength(1),
  },
  {
    name: "GET  floor-plan/booths/:id", handler: boothPage.loader, path: () => ev(`/floor-plan/booths/${ctx.booths["A-01"]}`),
    params: () => ({ ...eventParams(), boothId: ctx.booths["A-01"]! }), outcomes: VIEW,
  },
  {
    name: "POST floor-plan/booths/:id save", handler: boothPage.action, path: () => ev(`/floor-plan/booths/${ctx.booths["A-01"]}`),
    params: () => ({ ...eventParams(), boothId: ctx.booths["A-01"]! }), outcomes: MANAGE,
    body: (a) => ({ intent: "save-booth", code: "A-01", sizeM2: "9", zone: `zona-${a}`, x: "0", y: "0", w: "3", h: "3" }),
    verify: async (a) => expect((await t.db.selectFrom("booth").select("zone").where("id", "=", ctx.booths["A-01"]!).executeTakeFirstOrThrow()).zone).toBe(`zona-${a}`),
  },
  { name: "GET  floor-plan/auto", handler: autoPage.loader, path: () => ev("/floor-plan/auto"), params: eventParams, outcomes: VIEW },
  { name: "POST floor-plan/auto preview", handler: autoPage.action, path: () => ev("/floor-plan/auto"), params: eventParams, outcomes: MANAGE_200, body: () => ({ intent: "preview" }) },
  { name: "GET  invoices", handler: invoicesPage.loader, path: () => ev("/invoices"), params: eventParams, outcomes: VIEW },
  {
    name: "POST invoices mark-paid", handler: invoicesPage.action, path: () => ev("/invoices"), params: eventParams, outcomes: MANAGE,
    body: (a) => ({ intent: "mark-paid", invoiceId: ctx.invoices[a]!, reference: `TRF-${a}` }),
    verify: async (a) => expect(await t.db.selectFrom("invoice").select(["status", "paidReference"]).where("id", "=", ctx.invoices[a]!).executeTakeFirstOrThrow()).toEqual({ status: "paid", paidReference: `TRF-${a}` }),
  },
  {
    name: "GET  exhibitor booth", handler: myBooth.loader, path: () => `/exhibitor/applications/${ctx.exhibitor.applicationId}/booth`,
    params: () => ({ applicationId: ctx.exhibitor.applicationId }), outcomes: OWN_VIEW,
  },
  {
    name: "POST exhibitor booth pick", handler: myBooth.action, path: () => `/exhibitor/applications/${ctx.exhibitor.applicationId}/booth`,
    params: () => ({ applicationId: ctx.exhibitor.applicationId }), outcomes: OWN_DONE, body: () => ({ intent: "pick", boothId: ctx.booths["A-02"]! }),
    verify: async () => expect(await t.db.selectFrom("boothAssignment").select("boothId").where("applicationId", "=", ctx.exhibitor.applicationId).execute()).toEqual([{ boothId: ctx.booths["A-02"] }]),
  },
  {
    name: "GET  exhibitor staff", handler: staffPage.loader, path: () => `/exhibitor/applications/${ctx.staffApplicationId}/staff`,
    params: () => ({ applicationId: ctx.staffApplicationId }), outcomes: OWN_VIEW,
  },
  {
    name: "POST exhibitor staff add", handler: staffPage.action, path: () => `/exhibitor/applications/${ctx.staffApplicationId}/staff`,
    params: () => ({ applicationId: ctx.staffApplicationId }), outcomes: OWN_DONE, body: () => ({ intent: "add-staff", name: "Penjaga Matriks" }),
    verify: async () => expect(await t.db.selectFrom("exhibitorStaff").select("name").where("applicationId", "=", ctx.staffApplicationId).execute()).toEqual([{ name: "Penjaga Matriks" }]),
  },
  { name: "GET  /e/:slug/exhibitors", handler: directory.loader, path: () => `/e/${ctx.slug}/exhibitors`, params: () => ({ slug: ctx.slug }), outcomes: PUBLIC },
  { name: "GET  /e/:slug/map", handler: publicMap.loader, path: () => `/e/${ctx.slug}/map?booth=A-02`, params: () => ({ slug: ctx.slug }), outcomes: PUBLIC },
];

function userOf(actor: Actor): TestUser | undefined {
  switch (actor) {
    case "anon": return undefined;
    case "stranger": return ctx.stranger;
    case "exhibitor": return ctx.exhibitor.user;
    case "other_exhibitor": return ctx.other.user;
    default: return ctx.staff[actor];
  }
}

const request = (row: Row, actor: Actor, p = row.path()) => (row.body ? post(p, row.body(actor), userOf(actor)?.cookie) : get(p, userOf(actor)?.cookie));

beforeAll(async () => {
  ({ org: ctx.org, staff: ctx.staff } = await makeOrgWithStaff(t.db, "Kadin Matriks Stan"));
  ctx.stranger = await makeAccount(t.db, "Pemilik Lain");
  await createOrganization(t.db, { name: "Dinas Lain", kind: "dinas", city: "Sleman", ownerId: ctx.stranger.id });
  const event = await makeEvent(t.db, ctx.org.id, { slug: "pameran-matriks-stan" });
  ctx.eventId = event.id;
  ctx.slug = event.slug;
  await t.db.updateTable("event").set({ status: "published", publishedAt: new Date() }).where("id", "=", event.id).execute();
  await makeCall(t.db, event.id, { selection: OPEN_NOW() });
  ctx.hallId = await makeHall(t.db, event.id);
  ctx.booths = await makeBooths(t.db, event.id, ctx.hallId, [...row("A", 3), ...row("P", ACTORS.length, 8, { priceIdr: 250_000 })]);
  ctx.exhibitor = await makeExhibitor(t.db, event.id, { name: "Batik Matriks" });
  ctx.other = await makeExhibitor(t.db, event.id, { name: "Batik Tetangga" });
  // The same exhibitor's application to a second event, with a booth already, for the staff page.
  const second = await makeEvent(t.db, ctx.org.id, { slug: "pameran-matriks-kedua" });
  await makeCall(t.db, second.id);
  const hall2 = await makeHall(t.db, second.id);
  const b2 = await makeBooths(t.db, second.id, hall2, row("S", 1));
  const app2 = await t.db.insertInto("application").values({ eventId: second.id, businessId: ctx.exhibitor.businessId, status: "accepted", preferredSizeM2: 9 }).returning("id").executeTakeFirstOrThrow();
  ctx.staffApplicationId = app2.id;
  await assignBooth(t.db, { eventId: second.id, applicationId: app2.id, boothId: b2["S-01"]!, method: "manual", by: null, now: new Date(), appUrl: "http://x" });
  // One unpaid invoice per actor, so each "mark paid" that should succeed has its own.
  ctx.invoices = {};
  for (const [i, actor] of ACTORS.entries()) {
    const e = await makeExhibitor(t.db, event.id, { name: `Penyewa ${actor}` });
    const res = await assignBooth(t.db, { eventId: event.id, applicationId: e.applicationId, boothId: ctx.booths[`P-${String(i + 1).padStart(2, "0")}`]!, method: "manual", by: null, now: new Date(), appUrl: "http://x" });
    if (!res.ok) throw new Error(res.reason);
    ctx.invoices[actor] = (await t.db.selectFrom("invoice").select("id").where("boothAssignmentId", "=", res.value.assignmentId).executeTakeFirstOrThrow()).id;
  }
});

const BOOTH_TABLES = ["booth", "boothAssignment", "invoice", "exhibitorStaff", "boothPreference", "outbox", "exhibitorCall"] as const;

describe("booths route × role matrix", () => {
  const cases = MATRIX.flatMap((r) => ACTORS.map((actor, i) => ({ row: r, actor, outcome: r.outcomes[i]! })));
  it.each(cases.map((c) => [`${c.row.name} as ${c.actor} → ${c.outcome}`, c] as const))("%s", async (_name, { row: r, actor, outcome }) => {
    const before = r.body && outcome !== DONE ? await countRows(t.db, BOOTH_TABLES) : undefined;
    const res = await callRoute(r.handler, request(r, actor), r.params());
    const location = res.response?.headers.get("location") ?? null;
    if (outcome === LOGIN) {
      expect(res.status).toBe(302);
      expect(location).toBe(`/login?redirectTo=${encodeURIComponent(r.path())}`);
    } else if (outcome === DONE) {
      expect(res.status).toBe(302);
      expect(location).not.toMatch(/^\/login/);
      expect((await readToast(res.response))?.type ?? "success").toBe("success");
      await r.verify?.(actor);
    } else {
      expect(res.status).toBe(outcome);
    }
    if (before) expect(await countRows(t.db, BOOTH_TABLES)).toEqual(before);
  });
});

describe("booths tenancy", () => {
  const EVENT_ROWS = MATRIX.filter((r) => r.outcomes === VIEW || r.outcomes === MANAGE || r.outcomes === MANAGE_200);
  let foreignEventId: string;
  beforeAll(async () => {
    const org = await t.db.selectFrom("membership").select("organizationId").where("userId", "=", ctx.stranger.id).executeTakeFirstOrThrow();
    foreignEventId = (await makeEvent(t.db, org.organizationId, { slug: "pameran-asing" })).id;
  });

  it.each(EVENT_ROWS.map((r) => [r.name, r] as const))("%s answers 404 to the owner for another organization's event", async (_name, r) => {
    const res = await callRoute(r.handler, request(r, "owner", r.path().replace(ctx.eventId, foreignEventId)), { ...r.params(), eventId: foreignEventId });
    expect(res.status).toBe(404);
  });

  it.each(EVENT_ROWS.flatMap((r) => ["not-a-uuid", "00000000-0000-0000-0000-00000000000g"].map((bad) => [r.name, bad, r] as const)))(
    "%s answers 404, not 500, for the malformed event id %j", async (_name, bad, r) => {
      const res = await callRoute(r.handler, request(r, "owner", r.path().replace(ctx.eventId, bad)), { ...r.params(), eventId: bad });
      expect(res.status).toBe(404);
    });

  it.each(["not-a-uuid", "00000000-0000-4000-8000-000000000000"])("the exhibitor pages answer 404 for the application id %j", async (bad) => {
    for (const handler of [myBooth.loader, staffPage.loader]) {
      expect((await callRoute(handler, get(`/exhibitor/applications/${bad}/booth`, ctx.exhibitor.user.cookie), { applicationId: bad })).status).toBe(404);
    }
  });

  it("the public pages answer 404 for a draft event and an unknown slug", async () => {
    const draft = await makeEvent(t.db, ctx.org.id, { slug: "pameran-draf-stan" });
    for (const slug of [draft.slug, "tidak-ada"]) {
      expect((await callRoute(directory.loader, get(`/e/${slug}/exhibitors`), { slug })).status).toBe(404);
      expect((await callRoute(publicMap.loader, get(`/e/${slug}/map`), { slug })).status).toBe(404);
    }
  });
});
