import {
  DomainError,
  ICS_IMPORT_MAX_BYTES,
  agendaCompleteSchema,
  agendaDaySchema,
  agendaEntryInputSchema,
  agendaEntryRefSchema,
  agendaEntryUpdateSchema,
  agendaImportSchema,
  agendaRangeSchema,
  agendaSkipSchema,
  can,
  delegateSchema,
  normalizePhone,
  type AgendaCompleteInput,
  type AgendaDay,
  type AgendaDayQuery,
  type AgendaEntry,
  type AgendaEntryInput,
  type AgendaEntryRef,
  type AgendaEntryUpdateInput,
  type AgendaImportInput,
  type AgendaImportResult,
  type AgendaItem,
  type AgendaRangeQuery,
  type AgendaSkipInput,
  type CountryCode,
  type DelegateInput,
  type DelegateLink,
  type ErrorCode,
  type OverlappedAppointment,
} from "@frontoffice/domain";
import { SchedulingError, Temporal, expandRecurrence, parseICalendar, toICalendar, type CalendarEvent, type ParsedEvent } from "@frontoffice/scheduling";
import { jsonb, type AgendaEntryRow, type Database } from "@frontoffice/db";
import type { Kysely, Transaction } from "kysely";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findClientForBooking, liveBookings, lockStaffTime, selectAppointments } from "../appointments/queries.js";
import {
  deleteDelegate,
  deleteEntryRow,
  findEntry,
  findStaffCalendar,
  findStaffCountry,
  importedEntries,
  insertDelegate,
  insertEntry,
  isDelegate,
  lockEntry,
  selectBlocks,
  selectDelegates,
  selectEntries,
  updateEntryRow,
  type AgendaEntryWithClient,
} from "./queries.js";

type Executor = Kysely<Database> | Transaction<Database>;
type Reader = Pick<Actor, "db" | "organizationId" | "staffId" | "roles">;

const ENTITY = "agenda_entry";
const DELEGATE = "staff_delegate";
const MINUTE_MS = 60_000;

// --- Access ---------------------------------------------------------------------------------------

/**
 * A calendar is kept by its owner, their delegates (assistants) and whoever manages staff; anyone
 * else is refused. A staff member of another organization is not found.
 */
async function calendarOf(db: Executor, actor: Reader, staffId: string) {
  const staff = await findStaffCalendar(db, actor.organizationId, staffId);
  if (!staff) throw new DomainError("NOT_FOUND", "staff member");
  if (staffId === actor.staffId || can(actor.roles, "staff.manage") || (await isDelegate(db, actor.organizationId, staffId, actor.staffId))) return staff;
  throw new DomainError("FORBIDDEN", "another staff member's calendar");
}

// --- Recurrence -----------------------------------------------------------------------------------

const SCHEDULING_CODES: Readonly<Partial<Record<string, ErrorCode>>> = {
  RECURRENCE_INVALID: "RECURRENCE_INVALID",
  RECURRENCE_UNBOUNDED: "RECURRENCE_UNBOUNDED",
  RECURRENCE_TOO_LONG: "RECURRENCE_TOO_LONG",
  ICS_MALFORMED: "ICS_MALFORMED",
  ICS_TOO_LARGE: "ICS_TOO_LARGE",
};

/** A scheduling package error as the domain error a person reads. */
function toDomainError(error: unknown): unknown {
  if (!(error instanceof SchedulingError)) return error;
  const code = SCHEDULING_CODES[error.code];
  if (code) return new DomainError(code, error.message, { ...error.details });
  return new DomainError("VALIDATION_FAILED", error.message, { issues: [{ path: ["rrule"], key: "validation.invalid" }] });
}

/** The wall-clock time of an instant in a zone, as DTSTART and EXDATE take it (`2026-11-24T09:00:00`). */
function localDateTime(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: "second" });
}

interface Timing {
  start: number;
  end: number | null;
  timeZone: string;
  rrule: string | null;
  exdates: readonly string[];
}

interface Occurrence {
  start: number;
  end: number | null;
}

/**
 * The occurrences of an entry: itself, or its series expanded in its zone without the skipped
 * ones. Throws the scheduling package's errors (unbounded, too long, unreadable).
 */
