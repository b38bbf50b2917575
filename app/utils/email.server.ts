import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { render } from "@react-email/render";
import nodemailer, { type Transporter } from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { buildEmail, type EmailRequest } from "../../emails";
import { getEnv } from "./env.server";
import { singleton } from "./singleton.server";

export type OutgoingEmail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: Mail.Attachment[];
  icalEvent?: Mail.IcalAttachment;
};

export type SendResult =
  | { status: "sent"; transport: "smtp" | "file"; messageId?: string; fileName?: string }
  | { status: "error"; error: string };

/** Renders a named template to subject, HTML and plain text (react-email). */
export async function renderEmail(request: EmailRequest): Promise<Omit<OutgoingEmail, "to">> {
  const { subject, element, attachments, icalEvent } = buildEmail(request);
  const [html, text, files, invite] = await Promise.all([
    render(element),
    render(element, { plainText: true }),
    attachments?.(),
    icalEvent?.(),
  ]);
  return { subject, html, text, ...(files ? { attachments: files } : {}), ...(invite ? { icalEvent: invite } : {}) };
}

function smtpTransport(url: string): Transporter {
  return singleton(`smtp:${url}`, () => nodemailer.createTransport(url, { from: getEnv().MAIL_FROM }));
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes an .eml file to MAIL_DIR so nothing is lost in
 * development (an organizer page lists them). Never throws: the outbox decides about retries.
 */
export async function sendEmail(email: OutgoingEmail): Promise<SendResult> {
  const env = getEnv();
  const message: Mail.Options = { from: env.MAIL_FROM, ...email };
  try {
    if (env.SMTP_URL) {
      const info = await smtpTransport(env.SMTP_URL).sendMail(message);
      return { status: "sent", transport: "smtp", messageId: info.messageId };
    }
    const info = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
    const dir = path.resolve(env.MAIL_DIR);
    await mkdir(dir, { recursive: true });
    const fileName = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
    await writeFile(path.join(dir, fileName), info.message as Buffer);
    return { status: "sent", transport: "file", messageId: info.messageId, fileName };
  } catch (error) {
    return { status: "error", error: error instanceof Error ? error.message : String(error) };
  }
}
