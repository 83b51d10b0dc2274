/**
 * Conflict detection for a proposed booking (and for every occurrence of a series), and the
 * checks a server runs before it books.
 */
import { type CompiledCalendar, compileCalendar, freeFor } from "./availability.js";
import { SchedulingError } from "./errors.js";
import { type IntervalSet, intersect, loadAbove, subtract } from "./intervals.js";
import type { BookingPolicy, Calendar, Service } from "./model.js";
import { calendarsById, checkRules, needGroups, onGrid } from "./slots.js";
import { checkInteger, type Clock, DAY_MS, formatDayNumber, formatInstant, type IsoDate, type IsoInstant, MINUTE_MS, nowMs, parseInstant, parseRange, type TimeRange, type TimeZoneId } from "./time.js";
import { Zones } from "./zone.js";

/** What a conflict is about; each is also a `SchedulingErrorCode`. */
export type ConflictCode = "OUTSIDE_WORKING_HOURS" | "HOLIDAY" | "TIME_OFF" | "SLOT_TAKEN" | "CAPACITY_EXCEEDED";

export interface Conflict {
  readonly calendarId: string;
  readonly code: ConflictCode;
  /** The part of time in conflict: the booking or time off it meets, or the uncovered hours. */
  readonly start: IsoInstant;
  readonly end: IsoInstant;
  /** For `SLOT_TAKEN`: the booking it overlaps (when that booking has an id). */
  readonly bookingId?: string;
  /** For `HOLIDAY`: the local date. */
  readonly date?: IsoDate;
}

/** A booking being considered. */
export interface ProposedBooking extends TimeRange {
  /** The calendars it would use; every calendar given when absent. */
  readonly calendarIds?: readonly string[];
  readonly bufferBeforeMinutes?: number;
  readonly bufferAfterMinutes?: number;
  /** Seats it takes on group resources; 1 when absent. */
  readonly seats?: number;
  /** Existing bookings that do not count (the appointment being moved). */
  readonly ignoreBookingIds?: readonly string[];
}

interface Probe {
  readonly start: number;
  readonly end: number;
  readonly blockedFrom: number;
  readonly blockedUntil: number;
  readonly seats: number;
}

function conflictsOn(compiled: CompiledCalendar, probe: Probe, ignore: ReadonlySet<string>): Conflict[] {
  const calendarId = compiled.calendar.id;
  const conflicts: Conflict[] = [];
  const wanted: IntervalSet = [probe.blockedFrom, probe.blockedUntil];

  let uncovered = subtract(wanted, compiled.hours);
  if (uncovered.length > 0) {
    const zone = compiled.zone;
    const holidayRanges: number[] = [];
    for (let day = zone.localDay(probe.blockedFrom); day <= zone.localDay(probe.blockedUntil - 1); day++) {
      if (!compiled.holidayDays.has(day)) continue;
      const dayStart = zone.toInstant(day, 0);
      const dayEnd = zone.toInstant(day + 1, 0);
      holidayRanges.push(dayStart, dayEnd);
      const part = intersect(wanted, [dayStart, dayEnd]);
      conflicts.push({ calendarId, code: "HOLIDAY", start: formatInstant(part[0] as number), end: formatInstant(part[1] as number), date: formatDayNumber(day) });
    }
    uncovered = subtract(uncovered, holidayRanges);
    if (uncovered.length > 0) {
      conflicts.push({ calendarId, code: "OUTSIDE_WORKING_HOURS", start: formatInstant(uncovered[0] as number), end: formatInstant(uncovered[uncovered.length - 1] as number) });
    }
  }

  for (let index = 0; index < compiled.timeOff.length; index += 2) {
    const start = compiled.timeOff[index] as number;
    const end = compiled.timeOff[index + 1] as number;
    if (start < probe.blockedUntil && end > probe.blockedFrom) conflicts.push({ calendarId, code: "TIME_OFF", start: formatInstant(start), end: formatInstant(end) });
  }

  if (compiled.capacity === 1 && probe.seats === 1) {
    for (const booking of compiled.bookings) {
      if (booking.id !== undefined && ignore.has(booking.id)) continue;
      if (booking.blockedFrom < probe.blockedUntil && booking.blockedUntil > probe.blockedFrom) {
        conflicts.push({ calendarId, code: "SLOT_TAKEN", start: formatInstant(booking.start), end: formatInstant(booking.end), ...(booking.id === undefined ? {} : { bookingId: booking.id }) });
      }
    }
  } else {
    const events: number[] = [];
    for (const booking of compiled.bookings) {
      if (booking.id !== undefined && ignore.has(booking.id)) continue;
      if (booking.blockedFrom < probe.blockedUntil && booking.blockedUntil > probe.blockedFrom) events.push(booking.blockedFrom, booking.blockedUntil, booking.seats);
    }
    const full = probe.seats > compiled.capacity ? wanted : intersect(loadAbove(events, compiled.capacity - probe.seats), wanted);
    if (full.length > 0) conflicts.push({ calendarId, code: "CAPACITY_EXCEEDED", start: formatInstant(full[0] as number), end: formatInstant(full[full.length - 1] as number) });
  }
  return conflicts;
}

