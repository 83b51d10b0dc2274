import { DomainError } from "@frontoffice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicDetails } from "../src/trpc/trpc.js";
import { createTestServer, errorCodeOf, failureOf, testTargets, type TestServer } from "./harness.js";
import { conflictOf, madrid, setUpPractice, upcomingHoliday, workingDate } from "./appointments.fixtures.js";

describe.each(testTargets())("appointments on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;
  const day = workingDate(3);
  const week = { from: madrid(day, "00:00"), to: madrid(workingDate(10), "00:00") };

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "clinica.test");
  });
  afterAll(async () => server?.close());

  const agendaCount = async () => (await practice.desk.appointments.agenda(week)).length;

  it("lists services with who performs them, and refuses a second service of the same name", async () => {
    const services = await practice.desk.services.list({ officeId: practice.officeId });
    expect(services.map((service) => service.name)).toEqual(["Limpieza", "Revisión dental"]);
    expect(services.find((service) => service.name === "Revisión dental")).toMatchObject({ durationMinutes: 30, bufferAfterMinutes: 10, priceMinor: 4000, currency: "EUR", staffIds: [practice.dentistId] });
    expect(await errorCodeOf(practice.owner.services.create({ officeId: practice.officeId, name: "Limpieza", durationMinutes: 45, staffIds: [practice.dentistId] }))).toBe("SERVICE_NAME_TAKEN");
    expect(await errorCodeOf(practice.owner.services.create({ officeId: practice.officeId, name: "Ortodoncia", durationMinutes: 45, staffIds: [crypto.randomUUID()] }))).toBe("STAFF_NOT_FOUND");
    expect((await failureOf(practice.owner.services.create({ officeId: practice.officeId, name: "Rara", durationMinutes: 33, staffIds: [practice.dentistId] }))).issues).toEqual([{ path: ["durationMinutes"], key: "validation.duration_step" }]);
    expect(await errorCodeOf(practice.desk.services.create({ officeId: practice.officeId, name: "Desk", durationMinutes: 30, staffIds: [practice.dentistId] }))).toBe("FORBIDDEN");
  });

  it("updates a service and keeps weekly hours per staff member", async () => {
    const extra = await practice.owner.services.create({ officeId: practice.officeId, name: "Blanqueamiento", durationMinutes: 60, staffIds: [practice.dentistId] });
    const updated = await practice.owner.services.update({ id: extra.id, durationMinutes: 90, staffIds: [practice.dentistId, practice.hygienistId], active: false });
    expect(updated).toMatchObject({ durationMinutes: 90, active: false, staffIds: [practice.dentistId, practice.hygienistId].sort() });
    expect((await practice.desk.services.list({})).map((service) => service.id)).not.toContain(extra.id);
    const schedule = await practice.desk.schedules.get({ staffId: practice.dentistId, officeId: practice.officeId });
    expect(schedule.timeZone).toBe("Europe/Madrid");
    expect(schedule.weeklyHours.monday).toEqual([{ start: "08:00", end: "20:00" }]);
    const bad = await failureOf(practice.owner.schedules.set({ staffId: practice.dentistId, officeId: practice.officeId, weeklyHours: { monday: [{ start: "10:00", end: "09:00" }] } }));
    expect(bad).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["weeklyHours", "monday", 0, "end"], key: "validation.time_range_invalid" }] });
  });

  it("books an appointment, and the slots no longer offer its time (buffer included)", async () => {
    const free = await practice.desk.appointments.slots({ serviceId: practice.checkup.id, from: day, days: 1, limit: 200 });
    expect(free.map((slot) => slot.start)).toContain(madrid(day, "10:00"));
    expect(free.every((slot) => slot.staffId === practice.dentistId && slot.staffName === "dentist")).toBe(true);

    const booked = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "10:00"), notes: "Primera visita" });
    expect(booked).toMatchObject({
      serviceName: "Revisión dental", staffName: "dentist", clientName: "Lucía Martín", status: "booked", version: 1,
      start: new Date(madrid(day, "10:00")).toISOString(), end: new Date(madrid(day, "10:30")).toISOString(), notes: "Primera visita", cancelReason: null,
    });
    const after = (await practice.desk.appointments.slots({ serviceId: practice.checkup.id, from: day, days: 1, limit: 200 })).map((slot) => slot.start);
    expect(after).not.toContain(madrid(day, "10:00"));
    // 10:00–10:30 plus 10 minutes after: a 10:30 start's own buffer-free range still touches it.
    expect(after).not.toContain(madrid(day, "10:30"));
    expect(after).toContain(madrid(day, "11:00"));
    expect(after).toContain(madrid(day, "09:00"));
    expect(await practice.desk.appointments.get({ id: booked.id })).toEqual(booked);
    expect((await practice.desk.appointments.agenda({ ...week, staffIds: [practice.dentistId] })).map((item) => item.id)).toContain(booked.id);
  });

  it("refuses an overlapping booking with the next three free slots, and writes nothing", async () => {
    const before = await agendaCount();
    const same = await conflictOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "10:00") }));
    expect(same.code).toBe("APPOINTMENT_CONFLICT");
    expect(same.nextSlots?.map((slot) => slot.start)).toEqual([madrid(day, "11:00"), madrid(day, "11:30"), madrid(day, "12:00")]);
    expect(same.nextSlots?.[0]).toMatchObject({ staffId: practice.dentistId, staffName: "dentist" });
    // Only the buffer overlaps: the database still refuses it.
    const buffer = await conflictOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "10:30") }));
    expect(buffer.code).toBe("APPOINTMENT_CONFLICT");
    expect(await agendaCount()).toBe(before);
  });

  it("picks whoever is free when no staff member is named, least recently booked first", async () => {
    const first = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.cleaning.id, start: madrid(day, "16:00") });
    const second = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.cleaning.id, start: madrid(day, "16:00") });
    expect([first.staffId, second.staffId].sort()).toEqual([practice.dentistId, practice.hygienistId].sort());
    const third = await conflictOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.cleaning.id, start: madrid(day, "16:00") }));
    expect(third.code).toBe("APPOINTMENT_CONFLICT");
    expect(third.nextSlots?.[0]?.start).toBe(madrid(day, "16:30"));
  });

  it("reschedules and cancels with history and versions", async () => {
    const booked = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "13:00") });
    const moved = await practice.desk.appointments.reschedule({ id: booked.id, version: 1, start: madrid(workingDate(4), "09:00") });
    expect(moved).toMatchObject({ version: 2, start: new Date(madrid(workingDate(4), "09:00")).toISOString() });
    expect(await errorCodeOf(practice.desk.appointments.reschedule({ id: booked.id, version: 1, start: madrid(day, "15:00") }))).toBe("APPOINTMENT_VERSION_CONFLICT");
    // Onto the 10:00 appointment: refused with alternatives, nothing moved.
    const clash = await conflictOf(practice.desk.appointments.reschedule({ id: booked.id, version: 2, start: madrid(day, "10:00") }));
    expect(clash.code).toBe("APPOINTMENT_CONFLICT");
    expect(clash.nextSlots).toHaveLength(3);
    expect((await practice.desk.appointments.get({ id: booked.id })).version).toBe(2);

    const cancelled = await practice.desk.appointments.cancel({ id: booked.id, version: 2, reason: "client_request", note: "Llamó para anular" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "client_request", version: 3 });
    expect(await errorCodeOf(practice.desk.appointments.cancel({ id: booked.id, version: 3, reason: "other" }))).toBe("APPOINTMENT_CLOSED");
    expect(await errorCodeOf(practice.desk.appointments.reschedule({ id: booked.id, version: 3, start: madrid(day, "15:00") }))).toBe("APPOINTMENT_CLOSED");
    // The freed time can be booked again.
    await expect(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(workingDate(4), "09:00") })).resolves.toMatchObject({ status: "booked" });

    const history = await practice.desk.appointments.history({ id: booked.id });
    expect(history.map((entry) => entry.action)).toEqual(["cancel", "reschedule", "book"]);
    expect(history[1]!.changes.start).toEqual({ from: new Date(madrid(day, "13:00")).toISOString(), to: moved.start });
    expect(history[0]!.actor?.displayName).toBe("desk");
  });

  it("follows the status lifecycle", async () => {
    const booked = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "17:00") });
    const checkedIn = await practice.desk.appointments.setStatus({ id: booked.id, version: 1, status: "checked_in" });
    const done = await practice.desk.appointments.setStatus({ id: booked.id, version: checkedIn.version, status: "completed" });
    expect(done).toMatchObject({ status: "completed", version: 3 });
    expect(await errorCodeOf(practice.desk.appointments.setStatus({ id: booked.id, version: 3, status: "booked" }))).toBe("APPOINTMENT_CLOSED");
    const other = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "18:00") });
    expect(await errorCodeOf(practice.desk.appointments.setStatus({ id: other.id, version: 1, status: "completed" }))).toBe("APPOINTMENT_STATUS_INVALID");
    // A no-show frees the time.
    await practice.desk.appointments.setStatus({ id: other.id, version: 1, status: "no_show" });
    await expect(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "18:00") })).resolves.toBeDefined();
    expect((await practice.desk.appointments.history({ id: booked.id })).map((entry) => entry.action)).toEqual(["status", "status", "book"]);
  });

  it("refuses bad bookings with a clear code and writes nothing", async () => {
    const before = await agendaCount();
    const book = (changes: Record<string, unknown>) =>
      errorCodeOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start: madrid(day, "12:00"), ...changes }));
    expect(await book({ start: madrid(workingDate(-2), "12:00") })).toBe("IN_THE_PAST");
    expect(await book({ start: madrid(day, "07:00") })).toBe("OUTSIDE_WORKING_HOURS");
    expect(await book({ start: madrid(day, "19:45") })).toBe("OUTSIDE_WORKING_HOURS");
    expect(await book({ start: madrid(day, "12:15") })).toBe("START_NOT_ON_STEP");
    expect(await book({ start: madrid(workingDate(120), "12:00") })).toBe("BEYOND_BOOKING_WINDOW");
    expect(await book({ serviceId: crypto.randomUUID() })).toBe("SERVICE_NOT_FOUND");
    expect(await book({ staffId: crypto.randomUUID() })).toBe("STAFF_NOT_FOUND");
    expect(await book({ staffId: practice.hygienistId })).toBe("STAFF_CANNOT_PERFORM_SERVICE");
    expect(await book({ clientId: crypto.randomUUID() })).toBe("NOT_FOUND");
    expect(await failureOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, start: "tomorrow at ten" }))).toEqual({
      code: "VALIDATION_FAILED", issues: [{ path: ["start"], key: "validation.instant_invalid" }],
    });
    const holiday = upcomingHoliday();
    if (holiday) expect(await book({ start: madrid(holiday, "12:00") })).toBe("HOLIDAY");
    expect(await agendaCount()).toBe(before);
    expect(await errorCodeOf(practice.desk.appointments.agenda({ from: week.from, to: madrid(workingDate(60), "00:00") }))).toBe("VALIDATION_FAILED");
  });

  it("an employee reads the agenda but cannot book", async () => {
    const { signIn, callerFor } = await import("./harness.js");
    const dentist = callerFor(server, await signIn(server, "dentist@clinica.test"));
    expect((await dentist.appointments.agenda(week)).length).toBeGreaterThan(0);
    expect(await errorCodeOf(dentist.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, start: madrid(day, "12:00") }))).toBe("FORBIDDEN");
  });
});

describe("error details sent to clients", () => {
  it("carry the next free slots of a conflict and nothing else", () => {
    const slots = [{ start: "2026-11-24T09:00:00Z", end: "2026-11-24T09:30:00Z", staffId: "s", staffName: "Ana" }];
    expect(publicDetails(new DomainError("APPOINTMENT_CONFLICT", "overlap", { nextSlots: slots, constraint: "appointment_staff_no_overlap" }))).toEqual({ nextSlots: slots });
    expect(publicDetails(new DomainError("EXTENSION_TAKEN", "taken", { constraint: "department_office_extension_key" }))).toBeUndefined();
    expect(publicDetails(new Error("boom"))).toBeUndefined();
  });
});
