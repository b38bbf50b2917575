import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { findParticipant } from "~/meetings/participants.server";
import { checkPage, DESKTOP, launchBrowser, newPage, PHONE, screenshot, see, signIn } from "../helpers/browser";
import { makeExhibitor, seededServerDatabase } from "../helpers/booth-factories";
import { makeDealEvent, makeHeldMeeting } from "../helpers/deal-factories";
import { makeOrgWithStaff } from "../helpers/factories";
import { makeBuyer } from "../helpers/meetings-factories";
import { startAppServer, type AppServer } from "../helpers/server";

/**
 * The deals story in a real browser against the built server: after a held meeting the buyer records the deal on
 * a phone (total computed as typed), the seller sees it waiting and confirms it, and the organizer's dashboard
 * and PDF report count it as confirmed value. axe and screenshots at 390×844 and 1280×900 in tmp/screens (d*.png).
 */

let server: AppServer;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seed>>;

async function seed() {
  return seededServerDatabase(async (db) => {
    const { org, staff } = await makeOrgWithStaff(db, "Kadin Kota Surakarta");
    const event = await makeDealEvent(db, org.id);
    const batik = await makeExhibitor(db, event.id, { name: "Batik Tulis Laweyan", sector: "batik_tulis", city: "Kota Surakarta", province: "Jawa Tengah" });
    const seller = (await findParticipant(db, event.id, batik.user.id))!;
    const buyer = await makeBuyer(db, event.id, "Hotel Solo Indah", { city: "Kota Surakarta", province: "Jawa Tengah" });
    await makeHeldMeeting(db, seller, buyer.participant);
    return {
      slug: event.slug, dashboard: `/o/${org.slug}/events/${event.id}/deals`,
      owner: staff.owner.email, sellerEmail: batik.user.email, buyerEmail: buyer.user.email,
    };
  });
}

beforeAll(async () => {
  seeded = await seed();
  [server, browser] = await Promise.all([startAppServer({ env: seeded.env }), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await seeded?.drop();
});

describe("deals", () => {
  test("a buyer records the deal from the meeting, the seller confirms, the dashboard and the PDF report count it", async () => {
    const { slug, dashboard, owner, sellerEmail, buyerEmail } = seeded.value;

    // The buyer opens the agenda on a phone and records the deal from the held meeting.
    const buyer = await newPage(browser, { viewport: PHONE });
    await signIn(buyer, server.baseUrl, buyerEmail, `/e/${slug}/matchmaking/agenda`);
    await buyer.getByRole("link", { name: "Catat transaksi" }).first().click();
    await see(buyer.getByText(/Dari pertemuan/));
    await buyer.getByLabel("Nama produk 1").fill("Batik tulis sogan");
    await buyer.getByLabel("Jumlah 1", { exact: true }).fill("20");
    await buyer.getByLabel("Satuan 1", { exact: true }).selectOption("lembar");
    await buyer.getByLabel("Harga satuan 1 (Rp)").fill("1.250.000");
    await buyer.getByLabel("Jenis transaksi").selectOption("purchase_order");
    await see(buyer.getByText("Rp\u00a025.000.000").first());
    await checkPage(buyer, "d01-record-deal");
    await buyer.getByRole("button", { name: "Simpan transaksi" }).click();
    await see(buyer.getByText("Menunggu konfirmasi pihak lain."));
    await checkPage(buyer, "d02-deal-recorded");

    // The seller sees it waiting for them and confirms.
    const seller = await newPage(browser, { viewport: PHONE });
    await signIn(seller, server.baseUrl, sellerEmail, `/e/${slug}/deals`);
    await seller.getByRole("link", { name: "Perlu konfirmasi Anda" }).first().click();
    await see(seller.getByText("Hotel Solo Indah").first());
    await seller.getByRole("button", { name: "Konfirmasi transaksi" }).click();
    await see(seller.getByText("Transaksi dikonfirmasi. Terima kasih."));
    await checkPage(seller, "d03-deal-confirmed");

    // The organizer's dashboard counts it as confirmed value; the PDF report says the same.
    const organizer = await newPage(browser, { viewport: DESKTOP });
    await signIn(organizer, server.baseUrl, owner, dashboard);
    const confirmed = organizer.locator('[data-figure="confirmed"]');
    await see(confirmed);
    expect(await confirmed.textContent()).toContain("Rp\u00a025.000.000");
    await checkPage(organizer, "d04-dashboard");
    await organizer.setViewportSize(PHONE);
    await screenshot(organizer, "d05-dashboard-phone-full");

    const pdf = await organizer.request.get(`${server.baseUrl}${dashboard}/export/laporan.pdf`);
    expect(pdf.status()).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "deals-e2e-")), "laporan.pdf");
    writeFileSync(file, await pdf.body());
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8").replace(/\u00a0/g, " ");
    expect(text).toContain("Rp 25.000.000");
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "2", file, path.join(path.dirname(file), "page")]);
  }, 180_000);
});
