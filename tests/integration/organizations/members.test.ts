import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainOutbox } from "~/utils/outbox.server";
import { action as membersAction } from "~/routes/o.$orgSlug.members";
import { action as acceptAction, loader as invitationLoader } from "~/routes/invitations.$token";
import { action as newOrgAction } from "~/routes/orgs.new";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { startSmtpSink } from "../../helpers/smtp";
import { countRows, makeAccount, fieldErrors, makeOrgWithStaff, readToast, type Staff, type TestUser } from "../../helpers/factories";

const t = useTestDatabase();
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let org: { id: string; slug: string };
let staff: Staff;

beforeAll(async () => {
  smtp = await startSmtpSink();
  process.env.SMTP_URL = smtp.url;
  ({ org, staff } = await makeOrgWithStaff(t.db, "Kadin Kota Surakarta"));
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.close();
});

const members = (actor: TestUser, fields: Record<string, string>, slug = org.slug) =>
  callRoute(membersAction, post(`/o/${slug}/members`, fields, actor.cookie), { orgSlug: slug });
const accept = (token: string, user: TestUser) =>
  callRoute(acceptAction, post(`/invitations/${token}`, {}, user.cookie), { token });
const roleOf = async (userId: string, organizationId = org.id) =>
  (await t.db.selectFrom("membership").select("role").where("organizationId", "=", organizationId).where("userId", "=", userId).executeTakeFirst())?.role;

/** Invites over HTTP as the owner, delivers the outbox over SMTP and returns the token from the email's link. */
async function inviteAndReadLink(email: string, role: string, actor = staff.owner) {
  const res = await members(actor, { intent: "invite", email, role });
  expect(res.status).toBe(302);
  await drainOutbox(t.db);
  const mail = smtp.to(email).at(-1);
  expect(mail?.subject).toContain("Kadin Kota Surakarta");
  const token = mail!.text!.match(/\/invitations\/([A-Za-z0-9_-]{20,})/)![1]!;
  expect(mail!.html).toContain(`http://localhost:3000/invitations/${token}`);
  return token;
}

