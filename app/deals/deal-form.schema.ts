/**
 * The deal form (participants and organizers) and the deal list query, shared by the browser (conform) and the
 * server. The schema only checks the form's shape; the rules (lines, parties, capacity) are recordDeal's, which
 * names the field of every problem. Client-safe: no server imports.
 */
import { z } from "zod/v4";
import { DEAL_UNITS } from "./deal-lines";
import { CONFIRMATIONS, DEAL_STATUSES, DEAL_TYPES, type Confirmation, type DealStatus, type DealType } from "./deal-status";

const text = z.string().optional().transform((v) => v ?? "");
const id = z.string().trim().max(64, { error: "validation.invalid" }).optional();
const checkbox = z.string().optional().transform((v) => v === "on" || v === "true");

/** A signed document: a PDF or a photo, at most 10 MB (checked again by its bytes on the server). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_ACCEPT = "application/pdf,image/jpeg,image/png,image/webp";
const documentFile = z.custom<File>((v) => typeof v === "object" && v !== null && "size" in v && "arrayBuffer" in v, { error: "validation.invalid" })
  .optional()
  .refine((f) => !f || f.size <= MAX_DOCUMENT_BYTES, { error: "deals.document.invalid" });

export const DealLineFormSchema = z.object({ product: text, quantity: text, unit: text, unitPrice: text });
export const DealSellerFormSchema = z.object({ id, share: text });

export const DealFormSchema = z.object({
  intent: z.literal("record"),
  meetingId: id,
  buyerMode: z.enum(["registered", "walk_in"]).optional(),
  buyerId: id,
  walkInBuyer: z.object({ name: text, city: text, province: text }).optional(),
  sellers: z.array(DealSellerFormSchema).max(50, { error: "validation.invalid" }).optional().transform((v) => v ?? []),
  lines: z.array(DealLineFormSchema).max(60, { error: "validation.invalid" }).optional().transform((v) => v ?? []),
  type: z.enum(DEAL_TYPES, { error: "validation.choose" }),
  status: z.enum(DEAL_STATUSES, { error: "validation.choose" }),
  deliveryDate: z.string().trim().optional(),
  note: text,
  confirmOverCapacity: checkbox,
  document: documentFile,
}).check((ctx) => {
  // What the browser can tell before sending (empty fields); every other rule is recordDeal's, on the server.
  const v = ctx.value;
  const issue = (path: Array<string | number>, message: string) => ctx.issues.push({ code: "custom", path, message, input: "" });
  if (!v.sellers[0]?.id) issue(["sellers"], "deals.errors.no_seller");
  if (v.buyerMode === "walk_in" && !v.walkInBuyer?.name.trim()) issue(["walkInBuyer", "name"], "deals.errors.buyer_required");
  if (v.buyerMode === "registered" && !v.buyerId) issue(["buyerId"], "deals.errors.buyer_required");
  if (v.lines.length === 0) issue(["lines"], "deals.errors.no_lines");
  v.lines.forEach((line, i) => {
    for (const key of ["product", "quantity", "unitPrice"] as const) if (!line[key].trim()) issue(["lines", i, key], "validation.required");
  });
});
export type DealFormInput = z.infer<typeof DealFormSchema>;

export const DocumentFormSchema = z.object({
  intent: z.literal("document"),
  document: documentFile.refine((f) => f !== undefined, { error: "deals.document.required" }),
});

/** An empty product line as the form starts it. */
export const EMPTY_LINE = { product: "", quantity: "", unit: DEAL_UNITS[0], unitPrice: "" };

export type DealQuery = { q: string; status?: DealStatus; confirmation?: Confirmation; type?: DealType; page: number };
export const DEAL_PAGE_SIZE = 20;

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => (values as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

/**
 * The deal list's search and filters from the URL (unknown values are ignored).
 *
 * @example parseDealQuery(new URLSearchParams("q=batik&status=paid")) // { q: "batik", status: "paid", page: 1 }
 */
export function parseDealQuery(params: URLSearchParams): DealQuery {
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    q: (params.get("q") ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 100),
    status: pick(DEAL_STATUSES, params.get("status")),
    confirmation: pick(CONFIRMATIONS, params.get("confirmation")),
    type: pick(DEAL_TYPES, params.get("type")),
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}
