import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { arrive, checkPage, DESKTOP, launchBrowser, newPage, PHONE, SCREENS_DIR, screenshot, see, visit, waitForHydration } from "../helpers/browser";
import { decodePdf, decodePng } from "../helpers/badges-qr";
import { startAppServer, type AppServer } from "../helpers/server";
import { startSmtpSink } from "../helpers/smtp";
import { organizerWithEvent, postForm } from "../helpers/http-forms";

/**
 * Badges end to end against the built server: a visitor registers on the public page at phone size and gets
 * the badge email (inline QR and PDF, both decoded with zbarimg); the organizer finds the visitor in the badge
 * list, reissues the code, bulk-prints a PDF and revokes the badge. Pages are checked with axe and
 * photographed at 390×844 and 1280×900 (tmp/screens/badges-*).
 */

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


/** An organizer with a published event whose public registration is open (capacity 50). */
async function organizerWithOpenRegistration() {
  const { cookie, eventPath } = await organizerWithEvent(server.baseUrl, { name: "Budi Hartono", email: `budi.${Date.now()}@kadinsolo.test` }, {
    name: "Temu Bisnis Batik Solo Raya", slug: `temu-bisnis-${Date.now().toString(36)}`, kind: "temu_bisnis", firstDay: "2027-03-08", lastDay: "2027-03-10",
    venueName: "Benteng Vastenburg", description: "Temu bisnis batik dan tenun.",
  });
  await postForm(server.baseUrl, `${eventPath}?index`, { intent: "publish" }, cookie);
  await postForm(server.baseUrl, `${eventPath}/badges/registration`, { intent: "registration", isOpen: "on", capacity: "50" }, cookie);
  const page = await fetch(`${server.baseUrl}${eventPath}`, { headers: { cookie } }).then((r) => r.text());
  const slug = /href="\/e\/([a-z0-9-]+)"/.exec(page)?.[1];
  if (!slug) throw new Error("no public link on the event page");
  return { cookie, eventPath, slug };
}

async function waitForMail(to: string, count = 1) {
  for (let i = 0; i < 100 && smtp.to(to).length < count; i++) await new Promise((r) => setTimeout(r, 200));
  const mails = smtp.to(to);
  if (mails.length < count) throw new Error(`no badge email for ${to} after 20 s`);
  return mails[count - 1]!;
}

