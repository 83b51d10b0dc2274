import {
  DomainError,
  agendaQuerySchema,
  bookAppointmentSchema,
  canTransition,
  slotsQuerySchema,
  type AgendaQuery,
  type Appointment,
  type AppointmentStatus,
  type AuditEntry,
  type BookAppointmentInput,
  type CancelAppointmentInput,
  type ErrorCode,
  type Resource,
  type OfficeBookingPolicy,
  type RescheduleAppointmentInput,
  type Service,
  type SlotOffer,
  type SlotsQuery,
} from "@frontoffice/domain";
import {
  SchedulingError,
  Temporal,
  findSlots,
  nextFreeSlots,
  publicHolidays,
  validateBookingRequest,
  type BookingPolicy,
  type Calendar,
  type Clock as SchedulingClock,
  type HolidayRegion,
  type Service as SchedulingService,
  type Slot,
} from "@frontoffice/scheduling";
import type { AppointmentUpdate, Database } from "@frontoffice/db";
import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../../clock.js";
import { violatesCheckConstraint, violatesExclusionConstraint } from "../../database-errors.js";
import type { Actor } from "../../trpc/actor.js";
import { listAuditEntries, recordChangeBy } from "../audit/queries.js";
import { busyBlocks } from "../agenda/service.js";
import { findWeeklyHours, selectOverrides, selectTimeOff } from "../schedules/queries.js";
import { offerFreedTime } from "../waitlist/queries.js";
import { holdRoom, resourceCalendars, roomsForService } from "../resources/calendars.js";
import { findOfficeStaffIds, findService } from "../services/queries.js";
import {
  NO_OVERLAP_CONSTRAINT,
  RESOURCE_NO_OVERLAP_CONSTRAINT,
  RESOURCE_SEAT_CAPACITY_CHECK,
  findAppointmentRow,
  findClientForBooking,
  findOfficeContext,
  insertAppointment,
  lastBookedAt,
  liveBookings,
  lockStaffTime,
  selectAppointments,
  staffNames,
  updateAppointmentRow,
} from "./queries.js";

type Executor = Kysely<Database> | Transaction<Database>;
type Reader = Pick<Actor, "db" | "organizationId" | "clock">;

const ENTITY = "appointment";
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** How many free slots a conflict offers instead. */
export const NEXT_SLOTS_ON_CONFLICT = 3;
/** Statuses an appointment can still be moved or cancelled from. */
const OPEN_STATUSES: readonly AppointmentStatus[] = ["booked", "confirmed", "checked_in"];

interface OfficeContext {
  id: string;
  timeZone: string;
  country: string | undefined;
  bookingPolicy: OfficeBookingPolicy;
}

/** The office's booking rules as the scheduling package takes them (no step: automatic). */
function policyOf(office: OfficeContext): BookingPolicy {
  const { bookingWindowDays, minimumNoticeMinutes, slotStepMinutes } = office.bookingPolicy;
  return { maxDaysAhead: bookingWindowDays, minimumNoticeMinutes, ...(slotStepMinutes === null ? {} : { stepMinutes: slotStepMinutes }) };
}

export function schedulingClock(clock: Clock): SchedulingClock {
  return { now: () => Temporal.Instant.fromEpochMilliseconds(clock.now().getTime()) };
}

/** The public holidays an office closes on by default: Madrid's for Spain, Italy's for Italy. */
function holidayRegion(country: string | undefined): HolidayRegion | undefined {
  if (country === "ES") return "ES-MD";
  if (country === "IT") return "IT";
  return undefined;
}

function holidaysBetween(office: OfficeContext, from: number, to: number): string[] {
  const region = holidayRegion(office.country);
  if (!region) return [];
  const dates: string[] = [];
  for (let year = new Date(from).getUTCFullYear() - 1; year <= new Date(to).getUTCFullYear() + 1; year++) {
    dates.push(...publicHolidays(region, year).map((holiday) => holiday.date));
  }
  return dates;
}

/** The office-local date of an instant. */
function localDate(instant: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDate();
}

