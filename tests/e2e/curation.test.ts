import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { arrive, checkPage, DESKTOP, launchBrowser, newPage, PHONE, see, signIn } from "../helpers/browser";
import { createTestDatabase } from "../helpers/db";
import { makeEvent, makeOrgWithStaff, type Staff } from "../helpers/factories";
import { startAppServer, type AppServer } from "../helpers/server";
import { startSmtpSink } from "../helpers/smtp";
import { withDatabase } from "../setup/global-setup";
import { giveScores, makeApplicant, makeCertification, makeCriteria, makeProduct } from "../helpers/curation-factories";

/**
 * Curation in a real browser against the built production server: a curator signs in, finds an application
 * in the queue and scores it with the keyboard; an admin reads the scores and accepts the application with a
 * message; the applicant's email arrives at the SMTP sink; the summary shows the new numbers. Every page is
 * checked with axe at a phone and a desktop width (tmp/screens/curation-*.png).
 */

const EVENT = "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta";
const APPLICANT = "Tenun Ikat Bandar Kidul";
const APPLICANT_EMAIL = "bandarkidul@tenun.test";

let server: AppServer;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let browser: Browser;
let staff: Staff;
let base: string;
let dropDatabase: () => Promise<void>;

/**
 * Seeds a fresh database, releases it, and hands it to the server (PGlite allows one process per data dir,
 * so the test closes its own connection first).
 */
