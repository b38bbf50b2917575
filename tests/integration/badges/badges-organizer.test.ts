import { beforeAll, describe, expect, it } from "vitest";
import * as list from "~/routes/o.$orgSlug.events.$eventId.badges._index";
import * as add from "~/routes/o.$orgSlug.events.$eventId.badges.new";
import * as detail from "~/routes/o.$orgSlug.events.$eventId.badges.$badgeId";
import * as pdf from "~/routes/o.$orgSlug.events.$eventId.badges.$badgeId_.pdf";
import * as print from "~/routes/o.$orgSlug.events.$eventId.badges.print";
import { listRevocations } from "~/badges/badges.server";
import { revocationKey } from "~/badges/badge-token";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { countRows, fieldErrors, readToast } from "../../helpers/factories";
import { makeBadge, makeExhibitorStaff, makeBadgeOrganizers, type BadgeOrganizers } from "../../helpers/badge-factories";

const t = useTestDatabase();
const ctx = {} as BadgeOrganizers;
const ev = (rest = "") => `/o/${ctx.org.slug}/events/${ctx.eventId}/badges${rest}`;
const params = (extra: Record<string, string> = {}) => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId, ...extra });
const addForm = (over: Record<string, string> = {}) => ({ kind: "buyer", holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", email: "sari@batik.test", phone: "0812-3456-7890", locale: "id", ...over });
const BADGE_TABLES = ["badge", "badgeRevocation", "outbox", "auditLog"] as const;

beforeAll(async () => {
  Object.assign(ctx, await makeBadgeOrganizers(t.db, "Kadin Badge", "pameran-badge"));
});

describe("organizer badge pages", () => {
  it("an admin adds a badge: the phone is stored as E.164, the email is queued, and the detail page shows its QR", async () => {
    const res = await callRoute(add.action, post(ev("/new"), addForm({ sendEmail: "on" }), ctx.staff.admin.cookie), params());
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "badges.toast.added_sent" });
    const badge = await t.db.selectFrom("badge").selectAll().where("holderName", "=", "Sari Wulandari").executeTakeFirstOrThrow();
    expect(badge).toMatchObject({ kind: "buyer", phone: "+6281234567890", email: "sari@batik.test", source: "organizer", status: "valid" });
    expect(res.response!.headers.get("location")).toBe(ev(`/${badge.id}`));
    const mail = await t.db.selectFrom("outbox").select(["kind", "payload"]).where("kind", "=", "email").execute();
    expect(mail.map((m) => JSON.stringify(m.payload))).toEqual([expect.stringContaining("badge-issued")]);
    const page = await callRoute(detail.loader, get(ev(`/${badge.id}`), ctx.staff.gate_staff.cookie), params({ badgeId: badge.id }));
    const body = page.body as { qrImage: string; canManage: boolean; badge: { shortCode: string; history: Array<{ action: string }> } };
    expect(body.qrImage).toMatch(/^data:image\/png;base64,/);
    expect(body.canManage).toBe(false);
    expect(body.badge.shortCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(body.badge.history.map((h) => h.action)).toEqual(["badge.issued"]);
  });

  it("a bad add form names the field and writes nothing", async () => {
    const before = await countRows(t.db, BADGE_TABLES);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ holderName: "" }, "holderName", "validation.required"],
      [{ kind: "alien" }, "kind", "badges.v.kind"],
      [{ email: "bukan-email" }, "email", "validation.email"],
      [{ phone: "021-5551234" }, "phone", "badges.errors.whatsapp_landline"],
      [{ phone: "0812abc" }, "phone", "badges.v.phone"],
      [{ email: "", sendEmail: "on" }, "email", "badges.v.email_for_send"],
    ];
    for (const [over, field, key] of cases) {
      const res = await callRoute(add.action, post(ev("/new"), addForm(over), ctx.staff.owner.cookie), params());
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(fieldErrors(res.body)[field], JSON.stringify(over)).toEqual([key]);
    }
    expect(await countRows(t.db, BADGE_TABLES)).toEqual(before);
  });

  it("the list searches by name, organization and short code (with or without the dash) and filters by kind, status and not printed", async () => {
    const a = await makeBadge(t.db, { id: ctx.eventId }, { kind: "press", holderName: "Budi Santoso", organizationName: "Solopos" });
    await makeBadge(t.db, { id: ctx.eventId }, { kind: "vip", holderName: "Wali Kota Kediri", organizationName: "Pemkot Kediri" });
    const names = async (qs: string) => {
      const res = await callRoute(list.loader, get(ev(qs), ctx.staff.curator.cookie), params());
      return (res.body as { rows: Array<{ holderName: string }> }).rows.map((r) => r.holderName).sort();
    };
    expect(await names("?q=budi")).toEqual(["Budi Santoso"]);
    expect(await names("?q=solopos")).toEqual(["Budi Santoso"]);
    expect(await names(`?q=${a.shortCode}`)).toEqual(["Budi Santoso"]);
    expect(await names(`?q=${a.shortCode.replace("-", "").toLowerCase()}`)).toEqual(["Budi Santoso"]);
    expect(await names("?kind=vip")).toEqual(["Wali Kota Kediri"]);
    expect(await names("?q=100%25")).toEqual([]);
    expect(await names("?status=blocked")).toEqual([]);
    expect(await names("?kind=alien&page=-3")).toHaveLength(3);
    expect(await names("?unprinted=1")).toHaveLength(3);
  });

  it("reissue gives a new code and revokes the old one; block needs a reason; unblock restores; revoke is final", async () => {
    const b = await makeBadge(t.db, { id: ctx.eventId }, { holderName: "Dewi Lestari", email: "dewi@test.id" });
    const act = (fields: Record<string, string>) => callRoute(detail.action, post(ev(`/${b.badge.id}`), fields, ctx.staff.owner.cookie), params({ badgeId: b.badge.id }));
    const seedBefore = (await t.db.selectFrom("badge").select("seed").where("id", "=", b.badge.id).executeTakeFirstOrThrow()).seed;
    expect(await readToast((await act({ intent: "reissue", sendEmail: "on" })).response)).toMatchObject({ key: "badges.toast.reissue_sent" });
    const after = await t.db.selectFrom("badge").select(["seed", "shortCode"]).where("id", "=", b.badge.id).executeTakeFirstOrThrow();
    expect(after.seed).not.toBe(seedBefore);
    expect(await listRevocations(t.db, ctx.eventId)).toContain(revocationKey({ badgeId: b.badge.id, seed: seedBefore }));

    expect(await readToast((await act({ intent: "block", reason: "" })).response)).toMatchObject({ type: "error", key: "badges.v.reason" });
    expect(await readToast((await act({ intent: "block", reason: "Kartu hilang" })).response)).toMatchObject({ type: "success", key: "badges.toast.block" });
    expect(await readToast((await act({ intent: "unblock" })).response)).toMatchObject({ key: "badges.toast.unblock" });
    expect(await readToast((await act({ intent: "revoke", reason: "Dobel" })).response)).toMatchObject({ key: "badges.toast.revoke" });
    expect(await readToast((await act({ intent: "reissue" })).response)).toMatchObject({ type: "error", key: "badges.errors.revoked" });
    expect(await readToast((await act({ intent: "unblock" })).response)).toMatchObject({ type: "error", key: "badges.errors.invalid_transition" });
    const row = await t.db.selectFrom("badge").select(["status", "statusReason"]).where("id", "=", b.badge.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "revoked", statusReason: "Dobel" });
    const page = await callRoute(detail.loader, get(ev(`/${b.badge.id}`), ctx.staff.owner.cookie), params({ badgeId: b.badge.id }));
    const body = page.body as { qrImage: string | null; badge: { history: Array<{ action: string; reason: string | null }> } };
    expect(body.qrImage).toBeNull();
    expect(body.badge.history.map((h) => h.action)).toEqual(["badge.revoked", "badge.unblocked", "badge.blocked", "badge.reissued", "badge.issued"]);
    expect(body.badge.history[0]!.reason).toBe("Dobel");
    expect((await callRoute(pdf.loader, get(ev(`/${b.badge.id}/pdf`), ctx.staff.owner.cookie), params({ badgeId: b.badge.id }))).status).toBe(404);
  });

  it("issues one exhibitor badge per booth staff member, and a second click issues none", async () => {
    await makeExhibitorStaff(t.db, ctx.eventId, "Rina Kusuma");
    await makeExhibitorStaff(t.db, ctx.eventId, "Agus Salim");
    const click = () => callRoute(list.action, post(ev(), { intent: "issue-staff" }, ctx.staff.admin.cookie), params());
    expect(await readToast((await click()).response)).toMatchObject({ type: "success", params: { issued: 2, skipped: 0 } });
    expect(await readToast((await click()).response)).toMatchObject({ type: "error", key: "badges.staff.none" });
    const rows = await t.db.selectFrom("badge").select(["kind", "source", "organizationName"]).where("source", "=", "staff").execute();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.kind === "exhibitor" && r.organizationName.startsWith("Batik "))).toBe(true);
  });

  it("bulk print returns one PDF of the chosen badges and marks them printed; nothing left gives a message", async () => {
    const printIt = (fields: Record<string, string>) => callRoute(print.action, post(ev("/print"), fields, ctx.staff.owner.cookie), params());
    const res = await printIt({ selection: "kind", kind: "press", layout: "a4-4up" });
    expect(res.response!.headers.get("content-type")).toBe("application/pdf");
    expect(res.response!.headers.get("x-badge-count")).toBe("1");
    const bytes = Buffer.from(await res.response!.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const press = await t.db.selectFrom("badge").select("printedAt").where("kind", "=", "press").executeTakeFirstOrThrow();
    expect(press.printedAt).toBeInstanceOf(Date);
    const all = await printIt({ selection: "unprinted", layout: "cr80" });
    expect(Number(all.response!.headers.get("x-badge-count"))).toBeGreaterThan(1);
    await all.response!.arrayBuffer();
    expect(await readToast((await printIt({ selection: "unprinted", layout: "a6" })).response)).toMatchObject({ type: "error", key: "badges.print.none" });
    expect(await readToast((await printIt({ selection: "kind", layout: "a5" })).response)).toMatchObject({ type: "error", key: "badges.v.layout" });
  });
});