function occurrences(timing: Timing): Occurrence[] {
  if (!timing.rrule) return [{ start: timing.start, end: timing.end }];
  const durationMs = timing.end === null ? MINUTE_MS : timing.end - timing.start;
  const ranges = expandRecurrence({
    start: localDateTime(timing.start, timing.timeZone),
    timeZone: timing.timeZone,
    rrule: timing.rrule,
    exdates: timing.exdates.map((exdate) => (exdate.length === 10 ? exdate : localDateTime(Date.parse(exdate), timing.timeZone))),
    durationMinutes: Math.max(1, Math.round(durationMs / MINUTE_MS)),
  });
  return ranges.map((range) => {
    const start = Date.parse(range.start);
    return { start, end: timing.end === null ? null : start + durationMs };
  });
}

/** When the last occurrence ends (for a series with none left, its first one's end). */
function seriesEnd(timing: Timing): Date {
  const last = occurrences(timing).at(-1);
  return new Date(Math.max(last?.end ?? last?.start ?? 0, timing.end ?? timing.start));
}

function timingOf(row: Pick<AgendaEntryRow, "starts_at" | "ends_at" | "time_zone" | "rrule" | "exdates">): Timing {
  return {
    start: new Date(row.starts_at).getTime(),
    end: row.ends_at === null ? null : new Date(row.ends_at).getTime(),
    timeZone: row.time_zone,
    rrule: row.rrule,
    exdates: row.exdates,
  };
}

/**
 * The blocks of some staff as busy ranges touching `span`, repeating ones expanded: what slots
 * and bookings treat like time off. One query whatever the number of staff.
 */
export async function busyBlocks(db: Executor, organizationId: string, staffIds: readonly string[], span: { from: number; to: number }) {
  const rows = await selectBlocks(db, organizationId, { staffIds, from: new Date(span.from), to: new Date(span.to) });
  return rows.flatMap((row) =>
    occurrences(timingOf(row))
      .filter((occurrence) => occurrence.start < span.to && (occurrence.end ?? occurrence.start) > span.from)
      .map((occurrence) => ({ staff_id: row.staff_id, starts_at: new Date(occurrence.start), ends_at: new Date(occurrence.end ?? occurrence.start) })),
  );
}

