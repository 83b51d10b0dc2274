/**
 * A calendar turned into integers over a range of instants: its working hours (after date
 * overrides and holidays), time off and bookings, ready for the interval algebra.
 */
import { SchedulingError } from "./errors.js";
import { type IntervalSet, fromPairs, loadAbove, subtract } from "./intervals.js";
import { type Calendar, type LocalInterval, WEEKDAYS } from "./model.js";
import { checkInteger, isoWeekday, MINUTE_MS, parseInstant, parseIsoDate, parseLocalTime } from "./time.js";
import type { Zone, Zones } from "./zone.js";

/** A booking in integers, its buffers already added. */
export interface BusyBlock {
  readonly id: string | undefined;
  readonly start: number;
  readonly end: number;
  /** With its buffers. */
  readonly blockedFrom: number;
  readonly blockedUntil: number;
  readonly seats: number;
}

export interface CompiledCalendar {
  readonly calendar: Calendar;
  readonly zone: Zone;
  readonly capacity: number;
  /** Working hours in the range, after overrides and holidays, before time off. */
  readonly hours: IntervalSet;
  readonly timeOff: IntervalSet;
  /** Local day numbers closed by a holiday (and not reopened by an override). */
  readonly holidayDays: ReadonlySet<number>;
  readonly bookings: readonly BusyBlock[];
}

function parseHours(intervals: readonly LocalInterval[] | undefined, where: string): number[] {
  const result: number[] = [];
  for (const interval of intervals ?? []) {
    const start = parseLocalTime(interval.start);
    const end = parseLocalTime(interval.end);
    if (end <= start) {
      throw new SchedulingError("INVALID_LOCAL_TIME", `Hours end before they start (${where}): ${interval.start}–${interval.end}`, { start: interval.start, end: interval.end, where });
    }
    result.push(start, end);
  }
  return result;
}

function weeklyMinutes(calendar: Calendar): number[][] {
  if (typeof calendar.weeklyHours !== "object" || calendar.weeklyHours === null) {
    throw new SchedulingError("INVALID_OPTION", `Calendar ${calendar.id} has no weekly hours`, { option: "weeklyHours", calendarId: calendar.id });
  }
  return WEEKDAYS.map((day) => parseHours(calendar.weeklyHours[day], `${calendar.id} ${day}`));
}

/** Compiles `calendar` for instants in `[from, to)`. Throws on invalid data (codes as in `SchedulingError`). */
export function compileCalendar(calendar: Calendar, zones: Zones, from: number, to: number): CompiledCalendar {
  const zone = zones.get(calendar.timeZone);
  const capacity = checkInteger(calendar.capacity ?? 1, "capacity", 1);
  const weekly = weeklyMinutes(calendar);

  const overrides = new Map<number, number[]>();
  for (const override of calendar.overrides ?? []) {
    overrides.set(parseIsoDate(override.date), parseHours(override.hours, `${calendar.id} ${override.date}`));
  }
  const holidays = new Set<number>();
  for (const date of calendar.holidays ?? []) holidays.add(parseIsoDate(date));

  const firstDay = zone.localDay(from) - 1;
  const lastDay = zone.localDay(to) + 1;
  const pairs: number[] = [];
  const holidayDays = new Set<number>();
  for (let day = firstDay; day <= lastDay; day++) {
    let minutes = overrides.get(day);
    if (minutes === undefined) {
      if (holidays.has(day)) {
        holidayDays.add(day);
        continue;
      }
      minutes = weekly[isoWeekday(day) - 1] as number[];
    }
    for (let index = 0; index < minutes.length; index += 2) {
      pairs.push(zone.toInstant(day, minutes[index] as number), zone.toInstant(day, minutes[index + 1] as number));
    }
  }
  const hours = fromPairs(pairs);

  const offPairs: number[] = [];
  for (const range of calendar.timeOff ?? []) {
    const start = parseInstant(range.start);
    const end = parseInstant(range.end);
    if (end <= start) throw new SchedulingError("INVALID_RANGE", `Time off ends before it starts: ${range.start} – ${range.end}`, { start: range.start, end: range.end, calendarId: calendar.id });
    if (end > from && start < to) offPairs.push(start, end);
  }

  const bookings: BusyBlock[] = [];
  for (const booking of calendar.bookings ?? []) {
    const start = parseInstant(booking.start);
    const end = parseInstant(booking.end);
    if (end <= start) throw new SchedulingError("INVALID_RANGE", `Booking ends before it starts: ${booking.start} – ${booking.end}`, { start: booking.start, end: booking.end, calendarId: calendar.id, bookingId: booking.id });
    const before = booking.bufferBeforeMinutes ? checkInteger(booking.bufferBeforeMinutes, "bufferBeforeMinutes", 0) * MINUTE_MS : 0;
    const after = booking.bufferAfterMinutes ? checkInteger(booking.bufferAfterMinutes, "bufferAfterMinutes", 0) * MINUTE_MS : 0;
    const blockedFrom = start - before;
    const blockedUntil = end + after;
    if (blockedUntil <= from || blockedFrom >= to) continue;
    const seats = booking.seats === undefined ? 1 : checkInteger(booking.seats, "seats", 1);
    bookings.push({ id: booking.id, start, end, blockedFrom, blockedUntil, seats });
  }

  return { calendar, zone, capacity, hours, timeOff: fromPairs(offPairs), holidayDays, bookings };
}

/**
 * Instants when `seats` more cannot be taken: where the bookings (with their buffers) leave
 * fewer than `seats` places. Bookings whose id is in `ignore` do not count.
 */
export function busyFor(compiled: CompiledCalendar, seats: number, ignore?: ReadonlySet<string>): IntervalSet {
  const threshold = compiled.capacity - seats;
  const bookings = compiled.bookings;
  // More seats than the resource has: never free.
  if (threshold < 0) return [-8.64e15, 8.64e15];
  if (threshold === 0) {
    const pairs: number[] = [];
    for (const booking of bookings) if (!ignore?.has(booking.id as string)) pairs.push(booking.blockedFrom, booking.blockedUntil);
    return fromPairs(pairs);
  }
  const events: number[] = [];
  for (const booking of bookings) if (!ignore?.has(booking.id as string)) events.push(booking.blockedFrom, booking.blockedUntil, booking.seats);
  return loadAbove(events, threshold);
}

/** Working hours minus time off minus what the bookings take: where `seats` more fit. */
export function freeFor(compiled: CompiledCalendar, seats: number, ignore?: ReadonlySet<string>): IntervalSet {
  return subtract(subtract(compiled.hours, compiled.timeOff), busyFor(compiled, seats, ignore));
}

/** The instants of a local day number in a zone: `[midnight, next midnight)`. */
export function localDayRange(zone: Zone, day: number): [number, number] {
  return [zone.toInstant(day, 0), zone.toInstant(day + 1, 0)];
}
