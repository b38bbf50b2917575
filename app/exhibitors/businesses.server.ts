/**
 * The UMKM business profile: typed once per account and reused for every event it applies to, with its
 * products (one photo each) and certifications. Every function is scoped by the business id that the route
 * got from the signed-in owner, so one exhibitor never reaches another's rows.
 */
import { sql } from "kysely";
import { dbErrorInfo } from "../../db/index";
import type { Executor } from "~/utils/db.server";
import { fail, ok, type Result } from "~/utils/result";
import { deleteUpload, uploadUrl } from "~/utils/uploads.server";
import { profileCompleteness } from "./call-rules";
import type { BusinessInput } from "./exhibitor.schema";
import { normalizeNib, normalizeWhatsapp, type NibProblem, type WhatsappProblem } from "./identifiers";

const BUSINESS_COLUMNS = [
  "id", "name", "brandName", "ownerName", "nib", "umkmClass", "sector", "city", "province", "whatsapp", "email",
  "description", "capacityQuantity", "capacityUnit", "exportExperience", "logoUploadId", "updatedAt",
] as const;

/** The signed-in account's business profile, or undefined before it is created. */
export function getBusinessByOwner(db: Executor, ownerUserId: string) {
  return db.selectFrom("business").select(BUSINESS_COLUMNS).where("ownerUserId", "=", ownerUserId).executeTakeFirst();
}
export type Business = NonNullable<Awaited<ReturnType<typeof getBusinessByOwner>>>;

export type BusinessProblem = NibProblem | WhatsappProblem | "business_exists";

/** Normalises what was typed into the row's values; the identifiers may still be refused here. */
type BusinessRow = Omit<BusinessInput, "redirectTo" | "nib" | "whatsapp"> & { nib: string | null; whatsapp: string | null };
function toRow(input: BusinessInput): Result<BusinessRow, NibProblem | WhatsappProblem> {
  const nib = normalizeNib(input.nib);
  if (!nib.ok) return nib;
  const whatsapp = normalizeWhatsapp(input.whatsapp);
  if (!whatsapp.ok) return whatsapp;
  const { redirectTo: _redirectTo, ...rest } = input;
  return ok({ ...rest, nib: nib.value, whatsapp: whatsapp.value, capacityUnit: input.capacityQuantity ? input.capacityUnit : "" });
}

/**
 * Creates the profile, or updates it when the account already has one (one business per account: the
 * `business_owner_user_id_uq` index decides a race between two tabs, and the loser gets `business_exists`).
 */
export async function saveBusiness(db: Executor, ownerUserId: string, input: BusinessInput): Promise<Result<{ id: string; created: boolean }, BusinessProblem>> {
  const row = toRow(input);
  if (!row.ok) return row;
  const existing = await db.selectFrom("business").select("id").where("ownerUserId", "=", ownerUserId).executeTakeFirst();
  if (existing) {
    await db.updateTable("business").set({ ...row.value, capacityQuantity: row.value.capacityQuantity ?? null, updatedAt: sql`now()` })
      .where("id", "=", existing.id).execute();
    return ok({ id: existing.id, created: false });
  }
  return createBusiness(db, ownerUserId, input);
}

/** Creates the account's only business profile; a second one is refused with `business_exists`. */
export async function createBusiness(db: Executor, ownerUserId: string, input: BusinessInput): Promise<Result<{ id: string; created: boolean }, BusinessProblem>> {
  const row = toRow(input);
  if (!row.ok) return row;
  try {
    const created = await db.insertInto("business")
      .values({ ...row.value, capacityQuantity: row.value.capacityQuantity ?? null, ownerUserId })
      .returning("id").executeTakeFirstOrThrow();
    return ok({ id: created.id, created: true });
  } catch (error) {
    if (dbErrorInfo(error).constraint === "business_owner_user_id_uq") return fail("business_exists");
    throw error;
  }
}

export async function listProducts(db: Executor, businessId: string) {
  const rows = await db.selectFrom("product")
    .select(["id", "name", "description", "priceIdr", "photoUploadId"])
    .where("businessId", "=", businessId).orderBy("sort").orderBy("createdAt").execute();
  return rows.map((p) => ({
    ...p,
    thumbUrl: p.photoUploadId ? uploadUrl(p.photoUploadId, "thumb") : null,
    photoUrl: p.photoUploadId ? uploadUrl(p.photoUploadId, "display") : null,
  }));
}

