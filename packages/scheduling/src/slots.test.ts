import { describe, expect, it } from "vitest";
import { type Calendar, type Service, type Slot, findSlots, fixedClock, nextFreeSlots, publicHolidays, SchedulingError, type WeeklyHours } from "./index.js";

const everyDay = (start: string, end: string): WeeklyHours => ({
  monday: [{ start, end }],
  tuesday: [{ start, end }],
  wednesday: [{ start, end }],
  thursday: [{ start, end }],
  friday: [{ start, end }],
  saturday: [{ start, end }],
  sunday: [{ start, end }],
});
const weekdays = (...intervals: { start: string; end: string }[]): WeeklyHours => ({
  monday: intervals,
  tuesday: intervals,
  wednesday: intervals,
  thursday: intervals,
  friday: intervals,
});

const calendar = (id: string, extra: Partial<Calendar> = {}): Calendar => ({ id, timeZone: "Europe/Madrid", weeklyHours: everyDay("09:00", "17:00"), ...extra });
const clock = fixedClock("2025-01-01T00:00:00Z");
const hour: Service = { durationMinutes: 60 };
const starts = (slots: Slot[]) => slots.map((slot) => slot.start);
const day = (date: string) => ({ start: `${date}T00:00:00Z`, end: `${date}T23:59:00Z` });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof SchedulingError) return error.code;
    throw error;
  }
  return undefined;
}

describe("working hours across daylight-saving changes", () => {
  it("09:00-17:00 in Madrid on the spring-forward day (30 March 2025) starts at 07:00Z", () => {
    const slots = findSlots({ service: hour, candidates: [calendar("ana")], window: { start: "2025-03-29T00:00:00Z", end: "2025-03-31T00:00:00Z" }, clock });
    expect(starts(slots)).toEqual([
      ...[8, 9, 10, 11, 12, 13, 14, 15].map((h) => `2025-03-29T${String(h).padStart(2, "0")}:00:00Z`),
      ...[7, 8, 9, 10, 11, 12, 13, 14].map((h) => `2025-03-30T${String(h).padStart(2, "0")}:00:00Z`),
    ]);
    expect(slots.at(-1)).toEqual({ start: "2025-03-30T14:00:00Z", end: "2025-03-30T15:00:00Z", staff: ["ana"], resources: [] });
  });

  it("09:00-17:00 in Madrid on the fall-back day (26 October 2025) starts at 08:00Z", () => {
    const slots = findSlots({ service: hour, candidates: [calendar("ana")], window: { start: "2025-10-25T00:00:00Z", end: "2025-10-27T00:00:00Z" }, clock });
    expect(slots.filter((slot) => slot.start.startsWith("2025-10-25"))[0]?.start).toBe("2025-10-25T07:00:00Z");
    expect(slots.filter((slot) => slot.start.startsWith("2025-10-26")).map((slot) => slot.start)).toEqual([8, 9, 10, 11, 12, 13, 14, 15].map((h) => `2025-10-26T${String(h).padStart(2, "0")}:00:00Z`));
  });

  it("09:00-17:00 in New York on both 2025 changes", () => {
    const newYork = calendar("nora", { timeZone: "America/New_York" });
    const first = (date: string) => findSlots({ service: hour, candidates: [newYork], window: { start: `${date}T00:00:00Z`, end: `${date}T23:59:00Z` }, clock })[0]?.start;
    expect(first("2025-03-08")).toBe("2025-03-08T14:00:00Z");
    expect(first("2025-03-09")).toBe("2025-03-09T13:00:00Z");
    expect(first("2025-11-01")).toBe("2025-11-01T13:00:00Z");
    expect(first("2025-11-02")).toBe("2025-11-02T14:00:00Z");
  });

  it("a day open around the clock has 23 hours in spring and 25 in autumn", () => {
    const always = calendar("room", { weeklyHours: everyDay("00:00", "24:00"), kind: "resource" });
    expect(findSlots({ service: hour, candidates: [always], window: { start: "2025-03-29T23:00:00Z", end: "2025-03-30T22:00:00Z" }, clock })).toHaveLength(23);
    expect(findSlots({ service: hour, candidates: [always], window: { start: "2025-10-25T22:00:00Z", end: "2025-10-26T23:00:00Z" }, clock })).toHaveLength(25);
  });

  it("hours that straddle the skipped hour keep their wall-clock ends", () => {
    const night = calendar("night", { weeklyHours: everyDay("01:00", "04:00") });
    const slots = findSlots({ service: { durationMinutes: 30 }, candidates: [night], window: { start: "2025-03-29T12:00:00Z", end: "2025-03-30T12:00:00Z" }, clock });
    // 01:00 CET = 00:00Z … 04:00 CEST = 02:00Z: two real hours.
    expect(starts(slots)).toEqual(["2025-03-30T00:00:00Z", "2025-03-30T00:30:00Z", "2025-03-30T01:00:00Z", "2025-03-30T01:30:00Z"]);
  });

  it("the grid repeats the hour that a fall-back repeats", () => {
    const night = calendar("night", { weeklyHours: everyDay("01:00", "04:00") });
    const slots = findSlots({ service: hour, candidates: [night], window: day("2025-10-26"), clock });
    // 01:00 CEST (23:00Z the day before) is outside the window; 02:00 CEST, 02:00 CET, 03:00 CET.
    expect(starts(slots)).toEqual(["2025-10-26T00:00:00Z", "2025-10-26T01:00:00Z", "2025-10-26T02:00:00Z"]);
  });

  it("a grid in another time zone than the calendar's", () => {
    const kathmandu = calendar("k", { timeZone: "Asia/Kathmandu", weeklyHours: everyDay("09:00", "11:00") });
    const own = findSlots({ service: hour, candidates: [kathmandu], window: day("2025-06-02"), clock, policy: { stepMinutes: 60 } });
    expect(starts(own)).toEqual(["2025-06-02T03:15:00Z", "2025-06-02T04:15:00Z"]);
    const utc = findSlots({ service: hour, candidates: [kathmandu], window: day("2025-06-02"), clock, policy: { stepMinutes: 60 }, timeZone: "UTC" });
    expect(starts(utc)).toEqual(["2025-06-02T04:00:00Z"]);
  });
});

