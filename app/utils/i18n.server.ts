import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_LOCALE, i18nConfig, isLocale, LOCALES, type AppLocale } from "./i18n";

/** Remembers the language in the browser; a signed-in user's choice is also stored on the account. */
export const localeCookie = createCookie("lng", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: [...LOCALES],
    fallbackLanguage: DEFAULT_LOCALE,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nConfig },
});

export async function getLocale(request: Request): Promise<AppLocale> {
  const locale = await i18nServer.getLocale(request);
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** A translate function for loaders and actions (messages in JSON answers, email subjects). */
export async function getFixedT(requestOrLocale: Request | AppLocale) {
  const locale = typeof requestOrLocale === "string" ? requestOrLocale : await getLocale(requestOrLocale);
  return i18nServer.getFixedT(locale);
}

import i18next, { type TFunction } from "i18next";

// A synchronous instance for emails and background work, where there is no request to detect from.
const background = i18next.createInstance();
void background.init({ ...i18nConfig, initImmediate: false });

/** Translate function for a known locale (emails, the outbox worker, CSV headers). */
export function tFor(locale: AppLocale): TFunction {
  return background.getFixedT(locale);
}
