import { describe, expect, it } from "vitest";
import { addInterval, clearDay, copyMondayToWeekdays, dayName, emptyWeek, hoursErrors, intervalIssue, placeHoursIssues, toWeek, weekOrder } from "./working-hours-model";

describe("working hours model", () => {
  it("orders the week and names the days as the locale does", () => {
    expect(weekOrder("es")[0]).toBe("monday");
    expect(weekOrder("it")[0]).toBe("monday");
    expect(weekOrder("en-US")[0]).toMatch(/^(sunday|monday)$/);
    expect(new Set(weekOrder("en"))).toHaveProperty("size", 7);
    expect(dayName("es", "saturday")).toBe("sábado");
    expect(dayName("it", "monday")).toBe("lunedì");
    expect(dayName("en", "sunday")).toBe("Sunday");
  });

  it("copies Monday to the other weekdays, leaving the weekend, and clears a day", () => {
    let week = toWeek({ monday: [{ start: "09:00", end: "14:00" }, { start: "16:00", end: "20:00" }], saturday: [{ start: "10:00", end: "13:00" }] });
    week = copyMondayToWeekdays(week);
    expect(week.friday).toEqual(week.monday);
    expect(week.wednesday).toHaveLength(2);
    expect(week.saturday).toEqual([{ start: "10:00", end: "13:00" }]);
    expect(week.sunday).toEqual([]);
    expect(clearDay(week, "monday").monday).toEqual([]);
    expect(clearDay(week, "monday").tuesday).toHaveLength(2);
  });

  it("adds an interval after the day's last one", () => {
    let week = addInterval(emptyWeek(), "monday");
    expect(week.monday).toEqual([{ start: "09:00", end: "14:00" }]);
    week = addInterval(week, "monday");
    expect(week.monday[1]).toEqual({ start: "15:00", end: "19:00" });
    expect(hoursErrors(week)).toEqual({});
  });

  it("finds overlaps and ends before starts with the domain schema, by place", () => {
    const week = toWeek({
      monday: [{ start: "09:00", end: "14:00" }, { start: "13:00", end: "18:00" }],
      tuesday: [{ start: "14:00", end: "09:00" }],
    });
    const errors = hoursErrors(week);
    expect(intervalIssue(errors, "monday", 1).interval?.key).toBe("validation.hours_overlap");
    expect(intervalIssue(errors, "tuesday", 0).end?.key).toBe("validation.time_range_invalid");
    expect(intervalIssue(errors, "monday", 0)).toEqual({});
  });

  it("places the server's issues under weeklyHours too", () => {
    const errors = placeHoursIssues([{ path: ["weeklyHours", "friday", 0], key: "validation.hours_overlap" }, { path: ["staffId"], key: "validation.id_invalid" }]);
    expect(Object.keys(errors)).toEqual(["friday.0"]);
  });
});