function probeOf(booking: ProposedBooking): Probe {
  const [start, end] = parseRange(booking, "booking");
  const before = checkInteger(booking.bufferBeforeMinutes ?? 0, "bufferBeforeMinutes", 0, 1440) * MINUTE_MS;
  const after = checkInteger(booking.bufferAfterMinutes ?? 0, "bufferAfterMinutes", 0, 1440) * MINUTE_MS;
  return { start, end, blockedFrom: start - before, blockedUntil: end + after, seats: checkInteger(booking.seats ?? 1, "seats", 1) };
}

function calendarsFor(ids: readonly string[] | undefined, calendars: readonly Calendar[]): Calendar[] {
  if (ids === undefined) return [...calendars];
  const byId = calendarsById(calendars, [ids]);
  return [...new Set(ids)].map((id) => byId.get(id) as Calendar);
}

/**
 * Everything that stands in the way of a booking on each of its calendars: hours not worked
 * (`OUTSIDE_WORKING_HOURS`, `HOLIDAY`), `TIME_OFF`, bookings it overlaps, buffers of both sides
 * included (`SLOT_TAKEN`), or a full group resource (`CAPACITY_EXCEEDED`). Empty when it fits.
 */
export function findConflicts(booking: ProposedBooking, calendars: readonly Calendar[]): Conflict[] {
  const probe = probeOf(booking);
  const ignore = new Set(booking.ignoreBookingIds ?? []);
  const zones = new Zones(probe.blockedFrom, probe.blockedUntil);
  return calendarsFor(booking.calendarIds, calendars).flatMap((calendar) => conflictsOn(compileCalendar(calendar, zones, probe.blockedFrom, probe.blockedUntil), probe, ignore));
}

/** The conflicts of each occurrence of a series that has any. */
export interface SeriesConflicts {
  readonly occurrences: readonly TimeRange[];
  readonly conflicts: readonly { readonly index: number; readonly occurrence: TimeRange; readonly conflicts: readonly Conflict[] }[];
}

/**
 * Conflicts of many occurrences at once (a recurring appointment before it is booked): the
 * calendars are compiled once over the whole series.
 */
export function findConflictsForEach(occurrences: readonly TimeRange[], booking: Omit<ProposedBooking, "start" | "end">, calendars: readonly Calendar[]): SeriesConflicts {
  if (occurrences.length === 0) return { occurrences, conflicts: [] };
  const probes = occurrences.map((occurrence) => probeOf({ ...booking, start: occurrence.start, end: occurrence.end }));
  const from = Math.min(...probes.map((probe) => probe.blockedFrom));
  const to = Math.max(...probes.map((probe) => probe.blockedUntil));
  const zones = new Zones(from, to);
  const ignore = new Set(booking.ignoreBookingIds ?? []);
  const compiled = calendarsFor(booking.calendarIds, calendars).map((calendar) => compileCalendar(calendar, zones, from, to));
  const conflicts: { index: number; occurrence: TimeRange; conflicts: Conflict[] }[] = [];
  probes.forEach((probe, index) => {
    const found = compiled.flatMap((calendar) => conflictsOn(calendar, probe, ignore));
    if (found.length > 0) conflicts.push({ index, occurrence: occurrences[index] as TimeRange, conflicts: found });
  });
  return { occurrences, conflicts };
}

export interface BookingRequest {
  readonly start: IsoInstant;
  readonly service: Service;
  /** The staff and resources chosen, checked against `service.needs`. */
  readonly calendarIds: readonly string[];
  /** The calendars of at least those staff and resources. */
  readonly calendars: readonly Calendar[];
  readonly clock: Clock;
  readonly policy?: BookingPolicy;
  /** The time zone of the slot grid; the first chosen calendar's when absent. */
  readonly timeZone?: TimeZoneId;
  readonly ignoreBookingIds?: readonly string[];
}

/**
 * Every reason a booking cannot be made, as `SchedulingError`s with stable codes, or `[]` when
 * it can: invalid input (`INVALID_INSTANT`, `UNKNOWN_TIME_ZONE`, `INVALID_OPTION`,
 * `DURATION_NOT_MULTIPLE_OF_STEP`, `UNKNOWN_CALENDAR`, `NEEDS_NOT_MET`; reported alone), then
 * `START_NOT_ON_STEP`, `IN_THE_PAST`, `INSIDE_MINIMUM_NOTICE`, `BEYOND_BOOKING_WINDOW` and the
 * conflicts (`OUTSIDE_WORKING_HOURS`, `HOLIDAY`, `TIME_OFF`, `SLOT_TAKEN`, `CAPACITY_EXCEEDED`).
 */
