import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect, onTestFinished } from "vitest";
import { PASSWORD } from "./factories";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

/** Headless Debian Chromium with no background traffic: one per test file, reused by its tests. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

export type PageOptions = {
  viewport?: { width: number; height: number };
  /** Browser language, e.g. "id-ID" (sent as Accept-Language). */
  locale?: string;
  /** The viewer's zone, e.g. "Asia/Makassar". */
  timezoneId?: string;
};

const allowedConsole = new WeakMap<Page, RegExp[]>();

/** Lets the current page log console errors matching `pattern` (e.g. the 404 of a page visited on purpose). */
export function allowConsoleErrors(page: Page, pattern: RegExp) {
  allowedConsole.get(page)?.push(pattern);
}

/**
 * A page in its own context that fails the current test on an uncaught page error or a console error
 * (a 404 for /favicon.ico is ignored; the app serves /favicon.svg). The context closes when the test ends.
 * Problems are collected and asserted when the test finishes, so the test's own failure stays readable.
 */
export async function newPage(browser: Browser, options: PageOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: options.locale ?? "id-ID",
    timezoneId: options.timezoneId ?? "Asia/Jakarta",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  allowedConsole.set(page, []);
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location().url ?? "";
    const text = message.text();
    if (/favicon/i.test(where) || (/favicon/i.test(text) && /404/.test(text))) return;
    if (allowedConsole.get(page)?.some((re) => re.test(text))) return;
    problems.push(`console error on ${page.url()}: ${text}${where ? ` (${where})` : ""}`);
  });
  onTestFinished(async () => {
    await context.close().catch(() => {});
    expect(problems, "the browser reported errors").toEqual([]);
  });
  return page;
}

/**
 * Waits until React has hydrated the document (its fiber is on <body>), so clicks go through the Remix
 * router and effects such as the viewer's-zone hint have run.
 */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document.body).some((k) => k.startsWith("__reactFiber")), null, { timeout: 10_000 });
}

/** page.goto, then wait for hydration. */
export async function visit(page: Page, url: string) {
  const response = await page.goto(url);
  await waitForHydration(page);
  return response;
}

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe on the page as it is now and fails on any violation of impact serious or critical. */
export async function expectNoSeriousA11yViolations(page: Page, label = page.url()) {
  // Only violations are collected in detail (passes would cost time on every page).
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).options({ resultTypes: ["violations"] }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${(n.failureSummary?.split("\n")[1] ?? "").trim().slice(0, 200)}`).join("\n")}`);
  expect(report, `serious/critical axe violations on ${label}`).toEqual([]);
  return results;
}

export const SCREENS_DIR = path.resolve(import.meta.dirname, "../../tmp/screens");

/** A full-page screenshot into tmp/screens/<name>.png (gitignored), for looking at the pages. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/**
 * The usual page check: at the phone and the desktop viewport, axe finds nothing serious or critical and a
 * full-page screenshot is taken. The viewport is put back to what it was.
 */
export async function checkPage(page: Page, name: string) {
  const original = page.viewportSize() ?? DESKTOP;
  for (const [label, viewport] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
    await page.setViewportSize(viewport);
    await expectNoSeriousA11yViolations(page, `${name} (${label}, ${page.url()})`);
    await expectNoHorizontalOverflow(page, `${name} (${label})`);
    await screenshot(page, `${name}-${label}`);
  }
  await page.setViewportSize(original);
}

/** Nothing wider than the viewport: on a phone the page must not scroll sideways. */
export async function expectNoHorizontalOverflow(page: Page, label: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return document.documentElement.scrollWidth > width ? document.documentElement.scrollWidth - width : 0;
  });
  expect(overflow, `${label} scrolls sideways by ${overflow}px`).toBe(0);
}

/** tmp/screens/failure-<test name>.png: where a failed wait leaves its screenshot. */
function failureShot(): string {
  const test = expect.getState().currentTestName ?? "test";
  return `failure-${test.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60)}`;
}

async function explainFailure(page: Page, what: string, error: unknown): Promise<never> {
  const shot = failureShot();
  await screenshot(page, shot).catch(() => {});
  // Full-screen pages (the gate scanner) have no <main>.
  const main = page.locator("main");
  const text = await ((await main.count()) > 0 ? main : page.locator("body")).innerText().catch(() => "");
  throw new Error(`${what} (tmp/screens/${shot}.png):\n${text.slice(0, 800)}`, { cause: error });
}

/** Resolves when the locator is visible (Playwright's auto-wait), or fails saying what the page showed instead. */
export async function see(locator: Locator, timeout = 15_000) {
  try {
    await locator.first().waitFor({ state: "visible", timeout });
  } catch (error) {
    await explainFailure(locator.page(), `not visible: ${String(locator)} on ${locator.page().url()}`, error);
  }
}

/** Waits for a navigation to `url` and for hydration, or fails saying where the page is instead. */
export async function arrive(page: Page, url: RegExp | string | ((url: URL) => boolean)) {
  try {
    await page.waitForURL(url, { timeout: 10_000 });
  } catch (error) {
    await explainFailure(page, `expected to arrive at ${String(url)}, still at ${page.url()}`, error);
  }
  await waitForHydration(page);
}

/**
 * Signs in through the login form (Indonesian labels) and waits to land on `to` (a path, with or without a query),
 * where the login page sends a signed-in user back.
 */
export async function signIn(page: Page, baseUrl: string, email: string, to: string, password = PASSWORD) {
  await visit(page, `${baseUrl}/login?redirectTo=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await arrive(page, (u) => u.pathname === to.split("?")[0]);
}
