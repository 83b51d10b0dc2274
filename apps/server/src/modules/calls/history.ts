/**
 * Who is calling and what happened before: the caller's client record(s) by number with their
 * last interactions, and the call log with the raw facts the front office analysis reads.
 */
import {
  DomainError,
  callIdentifySchema,
  callLogSchema,
  type CallEventView,
  type CallIdentifyInput,
  type CallLogEntry,
  type CallLogInput,
  type CallerIdentification,
  type CallerInteraction,
} from "@frontoffice/domain";
import type { Database } from "@frontoffice/db";
import { sql, type Kysely } from "kysely";
import type { Actor } from "../../trpc/actor.js";
import { selectCallEvents, selectCalls } from "./queries.js";
import { clientsWithNumber, isVip } from "./service.js";
import { normalizePhone, type CountryCode } from "@frontoffice/domain";

type Db = Kysely<Database>;
type Reader = Pick<Actor, "db" | "organizationId">;

/** Interactions shown beside a call. */
const INTERACTIONS = 10;

async function officeCountry(db: Db, organizationId: string, officeId: string): Promise<string | null> {
  const office = await db.selectFrom("office").select(sql<string | null>`address->>'country'`.as("country")).where("organization_id", "=", organizationId).where("id", "=", officeId).executeTakeFirst();
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return office.country;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * The client(s) a number belongs to (several: the console offers them as candidates) and their
 * last interactions, newest first: calls from the number or the clients, appointments,
 * payments, visits and messages taken.
 */
export async function identifyCaller(actor: Reader, raw: CallIdentifyInput): Promise<CallerIdentification> {
  const input = callIdentifySchema.parse(raw);
  const country = await officeCountry(actor.db, actor.organizationId, input.officeId);
  const number = normalizePhone(input.number, (country ?? undefined) as CountryCode | undefined);
  if (!number) return { number: null, clients: [], interactions: [] };
  const db = actor.db;
  const org = actor.organizationId;
  const rows = await clientsWithNumber(db, org, number);
  const clients = rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    vip: isVip(row.details),
    officeId: row.office_id,
    phones: row.phones,
    emails: row.emails,
    preferredLocale: row.preferred_locale,
    notes: row.notes,
  }));
  const ids = clients.map((client) => client.id);
  const none = ids.length === 0;

  const [calls, appointments, payments, visits, messages] = await Promise.all([
    db
      .selectFrom("call")
      .leftJoin("staff", "staff.id", "call.answered_by")
      .select(["call.id", "call.offered_at", "call.client_id", "call.status", "call.outcome", "staff.display_name as staff_name"])
      .where("call.organization_id", "=", org)
      .where((eb) => (none ? eb("call.caller_number", "=", number) : eb.or([eb("call.caller_number", "=", number), eb("call.client_id", "in", ids)])))
      .orderBy("call.offered_at", "desc")
      .limit(INTERACTIONS)
      .execute(),
    none
      ? []
      : db
          .selectFrom("appointment")
          .innerJoin("service", "service.id", "appointment.service_id")
          .innerJoin("staff", "staff.id", "appointment.staff_id")
          .select(["appointment.id", "appointment.starts_at", "appointment.client_id", "appointment.status", "service.name as service_name", "staff.display_name as staff_name"])
          .where("appointment.organization_id", "=", org)
          .where("appointment.client_id", "in", ids)
          .orderBy("appointment.starts_at", "desc")
          .limit(INTERACTIONS)
          .execute(),
    none
      ? []
      : db
          .selectFrom("payment")
          .select(["id", "created_at", "client_id", "status", "amount_minor", "currency", "method"])
          .where("organization_id", "=", org)
          .where("client_id", "in", ids)
          .orderBy("created_at", "desc")
          .limit(INTERACTIONS)
          .execute(),
    db
      .selectFrom("visit")
      .leftJoin("appointment", "appointment.id", "visit.appointment_id")
      .innerJoin("staff", "staff.id", "visit.host_staff_id")
      .select(["visit.id", "visit.created_at", "visit.checked_in_at", "visit.status", "appointment.client_id", "staff.display_name as host_name"])
      .where("visit.organization_id", "=", org)
      .where("visit.purged_at", "is", null)
      .where((eb) => (none ? eb("visit.phone", "=", number) : eb.or([eb("visit.phone", "=", number), eb("appointment.client_id", "in", ids)])))
      .orderBy("visit.created_at", "desc")
      .limit(INTERACTIONS)
      .execute(),
    db
      .selectFrom("call_message")
      .select(["id", "taken_at", "client_id", "body", "read_at"])
      .where("organization_id", "=", org)
      .where((eb) => (none ? eb("caller_number", "=", number) : eb.or([eb("caller_number", "=", number), eb("client_id", "in", ids)])))
      .orderBy("taken_at", "desc")
      .limit(INTERACTIONS)
      .execute(),
  ]);

  const interactions: CallerInteraction[] = [
    ...calls.map((row): CallerInteraction => ({ kind: "call", id: row.id, at: iso(row.offered_at), clientId: row.client_id, status: row.outcome ?? row.status, summary: row.staff_name ?? "" })),
    ...appointments.map((row): CallerInteraction => ({ kind: "appointment", id: row.id, at: iso(row.starts_at), clientId: row.client_id, status: row.status, summary: `${row.service_name} · ${row.staff_name}` })),
    ...payments.map((row): CallerInteraction => ({ kind: "payment", id: row.id, at: iso(row.created_at), clientId: row.client_id, status: row.status, summary: row.method, amountMinor: row.amount_minor, currency: row.currency })),
    ...visits.map((row): CallerInteraction => ({ kind: "visit", id: row.id, at: iso(row.checked_in_at ?? row.created_at), clientId: row.client_id, status: row.status, summary: row.host_name })),
    ...messages.map((row): CallerInteraction => ({ kind: "message", id: row.id, at: iso(row.taken_at), clientId: row.client_id, status: row.read_at ? "read" : "unread", summary: row.body.slice(0, 80) })),
  ];
  interactions.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
  return { number, clients, interactions: interactions.slice(0, INTERACTIONS) };
}

