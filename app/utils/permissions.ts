import type { OrgRole } from "../../db/schema";

export type { OrgRole };
export const ORG_ROLES = ["owner", "admin", "curator", "gate_staff"] as const satisfies readonly OrgRole[];
export const INVITABLE_ROLES = ["admin", "curator", "gate_staff"] as const;

/**
 * What each organization role may do. Later issues add per-event exhibitor and buyer accounts, which are
 * not organization members and get their own checks on their own objects.
 */
export const PERMISSIONS = [
  "org:view",
  "org:manage",
  "member:manage",
  "event:view",
  "event:create",
  "event:update",
  "event:publish",
  "agenda:update",
  "mail:view",
  "curation:score",
  "curation:decide",
  "checkin:scan",
  "badge:view",
  "badge:manage",
  "gate:manage",
  "matchmaking:manage",
  "deal:view",
  "deal:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MANAGER: readonly Permission[] = PERMISSIONS;
export const ROLE_PERMISSIONS: Record<OrgRole, readonly Permission[]> = {
  owner: MANAGER,
  admin: MANAGER,
  curator: ["org:view", "event:view", "curation:score", "badge:view"],
  gate_staff: ["org:view", "event:view", "checkin:scan", "badge:view"],
};

/**
 * @example can("curator", "event:update") // false
 */
export function can(role: OrgRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Who may change whose role: nobody touches an owner except the owner; admins cannot make owners. */
export function canManageMember(actor: OrgRole, target: OrgRole): boolean {
  if (!can(actor, "member:manage")) return false;
  return target !== "owner" || actor === "owner";
}
