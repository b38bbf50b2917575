// Request shapes of the scan API (contract: shared/formats/checkin.md §2) and check-in list rules.
// Pure (zod and luxon only): the gate phone can validate its queue with the same schemas.
import { DateTime } from "luxon";
import { z } from "zod";
import { BADGE_KINDS, optionalInstant } from "~/badges/badge.schema";

/** Most scans one batch request may carry. */
export const MAX_BATCH_SCANS = 500;

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/i;
const NONCE_RE = /^[A-Za-z0-9._:-]{8,128}$/;
const LOCAL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An ISO 8601 instant with an offset ("2026-12-13T09:02:11+07:00" or "…Z"), years 2000–2199, a real calendar
 * day, offsets up to ±14:59. Checked by hand (a batch has 500 of them) and stricter than luxon, so whatever
 * passes here decideEntry can read.
 *
 * @example
 * isInstantWithOffset("2026-02-29T09:00:00+07:00") // false: 2026 is no leap year
 */
export function isInstantWithOffset(value: string): boolean {
  const m = INSTANT_RE.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1, 9).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  if (year! < 2000 || year! >= 2200 || month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || second! > 59) return false;
  if (offsetHours! > 14 || offsetMinutes! > 59) return false;
  return day! >= 1 && day! <= new Date(Date.UTC(year!, month!, 0)).getUTCDate();
}

/**
 * One scan as a gate device sends it. Only the shape is checked here: a code that is no badge code at all is
 * not a bad request but `unknown_badge` (contract §2).
 */
export const ScanSchema = z.object({
  code: z.string().max(1000, "at most 1000 characters"),
  type: z.enum(["entry", "exit"], { message: 'must be "entry" or "exit"' }),
  nonce: z.string().regex(NONCE_RE, "8 to 128 characters from A-Z a-z 0-9 . _ : -"),
  scannedAt: z.string().refine(isInstantWithOffset, "must be an ISO 8601 instant with an offset, e.g. 2026-12-13T09:02:11+07:00"),
  force: z.boolean().optional().default(false),
});
export type Scan = z.output<typeof ScanSchema>;

export const ScanBatchSchema = z.object({
  scans: z.array(ScanSchema).max(MAX_BATCH_SCANS, `at most ${MAX_BATCH_SCANS} scans per batch`),
});

/**
 * Validates a parsed JSON body and names the first bad field the way API clients read it.
 *
 * @example
 * parseApiBody(ScanBatchSchema, { scans: [{}, {}, {}, { code: "P1…", type: "entry" }] })
 * // { ok: false, detail: "scans[0].code: required" }
 */
export function parseApiBody<T extends z.ZodTypeAny>(schema: T, body: unknown): { ok: true; value: z.output<T> } | { ok: false; detail: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { ok: false, detail: "body: must be a JSON object" };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const missing = issue.code === "invalid_type" && (issue as z.ZodInvalidTypeIssue).received === "undefined";
  return { ok: false, detail: `${fieldPath(issue.path) || "body"}: ${missing ? "required" : issue.message}` };
}

/**
 * parseApiBody(ScanSchema, body) for the single-scan hot path. A well-formed scan is checked by hand with the
 * schema's exact rules (zod's object machinery cost a scan more than its SQL planning); anything else goes
 * through zod, so every bad request still gets the same `detail` as before.
 *
 * @example
 * parseScan({ code: "P1…", type: "entry", nonce: "2b6c-0001", scannedAt: "2026-12-13T09:02:11+07:00" })
 * // { ok: true, value: { code: "P1…", type: "entry", nonce: "2b6c-0001", scannedAt: "…", force: false } }
 */
export function parseScan(body: unknown): { ok: true; value: Scan } | { ok: false; detail: string } {
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const { code, type, nonce, scannedAt, force } = body as Record<string, unknown>;
    if (
      typeof code === "string" && code.length <= 1000 && (type === "entry" || type === "exit") &&
      typeof nonce === "string" && NONCE_RE.test(nonce) && typeof scannedAt === "string" && isInstantWithOffset(scannedAt) &&
      (force === undefined || typeof force === "boolean")
    ) {
      return { ok: true, value: { code, type, nonce, scannedAt, force: force ?? false } };
    }
  }
  return parseApiBody(ScanSchema, body);
}

/** ["scans", 3, "nonce"] → "scans[3].nonce" */
function fieldPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}

const localDate = z.string().regex(LOCAL_DATE_RE, "must be a date YYYY-MM-DD")
  .refine((d) => DateTime.fromISO(d).isValid, "must be a real date");
const limit = (max: number) => z.number().int().min(1).max(max).nullish().transform((v) => v ?? null);

/**
 * A check-in list: the contract's list rules (§1 EntryInput.list) plus a name. Defaults follow pretix: single
 * entry, re-entry after an exit allowed, pending badges refused, every kind and day.
 *
 * @example
 * CheckinListSchema.parse({ name: "Gerbang Utama", kinds: ["buyer", "vip"] })
 */
export const CheckinListSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    allowMultipleEntries: z.boolean().default(false),
    allowEntryAfterExit: z.boolean().default(true),
    includePending: z.boolean().default(false),
    kinds: z.array(z.enum(BADGE_KINDS)).min(1).nullish().transform((v) => (v ? [...new Set(v)] : null)),
    days: z.array(localDate).min(1).max(61).nullish().transform((v) => (v ? [...new Set(v)].sort() : null)),
    opensAt: optionalInstant(),
    closesAt: optionalInstant(),
    maxEntriesPerDay: limit(1000),
    maxEntriesTotal: limit(100_000),
  })
  .refine((l) => !l.opensAt || !l.closesAt || l.closesAt > l.opensAt, { message: "closesAt must be after opensAt", path: ["closesAt"] });

export type CheckinListInput = z.input<typeof CheckinListSchema>;
export type CheckinListFields = z.output<typeof CheckinListSchema>;
