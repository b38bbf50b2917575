/** Tables of the badge delivery migration (20261123T0700_badge_delivery.js): CSV imports and public registration. */
import type { Generated } from "kysely";
import type { GeneratedTimestamp, Json, Timestamp } from "./columns";

/** A CSV import that runs in the background; `rows` holds the validated rows until the job is done. */
export interface BadgeImportTable {
  id: Generated<string>;
  eventId: string;
  status: Generated<"queued" | "running" | "done">;
  fileName: Generated<string>;
  rows: Json;
  total: number;
  processed: Generated<number>;
  failed: Generated<number>;
  sendEmail: Generated<boolean>;
  createdBy: string | null;
  createdAt: GeneratedTimestamp;
  finishedAt: Timestamp | null;
}

/** Public registration of an event; `registered <= capacity` is a CHECK, so the last place goes once. */
export interface BadgeRegistrationTable {
  eventId: string;
  isOpen: Generated<boolean>;
  capacity: number | null;
  registered: Generated<number>;
  allowPress: Generated<boolean>;
  updatedAt: GeneratedTimestamp;
}

export interface BadgeDeliveryTables {
  badgeImport: BadgeImportTable;
  badgeRegistration: BadgeRegistrationTable;
}