/**
 * The calendars of some staff in one office over `span`: weekly hours, date overrides, holidays,
 * time off and, when `withBookings`, their live appointments (as blocked ranges, buffers
 * included). The same number of queries whatever the number of staff. `rooms` add their
 * calendars (kind "resource", always with their live bookings) in one more query.
 */
async function calendarsFor(
  db: Executor,
  organizationId: string,
  office: OfficeContext,
  staffIds: readonly string[],
  span: { from: number; to: number },
  withBookings = true,
  rooms: readonly Resource[] = [],
): Promise<Calendar[]> {
  const hours = await findWeeklyHours(db, organizationId, office.id, staffIds);
  const overrides = await selectOverrides(db, organizationId, {
    officeId: office.id,
    staffIds,
    from: localDate(span.from, office.timeZone).subtract({ days: 1 }).toString(),
    to: localDate(span.to, office.timeZone).add({ days: 1 }).toString(),
  });
  // Blocks in the staff member's agenda (the employer's day) make them busy like time off.
  const off = [...(await selectTimeOff(db, organizationId, { staffIds, from: new Date(span.from), to: new Date(span.to) })), ...(await busyBlocks(db, organizationId, staffIds, span))];
  const booked = withBookings ? await liveBookings(db, organizationId, staffIds, new Date(span.from), new Date(span.to)) : [];
  const last = withBookings ? await lastBookedAt(db, organizationId, staffIds) : new Map<string, Date>();
  const holidays = holidaysBetween(office, span.from, span.to);
  const staffCalendars: Calendar[] = staffIds.map((id) => ({
    id,
    timeZone: office.timeZone,
    weeklyHours: hours.get(id) ?? {},
    overrides: overrides.filter((row) => row.staff_id === id).map((row) => ({ date: row.date, hours: row.intervals })),
    holidays,
    timeOff: off
      .filter((row) => row.staff_id === id)
      .map((row) => ({ start: new Date(row.starts_at).toISOString(), end: new Date(row.ends_at).toISOString() })),
    lastBookedAt: last.get(id)?.toISOString() ?? null,
    bookings: booked
      .filter((row) => row.staff_id === id)
      .map((row) => ({ id: row.id, start: new Date(row.blocked_from).toISOString(), end: new Date(row.blocked_until).toISOString() })),
  }));
  return [...staffCalendars, ...(await resourceCalendars(db, organizationId, office.timeZone, rooms, span))];
}

/** A service with rooms needs one of its staff and one of its rooms; otherwise one of its staff. */
function schedulingService(service: Service, staffIds: readonly string[], roomIds: readonly string[] = []): SchedulingService {
  return {
    id: service.id,
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    needs: roomIds.length > 0 ? { kind: "staff-and-room", staff: [...staffIds], rooms: [...roomIds] } : { kind: "one-of", ids: [...staffIds] },
  };
}

/** The codes a booking problem surfaces as, in the order a person should hear about them. */
const PROBLEM_CODES: readonly [string, ErrorCode][] = [
  ["UNKNOWN_CALENDAR", "STAFF_NOT_FOUND"],
  ["NEEDS_NOT_MET", "STAFF_CANNOT_PERFORM_SERVICE"],
  ["DURATION_NOT_MULTIPLE_OF_STEP", "DURATION_NOT_MULTIPLE_OF_STEP"],
  ["IN_THE_PAST", "IN_THE_PAST"],
  ["INSIDE_MINIMUM_NOTICE", "INSIDE_MINIMUM_NOTICE"],
  ["BEYOND_BOOKING_WINDOW", "BEYOND_BOOKING_WINDOW"],
  ["HOLIDAY", "HOLIDAY"],
  ["OUTSIDE_WORKING_HOURS", "OUTSIDE_WORKING_HOURS"],
  ["TIME_OFF", "TIME_OFF"],
  ["START_NOT_ON_STEP", "START_NOT_ON_STEP"],
  ["SLOT_TAKEN", "APPOINTMENT_CONFLICT"],
  ["CAPACITY_EXCEEDED", "APPOINTMENT_CONFLICT"],
];

