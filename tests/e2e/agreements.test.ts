import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { arrive, checkPage, DESKTOP, launchBrowser, newPage, PHONE, see, visit } from "../helpers/browser";
import { startAppServer, type AppServer } from "../helpers/server";
import { organizerWithEvent, postForm } from "../helpers/http-forms";

/**
 * Cooperation agreements in a real browser: the empty list, the form with its party rows and region quick
 * picks, client-side messages that name the party, a signed PDF, the list and its regional summary. Pages are
 * checked with axe and photographed at 390 px and 1280 px (tmp/screens/).
 */

let server: AppServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});


/** An organizer of a B2B expo in Solo whose cooperating regions are Kota Kediri and Kota Surakarta. */
async function organizerWithRegions() {
  const { cookie, eventPath } = await organizerWithEvent(server.baseUrl, { name: "Sari Wulandari", email: `sari.${Date.now()}@kadinsolo.test` }, {
    name: "B2B Expo Kediri–Surakarta", slug: `b2b-expo-${Date.now().toString(36)}`, kind: "b2b_expo",
    firstDay: "2026-12-07", lastDay: "2026-12-08", venueName: "Hotel Alana",
  });
  for (const [name, province] of [["Kota Kediri", "Jawa Timur"], ["Kota Surakarta", "Jawa Tengah"]]) {
    await postForm(server.baseUrl, `${eventPath}/venue`, { intent: "add-region", name: name!, province: province!, delegation: `Kadin ${name}` }, cookie);
  }
  return { cookie, eventPath };
}

async function signIn(page: Page, cookie: string) {
  const [name, value] = cookie.split("=") as [string, string];
  await page.context().addCookies([{ name, value, url: server.baseUrl }]);
}

describe("cooperation agreements", () => {
  test("an organizer records an MoU between Kadin Kota Kediri and Kadin Kota Surakarta with a signed PDF", async () => {
    const { cookie, eventPath } = await organizerWithRegions();
    const page = await newPage(browser, { viewport: PHONE });
    await signIn(page, cookie);

    await visit(page, `${server.baseUrl}${eventPath}/deals/agreements`);
    await see(page.getByText(/Belum ada MoU atau perjanjian kerja sama yang dicatat/));
    await checkPage(page, "agreements-01-empty");

    await page.getByRole("link", { name: "Catat MoU" }).click();
    await arrive(page, /\/deals\/agreements\/new$/);
    await see(page.getByRole("heading", { name: "Catat MoU / perjanjian kerja sama" }));
    await checkPage(page, "agreements-02-form");

    // Submitting with empty party names: the messages name the party, in the browser.
    await page.getByLabel("Judul").fill("MoU Kerja Sama Perdagangan Kadin Kota Kediri dan Kadin Kota Surakarta");
    await page.getByRole("button", { name: "Simpan MoU" }).click();
    await see(page.getByText("Pihak 1: isi nama lembaga."));
    await see(page.getByText("Pihak 2: isi nama lembaga."));
    await checkPage(page, "agreements-03-form-errors");

    const party = (n: number) => page.getByRole("group", { name: `Pihak ${n}` });
    await party(1).getByLabel("Nama lembaga").fill("Kadin Kota Kediri");
    await party(1).getByRole("button", { name: /Isi kota dan provinsi pihak 1 dengan Kota Kediri \(Jawa Timur\)/ }).click();
    await expect.poll(() => party(1).getByLabel(/Provinsi/).inputValue()).toBe("Jawa Timur");
    await party(1).getByLabel(/Nama penanda tangan/).fill("Tjahjono Wibowo");
    await party(1).getByLabel(/Jabatan penanda tangan/).fill("Ketua Umum");
    await party(2).getByLabel("Nama lembaga").fill("Kadin Kota Surakarta");
    await party(2).getByRole("button", { name: /Kota Surakarta \(Jawa Tengah\)/ }).click();
    await expect.poll(() => party(2).getByLabel(/Kota\/kabupaten/).inputValue()).toBe("Kota Surakarta");

    // A third row can be added and removed again.
    await page.getByRole("button", { name: /Tambah pihak/ }).click();
    await see(party(3));
    await page.getByRole("button", { name: "Hapus pihak 3" }).click();
    await expect.poll(() => party(3).count()).toBe(0);

    await page.getByLabel(/Tempat penandatanganan/).fill("Hotel Alana, Surakarta");
    await page.getByLabel(/Dokumen bertanda tangan/).setInputFiles({
      name: "mou-kadin.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Simpan MoU" }).click();
    await arrive(page, /\/deals\/agreements\/[0-9a-f-]{36}$/);
    await see(page.getByText("MoU dicatat."));
    await see(page.getByText(/Ditandatangani 7 Desember 2026 di Hotel Alana, Surakarta/));
    await see(page.getByText(/Penanda tangan: Tjahjono Wibowo, Ketua Umum/));
    await checkPage(page, "agreements-04-view-edit");

    await page.getByRole("link", { name: "← Kembali ke daftar MoU" }).click();
    await arrive(page, /\/deals\/agreements$/);
    await see(page.getByRole("link", { name: "Kadin Kota Kediri × Kadin Kota Surakarta" }));
    await see(page.getByRole("table", { name: "Pasangan wilayah yang menandatangani kerja sama" }));
    await checkPage(page, "agreements-05-list");
    await page.setViewportSize(DESKTOP);
  }, 120_000);
});
