/** Tables of the exhibitors migration: businesses, products, calls, applications, curation, booths, invoices. */
import type { ColumnType, Generated } from "kysely";
import type { DateColumn, GeneratedTimestamp, Int8, Timestamp } from "./columns";

/**
 * An int8 money column with a default: read as a string like Int8. `Generated<Int8>` would wrap a ColumnType
 * in another and select as the ColumnType object instead of a string.
 */
type Int8WithDefault = ColumnType<string, string | number | bigint | undefined, string | number | bigint>;

export type UploadPurpose = "product_photo" | "business_logo" | "document";
export type UploadContentType = "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
export interface UploadTable {
  id: Generated<string>;
  ownerUserId: string | null;
  purpose: UploadPurpose;
  contentType: UploadContentType;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  storageKey: string;
  thumbKey: string | null;
  originalName: Generated<string>;
  createdAt: GeneratedTimestamp;
}

export type UmkmClass = "mikro" | "kecil" | "menengah";
export type Sector =
  | "batik_tulis" | "batik_cap" | "batik_printing" | "tenun_ikat" | "songket"
  | "kriya" | "kuliner" | "fashion" | "aksesoris" | "lainnya";
export interface BusinessTable {
  id: Generated<string>;
  ownerUserId: string;
  name: string;
  brandName: Generated<string>;
  ownerName: string;
  nib: string | null;
  umkmClass: UmkmClass;
  sector: Sector;
  city: string;
  province: string;
  /** E.164, +62 mobile numbers only (WhatsApp). */
  whatsapp: string | null;
  email: string;
  description: Generated<string>;
  capacityQuantity: number | null;
  capacityUnit: Generated<string>;
  exportExperience: Generated<string>;
  logoUploadId: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface ProductTable {
  id: Generated<string>;
  businessId: string;
  name: string;
  description: Generated<string>;
  priceIdr: Int8 | null;
  photoUploadId: string | null;
  sort: Generated<number>;
  createdAt: GeneratedTimestamp;
}

export type CertificationKind = "sni" | "halal" | "batikmark" | "bbspjikb_training" | "pirt" | "other";
export interface CertificationTable {
  id: Generated<string>;
  businessId: string;
  kind: CertificationKind;
  number: Generated<string>;
  issuer: Generated<string>;
  validUntil: DateColumn | null;
}

export interface ExhibitorCallTable {
  eventId: string;
  opensAt: Timestamp;
  closesAt: Timestamp;
  /** Sector values accepted; empty = every sector. */
  sectors: Generated<Sector[]>;
  intro: Generated<string>;
  /** The self-selection window, when accepted exhibitors pick their own booth on the map. */
  selectionOpensAt: Timestamp | null;
  selectionClosesAt: Timestamp | null;
}

export interface BoothSizeTable {
  id: Generated<string>;
  eventId: string;
  sizeM2: number;
  /** Whole rupiah; 0 = free booth (common at government fairs). */
  feeIdr: Int8WithDefault;
  staffLimit: Generated<number>;
}

export interface CurationCriterionTable {
  id: Generated<string>;
  eventId: string;
  name: string;
  weight: number;
  sort: Generated<number>;
}

export type ApplicationStatus = "draft" | "submitted" | "accepted" | "waitlisted" | "rejected" | "withdrawn";
export interface ApplicationTable {
  id: Generated<string>;
  eventId: string;
  businessId: string;
  status: Generated<ApplicationStatus>;
  preferredSizeM2: number | null;
  preferredZone: Generated<string>;
  motivation: Generated<string>;
  /** Years the business exhibited at this organizer's fairs before (priority points). */
  historyYears: Generated<number>;
  submittedAt: Timestamp | null;
  decidedAt: Timestamp | null;
  decidedBy: string | null;
  decisionMessage: Generated<string>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface CurationScoreTable {
  applicationId: string;
  criterionId: string;
  curatorUserId: string;
  /** 1–5. */
  score: number;
  comment: Generated<string>;
  updatedAt: GeneratedTimestamp;
}

export interface BoothTable {
  id: Generated<string>;
  eventId: string;
  hallId: string;
  code: string;
  sizeM2: number;
  /** Position and footprint in grid cells on the hall plan (top-left origin). */
  x: number;
  y: number;
  w: number;
  h: number;
  zone: Generated<string>;
  priceIdr: Int8WithDefault;
  createdAt: GeneratedTimestamp;
}

export type BoothAssignmentStatus = "held" | "confirmed" | "released";
export type BoothAssignmentMethod = "manual" | "self" | "auto";
export interface BoothAssignmentTable {
  id: Generated<string>;
  eventId: string;
  boothId: string;
  applicationId: string;
  status: Generated<BoothAssignmentStatus>;
  method: BoothAssignmentMethod;
  /** The fee as it was when the booth was assigned (later price changes do not touch it). */
  feeIdr: Int8WithDefault;
  assignedBy: string | null;
  assignedAt: GeneratedTimestamp;
  releasedAt: Timestamp | null;
}

export type InvoiceStatus = "unpaid" | "paid" | "void";
export interface InvoiceTable {
  id: Generated<string>;
  eventId: string;
  applicationId: string;
  boothAssignmentId: string | null;
  number: string;
  amountIdr: Int8;
  status: Generated<InvoiceStatus>;
  paidAt: Timestamp | null;
  paidReference: Generated<string>;
  markedPaidBy: string | null;
  createdAt: GeneratedTimestamp;
}

export interface ExhibitorStaffTable {
  id: Generated<string>;
  applicationId: string;
  name: string;
  role: Generated<string>;
  phone: string | null;
  email: string | null;
  createdAt: GeneratedTimestamp;
}

/** Booths an exhibitor would like (rank 1–3), scored as `preferred` by the automatic assignment. */
export interface BoothPreferenceTable {
  applicationId: string;
  boothId: string;
  rank: number;
  createdAt: GeneratedTimestamp;
}

export interface ExhibitorTables {
  upload: UploadTable;
  business: BusinessTable;
  product: ProductTable;
  certification: CertificationTable;
  exhibitorCall: ExhibitorCallTable;
  boothSize: BoothSizeTable;
  curationCriterion: CurationCriterionTable;
  application: ApplicationTable;
  curationScore: CurationScoreTable;
  booth: BoothTable;
  boothAssignment: BoothAssignmentTable;
  invoice: InvoiceTable;
  exhibitorStaff: ExhibitorStaffTable;
  boothPreference: BoothPreferenceTable;
}