/** The scheduling package's problems as one domain error (the most telling one). */
export function toDomainError(problems: readonly SchedulingError[]): DomainError {
  for (const [schedulingCode, code] of PROBLEM_CODES) {
    const problem = problems.find((item) => item.code === schedulingCode);
    if (problem) return new DomainError(code, problem.message, { ...problem.details });
  }
  const first = problems[0];
  return new DomainError("VALIDATION_FAILED", first?.message, { issues: [{ path: ["start"], key: "validation.invalid" }] });
}

async function withSchedulingErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SchedulingError) throw toDomainError([error]);
    throw error;
  }
}

/** The service (active), its office, and who may be booked for it (active, in the office). */
async function bookingContext(db: Executor, actor: Pick<Actor, "organizationId">, serviceId: string, wanted: readonly string[] | undefined, includeInactive = false) {
  const service = await findService(db, actor.organizationId, serviceId, { includeInactive });
  if (!service) throw new DomainError("SERVICE_NOT_FOUND");
  const office = await findOfficeContext(db, actor.organizationId, service.officeId);
  if (!office) throw new DomainError("SERVICE_NOT_FOUND");
  if (wanted) {
    const foreign = wanted.filter((id) => !service.staffIds.includes(id));
    if (foreign.length > 0) {
      const known = await staffNames(db, actor.organizationId, foreign);
      throw new DomainError(known.size === foreign.length ? "STAFF_CANNOT_PERFORM_SERVICE" : "STAFF_NOT_FOUND", undefined, { staffIds: foreign });
    }
  }
  const active = await findOfficeStaffIds(db, actor.organizationId, office.id, wanted ?? service.staffIds);
  const staffIds = (wanted ?? service.staffIds).filter((id) => active.includes(id));
  if (wanted && staffIds.length < wanted.length) throw new DomainError("STAFF_NOT_FOUND", "staff inactive or not in the office");
  return { service, office, staffIds };
}

async function toOffers(db: Executor, organizationId: string, slots: readonly Slot[], rooms: readonly Resource[] = []): Promise<SlotOffer[]> {
  const names = await staffNames(db, organizationId, [...new Set(slots.flatMap((slot) => slot.staff))]);
  return slots.map((slot) => {
    const staffId = slot.staff[0] ?? "";
    const room = rooms.find((candidate) => candidate.id === slot.resources[0]);
    return { start: slot.start, end: slot.end, staffId, staffName: names.get(staffId) ?? "", resourceId: room?.id ?? null, resourceName: room?.name ?? null };
  });
}

