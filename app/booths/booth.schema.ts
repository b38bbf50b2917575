// Form schemas of the floor plan, booth assignment, invoices and booth staff: one zod schema per form, shared by
// the browser (conform) and the server. Messages are i18n keys (validation.* or booths.v.*).
import { z } from "zod/v4";
import { parseRupiah } from "~/utils/money";
import { parseLocalDate } from "~/utils/time";
import { optionalText, requiredText, email as emailField } from "~/utils/validation";
import { checkCodePattern, GRID_LIMIT, MAX_CODE_LENGTH, MAX_SPAN } from "./floor-plan";

/** A whole number in [min, max]; an empty field says "required", not "not a number". */
export const intIn = (min: number, max: number) =>
  z
    .number({ error: (iss) => (iss.input === undefined ? "validation.required" : "validation.number") })
    .int({ error: "validation.integer" })
    .min(min, { error: min === 1 ? "validation.positive" : min === 0 ? "booths.v.not_negative" : "validation.invalid" })
    .max(max, { error: "validation.too_large" });

const optionalIntIn = (min: number, max: number) => intIn(min, max).optional();

const uuid = z.uuid({ error: "validation.invalid" });

/** Rupiah as typed ("1.500.000", "Rp 1,5 jt" is refused): a digit string for the int8 column, or undefined. */
const optionalRupiah = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return undefined;
    const parsed = parseRupiah(v);
    if (!parsed.ok) {
      ctx.issues.push({ code: "custom", message: `booths.v.price_${parsed.reason}`, input: v });
      return z.NEVER;
    }
    return parsed.value.toString();
  });

const codePattern = requiredText(30).superRefine((v, ctx) => {
  const check = checkCodePattern(v);
  if (check !== "ok") ctx.addIssue({ code: "custom", message: `booths.v.pattern_${check}` });
});

const zone = optionalText(40);

export const BulkSchema = z.object({
  intent: z.enum(["bulk-preview", "bulk-create"]),
  hallId: uuid,
  rows: intIn(1, 100),
  cols: intIn(1, 100),
  startX: intIn(0, GRID_LIMIT - 1),
  startY: intIn(0, GRID_LIMIT - 1),
  w: intIn(1, MAX_SPAN),
  h: intIn(1, MAX_SPAN),
  aisleEvery: optionalIntIn(1, 100),
  aisleWidth: optionalIntIn(0, 20),
  codePattern,
  sizeM2: optionalIntIn(1, 10_000),
  zone,
  price: optionalRupiah,
});
export type BulkInput = z.infer<typeof BulkSchema>;

export const BoothSchema = z.object({
  intent: z.literal("save-booth"),
  code: requiredText(MAX_CODE_LENGTH),
  sizeM2: intIn(1, 10_000),
  zone,
  price: optionalRupiah,
  x: intIn(0, GRID_LIMIT - 1),
  y: intIn(0, GRID_LIMIT - 1),
  w: intIn(1, MAX_SPAN),
  h: intIn(1, MAX_SPAN),
}).superRefine((v, ctx) => {
  if (v.x + v.w > GRID_LIMIT) ctx.addIssue({ code: "custom", path: ["w"], message: "booths.v.off_grid" });
  if (v.y + v.h > GRID_LIMIT) ctx.addIssue({ code: "custom", path: ["h"], message: "booths.v.off_grid" });
});
export type BoothInput = z.infer<typeof BoothSchema>;

export const DeleteBoothSchema = z.object({ intent: z.literal("delete-booth") });
export const ReleaseSchema = z.object({ intent: z.literal("release") });
export const ManualAssignSchema = z.object({ intent: z.literal("assign"), applicationId: z.uuid({ error: "booths.v.choose_exhibitor" }) });

const day = z.string({ error: "validation.required" }).trim().refine((v) => parseLocalDate(v) !== null, { error: "validation.date" });
const time = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { error: "validation.time" })
  .transform((v) => v.replace(".", ":"));

export const WindowSchema = z.object({
  intent: z.literal("set-window"),
  opensDay: day,
  opensTime: time,
  closesDay: day,
  closesTime: time,
}).refine((v) => `${v.closesDay}T${v.closesTime}` > `${v.opensDay}T${v.opensTime}`, { path: ["closesTime"], error: "booths.v.window_order" });
export type WindowInput = z.infer<typeof WindowSchema>;
export const ClearWindowSchema = z.object({ intent: z.literal("clear-window") });

const rules = {
  noAdjacentCompetitors: z.boolean().optional().transform((v) => v ?? false),
  quotaProvinces: z.array(requiredText(80)).max(60).optional().transform((v) => v ?? []),
  quotaPercent: optionalIntIn(0, 100),
};

export const AutoPreviewSchema = z.object({ intent: z.literal("preview").optional(), ...rules });

/** The plan the organizer saw, as [applicationId, boothId] pairs: confirmation applies exactly that. */
const plan = z.string({ error: "validation.required" }).transform((v, ctx) => {
  try {
    const pairs = z.array(z.tuple([z.uuid(), z.uuid()])).max(5000).parse(JSON.parse(v));
    return pairs.map(([applicationId, boothId]) => ({ applicationId, boothId }));
  } catch {
    ctx.issues.push({ code: "custom", message: "booths.plan_stale", input: v });
    return z.NEVER;
  }
});
export const AutoConfirmSchema = z.object({ intent: z.literal("confirm"), ...rules, plan });
export type AutoRulesInput = { noAdjacentCompetitors: boolean; quotaProvinces: string[]; quotaPercent?: number };

export const PickSchema = z.object({ intent: z.literal("pick"), boothId: uuid });
export const PreferSchema = z.object({ intent: z.enum(["prefer", "unprefer"]), boothId: uuid });

export const MarkPaidSchema = z.object({ intent: z.literal("mark-paid"), invoiceId: uuid, reference: requiredText(120, 2) });

/**
 * A mobile number as typed (0812-3456-7890, +62 812 …, 62812…), stored as +62…; empty = none. Shape only:
 * staff numbers are contact details, not WhatsApp logins.
 */
const staffPhone = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const compact = (v ?? "").replace(/[\s().\-/]/g, "");
    if (compact === "") return null;
    const m = /^(?:\+62|62|0)(8\d{7,12})$/.exec(compact);
    if (!m) {
      ctx.issues.push({ code: "custom", message: "booths.v.phone", input: v });
      return z.NEVER;
    }
    return `+62${m[1]}`;
  });

const staffFields = {
  name: requiredText(120, 2),
  role: optionalText(80),
  phone: staffPhone,
  email: emailField.optional().transform((v) => v ?? null),
};
export const AddStaffSchema = z.object({ intent: z.literal("add-staff"), ...staffFields });
export const EditStaffSchema = z.object({ intent: z.literal("save-staff"), id: uuid, ...staffFields });
export const DeleteStaffSchema = z.object({ intent: z.literal("delete-staff"), id: uuid });
export type StaffInput = { name: string; role: string; phone: string | null; email: string | null };
