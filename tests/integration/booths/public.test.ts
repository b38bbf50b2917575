import { beforeAll, describe, expect, it } from "vitest";
import { assignBooth } from "~/booths/assign.server";
import * as directory from "~/routes/e.$slug.exhibitors";
import * as publicMap from "~/routes/e.$slug.map";
import { useTestDatabase } from "../../helpers/db";
import { callRoute, get } from "../../helpers/http";
import { makeEvent, makeOrgWithStaff } from "../../helpers/factories";
import { makeBooths, makeCall, makeExhibitor, makeHall, row } from "../../helpers/booth-factories";

const t = useTestDatabase();
const ctx = {} as { slug: string; hallB: string };

beforeAll(async () => {
  const { org } = await makeOrgWithStaff(t.db, "Kadin Kediri");
  const event = await makeEvent(t.db, org.id, { slug: "temu-bisnis-kediri" });
  ctx.slug = event.slug;
  await t.db.updateTable("event").set({ status: "published", publishedAt: new Date() }).where("id", "=", event.id).execute();
  await makeCall(t.db, event.id);
  const hallA = await makeHall(t.db, event.id, "Hall A");
  ctx.hallB = await makeHall(t.db, event.id, "Hall B");
  const booths = { ...(await makeBooths(t.db, event.id, hallA, row("A", 4, 0, { zone: "batik" }))), ...(await makeBooths(t.db, event.id, ctx.hallB, row("B", 2))) };
  const specs = [
    { name: "Tenun Ikat Bandar Kidul", sector: "tenun_ikat" as const, province: "Jawa Timur", city: "Kota Kediri", brandName: "Bandar" },
    { name: "Batik Tulis Laweyan", sector: "batik_tulis" as const, province: "Jawa Tengah", city: "Kota Surakarta" },
    { name: "Batik Cap Kauman", sector: "batik_cap" as const, province: "Jawa Tengah", city: "Kota Surakarta" },
    { name: "Kopi Toraja Sapan", sector: "kuliner" as const, province: "Sulawesi Selatan", city: "Toraja Utara" },
  ];
  const made = [];
  for (const s of specs) made.push(await makeExhibitor(t.db, event.id, s));
  for (let i = 0; i < 26; i++) await makeExhibitor(t.db, event.id, { name: `UMKM Kriya ${String(i + 1).padStart(2, "0")}`, sector: "kriya", province: "Jawa Timur" });
  await makeExhibitor(t.db, event.id, { name: "Batik Ditolak", status: "rejected" });
  await makeExhibitor(t.db, event.id, { name: "Batik Masih Draf", status: "draft" });
  await assignBooth(t.db, { eventId: event.id, applicationId: made[0]!.applicationId, boothId: booths["B-02"]!, method: "manual", by: null, now: new Date(), appUrl: "http://x" });
  await assignBooth(t.db, { eventId: event.id, applicationId: made[1]!.applicationId, boothId: booths["A-03"]!, method: "manual", by: null, now: new Date(), appUrl: "http://x" });
});

type Dir = { rows: Array<{ name: string; boothCode: string | null; hallName: string | null }>; total: number; sectors: string[]; provinces: string[] };
const list = async (query = "") => (await callRoute(directory.loader, get(`/e/${ctx.slug}/exhibitors${query}`), { slug: ctx.slug })).body as Dir;

describe("public exhibitor directory", () => {
  it("lists only accepted exhibitors, 24 a page, with their booth when they have one", async () => {
    const first = await list();
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(24);
    expect(first.rows.map((r) => r.name)).not.toContain("Batik Ditolak");
    const second = await list("?page=2");
    expect(second.rows).toHaveLength(6);
    const bandar = [...first.rows, ...second.rows].find((r) => r.name === "Tenun Ikat Bandar Kidul")!;
    expect(bandar).toMatchObject({ boothCode: "B-02", hallName: "Hall B" });
  });

  it("searches by business or brand name, and filters by sector and province", async () => {
    expect((await list("?q=laweyan")).rows.map((r) => r.name)).toEqual(["Batik Tulis Laweyan"]);
    expect((await list("?q=BANDAR")).rows.map((r) => r.name)).toEqual(["Tenun Ikat Bandar Kidul"]);
    expect((await list("?sector=batik_cap")).rows.map((r) => r.name)).toEqual(["Batik Cap Kauman"]);
    expect((await list("?province=Sulawesi%20Selatan")).rows.map((r) => r.name)).toEqual(["Kopi Toraja Sapan"]);
    expect((await list("?sector=kriya&province=Jawa%20Tengah")).total).toBe(0);
    const all = await list();
    expect(all.sectors).toEqual(["batik_cap", "batik_tulis", "kriya", "kuliner", "tenun_ikat"]);
    expect(all.provinces).toEqual(["Jawa Tengah", "Jawa Timur", "Sulawesi Selatan"]);
  });

  it("treats odd query strings as plain text, never as a 500", async () => {
    for (const q of ["?q=%25%25", "?q=_", "?sector=DROP%20TABLE", "?page=-3", "?page=1e308", "?q=%00", "?province=%00", "?sector=%00x"]) {
      const res = await callRoute(directory.loader, get(`/e/${ctx.slug}/exhibitors${q}`), { slug: ctx.slug });
      expect(res.status, q).toBe(200);
    }
  });
});

describe("public map", () => {
  it("opens the hall of the booth asked for and highlights it with its exhibitor", async () => {
    const res = await callRoute(publicMap.loader, get(`/e/${ctx.slug}/map?booth=b-02`), { slug: ctx.slug });
    const body = res.body as { plan: { hall: { id: string; name: string }; booths: Array<{ code: string; status: string }> }; booth: { code: string; exhibitorName: string } };
    expect(body.plan.hall).toMatchObject({ id: ctx.hallB, name: "Hall B" });
    expect(body.booth).toMatchObject({ code: "B-02", exhibitorName: "Tenun Ikat Bandar Kidul" });
    expect(body.plan.booths.find((b) => b.code === "B-02")!.status).toBe("assigned");
  });

  it("answers a NUL or an overlong booth code with the first hall, never a 500", async () => {
    for (const q of ["?booth=%00", "?booth=A%00", `?booth=${"X".repeat(500)}`, "?hall=%00", "?hall=not-a-uuid"]) {
      expect((await callRoute(publicMap.loader, get(`/e/${ctx.slug}/map${q}`), { slug: ctx.slug })).status, q).toBe(200);
    }
  });

  it("says when the booth asked for does not exist, and shows the first hall", async () => {
    const res = await callRoute(publicMap.loader, get(`/e/${ctx.slug}/map?booth=Z-99`), { slug: ctx.slug });
    expect(res.body).toMatchObject({ code: "Z-99", booth: null, plan: { hall: { name: "Hall A" } } });
  });
});
