import { createElement, type ReactElement } from "react";
import type Mail from "nodemailer/lib/mailer";
import BoothAssignedEmail, { boothAssignedSubject, type BoothAssignedProps } from "./booth-assigned";
import ApplicationReceivedEmail, { applicationReceivedSubject, type ApplicationReceivedProps } from "./application-received";
import ApplicationDecisionEmail, { applicationDecisionSubject, type ApplicationDecisionProps } from "./application-decision";
import InvitationEmail, { invitationSubject, type InvitationProps } from "./invitation";
import BadgeIssuedEmail, { badgeIssuedAttachments, badgeIssuedSubject, type BadgeIssuedProps } from "./badge-issued";
import MeetingInviteEmail, { meetingInviteIcs, meetingInviteSubject, type MeetingInviteProps } from "./meeting-invite";
import PasswordResetEmail, { passwordResetSubject, type PasswordResetProps } from "./password-reset";

/** Every email the app sends, by name: the outbox stores the name and props, the worker renders it. */
export type EmailRequest =
  | { template: "password-reset"; props: PasswordResetProps }
  | { template: "invitation"; props: InvitationProps }
  | { template: "booth-assigned"; props: BoothAssignedProps }
  | { template: "application-received"; props: ApplicationReceivedProps }
  | { template: "application-decision"; props: ApplicationDecisionProps }
  | { template: "meeting-invite"; props: MeetingInviteProps }
  | { template: "badge-issued"; props: BadgeIssuedProps };

/**
 * A rendered-to-be email. `attachments` (files, inline images referenced by `cid:`) and `icalEvent` (a calendar
 * invite) are built from the props when the outbox sends, so the queued job stays small JSON.
 */
export type BuiltEmail = {
  subject: string;
  element: ReactElement;
  attachments?: () => Promise<Mail.Attachment[]>;
  icalEvent?: () => Promise<Mail.IcalAttachment>;
};

export function buildEmail(request: EmailRequest): BuiltEmail {
  switch (request.template) {
    case "password-reset":
      return { subject: passwordResetSubject(request.props), element: createElement(PasswordResetEmail, request.props) };
    case "invitation":
      return { subject: invitationSubject(request.props), element: createElement(InvitationEmail, request.props) };
    case "booth-assigned":
      return { subject: boothAssignedSubject(request.props), element: createElement(BoothAssignedEmail, request.props) };
    case "application-received":
      return { subject: applicationReceivedSubject(request.props), element: createElement(ApplicationReceivedEmail, request.props) };
    case "application-decision":
      return { subject: applicationDecisionSubject(request.props), element: createElement(ApplicationDecisionEmail, request.props) };
    case "badge-issued":
      return {
        subject: badgeIssuedSubject(request.props), element: createElement(BadgeIssuedEmail, request.props),
        attachments: () => badgeIssuedAttachments(request.props),
      };
    case "meeting-invite": {
      const props = request.props;
      const { method } = props;
      return {
        subject: meetingInviteSubject(props), element: createElement(MeetingInviteEmail, props),
        ...(method === "REMINDER" ? {} : { icalEvent: async () => meetingInviteIcs({ ...props, method }) }),
      };
    }
  }
}
