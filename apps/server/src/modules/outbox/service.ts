import {
  DomainError,
  maskRecipient,
  type Locale,
  type OfficeKind,
  type OutboxListInput,
  type OutboxMessageSummary,
  type ReminderPreview,
} from "@frontoffice/domain";
import type { OutboxMessageRow } from "@frontoffice/db";
import type { Actor } from "../../trpc/actor.js";
import { renderReminder } from "../../jobs/reminder-templates.js";
import { recordChangeBy } from "../audit/queries.js";
import { listMessages, retryDeadMessage } from "../../outbox/queries.js";
import { listServices } from "../services/queries.js";

function toSummary(row: OutboxMessageRow): OutboxMessageSummary {
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    subject: row.subject,
    locale: row.locale,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    transport: row.transport,
    createdAt: new Date(row.created_at).toISOString(),
    runAfter: new Date(row.run_after).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}

/** The organization's latest outgoing messages (200), newest first, recipients masked. */
export async function outboxMessages(actor: Pick<Actor, "db" | "organizationId">, input: OutboxListInput): Promise<OutboxMessageSummary[]> {
  const rows = await listMessages(actor.db, actor.organizationId, { ...(input.channel ? { channel: input.channel } : {}), ...(input.status ? { status: input.status } : {}), limit: 200 });
  return rows.map(toSummary);
}

/**
 * Sends a message that failed for good once more, now: one more attempt (if that fails too, it
 * is dead again and can be retried again). Only a dead message: one still pending or sending is
 * already being retried, and a sent one went out.
 */
export async function retryOutboxMessage(actor: Actor, id: string): Promise<OutboxMessageSummary> {
  return actor.db.transaction().execute(async (trx) => {
    const at = actor.clock.now();
    const row = await retryDeadMessage(trx, actor.organizationId, id, at);
    if (!row) {
      const [existing] = (await listMessages(trx, actor.organizationId, { ids: [id] }));
      if (!existing) throw new DomainError("NOT_FOUND", "message not found");
      throw new DomainError("OUTBOX_NOT_RETRYABLE", undefined, { status: existing.status });
    }
    await recordChangeBy(trx, actor, { type: "outbox_message", id }, "update", { status: { from: "dead", to: "pending" } }, at);
    return toSummary(row);
  });
}

/** Made-up details a preview is filled with, in each language. */
const SAMPLE_CLIENT: Record<Locale, string> = { en: "Emma", es: "Lucía", it: "Giulia" };

/**
 * The reminder an office's clients get, in one language, for a made-up appointment at 10:00 the
 * day after tomorrow with its first service: exactly what the reminders job renders.
 */
export async function previewReminder(actor: Pick<Actor, "db" | "organizationId" | "clock">, officeId: string, locale: Locale): Promise<ReminderPreview> {
  const office = await actor.db
    .selectFrom("office")
    .select(["name", "kind", "phone", "time_zone"])
    .where("organization_id", "=", actor.organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  const [service] = await listServices(actor.db, actor.organizationId, { officeId });
  const day = new Date(actor.clock.now().getTime() + 2 * 86_400_000);
  const startsAt = new Date(`${day.toISOString().slice(0, 10)}T10:00:00Z`);
  return renderReminder({
    locale,
    officeName: office.name,
    officeKind: office.kind as OfficeKind,
    officePhone: office.phone,
    timeZone: office.time_zone,
    startsAt,
    clientName: SAMPLE_CLIENT[locale],
    serviceName: service?.name ?? "—",
  });
}
