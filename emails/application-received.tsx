import { Button, Text } from "@react-email/components";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { buttonStyle, EmailLayout } from "./_components/layout";

export type ApplicationReceivedProps = {
  locale: AppLocale;
  businessName: string;
  eventName: string;
  organizerName: string;
  applicationUrl: string;
};

export function applicationReceivedSubject({ locale, eventName }: ApplicationReceivedProps) {
  return tFor(locale)("exhibitors.email.received.subject", { event: eventName });
}

/** Sent when an exhibitor submits an application: the receipt, what happens next, and the link to its status. */
export default function ApplicationReceivedEmail(props: ApplicationReceivedProps) {
  const t = tFor(props.locale);
  return (
    <EmailLayout lang={props.locale} preview={applicationReceivedSubject(props)} footer={t("exhibitors.email.received.footer")}>
      <Text>{t("exhibitors.email.received.body", { business: props.businessName, event: props.eventName })}</Text>
      <Text>{t("exhibitors.email.received.next", { organizer: props.organizerName })}</Text>
      <Button href={props.applicationUrl} style={buttonStyle}>{t("exhibitors.email.received.button")}</Button>
      <Text style={{ fontSize: 12, wordBreak: "break-all" }}>{props.applicationUrl}</Text>
    </EmailLayout>
  );
}

ApplicationReceivedEmail.PreviewProps = {
  locale: "id",
  businessName: "Batik Sekar Jagad",
  eventName: "Pameran Batik Nusantara",
  organizerName: "Kadin Kota Surakarta",
  applicationUrl: "http://localhost:3000/exhibitor/applications/00000000-0000-0000-0000-000000000000",
} satisfies ApplicationReceivedProps;
