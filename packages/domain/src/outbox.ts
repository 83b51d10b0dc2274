import { z } from "zod";
import { localeSchema, type Locale } from "./locale.js";

/** Where an outgoing message stands (the outbox table's statuses). */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "dead"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_CHANNELS = ["email", "sms"] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

export const outboxListSchema = z.strictObject({
  status: z.enum(OUTBOX_STATUSES, { error: "validation.invalid" }).optional(),
  channel: z.enum(OUTBOX_CHANNELS, { error: "validation.invalid" }).optional(),
});
export type OutboxListInput = z.input<typeof outboxListSchema>;

export const outboxRetrySchema = z.strictObject({ id: z.uuid("validation.id_invalid") });

/** A reminder as an office would send it, in one language, with made-up client details. */
export const reminderPreviewSchema = z.strictObject({ officeId: z.uuid("validation.id_invalid"), locale: localeSchema });
export type ReminderPreviewInput = z.input<typeof reminderPreviewSchema>;

/** An outgoing message as a manager sees it: no body, and the recipient masked. */
export interface OutboxMessageSummary {
  id: string;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  locale: Locale;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  transport: string | null;
  createdAt: string;
  runAfter: string;
  sentAt: string | null;
}

export interface ReminderPreview {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

/**
 * A recipient with most of it hidden, enough to tell two apart: `l•••@example.com` for an email
 * (first letter and domain), `•••••••• 12` for a phone (last two digits).
 */
export function maskRecipient(channel: OutboxChannel, recipient: string): string {
  if (channel === "email") {
    const at = recipient.lastIndexOf("@");
    if (at <= 0) return "•••";
    return `${recipient.slice(0, 1)}•••${recipient.slice(at)}`;
  }
  const digits = recipient.replace(/\D/g, "");
  return digits.length <= 2 ? "•••" : `${"•".repeat(Math.max(digits.length - 2, 3))} ${digits.slice(-2)}`;
}
