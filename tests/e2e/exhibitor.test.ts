import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { allowConsoleErrors, arrive, checkPage, launchBrowser, newPage, PHONE, screenshot, see, visit, waitForHydration } from "../helpers/browser";
import { makePng } from "../helpers/exhibitor-factories";
import { startAppServer, type AppServer } from "../helpers/server";
import { startSmtpSink } from "../helpers/smtp";

/**
 * A batik maker's first application, on a phone-sized Chromium against the built production server: from the
 * home page's "Daftar sebagai UMKM" to a submitted application waiting for curation. The organizer's side (a
 * published event with an open call) is set up through the same forms, posted over HTTP. Every page on the way
 * is checked with axe and photographed (tmp/screens/exhibitor-*).
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

/** Posts a form the way a browser without JavaScript does; returns the redirect target and keeps the session cookie. */
async function postForm(path: string, fields: Record<string, string | string[]>, cookie = ""): Promise<{ location: string; cookie: string }> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: "POST", body, redirect: "manual", headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
  });
  if (res.status !== 302) throw new Error(`POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("pendopo_session="));
  return { location: res.headers.get("location") ?? "", cookie: session ?? cookie };
}

const localParts = (d: Date) => {
  // The event is in WIB (UTC+7, no DST).
  const wib = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return { day: wib.slice(0, 10), time: wib.slice(11, 16) };
};

/** An organizer with a published event whose call for exhibitors is open now, offering 4 m² free and 9 m² for Rp 1.500.000. */
async function organizerWithOpenCall() {
  const { cookie } = await postForm("/signup", { name: "Sari Wulandari", email: `sari.${Date.now()}@kadinsolo.test`, password: "sogan-parang-kawung-2026" });
  const { location: orgPath } = await postForm("/orgs/new", { name: "Kadin Kota Surakarta", kind: "kadin", city: "Surakarta" }, cookie);
  const { location: eventPath } = await postForm(`${orgPath}/events/new`, {
    name: "Pameran Batik & Tenun Solo Raya", kind: "pameran", timeZone: "Asia/Jakarta", firstDay: "2027-03-08", lastDay: "2027-03-10",
    venueName: "Benteng Vastenburg", city: "Surakarta", description: "Pameran batik tulis, batik cap, dan tenun ikat.",
  }, cookie);
  await postForm(`${eventPath}?index`, { intent: "publish" }, cookie);
  const opens = localParts(new Date(Date.now() - 86_400_000));
  const closes = localParts(new Date(Date.now() + 14 * 86_400_000));
  await postForm(`${eventPath}/exhibitors/call`, {
    intent: "save-call", opensDay: opens.day, opensTime: opens.time, closesDay: closes.day, closesTime: closes.time,
    sectors: ["batik_tulis", "batik_cap", "tenun_ikat"], intro: "Terbuka untuk perajin batik dan tenun.",
  }, cookie);
  await postForm(`${eventPath}/exhibitors/call`, { intent: "add-size", sizeM2: "4", fee: "0", staffLimit: "2" }, cookie);
  await postForm(`${eventPath}/exhibitors/call`, { intent: "add-size", sizeM2: "9", fee: "1.500.000", staffLimit: "3" }, cookie);
  for (const [name, weight] of [["Kualitas produk", "30"], ["Orisinalitas motif", "25"], ["Kemasan", "15"], ["Kapasitas", "15"], ["Branding", "15"]]) {
    await postForm(`${eventPath}/exhibitors/call`, { intent: "add-criterion", name: name!, weight: weight! }, cookie);
  }
  const page = await fetch(`${server.baseUrl}${eventPath}`, { headers: { cookie } }).then((r) => r.text());
  const slug = /href="\/e\/([a-z0-9-]+)"/.exec(page)?.[1];
  if (!slug) throw new Error("no public link on the event page");
  return { cookie, eventPath, slug };
}

describe("exhibitor", () => {
  test("signs up on a phone, fills the profile once, adds a product with a photo and applies to an open call", async () => {
    const organizer = await organizerWithOpenCall();
    const page = await newPage(browser, { viewport: PHONE, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const email = `sri.${Date.now()}@batik-laweyan.test`;

    // Home: the way in for UMKM.
    await visit(page, `${server.baseUrl}/`);
    await page.getByRole("link", { name: "Daftar sebagai UMKM / peserta pameran" }).first().click();
    await arrive(page, /\/signup\?redirectTo=/);
    await page.getByLabel("Nama lengkap").fill("Sri Rahayu");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill("kawung-sekar-jagad-2026");
    await page.getByRole("button", { name: "Buat akun" }).click();

    // Straight to the business profile, with the account's name and email already there.
    await arrive(page, /\/exhibitor\/profile$/);
    await see(page.getByRole("heading", { level: 1, name: "Buat profil usaha" }));
    expect(await page.getByLabel("Nama pemilik").inputValue()).toBe("Sri Rahayu");
    expect(await page.getByLabel("Email usaha").inputValue()).toBe(email);
    await checkPage(page, "exhibitor-01-profile-new");
    await page.getByLabel("Nama usaha").fill("Batik Sekar Jagad");
    await page.getByLabel("Merek").fill("Sekar");
    await page.getByLabel("NIB (Nomor Induk Berusaha)").fill("9120001234567");
    await page.getByLabel("Kelas usaha").selectOption({ label: "Kecil" });
    await page.getByLabel("Sektor").selectOption({ label: "Batik tulis" });
    await page.getByLabel("Kota/Kabupaten").fill("Kota Surakarta");
    await page.getByLabel("Provinsi").selectOption({ label: "Jawa Tengah" });
    // A landline first: refused on the field, nothing saved (the 409 is logged by the browser).
    allowConsoleErrors(page, /status of 409/);
    await page.getByLabel("Nomor WhatsApp").fill("021-5551234");
    await page.getByLabel("Tentang usaha").fill("Batik tulis pewarna alam dari Laweyan sejak 1998.");
    await page.getByLabel("Jumlah per bulan").fill("300");
    await page.getByLabel("Satuan").fill("lembar");
    await page.getByRole("button", { name: "Simpan profil usaha" }).click();
    await see(page.getByText("Ini nomor telepon rumah/kantor. WhatsApp memerlukan nomor HP."));
    await page.getByLabel("Nomor WhatsApp").fill("0812-3456-7890");
    await page.getByRole("button", { name: "Simpan profil usaha" }).click();

    // Products: one with a photo made here.
    await arrive(page, /\/exhibitor\/products$/);
    await see(page.getByRole("status").filter({ hasText: "Profil usaha dibuat" }));
    await checkPage(page, "exhibitor-02-products-empty");
    const form = page.getByRole("form", { name: "Tambah produk" });
    await form.getByLabel("Nama produk").fill("Kain batik tulis Sekar Jagad");
    await form.getByLabel("Harga (Rp)").fill("1.250.000");
    await form.getByLabel("Foto produk").setInputFiles({ name: "sekar-jagad.png", mimeType: "image/png", buffer: await makePng(640, 480) });
    await form.getByRole("button", { name: "Tambah produk" }).click();
    await see(page.getByRole("status").filter({ hasText: "Produk ditambahkan." }));
    const photo = page.getByRole("img", { name: "Kain batik tulis Sekar Jagad" });
    await see(photo);
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    await see(page.getByText("Rp\u00a01.250.000"));
    await checkPage(page, "exhibitor-03-products");

    // The event's public page leads to the call.
    await visit(page, `${server.baseUrl}/e/${organizer.slug}`);
    await page.getByRole("link", { name: "Daftar sebagai UMKM / peserta pameran" }).click();
    await arrive(page, /\/exhibit$/);
    await see(page.getByText("Pendaftaran dibuka"));
    await see(page.getByRole("cell", { name: "Gratis" }));
    await see(page.getByRole("cell", { name: "Rp\u00a01.500.000" }));
    await checkPage(page, "exhibitor-04-call");
    await page.getByRole("link", { name: "Ajukan pendaftaran" }).click();

    // The application: business data come from the profile; save a draft, come back, submit.
    await arrive(page, /\/exhibitor\/apply\//);
    await see(page.getByText("Diambil dari profil usaha Anda"));
    await see(page.getByText("+6281234567890"));
    await checkPage(page, "exhibitor-05-apply");
    await page.getByLabel(/9 m² · Rp\u00a01\.500\.000/).check();
    await page.getByLabel("Alasan ikut pameran").fill("Mencari pembeli hotel dan butik di Jakarta.");
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await see(page.getByRole("status").filter({ hasText: "Draf disimpan" }));
    await visit(page, `${server.baseUrl}/exhibitor`);
    await see(page.getByText("Draf", { exact: true }));
    await page.getByRole("link", { name: /Lanjutkan draf/ }).click();
    await arrive(page, /\/exhibitor\/apply\//);
    expect(await page.getByLabel("Alasan ikut pameran").inputValue()).toBe("Mencari pembeli hotel dan butik di Jakarta.");
    expect(await page.getByLabel(/9 m² · Rp\u00a01\.500\.000/).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Ajukan pendaftaran" }).click();

    await arrive(page, /\/exhibitor\/applications\/[0-9a-f-]{36}$/);
    await see(page.getByRole("status").filter({ hasText: "Pendaftaran terkirim" }));
    await see(page.getByText("Menunggu kurasi"));
    await checkPage(page, "exhibitor-06-application");

    // "Usaha saya": the application with its status, and the profile's completeness.
    await page.getByRole("link", { name: "Usaha saya" }).click();
    await arrive(page, /\/exhibitor$/);
    await see(page.getByRole("heading", { level: 1, name: "Batik Sekar Jagad" }));
    await see(page.getByRole("listitem").filter({ hasText: "Pameran Batik & Tenun Solo Raya" }).getByText("Menunggu kurasi"));
    await checkPage(page, "exhibitor-07-home");
    await page.getByRole("link", { name: "Sertifikasi" }).first().click();
    await arrive(page, /\/exhibitor\/certifications$/);
    await checkPage(page, "exhibitor-08-certifications");

    // The receipt arrived.
    await expect.poll(() => smtp.to(email).length, { timeout: 10_000 }).toBe(1);
    expect(smtp.to(email)[0]!.subject).toBe("Pendaftaran diterima: Pameran Batik & Tenun Solo Raya");

    // The organizer sees the application in the list, and the call settings.
    const [name, value] = organizer.cookie.split("=");
    const orgPage = await newPage(browser, { viewport: PHONE });
    await orgPage.context().addCookies([{ name: name!, value: value!, url: server.baseUrl }]);
    await visit(orgPage, `${server.baseUrl}${organizer.eventPath}/exhibitors`);
    await see(orgPage.getByRole("link", { name: "Batik Sekar Jagad" }));
    await see(orgPage.getByRole("cell", { name: "Kota Surakarta, Jawa Tengah" }));
    await checkPage(orgPage, "exhibitor-09-organizer-list");
    await visit(orgPage, `${server.baseUrl}${organizer.eventPath}/exhibitors/call`);
    await see(orgPage.getByText("Total bobot: 100."));
    await checkPage(orgPage, "exhibitor-10-organizer-call");
  }, 400_000);
});
