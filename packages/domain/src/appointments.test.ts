import { describe, expect, it } from "vitest";
import {
  agendaQuerySchema,
  appointmentStatusSchema,
  bookAppointmentSchema,
  canTransition,
  cancelAppointmentSchema,
  serviceInputSchema,
  scheduleOverrideInputSchema,
  scheduleOverrideListSchema,
  slotsQuerySchema,
  staffScheduleSchema,
  timeOffInputSchema,
  timeOffListSchema,
  weeklyHoursSchema,
} from "./appointments.js";
import { VALIDATION_KEYS, toFieldIssues } from "./validation.js";

const uuid = "0b7c5b9e-3f7e-4c61-9a4e-2d1f0c9a8b71";
const other = "5a1f6c2e-8d3b-4e7a-b1c9-7f2e4d6a9c03";

function keysOf(result: { success: boolean; error?: { issues: Parameters<typeof toFieldIssues>[0] } }): string[] {
  return result.success ? [] : toFieldIssues(result.error!.issues).map((issue) => `${issue.path.join(".")}:${issue.key}`);
}

describe("services", () => {
  const valid = { officeId: uuid, name: "Revisión dental", durationMinutes: 30, staffIds: [other] };

  it("accepts a service and defaults the buffers", () => {
    expect(serviceInputSchema.parse(valid)).toMatchObject({ bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });
  });

  it("names each problem", () => {
    const result = serviceInputSchema.safeParse({ ...valid, name: " ", durationMinutes: 32, bufferAfterMinutes: 121, priceMinor: -1, staffIds: [] });
    expect(keysOf(result).sort()).toEqual([
      "bufferAfterMinutes:validation.too_big",
      "durationMinutes:validation.duration_step",
      "name:validation.required",
      "priceMinor:validation.too_small",
      "staffIds:validation.staff_empty",
    ]);
    expect(keysOf(serviceInputSchema.safeParse({ ...valid, durationMinutes: 485 }))).toEqual(["durationMinutes:validation.too_big"]);
    expect(keysOf(serviceInputSchema.safeParse({ ...valid, durationMinutes: 0 }))).toEqual(["durationMinutes:validation.too_small"]);
  });
});

describe("weekly hours", () => {
  it("fills closed days and keeps several intervals a day", () => {
    const hours = weeklyHoursSchema.parse({ monday: [{ start: "09:00", end: "14:00" }, { start: "15:00", end: "24:00" }] });
    expect(hours.monday).toHaveLength(2);
    expect(hours.sunday).toEqual([]);
  });

  it("refuses bad times, reversed intervals, overlaps and unknown days", () => {
    expect(keysOf(weeklyHoursSchema.safeParse({ monday: [{ start: "9:00", end: "14:00" }] }))).toEqual(["monday.0.start:validation.time_invalid"]);
    expect(keysOf(weeklyHoursSchema.safeParse({ tuesday: [{ start: "14:00", end: "09:00" }] }))).toEqual(["tuesday.0.end:validation.time_range_invalid"]);
    expect(keysOf(weeklyHoursSchema.safeParse({ friday: [{ start: "09:00", end: "14:00" }, { start: "13:00", end: "18:00" }] }))).toEqual(["friday.1:validation.hours_overlap"]);
    expect(keysOf(weeklyHoursSchema.safeParse({ mon: [] }))).toEqual([":validation.unknown_field"]);
  });

  it("wraps into a staff schedule", () => {
    expect(staffScheduleSchema.safeParse({ staffId: uuid, officeId: other, weeklyHours: {} }).success).toBe(true);
  });
});

