// The report as one standalone HTML page (the dashboard view with the app's CSS inlined): for looking
// at the charts without the app (scripts/sample-report.ts) and for the renderer tests in Chromium.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ReportView } from "~/components/charts/report-view";
import type { Locale } from "~/utils/time";
import type { ReportModel } from "./aggregate";
import { reportText } from "./report-tables";

const STYLES = ["app/styles/app.css", "app/styles/reports.css"];
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The static markup of the report view (no client JS). */
export function reportMarkup(model: ReportModel, locale: Locale): string {
  return renderToStaticMarkup(createElement(ReportView, { model, locale }));
}

/**
 * A complete HTML document of the report. `root` is the project folder holding app/styles.
 *
 * @example writeFileSync("tmp/report.html", reportHtml(model, "id", process.cwd()))
 */
export function reportHtml(model: ReportModel, locale: Locale, root: string): string {
  const css = STYLES.map((f) => readFileSync(path.join(root, f), "utf8")).join("\n");
  const title = escapeHtml(`${reportText(locale).report.dashboard} – ${model.event.name}`);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${css}</style></head><body><main><h1>${title}</h1>${reportMarkup(model, locale)}</main></body></html>`;
}