describe("hours, overrides, holidays and time off", () => {
  it("several intervals a day and closed days", () => {
    const split = calendar("s", { weeklyHours: weekdays({ start: "09:00", end: "11:00" }, { start: "16:00", end: "17:00" }) });
    expect(starts(findSlots({ service: hour, candidates: [split], window: day("2025-06-02"), clock }))).toEqual(["2025-06-02T07:00:00Z", "2025-06-02T08:00:00Z", "2025-06-02T14:00:00Z"]);
    expect(findSlots({ service: hour, candidates: [split], window: day("2025-06-01"), clock })).toEqual([]);
  });

  it("touching and overlapping intervals merge", () => {
    const joined = calendar("j", { weeklyHours: { monday: [{ start: "09:00", end: "10:30" }, { start: "10:30", end: "11:00" }, { start: "09:30", end: "10:00" }] } });
    expect(starts(findSlots({ service: { durationMinutes: 120 }, candidates: [joined], window: day("2025-06-02"), clock }))).toEqual(["2025-06-02T07:00:00Z"]);
    expect(starts(findSlots({ service: { durationMinutes: 180 }, candidates: [joined], window: day("2025-06-02"), clock }))).toEqual([]);
    expect(starts(findSlots({ service: hour, candidates: [joined], window: day("2025-06-02"), clock }))).toEqual(["2025-06-02T07:00:00Z", "2025-06-02T08:00:00Z"]);
  });

  it("date overrides change or close one date, and win over holidays", () => {
    const ana = calendar("ana", {
      holidays: ["2025-06-02", "2025-06-03"],
      overrides: [
        { date: "2025-06-03", hours: [{ start: "10:00", end: "11:00" }] },
        { date: "2025-06-04", hours: [] },
      ],
    });
    expect(findSlots({ service: hour, candidates: [ana], window: day("2025-06-02"), clock })).toEqual([]);
    expect(starts(findSlots({ service: hour, candidates: [ana], window: day("2025-06-03"), clock }))).toEqual(["2025-06-03T08:00:00Z"]);
    expect(findSlots({ service: hour, candidates: [ana], window: day("2025-06-04"), clock })).toEqual([]);
    expect(findSlots({ service: hour, candidates: [ana], window: day("2025-06-05"), clock })).toHaveLength(8);
  });

  it("regional holidays close the office: Madrid on 2 May, Italy on Easter Monday", () => {
    const madrid = calendar("m", { holidays: publicHolidays("ES-MD", 2025).map((holiday) => holiday.date) });
    expect(findSlots({ service: hour, candidates: [madrid], window: day("2025-05-02"), clock })).toEqual([]);
    expect(findSlots({ service: hour, candidates: [madrid], window: day("2025-05-05"), clock })).toHaveLength(8);
    const rome = calendar("r", { timeZone: "Europe/Rome", holidays: publicHolidays("IT", 2025).map((holiday) => holiday.date) });
    expect(findSlots({ service: hour, candidates: [rome], window: day("2025-04-21"), clock })).toEqual([]);
  });

  it("time off removes the instants it covers", () => {
    const ana = calendar("ana", { timeOff: [{ start: "2025-06-02T08:30:00Z", end: "2025-06-02T12:00:00Z" }] });
    expect(starts(findSlots({ service: hour, candidates: [ana], window: day("2025-06-02"), clock }))).toEqual(["2025-06-02T07:00:00Z", "2025-06-02T12:00:00Z", "2025-06-02T13:00:00Z", "2025-06-02T14:00:00Z"]);
  });
});

