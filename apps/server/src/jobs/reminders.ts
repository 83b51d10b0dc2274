/**
 * The reminders job: every minute, queue a reminder for each live appointment that starts
 * within its office's lead time (`office.reminder_lead_minutes`, 24 hours by default) and has
 * none yet. The dedupe key `reminder:<appointmentId>:<startsAt>` makes a re-run (or a second
 * server process) add nothing, while a rescheduled appointment, with a new start, gets a new
 * reminder. Email when the client has an address; SMS too when the client has a mobile.
 */
import { sql, type Kysely } from "kysely";
import type { Database, NewOutboxMessage } from "@frontoffice/db";
import type { ClientEmail, ClientPhone } from "@frontoffice/domain";
import { appointmentDetails } from "../appointment-details.js";
import { enqueueMessage } from "../outbox/queries.js";
import type { PeriodicJob } from "../outbox/runner.js";
import { renderReminder } from "./reminder-templates.js";

/** Appointments in these states still happen; cancelled and no-show ones get no reminder. */
const REMINDED_STATUSES = ["booked", "confirmed"] as const;

export function reminderKey(appointmentId: string, startsAt: Date): string {
  return `reminder:${appointmentId}:${startsAt.toISOString()}`;
}

/** The reminders due at `now`, across every organization, with what their text needs. */
function dueAppointments(db: Kysely<Database>, now: Date) {
  return appointmentDetails(db)
    .select(["c.emails", "c.phones"])
    .where("a.status", "in", REMINDED_STATUSES)
    .where("c.archived_at", "is", null)
    // Someone to write to: an email address or a mobile number.
    .where(sql<boolean>`(jsonb_array_length(c.emails) > 0 or c.phones @> '[{"label": "mobile"}]'::jsonb)`)
    .where("a.starts_at", ">", now)
    .where(sql<boolean>`a.starts_at <= ${now}::timestamptz + make_interval(mins => o.reminder_lead_minutes)`)
    // None queued yet: the same key as reminderKey(), so a batch is never filled with done work.
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("outbox_message as m").select("m.id").whereRef("m.organization_id", "=", "a.organization_id").where(
        "m.dedupe_key", "=", sql<string>`'reminder:' || a.id || ':' || to_char(a.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      ))),
    )
    .orderBy("a.starts_at")
    .limit(500)
    .execute();
}

/** Queues the reminders due at `now`; returns how many messages were added. */
export async function enqueueDueReminders(db: Kysely<Database>, now: Date): Promise<number> {
  const due = await dueAppointments(db, now);
  if (due.length === 0) return 0;
  let added = 0;
  for (const appointment of due) {
    const key = reminderKey(appointment.id, appointment.startsAt);
    const email = (appointment.emails as ClientEmail[])[0]?.address;
    const mobile = (appointment.phones as ClientPhone[]).find((phone) => phone.label === "mobile")?.number;
    const messages = renderReminder({
      locale: appointment.locale,
      officeName: appointment.officeName,
      officeKind: appointment.officeKind,
      officePhone: appointment.officePhone,
      timeZone: appointment.timeZone,
      startsAt: appointment.startsAt,
      clientName: appointment.givenName ?? appointment.displayName,
      serviceName: appointment.serviceName,
    });
    const common = { organization_id: appointment.organizationId, locale: appointment.locale, dedupe_key: key, run_after: now } satisfies Partial<NewOutboxMessage>;
    const outgoing: NewOutboxMessage[] = [];
    if (email) outgoing.push({ ...common, channel: "email", recipient: email, subject: messages.subject, body_text: messages.text, body_html: messages.html });
    if (mobile) outgoing.push({ ...common, channel: "sms", recipient: mobile, body_text: messages.sms });
    // Email and SMS together or not at all, so the check above never skips a half-queued pair.
    added += await db.transaction().execute(async (trx) => {
      let count = 0;
      for (const message of outgoing) if (await enqueueMessage(trx, message)) count += 1;
      return count;
    });
  }
  return added;
}

export function remindersJob(db: Kysely<Database>): PeriodicJob {
  return { name: "reminders", everyMs: 60_000, run: (now) => enqueueDueReminders(db, now) };
}
