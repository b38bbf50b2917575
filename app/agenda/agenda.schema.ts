import { z } from "zod/v4";
import { optionalText, requiredText } from "~/utils/validation";
import { parseLocalDate } from "~/utils/time";

export const SESSION_TYPE_VALUES = ["opening", "talk", "training", "business_matching", "mou_signing", "exhibition_hours", "other"] as const;

const time = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { error: "validation.time" })
  .transform((v) => v.replace(".", ":"));

export const SessionSchema = z
  .object({
    title: requiredText(160, 2),
    type: z.enum(SESSION_TYPE_VALUES, { error: "validation.choose" }),
    roomId: z.uuid({ error: "validation.invalid" }).optional(),
    day: z.string({ error: "validation.required" }).refine((v) => parseLocalDate(v) !== null, { error: "validation.date" }),
    startTime: time,
    endTime: time,
    speakers: optionalText(1000),
    description: optionalText(5000),
  })
  .refine((v) => v.endTime > v.startTime, { path: ["endTime"], error: "validation.end_before_start" });
export type SessionInput = z.infer<typeof SessionSchema>;

export const CopyDaySchema = z.object({
  intent: z.literal("copy-day"),
  fromDay: z.string().refine((v) => parseLocalDate(v) !== null, { error: "validation.date" }),
  toDay: z.string({ error: "validation.required" }).refine((v) => parseLocalDate(v) !== null, { error: "validation.date" }),
}).refine((v) => v.fromDay !== v.toDay, { path: ["toDay"], error: "validation.same_day" });