describe("booking", () => {
  it("needs an instant with an offset", () => {
    expect(bookAppointmentSchema.safeParse({ clientId: uuid, serviceId: other, start: "2026-11-24T09:00:00+01:00" }).success).toBe(true);
    expect(keysOf(bookAppointmentSchema.safeParse({ clientId: uuid, serviceId: other, start: "2026-11-24 09:00" }))).toEqual(["start:validation.instant_invalid"]);
    expect(keysOf(bookAppointmentSchema.safeParse({ clientId: uuid, serviceId: other, start: "2026-11-24T09:00:00Z", notes: "x".repeat(2001) }))).toEqual(["notes:validation.too_long"]);
  });

  it("slot queries default to a week and 20 slots", () => {
    expect(slotsQuerySchema.parse({ serviceId: uuid, from: "2026-11-24" })).toMatchObject({ days: 7, limit: 20 });
    expect(keysOf(slotsQuerySchema.safeParse({ serviceId: uuid, from: "24/11/2026", days: 32, limit: 201 })).sort()).toEqual([
      "days:validation.too_big",
      "from:validation.date_invalid",
      "limit:validation.too_big",
    ]);
  });

  it("cancelling needs a known reason; setStatus does not cancel", () => {
    expect(keysOf(cancelAppointmentSchema.safeParse({ id: uuid, version: 1, reason: "bored" }))).toEqual(["reason:validation.invalid"]);
    expect(appointmentStatusSchema.safeParse({ id: uuid, version: 1, status: "cancelled" }).success).toBe(false);
    expect(appointmentStatusSchema.safeParse({ id: uuid, version: 1, status: "checked_in" }).success).toBe(true);
  });

  it("agendas span at most 42 days, forwards", () => {
    expect(agendaQuerySchema.safeParse({ from: "2026-11-01T00:00:00Z", to: "2026-12-13T00:00:00Z" }).success).toBe(true);
    expect(keysOf(agendaQuerySchema.safeParse({ from: "2026-11-01T00:00:00Z", to: "2026-12-14T00:00:00Z" }))).toEqual(["to:validation.date_range_too_long"]);
    expect(keysOf(agendaQuerySchema.safeParse({ from: "2026-11-02T00:00:00Z", to: "2026-11-01T00:00:00Z" }))).toEqual(["to:validation.time_range_invalid"]);
  });

  it("status changes follow the lifecycle", () => {
    expect(canTransition("booked", "checked_in")).toBe(true);
    expect(canTransition("checked_in", "in_progress")).toBe(true);
    expect(canTransition("completed", "booked")).toBe(false);
    expect(canTransition("no_show", "booked")).toBe(false);
  });

  it("every key it produces is a known validation key", () => {
    for (const key of ["time_invalid", "time_range_invalid", "hours_overlap", "duration_step", "staff_empty", "instant_invalid", "date_range_too_long"]) {
      expect(VALIDATION_KEYS).toContain(`validation.${key}`);
    }
  });
});

describe("time off and date overrides", () => {
  const valid = { staffId: uuid, start: "2026-12-01T08:00:00Z", end: "2026-12-05T18:00:00Z", reason: "vacation" };

  it("accepts an absence and names each problem", () => {
    expect(timeOffInputSchema.parse({ ...valid, note: "  Navidad " })).toMatchObject({ reason: "vacation", note: "Navidad" });
    expect(keysOf(timeOffInputSchema.safeParse({ ...valid, end: valid.start }))).toEqual(["end:validation.time_range_invalid"]);
    expect(keysOf(timeOffInputSchema.safeParse({ ...valid, reason: "holiday" }))).toEqual(["reason:validation.invalid"]);
    expect(keysOf(timeOffInputSchema.safeParse({ ...valid, end: "2028-01-01T00:00:00Z" }))).toEqual(["end:validation.period_over_a_year"]);
    expect(keysOf(timeOffInputSchema.safeParse({ ...valid, start: "tomorrow" }))).toEqual(["start:validation.instant_invalid"]);
    expect(keysOf(timeOffListSchema.safeParse({ from: valid.end, to: valid.start }))).toEqual(["to:validation.time_range_invalid"]);
  });

  it("accepts an override with hours or closed, and refuses bad dates and overlapping hours", () => {
    const override = { staffId: uuid, officeId: other, date: "2026-12-05", intervals: [{ start: "10:00", end: "13:00" }] };
    expect(scheduleOverrideInputSchema.parse(override).intervals).toHaveLength(1);
    expect(scheduleOverrideInputSchema.parse({ ...override, intervals: [] }).intervals).toEqual([]);
    expect(keysOf(scheduleOverrideInputSchema.safeParse({ ...override, date: "2026-02-30" }))).toEqual(["date:validation.date_invalid"]);
    expect(
      keysOf(scheduleOverrideInputSchema.safeParse({ ...override, intervals: [{ start: "10:00", end: "13:00" }, { start: "12:00", end: "14:00" }] })),
    ).toEqual(["intervals.1:validation.hours_overlap"]);
    expect(keysOf(scheduleOverrideListSchema.safeParse({ officeId: other, from: "2026-12-05", to: "2026-12-01" }))).toEqual(["to:validation.time_range_invalid"]);
  });
});
