import { Button, Text } from "@react-email/components";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { buttonStyle, EmailLayout } from "./_components/layout";

export type PasswordResetProps = { locale: AppLocale; name: string; resetUrl: string; validMinutes: number };

export function passwordResetSubject({ locale }: PasswordResetProps) {
  return tFor(locale)("email.reset.subject");
}

export default function PasswordResetEmail({ locale, name, resetUrl, validMinutes }: PasswordResetProps) {
  const t = tFor(locale);
  return (
    <EmailLayout lang={locale} preview={t("email.reset.preview")} footer={t("email.reset.footer")}>
      <Text>{t("email.greeting", { name })}</Text>
      <Text>{t("email.reset.body", { minutes: validMinutes })}</Text>
      <Button href={resetUrl} style={buttonStyle}>{t("email.reset.button")}</Button>
      <Text style={{ fontSize: 13, color: "#6b5d4f" }}>{t("email.reset.ignore")}</Text>
      <Text style={{ fontSize: 12, wordBreak: "break-all" }}>{resetUrl}</Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  locale: "id",
  name: "Sari Wulandari",
  resetUrl: "http://localhost:3000/reset-password/abc",
  validMinutes: 60,
} satisfies PasswordResetProps;
