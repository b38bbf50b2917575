/**
 * Form schemas of the exhibitor portal and the call settings, shared by the browser (conform) and the server.
 * Messages are i18n keys. Client-safe: no server imports. The WhatsApp number and the NIB get only a shape check
 * here; the server normalises them (identifiers.ts) and answers with a field error when they are not usable.
 */
import { z } from "zod/v4";
import { parseRupiah } from "~/utils/money";
import { parseLocalDate } from "~/utils/time";
import { email, optionalText, requiredText } from "~/utils/validation";
import { CERTIFICATION_KINDS, MAX_PHOTO_BYTES, SECTORS, UMKM_CLASSES } from "./vocabulary";

const choose = { error: "validation.choose" };

const int = (min: number, max: number) =>
  z.coerce.number({ error: "validation.number" }).int({ error: "validation.integer" })
    .min(min, { error: min > 0 ? "validation.positive" : "validation.invalid" }).max(max, { error: "validation.too_large" });

/** Whole rupiah as typed ("1.500.000", "Rp 250000"), as an exact decimal string for the bigint column. */
const rupiah = (required: boolean) =>
  z.string().trim().optional().transform((value, ctx) => {
    if (!value) {
      if (required) ctx.issues.push({ code: "custom", message: "validation.required", input: value });
      return required ? z.NEVER : null;
    }
    const parsed = parseRupiah(value);
    if (!parsed.ok) {
      ctx.issues.push({ code: "custom", message: `exhibitors.validation.rupiah_${parsed.reason}`, input: value });
      return z.NEVER;
    }
    return parsed.value.toString();
  });

const localDate = z.string({ error: "validation.required" }).trim().refine((v) => parseLocalDate(v) !== null, { error: "validation.date" });
const localTime = z.string({ error: "validation.required" }).trim().regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, { error: "validation.time" });

export const BusinessSchema = z.object({
  name: requiredText(160, 2),
  brandName: optionalText(160),
  ownerName: requiredText(120, 2),
  nib: z.string().trim().optional()
    .refine((v) => !v || /^\d{13}$/.test(v.replace(/[\s.]/g, "")), { error: "exhibitors.validation.nib_invalid" }),
  umkmClass: z.enum(UMKM_CLASSES, choose),
  sector: z.enum(SECTORS, choose),
  city: requiredText(80, 2),
  province: requiredText(80, 2),
  whatsapp: z.string().trim().max(30, { error: "exhibitors.validation.whatsapp_invalid" }).optional()
    .refine((v) => !v || /^\+?[\d\s().\-/]{8,}$/.test(v), { error: "exhibitors.validation.whatsapp_invalid" }),
  email,
  description: optionalText(1000),
  capacityQuantity: int(1, 100_000_000).optional(),
  capacityUnit: optionalText(80),
  exportExperience: optionalText(1000),
  redirectTo: z.string().optional(),
}).check((ctx) => {
  if (ctx.value.capacityQuantity !== undefined && !ctx.value.capacityUnit) {
    ctx.issues.push({ code: "custom", path: ["capacityUnit"], message: "exhibitors.validation.capacity_unit", input: "" });
  }
});
export type BusinessInput = z.infer<typeof BusinessSchema>;

/** A file from a multipart form: the browser's File, or the File the server's upload handler made. */
const photoFile = z.custom<File>((v) => typeof v === "object" && v !== null && "size" in v && "arrayBuffer" in v, { error: "validation.invalid" })
  .optional()
  .refine((f) => !f || f.size <= MAX_PHOTO_BYTES, { error: "exhibitors.upload.too_large" })
  .refine((f) => !f || f.size === 0 || !f.type || ["image/jpeg", "image/png", "image/webp"].includes(f.type), { error: "exhibitors.upload.unsupported_type" })
  // An empty file part is what a form sends when no file was chosen.
  .transform((f) => (f && f.size > 0 ? f : undefined));

export const ProductSchema = z.object({
  intent: z.literal("add-product"),
  name: requiredText(160, 2),
  description: optionalText(1000),
  price: rupiah(false),
  photo: photoFile,
});

export const ProductPhotoSchema = z.object({
  intent: z.literal("product-photo"),
  productId: z.uuid({ error: "validation.invalid" }),
  photo: photoFile.refine((f) => f !== undefined, { error: "exhibitors.upload.required" }),
});

export const DeleteProductSchema = z.object({ intent: z.literal("delete-product"), productId: z.uuid({ error: "validation.invalid" }) });

export const CertificationSchema = z.object({
  intent: z.literal("add-certification"),
  kind: z.enum(CERTIFICATION_KINDS, choose),
  number: optionalText(80),
  issuer: optionalText(160),
  validUntil: z.string().trim().optional().refine((v) => !v || parseLocalDate(v) !== null, { error: "validation.date" }),
});

export const DeleteCertificationSchema = z.object({ intent: z.literal("delete-certification"), certificationId: z.uuid({ error: "validation.invalid" }) });

export const ApplicationSchema = z.object({
  intent: z.enum(["save", "submit"], choose),
  preferredSizeM2: int(1, 10_000).optional(),
  preferredZone: optionalText(80),
  motivation: optionalText(1000),
  historyYears: int(0, 100).optional().transform((v) => v ?? 0),
});
export type ApplicationInput = z.infer<typeof ApplicationSchema>;

export const WithdrawSchema = z.object({ intent: z.literal("withdraw") });

export const CallSchema = z.object({
  intent: z.literal("save-call"),
  opensDay: localDate,
  opensTime: localTime,
  closesDay: localDate,
  closesTime: localTime,
  sectors: z.array(z.enum(SECTORS, choose)).optional().transform((v) => v ?? []),
  intro: optionalText(1000),
}).check((ctx) => {
  const { opensDay, opensTime, closesDay, closesTime } = ctx.value;
  const norm = (t: string) => t.replace(".", ":").padStart(5, "0");
  if (`${closesDay}T${norm(closesTime)}` <= `${opensDay}T${norm(opensTime)}`) {
    ctx.issues.push({ code: "custom", path: ["closesDay"], message: "exhibitors.validation.closes_before_opens", input: closesDay });
  }
});
export type CallInput = z.infer<typeof CallSchema>;

export const BoothSizeSchema = z.object({
  intent: z.literal("add-size"),
  sizeM2: int(1, 10_000),
  fee: rupiah(true),
  staffLimit: int(0, 100),
});

export const CriterionSchema = z.object({
  intent: z.literal("add-criterion"),
  name: requiredText(80, 2),
  weight: int(1, 100),
});

export const DeleteCallPartSchema = z.object({
  intent: z.enum(["delete-size", "delete-criterion"]),
  id: z.uuid({ error: "validation.invalid" }),
});
