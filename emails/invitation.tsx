import { Button, Text } from "@react-email/components";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { buttonStyle, EmailLayout } from "./_components/layout";

export type InvitationProps = {
  locale: AppLocale;
  organizationName: string;
  inviterName: string;
  role: string;
  acceptUrl: string;
  validDays: number;
};

export function invitationSubject({ locale, organizationName }: InvitationProps) {
  return tFor(locale)("email.invite.subject", { organization: organizationName });
}

export default function InvitationEmail(props: InvitationProps) {
  const t = tFor(props.locale);
  const role = t(`roles.${props.role}`);
  return (
    <EmailLayout lang={props.locale} preview={invitationSubject(props)} footer={t("email.invite.footer")}>
      <Text>{t("email.invite.body", { inviter: props.inviterName, organization: props.organizationName, role })}</Text>
      <Button href={props.acceptUrl} style={buttonStyle}>{t("email.invite.button")}</Button>
      <Text style={{ fontSize: 13, color: "#6b5d4f" }}>{t("email.invite.validity", { days: props.validDays })}</Text>
      <Text style={{ fontSize: 12, wordBreak: "break-all" }}>{props.acceptUrl}</Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  locale: "id",
  organizationName: "Kadin Kota Surakarta",
  inviterName: "Budi Santoso",
  role: "curator",
  acceptUrl: "http://localhost:3000/invitations/abc",
  validDays: 7,
} satisfies InvitationProps;
