// Correcting a badge's holder details (the organizer's "Ubah data"): the code stays, printed badges that show a
// changed name/organization/kind go back to "not yet printed", bad input names the field and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import * as edit from "~/routes/o.$orgSlug.events.$eventId.badges.$badgeId_.edit";
import * as detail from "~/routes/o.$orgSlug.events.$eventId.badges.$badgeId";
import { badgeQrText, setBadgeStatus } from "~/badges/badges.server";
import { recordScan } from "~/checkin/checkin.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get, post } from "../../helpers/http";
import { countRows, fieldErrors, readToast } from "../../helpers/factories";
import { makeBadge, makeDevice, makeList, NOW, scanOf, makeBadgeOrganizers, type BadgeOrganizers } from "../../helpers/badge-factories";

const t = useTestDatabase();
const ctx = {} as BadgeOrganizers;
const url = (badgeId: string) => `/o/${ctx.org.slug}/events/${ctx.eventId}/badges/${badgeId}/edit`;
const params = (badgeId: string) => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId, badgeId });
const form = (over: Record<string, string> = {}) => ({
  kind: "buyer", holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", email: "sari@batik.test", phone: "0812-3456-7890", locale: "id", ...over,
});
const row = (id: string) => t.db.selectFrom("badge").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const badgeOf = (over: Parameters<typeof makeBadge>[2] = {}) =>
  makeBadge(t.db, { id: ctx.eventId }, { kind: "buyer", holderName: "Sari Wulandri", organizationName: "Batik Laweyan Sari", email: "sari@batik.test", ...over });

beforeAll(async () => {
  Object.assign(ctx, await makeBadgeOrganizers(t.db, "Kadin Ubah", "pameran-ubah"));
});

