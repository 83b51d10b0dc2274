import { createSmtpSender } from "./smtp.js";
import { logOnlyEmailSender, sandboxSmsSender, type Senders } from "./senders.js";

export { OutboxRunner, type PeriodicJob } from "./runner.js";
export type { Senders } from "./senders.js";

/**
 * The senders the server uses: SMTP when `SMTP_URL` is set, otherwise the log-only email sender
 * (nothing leaves the machine; the outbox shows what would have). SMS goes to the sandbox until
 * a carrier is configured.
 */
export function createSenders(config: { smtpUrl: string | undefined; mailFrom: string }): Senders & { close(): void } {
  const smtp = config.smtpUrl ? createSmtpSender(config.smtpUrl, config.mailFrom) : undefined;
  return {
    email: smtp ?? logOnlyEmailSender,
    sms: sandboxSmsSender,
    close: () => smtp?.close(),
  };
}
