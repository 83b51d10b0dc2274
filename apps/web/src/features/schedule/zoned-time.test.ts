import { describe, expect, it } from "vitest";
import { addDays, dayRange, isIsoDate, isoWeekday, localDate, localMinutes, startOfWeek, weekDates, weekStartFor, zonedInstant } from "./zoned-time";

const at = (iso: string) => Date.parse(iso);

describe("zoned time", () => {
  it("reads instants in the office's zone, not the browser's", () => {
    expect(localDate(at("2025-06-09T23:30:00Z"), "Europe/Madrid")).toBe("2025-06-10");
    expect(localDate(at("2025-06-09T23:30:00Z"), "America/New_York")).toBe("2025-06-09");
    expect(localMinutes(at("2025-06-09T23:30:00Z"), "Europe/Rome")).toBe(90);
  });

  it("resolves local times like Temporal's compatible disambiguation", () => {
    expect(new Date(zonedInstant("2025-03-30", 150, "Europe/Madrid")).toISOString()).toBe("2025-03-30T01:30:00.000Z");
    expect(new Date(zonedInstant("2025-10-26", 150, "Europe/Madrid")).toISOString()).toBe("2025-10-26T00:30:00.000Z");
    expect(new Date(zonedInstant("2025-01-15", 9 * 60, "Europe/Madrid")).toISOString()).toBe("2025-01-15T08:00:00.000Z");
  });

  it("has 23- and 25-hour days", () => {
    const spring = dayRange("2025-03-30", "Europe/Rome");
    const autumn = dayRange("2025-10-26", "Europe/Rome");
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it("does date arithmetic on calendar dates", () => {
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(isoWeekday("2025-06-09")).toBe(1);
    expect(isoWeekday("2025-06-15")).toBe(7);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
  });

  it("starts the week by language and country", () => {
    expect(weekStartFor("en", "US")).toBe(7);
    expect(weekStartFor("en", "IE")).toBe(1);
    expect(weekStartFor("en", "ES")).toBe(1);
    expect(weekStartFor("es", "ES")).toBe(1);
    expect(weekStartFor("it", "IT")).toBe(1);
    expect(startOfWeek("2025-06-11", 1)).toBe("2025-06-09");
    expect(startOfWeek("2025-06-11", 7)).toBe("2025-06-08");
    expect(weekDates("2025-06-15", 1)).toEqual(["2025-06-09", "2025-06-10", "2025-06-11", "2025-06-12", "2025-06-13", "2025-06-14", "2025-06-15"]);
  });
});
