/**
 * Property tests: `findSlots` agrees with the naive reference (every grid slot tested against
 * everything, with Temporal), and its slots keep the promises stated in its documentation,
 * checked here directly. The package's `test` script runs this file under TZ=UTC and
 * TZ=Pacific/Auckland; one property also changes the host zone in-process.
 */
import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { naiveSlots } from "../bench/naive.js";
import { type BookingPolicy, type Calendar, findSlots, fixedClock, type LocalInterval, type Service, type ServiceNeeds, type TimeRange, WEEKDAYS, type WeeklyHours } from "./index.js";

const ZONES = ["Europe/Madrid", "America/New_York", "Pacific/Auckland", "Europe/Rome", "Asia/Kolkata", "Asia/Kathmandu", "UTC"];
/** Days next to daylight-saving changes (Europe, North America, New Zealand) and a quiet one. */
const ANCHORS = ["2025-03-28T00:00:00Z", "2025-10-24T00:00:00Z", "2025-03-07T12:00:00Z", "2025-10-31T12:00:00Z", "2025-04-04T12:00:00Z", "2025-09-26T12:00:00Z", "2025-06-10T00:00:00Z"];

const ms = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;
const iso = (epochMs: number) => Temporal.Instant.fromEpochMilliseconds(epochMs).toString();
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

const interval: fc.Arbitrary<LocalInterval> = fc
  .tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 1, max: 144 }))
  .map(([start, length]) => ({ start: hhmm(start * 5), end: hhmm(Math.min(288, start + length) * 5) }));
/** Office-like hours most of the time (from 06:00–10:00 for 6–10 hours), anything some of the time. */
const officeHours: fc.Arbitrary<LocalInterval> = fc
  .tuple(fc.integer({ min: 72, max: 120 }), fc.integer({ min: 72, max: 120 }))
  .map(([start, length]) => ({ start: hhmm(start * 5), end: hhmm(Math.min(288, start + length) * 5) }));