describe("badges", () => {
  test("a visitor registers on a phone and gets the badge email; the organizer finds, reissues, prints, corrects and revokes it", async () => {
    const organizer = await organizerWithOpenRegistration();
    const email = `sari.${Date.now()}@batik-laweyan.test`;

    // The visitor, on a phone: public page → registration form → the badge page.
    const page = await newPage(browser, { viewport: PHONE });
    await visit(page, `${server.baseUrl}/e/${organizer.slug}`);
    await page.getByRole("link", { name: "Daftar sebagai pengunjung" }).click();
    await arrive(page, /\/register$/);
    await checkPage(page, "badges-register");
    await page.getByRole("button", { name: "Daftar dan terima badge" }).click();
    await see(page.getByText("Setujui pemberitahuan privasi untuk mendaftar."));
    await page.getByLabel("Saya datang sebagai").selectOption("buyer");
    await page.getByLabel("Nama lengkap").fill("Sari Wulandari");
    await page.getByLabel(/Instansi/).fill("Batik Laweyan Sari");
    await page.getByLabel(/Email/).fill(email);
    await page.getByLabel(/Nomor WhatsApp/).fill("0812-3456-7890");
    await page.getByLabel(/Saya sudah membaca/).check();
    await page.getByRole("button", { name: "Daftar dan terima badge" }).click();
    await arrive(page, /\/badge\/P1[A-Z2-7]{173}\?welcome=1$/);
    const qr = /\/badge\/(P1[A-Z2-7]{173})/.exec(page.url())![1]!;
    await see(page.getByText("Pendaftaran berhasil!"));
    await see(page.getByRole("heading", { name: "Sari Wulandari" }));
    await see(page.getByText("PEMBELI"));
    await checkPage(page, "badges-holder");

    // The email: the inline QR PNG and the attached PDF both decode to the code in the link.
    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Badge Anda untuk Temu Bisnis Batik Solo Raya");
    const png = mail.attachments.find((a) => a.contentType === "image/png")!;
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf")!;
    writeFileSync(path.join(SCREENS_DIR, "badges-email.pdf"), pdf.content);
    expect(png.cid).toBe("badge-qr");
    expect((await decodePng(png.content)).zbar).toEqual([qr]);
    expect(decodePdf(pdf.content)).toEqual([qr]);

    // The organizer: the list, the detail, reissue, bulk print, revoke.
    const org = await newPage(browser, { viewport: DESKTOP });
    const [name, value] = organizer.cookie.split("=");
    await org.context().addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges`);
    await see(org.getByRole("link", { name: "Sari Wulandari" }));
    await checkPage(org, "badges-list");
    await org.getByRole("link", { name: "Sari Wulandari" }).click();
    await arrive(org, /\/badges\/[0-9a-f-]{36}$/);
    const oldCode = await org.locator(".qr-box .code").innerText();
    await checkPage(org, "badges-detail");

    await org.getByRole("button", { name: "Terbitkan ulang kode" }).first().click();
    await org.locator("details[open] .confirm-box").getByRole("button", { name: "Terbitkan ulang kode" }).click();
    await see(org.getByText(/Kode baru diterbitkan/));
    const newCode = await org.locator(".qr-box .code").innerText();
    expect(newCode).not.toBe(oldCode);
    const reissued = await waitForMail(email, 2);
    const newQr = (await decodePng(reissued.attachments.find((a) => a.contentType === "image/png")!.content)).zbar[0]!;
    expect(newQr).not.toBe(qr);
    const oldPage = await fetch(`${server.baseUrl}/badge/${qr}`);
    expect(oldPage.status).toBe(404);

    await org.getByRole("link", { name: "Semua badge" }).click();
    await arrive(org, /\/badges$/);
    await org.getByLabel("Semua yang belum dicetak").check();
    await org.getByLabel("Format").selectOption("a4-4up");
    const [download] = await Promise.all([org.waitForEvent("download"), org.getByRole("button", { name: "Buat PDF" }).click()]);
    const printed = await download.path().then((p) => import("node:fs").then((fs) => fs.readFileSync(p!)));
    expect(printed.subarray(0, 5).toString()).toBe("%PDF-");
    expect(decodePdf(printed)).toEqual([newQr]);

    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges?unprinted=1`);
    await see(org.getByText("Tidak ada badge yang cocok dengan filter ini."));
    // Correcting the holder's name keeps the code and puts the printed badge back among "not yet printed".
    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges`);
    await org.getByRole("link", { name: "Sari Wulandari" }).click();
    await arrive(org, /\/badges\/[0-9a-f-]{36}$/);
    await org.getByRole("link", { name: "Ubah data" }).click();
    await arrive(org, /\/edit$/);
    await checkPage(org, "badges-edit");
    await org.getByLabel("Nama lengkap").fill("Sari Wulandari Putri");
    await org.getByRole("button", { name: "Simpan perubahan" }).click();
    await see(org.getByText(/perlu dicetak ulang/));
    await see(org.getByRole("heading", { name: "Sari Wulandari Putri" }));
    expect(await org.locator(".qr-box .code").innerText()).toBe(newCode);
    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges`);
    await org.getByRole("link", { name: "Sari Wulandari" }).click();
    await arrive(org, /\/badges\/[0-9a-f-]{36}$/);
    await org.getByRole("button", { name: "Cabut badge" }).first().click();
    await org.locator("details[open] .confirm-box").getByLabel("Alasan").fill("Terdaftar dua kali");
    await org.locator("details[open] .confirm-box").getByRole("button", { name: "Cabut badge" }).click();
    await see(org.getByText("Badge dicabut."));
    await see(org.getByText("Terdaftar dua kali").first());
    await see(org.getByText("Badge yang dicabut tidak punya kode QR."));
    await screenshot(org, "badges-detail-revoked");
  }, 120_000);

  test("an organizer adds a badge by hand and imports a CSV: the preview names the bad row and column, the import finishes in the background", async () => {
    const organizer = await organizerWithOpenRegistration();
    const org = await newPage(browser, { viewport: DESKTOP });
    const [name, value] = organizer.cookie.split("=");
    await org.context().addCookies([{ name: name!, value: value!, url: server.baseUrl }]);

    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges/new`);
    await checkPage(org, "badges-add");
    await org.getByLabel("Kategori").selectOption("vip");
    await org.getByLabel("Nama lengkap").fill("Wali Kota Kediri");
    await org.getByLabel(/Instansi/).fill("Pemerintah Kota Kediri");
    await org.getByLabel("Kirim badge lewat email").uncheck();
    await org.getByRole("button", { name: "Terbitkan badge" }).click();
    await arrive(org, /\/badges\/[0-9a-f-]{36}$/);
    await see(org.getByText("Badge diterbitkan."));
    await see(org.getByText("VIP").first());

    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges/import`);
    const csv = ["nama;instansi;email;telepon;kategori;bahasa", "Sari Wulandari;Batik Laweyan;sari@batik.test;0812-3456-7890;pembeli;id",
      "Budi;Solopos;budi-at-solopos;;media;en", "Dewi Lestari;Dekranasda;dewi@dekranasda.test;;pengunjung;en"].join("\n");
    await org.getByLabel("Berkas CSV").setInputFiles({ name: "tamu.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await org.getByRole("button", { name: "Pratinjau" }).click();
    await see(org.getByText("2 baris siap diimpor"));
    await see(org.getByText("Baris 3, kolom email:"));
    await checkPage(org, "badges-import-preview");
    await org.getByLabel(/Kirim badge lewat email/).uncheck();
    await org.getByRole("button", { name: "Impor 2 badge" }).click();
    await arrive(org, /\/badges\/import\/[0-9a-f-]{36}$/);
    await see(org.getByText("Selesai"), 20_000);
    await see(org.getByText("2 dari 2 baris"));
    await checkPage(org, "badges-import-progress");
    await visit(org, `${server.baseUrl}${organizer.eventPath}/badges?q=dekranasda`);
    await see(org.getByRole("link", { name: "Dewi Lestari" }));
  }, 120_000);
});