describe("bookings, buffers, capacity", () => {
  it("a slot never overlaps a booking or the buffers of either side", () => {
    const ana = calendar("ana", { bookings: [{ id: "b1", start: "2025-06-02T09:00:00Z", end: "2025-06-02T09:30:00Z", bufferAfterMinutes: 15 }] });
    const service: Service = { durationMinutes: 30, bufferBeforeMinutes: 15 };
    const slots = starts(findSlots({ service, candidates: [ana], window: { start: "2025-06-02T08:00:00Z", end: "2025-06-02T11:00:00Z" }, clock, policy: { stepMinutes: 15 } }));
    // 08:15 + 30 = 08:45 ≤ 09:00 ✓; 08:30 would end at 09:00 (ok) but 08:45 ends 09:15 ✗.
    // After: booking ends 09:30 + 15 = 09:45, plus our 15 before → 10:00.
    expect(slots).toEqual(["2025-06-02T08:00:00Z", "2025-06-02T08:15:00Z", "2025-06-02T08:30:00Z", "2025-06-02T10:00:00Z", "2025-06-02T10:15:00Z", "2025-06-02T10:30:00Z"]);
  });

  it("buffers must fit in working hours too", () => {
    const service: Service = { durationMinutes: 60, bufferBeforeMinutes: 10, bufferAfterMinutes: 10 };
    const slots = starts(findSlots({ service, candidates: [calendar("ana")], window: day("2025-06-02"), clock, policy: { stepMinutes: 30 } }));
    expect(slots[0]).toBe("2025-06-02T07:30:00Z");
    // It must end by 16:50 local so that its 10 minutes after fit before 17:00.
    expect(slots.at(-1)).toBe("2025-06-02T13:30:00Z");
  });

  it("group resources take bookings up to their capacity", () => {
    const bookings = [
      { start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z" },
      { start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z", seats: 2 },
    ];
    const gym = calendar("gym", { kind: "resource", capacity: 4, bookings });
    const window = { start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z" };
    expect(findSlots({ service: hour, candidates: [gym], window, clock })).toEqual([{ start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z", staff: [], resources: ["gym"] }]);
    expect(findSlots({ service: { ...hour, seats: 2 }, candidates: [gym], window, clock })).toEqual([]);
    expect(findSlots({ service: { ...hour, seats: 5 }, candidates: [calendar("gym2", { capacity: 4 })], window, clock })).toEqual([]);
  });

  it("back-to-back bookings do not add up on a group resource", () => {
    const room = calendar("room", {
      capacity: 1,
      bookings: [
        { start: "2025-06-02T07:00:00Z", end: "2025-06-02T08:00:00Z" },
        { start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z" },
      ],
    });
    expect(starts(findSlots({ service: hour, candidates: [room], window: { start: "2025-06-02T07:00:00Z", end: "2025-06-02T10:00:00Z" }, clock }))).toEqual(["2025-06-02T08:00:00Z"]);
  });
});

describe("notice, booking window, grid and limits", () => {
  it("respects the minimum notice and the booking window", () => {
    const now = fixedClock("2025-06-02T08:10:00Z");
    const slots = findSlots({ service: hour, candidates: [calendar("ana")], window: { start: "2025-06-01T00:00:00Z", end: "2025-06-10T00:00:00Z" }, clock: now, policy: { minimumNoticeMinutes: 60, maxDaysAhead: 1 } });
    expect(slots[0]?.start).toBe("2025-06-02T10:00:00Z");
    expect(slots.at(-1)?.start).toBe("2025-06-03T08:00:00Z");
  });

  it("starts on the step grid from local midnight", () => {
    const odd = calendar("odd", { weeklyHours: everyDay("09:10", "10:40") });
    expect(starts(findSlots({ service: { durationMinutes: 30 }, candidates: [odd], window: day("2025-06-02"), clock, policy: { stepMinutes: 15 } }))).toEqual(["2025-06-02T07:15:00Z", "2025-06-02T07:30:00Z", "2025-06-02T07:45:00Z", "2025-06-02T08:00:00Z"]);
  });

  it("the step defaults to the largest divisor of the duration and an hour; a limit stops early", () => {
    expect(starts(findSlots({ service: { durationMinutes: 120 }, candidates: [calendar("ana")], window: day("2025-06-02"), clock }))).toHaveLength(7);
    expect(starts(findSlots({ service: { durationMinutes: 45 }, candidates: [calendar("ana")], window: day("2025-06-02"), clock })).slice(0, 3)).toEqual(["2025-06-02T07:00:00Z", "2025-06-02T07:15:00Z", "2025-06-02T07:30:00Z"]);
    expect(findSlots({ service: hour, candidates: [calendar("ana")], window: day("2025-06-02"), clock, limit: 2 })).toHaveLength(2);
  });

  it("a window in the past gives nothing", () => {
    expect(findSlots({ service: hour, candidates: [calendar("ana")], window: day("2024-06-03"), clock })).toEqual([]);
  });
});

describe("who serves a slot", () => {
  const window = { start: "2025-06-02T07:00:00Z", end: "2025-06-02T09:00:00Z" };
  const now = fixedClock("2025-06-01T12:00:00Z");

  it("one of several: the least recently booked first", () => {
    const candidates = [calendar("ana", { lastBookedAt: "2025-06-01T10:00:00Z" }), calendar("ben", { lastBookedAt: "2025-05-30T10:00:00Z" })];
    expect(findSlots({ service: hour, candidates, window, clock: now }).map((slot) => slot.staff)).toEqual([["ben"], ["ben"]]);
    const never = [...candidates, calendar("cris", { lastBookedAt: null })];
    expect(findSlots({ service: hour, candidates: never, window, clock: now })[0]?.staff).toEqual(["cris"]);
  });

  it("one of several: weights multiply idle time", () => {
    const candidates = [calendar("ana", { lastBookedAt: "2025-06-01T10:00:00Z", weight: 3 }), calendar("ben", { lastBookedAt: "2025-06-01T07:00:00Z" })];
    // ana: 2 h idle × 3 = 6 h; ben: 5 h × 1.
    expect(findSlots({ service: hour, candidates, window, clock: now })[0]?.staff).toEqual(["ana"]);
  });

  it("one of several: the next in line when the first is busy", () => {
    const candidates = [calendar("ana", { bookings: [{ start: "2025-06-02T07:00:00Z", end: "2025-06-02T08:00:00Z" }] }), calendar("ben", { lastBookedAt: "2025-06-01T11:00:00Z" })];
    expect(findSlots({ service: hour, candidates, window, clock: now }).map((slot) => slot.staff)).toEqual([["ben"], ["ana"]]);
  });

  it("all of several: only when everyone is free", () => {
    const candidates = [calendar("doctor"), calendar("interpreter", { weeklyHours: everyDay("10:00", "12:00") })];
    const slots = findSlots({ service: { ...hour, needs: { kind: "all-of", ids: ["doctor", "interpreter"] } }, candidates, window: day("2025-06-02"), clock: now });
    expect(slots).toEqual([
      { start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z", staff: ["doctor", "interpreter"], resources: [] },
      { start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z", staff: ["doctor", "interpreter"], resources: [] },
    ]);
  });

  it("a staff member plus a room", () => {
    const candidates = [
      calendar("ana", { bookings: [{ start: "2025-06-02T07:00:00Z", end: "2025-06-02T08:00:00Z" }] }),
      calendar("ben", { weeklyHours: {} }),
      calendar("room-1", { kind: "resource", bookings: [{ start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z" }] }),
      calendar("room-2", { kind: "resource", lastBookedAt: "2025-06-01T11:00:00Z" }),
    ];
    const service: Service = { ...hour, needs: { kind: "staff-and-room", staff: ["ana", "ben"], rooms: ["room-1", "room-2"] } };
    expect(findSlots({ service, candidates, window, clock: now })).toEqual([{ start: "2025-06-02T08:00:00Z", end: "2025-06-02T09:00:00Z", staff: ["ana"], resources: ["room-2"] }]);
  });
});

describe("next free slots", () => {
  it("finds the next three across a weekend and a week boundary", () => {
    const ana = calendar("ana", { weeklyHours: weekdays({ start: "09:00", end: "10:00" }) });
    const slots = nextFreeSlots(3, { service: { durationMinutes: 30 }, candidates: [ana], clock: fixedClock("2025-06-06T08:30:00Z") });
    expect(starts(slots)).toEqual(["2025-06-09T07:00:00Z", "2025-06-09T07:30:00Z", "2025-06-10T07:00:00Z"]);
  });

  it("looks further than a week when needed and stops at the booking window", () => {
    const ana = calendar("ana", { overrides: Array.from({ length: 20 }, (_, index) => ({ date: `2025-06-${String(index + 1).padStart(2, "0")}`, hours: [] })) });
    expect(nextFreeSlots(1, { service: hour, candidates: [ana], clock: fixedClock("2025-06-01T00:00:00Z") })[0]?.start).toBe("2025-06-21T07:00:00Z");
    expect(nextFreeSlots(1, { service: hour, candidates: [ana], clock: fixedClock("2025-06-01T00:00:00Z"), policy: { maxDaysAhead: 14 } })).toEqual([]);
  });

  it("starts from `from` when later than now", () => {
    const now = fixedClock("2025-06-01T00:00:00Z");
    expect(nextFreeSlots(1, { service: hour, candidates: [calendar("ana")], clock: now, from: "2025-06-02T10:30:00Z" })[0]?.start).toBe("2025-06-02T11:00:00Z");
    expect(nextFreeSlots(1, { service: hour, candidates: [calendar("ana")], clock: now, from: "2025-12-02T10:30:00Z" })).toEqual([]);
  });
});

describe("invalid input", () => {
  const base = { service: hour, candidates: [calendar("ana")], window: day("2025-06-02"), clock };
  it.each([
    ["UNKNOWN_TIME_ZONE", { candidates: [calendar("ana", { timeZone: "Europe/Atlantis" })] }],
    ["UNKNOWN_TIME_ZONE", { timeZone: "+01:00" }],
    ["DURATION_NOT_MULTIPLE_OF_STEP", { service: { durationMinutes: 50 }, policy: { stepMinutes: 15 } }],
    ["INVALID_OPTION", { policy: { stepMinutes: 7 }, service: { durationMinutes: 14 } }],
    ["INVALID_OPTION", { service: { durationMinutes: 0 } }],
    ["INVALID_OPTION", { service: { durationMinutes: 60, bufferAfterMinutes: -5 } }],
    ["INVALID_OPTION", { candidates: [calendar("ana", { weight: -1 })] }],
    ["UNKNOWN_CALENDAR", { service: { ...hour, needs: { kind: "one-of", ids: ["zoe"] } } }],
    ["NEEDS_NOT_MET", { service: { ...hour, needs: { kind: "one-of", ids: [] } } }],
    ["NEEDS_NOT_MET", { service: { ...hour, needs: { kind: "staff-and-room", staff: ["ana"], rooms: ["ana"] } } }],
    ["INVALID_INSTANT", { window: { start: "2025-06-02 09:00", end: "2025-06-03T00:00:00Z" } }],
    ["INVALID_RANGE", { window: { start: "2025-06-03T00:00:00Z", end: "2025-06-02T00:00:00Z" } }],
    ["INVALID_LOCAL_TIME", { candidates: [calendar("ana", { weeklyHours: { monday: [{ start: "17:00", end: "09:00" }] } })] }],
    ["INVALID_LOCAL_TIME", { candidates: [calendar("ana", { weeklyHours: { monday: [{ start: "9:00", end: "10:00" }] } })] }],
    ["INVALID_LOCAL_DATE", { candidates: [calendar("ana", { holidays: ["2025-02-30"] })] }],
    ["INVALID_RANGE", { candidates: [calendar("ana", { bookings: [{ start: "2025-06-02T10:00:00Z", end: "2025-06-02T09:00:00Z" }] })] }],
  ] as const)("%s for %j", (code, override) => {
    expect(codeOf(() => findSlots({ ...base, ...override } as Parameters<typeof findSlots>[0]))).toBe(code);
  });
});
