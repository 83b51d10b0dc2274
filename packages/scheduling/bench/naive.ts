/**
 * The obvious way to find slots, kept as a reference: generate every slot of the grid with
 * Temporal, then test each against the hours, the time off and every booking of each candidate.
 * The property tests check `findSlots` against it; the benchmark times both.
 */
import { Temporal } from "temporal-polyfill";
import { type BookingPolicy, type Calendar, type Service, type Slot, type TimeRange, WEEKDAYS } from "../src/index.js";
import { roundRobinOrder } from "../src/slots.js";

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
const iso = (epochMs: number) => Temporal.Instant.fromEpochMilliseconds(epochMs).toString();

export interface NaiveOptions {
  readonly service: Service;
  readonly candidates: readonly Calendar[];
  readonly window: TimeRange;
  readonly now: string;
  readonly policy?: BookingPolicy;
  readonly timeZone?: string;
}

interface Prepared {
  readonly calendar: Calendar;
  /** Merged working intervals. */
  readonly open: [number, number][];
  readonly timeOff: [number, number][];
  readonly bookings: { from: number; until: number; seats: number }[];
  readonly capacity: number;
}

function localDate(epochMs: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate();
}

function at(date: Temporal.PlainDate, time: string, timeZone: string): number {
  if (time === "24:00") return date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  return date.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds;
}

function prepare(calendar: Calendar, from: number, to: number): Prepared {
  const intervals: [number, number][] = [];
  const holidays = new Set(calendar.holidays ?? []);
  for (let date = localDate(from, calendar.timeZone).subtract({ days: 1 }); Temporal.PlainDate.compare(date, localDate(to, calendar.timeZone).add({ days: 1 })) <= 0; date = date.add({ days: 1 })) {
    const override = calendar.overrides?.find((entry) => entry.date === date.toString());
    const hours = override ? override.hours : holidays.has(date.toString()) ? [] : (calendar.weeklyHours[WEEKDAYS[date.dayOfWeek - 1] as (typeof WEEKDAYS)[number]] ?? []);
    for (const interval of hours) intervals.push([at(date, interval.start, calendar.timeZone), at(date, interval.end, calendar.timeZone)]);
  }
  intervals.sort((x, y) => x[0] - y[0]);
  const open: [number, number][] = [];
  for (const interval of intervals) {
    const last = open[open.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else open.push([interval[0], interval[1]]);
  }
  const timeOff = (calendar.timeOff ?? []).map((range) => [ms(range.start), ms(range.end)] as [number, number]);
  const bookings = (calendar.bookings ?? []).map((booking) => ({
    from: ms(booking.start) - (booking.bufferBeforeMinutes ?? 0) * 60_000,
    until: ms(booking.end) + (booking.bufferAfterMinutes ?? 0) * 60_000,
    seats: booking.seats ?? 1,
  }));
  return { calendar, open, timeOff, bookings, capacity: calendar.capacity ?? 1 };
}

/** Whether the calendar can take `seats` more over `[from, until)`: test against every booking. */
function fits(prepared: Prepared, from: number, until: number, seats: number): boolean {
  if (!prepared.open.some(([start, end]) => start <= from && until <= end)) return false;
  if (prepared.timeOff.some(([start, end]) => start < until && end > from)) return false;
  const moments = [from, ...prepared.bookings.map((booking) => booking.from).filter((start) => start > from && start < until)];
  for (const moment of moments) {
    let load = seats;
    for (const booking of prepared.bookings) if (booking.from <= moment && moment < booking.until) load += booking.seats;
    if (load > prepared.capacity) return false;
  }
  return true;
}

/** Every grid instant (local times k × step in `timeZone`) whose slot lies in the window. */
function grid(from: number, to: number, stepMinutes: number, timeZone: string): number[] {
  const starts = new Set<number>();
  for (let date = localDate(from, timeZone).subtract({ days: 1 }); Temporal.PlainDate.compare(date, localDate(to, timeZone).add({ days: 1 })) <= 0; date = date.add({ days: 1 })) {
    for (let minute = 0; minute < 1440; minute += stepMinutes) {
      const time = Temporal.PlainTime.from({ hour: Math.floor(minute / 60), minute: minute % 60 });
      // Both readings of a wall time repeated by a fall-back; none of one skipped by a spring-forward.
      for (const disambiguation of ["earlier", "later"] as const) {
        const zoned = date.toPlainDateTime(time).toZonedDateTime(timeZone, { disambiguation });
        if (zoned.toPlainTime().equals(time)) starts.add(zoned.epochMilliseconds);
      }
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** The reference: same contract as `findSlots`. */
export function naiveSlots(options: NaiveOptions): Slot[] {
  const { service, candidates, policy = {} } = options;
  const duration = service.durationMinutes * 60_000;
  const before = (service.bufferBeforeMinutes ?? 0) * 60_000;
  const after = (service.bufferAfterMinutes ?? 0) * 60_000;
  const seats = service.seats ?? 1;
  const step = policy.stepMinutes ?? gcd(service.durationMinutes, 60);
  const now = ms(options.now);
  const windowStart = ms(options.window.start);
  const windowEnd = ms(options.window.end);
  const needs = service.needs ?? { kind: "one-of" as const, ids: candidates.map((calendar) => calendar.id) };
  const groups = needs.kind === "one-of" ? [needs.ids] : needs.kind === "all-of" ? [...new Set(needs.ids)].map((id) => [id]) : [needs.staff, needs.rooms];
  const byId = new Map(candidates.map((calendar) => [calendar.id, calendar]));
  const timeZone = options.timeZone ?? (byId.get(groups[0]?.[0] as string) as Calendar).timeZone;
  const prepared = new Map(candidates.map((calendar) => [calendar.id, prepare(calendar, windowStart - before - 86_400_000, windowEnd + after + 86_400_000)]));
  const ordered = groups.map((group) => roundRobinOrder(group.map((id) => byId.get(id) as Calendar), now));

  const slots: Slot[] = [];
  for (const start of grid(windowStart, windowEnd, step, timeZone)) {
    const end = start + duration;
    if (start < windowStart || end > windowEnd) continue;
    if (start < now + (policy.minimumNoticeMinutes ?? 0) * 60_000) continue;
    if (policy.maxDaysAhead !== undefined && start > now + policy.maxDaysAhead * 86_400_000) continue;
    const staff: string[] = [];
    const resources: string[] = [];
    let ok = true;
    for (const group of ordered) {
      const chosen = group.find((calendar) => fits(prepared.get(calendar.id) as Prepared, start - before, end + after, seats));
      if (!chosen) {
        ok = false;
        break;
      }
      (chosen.kind === "resource" ? resources : staff).push(chosen.id);
    }
    if (ok) slots.push({ start: iso(start), end: iso(end), staff, resources });
  }
  return slots;
}
