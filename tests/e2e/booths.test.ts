import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { assignBooth } from "~/booths/assign.server";
import { allowConsoleErrors, arrive, checkPage, DESKTOP, expectNoSeriousA11yViolations, launchBrowser, newPage, PHONE, see, visit, waitForHydration, signIn } from "../helpers/browser";
import { makeEvent, makeOrgWithStaff } from "../helpers/factories";
import { makeBooths, makeCall, makeExhibitor, makeHall, OPEN_NOW, row, seededServerDatabase } from "../helpers/booth-factories";
import { startAppServer, type AppServer } from "../helpers/server";
import { startSmtpSink } from "../helpers/smtp";

/**
 * Booths in a real browser against the built server: an accepted exhibitor picks a booth on the map on a
 * phone and registers staff; the organizer sees it taken, creates booths in bulk, runs the automatic
 * assignment and marks an invoice paid; the public directory and map show the booth. axe on every page,
 * screenshots at phone and desktop width in tmp/screens/ (b*.png).
 */

const EVENT = "Pameran Batik & Tenun Nusantara";
let server: AppServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seed>>;
let dropDb: () => Promise<void>;

async function seed() {
  return seededServerDatabase(async (db) => {
    const { org, staff } = await makeOrgWithStaff(db, "Kadin Kota Surakarta");
    const event = await makeEvent(db, org.id, { name: EVENT, slug: "pameran-batik-tenun-nusantara" });
    await db.updateTable("event").set({ status: "published", publishedAt: new Date() }).where("id", "=", event.id).execute();
    await makeCall(db, event.id, { selection: OPEN_NOW(), sizes: [{ sizeM2: 9, feeIdr: 1_500_000, staffLimit: 2 }, { sizeM2: 18, feeIdr: 3_000_000, staffLimit: 4 }] });
    const hall = await makeHall(db, event.id, "Pendopo Ageng");
    await makeHall(db, event.id, "Hall Tenun");
    // Two back-to-back rows of eight 3×3 booths with an aisle, and a row of four along the far wall.
    const specs = [
      ...row("A", 8, 1, { zone: "batik", priceIdr: 1_500_000 }).map((b) => ({ ...b, x: b.x + 1 })),
      ...row("B", 8, 4, { zone: "batik", priceIdr: 1_500_000 }).map((b) => ({ ...b, x: b.x + 1, code: b.code.replace("B", "A").replace(/\d+$/, (n) => String(Number(n) + 8).padStart(2, "0")) })),
      ...row("K", 4, 9, { zone: "kuliner", priceIdr: 0 }).map((b) => ({ ...b, x: b.x * 2 + 1 })),
    ];
    const booths = await makeBooths(db, event.id, hall, specs);
    const me = await makeExhibitor(db, event.id, { name: "Batik Tulis Laweyan", zone: "batik", sector: "batik_tulis", city: "Kota Surakarta", province: "Jawa Tengah" });
    const others = [
      { name: "Tenun Ikat Bandar Kidul", sector: "tenun_ikat" as const, city: "Kota Kediri", province: "Jawa Timur", booth: "A-03" },
      { name: "Batik Cap Kauman", sector: "batik_cap" as const, city: "Kota Surakarta", province: "Jawa Tengah", booth: "A-10" },
      { name: "Songket Pandai Sikek", sector: "songket" as const, city: "Tanah Datar", province: "Sumatera Barat", booth: "A-12" },
      { name: "Kopi Toraja Sapan", sector: "kuliner" as const, city: "Toraja Utara", province: "Sulawesi Selatan", booth: null },
      { name: "Tenun Sikka Maumere", sector: "tenun_ikat" as const, city: "Sikka", province: "Nusa Tenggara Timur", booth: null },
      { name: "Keripik Tempe Sanan", sector: "kuliner" as const, city: "Kota Malang", province: "Jawa Timur", booth: null },
    ];
    for (const o of others) {
      const e = await makeExhibitor(db, event.id, { ...o, zone: o.sector === "kuliner" ? "kuliner" : "batik" });
      if (o.booth) await assignBooth(db, { eventId: event.id, applicationId: e.applicationId, boothId: booths[o.booth]!, method: "manual", by: staff.owner.id, now: new Date(), appUrl: "http://localhost" });
    }
    return { orgSlug: org.slug, eventId: event.id, slug: event.slug, owner: staff.owner.email, me: { email: me.user.email, applicationId: me.applicationId } };
  });
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  const db = await seed();
  seeded = db;
  dropDb = db.drop;
  [server, browser] = await Promise.all([startAppServer({ smtpUrl: smtp.url, env: db.env }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dropDb?.();
  await smtp?.close();
});

describe("booths", () => {
  test("an accepted exhibitor picks a booth on the map on a phone; the organizer and the public see it taken", async () => {
    const { me, orgSlug, eventId, slug } = seeded.value;
    const boothUrl = `/exhibitor/applications/${me.applicationId}/booth`;

    // The exhibitor, on a phone: the map with the free 9 m² booths as links, taken ones not.
    const phone = await newPage(browser, { viewport: PHONE });
    await signIn(phone, server.baseUrl, me.email, boothUrl);
    await see(phone.getByRole("heading", { level: 1, name: "Stan saya" }));
    await see(phone.getByText(/Pemilihan stan dibuka sampai/));
    await expect.poll(() => phone.getByRole("link", { name: /^Stan A-03,/ }).count()).toBe(0);
    await see(phone.getByRole("img", { name: /^Stan A-03, 9 m², zona batik, terisi$/ }));
    await checkPage(phone, "b01-exhibitor-choose");
    await phone.getByRole("link", { name: "Stan A-05, 9 m², zona batik, tersedia" }).click();
    await arrive(phone, /booth=A-05/);
    const panel = phone.getByRole("region", { name: "Stan A-05" });
    await see(panel.getByText("9 m² · zona batik · Rp 1.500.000"));
    await checkPage(phone, "b02-exhibitor-selected");
    await panel.getByRole("button", { name: "Ambil stan A-05" }).click();
    await see(phone.getByRole("status").filter({ hasText: "Stan A-05 menjadi milik Anda." }));
    await see(phone.getByRole("heading", { name: "Stan Anda: A-05" }));
    await see(phone.getByText(/INV-PBTN-\d{4}/));
    await see(phone.getByRole("img", { name: /^Stan A-05, 9 m², zona batik, terisi, ditandai$/ }));
    await checkPage(phone, "b03-exhibitor-booth");
    await expect.poll(() => smtp.to(me.email).map((m) => m.subject), { timeout: 15_000 }).toEqual([`Stan A-05 untuk Anda di ${EVENT}`]);

    // Booth staff, up to the limit of the size (2 for 9 m²).
    await phone.getByRole("link", { name: "Daftarkan penjaga stan" }).click();
    await arrive(phone, /\/staff$/);
    for (const [name, hp] of [["Sri Rahayu", "0812-3456-7890"], ["Dwi Lestari", ""]] as const) {
      await phone.getByLabel("Nama lengkap").fill(name);
      await phone.getByLabel("Peran").fill("Pramuniaga");
      if (hp) await phone.getByLabel("Nomor HP / WhatsApp").fill(hp);
      await phone.getByRole("button", { name: "Tambah penjaga" }).click();
      await see(phone.getByRole("listitem").filter({ hasText: name }));
    }
    await see(phone.getByText("+6281234567890"));
    await see(phone.getByText(/Kuota penjaga sudah penuh/));
    await checkPage(phone, "b04-staff");

    // The organizer's floor plan: A-05 is taken by the exhibitor, in the map and in the list.
    const desk = await newPage(browser, { viewport: DESKTOP });
    const plan = `/o/${orgSlug}/events/${eventId}/floor-plan`;
    await signIn(desk, server.baseUrl, seeded.value.owner, plan);
    await see(desk.getByRole("link", { name: "Stan A-05, 9 m², zona batik, terisi: Batik Tulis Laweyan" }));
    await see(desk.getByRole("row").filter({ hasText: "A-05" }).filter({ hasText: "Batik Tulis Laweyan" }));
    await checkPage(desk, "b05-floor-plan");

    // Booths in bulk in the second hall: preview (dashed on the plan), then create.
    await desk.getByRole("navigation", { name: "Hall acara" }).getByRole("link", { name: /Hall Tenun/ }).click();
    await arrive(desk, /hall=/);
    await see(desk.getByText("Hall ini belum punya stan."));
    const bulk = desk.getByRole("region", { name: "Buat stan sekaligus" });
    await bulk.getByLabel("Jumlah baris").fill("2");
    await bulk.getByLabel("Stan per baris").fill("4");
    await bulk.getByLabel("Lebar (petak)").fill("3");
    await bulk.getByLabel("Panjang (petak)").fill("6");
    await bulk.getByLabel("Pola kode").fill("T-{nn}");
    await bulk.getByLabel("Zona").fill("tenun");
    await see(bulk.getByText("Akan dibuat 8 stan."));
    await bulk.getByRole("button", { name: "Pratinjau" }).click();
    await see(bulk.getByRole("status").filter({ hasText: "Pratinjau: 8 stan (T-01 … T-08), 18 m², Rp 3.000.000 per stan." }));
    await checkPage(desk, "b06-bulk-preview");
    await bulk.getByRole("button", { name: "Buat stan" }).click();
    await see(desk.getByRole("status").filter({ hasText: "8 stan dibuat." }));
    await see(desk.getByRole("link", { name: "Stan T-08, 18 m², zona tenun, sudut, tersedia" }));
    // The same grid again would land on top of T-01: refused (409), naming it, nothing written.
    allowConsoleErrors(desk, /status of 409/);
    await bulk.getByLabel("Pola kode").fill("U-{nn}");
    await bulk.getByRole("button", { name: "Buat stan" }).click();
    await see(bulk.getByRole("alert").filter({ hasText: "Bertumpuk dengan stan T-01 yang sudah ada." }));

    // One booth: the manual assignment form lists the waiting exhibitors of its size.
    await desk.getByRole("navigation", { name: "Hall acara" }).getByRole("link", { name: /Pendopo Ageng/ }).click();
    await arrive(desk, /hall=/);
    await desk.getByRole("link", { name: /^Stan A-06,/ }).click();
    await arrive(desk, /\/floor-plan\/booths\//);
    await see(desk.getByLabel("Tempatkan peserta (ukuran 9 m²)"));
    await checkPage(desk, "b07-booth");

    // The automatic assignment: preview, then confirm.
    await desk.getByRole("navigation", { name: "Bagian stan" }).getByRole("link", { name: "Penempatan otomatis" }).click();
    await arrive(desk, /\/floor-plan\/auto$/);
    await desk.getByRole("button", { name: "Lihat pratinjau" }).click();
    await see(desk.getByRole("heading", { name: "Pratinjau penempatan" }));
    await see(desk.getByText(/Skor \d+ dari batas atas \d+/));
    await checkPage(desk, "b08-auto-preview");
    await desk.getByRole("button", { name: /^Simpan \d+ penempatan$/ }).click();
    await see(desk.getByRole("status").filter({ hasText: /peserta ditempatkan dan menerima email/ }));

    // Invoices: the exhibitor's is unpaid; mark it paid with a reference.
    await desk.getByRole("navigation", { name: "Bagian stan" }).getByRole("link", { name: "Tagihan" }).click();
    await arrive(desk, /\/invoices$/);
    const mine = desk.getByRole("row").filter({ hasText: "Batik Tulis Laweyan" });
    await see(mine.getByText("Belum dibayar"));
    await mine.getByRole("textbox").fill("TRF-BRI-20261101-77");
    await mine.getByRole("button", { name: "Tandai lunas" }).click();
    await see(desk.getByRole("status").filter({ hasText: /ditandai lunas/ }));
    await see(desk.getByRole("row").filter({ hasText: "Batik Tulis Laweyan" }).getByText("Lunas"));
    await checkPage(desk, "b09-invoices");

    // The public directory and map.
    const visitor = await newPage(browser, { viewport: PHONE });
    await visit(visitor, `${server.baseUrl}/e/${slug}/exhibitors`);
    const card = visitor.getByRole("listitem").filter({ has: visitor.getByRole("heading", { name: "Batik Tulis Laweyan" }) });
    await see(card.getByRole("link", { name: "Stan A-05 · Pendopo Ageng" }));
    await checkPage(visitor, "b10-directory");
    await visitor.getByLabel("Sektor").selectOption({ label: "Tenun ikat" });
    await visitor.getByRole("button", { name: "Terapkan" }).click();
    await arrive(visitor, /sector=tenun_ikat/);
    await expect.poll(() => visitor.getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Tenun Ikat Bandar Kidul", "Tenun Sikka Maumere"]);
    await visit(visitor, `${server.baseUrl}/e/${slug}/exhibitors`);
    await card.getByRole("link", { name: "Stan A-05 · Pendopo Ageng" }).click();
    await arrive(visitor, /\/map\?booth=A-05/);
    await see(visitor.getByRole("heading", { name: "Stan A-05 · Pendopo Ageng" }));
    await see(visitor.getByRole("link", { name: "Stan A-05, 9 m², zona batik, terisi: Batik Tulis Laweyan, ditandai" }));
    await checkPage(visitor, "b11-public-map");
    // The same map in English.
    await visitor.getByRole("button", { name: "EN", exact: true }).click();
    await see(visitor.getByRole("heading", { level: 1, name: "Booth map" }));
    await waitForHydration(visitor);
    await see(visitor.getByRole("link", { name: "Booth A-05, 9 m², zone batik, taken: Batik Tulis Laweyan, marked" }));
    await expectNoSeriousA11yViolations(visitor, "public map in English (phone)");
  }, 400_000);
});
