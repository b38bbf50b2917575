/**
 * Database types for Kysely (camelCase through CamelCasePlugin; SQL is snake_case), one file per migration
 * area under db/schema/, kept in step with db/migrations by hand (docs/decisions/003-naming.md).
 */
import type { BadgeDeliveryTables } from "./schema/badge-delivery";
import type { BadgeTables } from "./schema/badges";
import type { DealTables } from "./schema/deals";
import type { ExhibitorTables } from "./schema/exhibitors";
import type { FoundationTables } from "./schema/foundation";
import type { MeetingTables } from "./schema/meetings";

export type * from "./schema/badge-delivery";
export type * from "./schema/badges";
export type * from "./schema/columns";
export type * from "./schema/deals";
export type * from "./schema/exhibitors";
export type * from "./schema/foundation";
export type * from "./schema/meetings";

export interface DB extends FoundationTables, ExhibitorTables, BadgeTables, BadgeDeliveryTables, MeetingTables, DealTables {}