const seconds = (from: string, to: string | null): number | null => (to === null ? null : Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000)));

/** An office's calls, newest first, with offered/answered/ended times, waits, outcome, who handled them and transfers. */
export async function callLog(actor: Reader, raw: CallLogInput): Promise<CallLogEntry[]> {
  const input = callLogSchema.parse(raw);
  await officeCountry(actor.db, actor.organizationId, input.officeId);
  const calls = await selectCalls(actor.db, actor.organizationId, {
    officeId: input.officeId,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
    clientId: input.clientId,
    limit: input.limit,
  });
  const events = await selectCallEvents(
    actor.db,
    actor.organizationId,
    calls.map((call) => call.id),
  );
  const staffIds = [...new Set(events.flatMap((event) => (event.staff_id && (event.kind === "answered" || event.kind === "transferred") ? [event.staff_id] : [])))];
  const names = new Map(
    staffIds.length === 0
      ? []
      : (await actor.db.selectFrom("staff").select(["id", "display_name"]).where("organization_id", "=", actor.organizationId).where("id", "in", staffIds).execute()).map((row) => [row.id, row.display_name] as const),
  );
  const byCall = new Map<string, CallEventView[]>();
  for (const event of events) {
    const list = byCall.get(event.call_id) ?? [];
    list.push({ kind: event.kind, at: iso(event.at), staffId: event.staff_id, departmentId: event.department_id, details: event.details });
    byCall.set(event.call_id, list);
  }
  return calls.map((call) => {
    const own = byCall.get(call.id) ?? [];
    const handlers: string[] = [];
    for (const event of own) {
      // Who took it: whoever answered, and the target who accepted an announced transfer.
      const handler = event.kind === "answered" || (event.kind === "transferred" && event.details.mode === "announced") ? event.staffId : null;
      if (handler && !handlers.includes(handler)) handlers.push(handler);
    }
    return {
      ...call,
      waitSeconds: seconds(call.offeredAt, call.answeredAt ?? call.endedAt),
      talkSeconds: call.answeredAt ? seconds(call.answeredAt, call.endedAt) : null,
      handledBy: handlers.map((id) => ({ id, displayName: names.get(id) ?? "" })),
      transfers: own.filter((event) => event.kind === "transferred").length,
      transfersReturned: own.filter((event) => event.kind === "transfer_returned").length,
      events: own,
    };
  });
}
