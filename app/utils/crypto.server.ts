import { createHash, randomBytes } from "node:crypto";

/** A 256-bit random token for cookies and emailed links (ASVS 7.2.3: at least 128 bits from a CSPRNG). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Tokens are stored only as hashes, so a database leak does not hand out live sessions or reset links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
