import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  PGLITE_DIR: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Pendopo <no-reply@pendopo.local>"),
  MAIL_DIR: z.string().default("data/mail"),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Uploaded images (product photos), outside the build output; relative paths are from the working directory. */
  UPLOAD_DIR: z.string().min(1).default("data/uploads"),
  /** WhatsApp Cloud API (badge notices); both unset = no WhatsApp. */
  WHATSAPP_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d{5,20}$/).optional(),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/).default("v21.0"),
});

export type Env = z.infer<typeof EnvSchema> & { APP_URL: string };

/**
 * Parses process.env once; a bad value stops the server at boot with the field named, instead of failing
 * later inside a request.
 */
export function getEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  const env = parsed.data;
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}
