/**
 * The fixed vocabularies of the exhibitor portal, mirrored by CHECK constraints in the exhibitors migration
 * (db/migrations/20261123T0430_exhibitors_booths.js). Pure and client-safe: forms and pages import these.
 */
import type { ApplicationStatus, CertificationKind, Sector, UmkmClass } from "../../db/schema";

export const SECTORS = [
  "batik_tulis", "batik_cap", "batik_printing", "tenun_ikat", "songket", "kriya", "kuliner", "fashion", "aksesoris", "lainnya",
] as const satisfies readonly Sector[];

/** PP 7/2021 classes; the thresholds are shown as a hint (exhibitors.umkm_class_hint), the class is self-declared. */
export const UMKM_CLASSES = ["mikro", "kecil", "menengah"] as const satisfies readonly UmkmClass[];

export const CERTIFICATION_KINDS = ["sni", "halal", "batikmark", "bbspjikb_training", "pirt", "other"] as const satisfies readonly CertificationKind[];

export const APPLICATION_STATUSES = [
  "draft", "submitted", "accepted", "waitlisted", "rejected", "withdrawn",
] as const satisfies readonly ApplicationStatus[];

/** Statuses an organizer sees: a draft is the exhibitor's private work until it is submitted. */
export const ORGANIZER_VISIBLE_STATUSES = ["submitted", "accepted", "waitlisted", "rejected", "withdrawn"] as const satisfies readonly ApplicationStatus[];

/** Units offered for the production capacity ("300 lembar/bulan"); free text is stored, these are suggestions. */
export const CAPACITY_UNITS = ["lembar", "potong", "pcs", "meter", "kodi", "kg", "paket", "set"] as const;

/** Indonesia's 38 provinces (since the 2022 Papua split), for the province picker. */
export const PROVINCES = [
  "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi", "Bengkulu", "Sumatera Selatan",
  "Kepulauan Bangka Belitung", "Lampung", "Banten", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur",
  "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan",
  "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah", "Sulawesi Barat", "Sulawesi Selatan",
  "Sulawesi Tenggara", "Maluku", "Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Tengah", "Papua Pegunungan",
  "Papua Selatan",
] as const;

/** Photo uploads: the cap and the accepted types (the content is sniffed on the server, never trusted). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp";