// --- Reading --------------------------------------------------------------------------------------

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toEntry(row: AgendaEntryWithClient): AgendaEntry {
  return {
    id: row.id,
    staffId: row.staff_id,
    kind: row.kind,
    title: row.title,
    notes: row.notes,
    start: new Date(row.starts_at).toISOString(),
    end: iso(row.ends_at),
    timeZone: row.time_zone,
    rrule: row.rrule,
    exdates: row.exdates,
    doneOccurrences: row.done_occurrences,
    clientId: row.client_id,
    clientName: row.client_name,
    phone: row.phone,
    status: row.status,
    doneAt: iso(row.done_at),
    source: row.source,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

async function getEntry(db: Executor, organizationId: string, id: string): Promise<AgendaEntry> {
  const row = await findEntry(db, organizationId, id);
  if (!row) throw new DomainError("NOT_FOUND", "agenda entry");
  return toEntry(row);
}

/**
 * A staff member's calendar over office-local dates (in their zone): appointments (not
 * cancelled) and the occurrences of their blocks, tasks and call-backs, in time order.
 */
export async function agendaRange(actor: Reader, raw: AgendaRangeQuery): Promise<AgendaDay> {
  const query = agendaRangeSchema.parse(raw);
  const staff = await calendarOf(actor.db, actor, query.staffId);
  const from = Temporal.PlainDate.from(query.from).toZonedDateTime({ timeZone: staff.time_zone }).epochMilliseconds;
  const to = Temporal.PlainDate.from(query.to).add({ days: 1 }).toZonedDateTime({ timeZone: staff.time_zone }).epochMilliseconds;
  const appointments = await selectAppointments(actor.db, actor.organizationId, { staffIds: [staff.id], from: new Date(from), to: new Date(to) });
  const rows = await selectEntries(actor.db, actor.organizationId, staff.id, new Date(from), new Date(to));
  const items: AgendaItem[] = appointments
    .filter((appointment) => appointment.status !== "cancelled")
    .map((appointment) => ({ type: "appointment", key: appointment.id, start: appointment.start, end: appointment.end, appointment }));
  for (const row of rows) {
    const entry = toEntry(row);
    for (const occurrence of occurrences(timingOf(row))) {
      const inside = occurrence.end === null ? occurrence.start >= from && occurrence.start < to : occurrence.start < to && occurrence.end > from;
      if (!inside) continue;
      const start = new Date(occurrence.start).toISOString();
      items.push({
        type: "entry",
        key: row.rrule ? `${row.id}@${start}` : row.id,
        start,
        end: iso(occurrence.end === null ? null : new Date(occurrence.end)),
        occurrenceStart: row.rrule ? start : null,
        done: row.rrule ? entry.doneOccurrences.includes(start) : entry.status === "done",
        entry,
      });
    }
  }
  items.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.key.localeCompare(b.key));
  return { staffId: staff.id, staffName: staff.display_name, timeZone: staff.time_zone, from: new Date(from).toISOString(), to: new Date(to).toISOString(), items };
}

export async function agendaDay(actor: Reader, raw: AgendaDayQuery): Promise<AgendaDay> {
  const query = agendaDaySchema.parse(raw);
  return agendaRange(actor, { staffId: query.staffId, from: query.date, to: query.date });
}

/**
 * A day as an iCalendar file to download: its appointments and the day's occurrences of blocks,
 * tasks and call-backs, each as a one-off event in the staff member's zone.
 */
export async function exportDay(actor: Reader & Pick<Actor, "clock">, raw: AgendaDayQuery): Promise<{ filename: string; ics: string }> {
  const day = await agendaDay(actor, raw);
  const events: CalendarEvent[] = day.items.map((item) => {
    if (item.type === "appointment") {
      const { appointment } = item;
      return { uid: `appointment-${appointment.id}@frontoffice`, start: item.start, end: item.end, summary: `${appointment.clientName} · ${appointment.serviceName}`, timeZone: day.timeZone, status: "CONFIRMED", sequence: appointment.version };
    }
    const { entry } = item;
    const contact = [entry.clientName, entry.phone].filter(Boolean).join(" · ");
    const description = [contact, entry.notes].filter(Boolean).join("\n");
    return {
      uid: `agenda-${entry.id}${item.occurrenceStart ? `-${Date.parse(item.occurrenceStart)}` : ""}@frontoffice`,
      start: item.start,
      end: item.end ?? item.start,
      summary: entry.title,
      ...(description ? { description } : {}),
      timeZone: day.timeZone,
      status: "CONFIRMED",
      sequence: entry.version,
    };
  });
  const ics = toICalendar(events, { clock: { now: () => Temporal.Instant.fromEpochMilliseconds(actor.clock.now().getTime()) }, name: day.staffName });
  return { filename: `agenda-${agendaDaySchema.parse(raw).date}.ics`, ics };
}

// --- Writing --------------------------------------------------------------------------------------

function invalidField(field: string, key: string): DomainError {
  return new DomainError("VALIDATION_FAILED", `${field}: ${key}`, { issues: [{ path: [field], key }] });
}

async function normalizedPhone(db: Executor, actor: Reader, staffId: string, phone: string | null | undefined): Promise<string | null> {
  if (!phone) return null;
  const country = await findStaffCountry(db, actor.organizationId, staffId);
  const e164 = normalizePhone(phone, country as CountryCode | undefined);
  if (!e164) throw invalidField("phone", "validation.phone_invalid");
  return e164;
}

async function checkClient(db: Executor, actor: Reader, clientId: string | null | undefined): Promise<string | null> {
  if (!clientId) return null;
  const client = await findClientForBooking(db, actor.organizationId, clientId);
  if (!client) throw new DomainError("NOT_FOUND", "client not found");
  if (client.archived_at) throw new DomainError("CLIENT_ARCHIVED");
  return client.id;
}

/** Runs a write in a transaction, with scheduling errors (RRULE, ICS) turned into domain errors. */
async function write<T>(actor: Actor, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await actor.db.transaction().execute(work);
  } catch (error) {
    throw toDomainError(error);
  }
}

/** What an entry's audit record shows of it. */
function audited(entry: AgendaEntry): Record<string, unknown> {
  return {
    staffId: entry.staffId,
    kind: entry.kind,
    title: entry.title,
    start: entry.start,
    end: entry.end,
    rrule: entry.rrule,
    exdates: entry.exdates,
    doneOccurrences: entry.doneOccurrences,
    clientId: entry.clientId,
    phone: entry.phone,
    status: entry.status,
  };
}

