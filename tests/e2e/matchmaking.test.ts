import ICAL from "ical.js";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { arrive, checkPage, DESKTOP, launchBrowser, newPage, PHONE, screenshot, see, visit, waitForHydration } from "../helpers/browser";
import { makeExhibitor, seededServerDatabase } from "../helpers/booth-factories";
import { makeOrgWithStaff, PASSWORD } from "../helpers/factories";
import { makeMatchEvent } from "../helpers/meetings-factories";
import { makeProduct } from "../helpers/curation-factories";
import { startAppServer, type AppServer } from "../helpers/server";
import { startSmtpSink } from "../helpers/smtp";

/**
 * Business matching in a real browser against the built server: a buyer signs up on a phone, registers a buyer
 * profile, finds the batik producer through the recommendations (reason shown) and requests a meeting; the
 * seller accepts on a phone; the meeting is on both agendas with the table number; the invite arrives at the
 * SMTP sink with a valid .ics. axe on every page, screenshots at 390×844 and 1280×900 in tmp/screens/ (m*.png).
 */

const EVENT = "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta";
let server: AppServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seed>>;

async function seed() {
  return seededServerDatabase(async (db) => {
    const { org, staff } = await makeOrgWithStaff(db, "Kadin Kota Surakarta");
    // The fair is in the future (the server uses the real clock to skip past slots).
    const event = await makeMatchEvent(db, org.id, { event: { name: EVENT, slug: "temu-bisnis-kediri-surakarta", firstDay: "2027-03-10", lastDay: "2027-03-11" }, block: { startTime: "09:00", endTime: "12:00", slotMinutes: 20, breaks: "10.00-10.20" } });
    await db.updateTable("event").set({ status: "published", publishedAt: new Date() }).where("id", "=", event.id).execute();
    const batik = await makeExhibitor(db, event.id, { name: "Batik Tulis Laweyan", sector: "batik_tulis", city: "Kota Surakarta", province: "Jawa Tengah" });
    await db.updateTable("business").set({ capacityQuantity: 300, capacityUnit: "lembar" }).where("id", "=", batik.businessId).execute();
    await makeProduct(db, batik.businessId, { name: "Kain batik tulis sogan" });
    await makeExhibitor(db, event.id, { name: "Tenun Ikat Bandar Kidul", sector: "tenun_ikat", city: "Kota Kediri", province: "Jawa Timur" });
    await makeExhibitor(db, event.id, { name: "Keripik Tempe Sanan", sector: "kuliner", city: "Kota Malang", province: "Jawa Timur" });
    return { orgSlug: org.slug, eventId: event.id, slug: event.slug, owner: staff.owner.email, seller: batik.user.email };
  });
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  seeded = await seed();
  [server, browser] = await Promise.all([startAppServer({ smtpUrl: smtp.url, env: seeded.env }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await seeded?.drop();
  await smtp?.close();
});

describe("matchmaking", () => {
  test("a buyer finds the batik producer through the recommendations, the seller accepts, both agendas show the table, the invite arrives", async () => {
    const { slug, seller, owner, orgSlug, eventId } = seeded.value;
    const mm = `/e/${slug}/matchmaking`;
    const buyerEmail = `pembeli.${Date.now()}@hotel-solo.test`;

    // The buyer signs up on a phone and lands on business matching.
    const phone = await newPage(browser, { viewport: PHONE });
    await visit(phone, `${server.baseUrl}/signup?redirectTo=${encodeURIComponent(mm)}`);
    await phone.getByLabel("Nama lengkap").fill("Rina Wulandari");
    await phone.getByLabel("Email").fill(buyerEmail);
    await phone.getByLabel("Kata sandi").fill(PASSWORD);
    await phone.getByRole("button", { name: "Buat akun" }).click();
    await arrive(phone, new RegExp(`${mm}$`));
    await see(phone.getByText("Anda belum terdaftar di temu bisnis acara ini."));
    await checkPage(phone, "m01-not-registered");

    // The buyer profile.
    await phone.getByRole("link", { name: "Daftar sebagai pembeli" }).click();
    await arrive(phone, /\/register$/);
    await phone.getByLabel("Nama perusahaan/lembaga").fill("Hotel Solo Indah");
    await phone.getByLabel("Jenis pembeli").selectOption("horeka");
    await phone.getByLabel("Batik tulis").check();
    await phone.getByLabel("Produk yang dicari").fill("Kain batik tulis untuk seragam dan suvenir tamu");
    await phone.getByLabel("Volume pesanan biasa per bulan").fill("200");
    await phone.getByLabel("Satuan").fill("lembar");
    await phone.getByLabel("Kota asal").fill("Surakarta");
    await checkPage(phone, "m02-buyer-profile");
    await phone.getByRole("button", { name: "Simpan" }).click();
    await arrive(phone, new RegExp(`${mm}$`));
    await see(phone.getByRole("status").filter({ hasText: "Profil pembeli tersimpan." }));

    // Recommendations: the batik producer first, with the reason.
    const card = phone.getByRole("listitem").filter({ has: phone.getByRole("heading", { name: "Batik Tulis Laweyan" }) });
    await see(card.getByText("Anda mencari batik tulis; mereka memproduksi 300 lembar/bulan"));
    await expect.poll(() => phone.getByRole("heading", { level: 3 }).allInnerTexts()).toEqual(["Batik Tulis Laweyan"]);
    await checkPage(phone, "m03-recommendations");
    await card.getByRole("button", { name: "Minta pertemuan" }).click();
    await card.getByLabel("Pesan singkat").fill("Kami mencari 200 lembar batik tulis per bulan untuk seragam.");
    await card.getByRole("button", { name: "Kirim permintaan" }).click();
    await see(phone.getByRole("status").filter({ hasText: "Permintaan terkirim." }));
    await see(card.getByText("Menunggu jawaban"));

    // The seller, on a phone: the request with its message; accept.
    const sellerPhone = await newPage(browser, { viewport: PHONE });
    await visit(sellerPhone, `${server.baseUrl}/login?redirectTo=${encodeURIComponent(`${mm}/requests`)}`);
    await sellerPhone.getByLabel("Email").fill(seller);
    await sellerPhone.getByLabel("Kata sandi").fill(PASSWORD);
    await sellerPhone.getByRole("button", { name: "Masuk" }).click();
    await arrive(sellerPhone, /\/requests$/);
    const request = sellerPhone.getByRole("listitem").filter({ hasText: "Dari Hotel Solo Indah" });
    await see(request.getByText("Kami mencari 200 lembar batik tulis per bulan untuk seragam."));
    await checkPage(sellerPhone, "m04-seller-requests");
    await request.getByRole("button", { name: "Terima" }).click();
    await arrive(sellerPhone, /\/agenda$/);
    await see(sellerPhone.getByRole("status").filter({ hasText: "Permintaan diterima. Pertemuan dijadwalkan." }));
    const sellerMeeting = sellerPhone.getByRole("listitem").filter({ hasText: "Hotel Solo Indah" });
    await see(sellerMeeting.getByText("Meja 1"));
    await see(sellerMeeting.getByText("09.00–09.20 WIB"));
    await checkPage(sellerPhone, "m05-seller-agenda");

    // The buyer's agenda shows the same meeting and table.
    await visit(phone, `${server.baseUrl}${mm}/agenda`);
    const buyerMeeting = phone.getByRole("listitem").filter({ hasText: "Batik Tulis Laweyan" });
    await see(buyerMeeting.getByText("Meja 1"));
    await see(buyerMeeting.getByText("Rabu, 10 Maret 2027"));
    await checkPage(phone, "m06-buyer-agenda");

    // The invite at the SMTP sink, with a valid .ics (parsed by ical.js).
    await expect.poll(() => smtp.to(buyerEmail).map((m) => m.subject), { timeout: 20_000 })
      .toEqual([expect.stringContaining("Undangan temu bisnis dengan Batik Tulis Laweyan")]);
    const mail = smtp.to(buyerEmail)[0]!;
    const ics = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"))!.content.toString("utf8");
    expect(ics).toContain("METHOD:REQUEST");
    const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    expect(vevent.summary).toBe("Temu bisnis: Batik Tulis Laweyan");
    expect(vevent.location).toContain("Meja 1");
    expect(vevent.startDate.toJSDate().toISOString()).toBe("2027-03-10T02:00:00.000Z");
    await expect.poll(() => smtp.to(seller).length, { timeout: 20_000 }).toBe(1);

    // The organizer's matchmaking tab and participant list, on a desktop.
    const desk = await newPage(browser, { viewport: DESKTOP });
    const tab = `/o/${orgSlug}/events/${eventId}/matchmaking`;
    await visit(desk, `${server.baseUrl}/login?redirectTo=${encodeURIComponent(tab)}`);
    await desk.getByLabel("Email").fill(owner);
    await desk.getByLabel("Kata sandi").fill(PASSWORD);
    await desk.getByRole("button", { name: "Masuk" }).click();
    await arrive(desk, /\/matchmaking$/);
    await see(desk.getByText(/8 slot/));
    await checkPage(desk, "m07-organizer-settings");
    await desk.getByRole("link", { name: "Peserta temu bisnis" }).first().click();
    await arrive(desk, /\/participants$/);
    await see(desk.getByText("1 pembeli · 3 penjual · 1 permintaan · 1 pertemuan"));
    await checkPage(desk, "m08-organizer-participants");
  }, 240_000);
});