describe("client-side validation", () => {
  // conform re-renders a form's owner only for state it read itself; useAppForm subscribes it to every error.
  // Without that, an empty required field got focus but no message, on these forms and most others.
  test("an empty form shows each field's message at once, without a request, on organizer and public forms", async () => {
    const organizer = await organizerWithOpenRegistration();
    const page = await newPage(browser, { viewport: PHONE });
    const [name, value] = organizer.cookie.split("=");
    await page.context().addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
    const posts: string[] = [];
    page.on("request", (r) => { if (r.method() === "POST") posts.push(r.url()); });
    const submitEmpty = async (path: string, button: string | RegExp, expected: string[]) => {
      await visit(page, `${server.baseUrl}${path}`);
      await page.getByRole("button", { name: button }).click();
      await see(page.locator(".field-error").first());
      expect(await page.locator(".field-error").allInnerTexts()).toEqual(expected);
    };
    await submitEmpty(`${organizer.eventPath}/badges/new`, "Terbitkan badge", ["Wajib diisi."]);
    expect(await page.getByLabel("Nama lengkap").getAttribute("aria-invalid")).toBe("true");
    await submitEmpty(`${organizer.eventPath}/venue`, "Tambah hall", ["Wajib diisi."]);
    await submitEmpty("/orgs/new", "Buat organisasi", ["Wajib diisi.", "Pilih salah satu."]);
    expect(posts).toEqual([]);
  });
});