describe("badge authorization", () => {
  it("curators and gate staff can view but not manage; another organization gets 404; anonymous goes to login", async () => {
    const b = await makeBadge(t.db, { id: ctx.eventId }, { holderName: "Hana Pratiwi" });
    for (const role of ["curator", "gate_staff"] as const) {
      const cookie = ctx.staff[role].cookie;
      expect((await callRoute(list.loader, get(ev(), cookie), params())).status).toBe(200);
      expect((await callRoute(add.loader, get(ev("/new"), cookie), params())).status).toBe(403);
      expect((await callRoute(add.action, post(ev("/new"), addForm(), cookie), params())).status).toBe(403);
      expect((await callRoute(detail.action, post(ev(`/${b.badge.id}`), { intent: "revoke", reason: "x y" }, cookie), params({ badgeId: b.badge.id }))).status).toBe(403);
      expect((await callRoute(print.action, post(ev("/print"), { selection: "unprinted", layout: "a6" }, cookie), params())).status).toBe(403);
      expect((await callRoute(list.action, post(ev(), { intent: "issue-staff" }, cookie), params())).status).toBe(403);
    }
    const stranger = ctx.other.staff.owner.cookie;
    expect((await callRoute(list.loader, get(ev(), stranger), params())).status).toBe(404);
    expect((await callRoute(detail.loader, get(ev(`/${b.badge.id}`), stranger), params({ badgeId: b.badge.id }))).status).toBe(404);
    // The other organization's own event does not reveal this badge either.
    const foreign = { orgSlug: ctx.other.slug, eventId: ctx.other.eventId, badgeId: b.badge.id };
    expect((await callRoute(detail.loader, get(`/o/${ctx.other.slug}/events/${ctx.other.eventId}/badges/${b.badge.id}`, stranger), foreign)).status).toBe(404);
    expect((await callRoute(detail.loader, get(ev("/not-a-uuid"), ctx.staff.owner.cookie), params({ badgeId: "not-a-uuid" }))).status).toBe(404);
    expect((await callRoute(list.loader, get(ev()), params())).status).toBe(302);
    const status = await t.db.selectFrom("badge").select("status").where("id", "=", b.badge.id).executeTakeFirstOrThrow();
    expect(status.status).toBe("valid");
  });
});
