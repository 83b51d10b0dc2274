import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RECURRENCE_LIMIT, expandRecurrence, SchedulingError } from "./index.js";

const weekly = { start: "2025-03-17T09:00", timeZone: "Europe/Madrid", durationMinutes: 30 };
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SchedulingError) return error.code;
    throw error;
  }
  return undefined;
};

describe("expandRecurrence", () => {
  it("keeps the wall-clock time across the spring change in Madrid", () => {
    expect(expandRecurrence({ ...weekly, rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=3" })).toEqual([
      { start: "2025-03-17T08:00:00Z", end: "2025-03-17T08:30:00Z" },
      { start: "2025-03-24T08:00:00Z", end: "2025-03-24T08:30:00Z" },
      { start: "2025-03-31T07:00:00Z", end: "2025-03-31T07:30:00Z" },
    ]);
  });

  it("and across the autumn change in New York", () => {
    const occurrences = expandRecurrence({ start: "2025-10-31T09:00", timeZone: "America/New_York", rrule: "RRULE:FREQ=DAILY;COUNT=3", durationMinutes: 60 });
    expect(occurrences.map((occurrence) => occurrence.start)).toEqual(["2025-10-31T13:00:00Z", "2025-11-01T13:00:00Z", "2025-11-02T14:00:00Z"]);
  });

  it("ignores an occurrence at a local time the spring change skips, as RFC 5545 §3.3.10 says", () => {
    const occurrences = expandRecurrence({ start: "2025-03-29T02:30", timeZone: "Europe/Madrid", rrule: "FREQ=DAILY;COUNT=3", durationMinutes: 30 });
    expect(occurrences.map((occurrence) => occurrence.start)).toEqual(["2025-03-29T01:30:00Z", "2025-03-31T00:30:00Z", "2025-04-01T00:30:00Z"]);
    // A DTSTART in the gap itself is read with the offset before it (02:30 → 03:30 CEST).
    expect(expandRecurrence({ start: "2025-03-30T02:30", timeZone: "Europe/Madrid", rrule: "FREQ=DAILY;COUNT=1", durationMinutes: 30 })[0]?.start).toBe("2025-03-30T01:30:00Z");
  });

  it("takes UNTIL, and EXDATEs as local date-times or whole dates", () => {
    const occurrences = expandRecurrence({ ...weekly, rrule: "FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20250331T235959Z", exdates: ["2025-03-19T09:00", "2025-03-24"] });
    expect(occurrences.map((occurrence) => occurrence.start)).toEqual(["2025-03-17T08:00:00Z", "2025-03-26T08:00:00Z", "2025-03-31T07:00:00Z"]);
  });

  it("refuses a rule without an end", () => {
    expect(code(() => expandRecurrence({ ...weekly, rrule: "FREQ=WEEKLY;BYDAY=MO" }))).toBe("RECURRENCE_UNBOUNDED");
  });

  it("refuses a rule past the limit, 500 by default", () => {
    expect(DEFAULT_RECURRENCE_LIMIT).toBe(500);
    expect(expandRecurrence({ ...weekly, rrule: "FREQ=DAILY;COUNT=500" })).toHaveLength(500);
    expect(code(() => expandRecurrence({ ...weekly, rrule: "FREQ=DAILY;COUNT=501" }))).toBe("RECURRENCE_TOO_LONG");
    expect(code(() => expandRecurrence({ ...weekly, rrule: "FREQ=MINUTELY;UNTIL=21000101T000000Z" }))).toBe("RECURRENCE_TOO_LONG");
    expect(code(() => expandRecurrence({ ...weekly, rrule: "FREQ=DAILY;COUNT=11" }, { limit: 10 }))).toBe("RECURRENCE_TOO_LONG");
    // EXDATEs count: 12 generated, 2 excluded, 10 kept.
    expect(expandRecurrence({ ...weekly, rrule: "FREQ=DAILY;COUNT=12", exdates: ["2025-03-18", "2025-03-19T09:00"] }, { limit: 10 })).toHaveLength(10);
  });

  it.each([
    ["FREQ=FORTNIGHTLY;COUNT=2"],
    ["COUNT=2"],
    ["FREQ=DAILY;COUNT=2;UNTIL=20250101T000000Z"],
    ["FREQ=DAILY;COUNT=0"],
    ["FREQ=DAILY;COUNT=2;COLOR=RED"],
    ["FREQ=DAILY;COUNT=2\nEXDATE:20250318T090000Z"],
    ["FREQ=WEEKLY;BYDAY=XX;COUNT=2"],
    [""],
  ])("refuses %j as invalid", (rrule) => {
    expect(code(() => expandRecurrence({ ...weekly, rrule }))).toBe("RECURRENCE_INVALID");
  });

  it("refuses a bad start, zone or duration", () => {
    expect(code(() => expandRecurrence({ ...weekly, start: "2025-02-30T09:00", rrule: "FREQ=DAILY;COUNT=2" }))).toBe("RECURRENCE_INVALID");
    expect(code(() => expandRecurrence({ ...weekly, timeZone: "Europe/Atlantis", rrule: "FREQ=DAILY;COUNT=2" }))).toBe("UNKNOWN_TIME_ZONE");
    expect(code(() => expandRecurrence({ ...weekly, durationMinutes: 0, rrule: "FREQ=DAILY;COUNT=2" }))).toBe("INVALID_OPTION");
  });

  it("a daily rule keeps its local time every day of the year, in any zone", () => {
    fc.assert(
      fc.property(fc.constantFrom("Europe/Madrid", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"), fc.integer({ min: 6, max: 20 }), fc.integer({ min: 1, max: 12 }), (timeZone, hour, month) => {
        const start = `2025-${String(month).padStart(2, "0")}-01T${String(hour).padStart(2, "0")}:15`;
        const occurrences = expandRecurrence({ start, timeZone, rrule: "FREQ=DAILY;COUNT=40", durationMinutes: 45 });
        expect(occurrences).toHaveLength(40);
        for (const occurrence of occurrences) {
          const local = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(occurrence.start));
          expect(local).toBe(`${String(hour).padStart(2, "0")}:15`);
          expect(Date.parse(occurrence.end) - Date.parse(occurrence.start)).toBe(45 * 60_000);
        }
      }),
      { numRuns: 30 },
    );
  });
});
