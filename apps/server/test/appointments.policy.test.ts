import { DomainError, type OfficeBookingPolicy } from "@frontoffice/domain";
import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, errorCodeOf, failureOf, testTargets, type TestServer } from "./harness.js";
import { madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";

/** The details of a call expected to fail with a domain error. */
async function detailsOf(promise: Promise<unknown>): Promise<Record<string, unknown> | undefined> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    if (cause instanceof DomainError) return { code: cause.code, ...cause.details };
    throw error;
  }
  throw new Error("expected the call to fail, it succeeded");
}

describe.each(testTargets())("office booking policy on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;
  const day = workingDate(3);
  const defaults: OfficeBookingPolicy = { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null };

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "reglas.test");
  });
  afterAll(async () => server?.close());

  const setPolicy = (policy: Partial<OfficeBookingPolicy>) => practice.owner.offices.updateBookingPolicy({ id: practice.officeId, policy: { ...defaults, ...policy } });
  const book = (start: string, serviceId = practice.checkup.id) =>
    practice.desk.appointments.book({ clientId: practice.clientId, serviceId, staffId: practice.dentistId, start });
  const slotStarts = async (from: string, serviceId = practice.checkup.id) =>
    (await practice.desk.appointments.slots({ serviceId, from, days: 1, limit: 200 })).map((slot) => slot.start);

  it("starts with the defaults and keeps what a manager saves, audited", async () => {
    const [office] = await practice.desk.offices.list();
    expect(office?.bookingPolicy).toEqual(defaults);
    const saved = await setPolicy({ bookingWindowDays: 30, minimumNoticeMinutes: 120 });
    expect(saved.bookingPolicy).toEqual({ bookingWindowDays: 30, minimumNoticeMinutes: 120, slotStepMinutes: null });
    const audit = await server.db.selectFrom("audit_log").select(["action", "changes"]).where("entity_id", "=", practice.officeId).where("action", "=", "update").execute();
    expect(audit.at(-1)?.changes).toEqual({ bookingWindowDays: { from: 90, to: 30 }, minimumNoticeMinutes: { from: 0, to: 120 } });
    await setPolicy({});
  });

  it("refuses out-of-range rules field by field, and only managers may change them", async () => {
    expect(await failureOf(setPolicy({ bookingWindowDays: 0, minimumNoticeMinutes: 10_081, slotStepMinutes: 7 }))).toEqual({
      code: "VALIDATION_FAILED",
      issues: [
        { path: ["policy", "bookingWindowDays"], key: "validation.too_small", params: { min: 1 } },
        { path: ["policy", "minimumNoticeMinutes"], key: "validation.too_big", params: { max: 10_080 } },
        { path: ["policy", "slotStepMinutes"], key: "validation.step_not_day_divisor" },
      ],
    });
    expect((await failureOf(setPolicy({ slotStepMinutes: 480 }))).issues).toEqual([{ path: ["policy", "slotStepMinutes"], key: "validation.too_big", params: { max: 240 } }]);
    expect(await errorCodeOf(practice.desk.offices.updateBookingPolicy({ id: practice.officeId, policy: defaults }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(practice.owner.offices.updateBookingPolicy({ id: crypto.randomUUID(), policy: defaults }))).toBe("NOT_FOUND");
  });

  it("the database holds the same limits", async () => {
    for (const set of [sql`booking_window_days = 731`, sql`minimum_notice_minutes = -1`, sql`slot_step_minutes = 7`, sql`slot_step_minutes = 480`]) {
      await expect(sql`update office set ${set} where id = ${practice.officeId}`.execute(server.db)).rejects.toThrow(/check constraint/);
    }
  });

  it("a booking window: nothing offered or booked past it", async () => {
    await setPolicy({ bookingWindowDays: 5 });
    const far = workingDate(8);
    expect(await slotStarts(far)).toEqual([]);
    expect(await slotStarts(day)).toContain(madrid(day, "10:00"));
    expect(await detailsOf(book(madrid(far, "10:00")))).toMatchObject({ code: "BEYOND_BOOKING_WINDOW", maxDaysAhead: 5 });
    await setPolicy({});
    expect(await slotStarts(far)).toContain(madrid(far, "10:00"));
  });

  it("a minimum notice: nothing offered or booked sooner than it", async () => {
    await setPolicy({ minimumNoticeMinutes: 7 * 24 * 60 });
    expect(await slotStarts(day)).toEqual([]);
    expect(await errorCodeOf(book(madrid(day, "10:00")))).toBe("INSIDE_MINIMUM_NOTICE");
    const later = workingDate(9);
    expect(await slotStarts(later)).toContain(madrid(later, "10:00"));
    await setPolicy({});
  });

  it("a fixed step: slots on that grid, starts off it refused, and every service must fit it", async () => {
    // Both 30-minute services fit a 15-minute step; a 20-minute one would not fit a 30-minute step later.
    const saved = await setPolicy({ slotStepMinutes: 15 });
    expect(saved.bookingPolicy.slotStepMinutes).toBe(15);
    const starts = await slotStarts(day);
    expect(starts).toContain(madrid(day, "11:15"));
    expect(await errorCodeOf(book(madrid(day, "11:05")))).toBe("START_NOT_ON_STEP");
    const moved = await book(madrid(day, "11:15"));
    expect(moved.start).toBe(new Date(madrid(day, "11:15")).toISOString());

    // Saving a service that does not fit the office's step is refused, and so is reactivating one.
    expect(await detailsOf(practice.owner.services.create({ officeId: practice.officeId, name: "Corta", durationMinutes: 25, staffIds: [practice.dentistId] }))).toMatchObject({
      code: "DURATION_NOT_MULTIPLE_OF_STEP", durationMinutes: 25, stepMinutes: 15,
    });
    expect(await errorCodeOf(practice.owner.services.update({ id: practice.checkup.id, durationMinutes: 40 }))).toBe("DURATION_NOT_MULTIPLE_OF_STEP");
    const fortyFive = await practice.owner.services.create({ officeId: practice.officeId, name: "Larga", durationMinutes: 45, staffIds: [practice.dentistId] });

    // A step that some active service does not fit is refused, naming them; an inactive one does not count.
    expect(await detailsOf(setPolicy({ slotStepMinutes: 30 }))).toMatchObject({
      code: "DURATION_NOT_MULTIPLE_OF_STEP", stepMinutes: 30, misfitServices: [{ id: fortyFive.id, name: "Larga", durationMinutes: 45 }],
    });
    expect((await practice.desk.offices.list())[0]?.bookingPolicy.slotStepMinutes).toBe(15);
    await practice.owner.services.update({ id: fortyFive.id, active: false });
    expect((await setPolicy({ slotStepMinutes: 30 })).bookingPolicy.slotStepMinutes).toBe(30);
    expect(await errorCodeOf(practice.owner.services.update({ id: fortyFive.id, active: true }))).toBe("DURATION_NOT_MULTIPLE_OF_STEP");
    await setPolicy({});
  });

  it("a booking whose service does not fit the office's step is refused clearly", async () => {
    // Only a direct database change can leave a service off the grid; the booking still says why.
    await sql`update office set slot_step_minutes = 60 where id = ${practice.officeId}`.execute(server.db);
    expect(await detailsOf(book(madrid(day, "13:00")))).toMatchObject({ code: "DURATION_NOT_MULTIPLE_OF_STEP", durationMinutes: 30, stepMinutes: 60 });
    expect(await errorCodeOf(practice.desk.appointments.slots({ serviceId: practice.checkup.id, from: day, days: 1 }))).toBe("DURATION_NOT_MULTIPLE_OF_STEP");
    await setPolicy({});
  });

  it("a reschedule follows the office's rules too", async () => {
    const appointment = await book(madrid(day, "15:00"));
    await setPolicy({ bookingWindowDays: 5 });
    expect(await errorCodeOf(practice.desk.appointments.reschedule({ id: appointment.id, version: appointment.version, start: madrid(workingDate(8), "15:00") }))).toBe("BEYOND_BOOKING_WINDOW");
    await setPolicy({ slotStepMinutes: 15 });
    expect(await errorCodeOf(practice.desk.appointments.reschedule({ id: appointment.id, version: appointment.version, start: madrid(day, "15:20") }))).toBe("START_NOT_ON_STEP");
    const moved = await practice.desk.appointments.reschedule({ id: appointment.id, version: appointment.version, start: madrid(day, "15:45") });
    expect(moved.start).toBe(new Date(madrid(day, "15:45")).toISOString());
    await setPolicy({});
  });
});
