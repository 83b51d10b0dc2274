import fc from "fast-check";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, fixedClock, formatDayNumber, formatInstant, isoWeekday, parseInstant, parseIsoDate, parseLocalTime } from "./time.js";

describe("instants", () => {
  it.each([
    ["2025-03-31T07:00:00Z", Date.UTC(2025, 2, 31, 7)],
    ["2025-03-31T09:00+02:00", Date.UTC(2025, 2, 31, 7)],
    ["2025-03-31T09:00:00.250+02:00", Date.UTC(2025, 2, 31, 7, 0, 0, 250)],
    ["2025-03-31T09:00:00+02:00[Europe/Madrid]", Date.UTC(2025, 2, 31, 7)],
    ["2025-03-31t07:00:00z", Date.UTC(2025, 2, 31, 7)],
    ["2025-03-31T02:00:00-0500", Date.UTC(2025, 2, 31, 7)],
  ])("reads %s", (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each(["2025-03-31T07:00:00", "2025-03-31", "2025-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-03-31T24:00:00Z", "yesterday", "", "2025-03-31T07:00:00+25:00"])("refuses %j", (text) => {
    expect(() => parseInstant(text)).toThrow(expect.objectContaining({ code: "INVALID_INSTANT" }));
  });

  it("refuses what is not a string", () => {
    expect(() => parseInstant(42 as unknown as string)).toThrow(expect.objectContaining({ code: "INVALID_INSTANT" }));
  });

  it("formats like Temporal.Instant#toString and reads back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (epochMs) => {
        const text = formatInstant(epochMs);
        expect(text).toBe(Temporal.Instant.fromEpochMilliseconds(epochMs).toString());
        expect(parseInstant(text)).toBe(epochMs);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees with Temporal on any offset", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: -12 * 60, max: 14 * 60 }), (epochMs, offsetMinutes) => {
        const seconds = Math.floor(epochMs / 1000) * 1000;
        const sign = offsetMinutes < 0 ? "-" : "+";
        const offset = `${sign}${String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, "0")}:${String(Math.abs(offsetMinutes) % 60).padStart(2, "0")}`;
        const text = Temporal.Instant.fromEpochMilliseconds(seconds).toString({ timeZone: offset });
        expect(parseInstant(text)).toBe(seconds);
      }),
      { numRuns: 300 },
    );
  });

  it("a fixed clock", () => {
    expect(fixedClock("2025-01-01T00:00:00Z").now().toString()).toBe("2025-01-01T00:00:00Z");
    const instant = Temporal.Instant.from("2025-01-01T00:00:00Z");
    expect(fixedClock(instant).now()).toBe(instant);
  });
});

describe("local dates and times", () => {
  it("day numbers round-trip and match Temporal", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 3_000_000 }), (day) => {
        const { year, month, day: dayOfMonth } = civilFromDays(day);
        expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
        const date = Temporal.PlainDate.from("1970-01-01").add({ days: day });
        expect(formatDayNumber(day)).toBe(date.toString());
        expect(isoWeekday(day)).toBe(date.dayOfWeek);
        if (year >= 0 && year <= 9999) expect(parseIsoDate(date.toString())).toBe(day);
      }),
      { numRuns: 500 },
    );
  });

  it("reads local dates and times", () => {
    expect(parseIsoDate("2024-02-29")).toBe(daysFromCivil(2024, 2, 29));
    expect(() => parseIsoDate("2025-02-29")).toThrow(expect.objectContaining({ code: "INVALID_LOCAL_DATE" }));
    expect(() => parseIsoDate("2025-2-1")).toThrow(expect.objectContaining({ code: "INVALID_LOCAL_DATE" }));
    expect(parseLocalTime("00:00")).toBe(0);
    expect(parseLocalTime("09:30")).toBe(570);
    expect(parseLocalTime("24:00")).toBe(1440);
    for (const bad of ["24:30", "9:30", "09:60", "noon"]) expect(() => parseLocalTime(bad)).toThrow(expect.objectContaining({ code: "INVALID_LOCAL_TIME" }));
  });
});