export const MAX_PRODUCTS = 30;

/** Adds a product at the end of the list (at most MAX_PRODUCTS: a profile, not a shop). */
export async function addProduct(
  db: Executor,
  businessId: string,
  input: { name: string; description: string; price: string | null; photoUploadId: string | null },
): Promise<Result<{ id: string }, "too_many_products">> {
  const count = await db.selectFrom("product").select((eb) => eb.fn.countAll<number>().as("n")).where("businessId", "=", businessId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_PRODUCTS) return fail("too_many_products");
  const row = await db.insertInto("product").values({
    businessId, name: input.name, description: input.description, priceIdr: input.price, photoUploadId: input.photoUploadId,
    sort: Number(count.n),
  }).returning("id").executeTakeFirstOrThrow();
  return ok(row);
}

/** Replaces a product's photo; the old image is deleted. False when the product is not this business's. */
export async function setProductPhoto(db: Executor, businessId: string, productId: string, photoUploadId: string): Promise<boolean> {
  const before = await db.selectFrom("product").select("photoUploadId").where("id", "=", productId).where("businessId", "=", businessId).executeTakeFirst();
  if (!before) return false;
  await db.updateTable("product").set({ photoUploadId }).where("id", "=", productId).execute();
  if (before.photoUploadId) await deleteUpload(db, before.photoUploadId);
  return true;
}

/** Deletes a product and its photo. False when the product is not this business's. */
export async function deleteProduct(db: Executor, businessId: string, productId: string): Promise<boolean> {
  const row = await db.deleteFrom("product").where("id", "=", productId).where("businessId", "=", businessId)
    .returning("photoUploadId").executeTakeFirst();
  if (!row) return false;
  if (row.photoUploadId) await deleteUpload(db, row.photoUploadId);
  return true;
}

export function listCertifications(db: Executor, businessId: string) {
  return db.selectFrom("certification").select(["id", "kind", "number", "issuer", "validUntil"])
    .where("businessId", "=", businessId).orderBy("kind").orderBy("validUntil").execute();
}

export const MAX_CERTIFICATIONS = 30;

export async function addCertification(
  db: Executor,
  businessId: string,
  input: { kind: "sni" | "halal" | "batikmark" | "bbspjikb_training" | "pirt" | "other"; number: string; issuer: string; validUntil?: string },
): Promise<Result<{ id: string }, "too_many_certifications">> {
  const count = await db.selectFrom("certification").select((eb) => eb.fn.countAll<number>().as("n")).where("businessId", "=", businessId).executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_CERTIFICATIONS) return fail("too_many_certifications");
  const row = await db.insertInto("certification")
    .values({ businessId, kind: input.kind, number: input.number, issuer: input.issuer, validUntil: input.validUntil || null })
    .returning("id").executeTakeFirstOrThrow();
  return ok(row);
}

export async function deleteCertification(db: Executor, businessId: string, certificationId: string): Promise<boolean> {
  const result = await db.deleteFrom("certification").where("id", "=", certificationId).where("businessId", "=", businessId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The facts the dashboard's completeness meter needs, in one query. */
export async function getProfileCompleteness(db: Executor, business: Business | undefined) {
  if (!business) return profileCompleteness(null);
  const counts = await db.selectNoFrom((eb) => [
    eb.selectFrom("product").select(eb.fn.countAll<number>().as("n")).where("businessId", "=", business.id).as("products"),
    eb.selectFrom("product").select(eb.fn.countAll<number>().as("n")).where("businessId", "=", business.id).where("photoUploadId", "is not", null).as("photos"),
    eb.selectFrom("certification").select(eb.fn.countAll<number>().as("n")).where("businessId", "=", business.id).as("certifications"),
  ]).executeTakeFirstOrThrow();
  return profileCompleteness({
    hasDescription: business.description.trim().length > 0,
    hasWhatsapp: Boolean(business.whatsapp),
    hasNib: Boolean(business.nib),
    hasCapacity: business.capacityQuantity !== null,
    productCount: Number(counts.products),
    productPhotoCount: Number(counts.photos),
    certificationCount: Number(counts.certifications),
  });
}
