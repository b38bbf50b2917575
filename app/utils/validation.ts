import { z } from "zod/v4";

/**
 * Shared field rules. Messages are i18n keys ("validation.*"), translated where the form renders them, so
 * one schema serves the browser and the server in both languages.
 */
// PostgreSQL text cannot hold a NUL byte (22021: a 500 on insert), so it is bad input like any other.
const noNul = (v: string) => !v.includes("\u0000");

/**
 * A search box's text as a query may use: control characters (a NUL is a 500 in PostgreSQL) removed, trimmed,
 * capped. Search parameters never go through a schema, so every list page cleans them with this.
 */
export function cleanQuery(value: string | null | undefined, max: number): string {
  return (value ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, max);
}

export const requiredText = (max: number, min = 1) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .min(min, { error: min > 1 ? `validation.too_short_${min}` : "validation.required" })
    .max(max, { error: `validation.too_long_${max}` })
    .refine(noNul, { error: "validation.invalid" });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `validation.too_long_${max}` })
    .refine(noNul, { error: "validation.invalid" })
    .optional()
    .transform((v) => v ?? "");

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.too_long_254" })
  .pipe(z.email({ error: "validation.email" }));

// ASVS 6.2: at least 8 characters, long passphrases allowed, no composition rules, paste allowed.
export const newPassword = z
  .string({ error: "validation.required" })
  .min(8, { error: "validation.password_short" })
  .max(128, { error: "validation.too_long_128" });

export const optionalPositiveInt = (max: number) =>
  z.coerce
    .number({ error: "validation.number" })
    .int({ error: "validation.integer" })
    .min(1, { error: "validation.positive" })
    .max(max, { error: "validation.too_large" })
    .optional();
