// The organizer's badge list as CSV: every matching badge (not one page), Excel conventions, first entry at a
// gate in the event's time, an audit entry per export, and only for owners and admins of the event.
import { beforeAll, describe, expect, it } from "vitest";
import * as exportCsv from "~/routes/o.$orgSlug.events.$eventId.badges[.csv]";
import { recordScan } from "~/checkin/checkin.server";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get } from "../../helpers/http";
import { makeBadge, makeDevice, makeList, NOW, scanOf, makeBadgeOrganizers, type BadgeOrganizers } from "../../helpers/badge-factories";

const t = useTestDatabase();
const ctx = {} as BadgeOrganizers;
const url = (qs = "") => `/o/${ctx.org.slug}/events/${ctx.eventId}/badges.csv${qs}`;
const params = () => ({ orgSlug: ctx.org.slug, eventId: ctx.eventId });
const lines = async (res: { response?: Response }) => (await res.response!.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");

beforeAll(async () => {
  Object.assign(ctx, await makeBadgeOrganizers(t.db, "Kadin Ekspor", "pameran-ekspor"));
  const event = { id: ctx.eventId };
  const list = await makeList(t.db, event.id, {});
  const gate = (await makeDevice(t.db, event.id, list, "Gerbang A")).device;
  const sari = await makeBadge(t.db, event, { kind: "buyer", holderName: "Sari Wulandari", organizationName: "Hotel Sunan", email: "sari@hotel.test", phone: "+6281234567890" });
  await makeBadge(t.db, event, { kind: "visitor", holderName: "=HYPERLINK(\"http://x\")", organizationName: "-Koperasi" });
  for (let i = 0; i < 30; i++) await makeBadge(t.db, event, { kind: "visitor", holderName: `Pengunjung ${i + 1}` });
  await recordScan(t.db, gate, scanOf(sari.qr, { scannedAt: "2026-11-20T01:41:05Z" }), NOW);
});

describe("the badge list as CSV", () => {
  it("holds every matching badge with contact details, the first entry in the event's time, and Excel-safe cells", async () => {
    const res = await callRoute(exportCsv.loader, get(url(), ctx.staff.admin.cookie), params());
    expect(res.status).toBe(200);
    expect(res.response!.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.response!.headers.get("content-disposition")).toBe('attachment; filename="badge-pameran-ekspor.csv"');
    const rows = await lines(res);
    expect(rows[0]).toBe("Kode;Nama;Instansi;Kategori;Status;Email;Telepon;Bahasa;Asal;Diterbitkan;Dicetak;Masuk pertama");
    expect(rows).toHaveLength(1 + 32); // all pages (25 per page on screen)
    const sari = rows.find((r) => r.includes("Sari Wulandari"))!.split(";");
    expect(sari.slice(1, 9)).toEqual(["Sari Wulandari", "Hotel Sunan", "Pembeli", "Berlaku", "sari@hotel.test", "'+6281234567890", "Bahasa Indonesia", "Ditambahkan penyelenggara"]);
    expect(sari[11]).toBe("2026-11-20 08:41"); // a leading + is escaped like any formula start (ASVS 1.2.10)
    expect(rows.find((r) => r.includes("HYPERLINK"))).toContain(`'=HYPERLINK(""http://x"")`);
    expect(rows.find((r) => r.includes("Koperasi"))).toContain(";'-Koperasi;");
  });

  it("applies the list's search and filters, and writes who exported what to the audit log", async () => {
    const before = await t.db.selectFrom("auditLog").select("id").where("action", "=", "badge.export").execute();
    const res = await callRoute(exportCsv.loader, get(url("?kind=buyer&q=sari&page=3"), ctx.staff.owner.cookie), params());
    expect((await lines(res)).slice(1).map((r) => r.split(";")[1])).toEqual(["Sari Wulandari"]);
    const entries = await t.db.selectFrom("auditLog").select(["actorUserId", "data"]).where("action", "=", "badge.export").orderBy("id").execute();
    expect(entries).toHaveLength(before.length + 1);
    expect(entries.at(-1)).toMatchObject({ actorUserId: ctx.staff.owner.id, data: expect.objectContaining({ rows: 1, kind: "buyer", q: "sari" }) });
  });

  it("is refused to curators and gate staff (403) and to another organization (404)", async () => {
    for (const who of ["curator", "gate_staff"] as const) {
      expect((await callRoute(exportCsv.loader, get(url(), ctx.staff[who].cookie), params())).status).toBe(403);
    }
    const foreign = await callRoute(exportCsv.loader, get(url(), ctx.other.staff.owner.cookie), params());
    expect(foreign.status).toBe(404);
  });
});
