import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { buildReport } from "~/reports/aggregate";
import { reportHtml } from "~/reports/report-html.server";
import { reportTables } from "~/reports/report-tables";
import { SAMPLE_EVENT, sampleCounts, sampleDealRows } from "~/reports/sample-fair";
import { formatRupiahCompact } from "~/utils/money";
import { checkPage, launchBrowser, newPage, PHONE } from "../../helpers/browser";
import { knownReport } from "../../unit/reports/known-fair";

// The server-rendered report view (charts + tables) in Chromium, without a server or database: axe clean,
// no sideways scrolling at 390 px, screenshots in tmp/screens/report-view-*.png.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const sample = buildReport({ event: SAMPLE_EVENT, rows: sampleDealRows(600, { seed: 2026 }), counts: sampleCounts(600), target: 100_000_000_000n });

describe("report view", () => {
  it.each(["id", "en"] as const)("is accessible and fits a phone and a desktop (%s)", async (locale) => {
    const page = await newPage(browser, { viewport: PHONE });
    await page.setContent(reportHtml(sample, locale, process.cwd()));
    await checkPage(page, `report-view-${locale}`);
  });

  it("labels each chart with a title and a description, and renders without client JS", async () => {
    const page = await newPage(browser);
    await page.setContent(reportHtml(knownReport(), "id", process.cwd()));
    expect(await page.locator("script").count()).toBe(0);
    const svgs = page.locator("svg[role=img]");
    expect(await svgs.count()).toBe(4);
    for (const svg of await svgs.all()) {
      const [titleId, descId] = (await svg.getAttribute("aria-labelledby"))!.split(" ");
      expect(await svg.locator(`title#${titleId}`).textContent()).toMatch(/Nilai transaksi per/);
      expect(await svg.locator(`desc#${descId}`).textContent()).toMatch(/Angka lengkap ada di tabel/);
    }
    await expect.poll(() => page.getByRole("img", { name: "Nilai transaksi per sektor" }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Arus transaksi antardaerah", exact: true }).count()).toBe(1);
    expect(await page.getByRole("table", { name: "Tabel Arus transaksi antardaerah", exact: true }).count()).toBe(1);
  });

  it("shows compact rupiah on the charts next to the exact amounts in the tables", async () => {
    const model = knownReport();
    const page = await newPage(browser);
    await page.setContent(reportHtml(model, "id", process.cwd()));
    const sectors = page.getByRole("img", { name: "Nilai transaksi per sektor" });
    expect(await sectors.locator("text").allTextContents()).toEqual(
      model.bySector.flatMap((r) => [reportTables(model, "id")[1].rows.find((x) => x.key === r.key)!.labels[0], formatRupiahCompact(r.figures.confirmed, "id")]),
    );
    expect(await page.locator('[data-table="bySector"] tfoot td').first().textContent()).toBe("Jumlah");
    expect(await page.locator('[data-figure="confirmed"] .report-tile-value').textContent()).toBe("Rp\u00a01.278.500.000");
  });
});

describe("report view before the first deal", () => {
  it("shows the crowd figures and an empty state instead of empty charts", async () => {
    const empty = buildReport({ event: SAMPLE_EVENT, rows: [], counts: { visitors: 310, exhibitors: 42, buyers: 12, meetingsHeld: 0 }, target: 5_000_000_000n });
    const page = await newPage(browser, { viewport: PHONE });
    await page.setContent(reportHtml(empty, "id", process.cwd()));
    expect(await page.locator(".empty").textContent()).toBe("Belum ada transaksi yang tercatat.");
    expect(await page.locator("svg[role=img]").count()).toBe(0);
    expect(await page.locator('[data-figure="visitors"] .report-tile-value').textContent()).toBe("310");
    expect(await page.locator('[data-figure="target"] .report-tile-value').textContent()).toBe("0%");
    await checkPage(page, "report-view-empty");
  });
});