const dayHours = fc.oneof({ weight: 3, arbitrary: fc.array(officeHours, { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(interval, { maxLength: 2 }) });
const weekly: fc.Arbitrary<WeeklyHours> = fc.tuple(...WEEKDAYS.map(() => dayHours)).map((days) => Object.fromEntries(WEEKDAYS.map((day, index) => [day, days[index]])));

interface Scenario {
  readonly service: Service;
  readonly candidates: Calendar[];
  readonly window: TimeRange;
  readonly now: string;
  readonly policy: BookingPolicy;
  readonly timeZone: string | undefined;
}

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    anchor: fc.constantFrom(...ANCHORS),
    windowOffset: fc.integer({ min: 0, max: 48 * 12 }),
    windowLength: fc.integer({ min: 12, max: 4 * 24 * 12 }),
    nowOffset: fc.integer({ min: -2 * 24 * 12, max: 24 * 12 }),
    step: fc.constantFrom(5, 10, 15, 20, 30, 60),
    steps: fc.integer({ min: 1, max: 4 }),
    before: fc.integer({ min: 0, max: 6 }),
    after: fc.integer({ min: 0, max: 6 }),
    seats: fc.integer({ min: 1, max: 2 }),
    notice: fc.integer({ min: 0, max: 120 }),
    ahead: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    gridZone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
    needsKind: fc.constantFrom("one-of", "all-of", "staff-and-room"),
    calendars: fc.array(
      fc.record({
        timeZone: fc.constantFrom(...ZONES),
        weeklyHours: weekly,
        overrides: fc.array(fc.tuple(fc.integer({ min: -1, max: 5 }), dayHours), { maxLength: 2 }),
        holidays: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 2 }),
        timeOff: fc.array(fc.tuple(fc.integer({ min: -12, max: 6 * 24 * 12 }), fc.integer({ min: 1, max: 12 * 12 })), { maxLength: 2 }),
        bookings: fc.array(
          fc.record({
            at: fc.integer({ min: -12 * 12, max: 4 * 24 * 12 }),
            length: fc.integer({ min: 1, max: 36 }),
            before: fc.integer({ min: 0, max: 4 }),
            after: fc.integer({ min: 0, max: 4 }),
            seats: fc.integer({ min: 1, max: 2 }),
          }),
          { maxLength: 8 },
        ),
        capacity: fc.integer({ min: 1, max: 3 }),
        lastBooked: fc.option(fc.integer({ min: 0, max: 10 * 24 }), { nil: undefined }),
        weight: fc.constantFrom(0, 1, 1, 2, 3),
        resource: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((input) => {
    const anchor = ms(input.anchor);
    const five = 5 * 60_000;
    const date = (offsetDays: number) => Temporal.Instant.fromEpochMilliseconds(anchor).toZonedDateTimeISO("UTC").toPlainDate().add({ days: offsetDays }).toString();
    const candidates: Calendar[] = input.calendars.map((calendar, index) => ({
      id: `c${index}`,
      kind: calendar.resource ? "resource" : "staff",
      timeZone: calendar.timeZone,
      weeklyHours: calendar.weeklyHours,
      overrides: calendar.overrides.map(([offset, hours]) => ({ date: date(offset), hours })).filter((override, position, all) => all.findIndex((other) => other.date === override.date) === position),
      holidays: calendar.holidays.map(date),
      timeOff: calendar.timeOff.map(([at, length]) => ({ start: iso(anchor + at * five), end: iso(anchor + (at + length) * five) })),
      bookings: calendar.bookings.map((booking, position) => ({
        id: `b${position}`,
        start: iso(anchor + booking.at * five),
        end: iso(anchor + (booking.at + booking.length) * five),
        bufferBeforeMinutes: booking.before * 5,
        bufferAfterMinutes: booking.after * 5,
        seats: booking.seats,
      })),
      capacity: calendar.capacity,
      lastBookedAt: calendar.lastBooked === undefined ? null : iso(anchor - calendar.lastBooked * 3_600_000),
      weight: calendar.weight,
    }));
    const ids = candidates.map((calendar) => calendar.id);
    let needs: ServiceNeeds = { kind: "one-of", ids };
    if (input.needsKind === "all-of") needs = { kind: "all-of", ids };
    if (input.needsKind === "staff-and-room" && ids.length >= 2) needs = { kind: "staff-and-room", staff: ids.slice(0, 1), rooms: ids.slice(1) };
    const windowStart = anchor + input.windowOffset * five;
    return {
      service: { durationMinutes: input.step * input.steps, bufferBeforeMinutes: input.before * 5, bufferAfterMinutes: input.after * 5, seats: input.seats, needs },
      candidates,
      window: { start: iso(windowStart), end: iso(windowStart + input.windowLength * five) },
      now: iso(windowStart + input.nowOffset * five),
      policy: { stepMinutes: input.step, minimumNoticeMinutes: input.notice * 5, ...(input.ahead === undefined ? {} : { maxDaysAhead: input.ahead }) },
      timeZone: input.gridZone,
    };
  });

const run = (s: Scenario) => findSlots({ service: s.service, candidates: s.candidates, window: s.window, clock: fixedClock(s.now), policy: s.policy, ...(s.timeZone ? { timeZone: s.timeZone } : {}) });

/** The instants of a calendar's hours on the local dates around an instant, straight from Temporal. */
function hoursAround(calendar: Calendar, instant: number): [number, number][] {
  const today = Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(calendar.timeZone).toPlainDate();
  const ranges: [number, number][] = [];
  for (const date of [today.subtract({ days: 1 }), today]) {
    const override = calendar.overrides?.find((entry) => entry.date === date.toString());
    const hours = override ? override.hours : calendar.holidays?.includes(date.toString()) ? [] : (calendar.weeklyHours[WEEKDAYS[date.dayOfWeek - 1] as (typeof WEEKDAYS)[number]] ?? []);
    for (const { start, end } of hours) {
      const from = date.toZonedDateTime({ timeZone: calendar.timeZone, plainTime: start }).epochMilliseconds;
      const to = end === "24:00" ? date.add({ days: 1 }).toZonedDateTime({ timeZone: calendar.timeZone }).epochMilliseconds : date.toZonedDateTime({ timeZone: calendar.timeZone, plainTime: end }).epochMilliseconds;
      ranges.push([from, to]);
    }
  }
  return ranges;
}

describe("findSlots properties", () => {
  it("agrees with the naive reference", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(run(s)).toEqual(naiveSlots({ service: s.service, candidates: s.candidates, window: s.window, now: s.now, policy: s.policy, ...(s.timeZone ? { timeZone: s.timeZone } : {}) }));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("keeps its promises: exact duration, in window, notice and booking window, inside hours, clear of bookings, buffers and time off", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const slots = run(s);
        const now = ms(s.now);
        const duration = s.service.durationMinutes * 60_000;
        const before = (s.service.bufferBeforeMinutes ?? 0) * 60_000;
        const after = (s.service.bufferAfterMinutes ?? 0) * 60_000;
        let previous = Number.NEGATIVE_INFINITY;
        for (const slot of slots) {
          const start = ms(slot.start);
          const end = ms(slot.end);
          expect(end - start).toBe(duration);
          expect(start).toBeGreaterThan(previous);
          previous = start;
          expect(start).toBeGreaterThanOrEqual(ms(s.window.start));
          expect(end).toBeLessThanOrEqual(ms(s.window.end));
          expect(start).toBeGreaterThanOrEqual(now + (s.policy.minimumNoticeMinutes ?? 0) * 60_000);
          if (s.policy.maxDaysAhead !== undefined) expect(start).toBeLessThanOrEqual(now + s.policy.maxDaysAhead * 86_400_000);
          const from = start - before;
          const until = end + after;
          for (const id of [...slot.staff, ...slot.resources]) {
            const calendar = s.candidates.find((candidate) => candidate.id === id) as Calendar;
            // Inside working hours, buffers included: every 5-minute step lies in some interval.
            for (let moment = from; moment < until; moment += 5 * 60_000) {
              expect(hoursAround(calendar, moment).some(([open, close]) => open <= moment && moment < close)).toBe(true);
            }
            for (const off of calendar.timeOff ?? []) expect(ms(off.start) < until && ms(off.end) > from).toBe(false);
            if ((calendar.capacity ?? 1) === 1) {
              for (const booking of calendar.bookings ?? []) {
                const blockedFrom = ms(booking.start) - (booking.bufferBeforeMinutes ?? 0) * 60_000;
                const blockedUntil = ms(booking.end) + (booking.bufferAfterMinutes ?? 0) * 60_000;
                expect(blockedFrom < until && blockedUntil > from).toBe(false);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("does not depend on the host's time zone", () => {
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(scenario, (s) => {
          process.env.TZ = "Pacific/Kiritimati";
          const east = run(s);
          process.env.TZ = "America/Adak";
          const west = run(s);
          expect(west).toEqual(east);
        }),
        { numRuns: 40 },
      );
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
