import { beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "~/organizations/organizations.server";
import * as layout from "~/routes/o.$orgSlug.events.$eventId.curation";
import * as queue from "~/routes/o.$orgSlug.events.$eventId.curation._index";
import * as detail from "~/routes/o.$orgSlug.events.$eventId.curation.$applicationId";
import * as summary from "~/routes/o.$orgSlug.events.$eventId.curation.summary";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { makeAccount, makeEvent, makeOrgWithStaff, readToast, type Staff, type TestUser } from "../../helpers/factories";
import { makeApplicant, makeCriteria } from "../../helpers/curation-factories";
import { curationSnapshot, scoreForm } from "./helpers";

const t = useTestDatabase();

const ACTORS = ["anon", "owner", "admin", "curator", "gate_staff", "stranger"] as const;
type Actor = (typeof ACTORS)[number];
const LOGIN = "302 → login";
const DONE = "302 done";
type Outcome = typeof LOGIN | typeof DONE | 200 | 403 | 404;

// Curation permissions (app/utils/permissions.ts): curation:score for owner, admin and curator;
// curation:decide for owner and admin only. Another organization's owner sees 404, never 403.
//                                  anon   owner admin curator gate  stranger
const SCORE_VIEW: Outcome[] =      [LOGIN, 200,  200,  200,    403,  404];
const SCORE: Outcome[] =           [LOGIN, DONE, DONE, DONE,   403,  404];
const DECIDE: Outcome[] =          [LOGIN, DONE, DONE, 403,    403,  404];

type Ctx = {
  org: { id: string; slug: string };
  staff: Staff;
  stranger: TestUser;
  strangerOrgId: string;
  eventId: string;
  criteria: string[];
  scored: string;
  decidable: Record<Actor, string>;
  bulk: Record<Actor, string>;
};
const ctx = {} as Ctx;

type Row = {
  name: string;
  handler: Parameters<typeof callRoute>[0];
  path: (actor: Actor) => string;
  params: (actor: Actor) => Record<string, string>;
  body?: (actor: Actor) => Record<string, string>;
  outcomes: Outcome[];
  verify?: (actor: Actor) => Promise<void>;
};

const ev = (rest = "") => `/o/${ctx.org.slug}/events/${ctx.eventId}${rest}`;
const eventParams = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });
const appParams = (applicationId: string) => ({ ...eventParams(), applicationId });
const statusOf = async (id: string) => (await t.db.selectFrom("application").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status;

const MATRIX: Row[] = [
  { name: "GET  curation (layout)", handler: layout.loader, path: () => ev("/curation"), params: eventParams, outcomes: SCORE_VIEW },
  { name: "GET  curation (queue)", handler: queue.loader, path: () => ev("/curation"), params: eventParams, outcomes: SCORE_VIEW },
  {
    name: "POST curation bulk-decide", handler: queue.action, path: () => ev("/curation"), params: eventParams,
    body: (a) => ({ intent: "bulk-decide", decision: "waitlist", applicationIds: ctx.bulk[a], message: "" }), outcomes: DECIDE,
    verify: async (a) => expect(await statusOf(ctx.bulk[a])).toBe("waitlisted"),
  },
  { name: "GET  curation/summary", handler: summary.loader, path: () => ev("/curation/summary"), params: eventParams, outcomes: SCORE_VIEW },
  {
    name: "GET  curation/:applicationId", handler: detail.loader, path: () => ev(`/curation/${ctx.scored}`),
    params: () => appParams(ctx.scored), outcomes: SCORE_VIEW,
  },
  {
    name: "POST curation/:applicationId score", handler: detail.action, path: () => ev(`/curation/${ctx.scored}`),
    params: () => appParams(ctx.scored), body: () => scoreForm(ctx.criteria, [4, 3, 5, 2], "Rapi"), outcomes: SCORE,
    verify: async (a) => {
      const rows = await t.db.selectFrom("curationScore").select(["criterionId", "score", "comment"])
        .where("applicationId", "=", ctx.scored).where("curatorUserId", "=", userOf(a)!.id).orderBy("score").execute();
      expect(rows.map((r) => r.score)).toEqual([2, 3, 4, 5]);
    },
  },
  {
    name: "POST curation/:applicationId decide", handler: detail.action, path: (a) => ev(`/curation/${ctx.decidable[a]}`),
    params: (a) => appParams(ctx.decidable[a]), body: () => ({ intent: "decide", decision: "accept", from: "submitted", message: "Selamat" }),
    outcomes: DECIDE,
    verify: async (a) => expect(await statusOf(ctx.decidable[a])).toBe("accepted"),
  },
];

function userOf(actor: Actor): TestUser | undefined {
  if (actor === "anon") return undefined;
  return actor === "stranger" ? ctx.stranger : ctx.staff[actor];
}
function request(row: Row, actor: Actor, overridePath?: string, asActor: Actor = actor) {
  const cookie = userOf(asActor)?.cookie;
  const p = overridePath ?? row.path(actor);
  return row.body ? post(p, row.body(actor), cookie) : get(p, cookie);
}

beforeAll(async () => {
  ({ org: ctx.org, staff: ctx.staff } = await makeOrgWithStaff(t.db, "Kadin Kediri"));
  ctx.stranger = await makeAccount(t.db, "Pemilik Lain");
  ctx.strangerOrgId = (await createOrganization(t.db, { name: "Dekranasda Sleman", kind: "dekranasda", city: "Sleman", ownerId: ctx.stranger.id })).id;
  ctx.eventId = (await makeEvent(t.db, ctx.org.id, { slug: "kurasi-matriks" })).id;
  ctx.criteria = await makeCriteria(t.db, ctx.eventId);
  ctx.scored = (await makeApplicant(t.db, ctx.eventId, { name: "Tenun Ikat Bandar Kidul" })).applicationId;
  ctx.decidable = {} as Record<Actor, string>;
  ctx.bulk = {} as Record<Actor, string>;
  for (const actor of ACTORS) {
    ctx.decidable[actor] = (await makeApplicant(t.db, ctx.eventId, { name: `Batik Putusan ${actor}` })).applicationId;
    ctx.bulk[actor] = (await makeApplicant(t.db, ctx.eventId, { name: `Batik Massal ${actor}` })).applicationId;
  }
});

describe("curation route × role matrix", () => {
  const cases = MATRIX.flatMap((row) => ACTORS.map((actor, i) => ({ row, actor, outcome: row.outcomes[i]! })));
  it.each(cases.map((c) => [`${c.row.name} as ${c.actor} → ${c.outcome}`, c] as const))("%s", async (_name, { row, actor, outcome }) => {
    const before = row.body && outcome !== DONE ? await curationSnapshot(t.db) : undefined;
    const res = await callRoute(row.handler, request(row, actor), row.params(actor));
    const location = res.response?.headers.get("location") ?? null;
    if (outcome === LOGIN) {
      expect(res.status).toBe(302);
      expect(location).toBe(`/login?redirectTo=${encodeURIComponent(row.path(actor))}`);
    } else if (outcome === DONE) {
      expect(res.status).toBe(302);
      expect(location).not.toMatch(/^\/login/);
      expect((await readToast(res.response))?.type ?? "success").toBe("success");
      await row.verify?.(actor);
    } else {
      expect(res.status).toBe(outcome);
    }
    // A refused request changes nothing: no status, score, outbox job or email (only the audit log grows).
    if (before) expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("audits a curator's refused decision as permission.denied for curation:decide", async () => {
    const res = await callRoute(detail.action, post(ev(`/curation/${ctx.scored}`), { intent: "decide", decision: "reject", from: "submitted" },
      ctx.staff.curator.cookie), appParams(ctx.scored));
    expect(res.status).toBe(403);
    const row = await t.db.selectFrom("auditLog").select(["data", "organizationId"]).where("actorUserId", "=", ctx.staff.curator.id)
      .where("action", "=", "permission.denied").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(row).toEqual({ data: { permission: "curation:decide" }, organizationId: ctx.org.id });
    expect(await statusOf(ctx.scored)).toBe("submitted");
  });

  it("shows the decision controls to owners and admins only", async () => {
    for (const [actor, canDecide] of [["owner", true], ["admin", true], ["curator", false]] as const) {
      const res = await callRoute(detail.loader, get(ev(`/curation/${ctx.scored}`), ctx.staff[actor].cookie), appParams(ctx.scored));
      expect((res.body as { canDecide: boolean }).canDecide, actor).toBe(canDecide);
      const q = await callRoute(queue.loader, get(ev("/curation"), ctx.staff[actor].cookie), eventParams());
      expect((q.body as { canDecide: boolean }).canDecide, actor).toBe(canDecide);
    }
  });
});

describe("curation tenancy", () => {
  let foreignEventId: string;
  let siblingApplicationId: string;
  let foreignApplicationId: string;
  let draftId: string;
  beforeAll(async () => {
    foreignEventId = (await makeEvent(t.db, ctx.strangerOrgId, { name: "Pameran Sleman", slug: "pameran-sleman-kurasi" })).id;
    foreignApplicationId = (await makeApplicant(t.db, foreignEventId, { name: "Perak Kotagede" })).applicationId;
    const sibling = await makeEvent(t.db, ctx.org.id, { name: "Pameran Kedua", slug: "pameran-kedua-kurasi" });
    await makeCriteria(t.db, sibling.id);
    siblingApplicationId = (await makeApplicant(t.db, sibling.id, { name: "Batik Acara Lain" })).applicationId;
    draftId = (await makeApplicant(t.db, ctx.eventId, { name: "Batik Masih Draf" }, { status: "draft" })).applicationId;
  });

  it.each(MATRIX.map((row) => [row.name, row] as const))("%s answers 404 to the owner for another organization's event", async (_n, row) => {
    const p = row.path("owner").replace(ctx.eventId, foreignEventId);
    const params = { ...row.params("owner"), eventId: foreignEventId };
    if ("applicationId" in params) params.applicationId = foreignApplicationId;
    const res = await callRoute(row.handler, request(row, "owner", p), params);
    expect(res.status).toBe(404);
  });

  const APP_ROUTES = MATRIX.filter((row) => row.name.includes(":applicationId"));
  it.each(APP_ROUTES.flatMap((row) => [
    ["another event's application", "sibling"], ["another organization's application", "foreign"], ["a draft", "draft"],
    ["a malformed id", "1' or '1'='1"], ["an unknown id", "7d1c3f5e-1b2a-4c3d-8e9f-0a1b2c3d4e5f"],
  ].map(([what, which]) => [row.name, what!, which!, row] as const)))("%s answers 404 for %s", async (_n, _what, which, row) => {
    const applicationId = which === "sibling" ? siblingApplicationId : which === "foreign" ? foreignApplicationId : which === "draft" ? draftId : which;
    const before = await curationSnapshot(t.db);
    const res = await callRoute(row.handler, request(row, "owner", ev(`/curation/${encodeURIComponent(applicationId)}`)), appParams(applicationId));
    expect(res.status).toBe(404);
    expect(await curationSnapshot(t.db)).toEqual(before);
  });

  it("never decides another event's application through the bulk action", async () => {
    const res = await callRoute(queue.action, post(ev("/curation"), { intent: "bulk-decide", decision: "reject", applicationIds: siblingApplicationId },
      ctx.staff.owner.cookie), eventParams());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "error", key: "curation.bulk.none_done" });
    expect(await statusOf(siblingApplicationId)).toBe("submitted");
  });

  it("answers 404 for malformed event ids instead of 500", async () => {
    for (const row of MATRIX) {
      const res = await callRoute(row.handler, request(row, "owner", row.path("owner").replace(ctx.eventId, "bukan-uuid")), { ...row.params("owner"), eventId: "bukan-uuid" });
      expect(res.status, row.name).toBe(404);
    }
  });
});
