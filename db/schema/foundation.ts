/** Tables of the foundation migration: accounts, organizations, events, agenda, outbox, audit. */
import type { Generated } from "kysely";
import type { BigSerial, DateColumn, GeneratedTimestamp, Int8, Json, JsonDefault, Timestamp } from "./columns";

export interface AppUserTable {
  id: Generated<string>;
  email: string;
  name: string;
  passwordHash: string;
  locale: Generated<"id" | "en">;
  createdAt: GeneratedTimestamp;
}

export interface UserSessionTable {
  id: Generated<string>;
  tokenHash: string;
  userId: string;
  createdAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  lastSeenAt: GeneratedTimestamp;
  userAgent: string | null;
  ip: string | null;
}

export interface PasswordResetTable {
  id: Generated<string>;
  userId: string;
  tokenHash: string;
  createdAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  usedAt: Timestamp | null;
}

export type OrganizationKind = "kadin" | "dinas" | "dekranasda" | "eo" | "other";
export interface OrganizationTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: OrganizationKind;
  city: string | null;
  createdAt: GeneratedTimestamp;
}

export type OrgRole = "owner" | "admin" | "curator" | "gate_staff";
export interface MembershipTable {
  organizationId: string;
  userId: string;
  role: OrgRole;
  createdAt: GeneratedTimestamp;
}

export interface InvitationTable {
  id: Generated<string>;
  organizationId: string;
  email: string;
  role: Exclude<OrgRole, "owner">;
  tokenHash: string;
  invitedBy: string | null;
  createdAt: GeneratedTimestamp;
  expiresAt: Timestamp;
  acceptedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

export type EventKind = "b2b_expo" | "pameran" | "temu_bisnis";
export type EventStatus = "draft" | "published";
export interface EventTable {
  id: Generated<string>;
  organizationId: string;
  slug: string;
  name: string;
  kind: EventKind;
  description: Generated<string>;
  venueName: Generated<string>;
  address: Generated<string>;
  city: Generated<string>;
  timeZone: string;
  firstDay: DateColumn;
  lastDay: DateColumn;
  status: Generated<EventStatus>;
  /** Deal value target in whole rupiah ("target transaksi Rp 5 miliar"), or null. */
  dealTarget: Int8 | null;
  publishedAt: Timestamp | null;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export interface EventRegionTable {
  id: Generated<string>;
  eventId: string;
  name: string;
  province: Generated<string>;
  delegation: Generated<string>;
  createdAt: GeneratedTimestamp;
}

export interface HallTable {
  id: Generated<string>;
  eventId: string;
  name: string;
  capacity: number | null;
  createdAt: GeneratedTimestamp;
}

export interface RoomTable {
  id: Generated<string>;
  eventId: string;
  hallId: string | null;
  name: string;
  capacity: number | null;
  createdAt: GeneratedTimestamp;
}

export type SessionTypeColumn =
  | "opening" | "talk" | "training" | "business_matching" | "mou_signing" | "exhibition_hours" | "other";
export interface AgendaSessionTable {
  id: Generated<string>;
  eventId: string;
  roomId: string | null;
  type: SessionTypeColumn;
  title: string;
  description: Generated<string>;
  speakers: Generated<string>;
  startsAt: Timestamp;
  endsAt: Timestamp;
  createdAt: GeneratedTimestamp;
  updatedAt: GeneratedTimestamp;
}

export type OutboxStatus = "pending" | "done" | "failed";
export interface OutboxTable {
  id: BigSerial;
  kind: string;
  payload: Json;
  organizationId: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  runAfter: GeneratedTimestamp;
  lastError: string | null;
  createdAt: GeneratedTimestamp;
  doneAt: Timestamp | null;
}

export interface EmailLogTable {
  id: BigSerial;
  outboxId: Int8 | null;
  organizationId: string | null;
  toAddress: string;
  subject: string;
  template: string;
  transport: "smtp" | "file";
  fileName: string | null;
  messageId: string | null;
  sentAt: GeneratedTimestamp;
}

export interface RateLimitTable {
  scope: string;
  key: string;
  windowStart: Timestamp;
  count: Generated<number>;
}

export interface AuditLogTable {
  id: BigSerial;
  at: GeneratedTimestamp;
  actorUserId: string | null;
  organizationId: string | null;
  eventId: string | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  ip: string | null;
  userAgent: string | null;
  data: JsonDefault;
}

export interface FoundationTables {
  appUser: AppUserTable;
  userSession: UserSessionTable;
  passwordReset: PasswordResetTable;
  organization: OrganizationTable;
  membership: MembershipTable;
  invitation: InvitationTable;
  event: EventTable;
  eventRegion: EventRegionTable;
  hall: HallTable;
  room: RoomTable;
  agendaSession: AgendaSessionTable;
  outbox: OutboxTable;
  emailLog: EmailLogTable;
  rateLimit: RateLimitTable;
  auditLog: AuditLogTable;
}
