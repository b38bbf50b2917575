// The organizer's and the public badge forms (conform + zod v4, shared by browser and server). Messages are
// i18n keys. Phones are checked for shape here; the server normalizes them to E.164 (libphonenumber-js is
// too heavy for a cheap phone's bundle).
import { z } from "zod/v4";
import { optionalText, requiredText } from "~/utils/validation";
import { BADGE_KINDS, BADGE_STATUSES } from "./badge.schema";

export const PAGE_SIZE = 25;
export const PRINT_LAYOUTS = ["a6", "a4-4up", "cr80"] as const;
/** What a visitor may pick on the public form; `press` only when the organizer allows it. */
export const PUBLIC_KINDS = ["visitor", "buyer", "press"] as const;

const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const phoneShape = z
  .string()
  .trim()
  .max(30, { error: "badges.v.phone" })
  .regex(/^\+?[\d\s().\-/]*$/, { error: "badges.v.phone" })
  .optional()
  .transform((v) => v ?? "");
const emailOptional = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.too_long_254" })
  .optional()
  .transform((v) => v || null)
  .pipe(z.email({ error: "validation.email" }).nullable());

const personFields = {
  holderName: requiredText(120, 2),
  organizationName: optionalText(160),
  email: emailOptional,
  phone: phoneShape,
  locale: z.enum(["id", "en"], { error: "validation.required" }).default("id"),
  whatsappOptIn: checkbox,
};

/** Add one badge (organizer). */
export const AddBadgeSchema = z.object({
  kind: z.enum(BADGE_KINDS, { error: "badges.v.kind" }),
  ...personFields,
  sendEmail: checkbox,
}).superRefine((v, ctx) => {
  if (v.sendEmail && !v.email) ctx.addIssue({ code: "custom", message: "badges.v.email_for_send", path: ["email"] });
});
export type AddBadgeValue = z.infer<typeof AddBadgeSchema>;

const FIELD_OF_PROBLEM: Record<string, string> = { email_taken: "email", already_registered: "email", press_not_allowed: "kind" };

/** The form field a badge use-case's problem belongs to ("" for the whole form), on the organizer's and public forms. */
export function fieldOfProblem(reason: string): string {
  return reason.startsWith("whatsapp_") ? "phone" : FIELD_OF_PROBLEM[reason] ?? "";
}

/** Correct a badge's holder details (organizer); the code stays the same. */
export const EditBadgeSchema = z.object({ kind: z.enum(BADGE_KINDS, { error: "badges.v.kind" }), ...personFields });
export type EditBadgeValue = z.infer<typeof EditBadgeSchema>;

/** The public registration form; `website` is a honeypot that people never see. */
export const RegisterSchema = z.object({
  kind: z.enum(PUBLIC_KINDS, { error: "badges.v.kind" }),
  ...personFields,
  email: z.string({ error: "validation.required" }).trim().toLowerCase().max(254, { error: "validation.too_long_254" })
    .pipe(z.email({ error: "validation.email" })),
  consent: z.preprocess((v) => v === "on" || v === "true", z.literal(true, { error: "badges.v.consent" })),
  website: z.string().max(200).optional(),
});
export type RegisterValue = z.infer<typeof RegisterSchema>;

const reason = z.string({ error: "badges.v.reason" }).trim().min(2, { error: "badges.v.reason" }).max(500, { error: "badges.v.reason_long" });

/** Actions on one badge (detail page). */
export const BadgeActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), reason }),
  z.object({ intent: z.literal("block"), reason }),
  z.object({ intent: z.literal("unblock") }),
  z.object({ intent: z.literal("approve") }),
  z.object({ intent: z.literal("reissue"), sendEmail: checkbox }),
  z.object({ intent: z.literal("send-email") }),
]);
export type BadgeActionValue = z.infer<typeof BadgeActionSchema>;

/** Registration settings of an event. */
export const RegistrationSettingsSchema = z.object({
  intent: z.literal("registration"),
  isOpen: checkbox,
  allowPress: checkbox,
  capacity: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number({ error: "validation.number" }).int({ error: "validation.integer" })
      .min(1, { error: "validation.positive" }).max(1_000_000, { error: "validation.too_large" }).optional(),
  ),
});

/** Bulk print from the list: a selection and a layout. */
export const PrintSchema = z.object({
  layout: z.enum(PRINT_LAYOUTS, { error: "badges.v.layout" }),
  selection: z.enum(["filter", "unprinted", "kind", "organization"], { error: "validation.required" }),
  kind: z.enum(BADGE_KINDS).optional(),
  organization: z.string().trim().max(160).optional(),
}).refine((v) => v.selection !== "kind" || v.kind, { error: "badges.v.kind", path: ["kind"] })
  .refine((v) => v.selection !== "organization" || v.organization, { error: "badges.v.organization", path: ["organization"] });
export type PrintValue = z.infer<typeof PrintSchema>;

export type BadgeQuery = {
  q: string;
  kind?: (typeof BADGE_KINDS)[number];
  status?: (typeof BADGE_STATUSES)[number];
  unprinted: boolean;
  page: number;
};

/**
 * The list's filters from the URL; anything odd falls back to "all" (a bookmark never breaks the page).
 *
 * @example parseBadgeQuery(new URLSearchParams("kind=buyer&unprinted=1")) // { q: "", kind: "buyer", unprinted: true, page: 1 }
 */
export function parseBadgeQuery(params: URLSearchParams): BadgeQuery {
  const kind = params.get("kind");
  const status = params.get("status");
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100),
    kind: (BADGE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as BadgeQuery["kind"]) : undefined,
    status: (BADGE_STATUSES as readonly string[]).includes(status ?? "") ? (status as BadgeQuery["status"]) : undefined,
    unprinted: params.get("unprinted") === "1",
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
