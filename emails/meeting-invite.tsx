import { Button, Section, Text } from "@react-email/components";
import type Mail from "nodemailer/lib/mailer";
import { buildIcs } from "~/agenda/ics";
import { tFor } from "~/utils/i18n.server";
import type { AppLocale } from "~/utils/i18n";
import { formatDate, formatTimeRange } from "~/utils/time";
import { buttonStyle, EmailLayout } from "./_components/layout";

export type MeetingInviteProps = {
  locale: AppLocale;
  /** REMINDER: the same email shortly before the meeting, without a calendar file. */
  method: "REQUEST" | "CANCEL" | "REMINDER";
  uid: string;
  sequence: number;
  eventName: string;
  venueName: string;
  timeZone: string;
  /** ISO instants (the job payload is JSON). */
  startsAt: string;
  endsAt: string;
  recipient: { name: string; email: string };
  other: { name: string; email: string };
  tableNo: number | null;
  boothCode: string | null;
  organizer: { name: string; email: string };
  agendaUrl: string;
};

function where(props: MeetingInviteProps): string {
  const t = tFor(props.locale);
  const place = props.tableNo !== null ? t("meetings.agenda.table", { n: props.tableNo })
    : props.boothCode ? t("meetings.agenda.booth", { code: props.boothCode }) : t("meetings.agenda.place_tba");
  return [place, props.venueName].filter(Boolean).join(", ");
}

export function meetingInviteSubject(props: MeetingInviteProps) {
  const t = tFor(props.locale);
  const when = formatTimeRange(props.startsAt, props.endsAt, props.timeZone, props.locale);
  const key = { REQUEST: "subject", CANCEL: "cancel_subject", REMINDER: "reminder_subject" }[props.method];
  return t(`meetings.email.${key}`, { other: props.other.name, when });
}

/** The .ics invite (RFC 5545/5546): stable UID, SEQUENCE from the meeting, DTSTAMP now (UTC), TZID of the event. */
export function meetingInviteIcs(props: MeetingInviteProps & { method: "REQUEST" | "CANCEL" }, now = new Date()): Mail.IcalAttachment {
  const t = tFor(props.locale);
  const content = buildIcs({
    name: props.eventName, timeZone: props.timeZone, method: props.method, dtstamp: now,
    items: [{
      uid: props.uid, sequence: props.sequence, title: t("meetings.email.ics_title", { other: props.other.name }),
      description: t("meetings.email.ics_description", { event: props.eventName }), location: where(props), url: props.agendaUrl,
      startsAt: new Date(props.startsAt), endsAt: new Date(props.endsAt), organizer: props.organizer,
      status: props.method === "CANCEL" ? "CANCELLED" : "CONFIRMED", attendees: [props.recipient, props.other],
    }],
  });
  return { method: props.method, filename: props.method === "CANCEL" ? "cancel.ics" : "invite.ics", content };
}

export default function MeetingInviteEmail(props: MeetingInviteProps) {
  const t = tFor(props.locale);
  const row = (label: string, value: string) => (
    <Text style={{ margin: "0 0 4px" }}><span style={{ color: "#6b5d4f" }}>{label}:</span> <strong>{value}</strong></Text>
  );
  return (
    <EmailLayout lang={props.locale} preview={meetingInviteSubject(props)} footer={t("meetings.email.footer", { event: props.eventName })}>
      <Text>{t("email.greeting", { name: props.recipient.name })}</Text>
      <Text>{t(`meetings.email.${{ REQUEST: "body", CANCEL: "cancel_body", REMINDER: "reminder_body" }[props.method]}`, { other: props.other.name, event: props.eventName })}</Text>
      <Section style={{ backgroundColor: "#f6f3ee", borderRadius: 6, padding: "12px 16px", margin: "0 0 16px" }}>
        {row(t("meetings.agenda.with"), props.other.name)}
        {row(t("meetings.agenda.date"), formatDate(props.startsAt, props.timeZone, props.locale))}
        {row(t("meetings.agenda.time"), formatTimeRange(props.startsAt, props.endsAt, props.timeZone, props.locale))}
        {row(t("meetings.agenda.place"), where(props))}
      </Section>
      {props.method === "REQUEST" ? <Text>{t("meetings.email.calendar_hint")}</Text> : null}
      <Button href={props.agendaUrl} style={buttonStyle}>{t("meetings.email.button")}</Button>
    </EmailLayout>
  );
}

MeetingInviteEmail.PreviewProps = {
  locale: "id", method: "REQUEST", uid: "meeting-00000000-0000-0000-0000-000000000000@pendopo", sequence: 0,
  eventName: "Temu Bisnis Batik & Tenun Ikat Kediri–Surakarta", venueName: "Hotel Solo", timeZone: "Asia/Jakarta",
  startsAt: "2026-11-20T02:00:00.000Z", endsAt: "2026-11-20T02:20:00.000Z",
  recipient: { name: "Hotel Solo Indah", email: "buyer@hotel-solo.example" }, other: { name: "Tenun Ikat Bandar", email: "tenun@kediri.example" },
  tableNo: 3, boothCode: null, organizer: { name: "Pendopo", email: "no-reply@pendopo.local" },
  agendaUrl: "http://localhost:3000/e/temu-bisnis/matchmaking/agenda",
} satisfies MeetingInviteProps;
