import { hashPassword } from "better-auth/crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESOURCE_NO_OVERLAP_CONSTRAINT } from "../src/modules/appointments/queries.js";
import { insertStaffAccount } from "../src/modules/staff/queries.js";
import { PASSWORD, createTestServer, errorCodeOf, failureOf, signIn, testTargets, type TestServer } from "./harness.js";
import { EVERY_DAY, conflictOf, madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";
import { bookAtOnce, overlappingRows, servePooled, type BurstOutcome } from "./pooled-server.js";

describe.each(testTargets())("rooms and resources on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "clinica.test");
  });
  afterAll(async () => server?.close());

  const auditOf = async (entityId: string) =>
    (await sql<{ action: string }>`select action from audit_log where entity_id = ${entityId} order by at, id`.execute(server.db)).rows.map((row) => row.action);
  const slotStarts = async (serviceId: string, date: string, staffIds?: string[]) =>
    (await practice.desk.appointments.slots({ serviceId, from: date, days: 1, limit: 200, ...(staffIds ? { staffIds } : {}) })).map((slot) => slot.start);

  it("creates, lists, renames, resizes and deactivates rooms, with validation, versions and an audit trail", async () => {
    const room = await practice.owner.resources.create({ officeId: practice.officeId, name: "  Gabinete A " });
    expect(room).toMatchObject({ officeId: practice.officeId, name: "Gabinete A", kind: "room", capacity: 1, active: true, version: 1 });
    expect(await errorCodeOf(practice.owner.resources.create({ officeId: practice.officeId, name: "Gabinete A" }))).toBe("RESOURCE_NAME_TAKEN");
    const invalid = await failureOf(practice.owner.resources.create({ officeId: practice.officeId, name: " ", capacity: 0 }));
    expect(invalid.code).toBe("VALIDATION_FAILED");
    expect(invalid.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["name", "capacity"]));
    // Receptionists read rooms; only managers change them.
    expect(await errorCodeOf(practice.desk.resources.create({ officeId: practice.officeId, name: "Intruso" }))).toBe("FORBIDDEN");
    expect((await practice.desk.resources.list({ officeId: practice.officeId })).map((item) => item.name)).toEqual(["Gabinete A"]);

    const renamed = await practice.owner.resources.update({ id: room.id, version: 1, name: "Gabinete X", capacity: 3 });
    expect(renamed).toMatchObject({ name: "Gabinete X", capacity: 3, version: 2 });
    expect(await errorCodeOf(practice.owner.resources.update({ id: room.id, version: 1, name: "Stale" }))).toBe("RESOURCE_VERSION_CONFLICT");
    const equipment = await practice.owner.resources.create({ officeId: practice.officeId, name: "Rayos X", kind: "equipment" });
    expect(await errorCodeOf(practice.owner.resources.update({ id: equipment.id, version: 1, name: "Gabinete X" }))).toBe("RESOURCE_NAME_TAKEN");

    const inactive = await practice.owner.resources.deactivate({ id: room.id, version: 2 });
    expect(inactive).toMatchObject({ active: false, version: 3 });
    expect((await practice.desk.resources.list({ officeId: practice.officeId })).map((item) => item.name)).toEqual(["Rayos X"]);
    expect((await practice.desk.resources.list({ officeId: practice.officeId, includeInactive: true })).map((item) => item.name)).toEqual(["Gabinete X", "Rayos X"]);
    // An inactive room cannot be given to a service.
    expect(await errorCodeOf(practice.owner.services.update({ id: practice.checkup.id, resourceIds: [room.id] }))).toBe("RESOURCE_NOT_FOUND");
    expect(await auditOf(room.id)).toEqual(["create", "update", "deactivate"]);
    await practice.owner.resources.deactivate({ id: equipment.id, version: 1 });
  });

  it("offers a slot only when a staff member AND a room are free; the only room taken refuses a second booking with another staff member", async () => {
    const day = workingDate(4);
    const room = await practice.owner.resources.create({ officeId: practice.officeId, name: "Gabinete 1" });
    const cleaning = await practice.owner.services.update({ id: practice.cleaning.id, resourceIds: [room.id] });
    expect(cleaning.resourceIds).toEqual([room.id]);
    expect((await practice.desk.services.list({ officeId: practice.officeId })).find((service) => service.id === cleaning.id)?.resourceIds).toEqual([room.id]);

    const [offer] = await practice.desk.appointments.slots({ serviceId: cleaning.id, from: day, days: 1, limit: 1 });
    expect(offer).toMatchObject({ resourceId: room.id, resourceName: "Gabinete 1" });

    const first = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: cleaning.id, staffId: practice.dentistId, start: madrid(day, "10:00") });
    expect(first).toMatchObject({ staffId: practice.dentistId, resourceId: room.id, resourceName: "Gabinete 1" });
    // The hygienist is free at 10:00, the room is not: no slot, and the booking is refused.
    expect(await slotStarts(cleaning.id, day)).not.toContain(madrid(day, "10:00"));
    expect(await slotStarts(cleaning.id, day, [practice.hygienistId])).not.toContain(madrid(day, "10:00"));
    expect(await slotStarts(cleaning.id, day)).toContain(madrid(day, "11:00"));
    const refused = await conflictOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: cleaning.id, staffId: practice.hygienistId, start: madrid(day, "10:00") }));
    expect(refused.code).toBe("APPOINTMENT_CONFLICT");
    expect(refused.nextSlots).toHaveLength(3);
    for (const slot of refused.nextSlots ?? []) expect(slot).toMatchObject({ staffId: practice.hygienistId, resourceId: room.id });
    expect(Date.parse(refused.nextSlots![0]!.start)).toBeGreaterThanOrEqual(Date.parse(madrid(day, "10:30")));

    // The room's agenda shows the appointment; cancelling frees the room.
    const agenda = await practice.desk.appointments.agenda({ resourceIds: [room.id], from: madrid(day, "00:00"), to: madrid(day, "23:59") });
    expect(agenda.map((appointment) => appointment.id)).toEqual([first.id]);
    await practice.desk.appointments.cancel({ id: first.id, version: first.version, reason: "client_request" });
    expect(await slotStarts(cleaning.id, day, [practice.hygienistId])).toContain(madrid(day, "10:00"));
    const second = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: cleaning.id, staffId: practice.hygienistId, start: madrid(day, "10:00") });
    expect(second).toMatchObject({ staffId: practice.hygienistId, resourceId: room.id });
    expect((await auditOf(second.id))[0]).toBe("book");

    // A second room: the dentist can work at 10:00 again, in the free room.
    const other = await practice.owner.resources.create({ officeId: practice.officeId, name: "Gabinete 2" });
    await practice.owner.services.update({ id: cleaning.id, resourceIds: [room.id, other.id] });
    expect(await slotStarts(cleaning.id, day, [practice.dentistId])).toContain(madrid(day, "10:00"));
    const third = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: cleaning.id, staffId: practice.dentistId, start: madrid(day, "10:00") });
    expect(third).toMatchObject({ resourceId: other.id, resourceName: "Gabinete 2" });

    // Asking for a room: one the service does not use is refused; one it uses is taken.
    const stranger = await practice.owner.resources.create({ officeId: practice.officeId, name: "Sala de espera" });
    expect(await errorCodeOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: cleaning.id, staffId: practice.dentistId, resourceId: stranger.id, start: madrid(day, "12:00") }))).toBe("RESOURCE_NOT_FOUND");
    const asked = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: cleaning.id, staffId: practice.dentistId, resourceId: other.id, start: madrid(day, "14:00") });
    expect(asked.resourceId).toBe(other.id);

    // Rescheduling keeps the room when it is free, or moves to the room asked for, unless it is taken.
    const moved = await practice.desk.appointments.reschedule({ id: third.id, version: third.version, start: madrid(day, "12:00") });
    expect(moved).toMatchObject({ start: new Date(madrid(day, "12:00")).toISOString(), resourceId: other.id });
    const swapped = await practice.desk.appointments.reschedule({ id: moved.id, version: moved.version, start: madrid(day, "12:00"), resourceId: room.id });
    expect(swapped.resourceId).toBe(room.id);
    expect((await conflictOf(practice.desk.appointments.reschedule({ id: second.id, version: second.version, start: madrid(day, "12:00"), resourceId: room.id }))).code).toBe("APPOINTMENT_CONFLICT");
  });

  it("a group room takes appointments up to its capacity, one seat each, and keeps its capacity while seats are booked", async () => {
    const day = workingDate(6);
    const group = await practice.owner.resources.create({ officeId: practice.officeId, name: "Sala de grupo", capacity: 2 });
    const session = await practice.owner.services.create({ officeId: practice.officeId, name: "Taller de higiene", durationMinutes: 60, staffIds: [practice.dentistId, practice.hygienistId, practice.ownerId], resourceIds: [group.id] });
    await practice.owner.schedules.set({ staffId: practice.ownerId, officeId: practice.officeId, weeklyHours: EVERY_DAY });
    const start = madrid(day, "16:00");
    const one = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: session.id, staffId: practice.dentistId, start });
    const two = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: session.id, staffId: practice.hygienistId, start });
    const seats = await server.db.selectFrom("appointment").select("resource_seat").where("id", "in", [one.id, two.id]).orderBy("resource_seat").execute();
    expect(seats.map((row) => row.resource_seat)).toEqual([1, 2]);
    expect(await slotStarts(session.id, day, [practice.ownerId])).not.toContain(start);
    expect((await conflictOf(practice.desk.appointments.book({ clientId: practice.clientId, serviceId: session.id, staffId: practice.ownerId, start }))).code).toBe("APPOINTMENT_CONFLICT");

    expect(await errorCodeOf(practice.owner.resources.update({ id: group.id, version: group.version, capacity: 1 }))).toBe("RESOURCE_CAPACITY_IN_USE");
    // The database itself refuses a seat beyond the capacity.
    const row = await server.db.selectFrom("appointment").selectAll().where("id", "=", one.id).executeTakeFirstOrThrow();
    const beyond = await server.db
      .updateTable("appointment")
      .set({ resource_seat: 3 })
      .where("id", "=", row.id)
      .execute()
      .then(() => undefined, (error: { code?: string; constraint?: string }) => `${error.code} ${error.constraint}`);
    expect(beyond).toBe("23514 appointment_resource_seat_capacity");

    // Cancelling frees a seat for someone else.
    await practice.desk.appointments.cancel({ id: one.id, version: one.version, reason: "other" });
    const three = await practice.desk.appointments.book({ clientId: practice.clientId, serviceId: session.id, staffId: practice.ownerId, start });
    expect((await server.db.selectFrom("appointment").select("resource_seat").where("id", "=", three.id).executeTakeFirstOrThrow()).resource_seat).toBe(1);
  });
});