/** The first instant of an office-local date. */
function startOfLocalDay(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

/** Free slots for a service over some office-local days, with who would take each. */
export async function findFreeSlots(actor: Reader, raw: SlotsQuery): Promise<SlotOffer[]> {
  const query = slotsQuerySchema.parse(raw);
  return withSchedulingErrors(async () => {
    const { service, office, staffIds } = await bookingContext(actor.db, actor, query.serviceId, query.staffIds);
    if (staffIds.length === 0) return [];
    const rooms = await roomsForService(actor.db, actor.organizationId, service);
    const from = startOfLocalDay(query.from, office.timeZone);
    const to = Temporal.PlainDate.from(query.from).add({ days: query.days }).toZonedDateTime({ timeZone: office.timeZone }).epochMilliseconds;
    const margin = 2 * 60 * MINUTE_MS;
    const candidates = await calendarsFor(actor.db, actor.organizationId, office, staffIds, { from: from - margin, to: to + margin }, true, rooms);
    const slots = findSlots({
      service: schedulingService(service, staffIds, rooms.map((room) => room.id)),
      candidates,
      window: { start: new Date(from).toISOString(), end: new Date(to).toISOString() },
      clock: schedulingClock(actor.clock),
      policy: policyOf(office),
      timeZone: office.timeZone,
      limit: query.limit,
    });
    return toOffers(actor.db, actor.organizationId, slots, rooms);
  });
}

/** The next free slots for a service with these staff (and rooms), from `from` on: what a conflict offers. */
export async function nextSlots(
  actor: Reader,
  service: Service,
  office: OfficeContext,
  staffIds: readonly string[],
  from: string,
  count = NEXT_SLOTS_ON_CONFLICT,
  rooms: readonly Resource[] = [],
): Promise<SlotOffer[]> {
  if (staffIds.length === 0) return [];
  const now = actor.clock.now().getTime();
  const start = Math.max(now, Date.parse(from));
  const candidates = await calendarsFor(actor.db, actor.organizationId, office, staffIds, { from: start - DAY_MS, to: now + (office.bookingPolicy.bookingWindowDays + 1) * DAY_MS }, true, rooms);
  const slots = nextFreeSlots(count, {
    service: schedulingService(service, staffIds, rooms.map((room) => room.id)),
    candidates,
    clock: schedulingClock(actor.clock),
    policy: policyOf(office),
    timeZone: office.timeZone,
    from: new Date(start).toISOString(),
  });
  return toOffers(actor.db, actor.organizationId, slots, rooms);
}

/**
 * Checks a start against the rules (past, window, working hours, holidays, grid) for one staff
 * member, without looking at other appointments: whether the time is free is the database's
 * decision (the exclusion constraints), taken when the row is written. `roomId`: the room it takes.
 */
function checkRules(actor: Reader, service: Service, calendars: Calendar[], staffId: string, start: string, office: OfficeContext, roomId?: string): void {
  const ids = roomId ? [staffId, roomId] : [staffId];
  const problems = validateBookingRequest({
    start,
    service: schedulingService(service, [staffId], roomId ? [roomId] : []),
    calendarIds: ids,
    calendars: calendars.filter((calendar) => ids.includes(calendar.id)).map((calendar) => ({ ...calendar, bookings: [] })),
    clock: schedulingClock(actor.clock),
    policy: policyOf(office),
    timeZone: office.timeZone,
  });
  if (problems.length > 0) throw toDomainError(problems);
}

/**
 * Round-robin: among the staff (and rooms) free at `start`, the least recently booked. When none
 * is free, the first of them anyway, and the database refuses the overlap.
 */
function pickStaff(actor: Reader, service: Service, calendars: Calendar[], start: number, office: OfficeContext): { staffId: string; roomId: string | undefined } {
  const staffIds = calendars.filter((calendar) => calendar.kind !== "resource").map((calendar) => calendar.id);
  const roomIds = calendars.filter((calendar) => calendar.kind === "resource").map((calendar) => calendar.id);
  const [slot] = findSlots({
    service: schedulingService(service, staffIds, roomIds),
    candidates: calendars,
    window: { start: new Date(start).toISOString(), end: new Date(start + service.durationMinutes * MINUTE_MS).toISOString() },
    clock: schedulingClock(actor.clock),
    policy: policyOf(office),
    timeZone: office.timeZone,
    limit: 1,
  });
  return { staffId: slot?.staff[0] ?? (staffIds[0] as string), roomId: slot?.resources[0] ?? roomIds[0] };
}

function blockedRange(service: Pick<Service, "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes">, start: number) {
  const end = start + service.durationMinutes * MINUTE_MS;
  return {
    starts_at: new Date(start),
    ends_at: new Date(end),
    blocked_from: new Date(start - service.bufferBeforeMinutes * MINUTE_MS),
    blocked_until: new Date(end + service.bufferAfterMinutes * MINUTE_MS),
  };
}

/**
 * Takes the staff member's time for the rest of the transaction and checks, under that lock, that
 * no block of their agenda covers the range: a block written at the same moment either committed
 * before (and is seen here) or waits for this booking (and sees it). Appointments among
 * themselves are kept apart by the exclusion constraint.
 */
async function claimStaffTime(trx: Transaction<Database>, organizationId: string, staffId: string, range: { blocked_from: Date; blocked_until: Date }): Promise<void> {
  await lockStaffTime(trx, staffId);
  const blocks = await busyBlocks(trx, organizationId, [staffId], { from: range.blocked_from.getTime(), to: range.blocked_until.getTime() });
  if (blocks.length > 0) throw new DomainError("TIME_OFF", "a block in the staff member's agenda covers the time");
}

/** How many times a booking runs when it loses the race for a seat of a group room (bounded). */
const SEAT_RACE_RUNS = 2;

/**
 * Two bookings that read the same lowest free seat of a group room at the same moment both take
 * it, and the exclusion constraint refuses the later one although another seat may be free: run
 * again, it reads the seats anew and takes the next free one.
 */
function lostSeatRace(error: unknown, attempt: { rooms?: readonly Resource[] } | undefined): boolean {
  return violatesExclusionConstraint(error, RESOURCE_NO_OVERLAP_CONSTRAINT) && (attempt?.rooms ?? []).some((room) => room.capacity > 1);
}

/** What a failed write becomes: an overlap is APPOINTMENT_CONFLICT with the next free slots. */
async function conflictOr(
  actor: Reader,
  error: unknown,
  attempt: { service: Service; office: OfficeContext; staffIds: string[]; start: string; rooms?: readonly Resource[] } | undefined,
): Promise<never> {
  const overlap =
    violatesExclusionConstraint(error, NO_OVERLAP_CONSTRAINT) ||
    violatesExclusionConstraint(error, RESOURCE_NO_OVERLAP_CONSTRAINT) ||
    violatesCheckConstraint(error, RESOURCE_SEAT_CAPACITY_CHECK);
  if (attempt && overlap) {
    const offers = await nextSlots(actor, attempt.service, attempt.office, attempt.staffIds, attempt.start, NEXT_SLOTS_ON_CONFLICT, attempt.rooms);
    throw new DomainError("APPOINTMENT_CONFLICT", "the time overlaps another appointment", { nextSlots: offers });
  }
  throw error;
}

export async function getAppointment(actor: Pick<Actor, "db" | "organizationId">, id: string, db: Executor = actor.db): Promise<Appointment> {
  const [appointment] = await selectAppointments(db, actor.organizationId, { ids: [id] });
  if (!appointment) throw new DomainError("NOT_FOUND", "appointment not found");
  return appointment;
}

/**
 * Books an appointment; the database refuses an overlap, which comes back with alternatives.
 * `alsoInside` runs in the booking's transaction once the appointment exists (a waitlist offer
 * marks itself accepted there).
 */
export async function bookAppointment(
  actor: Actor,
  raw: BookAppointmentInput,
  alsoInside?: (trx: Transaction<Database>, appointment: Appointment, at: Date) => Promise<void>,
): Promise<Appointment> {
  const input = bookAppointmentSchema.parse(raw);
  const start = Date.parse(input.start);
  let attempt: Parameters<typeof conflictOr>[2];
  for (let run = 1; ; run++) {
    try {
      return await bookOnce();
    } catch (error) {
      if (run < SEAT_RACE_RUNS && lostSeatRace(error, attempt)) continue;
      return conflictOr(actor, error, attempt);
    }
  }

  function bookOnce(): Promise<Appointment> {
    return withSchedulingErrors(() =>
      actor.db.transaction().execute(async (trx) => {
        const { service, office, staffIds } = await bookingContext(trx, actor, input.serviceId, input.staffId ? [input.staffId] : undefined);
        if (staffIds.length === 0) throw new DomainError("STAFF_NOT_FOUND", "nobody performs this service");
        const client = await findClientForBooking(trx, actor.organizationId, input.clientId);
        if (!client) throw new DomainError("NOT_FOUND", "client not found");
        if (client.archived_at) throw new DomainError("CLIENT_ARCHIVED");
        const rooms = await roomsForService(trx, actor.organizationId, service, input.resourceId);
        const around = { from: start - DAY_MS, to: start + DAY_MS };
        const calendars = await calendarsFor(trx, actor.organizationId, office, staffIds, around, !input.staffId, rooms);
        const team = pickStaff(actor, service, calendars, start, office);
        const staffId = input.staffId ?? team.staffId;
        checkRules(actor, service, calendars, staffId, input.start, office, team.roomId);
        attempt = { service, office, staffIds: input.staffId ? [staffId] : staffIds, start: input.start, rooms };
        const range = blockedRange(service, start);
        await claimStaffTime(trx, actor.organizationId, staffId, range);
        const holding = await holdRoom(trx, actor.organizationId, rooms, team.roomId, range);
        const at = actor.clock.now();
        const id = await insertAppointment(trx, {
          organization_id: actor.organizationId,
          office_id: office.id,
          service_id: service.id,
          staff_id: staffId,
          client_id: client.id,
          ...range,
          ...holding,
          notes: input.notes ?? "",
          created_at: at,
          updated_at: at,
          created_by: actor.staffId,
          updated_by: actor.staffId,
        });
        const appointment = await getAppointment(actor, id, trx);
        await recordChangeBy(trx, actor, { type: ENTITY, id }, "book", {
          start: { from: null, to: appointment.start },
          end: { from: null, to: appointment.end },
          staffId: { from: null, to: staffId },
          ...(holding.resource_id ? { resourceId: { from: null, to: holding.resource_id } } : {}),
          serviceId: { from: null, to: service.id },
          clientId: { from: null, to: client.id },
          status: { from: null, to: appointment.status },
        }, at);
        if (alsoInside) await alsoInside(trx, appointment, at);
        return appointment;
      }),
    );
  }
}

/** Locks an appointment that can still change, at the version the caller saw. */
async function lockOpen(trx: Transaction<Database>, actor: Actor, id: string, version: number) {
  const row = await findAppointmentRow(trx, actor.organizationId, id, true);
  if (!row) throw new DomainError("NOT_FOUND", "appointment not found");
  if (row.version !== version) throw new DomainError("APPOINTMENT_VERSION_CONFLICT", undefined, { currentVersion: row.version });
  return row;
}

/** Writes the next version of a locked appointment, stamped with who and when. */
async function saveVersion(trx: Transaction<Database>, actor: Actor, row: { id: string; version: number }, at: Date, set: AppointmentUpdate): Promise<void> {
  if (!(await updateAppointmentRow(trx, actor.organizationId, row.id, row.version, { ...set, updated_at: at, updated_by: actor.staffId }))) {
    throw new DomainError("APPOINTMENT_VERSION_CONFLICT");
  }
}

/** Moves an appointment to another time (and optionally another staff member who performs it). */
export async function rescheduleAppointment(actor: Actor, input: RescheduleAppointmentInput): Promise<Appointment> {
  const start = Date.parse(input.start);
  let attempt: Parameters<typeof conflictOr>[2];
  for (let run = 1; ; run++) {
    try {
      return await rescheduleOnce();
    } catch (error) {
      if (run < SEAT_RACE_RUNS && lostSeatRace(error, attempt)) continue;
      return conflictOr(actor, error, attempt);
    }
  }

  function rescheduleOnce(): Promise<Appointment> {
    return withSchedulingErrors(() =>
      actor.db.transaction().execute(async (trx) => {
        const row = await lockOpen(trx, actor, input.id, input.version);
        if (!OPEN_STATUSES.includes(row.status) || row.status === "checked_in") throw new DomainError("APPOINTMENT_CLOSED");
        const staffId = input.staffId ?? row.staff_id;
        const { service, office } = await bookingContext(trx, actor, row.service_id, [staffId], true);
        const rooms = await roomsForService(trx, actor.organizationId, service, input.resourceId, row.resource_id);
        const calendars = (await calendarsFor(trx, actor.organizationId, office, [staffId], { from: start - DAY_MS, to: start + DAY_MS }, false, rooms)).map(
          (calendar) => ({ ...calendar, bookings: calendar.bookings?.filter((booking) => booking.id !== row.id) ?? [] }),
        );
        const { roomId } = pickStaff(actor, service, calendars, start, office);
        checkRules(actor, service, calendars, staffId, input.start, office, roomId);
        attempt = { service, office, staffIds: [staffId], start: input.start, rooms };
        const before = await getAppointment(actor, row.id, trx);
        const at = actor.clock.now();
        const range = blockedRange(service, start);
        await claimStaffTime(trx, actor.organizationId, staffId, range);
        const holding = await holdRoom(trx, actor.organizationId, rooms, roomId, range, row.id);
        await saveVersion(trx, actor, row, at, { ...range, ...holding, staff_id: staffId });
        const after = await getAppointment(actor, row.id, trx);
        await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, "reschedule", {
          start: { from: before.start, to: after.start },
          end: { from: before.end, to: after.end },
          ...(before.staffId === after.staffId ? {} : { staffId: { from: before.staffId, to: after.staffId } }),
          ...(before.resourceId === after.resourceId ? {} : { resourceId: { from: before.resourceId, to: after.resourceId } }),
        }, at);
        return after;
      }),
    );
  }
}

