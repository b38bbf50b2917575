/**
 * The cooperation agreement form (MoU / PKS / LoI between regions and institutions), one schema for the
 * browser and the server (conform). Messages are i18n keys; a party's messages name the party ("Pihak 2: …",
 * the form passes the number), so a long form still says which row is wrong.
 */
import { z } from "zod/v4";
import { parseLocalDate } from "~/utils/time";
import { optionalText, requiredText } from "~/utils/validation";

export const AGREEMENT_KINDS = ["mou", "pks", "loi"] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const PARTY_KINDS = ["kadin", "dinas", "pemda", "umkm", "company", "association", "other"] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const MIN_PARTIES = 2;
export const MAX_PARTIES = 10;
/** A scanned, signed MoU: a PDF up to 10 MB (the upload table's cap), or a photo (storeImage's 5 MB). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;
export const DOCUMENT_ACCEPT = DOCUMENT_TYPES.join(",");

const E = "agreements.errors";
const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number, tooLong: string) =>
  z.string().trim().max(max, { error: tooLong }).refine(noNul, { error: "validation.invalid" }).optional().transform((v) => v ?? "");

export const PartySchema = z.object({
  name: z.string({ error: `${E}.party_name` }).trim().min(1, { error: `${E}.party_name` })
    .max(200, { error: `${E}.party_name_long` }).refine(noNul, { error: "validation.invalid" }),
  kind: z.enum(PARTY_KINDS, { error: `${E}.party_kind` }),
  city: text(100, `${E}.party_city_long`),
  province: text(100, `${E}.party_province_long`),
  signatoryName: text(200, `${E}.party_signatory_long`),
  signatoryTitle: text(200, `${E}.party_signatory_title_long`),
});
export type PartyInput = z.infer<typeof PartySchema>;

/** A file from a multipart form: the browser's File, or the File the server's upload handler made. */
const documentFile = z.custom<File>((v) => typeof v === "object" && v !== null && "size" in v && "arrayBuffer" in v, { error: `${E}.document_type` })
  .optional()
  .refine((f) => !f || f.size <= MAX_DOCUMENT_BYTES, { error: `${E}.document_too_large` })
  // The browser's type is only a first, friendly check; the server reads the bytes.
  .refine((f) => !f || f.size === 0 || !f.type || (DOCUMENT_TYPES as readonly string[]).includes(f.type), { error: `${E}.document_type` })
  // An empty file part is what a form sends when no file was chosen.
  .transform((f) => (f && f.size > 0 ? f : undefined));

export const AgreementSchema = z.object({
  title: requiredText(200),
  kind: z.enum(AGREEMENT_KINDS, { error: "validation.choose" }),
  signedOn: z.string({ error: `${E}.signed_on_required` }).trim()
    .refine((v) => parseLocalDate(v) !== null, { error: `${E}.signed_on` }),
  place: optionalText(200),
  scope: z.string().trim().max(2000, { error: `${E}.scope_long` }).refine(noNul, { error: "validation.invalid" }).optional().transform((v) => v ?? ""),
  parties: z.array(PartySchema, { error: `${E}.min_parties` })
    .min(MIN_PARTIES, { error: `${E}.min_parties` })
    .max(MAX_PARTIES, { error: `${E}.max_parties` }),
  document: documentFile,
  removeDocument: z.literal("on").optional().transform((v) => v === "on"),
});
export type AgreementInput = z.infer<typeof AgreementSchema>;

/** An empty party row for the form ("add a party"). */
export const EMPTY_PARTY = { name: "", kind: "kadin", city: "", province: "", signatoryName: "", signatoryTitle: "" } as const;
