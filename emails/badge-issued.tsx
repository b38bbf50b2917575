import { Button, Img, Section, Text } from "@react-email/components";
import QRCode from "qrcode";
import type Mail from "nodemailer/lib/mailer";
import { renderBadgesPdf, type BadgePrint } from "~/badges/badge-pdf.server";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { buttonStyle, EmailLayout } from "./_components/layout";

export const BADGE_QR_CID = "badge-qr";

export type BadgeIssuedProps = {
  /** The holder's language (the badge's locale). */
  locale: AppLocale;
  /** Everything printed on the badge, the signed QR text included (the PDF and the inline QR are built from it). */
  print: BadgePrint;
  /** When and where, already formatted in the holder's language. */
  eventLine: string;
  /** The holder's badge page (its path carries the signed code, never the badge id alone). */
  badgeUrl: string;
  /** Which badge: the outbox sends the badge as it is when the email goes out (a reissued code, a new name). */
  badge?: { id: string; eventId: string };
};

export function badgeIssuedSubject({ locale, print }: BadgeIssuedProps) {
  return tFor(locale)("badges.email.subject", { event: print.eventName });
}

/** The QR as an inline PNG (`cid:`) and the A6 badge as a PDF, built when the outbox sends. */
export async function badgeIssuedAttachments({ print }: BadgeIssuedProps): Promise<Mail.Attachment[]> {
  const [png, pdf] = await Promise.all([
    QRCode.toBuffer(print.qrText, { errorCorrectionLevel: "M", margin: 4, scale: 6 }),
    renderBadgesPdf([print], "a6", { title: print.name }),
  ]);
  return [
    { filename: "badge-qr.png", content: png, contentType: "image/png", cid: BADGE_QR_CID },
    { filename: `badge-${print.shortCode.replace(/\W/g, "")}.pdf`, content: pdf, contentType: "application/pdf" },
  ];
}

export default function BadgeIssuedEmail(props: BadgeIssuedProps) {
  const t = tFor(props.locale);
  const { print } = props;
  return (
    <EmailLayout lang={props.locale} preview={badgeIssuedSubject(props)} footer={t("badges.email.footer", { event: print.eventName })}>
      <Text>{t("email.greeting", { name: print.name })}</Text>
      <Text>{t("badges.email.body", { event: print.eventName, kind: t(`badges.kinds.${print.kind}`) })}</Text>
      <Section style={{ textAlign: "center", backgroundColor: "#f6f3ee", borderRadius: 6, padding: "16px", margin: "0 0 16px" }}>
        <Img src={`cid:${BADGE_QR_CID}`} width="240" height="240" alt={t("badges.email.qr_alt")} style={{ margin: "0 auto" }} />
        <Text style={{ fontSize: 20, fontWeight: 700, letterSpacing: 2, margin: "8px 0 0" }}>{print.shortCode}</Text>
        <Text style={{ margin: "4px 0 0" }}>{props.eventLine}</Text>
      </Section>
      <Text>{t("badges.email.how")}</Text>
      <Button href={props.badgeUrl} style={buttonStyle}>{t("badges.email.button")}</Button>
      <Text style={{ fontSize: 13, color: "#6b5d4f" }}>{t("badges.email.keep")}</Text>
    </EmailLayout>
  );
}

BadgeIssuedEmail.PreviewProps = {
  locale: "id",
  print: {
    name: "Sari Wulandari", organization: "Batik Laweyan Sari", kind: "buyer", kindLabel: "PEMBELI",
    eventName: "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta", eventDates: "20–22 November 2026 · Hotel Sunan, Surakarta",
    qrText: "P1" + "A".repeat(173), shortCode: "K7QX-M3PA",
  },
  eventLine: "20–22 November 2026 · Hotel Sunan, Surakarta",
  badgeUrl: "http://localhost:3000/badge/P1AAAA",
} satisfies BadgeIssuedProps;
