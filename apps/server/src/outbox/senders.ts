import type { Locale } from "@frontoffice/domain";

/** What a sender gets: the message and nothing about how it is queued. */
export interface OutgoingMessage {
  id: string;
  channel: "email" | "sms";
  recipient: string;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  locale: Locale;
}

/**
 * Delivers one message on one channel, or throws. `transport` names the way it went out and is
 * recorded on the message (`smtp`, `log`, `sandbox`…).
 */
export interface Sender {
  readonly transport: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** The SMS side: any carrier (or the sandbox) behind one method. */
export type SmsSender = Sender;
export type EmailSender = Sender;

export interface Senders {
  email: EmailSender;
  sms: SmsSender;
}

/**
 * Email when no SMTP server is configured (development, demos, trials): nothing leaves the
 * machine. The message is marked sent with transport `log`, so staff can see what would have
 * gone out and the queue never fills up with mail that can never leave.
 */
export const logOnlyEmailSender: EmailSender = {
  transport: "log",
  async send() {},
};

/**
 * The SMS sandbox: a real product feature for training and demos, not a test double. Nothing
 * is sent to a carrier; the message stays in the outbox with transport `sandbox`, where staff
 * can read exactly what the client would have received.
 */
export const sandboxSmsSender: SmsSender = {
  transport: "sandbox",
  async send() {},
};

/** A failure with a short, safe description: no addresses or message text end up stored or logged. */
export function describeSendFailure(error: unknown): string {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown; responseCode?: unknown }) : {};
  const parts = [typeof code.code === "string" ? code.code : undefined, typeof code.responseCode === "number" ? `SMTP ${code.responseCode}` : undefined];
  const message = error instanceof Error ? error.message : String(error);
  const safe = message.replace(/[^\s<>@"']+@[^\s<>@"']+/g, "[address]").replace(/\+?\d[\d\s().-]{6,}\d/g, "[number]").slice(0, 300);
  return [...parts.filter(Boolean), safe].join(": ").slice(0, 1000);
}
