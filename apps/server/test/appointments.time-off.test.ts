import { Temporal, publicHolidays } from "@frontoffice/scheduling";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, errorCodeOf, failureOf, testTargets, type TestServer } from "./harness.js";
import { MADRID, conflictOf, madrid, setUpPractice } from "./appointments.fixtures.js";

/** The first Madrid date at least `daysAhead` days from now on ISO weekday `weekday` (1 Monday … 7 Sunday), not a holiday. */
function nextOn(weekday: number, daysAhead: number): string {
  let date = Temporal.Now.plainDateISO(MADRID).add({ days: daysAhead });
  const holiday = (day: Temporal.PlainDate) => publicHolidays("ES-MD", day.year).some((item) => item.date === day.toString());
  while (date.dayOfWeek !== weekday || holiday(date)) date = date.add({ days: 1 });
  return date.toString();
}

const WEEKDAYS_9_TO_5 = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((day) => [day, [{ start: "09:00", end: "17:00" }]]));

describe.each(testTargets())("time off and date overrides on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;
  const tuesday = nextOn(2, 5);
  const wednesday = nextOn(3, 5);
  const saturday = nextOn(6, 5);

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "clinica.test");
    await practice.owner.schedules.set({ staffId: practice.dentistId, officeId: practice.officeId, weeklyHours: WEEKDAYS_9_TO_5 });
  });
  afterAll(async () => server?.close());

  const slotsOn = async (date: string) => (await practice.desk.appointments.slots({ serviceId: practice.checkup.id, from: date, days: 1, limit: 200 })).map((slot) => slot.start);
  const appointmentCount = async () => Number((await sql<{ count: string }>`select count(*) as count from appointment`.execute(server.db)).rows[0]!.count);
  const auditOf = async (entityType: string) =>
    (await sql<{ action: string }>`select action from audit_log where entity_type = ${entityType} order by at, id`.execute(server.db)).rows.map((row) => row.action);

  it("leaves time off out of the slots and refuses a booking inside it, writing nothing", async () => {
    expect(await slotsOn(tuesday)).toContain(madrid(tuesday, "10:30"));
    const timeOff = await practice.owner.schedules.addTimeOff({ staffId: practice.dentistId, start: madrid(tuesday, "10:00"), end: madrid(tuesday, "12:00"), reason: "training", note: "Curso" });
    expect(timeOff).toMatchObject({ staffId: practice.dentistId, reason: "training", note: "Curso", start: new Date(madrid(tuesday, "10:00")).toISOString() });

    const free = await slotsOn(tuesday);
    for (const time of ["10:00", "10:30", "11:00", "11:30"]) expect(free).not.toContain(madrid(tuesday, time));
    expect(free).toContain(madrid(tuesday, "09:00"));
    expect(free).toContain(madrid(tuesday, "12:00"));

    const before = await appointmentCount();
    const auditBefore = (await auditOf("appointment")).length;
    const named = { clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(tuesday, "10:30") };
    expect((await conflictOf(practice.desk.appointments.book(named))).code).toBe("TIME_OFF");
    const { staffId: _staffId, ...anyone } = named;
    expect((await conflictOf(practice.desk.appointments.book(anyone))).code).toBe("TIME_OFF");
    expect(await appointmentCount()).toBe(before);
    expect(await auditOf("appointment")).toHaveLength(auditBefore);

    const listed = await practice.desk.schedules.listTimeOff({ staffId: practice.dentistId, from: madrid(tuesday, "00:00"), to: madrid(wednesday, "23:00") });
    expect(listed).toEqual([timeOff]);
    expect(await practice.desk.schedules.listTimeOff({ staffId: practice.hygienistId, from: madrid(tuesday, "00:00"), to: madrid(wednesday, "23:00") })).toEqual([]);

    expect(await practice.owner.schedules.removeTimeOff({ id: timeOff.id })).toEqual(timeOff);
    expect(await slotsOn(tuesday)).toContain(madrid(tuesday, "10:30"));
    expect(await errorCodeOf(practice.owner.schedules.removeTimeOff({ id: timeOff.id }))).toBe("NOT_FOUND");
    expect(await auditOf("staff_time_off")).toEqual(["create", "delete"]);
  });

  it("honours date overrides: extra Saturday hours appear, a closed date has none", async () => {
    expect(await slotsOn(saturday)).toEqual([]);
    await practice.owner.schedules.setOverride({ staffId: practice.dentistId, officeId: practice.officeId, date: saturday, intervals: [{ start: "10:00", end: "13:00" }] });
    const saturdaySlots = await slotsOn(saturday);
    expect(saturdaySlots[0]).toBe(madrid(saturday, "10:00"));
    expect(saturdaySlots).toContain(madrid(saturday, "12:00"));
    expect(saturdaySlots.every((start) => Date.parse(start) >= Date.parse(madrid(saturday, "10:00")) && Date.parse(start) + 40 * 60_000 <= Date.parse(madrid(saturday, "13:00")))).toBe(true);

    expect((await slotsOn(wednesday)).length).toBeGreaterThan(0);
    await practice.owner.schedules.setOverride({ staffId: practice.dentistId, officeId: practice.officeId, date: wednesday, intervals: [] });
    expect(await slotsOn(wednesday)).toEqual([]);
    const closed = { clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(wednesday, "10:00") };
    const before = await appointmentCount();
    expect((await conflictOf(practice.desk.appointments.book(closed))).code).toBe("OUTSIDE_WORKING_HOURS");
    expect(await appointmentCount()).toBe(before);

    const booked = await practice.desk.appointments.book({ ...closed, start: madrid(saturday, "11:00") });
    expect(booked.start).toBe(new Date(madrid(saturday, "11:00")).toISOString());

    const listed = await practice.desk.schedules.listOverrides({ officeId: practice.officeId, from: tuesday < saturday ? tuesday : saturday, to: saturday > wednesday ? saturday : wednesday });
    expect(listed.map((override) => [override.date, override.intervals])).toEqual(
      [[wednesday, []], [saturday, [{ start: "10:00", end: "13:00" }]]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    await practice.owner.schedules.removeOverride({ staffId: practice.dentistId, officeId: practice.officeId, date: wednesday });
    expect((await slotsOn(wednesday)).length).toBeGreaterThan(0);
    expect(await errorCodeOf(practice.owner.schedules.removeOverride({ staffId: practice.dentistId, officeId: practice.officeId, date: wednesday }))).toBe("NOT_FOUND");
    expect(await auditOf("staff_schedule_override")).toEqual(["create", "create", "delete"]);
  });

  it("lets only those who manage services change time off and overrides, and names bad input", async () => {
    const absence = { staffId: practice.dentistId, start: madrid(tuesday, "15:00"), end: madrid(tuesday, "16:00"), reason: "sick" as const };
    expect(await errorCodeOf(practice.desk.schedules.addTimeOff(absence))).toBe("FORBIDDEN");
    expect(await errorCodeOf(practice.desk.schedules.setOverride({ staffId: practice.dentistId, officeId: practice.officeId, date: saturday, intervals: [] }))).toBe("FORBIDDEN");
    expect(await failureOf(practice.owner.schedules.addTimeOff({ ...absence, end: absence.start }))).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["end"], key: "validation.time_range_invalid" }] });
    expect(await errorCodeOf(practice.owner.schedules.addTimeOff({ ...absence, staffId: crypto.randomUUID() }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(practice.owner.schedules.setOverride({ staffId: practice.ownerId, officeId: crypto.randomUUID(), date: saturday, intervals: [] }))).toBe("NOT_FOUND");
  });
});