export function validateBookingRequest(request: BookingRequest): SchedulingError[] {
  let start: number;
  let rules: ReturnType<typeof checkRules>;
  let chosen: Calendar[];
  let zones: Zones;
  try {
    start = parseInstant(request.start);
    rules = checkRules(request.service, request.policy);
    const groups = needGroups(request.service.needs, request.calendars);
    chosen = calendarsFor(request.calendarIds, request.calendars);
    const chosenIds = new Set(chosen.map((calendar) => calendar.id));
    const unmet = groups.filter((group) => !group.some((id) => chosenIds.has(id)));
    const allowed = new Set(groups.flat());
    const extra = [...chosenIds].filter((id) => !allowed.has(id));
    const perGroup = groups.some((group) => group.filter((id) => chosenIds.has(id)).length > 1);
    if (unmet.length > 0 || extra.length > 0 || perGroup || chosen.length === 0) {
      throw new SchedulingError("NEEDS_NOT_MET", "The chosen staff and resources do not match what the service needs", { calendarIds: request.calendarIds, unmet, extra });
    }
    zones = new Zones(start - rules.beforeMs, start + rules.durationMs + rules.afterMs);
    zones.get(request.timeZone ?? (chosen[0] as Calendar).timeZone);
    for (const calendar of chosen) zones.get(calendar.timeZone);
  } catch (error) {
    if (error instanceof SchedulingError) return [error];
    throw error;
  }

  const issues: SchedulingError[] = [];
  const end = start + rules.durationMs;
  const gridZone = zones.get(request.timeZone ?? (chosen[0] as Calendar).timeZone);
  if (!onGrid(start, gridZone, rules.stepMs)) {
    issues.push(new SchedulingError("START_NOT_ON_STEP", `${request.start} is not on the ${rules.stepMinutes}-minute grid`, { start: request.start, stepMinutes: rules.stepMinutes }));
  }
  const now = nowMs(request.clock);
  if (start < now) {
    issues.push(new SchedulingError("IN_THE_PAST", `${request.start} is in the past`, { start: request.start, now: formatInstant(now) }));
  } else if (start < now + rules.noticeMs) {
    issues.push(new SchedulingError("INSIDE_MINIMUM_NOTICE", `${request.start} is sooner than the minimum notice`, { start: request.start, minimumNoticeMinutes: rules.noticeMs / MINUTE_MS }));
  }
  if (rules.aheadMs !== undefined && start > now + rules.aheadMs) {
    issues.push(new SchedulingError("BEYOND_BOOKING_WINDOW", `${request.start} is beyond the booking window`, { start: request.start, maxDaysAhead: rules.aheadMs / DAY_MS }));
  }
  const conflicts = findConflicts(
    {
      start: formatInstant(start),
      end: formatInstant(end),
      calendarIds: chosen.map((calendar) => calendar.id),
      bufferBeforeMinutes: rules.beforeMs / MINUTE_MS,
      bufferAfterMinutes: rules.afterMs / MINUTE_MS,
      seats: rules.seats,
      ...(request.ignoreBookingIds ? { ignoreBookingIds: request.ignoreBookingIds } : {}),
    },
    chosen,
  );
  for (const conflict of conflicts) {
    issues.push(new SchedulingError(conflict.code, `${conflict.code} on ${conflict.calendarId}: ${conflict.start} – ${conflict.end}`, { ...conflict }));
  }
  return issues;
}

/** Throws the first problem `validateBookingRequest` finds. */
export function assertBookingRequest(request: BookingRequest): void {
  const [first] = validateBookingRequest(request);
  if (first) throw first;
}

export interface CalendarAvailability {
  /** Working hours in the window (after overrides and holidays). */
  readonly hours: readonly TimeRange[];
  /** Hours not taken by time off or bookings (for one seat more). */
  readonly free: readonly TimeRange[];
}

/** A calendar's working and free time in a window, for day and week views. */
export function calendarAvailability(calendar: Calendar, window: TimeRange): CalendarAvailability {
  const [from, to] = parseRange(window, "window");
  const compiled = compileCalendar(calendar, new Zones(from, to), from, to);
  const bounds = [from, to];
  const toRanges = (set: IntervalSet) => {
    const ranges: TimeRange[] = [];
    for (let index = 0; index < set.length; index += 2) ranges.push({ start: formatInstant(set[index] as number), end: formatInstant(set[index + 1] as number) });
    return ranges;
  };
  return { hours: toRanges(intersect(compiled.hours, bounds)), free: toRanges(intersect(freeFor(compiled, 1), bounds)) };
}
