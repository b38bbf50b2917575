import { Section, Text } from "@react-email/components";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { EmailLayout } from "./_components/layout";

export type ApplicationDecisionProps = {
  locale: AppLocale;
  status: "accepted" | "waitlisted" | "rejected";
  ownerName: string;
  businessName: string;
  eventName: string;
  organizationName: string;
  /** The organizer's message to the applicant (may be empty). */
  message: string;
};

export function applicationDecisionSubject({ locale, status, eventName }: ApplicationDecisionProps) {
  return tFor(locale)(`curation.email.subject_${status}`, { event: eventName });
}

/** The curation decision on an exhibitor application, sent to the business in its owner's language. */
export default function ApplicationDecisionEmail(props: ApplicationDecisionProps) {
  const t = tFor(props.locale);
  const vars = { business: props.businessName, event: props.eventName, organization: props.organizationName };
  return (
    <EmailLayout lang={props.locale} preview={applicationDecisionSubject(props)} footer={t("curation.email.footer", vars)}>
      <Text>{t("email.greeting", { name: props.ownerName })}</Text>
      <Text>{t(`curation.email.body_${props.status}`, vars)}</Text>
      {props.message.trim() ? (
        <Section style={{ borderLeft: "4px solid #e0c6aa", paddingLeft: 12, margin: "16px 0" }}>
          <Text style={{ fontSize: 13, color: "#6b5d4f", margin: "0 0 4px" }}>{t("curation.email.message_from", vars)}</Text>
          <Text style={{ whiteSpace: "pre-line", margin: 0 }}>{props.message.trim()}</Text>
        </Section>
      ) : null}
      <Text>{t(`curation.email.next_${props.status}`, vars)}</Text>
    </EmailLayout>
  );
}

ApplicationDecisionEmail.PreviewProps = {
  locale: "id",
  status: "accepted",
  ownerName: "Siti Rahayu",
  businessName: "Batik Tulis Sekar Jagad",
  eventName: "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta",
  organizationName: "Kadin Kota Surakarta",
  message: "Selamat! Mohon siapkan 20 lembar kain untuk dipajang.\nStan dibagikan minggu depan.",
} satisfies ApplicationDecisionProps;
