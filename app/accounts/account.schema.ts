import { z } from "zod/v4";
import { email, newPassword, requiredText } from "~/utils/validation";

export const SignupSchema = z.object({
  name: requiredText(120),
  email,
  password: newPassword,
  redirectTo: z.string().optional(),
});

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "validation.required" }).max(128, { error: "validation.too_long_128" }),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ password: newPassword, confirm: z.string({ error: "validation.required" }) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "validation.password_mismatch" });
