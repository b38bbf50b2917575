// Delivering a badge to its holder: the email (QR inline + A6 PDF, in the holder's language) and, for holders
// who opted in, a WhatsApp template notice (ecosystem.md §1.4). Both are queued in the transaction that issues
// the badge, so a rolled-back issue sends nothing and a crash after commit still sends.
import { sql } from "kysely";
import type { BadgeIssuedProps } from "../../emails/badge-issued";
import type { Executor } from "~/utils/db.server";
import { audit } from "~/utils/audit.server";
import { getEnv } from "~/utils/env.server";
import { enqueue, enqueueEmail, type EmailJob } from "~/utils/outbox.server";
import { sendWhatsappTemplate, whatsappEnabled } from "~/utils/whatsapp.server";
import { badgeQrText, getBadge, type Badge } from "./badges.server";
import type { PrintEvent } from "./badge-print.server";
import { eventLine, KIND_WORDS } from "./badge-words";

export type DeliveryEvent = PrintEvent & { organizationId: string };
export const WHATSAPP_JOB = "badge-whatsapp";

/** The holder's own badge page; its path is the signed code (unguessable, and dead once reissued). */
export function badgeUrl(qr: string): string {
  return `${getEnv().APP_URL}/badge/${qr}`;
}

export { whatsappEnabled };

/** The event fields badges and their mail need, or undefined. */
export function getDeliveryEvent(db: Executor, eventId: string): Promise<DeliveryEvent | undefined> {
  return db.selectFrom("event").select(["id", "name", "firstDay", "lastDay", "venueName", "city", "organizationId"])
    .where("id", "=", eventId).executeTakeFirst();
}

/**
 * Queues what a freshly issued (or reissued) badge sends: the email when asked and the badge has an address,
 * the WhatsApp notice when the holder opted in with a phone and WhatsApp is configured.
 *
 * @example await queueBadgeDelivery(trx, event, issued, { email: true }) // { email: true, whatsapp: false }
 */
export async function queueBadgeDelivery(
  trx: Executor,
  event: DeliveryEvent,
  issued: { badge: Pick<Badge, "id" | "kind" | "holderName" | "organizationName" | "email" | "phone" | "locale">; qr: string; shortCode: string; whatsappOptIn?: boolean },
  want: { email: boolean },
): Promise<{ email: boolean; whatsapp: boolean }> {
  const { badge } = issued;
  const email = want.email && Boolean(badge.email);
  if (email) await enqueueEmail(trx, { to: badge.email!, template: "badge-issued", props: badgeEmailProps(event, issued) }, event.organizationId);
  const whatsapp = Boolean(issued.whatsappOptIn && badge.phone && whatsappEnabled());
  if (whatsapp) await enqueue(trx, WHATSAPP_JOB, { eventId: event.id, badgeId: badge.id, url: badgeUrl(issued.qr) }, event.organizationId);
  return { email, whatsapp };
}

type BadgeEmailSource = { badge: Pick<Badge, "id" | "kind" | "holderName" | "organizationName" | "locale">; qr: string; shortCode: string };

function badgeEmailProps(event: DeliveryEvent, { badge, qr, shortCode }: BadgeEmailSource): BadgeIssuedProps {
  return {
    locale: badge.locale,
    eventLine: eventLine(event, badge.locale),
    badgeUrl: badgeUrl(qr),
    print: {
      name: badge.holderName, organization: badge.organizationName || null, kind: badge.kind, kindLabel: KIND_WORDS[badge.kind],
      eventName: event.name, eventDates: eventLine(event, "id"), qrText: qr, shortCode,
    },
    badge: { id: badge.id, eventId: event.id },
  };
}

/**
 * A queued badge email as it should go out now: with the badge's current code, details and address (it may have
 * been reissued or edited since it was queued), or null when there is nothing to send any more (revoked, deleted,
 * no address). Emails queued before the badge reference existed go out as queued.
 */
export async function currentBadgeEmail(db: Executor, job: EmailJob & { template: "badge-issued" }): Promise<EmailJob | null> {
  const ref = job.props.badge;
  if (!ref) return job;
  const [badge, event, qr] = await Promise.all([
    getBadge(db, ref.eventId, ref.id),
    getDeliveryEvent(db, ref.eventId),
    badgeQrText(db, ref.eventId, ref.id),
  ]);
  if (!badge || !event || !qr || badge.status === "revoked" || !badge.email) return null;
  return { ...job, to: badge.email, props: badgeEmailProps(event, { badge, qr, shortCode: badge.shortCode }) };
}

type WhatsappJob = { eventId: string; badgeId: string; url: string };

/**
 * Sends the WhatsApp template `badge_ready` (name, event, link) through the Cloud API. Skips badges without
 * a phone or an opt-in (never messages people who did not agree) and jobs already sent (a re-run after a
 * crash between send and record is the only possible duplicate). Throws on an API error so the outbox retries.
 */
export async function sendBadgeWhatsapp(db: Executor, job: WhatsappJob & { jobId: string }): Promise<"sent" | "skipped"> {
  if (!whatsappEnabled()) return "skipped";
  const badge = await db.selectFrom("badge as b").innerJoin("event as e", "e.id", "b.eventId")
    .select(["b.id", "b.holderName", "b.phone", "b.locale", "b.status", "b.whatsappOptInAt", "e.name as eventName", "e.organizationId"])
    .where("b.id", "=", job.badgeId).where("b.eventId", "=", job.eventId).executeTakeFirst();
  if (!badge?.phone || !badge.whatsappOptInAt || badge.status === "revoked") return "skipped";
  const done = await db.selectFrom("auditLog").select("id").where("action", "=", "badge.whatsapp_sent")
    .where("entityId", "=", badge.id).where(sql<string>`data->>'jobId'`, "=", job.jobId)
    .executeTakeFirst();
  if (done) return "skipped";
  const messageId = await sendWhatsappTemplate({
    phone: badge.phone, locale: badge.locale, template: "badge_ready", params: [badge.holderName, badge.eventName, job.url],
  });
  await audit(db, {
    action: "badge.whatsapp_sent", organizationId: badge.organizationId, eventId: job.eventId, entity: "badge", entityId: badge.id,
    data: { jobId: job.jobId, messageId },
  });
  return "sent";
}
