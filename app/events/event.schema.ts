import { z } from "zod/v4";
import { optionalPositiveInt, optionalText, requiredText } from "~/utils/validation";
import { daysBetween, parseLocalDate } from "~/utils/time";
import { validateSlug } from "./slug";

export const EVENT_KINDS = ["b2b_expo", "pameran", "temu_bisnis"] as const;
export const EVENT_TIME_ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"] as const;

const localDate = z
  .string({ error: "validation.required" })
  .trim()
  .refine((v) => parseLocalDate(v) !== null, { error: "validation.date" });

export const EventSchema = z
  .object({
    name: requiredText(160, 3),
    kind: z.enum(EVENT_KINDS, { error: "validation.choose" }),
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .refine((v) => !v || validateSlug(v).ok, { error: "validation.slug" }),
    description: optionalText(5000),
    venueName: optionalText(160),
    address: optionalText(300),
    city: optionalText(80),
    timeZone: z.enum(EVENT_TIME_ZONES, { error: "validation.time_zone" }),
    firstDay: localDate,
    lastDay: localDate,
  })
  .check((ctx) => {
    const { firstDay, lastDay } = ctx.value;
    if (parseLocalDate(firstDay) && parseLocalDate(lastDay)) {
      if (lastDay < firstDay) ctx.issues.push({ code: "custom", path: ["lastDay"], message: "validation.last_before_first", input: lastDay });
      else if (daysBetween(firstDay, lastDay).length > 60) ctx.issues.push({ code: "custom", path: ["lastDay"], message: "validation.too_many_days", input: lastDay });
    }
  });
export type EventInput = z.infer<typeof EventSchema>;

export const HallSchema = z.object({ intent: z.literal("add-hall"), name: requiredText(80), capacity: optionalPositiveInt(1_000_000) });
export const RoomSchema = z.object({
  intent: z.literal("add-room"),
  name: requiredText(80),
  hallId: z.uuid({ error: "validation.invalid" }).optional(),
  capacity: optionalPositiveInt(1_000_000),
});
export const RegionSchema = z.object({
  intent: z.literal("add-region"),
  name: requiredText(120, 2),
  province: optionalText(80),
  delegation: optionalText(160),
});
export const DeleteByIdSchema = z.object({
  intent: z.enum(["delete-hall", "delete-room", "delete-region"]),
  id: z.uuid({ error: "validation.invalid" }),
});
