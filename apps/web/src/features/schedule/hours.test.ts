import { describe, expect, it } from "vitest";
import { firstOpeningMinutes, hoursOn } from "./hours";

describe("hoursOn", () => {
  const week = { monday: [{ start: "09:00", end: "14:00" }, { start: "15:00", end: "19:00" }], sunday: [{ start: "09:00", end: "13:00" }] };

  it("reads the weekday's hours as wall-clock times in the office's zone", () => {
    expect(hoursOn(week, "2025-06-09", "Europe/Madrid").map((range) => new Date(range.start).toISOString())).toEqual(["2025-06-09T07:00:00.000Z", "2025-06-09T13:00:00.000Z"]);
    expect(hoursOn(week, "2025-06-10", "Europe/Madrid")).toEqual([]);
  });

  it("keeps 09:00 at 09:00 across a DST change", () => {
    expect(new Date(hoursOn(week, "2025-03-30", "Europe/Madrid")[0]!.start).toISOString()).toBe("2025-03-30T07:00:00.000Z");
    expect(new Date(hoursOn(week, "2025-03-23", "Europe/Madrid")[0]!.start).toISOString()).toBe("2025-03-23T08:00:00.000Z");
  });

  it("scrolls to the earliest opening", () => {
    expect(firstOpeningMinutes([week, { tuesday: [{ start: "07:30", end: "10:00" }] }])).toBe(450);
    expect(firstOpeningMinutes([])).toBe(480);
  });
});