function created(entry: AgendaEntry) {
  return diffFields({}, audited(entry));
}

/** The live appointments of a staff member that an occurrence of a block covers (buffers included). */
async function appointmentsUnder(trx: Transaction<Database>, organizationId: string, staffId: string, timing: Timing): Promise<OverlappedAppointment[]> {
  const spans = occurrences(timing).map((occurrence) => ({ start: occurrence.start, end: occurrence.end ?? occurrence.start }));
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return [];
  const booked = await liveBookings(trx, organizationId, [staffId], new Date(first.start), new Date(last.end));
  const covered = booked.filter((booking) => spans.some((span) => span.start < new Date(booking.blocked_until).getTime() && span.end > new Date(booking.blocked_from).getTime()));
  if (covered.length === 0) return [];
  const appointments = await selectAppointments(trx, organizationId, { ids: covered.map((booking) => booking.id) });
  return appointments.map((appointment) => ({ id: appointment.id, start: appointment.start, end: appointment.end, clientName: appointment.clientName, serviceName: appointment.serviceName }));
}

/**
 * A block takes the staff member's time: under the lock bookings take too (so neither can slip
 * past the other), it is refused over live appointments, listing them, unless the caller saw
 * them and keeps it anyway (`allowOverAppointments`).
 */
async function claimTimeForBlock(trx: Transaction<Database>, organizationId: string, staffId: string, timing: Timing, allowOverAppointments: boolean | undefined): Promise<void> {
  await lockStaffTime(trx, staffId);
  if (allowOverAppointments) return;
  const overlapping = await appointmentsUnder(trx, organizationId, staffId, timing);
  if (overlapping.length > 0) throw new DomainError("BLOCK_OVER_APPOINTMENTS", "the block covers appointments", { overlappingAppointments: overlapping });
}

export async function createEntry(actor: Actor, raw: AgendaEntryInput): Promise<AgendaEntry> {
  const input = agendaEntryInputSchema.parse(raw);
  return write(actor, async (trx) => {
    const staff = await calendarOf(trx, actor, input.staffId);
    const phone = await normalizedPhone(trx, actor, staff.id, input.phone);
    const clientId = await checkClient(trx, actor, input.clientId);
    const timing: Timing = { start: Date.parse(input.start), end: input.end ? Date.parse(input.end) : null, timeZone: staff.time_zone, rrule: input.rrule ?? null, exdates: [] };
    if (input.kind === "block") await claimTimeForBlock(trx, actor.organizationId, staff.id, timing, input.allowOverAppointments);
    const at = actor.clock.now();
    const id = await insertEntry(trx, {
      organization_id: actor.organizationId,
      staff_id: staff.id,
      kind: input.kind,
      title: input.title,
      notes: input.notes ?? "",
      starts_at: new Date(timing.start),
      ends_at: timing.end === null ? null : new Date(timing.end),
      time_zone: timing.timeZone,
      rrule: timing.rrule,
      series_ends_at: seriesEnd(timing),
      client_id: clientId,
      phone,
      created_at: at,
      updated_at: at,
      created_by: actor.staffId,
      updated_by: actor.staffId,
    });
    const entry = await getEntry(trx, actor.organizationId, id);
    await recordChangeBy(trx, actor, { type: ENTITY, id }, "create", created(entry), at);
    return entry;
  });
}

/** Locks an entry the actor may keep, at the version they saw. */
async function lockAt(trx: Transaction<Database>, actor: Actor, id: string, version: number): Promise<AgendaEntryRow> {
  const row = await lockEntry(trx, actor.organizationId, id);
  if (!row) throw new DomainError("NOT_FOUND", "agenda entry");
  await calendarOf(trx, actor, row.staff_id);
  if (row.version !== version) throw new DomainError("AGENDA_VERSION_CONFLICT", undefined, { currentVersion: row.version });
  return row;
}

/** Writes the next version of a locked entry, audits the difference and returns it. */
async function saveChange(trx: Transaction<Database>, actor: Actor, row: AgendaEntryRow, set: Parameters<typeof updateEntryRow>[4], action: "update" | "status" | "cancel"): Promise<AgendaEntry> {
  const before = await getEntry(trx, actor.organizationId, row.id);
  const at = actor.clock.now();
  if (!(await updateEntryRow(trx, actor.organizationId, row.id, row.version, { ...set, updated_at: at, updated_by: actor.staffId }))) {
    throw new DomainError("AGENDA_VERSION_CONFLICT");
  }
  const after = await getEntry(trx, actor.organizationId, row.id);
  const changes = diffFields(audited(before), audited(after));
  if (Object.keys(changes).length > 0) await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, action, changes, at);
  return after;
}