/** Simultaneous bookings of one room, each by a different staff member. */
const BURST = 50;
const POOL = 20;

/**
 * A practice with {@link BURST} staff members sharing one room on a fresh PostgreSQL database,
 * served over real HTTP with its own pool; fires one booking per staff member at the same time.
 */
async function roomBurst(dropConstraint: boolean, cleanup: (close: () => Promise<unknown>) => void): Promise<BurstOutcome> {
  const server: TestServer = await createTestServer("postgres");
  cleanup(() => server.close());
  const practice = await setUpPractice(server, "Sala", "sala.test");
  const passwordHash = await hashPassword(PASSWORD);
  const staffIds: string[] = [];
  for (let index = 0; index < BURST; index++) {
    staffIds.push(await insertStaffAccount(server.db, {
      organizationId: practice.organizationId, assignments: [{ officeId: practice.officeId, departmentId: null }], name: `Doctor ${index}`, email: `doctor${index}@sala.test`,
      passwordHash, roles: ["employee"], locale: "es", timeZone: "Europe/Madrid", at: server.clock.now(),
    }));
  }
  for (const staffId of staffIds) await practice.owner.schedules.set({ staffId, officeId: practice.officeId, weeklyHours: EVERY_DAY });
  const room = await practice.owner.resources.create({ officeId: practice.officeId, name: "Quirófano" });
  const surgery = await practice.owner.services.create({ officeId: practice.officeId, name: "Cirugía", durationMinutes: 30, bufferAfterMinutes: 30, staffIds, resourceIds: [room.id] });
  if (dropConstraint) await sql`alter table appointment drop constraint ${sql.id(RESOURCE_NO_OVERLAP_CONSTRAINT)}`.execute(server.db);

  const port = await servePooled(server, POOL, cleanup);

  const cookie = (await signIn(server, "desk@sala.test")).get("cookie")!;
  const day = workingDate(5);
  const bookings = staffIds.map((staffId, index) => ({ clientId: practice.clientId, serviceId: surgery.id, staffId, start: madrid(day, index % 2 === 0 ? "10:00" : "10:30") }));
  return { ...(await bookAtOnce(port, cookie, bookings)), overlappingRows: await overlappingRows(server.db, "resource_id", room.id) };
}

describe.runIf(testTargets().includes("postgres"))("double booking of a room under concurrency (PostgreSQL)", () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it(`${BURST} simultaneous bookings of one room by different staff: exactly one succeeds, the rest APPOINTMENT_CONFLICT`, async () => {
    const outcome = await roomBurst(false, (close) => closers.push(close));
    process.stdout.write(`with the room constraint: ${JSON.stringify(outcome)}\n`);
    expect(outcome.others).toEqual([]);
    expect(outcome.successes).toBe(1);
    expect(outcome.conflicts).toBe(BURST - 1);
    expect(outcome.conflictsWithSlots).toBe(BURST - 1);
    expect(outcome.leakedDetails).toBe(0);
    expect(outcome.overlappingRows).toBe(0);
  }, 180_000);

  it("the same burst without the room constraint double-books the room: the test can see the race", async () => {
    const outcome = await roomBurst(true, (close) => closers.push(close));
    process.stdout.write(`without the room constraint: ${JSON.stringify(outcome)}\n`);
    expect(outcome.successes).toBeGreaterThan(1);
    expect(outcome.overlappingRows).toBeGreaterThan(1);
  }, 180_000);
});
