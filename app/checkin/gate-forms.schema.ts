// Form schemas of the organizer's gate screens (check-in lists and gate devices): one zod schema per form,
// shared by the browser (conform) and the server. Messages are i18n keys (validation.* or gate.v.*).
import { z } from "zod/v4";
import { BADGE_KINDS } from "~/badges/badge.schema";
import { intIn } from "~/booths/booth.schema";
import { localToInstant, parseLocalDate } from "~/utils/time";
import { requiredText } from "~/utils/validation";
import type { CheckinListInput } from "./checkin.schema";

const uuid = z.uuid({ error: "validation.invalid" });
const flag = z.boolean().optional().transform((v) => v ?? false);
const optionalDay = z.string().trim().optional().refine((v) => v === undefined || parseLocalDate(v) !== null, { error: "validation.date" });
const optionalTime = z
  .string()
  .trim()
  .optional()
  .refine((v) => v === undefined || /^([01]\d|2[0-3])[:.][0-5]\d$/.test(v), { error: "validation.time" })
  .transform((v) => v?.replace(".", ":"));

/**
 * A check-in list as the organizer fills it in: days are checkboxes of the event's days, the opening window is
 * local date + time in the event's zone, no kind ticked means every kind, no day ticked means every day.
 *
 * @example
 * listFormSchema(["2026-11-20", "2026-11-21"]).parse({ intent: "save-list", name: "Gerbang Utama", days: ["2026-11-20"] })
 */
export function listFormSchema(eventDays: readonly string[]) {
  return z
    .object({
      intent: z.literal("save-list"),
      name: requiredText(80),
      kinds: z.array(z.enum(BADGE_KINDS, { error: "validation.choose" })).max(BADGE_KINDS.length).optional(),
      days: z.array(z.string().refine((d) => eventDays.includes(d), { error: "gate.v.not_event_day" })).max(61).optional(),
      opensDay: optionalDay,
      opensTime: optionalTime,
      closesDay: optionalDay,
      closesTime: optionalTime,
      allowMultipleEntries: flag,
      allowEntryAfterExit: flag,
      includePending: flag,
      maxEntriesPerDay: intIn(1, 1000).optional(),
      maxEntriesTotal: intIn(1, 100_000).optional(),
    })
    .superRefine((v, ctx) => {
      for (const side of ["opens", "closes"] as const) {
        const day = v[`${side}Day`];
        const time = v[`${side}Time`];
        if (day && !time) ctx.addIssue({ code: "custom", path: [`${side}Time`], message: "gate.v.time_needed" });
        if (time && !day) ctx.addIssue({ code: "custom", path: [`${side}Day`], message: "gate.v.day_needed" });
      }
      if (v.opensDay && v.opensTime && v.closesDay && v.closesTime && `${v.closesDay}T${v.closesTime}` <= `${v.opensDay}T${v.opensTime}`) {
        ctx.addIssue({ code: "custom", path: ["closesTime"], message: "gate.v.window_order" });
      }
    });
}
export type ListForm = z.infer<ReturnType<typeof listFormSchema>>;

/**
 * The server-side list input: the local window becomes instants in the event's zone. Null when a local time does
 * not exist in that zone (never for WIB/WITA/WIT, which have no DST).
 *
 * @example
 * toListInput({ …form, opensDay: "2026-11-20", opensTime: "08:00" }, "Asia/Jakarta").opensAt // "2026-11-20T01:00:00.000Z"
 */
export function toListInput(form: ListForm, timeZone: string): CheckinListInput | null {
  const instant = (day?: string, time?: string) => (day && time ? localToInstant(day, time, timeZone) : undefined);
  const opensAt = instant(form.opensDay, form.opensTime);
  const closesAt = instant(form.closesDay, form.closesTime);
  if (opensAt === null || closesAt === null) return null;
  return {
    name: form.name,
    kinds: form.kinds?.length ? form.kinds : null,
    days: form.days?.length ? form.days : null,
    opensAt: opensAt?.toISOString() ?? null,
    closesAt: closesAt?.toISOString() ?? null,
    allowMultipleEntries: form.allowMultipleEntries,
    allowEntryAfterExit: form.allowEntryAfterExit,
    includePending: form.includePending,
    maxEntriesPerDay: form.maxEntriesPerDay ?? null,
    maxEntriesTotal: form.maxEntriesTotal ?? null,
  };
}

export const DeviceSchema = z.object({
  intent: z.literal("add-device"),
  name: requiredText(80),
  checkinListId: z.uuid({ error: "validation.choose" }),
});

export const RevokeDeviceSchema = z.object({ intent: z.literal("revoke-device"), deviceId: uuid });
export const DeleteListSchema = z.object({ intent: z.literal("delete-list") });
