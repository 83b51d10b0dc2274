import { describe, expect, it } from "vitest";
import { emptyOverride, emptyTimeOff, placeOverrideIssues, placeTimeOffIssues, timeOffSpan, toOverrideInput, toTimeOffInput } from "./availability-model";

const STAFF = "5e3c1a2b-4d5e-4f60-8a7b-9c8d7e6f5a4b";
const MADRID = "Europe/Madrid";

describe("time off from the form", () => {
  it("whole days run from the first day's local midnight to the midnight after the last day", () => {
    const result = toTimeOffInput({ ...emptyTimeOff("2026-12-01"), firstDay: "2026-12-01", lastDay: "2026-12-03", note: "  Navidad " }, STAFF, MADRID);
    expect(result).toEqual({ input: { staffId: STAFF, start: "2026-11-30T23:00:00.000Z", end: "2026-12-03T23:00:00.000Z", reason: "vacation", note: "Navidad" } });
  });

  it("a whole day across the spring clock change is 23 hours", () => {
    const result = toTimeOffInput({ ...emptyTimeOff("2027-03-28"), reason: "sick" }, STAFF, MADRID);
    expect(result).toEqual({ input: { staffId: STAFF, start: "2027-03-27T23:00:00.000Z", end: "2027-03-28T22:00:00.000Z", reason: "sick" } });
  });

  it("part of a day is read in the office's zone", () => {
    const result = toTimeOffInput({ ...emptyTimeOff("2026-07-01"), wholeDays: false, from: "09:30", until: "13:00", reason: "training" }, STAFF, MADRID);
    expect(result).toEqual({ input: { staffId: STAFF, start: "2026-07-01T07:30:00.000Z", end: "2026-07-01T11:00:00.000Z", reason: "training" } });
  });

  it("names a last day before the first, an end before the start, and a missing date", () => {
    expect(toTimeOffInput({ ...emptyTimeOff("2026-12-05"), lastDay: "2026-12-04" }, STAFF, MADRID)).toEqual({ errors: { lastDay: { key: "validation.time_range_invalid" } } });
    expect(toTimeOffInput({ ...emptyTimeOff("2026-12-05"), wholeDays: false, from: "12:00", until: "11:00" }, STAFF, MADRID)).toEqual({ errors: { until: { key: "validation.time_range_invalid" } } });
    expect(toTimeOffInput({ ...emptyTimeOff("2026-12-05"), firstDay: "" }, STAFF, MADRID)).toEqual({ errors: { firstDay: { key: "validation.date_invalid" } } });
  });

  it("puts the server's start and end issues on the days or the times", () => {
    const issues = [{ path: ["end"], key: "validation.period_over_a_year" }, { path: ["note"], key: "validation.too_long" }];
    expect(placeTimeOffIssues(issues, true)).toEqual({ lastDay: { key: "validation.period_over_a_year" }, note: { key: "validation.too_long" } });
    expect(placeTimeOffIssues(issues, false)).toEqual({ until: { key: "validation.period_over_a_year" }, note: { key: "validation.too_long" } });
  });

  it("shows whole days as days and a part of a day as times", () => {
    expect(timeOffSpan("2026-11-30T23:00:00.000Z", "2026-12-03T23:00:00.000Z", MADRID)).toEqual({ kind: "days", first: "2026-12-01", last: "2026-12-03" });
    expect(timeOffSpan("2027-03-27T23:00:00.000Z", "2027-03-28T22:00:00.000Z", MADRID)).toEqual({ kind: "days", first: "2027-03-28", last: "2027-03-28" });
    expect(timeOffSpan("2026-07-01T07:30:00.000Z", "2026-07-01T11:00:00.000Z", MADRID)).toEqual({ kind: "times", first: "2026-07-01", last: "2026-07-01", startMinutes: 570, endMinutes: 780 });
  });
});

describe("special days from the form", () => {
  it("closed is no hours; otherwise one span", () => {
    expect(toOverrideInput(emptyOverride("2026-12-24"), STAFF)).toEqual({ input: { staffId: STAFF, date: "2026-12-24", intervals: [] } });
    expect(toOverrideInput({ ...emptyOverride("2026-12-24"), closed: false, from: "10:00", until: "13:00" }, STAFF)).toEqual({
      input: { staffId: STAFF, date: "2026-12-24", intervals: [{ start: "10:00", end: "13:00" }] },
    });
    expect(toOverrideInput({ ...emptyOverride("2026-12-24"), closed: false, from: "13:00", until: "10:00" }, STAFF)).toEqual({ errors: { until: { key: "validation.time_range_invalid" } } });
  });

  it("puts the server's interval issues on the times", () => {
    expect(placeOverrideIssues([{ path: ["intervals", 0, "start"], key: "validation.time_invalid" }, { path: ["date"], key: "validation.date_invalid" }])).toEqual({
      from: { key: "validation.time_invalid" },
      date: { key: "validation.date_invalid" },
    });
  });
});
