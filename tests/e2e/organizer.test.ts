import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { allowConsoleErrors, arrive, checkPage, DESKTOP, expectNoSeriousA11yViolations, launchBrowser, newPage, PHONE, screenshot, see, visit, waitForHydration } from "../helpers/browser";
import { startAppServer, type AppServer } from "../helpers/server";
import { startSmtpSink } from "../helpers/smtp";

/**
 * The organizer's first day with Pendopo, in a real browser against the built production server: from
 * sign-up to a published public agenda. Every page on the way is checked with axe and photographed at a
 * phone and a desktop width (tmp/screens/).
 */

// 14 December 2026 is a Monday (checked: `date -d 2026-12-14 +%A`); the event runs Monday to Wednesday.
const FIRST_DAY = "2026-12-14";
const LAST_DAY = "2026-12-16";
const EVENT = "Temu Bisnis Batik Solo";
const OPENING = "Pembukaan Temu Bisnis Batik Solo";
const TRAINING = "Pelatihan Pewarna Alam untuk Perajin Batik";
const MOU = "Penandatanganan MoU Kadin Surakarta – Kadin Kediri";
const PASSWORD = "sogan-parang-kawung-2026";

let server: AppServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let browser: Browser;

beforeAll(async () => {
  smtp = await startSmtpSink();
  [server, browser] = await Promise.all([startAppServer({ smtpUrl: smtp.url }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
});

describe("organizer", () => {
  test("signs up, builds an event with its agenda, publishes it, and the public sees it in their own zone", async () => {
    const page = await newPage(browser, { viewport: DESKTOP, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const email = `sari.${Date.now()}@kadinsolo.test`;

    // Home, in Indonesian by default.
    await visit(page, `${server.baseUrl}/`);
    await see(page.getByRole("heading", { level: 1, name: "Kelola pameran dan temu bisnis UMKM dengan rapi" }));
    await see(page.getByText("Belum ada acara terbit."));

    // Sign up.
    await page.getByRole("link", { name: "Mulai sebagai penyelenggara" }).click();
    await arrive(page, /\/signup$/);
    await see(page.getByRole("heading", { name: "Buat akun penyelenggara" }));
    await checkPage(page, "02-signup");
    await page.getByLabel("Nama lengkap").fill("Sari Wulandari");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Buat akun" }).click();

    // Dashboard: no organization yet.
    await arrive(page, /\/dashboard$/);
    await see(page.getByText("Anda belum tergabung dalam organisasi."));
    await checkPage(page, "03-dashboard-empty");

    // Organization: Kadin.
    await page.getByRole("main").getByRole("link", { name: "Buat organisasi" }).first().click();
    await arrive(page, /\/orgs\/new$/);
    await checkPage(page, "04-org-new");
    await page.getByLabel("Nama organisasi").fill("Kadin Kota Surakarta");
    await page.getByLabel("Jenis").selectOption({ label: "Kadin" });
    await page.getByLabel("Kota/Kabupaten").fill("Surakarta");
    await page.getByRole("button", { name: "Buat organisasi" }).click();
    await arrive(page, /\/o\/[a-z0-9-]+$/);
    await see(page.getByRole("status").filter({ hasText: "Organisasi dibuat." }));
    await see(page.getByText("Belum ada acara."));
    await checkPage(page, "05-org-events-empty");
    const orgUrl = page.url();

    // New event: temu bisnis, WIB, three days.
    await page.getByRole("link", { name: "Acara baru" }).click();
    await arrive(page, /\/events\/new$/);
    await see(page.getByRole("heading", { name: "Acara baru" }));
    await checkPage(page, "06-event-new");
    await page.getByLabel("Nama acara").fill(EVENT);
    await page.getByLabel("Jenis acara").selectOption({ label: "Temu bisnis" });
    await page.getByLabel("Zona waktu").selectOption({ label: "WIB – Jakarta, Surakarta" });
    await page.getByLabel("Hari pertama").fill(FIRST_DAY);
    await page.getByLabel("Hari terakhir").fill(LAST_DAY);
    await page.getByLabel("Tempat (opsional)").fill("Pura Mangkunegaran");
    await page.getByLabel("Kota (opsional)").fill("Surakarta");
    await page.getByLabel("Deskripsi").fill("Temu bisnis perajin batik Solo Raya dengan pembeli dari Kediri, Surabaya, dan Jakarta.");
    await page.getByRole("button", { name: "Buat acara" }).click();

    // Event overview (a draft).
    await arrive(page, /\/events\/[0-9a-f-]{36}$/);
    await see(page.getByRole("status").filter({ hasText: "Acara dibuat sebagai draf." }));
    await see(page.getByRole("heading", { level: 1, name: EVENT }));
    await see(page.getByText("Sen, 14 Des – Rab, 16 Des 2026 · WIB"));
    await checkPage(page, "07-event-overview");
    const eventUrl = page.url();

    // Venue: a hall and a room in it.
    await page.getByRole("link", { name: "Tempat & wilayah" }).click();
    await arrive(page, /\/venue$/);
    const halls = page.getByRole("region", { name: "Hall", exact: true });
    await halls.getByLabel("Nama hall").fill("Pendopo Ageng");
    await halls.getByLabel("Kapasitas").fill("400");
    await halls.getByRole("button", { name: "Tambah hall" }).click();
    await see(page.getByRole("status").filter({ hasText: "Tersimpan." }));
    await see(halls.getByRole("listitem").filter({ hasText: "Pendopo Ageng" }));
    // The form is empty again for the next hall.
    expect(await halls.getByLabel("Nama hall").inputValue()).toBe("");
    const rooms = page.getByRole("region", { name: "Ruang", exact: true });
    await rooms.getByLabel("Nama ruang").fill("Ruang Pringgitan");
    await rooms.getByLabel("Hall").selectOption({ label: "Pendopo Ageng" });
    await rooms.getByLabel("Kapasitas").fill("120");
    await rooms.getByRole("button", { name: "Tambah ruang" }).click();
    await see(rooms.getByRole("listitem").filter({ hasText: "Ruang Pringgitan · Pendopo Ageng · 120 orang" }));
    expect(await rooms.getByLabel("Hall").evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe("Tanpa hall");
    await checkPage(page, "08-venue");
    // The same room name twice is refused on the field, the typed name kept.
    allowConsoleErrors(page, /status of 409/);
    await rooms.getByLabel("Nama ruang").fill("Ruang Pringgitan");
    await rooms.getByRole("button", { name: "Tambah ruang" }).click();
    await see(rooms.getByRole("alert").filter({ hasText: "Nama ini sudah ada di acara ini." }));
    expect(await rooms.getByLabel("Nama ruang").inputValue()).toBe("Ruang Pringgitan");
    // A cooperating region, submitted with Enter from the keyboard.
    const regions = page.getByRole("region", { name: "Wilayah & delegasi" });
    await regions.getByLabel("Wilayah (kota/kabupaten)").fill("Kota Kediri");
    await regions.getByLabel("Provinsi").fill("Jawa Timur");
    await regions.getByLabel("Delegasi / lembaga").fill("Kadin Kota Kediri");
    await regions.getByLabel("Delegasi / lembaga").press("Enter");
    await see(regions.getByRole("listitem").filter({ hasText: "Kota Kediri, Jawa Timur · Kadin Kota Kediri" }));

    // Agenda: empty, then three sessions in the room.
    await page.getByRole("link", { name: "Agenda" }).click();
    await arrive(page, /\/agenda$/);
    await see(page.getByText("Belum ada sesi pada hari ini."));
    await page.getByRole("main").getByRole("link", { name: "Tambah sesi" }).first().click();
    await arrive(page, /\/agenda\/new\?day=2026-12-14$/);
    await see(page.getByRole("heading", { name: "Tambah sesi" }));
    await checkPage(page, "09-session-new");

    const addSession = async (s: { title: string; type: string; start: string; end: string; speakers?: string }) => {
      await page.getByLabel("Judul sesi").fill(s.title);
      await page.getByLabel("Jenis sesi").selectOption({ label: s.type });
      await page.getByLabel("Ruang").selectOption({ label: "Ruang Pringgitan" });
      await page.getByLabel("Hari", { exact: true }).selectOption(FIRST_DAY);
      await page.getByLabel("Mulai").fill(s.start);
      await page.getByLabel("Selesai").fill(s.end);
      if (s.speakers) await page.getByLabel("Pembicara / penanda tangan").fill(s.speakers);
      await page.getByRole("button", { name: "Simpan" }).click();
    };
    await addSession({ title: OPENING, type: "Pembukaan", start: "08:00", end: "09:00", speakers: "Ketua Kadin Kota Surakarta" });
    await arrive(page, /\/agenda\?day=2026-12-14$/);
    await see(page.getByRole("status").filter({ hasText: "Sesi ditambahkan." }));
    for (const s of [
      { title: TRAINING, type: "Pelatihan", start: "09:30", end: "11:30", speakers: "Balai Besar Kerajinan dan Batik" },
      { title: MOU, type: "Penandatanganan MoU", start: "13:00", end: "14:00", speakers: "Kadin Kota Surakarta, Kadin Kota Kediri" },
    ]) {
      await page.getByRole("main").getByRole("link", { name: "Tambah sesi" }).first().click();
      await arrive(page, /\/agenda\/new/);
      await addSession(s);
      await arrive(page, /\/agenda\?day=2026-12-14$/);
      await see(page.getByRole("heading", { name: s.title }));
    }

    // A fourth session in the same room at 08.30 clashes with the opening: refused (409), the opening named.
    await page.getByRole("main").getByRole("link", { name: "Tambah sesi" }).first().click();
    await arrive(page, /\/agenda\/new/);
    await addSession({ title: "Kunjungan ke Kampung Batik Laweyan", type: "Lainnya", start: "08:30", end: "09:15" });
    const clash = page.getByRole("alert").filter({ hasText: `Bentrok dengan sesi "${OPENING}" di ruang yang sama.` });
    await see(clash);
    expect(page.url()).toMatch(/\/agenda\/new/);
    await expect.poll(() => page.getByLabel("Mulai").getAttribute("aria-invalid")).toBe("true");
    await checkPage(page, "10-session-overlap-refused");

    // The agenda as a list and as a timeline.
    await page.getByRole("link", { name: "Agenda", exact: true }).click();
    await arrive(page, /\/agenda$/);
    const list = page.getByRole("main");
    for (const [title, time] of [[OPENING, "08.00–09.00 WIB"], [TRAINING, "09.30–11.30 WIB"], [MOU, "13.00–14.00 WIB"]] as const) {
      const item = list.getByRole("article").filter({ has: page.getByRole("heading", { name: title }) });
      await see(item);
      expect(await item.textContent()).toContain(time);
    }
    await expect.poll(() => list.getByRole("article").count()).toBe(3);
    await checkPage(page, "11-agenda-list");
    await page.getByRole("link", { name: "Linimasa" }).click();
    await arrive(page, /view=timeline/);
    await see(page.getByRole("link", { name: OPENING }));
    await checkPage(page, "12-agenda-timeline");

    // Publish, then open the public page.
    await visit(page, eventUrl);
    await page.getByRole("button", { name: "Terbitkan" }).click();
    await see(page.getByRole("status").filter({ hasText: "Acara terbit." }));
    await see(page.getByRole("button", { name: "Tarik dari publik" }));
    await page.getByRole("link", { name: "Halaman publik" }).click();
    await arrive(page, /\/e\/[a-z0-9-]+$/);
    const publicUrl = page.url();
    await see(page.getByRole("heading", { level: 1, name: EVENT }));
    await see(page.getByRole("heading", { name: "Senin, 14 Desember 2026" }));
    const opening = page.getByRole("article").filter({ has: page.getByRole("heading", { name: OPENING }) });
    expect(await opening.textContent()).toContain("08.00–09.00 WIB");
    // A viewer in WIB gets no second time.
    expect(await opening.textContent()).not.toContain("waktu Anda");
    await checkPage(page, "13-public-id");

    // English from the header switch: the same agenda, English dates and a colon in times.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await see(page.getByRole("heading", { name: "Monday, 14 December 2026" }));
    await waitForHydration(page);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    const openingEn = page.getByRole("article").filter({ has: page.getByRole("heading", { name: OPENING }) });
    expect(await openingEn.textContent()).toContain("08:00–09:00 WIB");
    await see(page.getByRole("heading", { name: "Programme" }));
    await checkPage(page, "14-public-en");
    await page.getByRole("button", { name: "ID", exact: true }).click();
    await see(page.getByRole("heading", { name: "Senin, 14 Desember 2026" }));
    await waitForHydration(page);

    // The organization's pages: the events list, members (with an invitation sent), the outbox.
    await visit(page, orgUrl);
    await see(page.getByRole("link", { name: EVENT }));
    await see(page.getByText("Terbit", { exact: true }));
    await checkPage(page, "15-org-events");
    await page.getByRole("link", { name: "Anggota" }).click();
    await arrive(page, /\/members$/);
    await page.getByLabel("Email").fill("kurator@dekranasda-solo.test");
    await page.getByLabel("Peran").selectOption({ label: "Kurator" });
    await page.getByRole("button", { name: "Kirim undangan" }).click();
    await see(page.getByRole("status").filter({ hasText: "Undangan dikirim ke kurator@dekranasda-solo.test." }));
    await see(page.getByRole("listitem").filter({ hasText: "kurator@dekranasda-solo.test" }));
    expect(await page.getByLabel("Email").inputValue()).toBe("");
    await checkPage(page, "16-members");
    await page.getByRole("link", { name: "Kotak surat" }).click();
    await arrive(page, /\/mail$/);
    // The outbox worker sends in the background: the row appears once the SMTP sink has the message.
    await expect.poll(() => smtp.to("kurator@dekranasda-solo.test").length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => {
      await page.reload();
      return page.getByRole("cell", { name: "kurator@dekranasda-solo.test" }).count();
    }, { timeout: 10_000 }).toBe(1);
    await waitForHydration(page);
    await checkPage(page, "17-outbox");

    // Account and help.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Akun" }).click();
    await arrive(page, /\/account$/);
    await see(page.getByText("Perangkat ini"));
    await checkPage(page, "18-account");
    await page.getByRole("contentinfo").getByRole("link", { name: "Bantuan" }).click();
    await arrive(page, /\/help$/);
    await see(page.getByRole("heading", { level: 1, name: "Bantuan" }));
    await checkPage(page, "19-help");

    // A page that does not exist.
    allowConsoleErrors(page, /status of 404/);
    const missing = await visit(page, `${server.baseUrl}/tidak-ada-halaman-ini`);
    expect(missing?.status()).toBe(404);
    await see(page.getByRole("heading", { level: 1, name: "Halaman tidak ditemukan" }));
    await checkPage(page, "20-not-found");

    // Sign out (the not-found page kept the signed-in header); home now lists the published event.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("button", { name: "Keluar" }).click();
    await arrive(page, (url) => url.pathname === "/");
    const upcoming = page.getByRole("region", { name: "Acara yang akan datang" });
    await see(upcoming.getByRole("link", { name: EVENT }));
    expect(await upcoming.getByRole("article").first().textContent()).toContain("Senin, 14 Desember 2026 – Rabu, 16 Desember 2026");
    await checkPage(page, "01-home");

    // The sign-in and forgot-password pages.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Masuk" }).click();
    await arrive(page, /\/login$/);
    await see(page.getByRole("heading", { name: "Masuk ke Pendopo" }));
    await checkPage(page, "21-login");
    await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await arrive(page, /\/forgot-password$/);
    await see(page.getByRole("heading", { name: "Atur ulang kata sandi" }));
    await checkPage(page, "22-forgot-password");

    // A visitor in Makassar (WITA) sees the programme in WIB with their own time beside it.
    const visitor = await newPage(browser, { viewport: PHONE, locale: "id-ID", timezoneId: "Asia/Makassar" });
    await visit(visitor, publicUrl);
    const openingWita = visitor.getByRole("article").filter({ has: visitor.getByRole("heading", { name: OPENING }) });
    await see(openingWita.getByText("09.00 WITA"));
    const text = await openingWita.textContent();
    expect(text).toContain("08.00–09.00 WIB");
    expect(text).toContain("(09.00 WITA waktu Anda)");
    expect(await visitor.getByRole("article").filter({ hasText: MOU }).textContent()).toContain("(14.00 WITA waktu Anda)");
    await expectNoSeriousA11yViolations(visitor, "public page in WITA (phone)");
    await screenshot(visitor, "23-public-makassar-phone");
  }, 400_000);

  test("resets a forgotten password through the emailed link", async () => {
    const page = await newPage(browser, { viewport: PHONE, locale: "id-ID" });
    const email = `budi.${Date.now()}@batik-laweyan.test`;

    // An account to recover (signed out again right away).
    await visit(page, `${server.baseUrl}/signup`);
    await page.getByLabel("Nama lengkap").fill("Budi Santoso");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill("kata-sandi-lama-123");
    await page.getByRole("button", { name: "Buat akun" }).click();
    await arrive(page, /\/dashboard$/);
    await page.getByRole("button", { name: "Keluar" }).click();
    await see(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Masuk" }));

    // Request the reset.
    await visit(page, `${server.baseUrl}/forgot-password`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Kirim tautan" }).click();
    await see(page.getByRole("status").filter({ hasText: "Jika email itu terdaftar" }));
    await expectNoSeriousA11yViolations(page, "forgot password, sent (phone)");

    // The email arrives at the SMTP sink; its link points at this server.
    await expect.poll(() => smtp.to(email).length, { timeout: 15_000 }).toBe(1);
    const mail = smtp.to(email)[0]!;
    expect(mail.subject).toBe("Atur ulang kata sandi Pendopo");
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
    expect(link, `no reset link in:\n${mail.text}`).toBeDefined();
    expect(link!.startsWith(`${server.baseUrl}/reset-password/`)).toBe(true);

    // Set the new password.
    await visit(page, link!);
    await see(page.getByRole("heading", { name: "Buat kata sandi baru" }));
    await checkPage(page, "24-reset-password");
    await page.getByLabel("Kata sandi baru").fill("kata-sandi-baru-456");
    await page.getByLabel("Ulangi kata sandi").fill("kata-sandi-baru-456");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await arrive(page, /\/login$/);
    await see(page.getByRole("status").filter({ hasText: "Kata sandi diganti." }));

    // The old password no longer works (401); the new one does.
    allowConsoleErrors(page, /status of 401/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi").fill("kata-sandi-lama-123");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await see(page.getByRole("alert").filter({ hasText: "Email atau kata sandi salah." }));
    await expectNoSeriousA11yViolations(page, "login refused (phone)");
    await page.getByLabel("Kata sandi").fill("kata-sandi-baru-456");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await arrive(page, /\/dashboard$/);
    await see(page.getByRole("navigation", { name: "Menu" }).getByRole("button", { name: "Keluar" }));

    // The link was single-use.
    await visit(page, link!);
    await see(page.getByRole("alert").filter({ hasText: "Tautan ini tidak berlaku lagi" }));
  }, 180_000);
});