async function seededDatabase(): Promise<Record<string, string>> {
  const test = await createTestDatabase();
  const { db } = test;
  const made = await makeOrgWithStaff(db, "Kadin Kota Surakarta");
  staff = made.staff;
  const event = await makeEvent(db, made.org.id, { name: EVENT, slug: "temu-bisnis-kurasi-e2e" });
  base = `/o/${made.org.slug}/events/${event.id}/curation`;
  const [kualitas, kemasan, pasar] = await makeCriteria(db, event.id, [
    { name: "Kualitas tenun", weight: 50 }, { name: "Kemasan", weight: 20 }, { name: "Kesiapan pasar", weight: 30 },
  ]);
  const bandar = await makeApplicant(db, event.id, {
    name: APPLICANT, brandName: "Bandar Ikat", ownerName: "Dewi Lestari", sector: "tenun_ikat", city: "Kota Kediri", province: "Jawa Timur",
    email: APPLICANT_EMAIL, umkmClass: "kecil", capacityQuantity: 120, capacityUnit: "lembar per bulan",
    exportExperience: "Pernah mengirim ke Malaysia (2024).", description: "Tenun ikat ATBM dari Bandar Kidul, pewarna alam.",
  }, { preferredSizeM2: 9, preferredZone: "Zona tenun", motivation: "Bertemu pembeli hotel dan butik di Solo.", historyYears: 2, submittedAt: new Date("2026-10-02T03:00:00Z") });
  await makeProduct(db, bandar.businessId, { name: "Kain tenun ikat motif Dhoho", priceIdr: 850_000, sort: 0 });
  await makeProduct(db, bandar.businessId, { name: "Selendang ikat pewarna alam", priceIdr: 350_000, sort: 1 });
  await makeCertification(db, bandar.businessId, "sni", "SNI 8302:2016");
  const sekar = await makeApplicant(db, event.id, { name: "Batik Tulis Sekar Jagad", sector: "batik_tulis", province: "Jawa Tengah" },
    { submittedAt: new Date("2026-10-01T03:00:00Z") });
  await giveScores(db, sekar.applicationId, staff.admin.id, { [kualitas!]: 4, [kemasan!]: 4, [pasar!]: 3 });
  await makeApplicant(db, event.id, { name: "Serabi Notosuman", sector: "kuliner", province: "Jawa Tengah" }, { status: "rejected" });
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
  smtp = await startSmtpSink();
  const env = await seededDatabase();
  [server, browser] = await Promise.all([startAppServer({ smtpUrl: smtp.url, env }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await dropDatabase?.();
  await smtp?.close();
});

/** Opens a protected page signed out, signs in on the login page, and lands back on it. */
describe("curation", () => {
  test("a curator scores an application, an admin accepts it with a message, and the applicant gets the email", async () => {
    // The curator: the review queue.
    const curator = await newPage(browser, { viewport: PHONE });
    await signIn(curator, server.baseUrl, staff.curator.email, base);
    await see(curator.getByRole("heading", { name: "Antrean penilaian" }));
    await see(curator.getByRole("link", { name: "Kurasi", exact: true }));
    await see(curator.getByText("2 pendaftaran"));
    await checkPage(curator, "curation-01-queue");

    // Filter: not yet scored by me, in Jawa Timur.
    await curator.getByLabel("Provinsi").selectOption("Jawa Timur");
    await curator.getByLabel("Hanya yang belum saya nilai").check();
    await curator.getByRole("button", { name: "Terapkan" }).click();
    await arrive(curator, (u) => u.searchParams.get("province") === "Jawa Timur" && u.searchParams.get("mine") === "unscored");
    await see(curator.getByText("1 pendaftaran"));
    const row = curator.getByRole("row").filter({ hasText: APPLICANT });
    await see(row);
    await see(row.getByText("Belum dinilai").first());
    await checkPage(curator, "curation-02-queue-filtered");

    // The application: profile, products (no photos yet), no decision controls for a curator.
    await row.getByRole("link", { name: APPLICANT }).click();
    await arrive(curator, /\/curation\/[0-9a-f-]{36}$/);
    await see(curator.getByRole("heading", { name: APPLICANT }));
    await see(curator.getByText("Kain tenun ikat motif Dhoho"));
    await see(curator.getByRole("img", { name: "Foto produk Kain tenun ikat motif Dhoho" }));
    await see(curator.getByText("Bertemu pembeli hotel dan butik di Solo."));
    await see(curator.getByText("Keputusan diambil oleh pemilik atau admin penyelenggara."));
    expect(await curator.getByRole("button", { name: "Simpan keputusan" }).count()).toBe(0);
    await checkPage(curator, "curation-03-application-curator");

    // Saving with a criterion left unscored is refused on that criterion.
    const quality = curator.getByRole("group", { name: /Kualitas tenun/ });
    const packaging = curator.getByRole("group", { name: /Kemasan/ });
    const market = curator.getByRole("group", { name: /Kesiapan pasar/ });
    await quality.getByRole("radio", { name: /5/ }).check();
    await curator.getByRole("button", { name: "Simpan nilai" }).click();
    await see(packaging.getByText("Pilih nilai 1 sampai 5."));

    // Scores by keyboard: focus the first radio of a group, arrows move and select within it.
    await packaging.getByRole("radio", { name: /1/ }).focus();
    await curator.keyboard.press("ArrowRight");
    await curator.keyboard.press("ArrowRight");
    expect(await packaging.getByRole("radio", { name: /3/ }).isChecked()).toBe(true);
    await market.getByRole("radio", { name: /4/ }).check();
    await curator.getByLabel("Catatan untuk Kualitas tenun").fill("Ikat rapi, warna alam merata.");
    await curator.getByRole("button", { name: "Simpan nilai" }).click();
    await see(curator.getByRole("status").filter({ hasText: "Nilai disimpan." }));
    // (50×5 + 20×3 + 30×4) / 100 = 4.3 → 82.5 → 83
    await see(curator.getByText("Nilai tertimbang saya: 83/100"));
    await see(curator.getByText("Ikat rapi, warna alam merata.").last());
    await checkPage(curator, "curation-04-application-scored");

    // The admin: sees the curator's scores, accepts with a message.
    const admin = await newPage(browser, { viewport: DESKTOP });
    const applicationPath = new URL(curator.url()).pathname;
    await signIn(admin, server.baseUrl, staff.admin.email, applicationPath);
    const reviews = admin.getByRole("region", { name: "Nilai para kurator" });
    await see(reviews.getByText(staff.curator.name));
    await see(reviews.getByText("Rata-rata nilai tertimbang: 83/100 dari 1 kurator"));
    await admin.getByRole("radio", { name: "Terima" }).check();
    await admin.getByLabel(/Pesan untuk pendaftar/).fill("Selamat! Mohon bawa 10 kain untuk dipajang di stan.");
    await checkPage(admin, "curation-05-application-admin");
    await admin.getByRole("button", { name: "Simpan keputusan" }).click();
    await see(admin.getByRole("status").filter({ hasText: `Pendaftaran diterima. Email dikirim ke ${APPLICANT_EMAIL}.` }));
    await see(admin.getByText("Status saat ini: Diterima"));
    await see(admin.getByText("Keputusan ini sudah final."));
    await checkPage(admin, "curation-06-application-accepted");

    // The email, through the outbox, at the SMTP sink.
    await expect.poll(() => smtp.to(APPLICANT_EMAIL).length, { timeout: 15_000 }).toBe(1);
    const mails = smtp.to(APPLICANT_EMAIL);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Pendaftaran Anda di ${EVENT} diterima`);
    expect(mails[0]!.text).toContain("Halo Dewi Lestari,");
    expect(mails[0]!.text).toContain("Selamat! Mohon bawa 10 kain untuk dipajang di stan.");

    // The summary: one accepted, and the queue link from it.
    await admin.getByRole("navigation", { name: "Bagian kurasi" }).getByRole("link", { name: "Ringkasan kurasi" }).click();
    await arrive(admin, /\/curation\/summary$/);
    await see(admin.getByRole("heading", { name: "Ringkasan kurasi" }));
    const byStatus = admin.getByRole("region", { name: "Per status" });
    await see(byStatus.getByRole("row", { name: /Diterima\s+1/ }));
    await see(byStatus.getByRole("row", { name: /Diajukan\s+1/ }));
    await see(admin.getByRole("region", { name: "Per sektor" }).getByRole("row", { name: /Tenun ikat/ }));
    await checkPage(admin, "curation-07-summary");
    await byStatus.getByRole("link", { name: "1" }).first().click();
    await arrive(admin, (u) => u.pathname === base && u.searchParams.get("status") === "submitted");
    await see(admin.getByText("Batik Tulis Sekar Jagad"));
  }, 400_000);
});