export async function updateEntry(actor: Actor, raw: AgendaEntryUpdateInput): Promise<AgendaEntry> {
  const input = agendaEntryUpdateSchema.parse(raw);
  return write(actor, async (trx) => {
    const row = await lockAt(trx, actor, input.id, input.version);
    if (row.status === "cancelled") throw new DomainError("AGENDA_ENTRY_CLOSED");
    const timing: Timing = {
      ...timingOf(row),
      ...(input.start === undefined ? {} : { start: Date.parse(input.start) }),
      ...(input.end === undefined ? {} : { end: input.end === null ? null : Date.parse(input.end) }),
      ...(input.rrule === undefined ? {} : { rrule: input.rrule }),
    };
    if (row.kind === "block" && timing.end === null) throw invalidField("end", "validation.required");
    if (timing.end !== null && timing.end <= timing.start) throw invalidField("end", "validation.time_range_invalid");
    // A new start or rule makes the skipped (and done) occurrences meaningless.
    const sameSeries = timing.start === timingOf(row).start && timing.rrule === row.rrule;
    const exdates = sameSeries ? row.exdates : [];
    const moved = !sameSeries || timing.end !== timingOf(row).end;
    if (row.kind === "block" && moved) await claimTimeForBlock(trx, actor.organizationId, row.staff_id, { ...timing, exdates }, input.allowOverAppointments);
    const phone = input.phone === undefined ? row.phone : await normalizedPhone(trx, actor, row.staff_id, input.phone);
    const clientId = input.clientId === undefined ? row.client_id : await checkClient(trx, actor, input.clientId);
    if (row.kind !== "callback" && (phone || clientId)) throw invalidField("phone", "validation.invalid");
    if (row.kind === "callback" && !phone && !clientId) throw invalidField("phone", "validation.required");
    return saveChange(trx, actor, row, {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.notes === undefined ? {} : { notes: input.notes }),
      starts_at: new Date(timing.start),
      ends_at: timing.end === null ? null : new Date(timing.end),
      rrule: timing.rrule,
      exdates: jsonb(exdates),
      done_occurrences: jsonb(sameSeries ? row.done_occurrences : []),
      series_ends_at: seriesEnd({ ...timing, exdates }),
      client_id: clientId,
      phone,
    }, "update");
  });
}

/**
 * Ticks a task or call-back done, or open again. A repeating one, one occurrence at a time (kept
 * like skipped ones): the rest of the series stays open.
 */
export async function completeEntry(actor: Actor, raw: AgendaCompleteInput): Promise<AgendaEntry> {
  const input = agendaCompleteSchema.parse(raw);
  return write(actor, async (trx) => {
    const row = await lockAt(trx, actor, input.id, input.version);
    if (row.status === "cancelled") throw new DomainError("AGENDA_ENTRY_CLOSED");
    if (row.kind === "block") throw invalidField("id", "validation.invalid");
    if (row.rrule) {
      if (!input.occurrenceStart) throw invalidField("occurrenceStart", "validation.required");
      const when = Date.parse(input.occurrenceStart);
      if (!occurrences(timingOf(row)).some((occurrence) => occurrence.start === when)) throw new DomainError("NOT_FOUND", "no such occurrence");
      const key = new Date(when).toISOString();
      if (row.done_occurrences.includes(key) === input.done) return getEntry(trx, actor.organizationId, row.id);
      const done = input.done ? [...row.done_occurrences, key].sort() : row.done_occurrences.filter((start) => start !== key);
      return saveChange(trx, actor, row, { done_occurrences: jsonb(done) }, "status");
    }
    if ((row.status === "done") === input.done) return getEntry(trx, actor.organizationId, row.id);
    const at = actor.clock.now();
    return saveChange(trx, actor, row, input.done ? { status: "done", done_at: at, done_by: actor.staffId } : { status: "open", done_at: null, done_by: null }, "status");
  });
}