export async function cancelAppointment(actor: Actor, input: CancelAppointmentInput): Promise<Appointment> {
  return actor.db.transaction().execute(async (trx) => {
    const row = await lockOpen(trx, actor, input.id, input.version);
    if (!OPEN_STATUSES.includes(row.status)) throw new DomainError("APPOINTMENT_CLOSED");
    const at = actor.clock.now();
    await saveVersion(trx, actor, row, at, { status: "cancelled", cancel_reason: input.reason, cancel_note: input.note ?? null, cancelled_at: at });
    const cancelled = await getAppointment(actor, row.id, trx);
    await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, "cancel", {
      status: { from: row.status, to: "cancelled" },
      cancelReason: { from: null, to: input.reason },
      ...(input.note ? { cancelNote: { from: null, to: input.note } } : {}),
    }, at);
    const offer = await offerFreedTime(trx, actor.organizationId, cancelled, at);
    if (offer) {
      await recordChangeBy(trx, actor, { type: "waitlist_entry", id: offer.entry_id }, "offer", {
        offer: { from: null, to: { id: offer.id, start: cancelled.start, staffId: offer.staff_id, expiresAt: new Date(offer.expires_at).toISOString() } },
      }, at);
    }
    return cancelled;
  });
}

/** Confirms, checks in, starts, completes or marks a no-show, following the lifecycle. */
export async function setAppointmentStatus(actor: Actor, input: { id: string; version: number; status: AppointmentStatus }): Promise<Appointment> {
  return actor.db.transaction().execute((trx) => changeAppointmentStatus(trx, actor, input));
}

