import { Button, Section, Text } from "@react-email/components";
import { formatRupiah } from "~/utils/money";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { buttonStyle, EmailLayout } from "./_components/layout";

export type BoothAssignedProps = {
  locale: AppLocale;
  businessName: string;
  eventName: string;
  boothCode: string;
  hallName: string;
  sizeM2: number;
  zone: string;
  /** Whole rupiah as a digit string, frozen at assignment; "0" is a free booth. */
  feeIdr: string;
  invoiceNumber: string | null;
  /** The exhibitor's booth page, with the map and the invoice. */
  boothUrl: string;
  staffUrl: string;
};

export function boothAssignedSubject({ locale, boothCode, eventName }: BoothAssignedProps) {
  return tFor(locale)("booths.email.subject", { code: boothCode, event: eventName });
}

export default function BoothAssignedEmail(props: BoothAssignedProps) {
  const t = tFor(props.locale);
  const fee = props.feeIdr === "0" ? t("booths.free") : formatRupiah(props.feeIdr, props.locale);
  const row = (label: string, value: string) => (
    <Text style={{ margin: "0 0 4px" }}><span style={{ color: "#6b5d4f" }}>{label}:</span> <strong>{value}</strong></Text>
  );
  return (
    <EmailLayout lang={props.locale} preview={boothAssignedSubject(props)} footer={t("booths.email.footer", { event: props.eventName })}>
      <Text>{t("email.greeting", { name: props.businessName })}</Text>
      <Text>{t("booths.email.body", { event: props.eventName })}</Text>
      <Section style={{ backgroundColor: "#f6f3ee", borderRadius: 6, padding: "12px 16px", margin: "0 0 16px" }}>
        {row(t("booths.booth"), props.boothCode)}
        {row(t("booths.hall"), props.hallName)}
        {row(t("booths.size"), `${props.sizeM2} m²`)}
        {props.zone ? row(t("booths.zone"), props.zone) : null}
        {row(t("booths.fee"), fee)}
        {props.invoiceNumber ? row(t("booths.invoice_number"), props.invoiceNumber) : null}
      </Section>
      {props.invoiceNumber ? <Text>{t("booths.email.invoice", { number: props.invoiceNumber })}</Text> : null}
      <Button href={props.boothUrl} style={buttonStyle}>{t("booths.email.button")}</Button>
      <Text>{t("booths.email.staff")}</Text>
      <Text style={{ fontSize: 12, wordBreak: "break-all" }}>{props.boothUrl}<br />{props.staffUrl}</Text>
    </EmailLayout>
  );
}

BoothAssignedEmail.PreviewProps = {
  locale: "id",
  businessName: "Batik Tulis Laweyan",
  eventName: "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta",
  boothCode: "A-03",
  hallName: "Pendopo Ageng",
  sizeM2: 9,
  zone: "batik",
  feeIdr: "1500000",
  invoiceNumber: "INV-TBB-0001",
  boothUrl: "http://localhost:3000/exhibitor/applications/00000000-0000-0000-0000-000000000000/booth",
  staffUrl: "http://localhost:3000/exhibitor/applications/00000000-0000-0000-0000-000000000000/staff",
} satisfies BoothAssignedProps;
