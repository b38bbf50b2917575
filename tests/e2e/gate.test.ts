import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { DateTime } from "luxon";
import { allowConsoleErrors, checkPage, CHROMIUM, expectNoHorizontalOverflow, expectNoSeriousA11yViolations, newPage, PHONE, screenshot, see, visit, waitForHydration, signIn } from "../helpers/browser";
import { createTestDatabase } from "../helpers/db";
import { makeEvent, makeOrgWithStaff, type Staff } from "../helpers/factories";
import { makeBadge } from "../helpers/badge-factories";
import { writeQrY4m } from "../helpers/gate-camera";
import { startAppServer, type AppServer } from "../helpers/server";
import { withDatabase } from "../setup/global-setup";

/**
 * The gate in a real browser against the built production server. The organizer creates a check-in list and a
 * gate device and gets its pairing link; a phone (390×844) opens the link and scans with a fake camera that
 * shows Sari's badge: accepted, then refused as already inside (with gate and time). A typed short code admits
 * Budi. With the network cut, Citra's QR text (typed by a USB scanner over Budi's result) is accepted on the phone, "1 belum
 * terkirim" shows, and once the network is back the scan reaches the server: the live dashboard counts three
 * people inside. Screenshots in tmp/screens/gate-*.png.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
let server: AppServer;
let browser: Browser;
let staff: Staff;
let gatesUrl: string;
let badges: { sari: { qr: string }; budi: { shortCode: string }; citra: { qr: string } };
let dropDatabase: () => Promise<void>;

async function seededDatabase(): Promise<Record<string, string>> {
  const test = await createTestDatabase();
  const { db } = test;
  const made = await makeOrgWithStaff(db, "Kadin Kota Surakarta");
  staff = made.staff;
  // The scanner stamps scans with the real clock, so the event runs today (WIB).
  const today = DateTime.now().setZone("Asia/Jakarta").toISODate()!;
  const event = await makeEvent(db, made.org.id, { name: "Pameran Batik Solo", slug: "gerbang-e2e", firstDay: today, lastDay: DateTime.fromISO(today).plus({ days: 2 }).toISODate()! });
  gatesUrl = `/o/${made.org.slug}/events/${event.id}/gates`;
  const ev = { id: event.id, organizationId: made.org.id };
  badges = {
    sari: await makeBadge(db, ev, { holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari", kind: "exhibitor" }),
    budi: await makeBadge(db, ev, { holderName: "Budi Santoso", organizationName: "Hotel Kusuma", kind: "buyer" }),
    citra: await makeBadge(db, ev, { holderName: "Citra Dewi", organizationName: "", kind: "visitor" }),
  };
  await db.destroy();
  if (test.pgliteDir) {
    rmSync(`${test.pgliteDir}.lock`, { force: true });
    dropDatabase = async () => rmSync(path.dirname(test.pgliteDir!), { recursive: true, force: true });
    return { PGLITE_DIR: test.pgliteDir };
  }
  dropDatabase = async () => {
    const admin = postgres(withDatabase(inject("pgTemplateUrl"), "postgres"), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${new URL(test.url!).pathname.slice(1)} with (force)`);
    await admin.end();
  };
  return { DATABASE_URL: test.url! };
}

beforeAll(async () => {
  const env = await seededDatabase();
  const video = writeQrY4m(path.join(ROOT, "tmp/gate-qr.y4m"), badges.sari.qr);
  [server, browser] = await Promise.all([
    startAppServer({ env }),
    chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`, "--autoplay-policy=no-user-gesture-required",
      ],
    }),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dropDatabase?.();
});

describe("the gate, end to end", () => {
  let pairingUrl = "";

  test("an organizer creates a check-in list and a gate device and gets its pairing link once", async () => {
    const page = await newPage(browser);
    await signIn(page, server.baseUrl, staff.owner.email, gatesUrl);
    await see(page.getByText("Belum ada daftar check-in"));
    await page.getByLabel("Nama daftar").fill("Gerbang Utama");
    await page.locator("form.gate-list-form").getByRole("button", { name: "Tambah daftar" }).click();
    await see(page.getByText("Daftar check-in dibuat."));
    await see(page.getByRole("heading", { name: "Gerbang Utama" }));
    await page.getByLabel("Nama gerbang / perangkat").fill("Gerbang A");
    await page.getByRole("button", { name: "Tambah perangkat" }).click();
    await see(page.getByRole("heading", { name: "Pasangkan HP untuk Gerbang A" }));
    pairingUrl = await page.getByLabel("Tautan pasangan (untuk disalin ke HP)").inputValue();
    expect(pairingUrl).toMatch(new RegExp(`^${server.baseUrl}/gate#t=gt_`));
    await checkPage(page, "gate-setup");
    // Shown once: a reload no longer has it.
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByText("Pasangkan HP untuk Gerbang A").count()).resolves.toBe(0);
  });

  test("a paired phone accepts a badge from the camera, refuses its second scan, admits a typed short code, and works offline", async () => {
    expect(pairingUrl).not.toBe("");
    const phone = await newPage(browser, { viewport: PHONE });
    allowConsoleErrors(phone, /ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR/);
    await visit(phone, pairingUrl);
    await see(phone.getByRole("heading", { name: "Gerbang A · Gerbang Utama" }));
    expect(new URL(phone.url()).hash).toBe("");
    await see(phone.getByText(/Data badge: 3 badge/));

    // Camera permission is granted (fake UI), so the scanner starts the camera by itself, as on a paired phone.
    const overlay = phone.locator(".scan-result");
    await see(overlay.filter({ hasText: "DITERIMA" }));
    await expect(overlay.innerText()).resolves.toMatch(/Sari Wulandari[\s\S]*Batik Laweyan Sari[\s\S]*Peserta pameran/);
    await screenshot(phone, "gate-scanner-accepted");

    // The camera still sees the badge: after the pause it is scanned again and refused.
    await see(overlay.filter({ hasText: "DITOLAK" }), 20_000);
    const refused = await overlay.innerText();
    expect(refused).toMatch(/Sudah di dalam/);
    expect(refused).toMatch(/Sudah masuk \d{2}\.\d{2} WIB di Gerbang A/);
    await screenshot(phone, "gate-scanner-refused");
    await overlay.waitFor({ state: "hidden" });
    await phone.getByRole("button", { name: "Matikan kamera" }).click();

    await phone.getByLabel("Kode badge atau nama").fill(badges.budi.shortCode.toLowerCase());
    await phone.keyboard.press("Enter");
    await see(overlay.filter({ hasText: "DITERIMA" }).filter({ hasText: "Budi Santoso" }));

    // The network drops; a USB scanner types Citra's QR text while Budi's result is still on screen.
    await phone.context().setOffline(true);
    await phone.keyboard.type(badges.citra.qr);
    await phone.keyboard.press("Enter");
    await see(overlay.filter({ hasText: "DITERIMA" }).filter({ hasText: "Citra Dewi" }));
    await expect(overlay.innerText()).resolves.toMatch(/Diputuskan offline/);
    await screenshot(phone, "gate-scanner-offline");
    await overlay.waitFor({ state: "hidden" });
    await see(phone.getByText("1 belum terkirim"));
    await see(phone.getByText("Offline – keputusan di HP ini"));
    await screenshot(phone, "gate-scanner-pending");
    // Still offline, the page reloads from the service worker's cache with its synced data and queue.
    await phone.reload();
    await waitForHydration(phone);
    await see(phone.getByRole("heading", { name: "Gerbang A · Gerbang Utama" }));
    await see(phone.getByText("1 belum terkirim"));
    // The reloaded page restarted the camera by itself; stop it so Sari's badge is not scanned again and again.
    await phone.getByRole("button", { name: "Matikan kamera" }).click();

    await phone.context().setOffline(false);
    await see(phone.getByText("Semua terkirim"), 20_000);
    await expect(phone.getByText("1 belum terkirim").count()).resolves.toBe(0);
    await screenshot(phone, "gate-scanner-ready");
    await expectNoSeriousA11yViolations(phone, "gate scanner (phone)");
    await expectNoHorizontalOverflow(phone, "gate scanner (phone)");
  }, 90_000);

  test("the gate screens for editing a list and for double entries pass axe at phone and desktop size", async () => {
    const page = await newPage(browser);
    await signIn(page, server.baseUrl, staff.admin.email, gatesUrl);
    await page.getByRole("link", { name: "Ubah" }).first().click();
    await see(page.getByRole("heading", { name: /Ubah daftar: Gerbang Utama/ }));
    await checkPage(page, "gate-list-edit");
    await page.getByRole("link", { name: "Kemungkinan masuk ganda" }).click();
    await see(page.getByText("Tidak ada pemindaian paksa."));
    await checkPage(page, "gate-forced");
  });

  test("the live dashboard shows the three people inside, per kind, without reload", async () => {
    const page = await newPage(browser);
    await signIn(page, server.baseUrl, staff.gate_staff.email, `${gatesUrl}/live`);
    await expect(page.getByTestId("inside-now").innerText()).resolves.toBe("3");
    const perKind = await page.getByRole("region", { name: "Per jenis badge" }).innerText();
    expect(perKind).toMatch(/Peserta pameran\s+1\s+1/);
    expect(perKind).toMatch(/Pembeli\s+1\s+1/);
    expect(perKind).toMatch(/Pengunjung\s+1\s+1/);
    await checkPage(page, "gate-live");
    // Sari leaves through a hardware scanner on the API: the open page updates by itself.
    const token = decodeURIComponent(pairingUrl.split("#t=")[1]!);
    const res = await fetch(`${server.baseUrl}/api/v1/scans`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ code: badges.sari.qr, type: "exit", nonce: `e2e-exit-${Date.now()}`, scannedAt: new Date().toISOString() }),
    });
    expect(await res.json()).toMatchObject({ ok: true, badge: { name: "Sari Wulandari" } });
    await page.waitForFunction(() => document.querySelector('[data-testid="inside-now"]')?.textContent === "2", null, { timeout: 15_000 });
  });
});