describe("invitations", () => {
  it("emails an accept link; the invited account joins with the invited role, once", async () => {
    const token = await inviteAndReadLink("sari.kurator@batik.id", "curator");
    const invitee = await makeAccount(t.db, "Sari Kurator", "sari.kurator@batik.id");
    const shown = await callRoute(invitationLoader, get(`/invitations/${token}`, invitee.cookie), { token });
    expect(shown.body).toMatchObject({ invitation: { email: "sari.kurator@batik.id", role: "curator", organizationName: "Kadin Kota Surakarta" } });

    const joined = await accept(token, invitee);
    expect(joined.status).toBe(302);
    expect(joined.response!.headers.get("location")).toBe(`/o/${org.slug}`);
    expect(await roleOf(invitee.id)).toBe("curator");

    const again = await accept(token, invitee);
    expect(again.status).toBe(404);
    const gone = await callRoute(invitationLoader, get(`/invitations/${token}`), { token });
    expect(gone.body).toEqual({ invitation: null, user: null });
  });

  it("refuses the link to a signed-in account with another email (404) and keeps it usable for the right one", async () => {
    const token = await inviteAndReadLink("budi.gate@batik.id", "gate_staff");
    const forwardedTo = await makeAccount(t.db, "Orang Lain");
    expect((await accept(token, forwardedTo)).status).toBe(404);
    expect(await roleOf(forwardedTo.id)).toBeUndefined();
    const budi = await makeAccount(t.db, "Budi", "budi.gate@batik.id");
    expect((await accept(token, budi)).status).toBe(302);
    expect(await roleOf(budi.id)).toBe("gate_staff");
  });

  it("sends a signed-out visitor to sign in first, coming back to the link", async () => {
    const res = await callRoute(acceptAction, post("/invitations/abcdefghijklmnopqrstuvwxyz", {}), { token: "abcdefghijklmnopqrstuvwxyz" });
    expect(res.status).toBe(302);
    expect(res.response!.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent("/invitations/abcdefghijklmnopqrstuvwxyz")}`);
  });

  it("refuses an expired invitation (404) and lets a new one be sent for the same address", async () => {
    const token = await inviteAndReadLink("telat@batik.id", "admin");
    await t.db.updateTable("invitation").set({ expiresAt: new Date(Date.now() - 1000) }).where("email", "=", "telat@batik.id").execute();
    const late = await makeAccount(t.db, "Telat", "telat@batik.id");
    expect((await accept(token, late)).status).toBe(404);
    expect(await roleOf(late.id)).toBeUndefined();

    const fresh = await inviteAndReadLink("telat@batik.id", "admin");
    expect((await accept(fresh, late)).status).toBe(302);
    expect(await roleOf(late.id)).toBe("admin");
  });

  it("refuses a revoked invitation", async () => {
    const token = await inviteAndReadLink("batal@batik.id", "curator");
    const { id } = await t.db.selectFrom("invitation").select("id").where("email", "=", "batal@batik.id").executeTakeFirstOrThrow();
    expect((await members(staff.admin, { intent: "revoke-invitation", invitationId: id })).status).toBe(302);
    const user = await makeAccount(t.db, "Batal", "batal@batik.id");
    expect((await accept(token, user)).status).toBe(404);
  });

  it("refuses to invite a member (already_member) or an address with an open invitation (already_invited), with 409", async () => {
    const before = await countRows(t.db);
    const member = await members(staff.owner, { intent: "invite", email: staff.curator.email.toUpperCase(), role: "admin" });
    expect(member.status).toBe(409);
    expect(fieldErrors(member.body)).toEqual({ email: ["members.already_member"] });
    expect(await countRows(t.db)).toEqual(before);

    expect((await members(staff.owner, { intent: "invite", email: "dua.kali@batik.id", role: "curator" })).status).toBe(302);
    const mid = await countRows(t.db);
    const twice = await members(staff.admin, { intent: "invite", email: "dua.kali@batik.id", role: "admin" });
    expect(twice.status).toBe(409);
    expect(fieldErrors(twice.body)).toEqual({ email: ["members.already_invited"] });
    expect(await countRows(t.db)).toEqual(mid);
  });

  it("never lets anyone be invited as owner (400 on role)", async () => {
    const res = await members(staff.owner, { intent: "invite", email: "pemilik.baru@batik.id", role: "owner" });
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)).toEqual({ role: ["validation.choose"] });
  });
});

describe("roles", () => {
  let people: Staff;
  beforeAll(async () => {
    ({ staff: people } = await makeOrgWithStaff(t.db, "Kadin Jawa Tengah"));
  });
  /** A new organization with the same four people in it, so every rule starts from owner/admin/curator/gate_staff. */
  const freshOrg = (name: string) => makeOrgWithStaff(t.db, name, people);

  it("lets an owner change a member's role, audited", async () => {
    const { org: o, staff: s } = await freshOrg("Dinas Koperasi Klaten");
    const res = await members(s.owner, { intent: "change-role", userId: s.curator.id, role: "admin" }, o.slug);
    expect(await readToast(res.response)).toEqual({ type: "success", key: "members.role_changed" });
    expect(await roleOf(s.curator.id, o.id)).toBe("admin");
    const audit = await t.db.selectFrom("auditLog").select(["action", "entityId"]).where("organizationId", "=", o.id).where("action", "=", "member.change-role").execute();
    expect(audit).toEqual([{ action: "member.change-role", entityId: s.curator.id }]);
  });

  it.each([
    ["demote the owner", { intent: "change-role", role: "curator" }, "owner"],
    ["remove the owner", { intent: "remove" }, "owner"],
    ["make a curator an owner", { intent: "change-role", role: "owner" }, "curator"],
  ] as const)("does not let an admin %s (members.forbidden)", async (_rule, fields, target) => {
    const { org: o, staff: s } = await freshOrg(`Dekranasda ${target} ${fields.intent}`);
    const res = await members(s.admin, { ...fields, userId: s[target].id }, o.slug);
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toEqual({ type: "error", key: "members.forbidden" });
    expect(await roleOf(s[target].id, o.id)).toBe(target);
  });

  it("lets an admin remove gate staff", async () => {
    const { org: o, staff: s } = await freshOrg("Kadin Boyolali");
    const res = await members(s.admin, { intent: "remove", userId: s.gate_staff.id }, o.slug);
    expect(await readToast(res.response)).toEqual({ type: "success", key: "members.removed" });
    expect(await roleOf(s.gate_staff.id, o.id)).toBeUndefined();
  });

  it.each([
    ["demoted", { intent: "change-role", role: "admin" }],
    ["removed", { intent: "remove" }],
  ] as const)("refuses to let the last owner be %s (members.last_owner)", async (_rule, fields) => {
    const { org: o, staff: s } = await freshOrg(`Kadin Sragen ${fields.intent}`);
    const res = await members(s.owner, { ...fields, userId: s.owner.id }, o.slug);
    expect(await readToast(res.response)).toEqual({ type: "error", key: "members.last_owner" });
    expect(await roleOf(s.owner.id, o.id)).toBe("owner");
  });

  it("lets one of two owners step down", async () => {
    const { org: o, staff: s } = await freshOrg("Kadin Wonogiri");
    await members(s.owner, { intent: "change-role", userId: s.admin.id, role: "owner" }, o.slug);
    const res = await members(s.owner, { intent: "change-role", userId: s.owner.id, role: "admin" }, o.slug);
    expect(await readToast(res.response)).toEqual({ type: "success", key: "members.role_changed" });
    expect(await roleOf(s.admin.id, o.id)).toBe("owner");
  });

  it("keeps one owner when five owners step down at the same moment (race)", async () => {
    const { org: o, staff: s } = await freshOrg("Kadin Karanganyar");
    const owners = [s.owner, s.admin, s.curator, s.gate_staff, await makeAccount(t.db, "Pemilik Kelima")];
    await t.db.insertInto("membership").values({ organizationId: o.id, userId: owners[4]!.id, role: "owner" }).execute();
    await t.db.updateTable("membership").set({ role: "owner" }).where("organizationId", "=", o.id).execute();

    const results = await Promise.all(owners.map((u) => members(u, { intent: "change-role", userId: u.id, role: "admin" }, o.slug)));
    const keys = (await Promise.all(results.map((r) => readToast(r.response)))).map((toast) => toast?.key).sort();
    expect(keys).toEqual(["members.last_owner", "members.role_changed", "members.role_changed", "members.role_changed", "members.role_changed"]);
    const left = await t.db.selectFrom("membership").select("userId").where("organizationId", "=", o.id).where("role", "=", "owner").execute();
    expect(left).toHaveLength(1);
  });
});

describe("organizations", () => {
  it("makes the creator the owner and gives a second organization with the same name a numeric suffix", async () => {
    const founder = await makeAccount(t.db, "Pendiri");
    const first = await callRoute(newOrgAction, post("/orgs/new", { name: "Dekranasda Kota Solo", kind: "dekranasda" }, founder.cookie));
    const second = await callRoute(newOrgAction, post("/orgs/new", { name: "Dekranasda Kota Solo", kind: "dekranasda", city: "Surakarta" }, founder.cookie));
    const third = await callRoute(newOrgAction, post("/orgs/new", { name: "Dekranasda  Kota—Solo", kind: "other" }, founder.cookie));
    expect([first, second, third].map((r) => r.response!.headers.get("location")))
      .toEqual(["/o/dekranasda-kota-solo", "/o/dekranasda-kota-solo-2", "/o/dekranasda-kota-solo-3"]);
    const orgs = await t.db.selectFrom("organization as o").innerJoin("membership as m", "m.organizationId", "o.id")
      .select(["o.slug", "m.role"]).where("m.userId", "=", founder.id).orderBy("o.slug").execute();
    expect(orgs).toEqual([
      { slug: "dekranasda-kota-solo", role: "owner" },
      { slug: "dekranasda-kota-solo-2", role: "owner" },
      { slug: "dekranasda-kota-solo-3", role: "owner" },
    ]);
  });
});
