import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server in the test process (stack.md §5): the app sends through nodemailer over TCP, and tests
 * assert on what arrived, parsed by mailparser.
 */
export async function startSmtpSink() {
  const inbox: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        inbox.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    inbox,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    to: (address: string) => inbox.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
