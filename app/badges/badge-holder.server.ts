// The holder's own badge page, reached from the email: its path is the signed QR text, so only someone who
// has the code can open it, and a reissued code's link stops working (the seed no longer matches).
import type { Executor } from "~/utils/db.server";
import { verifyKeysFor } from "./badge-keys.server";
import { nodeVerify } from "./badge-sign.server";
import { parseBadgeToken, verifyBadgeToken } from "./badge-token";
import { formatShortCode } from "./short-code";

/**
 * The badge and event behind a signed code, or undefined for anything forged, unknown or replaced.
 *
 * @example await getHolderBadge(db, "P1…") // { badge: { holderName, kind, status, shortCode… }, event: {…} } | undefined
 */
export async function getHolderBadge(db: Executor, token: string) {
  const parsed = parseBadgeToken(token);
  if (!parsed.ok) return undefined;
  const { eventId, keyId, badgeId, seed } = parsed.value;
  const verified = await verifyBadgeToken(token, await verifyKeysFor(db, eventId, keyId), nodeVerify, { eventId });
  if (!verified.ok) return undefined;
  const row = await db.selectFrom("badge as b").innerJoin("event as e", "e.id", "b.eventId")
    .select(["b.id", "b.kind", "b.status", "b.holderName", "b.organizationName", "b.shortCode", "b.locale",
      "e.id as eventId", "e.name as eventName", "e.slug as eventSlug", "e.firstDay", "e.lastDay", "e.venueName", "e.city", "e.address", "e.timeZone"])
    .where("b.id", "=", badgeId).where("b.eventId", "=", eventId).where("b.seed", "=", seed).executeTakeFirst();
  if (!row) return undefined;
  return { ...row, shortCode: formatShortCode(row.shortCode), qr: token.trim().toUpperCase() };
}
