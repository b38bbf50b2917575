/** Tables of the deals migration: deals with lines, sellers and status history; cooperation agreements (MoU). */
import type { Generated } from "kysely";
import type { BigSerial, DateColumn, GeneratedTimestamp, Int8, Timestamp } from "./columns";
import type { Sector, UmkmClass } from "./exhibitors";

export type DealTypeColumn = "on_site_sale" | "purchase_order" | "contract" | "mou_loi";
export type DealStatusColumn = "potential" | "agreed" | "signed" | "delivered" | "paid" | "cancelled";
export type DealConfirmationColumn = "unconfirmed" | "confirmed" | "verified";
export type DealPartyColumn = "seller" | "buyer" | "organizer";
export type DealBucketColumn = "confirmed" | "unconfirmed" | "potential" | "none";

export interface DealTable {
  id: Generated<string>;
  eventId: string;
  meetingId: string | null;
  /** The registered buyer, or null for a walk-in buyer known only by name and region. */
  buyerId: string | null;
  buyerName: string;
  buyerCity: Generated<string>;
  buyerProvince: Generated<string>;
  type: DealTypeColumn;
  status: DealStatusColumn;
  confirmation: DealConfirmationColumn;
  enteredBy: DealPartyColumn;
  enteredByUserId: string | null;
  total: Int8;
  /** Local date of the deal in the event's zone. */
  dealDay: DateColumn;
  deliveryDate: DateColumn | null;
  note: Generated<string>;
  documentUploadId: string | null;
  confirmedByUserId: string | null;
  confirmedAt: Timestamp | null;
  /** Raised on every change, for optimistic updates. */
  version: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  /** Generated from status, type and confirmation (dealValueBucket); never written. */
  valueBucket: Generated<DealBucketColumn>;
}

export interface DealLineTable {
  dealId: string;
  position: number;
  product: string;
  quantityMilli: Int8;
  unit: string;
  unitPrice: Int8;
  lineTotal: Int8;
}

export interface DealSellerTable {
  dealId: string;
  sellerId: string;
  position: number;
  shareValue: Int8;
  /** Units this seller makes of a consortium order; null for an ordinary deal. */
  shareQuantity: number | null;
  /** The seller's sector, UMKM class and region when the deal was recorded (what the report counts). */
  sector: Sector;
  umkmClass: UmkmClass;
  city: Generated<string>;
  province: Generated<string>;
}

/** Running totals of the deals dashboard per event, dimension (total, day, sector, umkm, type, flow), key and bucket. */
export interface DealReportCellTable {
  eventId: string;
  dimension: string;
  key: string;
  bucket: DealBucketColumn;
  value: Int8;
  deals: number;
}

export interface DealStatusChangeTable {
  id: BigSerial;
  dealId: string;
  fromStatus: DealStatusColumn | null;
  toStatus: DealStatusColumn;
  confirmation: DealConfirmationColumn | null;
  party: DealPartyColumn;
  changedByUserId: string | null;
  changedAt: GeneratedTimestamp;
}

export type AgreementKind = "mou" | "pks" | "loi";
export type AgreementPartyKind = "kadin" | "dinas" | "pemda" | "umkm" | "company" | "association" | "other";
export interface CooperationAgreementTable {
  id: Generated<string>;
  eventId: string;
  title: string;
  kind: Generated<AgreementKind>;
  scope: Generated<string>;
  signedOn: DateColumn;
  place: Generated<string>;
  documentUploadId: string | null;
  createdByUserId: string | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface CooperationPartyTable {
  agreementId: string;
  position: number;
  name: string;
  kind: AgreementPartyKind;
  city: Generated<string>;
  province: Generated<string>;
  signatoryName: Generated<string>;
  signatoryTitle: Generated<string>;
}

export interface DealTables {
  deal: DealTable;
  dealLine: DealLineTable;
  dealSeller: DealSellerTable;
  dealStatusChange: DealStatusChangeTable;
  dealReportCell: DealReportCellTable;
  cooperationAgreement: CooperationAgreementTable;
  cooperationParty: CooperationPartyTable;
}
