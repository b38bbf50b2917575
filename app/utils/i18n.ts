import en from "~/locales/en";
import id from "~/locales/id";

export const LOCALES = ["id", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "id";

export const resources = { id: { translation: id }, en: { translation: en } };

/** The one i18next configuration, shared by the server and the browser (resources are bundled). */
export const i18nConfig = {
  supportedLngs: [...LOCALES],
  fallbackLng: DEFAULT_LOCALE,
  defaultNS: "translation",
  interpolation: { escapeValue: false },
  resources,
} as const;

export function isLocale(value: unknown): value is AppLocale {
  return value === "id" || value === "en";
}
