import { describe, expect, it } from "vitest";
import { can, canManageMember, ORG_ROLES, PERMISSIONS, type Permission } from "~/utils/permissions";

const GRANTED: Record<(typeof ORG_ROLES)[number], Permission[]> = {
  owner: [...PERMISSIONS],
  admin: [...PERMISSIONS],
  curator: ["org:view", "event:view", "curation:score", "badge:view"],
  gate_staff: ["org:view", "event:view", "checkin:scan", "badge:view"],
};

describe("role permissions", () => {
  const cases = ORG_ROLES.flatMap((role) => PERMISSIONS.map((permission) => [role, permission, GRANTED[role].includes(permission)] as const));
  it.each(cases)("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  it.each([
    ["owner", "owner", true],
    ["owner", "admin", true],
    ["admin", "owner", false],
    ["admin", "admin", true],
    ["admin", "gate_staff", true],
    ["curator", "gate_staff", false],
    ["gate_staff", "curator", false],
  ] as const)("a %s managing a %s: %s", (actor, target, expected) => {
    expect(canManageMember(actor, target)).toBe(expected);
  });
});
