import nodemailer from "nodemailer";
import type { EmailSender, OutgoingMessage } from "./senders.js";

/**
 * Email through an SMTP server (`SMTP_URL`, smtp:// or smtps://, credentials in the URL).
 * nodemailer keeps no pool here: the runner sends a few messages a minute at most.
 */
export function createSmtpSender(smtpUrl: string, from: string): EmailSender & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    transport: "smtp",
    async send(message: OutgoingMessage) {
      await transport.sendMail({
        from,
        to: message.recipient,
        subject: message.subject ?? "",
        text: message.bodyText,
        ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
        headers: { "Content-Language": message.locale, "X-Frontoffice-Message-Id": message.id },
      });
    },
    close() {
      transport.close();
    },
  };
}
