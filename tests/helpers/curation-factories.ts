import type { Db } from "../../db/index";
import type { ApplicationStatus, CertificationKind, Sector, UmkmClass } from "../../db/schema";

/**
 * Rows the curation tests need, inserted directly (the exhibitor portal and the call settings page that
 * normally create them belong to other parts of the app).
 */

const suffix = () => Math.random().toString(36).slice(2, 8);

export type CriterionSpec = { name: string; weight: number };

/** Criteria in the given order (sort 0, 1, 2 …); returns their ids in the same order. */
export async function makeCriteria(db: Db, eventId: string, specs: readonly CriterionSpec[] = DEFAULT_CRITERIA): Promise<string[]> {
  if (specs.length === 0) return [];
  const rows = await db.insertInto("curationCriterion")
    .values(specs.map((s, sort) => ({ eventId, name: s.name, weight: s.weight, sort })))
    .returning(["id", "sort"]).execute();
  return rows.sort((a, b) => a.sort - b.sort).map((r) => r.id);
}

export const DEFAULT_CRITERIA: readonly CriterionSpec[] = [
  { name: "Kualitas produk", weight: 40 },
  { name: "Kemasan", weight: 20 },
  { name: "Kesiapan pasar", weight: 25 },
  { name: "Keunikan motif", weight: 15 },
];

export type BusinessSpec = {
  name?: string;
  brandName?: string;
  ownerName?: string;
  sector?: Sector;
  umkmClass?: UmkmClass;
  city?: string;
  province?: string;
  email?: string;
  nib?: string | null;
  whatsapp?: string | null;
  /** The owner's account language (decision emails use it). */
  locale?: "id" | "en";
  capacityQuantity?: number | null;
  capacityUnit?: string;
  exportExperience?: string;
  description?: string;
};

/** An exhibitor account (cannot sign in: its password hash is not a hash) and its one business profile. */
export async function makeBusiness(db: Db, spec: BusinessSpec = {}) {
  const tag = suffix();
  const owner = await db.insertInto("appUser").values({
    name: spec.ownerName ?? "Siti Rahayu", email: `umkm.${tag}@usaha.test`, passwordHash: "!", locale: spec.locale ?? "id",
  }).returning("id").executeTakeFirstOrThrow();
  const business = await db.insertInto("business").values({
    ownerUserId: owner.id,
    name: spec.name ?? `Batik Sekar ${tag}`,
    brandName: spec.brandName ?? "",
    ownerName: spec.ownerName ?? "Siti Rahayu",
    nib: spec.nib === undefined ? "1234567890123" : spec.nib,
    umkmClass: spec.umkmClass ?? "mikro",
    sector: spec.sector ?? "batik_tulis",
    city: spec.city ?? "Surakarta",
    province: spec.province ?? "Jawa Tengah",
    whatsapp: spec.whatsapp === undefined ? "+6281234567890" : spec.whatsapp,
    email: spec.email ?? `kontak.${tag}@usaha.test`,
    description: spec.description ?? "",
    capacityQuantity: spec.capacityQuantity ?? null,
    capacityUnit: spec.capacityUnit ?? "",
    exportExperience: spec.exportExperience ?? "",
  }).returning("id").executeTakeFirstOrThrow();
  return { id: business.id, ownerUserId: owner.id };
}

export type ApplicationSpec = {
  status?: ApplicationStatus;
  submittedAt?: Date | null;
  preferredSizeM2?: number | null;
  preferredZone?: string;
  motivation?: string;
  historyYears?: number;
};

/** An application of a business to an event (submitted now unless told otherwise). */
export async function makeApplication(db: Db, eventId: string, businessId: string, spec: ApplicationSpec = {}) {
  const status = spec.status ?? "submitted";
  const row = await db.insertInto("application").values({
    eventId, businessId, status,
    preferredSizeM2: spec.preferredSizeM2 === undefined ? 9 : spec.preferredSizeM2,
    preferredZone: spec.preferredZone ?? "",
    motivation: spec.motivation ?? "Memperluas pasar batik tulis ke pembeli luar kota.",
    historyYears: spec.historyYears ?? 0,
    submittedAt: spec.submittedAt === undefined ? (status === "draft" ? null : new Date()) : spec.submittedAt,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** A business and its application in one go; returns both ids. */
export async function makeApplicant(db: Db, eventId: string, business: BusinessSpec = {}, application: ApplicationSpec = {}) {
  const b = await makeBusiness(db, business);
  const applicationId = await makeApplication(db, eventId, b.id, application);
  return { applicationId, businessId: b.id, ownerUserId: b.ownerUserId };
}

/** One curator's scores on an application: criterion id → score (and optional comment). */
export async function giveScores(db: Db, applicationId: string, curatorUserId: string, scores: Record<string, number | { score: number; comment: string }>) {
  const values = Object.entries(scores).map(([criterionId, v]) => ({
    applicationId, criterionId, curatorUserId,
    score: typeof v === "number" ? v : v.score,
    comment: typeof v === "number" ? "" : v.comment,
  }));
  if (values.length === 0) return;
  await db.insertInto("curationScore").values(values).execute();
}

/** An image upload row (the file itself is another part's concern). */
export async function makeUpload(db: Db, ownerUserId: string | null = null) {
  const row = await db.insertInto("upload").values({
    ownerUserId, purpose: "product_photo", contentType: "image/jpeg", sizeBytes: 1024, width: 800, height: 800,
    storageKey: `test/${suffix()}-${suffix()}.jpg`, thumbKey: null, originalName: "kain.jpg",
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function makeProduct(db: Db, businessId: string, spec: { name: string; priceIdr?: number | null; photoUploadId?: string | null; sort?: number; description?: string }) {
  const row = await db.insertInto("product").values({
    businessId, name: spec.name, priceIdr: spec.priceIdr ?? null, photoUploadId: spec.photoUploadId ?? null,
    sort: spec.sort ?? 0, description: spec.description ?? "",
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function makeCertification(db: Db, businessId: string, kind: CertificationKind, number = "", validUntil: string | null = null) {
  await db.insertInto("certification").values({ businessId, kind, number, issuer: "", validUntil }).execute();
}
