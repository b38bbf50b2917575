// Badge input shared by the server functions and (later) the organizer's badge forms. Pure: zod only.
import { z } from "zod";
import type { BadgeKind } from "~/checkin/decide-entry";

/** The contract's BadgeKind values, in the order the forms offer them (mirrors badge_kind_chk). */
export const BADGE_KINDS = ["visitor", "buyer", "exhibitor", "staff", "press", "vip"] as const satisfies readonly BadgeKind[];
/** Mirrors badge_status_chk. */
export const BADGE_STATUSES = ["valid", "pending", "revoked", "blocked"] as const;
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

/** Status changes an organizer can make; `revoke` is final (reissuing a revoked badge is refused). */
export const BADGE_STATUS_ACTIONS = ["revoke", "block", "unblock", "approve"] as const;
export type BadgeStatusAction = (typeof BADGE_STATUS_ACTIONS)[number];

/** An instant as a Date or an ISO string with an offset; null when absent. */
export const optionalInstant = () =>
  z.union([z.date(), z.string().datetime({ offset: true })]).nullish().transform((v) => (v == null ? null : new Date(v)));

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : null));

/**
 * What an organizer types to issue a badge. Nothing like NIK or NPWP is ever asked: a badge carries a name, an
 * organization and a category (ecosystem.md §3). Instants are ISO strings or Dates.
 *
 * @example
 * BadgeInputSchema.parse({ kind: "buyer", holderName: "Sari Wulandari", organizationName: "Batik Laweyan Sari" })
 */
export const BadgeInputSchema = z
  .object({
    kind: z.enum(BADGE_KINDS),
    holderName: z.string().trim().min(1).max(120),
    organizationName: z.string().trim().max(160).default(""),
    email: optionalText(254).pipe(z.string().email().toLowerCase().nullable()),
    phone: optionalText(20).pipe(z.string().regex(/^\+[0-9]{8,15}$/).nullable()),
    locale: z.enum(["id", "en"]).default("id"),
    status: z.enum(["valid", "pending"]).default("valid"),
    exhibitorStaffId: z.string().uuid().nullish().transform((v) => v ?? null),
    validFrom: optionalInstant(),
    validUntil: optionalInstant(),
  })
  .refine((b) => !b.validFrom || !b.validUntil || b.validUntil > b.validFrom, {
    message: "validUntil must be after validFrom",
    path: ["validUntil"],
  });

export type BadgeInput = z.input<typeof BadgeInputSchema>;
export type BadgeFields = z.output<typeof BadgeInputSchema>;
