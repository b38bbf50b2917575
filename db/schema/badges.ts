/** Tables of the badges and gates migration (20261123T0600_badges_gates.js). */
import type { ColumnType, Generated } from "kysely";
import type { BigSerial, GeneratedTimestamp, Timestamp } from "./columns";

/** Mirrored by BADGE_KINDS / BADGE_STATUSES in app/badges/badge.schema.ts (the CHECK constraints' lists). */
export type BadgeKindColumn = "exhibitor" | "buyer" | "visitor" | "staff" | "press" | "vip";
export type BadgeStatusColumn = "valid" | "pending" | "revoked" | "blocked";

/** An event's Ed25519 key; the private key (base64 PKCS#8) never leaves the server. */
export interface EventSigningKeyTable {
  id: Generated<string>;
  eventId: string;
  /** 8 hex characters, carried in every code it signed. */
  keyId: string;
  /** Raw 32-byte public key, base64url. */
  publicKey: string;
  privateKeyPkcs8: string;
  createdAt: GeneratedTimestamp;
  /** Set when another key takes over signing; the key still verifies older codes. */
  retiredAt: Timestamp | null;
}

export interface BadgeTable {
  id: Generated<string>;
  eventId: string;
  kind: BadgeKindColumn;
  status: Generated<BadgeStatusColumn>;
  holderName: string;
  organizationName: Generated<string>;
  email: string | null;
  phone: string | null;
  locale: Generated<"id" | "en">;
  exhibitorStaffId: string | null;
  /** The key that signed the current code (its signature is deterministic, so the QR text can be re-derived). */
  keyId: string;
  /** The random part of the current code, 16 hex characters; new on every reissue. */
  seed: string;
  /** 8 characters from the short-code alphabet, stored without the dash. */
  shortCode: string;
  validFrom: Timestamp | null;
  validUntil: Timestamp | null;
  issuedAt: GeneratedTimestamp;
  printedAt: Timestamp | null;
  statusReason: string | null;
  /** Bumped by every statement that records a scan of this badge (optimistic check of a single scan). */
  scanVersion: Generated<number>;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
  /** Where the badge came from (20261123T0700_badge_delivery.js). */
  source: Generated<BadgeSourceColumn>;
  /** When the holder agreed to a WhatsApp notice; null = no WhatsApp. */
  whatsappOptInAt: Timestamp | null;
  /** The CSV import and its row (0-based) that issued this badge; unique together, so a re-run skips it. */
  importId: string | null;
  importRow: number | null;
}

export type BadgeSourceColumn = "organizer" | "import" | "registration" | "staff";

export interface BadgeRevocationTable {
  eventId: string;
  /** revocationKey() of badge-token.ts: `<badgeId>.<seed>`. */
  revocationKey: string;
  badgeId: string;
  cause: "reissued" | "revoked";
  revokedAt: GeneratedTimestamp;
}

export interface CheckinListTable {
  id: Generated<string>;
  eventId: string;
  name: string;
  allowMultipleEntries: Generated<boolean>;
  allowEntryAfterExit: Generated<boolean>;
  includePending: Generated<boolean>;
  /** text[]; null = every kind. Write it with a `::text[]` cast. */
  kinds: ColumnType<string[] | null, unknown, unknown>;
  /** date[] of local days; null = any day. Read it cast to text[]; write it with a `::date[]` cast. */
  days: ColumnType<string[] | null, unknown, unknown>;
  opensAt: Timestamp | null;
  closesAt: Timestamp | null;
  maxEntriesPerDay: number | null;
  maxEntriesTotal: number | null;
  createdAt: GeneratedTimestamp;
}

export interface GateDeviceTable {
  id: Generated<string>;
  eventId: string;
  checkinListId: string;
  name: string;
  /** hashToken() of the `gt_…` bearer token, which is shown once. */
  tokenHash: string;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  revokedAt: Timestamp | null;
  lastSeenAt: Timestamp | null;
}

export type CheckinReasonColumn =
  | "unknown_badge" | "revoked" | "blocked" | "pending" | "wrong_kind" | "wrong_day"
  | "not_yet_valid" | "expired" | "list_closed" | "already_inside" | "rules";

/** One scan and its decision; (event_id, nonce) is unique, so a re-sent scan is recorded once. */
export interface CheckinTable {
  id: BigSerial;
  eventId: string;
  checkinListId: string;
  gateDeviceId: string | null;
  badgeId: string | null;
  type: "entry" | "exit";
  nonce: string;
  /** The scan's own time (the phone's clock; for offline uploads, long before receivedAt). */
  scannedAt: Timestamp;
  receivedAt: GeneratedTimestamp;
  successful: boolean;
  reason: CheckinReasonColumn | null;
  /** Admitted only because an offline phone already let the holder in (a possible double entry). */
  forced: Generated<boolean>;
  /** The scan came with `force: true` (an offline scan uploaded later). */
  offline: Generated<boolean>;
}

export interface BadgeTables {
  eventSigningKey: EventSigningKeyTable;
  badge: BadgeTable;
  badgeRevocation: BadgeRevocationTable;
  checkinList: CheckinListTable;
  gateDevice: GateDeviceTable;
  checkin: CheckinTable;
}
