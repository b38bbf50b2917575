/**
 * Form schemas of matchmaking (organizer settings and grid, buyer profile, requests, unavailability), shared by
 * the browser (conform) and the server. Messages are i18n keys. Client-safe: no server imports.
 */
import { z } from "zod/v4";
import { SECTORS } from "~/exhibitors/vocabulary";
import { parseLocalDate } from "~/utils/time";
import { email, optionalText, requiredText } from "~/utils/validation";
import { BUYER_TYPES, FEEDBACK_INTERESTS, FEEDBACK_NEXT_STEPS, LOCATION_KINDS, MATCHMAKING_MODES } from "./vocabulary";

const choose = { error: "validation.choose" };
const int = (min: number, max: number) =>
  z.coerce.number({ error: "validation.number" }).int({ error: "validation.integer" })
    .min(min, { error: "validation.positive" }).max(max, { error: "validation.too_large" });
const checkbox = z.string().optional().transform((v) => v === "on" || v === "true");
const localDate = z.string({ error: "validation.required" }).trim().refine((v) => parseLocalDate(v) !== null, { error: "validation.date" });
const localTime = z.string({ error: "validation.required" }).trim().regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, { error: "validation.time" });

export const SettingsSchema = z.object({
  intent: z.literal("save-settings"),
  enabled: checkbox,
  mode: z.enum(MATCHMAKING_MODES, choose),
  openRequestLimit: int(1, 200),
  allowBuyerBuyer: checkbox,
  allowSellerSeller: checkbox,
  deadlineDay: localDate.optional().or(z.literal("").transform(() => undefined)),
  deadlineTime: localTime.optional().or(z.literal("").transform(() => undefined)),
  locationKind: z.enum(LOCATION_KINDS, choose),
  tableCount: int(1, 500),
}).check((ctx) => {
  if (Boolean(ctx.value.deadlineDay) !== Boolean(ctx.value.deadlineTime)) {
    const path = ctx.value.deadlineDay ? "deadlineTime" : "deadlineDay";
    ctx.issues.push({ code: "custom", path: [path], message: "meetings.validation.deadline_both", input: "" });
  }
});
export type SettingsInput = z.infer<typeof SettingsSchema>;

export const BlockSchema = z.object({
  intent: z.literal("add-block"),
  day: localDate,
  startTime: localTime,
  endTime: localTime,
  slotMinutes: int(5, 240),
  breaks: optionalText(300),
});
export type BlockInput = z.infer<typeof BlockSchema>;

/** The batch panel's buttons (no fields besides the intent). */
export const BatchSchemas = [
  z.object({ intent: z.literal("run-batch") }), z.object({ intent: z.literal("lock-batch") }), z.object({ intent: z.literal("publish-batch") }),
] as const;

export const DeleteBlockSchema = z.object({ intent: z.literal("delete-block"), blockId: z.uuid({ error: "validation.invalid" }) });

export const BuyerProfileSchema = z.object({
  organization: requiredText(160, 2),
  buyerType: z.enum(BUYER_TYPES, choose),
  sectors: z.array(z.enum(SECTORS, choose)).max(SECTORS.length).optional().transform((v) => v ?? []),
  productsSought: requiredText(1000, 3),
  orderVolume: int(1, 100_000_000).optional(),
  orderUnit: optionalText(80),
  city: requiredText(80, 2),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: "meetings.validation.country" }),
  province: optionalText(80),
  whatsapp: z.string().trim().max(30, { error: "exhibitors.validation.whatsapp_invalid" }).optional()
    .refine((v) => !v || /^\+?[\d\s().\-/]{8,}$/.test(v), { error: "exhibitors.validation.whatsapp_invalid" }),
  whatsappOptIn: checkbox,
  email,
}).check((ctx) => {
  if (ctx.value.orderVolume !== undefined && !ctx.value.orderUnit) {
    ctx.issues.push({ code: "custom", path: ["orderUnit"], message: "meetings.validation.order_unit", input: "" });
  }
  if (ctx.value.whatsappOptIn && !ctx.value.whatsapp) {
    ctx.issues.push({ code: "custom", path: ["whatsapp"], message: "meetings.validation.whatsapp_needed", input: "" });
  }
});
export type BuyerProfileInput = z.infer<typeof BuyerProfileSchema>;

export const SendRequestSchema = z.object({
  intent: z.literal("send-request"),
  toId: z.uuid({ error: "validation.invalid" }),
  message: optionalText(300),
});

export const RespondSchema = z.object({
  intent: z.enum(["accept", "decline", "cancel"], choose),
  requestId: z.uuid({ error: "validation.invalid" }),
  reason: optionalText(300),
}).check((ctx) => {
  if (ctx.value.intent === "decline" && !ctx.value.reason) {
    ctx.issues.push({ code: "custom", path: ["reason"], message: "meetings.validation.reason_needed", input: "" });
  }
});
export type RespondInput = z.infer<typeof RespondSchema>;

export const UnavailabilitySchema = z.object({
  intent: z.literal("save-unavailability"),
  slotIds: z.array(z.uuid({ error: "validation.invalid" })).max(2000).optional().transform((v) => v ?? []),
});

export const OutcomeSchema = z.object({
  intent: z.literal("mark-outcome"),
  meetingId: z.uuid({ error: "validation.invalid" }),
  outcome: z.enum(["held", "no_show"], choose),
});

export const FeedbackSchema = z.object({
  intent: z.literal("feedback"),
  meetingId: z.uuid({ error: "validation.invalid" }),
  interest: z.enum(FEEDBACK_INTERESTS, choose),
  nextStep: z.enum(FEEDBACK_NEXT_STEPS, choose),
  note: optionalText(300),
});
export type FeedbackInput = z.infer<typeof FeedbackSchema>;