/**
 * {@link setAppointmentStatus} inside a caller's transaction (the waiting-room board moves a
 * patient and their appointment together). Setting the status it already has changes nothing.
 */
export async function changeAppointmentStatus(trx: Transaction<Database>, actor: Actor, input: { id: string; version: number; status: AppointmentStatus }): Promise<Appointment> {
  const row = await lockOpen(trx, actor, input.id, input.version);
  if (row.status === input.status) return getAppointment(actor, row.id, trx);
  if (!canTransition(row.status, input.status)) {
    throw new DomainError(["cancelled", "completed", "no_show"].includes(row.status) ? "APPOINTMENT_CLOSED" : "APPOINTMENT_STATUS_INVALID", undefined, { from: row.status, to: input.status });
  }
  const at = actor.clock.now();
  await saveVersion(trx, actor, row, at, { status: input.status });
  await recordChangeBy(trx, actor, { type: ENTITY, id: row.id }, "status", { status: { from: row.status, to: input.status } }, at);
  return getAppointment(actor, row.id, trx);
}

export async function agenda(actor: Pick<Actor, "db" | "organizationId">, raw: AgendaQuery): Promise<Appointment[]> {
  const query = agendaQuerySchema.parse(raw);
  return selectAppointments(actor.db, actor.organizationId, {
    officeId: query.officeId,
    staffIds: query.staffIds,
    resourceIds: query.resourceIds,
    from: new Date(query.from),
    to: new Date(query.to),
  });
}

export async function appointmentHistory(actor: Pick<Actor, "db" | "organizationId">, id: string): Promise<AuditEntry[]> {
  await getAppointment(actor, id);
  return listAuditEntries(actor.db, actor.organizationId, ENTITY, id);
}
