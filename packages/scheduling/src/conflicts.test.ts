import { describe, expect, it } from "vitest";
import { type Calendar, calendarAvailability, expandRecurrence, findConflicts, findConflictsForEach, fixedClock, SCHEDULING_ERROR_CODES, validateBookingRequest } from "./index.js";

const hours = { start: "09:00", end: "17:00" };
const madrid = (id: string, extra: Partial<Calendar> = {}): Calendar => ({
  id,
  timeZone: "Europe/Madrid",
  weeklyHours: { monday: [hours], tuesday: [hours], wednesday: [hours], thursday: [hours], friday: [hours] },
  ...extra,
});

describe("findConflicts", () => {
  const ana = madrid("ana", {
    holidays: ["2025-06-24"],
    timeOff: [{ start: "2025-06-03T10:00:00Z", end: "2025-06-03T12:00:00Z" }],
    bookings: [
      { id: "b1", start: "2025-06-02T08:00:00Z", end: "2025-06-02T08:30:00Z", bufferAfterMinutes: 10 },
      { id: "b2", start: "2025-06-02T10:00:00Z", end: "2025-06-02T11:00:00Z" },
    ],
  });

  it("is empty when the booking fits", () => {
    expect(findConflicts({ start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z" }, [ana])).toEqual([]);
  });

  it("reports bookings it overlaps, with the buffers of both sides", () => {
    expect(findConflicts({ start: "2025-06-02T08:30:00Z", end: "2025-06-02T09:00:00Z" }, [ana])).toEqual([
      { calendarId: "ana", code: "SLOT_TAKEN", start: "2025-06-02T08:00:00Z", end: "2025-06-02T08:30:00Z", bookingId: "b1" },
    ]);
    expect(findConflicts({ start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z", bufferAfterMinutes: 5 }, [ana]).map((conflict) => conflict.bookingId)).toEqual(["b2"]);
  });

  it("ignores the booking being moved", () => {
    expect(findConflicts({ start: "2025-06-02T10:30:00Z", end: "2025-06-02T11:30:00Z", ignoreBookingIds: ["b2"] }, [ana])).toEqual([]);
  });

  it("reports hours not worked, holidays and time off", () => {
    expect(findConflicts({ start: "2025-06-02T14:30:00Z", end: "2025-06-02T15:30:00Z" }, [ana])).toEqual([{ calendarId: "ana", code: "OUTSIDE_WORKING_HOURS", start: "2025-06-02T15:00:00Z", end: "2025-06-02T15:30:00Z" }]);
    expect(findConflicts({ start: "2025-06-24T08:00:00Z", end: "2025-06-24T09:00:00Z" }, [ana])).toEqual([{ calendarId: "ana", code: "HOLIDAY", start: "2025-06-24T08:00:00Z", end: "2025-06-24T09:00:00Z", date: "2025-06-24" }]);
    expect(findConflicts({ start: "2025-06-03T11:00:00Z", end: "2025-06-03T12:30:00Z" }, [ana])).toEqual([{ calendarId: "ana", code: "TIME_OFF", start: "2025-06-03T10:00:00Z", end: "2025-06-03T12:00:00Z" }]);
  });

  it("checks only the calendars named, and refuses unknown ones", () => {
    const ben = madrid("ben", { bookings: [{ id: "x", start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z" }] });
    const booking = { start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z" };
    expect(findConflicts({ ...booking, calendarIds: ["ana"] }, [ana, ben])).toEqual([]);
    expect(findConflicts(booking, [ana, ben]).map((conflict) => conflict.calendarId)).toEqual(["ben"]);
    expect(() => findConflicts({ ...booking, calendarIds: ["zoe"] }, [ana])).toThrow(expect.objectContaining({ code: "UNKNOWN_CALENDAR" }));
  });

  it("reports a full group resource", () => {
    const gym = madrid("gym", { capacity: 2, bookings: [{ start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z", seats: 2 }] });
    expect(findConflicts({ start: "2025-06-02T09:30:00Z", end: "2025-06-02T10:30:00Z" }, [gym])).toEqual([{ calendarId: "gym", code: "CAPACITY_EXCEEDED", start: "2025-06-02T09:30:00Z", end: "2025-06-02T10:00:00Z" }]);
    expect(findConflicts({ start: "2025-06-02T10:00:00Z", end: "2025-06-02T11:00:00Z", seats: 2 }, [gym])).toEqual([]);
  });
});

describe("conflicts of a whole series", () => {
  it("reports which occurrences of a weekly appointment collide, before anything is booked", () => {
    const ana = madrid("ana", {
      holidays: ["2025-06-09"],
      bookings: [{ id: "dentist-conf", start: "2025-06-16T08:00:00Z", end: "2025-06-16T09:00:00Z" }],
    });
    const occurrences = expandRecurrence({ start: "2025-06-02T10:00", timeZone: "Europe/Madrid", rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4", durationMinutes: 30 });
    const result = findConflictsForEach(occurrences, { calendarIds: ["ana"] }, [ana]);
    expect(result.occurrences).toHaveLength(4);
    expect(result.conflicts.map((entry) => [entry.index, entry.occurrence.start, entry.conflicts.map((conflict) => conflict.code)])).toEqual([
      [1, "2025-06-09T08:00:00Z", ["HOLIDAY"]],
      [2, "2025-06-16T08:00:00Z", ["SLOT_TAKEN"]],
    ]);
  });

  it("handles no occurrences", () => {
    expect(findConflictsForEach([], {}, [madrid("ana")])).toEqual({ occurrences: [], conflicts: [] });
  });
});

describe("validateBookingRequest", () => {
  const clock = fixedClock("2025-06-02T07:00:00Z");
  const ana = madrid("ana", { bookings: [{ id: "b1", start: "2025-06-02T10:00:00Z", end: "2025-06-02T11:00:00Z" }] });
  const room = madrid("room", { kind: "resource" });
  const service = { durationMinutes: 60, needs: { kind: "staff-and-room" as const, staff: ["ana"], rooms: ["room"] } };
  const request = { service, calendarIds: ["ana", "room"], calendars: [ana, room], clock, policy: { stepMinutes: 30, minimumNoticeMinutes: 60, maxDaysAhead: 30 } };
  const codes = (start: string, extra: object = {}) => validateBookingRequest({ ...request, start, ...extra }).map((error) => error.code);

  it("accepts a good request", () => {
    expect(codes("2025-06-02T08:30:00Z")).toEqual([]);
  });

  it.each([
    ["2025-06-02T06:00:00Z", ["IN_THE_PAST", "OUTSIDE_WORKING_HOURS", "OUTSIDE_WORKING_HOURS"]],
    ["2025-06-02T07:30:00Z", ["INSIDE_MINIMUM_NOTICE"]],
    ["2025-07-14T08:00:00Z", ["BEYOND_BOOKING_WINDOW"]],
    ["2025-06-02T08:10:00Z", ["START_NOT_ON_STEP"]],
    ["2025-06-02T10:30:00Z", ["SLOT_TAKEN"]],
    ["2025-06-07T08:00:00Z", ["OUTSIDE_WORKING_HOURS", "OUTSIDE_WORKING_HOURS"]],
  ])("%s → %j", (start, expected) => {
    expect(codes(start)).toEqual(expected);
  });

  it("reports invalid input alone", () => {
    expect(codes("tomorrow at nine")).toEqual(["INVALID_INSTANT"]);
    expect(codes("2025-06-02T08:30:00Z", { service: { ...service, durationMinutes: 45 } })).toEqual(["DURATION_NOT_MULTIPLE_OF_STEP"]);
    expect(codes("2025-06-02T08:30:00Z", { calendarIds: ["ana"] })).toEqual(["NEEDS_NOT_MET"]);
    expect(codes("2025-06-02T08:30:00Z", { calendarIds: ["ana", "zoe"] })).toEqual(["UNKNOWN_CALENDAR"]);
    expect(codes("2025-06-02T08:30:00Z", { calendars: [madrid("ana", { timeZone: "Mars/Olympus" }), room] })).toEqual(["UNKNOWN_TIME_ZONE"]);
  });

  it("lets a moved appointment keep its own time", () => {
    expect(codes("2025-06-02T10:00:00Z", { ignoreBookingIds: ["b1"] })).toEqual([]);
  });

  it("carries details a client can translate, and a transport code", () => {
    const [error] = validateBookingRequest({ ...request, start: "2025-06-02T10:30:00Z" });
    expect(error?.details).toMatchObject({ calendarId: "ana", bookingId: "b1" });
    expect(SCHEDULING_ERROR_CODES[error?.code ?? "INVALID_OPTION"]).toBe("CONFLICT");
  });
});

describe("calendarAvailability", () => {
  it("gives working and free ranges for a day view", () => {
    const ana = madrid("ana", { bookings: [{ start: "2025-06-02T09:00:00Z", end: "2025-06-02T10:00:00Z" }], timeOff: [{ start: "2025-06-02T13:00:00Z", end: "2025-06-02T18:00:00Z" }] });
    expect(calendarAvailability(ana, { start: "2025-06-02T00:00:00Z", end: "2025-06-03T00:00:00Z" })).toEqual({
      hours: [{ start: "2025-06-02T07:00:00Z", end: "2025-06-02T15:00:00Z" }],
      free: [
        { start: "2025-06-02T07:00:00Z", end: "2025-06-02T09:00:00Z" },
        { start: "2025-06-02T10:00:00Z", end: "2025-06-02T13:00:00Z" },
      ],
    });
  });
});