describe("editing a badge's holder details", () => {
  it("shows the form filled in, saves a corrected name with the same code, and names the changed fields in the history", async () => {
    const badge = await badgeOf();
    const qr = await badgeQrText(t.db, ctx.eventId, badge.badge.id);
    const page = await callRoute(edit.loader, get(url(badge.badge.id), ctx.staff.admin.cookie), params(badge.badge.id));
    expect((page.body as { values: Record<string, unknown> }).values).toMatchObject({ kind: "buyer", holderName: "Sari Wulandri", email: "sari@batik.test" });

    const res = await callRoute(edit.action, post(url(badge.badge.id), form(), ctx.staff.admin.cookie), params(badge.badge.id));
    expect(res.status).toBe(302);
    expect(await readToast(res.response)).toMatchObject({ type: "success", key: "badges.toast.edited" });
    expect(await row(badge.badge.id)).toMatchObject({ holderName: "Sari Wulandari", phone: "+6281234567890", printedAt: null });
    expect(await badgeQrText(t.db, ctx.eventId, badge.badge.id)).toBe(qr);
    const shown = await callRoute(detail.loader, get(`/o/${ctx.org.slug}/events/${ctx.eventId}/badges/${badge.badge.id}`, ctx.staff.admin.cookie), params(badge.badge.id));
    const history = (shown.body as { badge: { history: Array<{ action: string; fields: string[] | null }> } }).badge.history;
    expect(history[0]).toMatchObject({ action: "badge.edited", fields: ["holderName", "phone"] });
  });

  it("puts a printed badge back under 'not yet printed' when its name, organization or kind changes, not for its email", async () => {
    const badge = await badgeOf({ holderName: "Sari Wulandari", phone: "+6281234567890" });
    await t.db.updateTable("badge").set({ printedAt: NOW }).where("id", "=", badge.badge.id).execute();
    await callRoute(edit.action, post(url(badge.badge.id), form({ email: "sari.w@batik.test" }), ctx.staff.admin.cookie), params(badge.badge.id));
    expect((await row(badge.badge.id)).printedAt).not.toBeNull();
    const res = await callRoute(edit.action, post(url(badge.badge.id), form({ email: "sari.w@batik.test", kind: "vip" }), ctx.staff.admin.cookie), params(badge.badge.id));
    expect(await readToast(res.response)).toMatchObject({ key: "badges.toast.edited_reprint" });
    expect(await row(badge.badge.id)).toMatchObject({ kind: "vip", printedAt: null });
  });

  it("answers at the gate with the corrected name at once", async () => {
    const badge = await badgeOf({ holderName: "Budi Santosa" });
    const list = await makeList(t.db, ctx.eventId, { allowMultipleEntries: true });
    const gate = (await makeDevice(t.db, ctx.eventId, list, "Gerbang A")).device;
    expect(await recordScan(t.db, gate, scanOf(badge.qr), NOW)).toMatchObject({ ok: true, badge: { name: "Budi Santosa" } });
    await callRoute(edit.action, post(url(badge.badge.id), form({ holderName: "Budi Santoso" }), ctx.staff.admin.cookie), params(badge.badge.id));
    expect(await recordScan(t.db, gate, scanOf(badge.qr), NOW)).toMatchObject({ ok: true, badge: { name: "Budi Santoso" } });
  });

  it("names the field of bad input and changes nothing", async () => {
    const badge = await badgeOf({ holderName: "Citra Dewi", email: "citra@tenun.test" });
    const dewi = await makeBadge(t.db, { id: ctx.eventId }, { holderName: "Dewi Lestari", email: "dewi@tenun.test" });
    // Both registered on the public form: one email per registration.
    await t.db.updateTable("badge").set({ source: "registration" }).where("id", "in", [badge.badge.id, dewi.badge.id]).execute();
    const before = await countRows(t.db, ["badge", "auditLog"]);
    const snapshot = await row(badge.badge.id);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ holderName: "" }, "holderName", "validation.required"],
      [{ kind: "alien" }, "kind", "badges.v.kind"],
      [{ email: "bukan-email" }, "email", "validation.email"],
      [{ phone: "021-5551234" }, "phone", "badges.errors.whatsapp_landline"],
      [{ email: "dewi@tenun.test" }, "email", "badges.errors.email_taken"],
    ];
    for (const [over, field, key] of cases) {
      const res = await callRoute(edit.action, post(url(badge.badge.id), form({ holderName: "Citra Dewi", email: "citra@tenun.test", ...over }), ctx.staff.admin.cookie), params(badge.badge.id));
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect(fieldErrors(res.body)[field], JSON.stringify(over)).toEqual([key]);
    }
    expect(await countRows(t.db, ["badge", "auditLog"])).toEqual(before);
    expect(await row(badge.badge.id)).toEqual(snapshot);
  });

  it("refuses a revoked badge, another organizer's badge and a gate staff member", async () => {
    const badge = await badgeOf({ holderName: "Eka Putri", email: "eka@batik.test" });
    await setBadgeStatus(t.db, ctx.eventId, badge.badge.id, { action: "revoke", reason: "Data ganda", now: NOW });
    const res = await callRoute(edit.action, post(url(badge.badge.id), form(), ctx.staff.admin.cookie), params(badge.badge.id));
    expect(res.status).toBe(400);
    expect(fieldErrors(res.body)[""]).toEqual(["badges.errors.revoked"]);
    expect((await row(badge.badge.id)).holderName).toBe("Eka Putri");
    const page = await callRoute(edit.loader, get(url(badge.badge.id), ctx.staff.admin.cookie), params(badge.badge.id));
    expect(page.status).toBe(302);

    const live = await badgeOf({ holderName: "Fajar Nugroho", email: "fajar@batik.test" });
    const foreign = await callRoute(edit.action, post(url(live.badge.id), form(), ctx.other.staff.owner.cookie),
      { orgSlug: ctx.other.slug, eventId: ctx.other.eventId, badgeId: live.badge.id });
    expect(foreign.status).toBe(404);
    const gateStaff = await callRoute(edit.action, post(url(live.badge.id), form(), ctx.staff.gate_staff.cookie), params(live.badge.id));
    expect(gateStaff.status).toBe(403);
    expect((await row(live.badge.id)).holderName).toBe("Fajar Nugroho");
  });
});