export async function cancelEntry(actor: Actor, raw: AgendaEntryRef): Promise<AgendaEntry> {
  const input = agendaEntryRefSchema.parse(raw);
  return write(actor, async (trx) => {
    const row = await lockAt(trx, actor, input.id, input.version);
    if (row.status === "cancelled") throw new DomainError("AGENDA_ENTRY_CLOSED");
    return saveChange(trx, actor, row, { status: "cancelled", done_at: null, done_by: null }, "cancel");
  });
}

export async function removeEntry(actor: Actor, raw: AgendaEntryRef): Promise<AgendaEntry> {
  const input = agendaEntryRefSchema.parse(raw);
  return write(actor, async (trx) => {
    const row = await lockAt(trx, actor, input.id, input.version);
    const entry = await getEntry(trx, actor.organizationId, row.id);
    await deleteEntryRow(trx, actor.organizationId, row.id);
    await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, "delete", diffFields(audited(entry), {}), actor.clock.now());
    return entry;
  });
}

/** Skips one occurrence of a repeating entry (an exception date); the rest of the series stays. */
export async function skipOccurrence(actor: Actor, raw: AgendaSkipInput): Promise<AgendaEntry> {
  const input = agendaSkipSchema.parse(raw);
  return write(actor, async (trx) => {
    const row = await lockAt(trx, actor, input.id, input.version);
    if (row.status === "cancelled") throw new DomainError("AGENDA_ENTRY_CLOSED");
    const skipped = Date.parse(input.occurrenceStart);
    const timing = timingOf(row);
    if (!row.rrule || !occurrences(timing).some((occurrence) => occurrence.start === skipped)) throw new DomainError("NOT_FOUND", "no such occurrence");
    const exdates = [...row.exdates, new Date(skipped).toISOString()];
    return saveChange(trx, actor, row, { exdates: jsonb(exdates), series_ends_at: seriesEnd({ ...timing, exdates }) }, "update");
  });
}

// --- Import ---------------------------------------------------------------------------------------

/** The fields of a block an .ics event becomes, or undefined when it is not imported. */
function blockFromEvent(event: ParsedEvent) {
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  if (event.status === "CANCELLED" || event.recurrenceId !== undefined || !(end > start) || event.uid.length > 500) return undefined;
  const timing: Timing = { start, end, timeZone: event.timeZone, rrule: event.rrule?.replace(/^RRULE:/i, "") ?? null, exdates: [...event.exdates] };
  let last: Date;
  try {
    last = seriesEnd(timing);
  } catch (error) {
    if (error instanceof SchedulingError) return undefined;
    throw error;
  }
  const title = (event.summary ?? "").trim().slice(0, 200) || (event.location ?? "").trim().slice(0, 200) || "—";
  return { timing, last, title, notes: (event.description ?? "").trim().slice(0, 2000) };
}

/**
 * Imports the events of an .ics file as blocks in a staff member's calendar. Each event is known
 * by its UID: a re-import updates what changed and adds nothing. Cancelled events, changed single
 * occurrences (RECURRENCE-ID) and series without an end or too long are skipped.
 */
export async function importIcs(actor: Actor, raw: AgendaImportInput): Promise<AgendaImportResult> {
  const input = agendaImportSchema.parse(raw);
  return write(actor, async (trx) => {
    const staff = await calendarOf(trx, actor, input.staffId);
    const calendar = parseICalendar(input.ics, { maxBytes: ICS_IMPORT_MAX_BYTES, maxEvents: 2000, defaultTimeZone: staff.time_zone });
    const existing = await importedEntries(trx, actor.organizationId, staff.id, calendar.events.map((event) => event.uid));
    const result: AgendaImportResult = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
    const seen = new Set<string>();
    const at = actor.clock.now();
    for (const event of calendar.events) {
      const block = seen.has(event.uid) ? undefined : blockFromEvent(event);
      if (!block) {
        result.skipped++;
        continue;
      }
      seen.add(event.uid);
      const fields = {
        title: block.title,
        notes: block.notes,
        starts_at: new Date(block.timing.start),
        ends_at: new Date(block.timing.end as number),
        time_zone: block.timing.timeZone,
        rrule: block.timing.rrule,
        exdates: jsonb(block.timing.exdates as string[]),
        series_ends_at: block.last,
      };
      const row = existing.get(event.uid);
      if (!row) {
        const id = await insertEntry(trx, {
          organization_id: actor.organizationId,
          staff_id: staff.id,
          kind: "block",
          ...fields,
          source: "ics",
          ics_uid: event.uid,
          created_at: at,
          updated_at: at,
          created_by: actor.staffId,
          updated_by: actor.staffId,
        });
        await recordChangeBy(trx, actor, { type: ENTITY, id }, "create", created(await getEntry(trx, actor.organizationId, id)), at);
        result.added++;
        continue;
      }
      const same =
        row.kind === "block" &&
        row.status !== "cancelled" &&
        row.title === fields.title &&
        row.notes === fields.notes &&
        new Date(row.starts_at).getTime() === block.timing.start &&
        new Date(row.ends_at ?? 0).getTime() === block.timing.end &&
        row.time_zone === fields.time_zone &&
        row.rrule === fields.rrule &&
        JSON.stringify(row.exdates) === JSON.stringify(block.timing.exdates);
      if (same || row.kind !== "block") {
        result[same ? "unchanged" : "skipped"]++;
        continue;
      }
      await saveChange(trx, actor, row, { ...fields, status: "open" }, "update");
      result.updated++;
    }
    return result;
  });
}

