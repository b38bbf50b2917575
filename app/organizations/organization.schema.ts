import { z } from "zod/v4";
import { email, optionalText, requiredText } from "~/utils/validation";

export const ORGANIZATION_KINDS = ["kadin", "dinas", "dekranasda", "eo", "other"] as const;

export const OrganizationSchema = z.object({
  name: requiredText(120, 2),
  kind: z.enum(ORGANIZATION_KINDS, { error: "validation.choose" }),
  city: optionalText(80),
});

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  email,
  role: z.enum(["admin", "curator", "gate_staff"], { error: "validation.choose" }),
});

export const MemberRoleSchema = z.object({
  intent: z.literal("change-role"),
  userId: z.uuid({ error: "validation.invalid" }),
  role: z.enum(["owner", "admin", "curator", "gate_staff"], { error: "validation.choose" }),
});

export const RemoveMemberSchema = z.object({ intent: z.literal("remove"), userId: z.uuid({ error: "validation.invalid" }) });
export const RevokeInvitationSchema = z.object({ intent: z.literal("revoke-invitation"), invitationId: z.uuid({ error: "validation.invalid" }) });
