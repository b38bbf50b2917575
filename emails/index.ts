import { createElement, type ReactElement } from "react";
import InvitationEmail, { invitationSubject, type InvitationProps } from "./invitation";
import PasswordResetEmail, { passwordResetSubject, type PasswordResetProps } from "./password-reset";

/** Every email the app sends, by name: the outbox stores the name and props, the worker renders it. */
export type EmailRequest =
  | { template: "password-reset"; props: PasswordResetProps }
  | { template: "invitation"; props: InvitationProps };

export function buildEmail(request: EmailRequest): { subject: string; element: ReactElement } {
  switch (request.template) {
    case "password-reset":
      return { subject: passwordResetSubject(request.props), element: createElement(PasswordResetEmail, request.props) };
    case "invitation":
      return { subject: invitationSubject(request.props), element: createElement(InvitationEmail, request.props) };
  }
}