// --- Delegates ------------------------------------------------------------------------------------

function toLink(row: Awaited<ReturnType<typeof selectDelegates>>[number]): DelegateLink {
  return {
    principalStaffId: row.principal_staff_id,
    principalName: row.principal_name,
    delegateStaffId: row.delegate_staff_id,
    delegateName: row.delegate_name,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Delegates are managed by the principal themself or by whoever manages staff. */
async function checkPrincipal(db: Executor, actor: Reader, principalStaffId: string): Promise<void> {
  if (!(await findStaffCalendar(db, actor.organizationId, principalStaffId))) throw new DomainError("NOT_FOUND", "staff member");
  if (principalStaffId !== actor.staffId && !can(actor.roles, "staff.manage")) throw new DomainError("FORBIDDEN", "another staff member's delegates");
}

/** The assistants of a principal: visible to whoever may keep that calendar. */
export async function listDelegates(actor: Reader, input: { principalStaffId: string }): Promise<DelegateLink[]> {
  await calendarOf(actor.db, actor, input.principalStaffId);
  return (await selectDelegates(actor.db, actor.organizationId, { principalStaffId: input.principalStaffId })).map(toLink);
}

/** The calendars the actor keeps as a delegate (active principals). */
export async function myPrincipals(actor: Reader): Promise<DelegateLink[]> {
  return (await selectDelegates(actor.db, actor.organizationId, { delegateStaffId: actor.staffId })).map(toLink);
}

export async function addDelegate(actor: Actor, raw: DelegateInput): Promise<DelegateLink[]> {
  const input = delegateSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    await checkPrincipal(trx, actor, input.principalStaffId);
    if (!(await findStaffCalendar(trx, actor.organizationId, input.delegateStaffId))) throw new DomainError("NOT_FOUND", "staff member");
    const at = actor.clock.now();
    if (await insertDelegate(trx, { organizationId: actor.organizationId, principalStaffId: input.principalStaffId, delegateStaffId: input.delegateStaffId, by: actor.staffId, at })) {
      await recordChangeBy(trx, actor, { type: DELEGATE, id: `${input.principalStaffId}:${input.delegateStaffId}` }, "create", { delegateStaffId: { from: null, to: input.delegateStaffId } }, at);
    }
    return (await selectDelegates(trx, actor.organizationId, { principalStaffId: input.principalStaffId })).map(toLink);
  });
}

export async function removeDelegate(actor: Actor, raw: DelegateInput): Promise<DelegateLink[]> {
  const input = delegateSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    await checkPrincipal(trx, actor, input.principalStaffId);
    if (!(await deleteDelegate(trx, actor.organizationId, input.principalStaffId, input.delegateStaffId))) throw new DomainError("NOT_FOUND", "delegate");
    await recordChangeBy(trx, actor, { type: DELEGATE, id: `${input.principalStaffId}:${input.delegateStaffId}` }, "delete", { delegateStaffId: { from: input.delegateStaffId, to: null } }, actor.clock.now());
    return (await selectDelegates(trx, actor.organizationId, { principalStaffId: input.principalStaffId })).map(toLink);
  });
}
