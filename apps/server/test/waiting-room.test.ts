import { Temporal } from "@frontoffice/scheduling";
import type { WaitingBoard, WaitingRow } from "@frontoffice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MADRID, setUpPractice } from "./appointments.fixtures.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, signIn, testTargets, type TestServer } from "./harness.js";

const MINUTE_MS = 60_000;

/**
 * A practice whose dentist and hygienist work all day today (an override, so neither the weekday
 * nor a public holiday matters), with the clock moved to before 20:00 Madrid time so that the
 * appointments booked from the next full hour on all fall on today's board. The clock only moves
 * forward, and by less than the session's 12 hours.
 */
async function practiceToday(server: TestServer, name: string, domain: string) {
  const practice = await setUpPractice(server, name, domain);
  let local = Temporal.Instant.fromEpochMilliseconds(server.clock.now().getTime()).toZonedDateTimeISO(MADRID);
  if (local.hour >= 20) {
    const nextMorning = local.toPlainDate().add({ days: 1 }).toZonedDateTime({ timeZone: MADRID, plainTime: "00:10" });
    server.clock.advance(nextMorning.epochMilliseconds - local.epochMilliseconds);
    local = nextMorning;
  }
  const date = local.toPlainDate().toString();
  for (const staffId of [practice.dentistId, practice.hygienistId]) {
    await practice.owner.schedules.setOverride({ staffId, officeId: practice.officeId, date, intervals: [{ start: "00:00", end: "24:00" }] });
  }
  /** The first full hour at least an hour ahead: appointments at hour, hour + 1, hour + 2 stay today. */
  const firstHour = local.round({ smallestUnit: "hour", roundingMode: "ceil" }).add({ hours: 1 });
  const at = (hoursAfter: number, minutes = 0) => firstHour.add({ minutes: hoursAfter * 60 + minutes }).toInstant().toString();
  return { ...practice, date, at };
}

const rowOf = (board: WaitingBoard, name: string): WaitingRow => {
  const row = board.rows.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`${name} is not on the board: ${board.rows.map((candidate) => candidate.name).join(", ")}`);
  return row;
};

/** Whole minutes between two stamps (the test clock runs on real time plus its offset). */
const gap = (from: string | null, to: string | null) => Math.floor((Date.parse(to!) - Date.parse(from!)) / MINUTE_MS);

describe.each(testTargets())("waiting room on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof practiceToday>>;
  let employee: ReturnType<typeof callerFor>;

  /** Moves the clock to an instant (forward only). */
  const clockTo = (iso: string) => {
    const ahead = Date.parse(iso) - server.clock.now().getTime();
    if (ahead > 0) server.clock.advance(ahead);
  };

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await practiceToday(server, "Clínica Espera", "espera.test");
    await addStaff(server, practice.organizationId, practice.officeId, "employee@espera.test", ["employee"]);
    employee = callerFor(server, await signIn(server, "employee@espera.test"));
  });
  afterAll(async () => server?.close());

  it("shows today's appointments and visitors, moves a patient through the stages with the appointment's status in step, each move stamped with the clock", async () => {
    const { desk, officeId } = practice;
    const client = await desk.clients.create({ officeId, givenName: "Marta", familyName: "Paciente" });
    const appointment = await desk.appointments.book({ clientId: client.id, serviceId: practice.cleaning.id, staffId: practice.dentistId, start: practice.at(0) });
    const walkIn = await desk.visitors.checkIn({ walkIn: { officeId, visitorName: "Repartidor", hostStaffId: practice.dentistId, purpose: "Entrega" } });

    let board = await employee.waitingRoom.board({ officeId });
    expect(board).toMatchObject({ officeKind: "medical", date: practice.date, waitThresholdMinutes: 15, overThreshold: 0 });
    expect(rowOf(board, "Marta Paciente")).toMatchObject({
      subject: { appointmentId: appointment.id },
      stage: "expected",
      serviceName: "Limpieza",
      scheduledAt: appointment.start,
      arrivedAt: null,
      appointmentStatus: "booked",
    });
    // The walk-in checked in at the desk is waiting already, since their check-in.
    expect(rowOf(board, "Repartidor")).toMatchObject({ subject: { visitId: walkIn.id }, stage: "arrived", arrivedAt: walkIn.checkedInAt, stageSince: walkIn.checkedInAt, serviceName: "Entrega" });

    const arrivedAt = server.clock.now();
    board = await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "expected", to: "arrived" });
    expect(rowOf(board, "Marta Paciente")).toMatchObject({ stage: "arrived", appointmentStatus: "checked_in" });
    expect(Date.parse(rowOf(board, "Marta Paciente").arrivedAt!)).toBeGreaterThanOrEqual(arrivedAt.getTime());
    expect((await desk.appointments.get({ id: appointment.id })).status).toBe("checked_in");

    server.clock.advance(5 * MINUTE_MS);
    board = await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "arrived", to: "in_room" });
    const inRoom = rowOf(board, "Marta Paciente");
    expect(inRoom).toMatchObject({ stage: "in_room", appointmentStatus: "checked_in" });
    expect(gap(inRoom.arrivedAt, inRoom.inRoomAt)).toBe(5);
    expect(inRoom.stageSince).toBe(inRoom.inRoomAt);

    server.clock.advance(2 * MINUTE_MS);
    board = await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "in_room", to: "with_provider" });
    expect(rowOf(board, "Marta Paciente")).toMatchObject({ stage: "with_provider", appointmentStatus: "in_progress" });

    server.clock.advance(20 * MINUTE_MS);
    board = await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "with_provider", to: "done" });
    const done = rowOf(board, "Marta Paciente");
    expect(done).toMatchObject({ stage: "done", appointmentStatus: "completed" });
    expect(gap(done.withProviderAt, done.doneAt)).toBe(20);
    // The gone are listed last.
    expect(board.rows.at(-1)?.name).toBe("Marta Paciente");

    // The appointment went through its own status path: audited there, once per change.
    const history = await practice.owner.appointments.history({ id: appointment.id });
    expect(history.map((entry) => entry.action)).toEqual(["status", "status", "status", "book"]);
    expect(history.map((entry) => entry.changes.status?.to)).toEqual(["completed", "in_progress", "checked_in", "booked"]);

    // A walk-in leaving is checked out.
    board = await desk.waitingRoom.move({ officeId, subject: { visitId: walkIn.id }, from: "arrived", to: "done" });
    expect(rowOf(board, "Repartidor")).toMatchObject({ stage: "done", visitStatus: "checked_out" });
    expect((await desk.visitors.onSite({ officeId })).visits.map((visit) => visit.id)).not.toContain(walkIn.id);
  });

  it("moves a visitor pre-registered for an appointment with it: one row, checked in (the host is told) and out", async () => {
    const { desk, officeId } = practice;
    const client = await desk.clients.create({ officeId, givenName: "Pablo", familyName: "Cita" });
    const appointment = await desk.appointments.book({ clientId: client.id, serviceId: practice.cleaning.id, staffId: practice.hygienistId, start: practice.at(0) });
    const visit = await desk.visitors.preRegister({ officeId, visitorName: "Pablo Cita", hostStaffId: practice.hygienistId, expectedAt: appointment.start, appointmentId: appointment.id });

    let board = await desk.waitingRoom.board({ officeId });
    expect(board.rows.filter((row) => row.name === "Pablo Cita")).toHaveLength(1);
    expect(rowOf(board, "Pablo Cita")).toMatchObject({ subject: { appointmentId: appointment.id }, visitId: visit.id, visitStatus: "expected" });

    // The board moves the row by its visit too: the same person.
    board = await desk.waitingRoom.move({ officeId, subject: { visitId: visit.id }, from: "expected", to: "arrived" });
    expect(rowOf(board, "Pablo Cita")).toMatchObject({ stage: "arrived", visitStatus: "checked_in", appointmentStatus: "checked_in" });
    const notices = await server.db.selectFrom("staff_notification").select("payload").where("staff_id", "=", practice.hygienistId).where("kind", "=", "visitor_arrived").execute();
    expect(notices.map((notice) => (notice.payload as { visitId: string }).visitId)).toContain(visit.id);

    board = await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "arrived", to: "done" });
    expect(rowOf(board, "Pablo Cita")).toMatchObject({ stage: "done", visitStatus: "checked_out", appointmentStatus: "completed" });
  });

  it("refuses a stale board and backward moves, changing nothing; follows a check-in made on the schedule", async () => {
    const { desk, officeId } = practice;
    const client = await desk.clients.create({ officeId, givenName: "Elena", familyName: "Atrasada" });
    const appointment = await desk.appointments.book({ clientId: client.id, serviceId: practice.cleaning.id, staffId: practice.dentistId, start: practice.at(1) });

    // Checked in on the schedule, not on the board: the board shows them arrived since then.
    const checkedIn = await desk.appointments.setStatus({ id: appointment.id, version: appointment.version, status: "checked_in" });
    const arrivedBoard = await desk.waitingRoom.board({ officeId });
    expect(rowOf(arrivedBoard, "Elena Atrasada")).toMatchObject({ stage: "arrived", appointmentStatus: "checked_in" });
    expect(rowOf(arrivedBoard, "Elena Atrasada").arrivedAt).not.toBeNull();

    // A board that still shows them expected cannot move them.
    expect(await errorCodeOf(desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "expected", to: "arrived" }))).toBe("WAITING_STAGE_CONFLICT");
    await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "arrived", to: "with_provider" });
    // Nobody goes back, stale or not.
    expect(await errorCodeOf(desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "arrived", to: "in_room" }))).toBe("WAITING_STAGE_CONFLICT");
    expect(await errorCodeOf(desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "with_provider", to: "arrived" }))).toBe("WAITING_STAGE_INVALID");
    const after = await desk.appointments.get({ id: appointment.id });
    expect(after).toMatchObject({ status: "in_progress", version: checkedIn.version + 1 });
    expect(rowOf(await desk.waitingRoom.board({ officeId }), "Elena Atrasada").stage).toBe("with_provider");

    // Someone else's office, an unknown appointment, a reader without visitors.manage.
    expect(await errorCodeOf(desk.waitingRoom.move({ officeId, subject: { appointmentId: crypto.randomUUID() }, from: "expected", to: "arrived" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(employee.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "with_provider", to: "done" }))).toBe("FORBIDDEN");
  });

  it("flags a wait over the office's threshold and late arrivals, by the clock", async () => {
    const { desk, owner, officeId } = practice;
    await owner.visitors.updateSettings({ officeId, settings: { retentionDays: 30, waitThresholdMinutes: 10, dayEndsAt: "19:00" } });
    const client = await desk.clients.create({ officeId, givenName: "Iker", familyName: "Espera" });
    const late = await desk.clients.create({ officeId, givenName: "Nora", familyName: "Tarde" });
    const appointment = await desk.appointments.book({ clientId: client.id, serviceId: practice.cleaning.id, staffId: practice.hygienistId, start: practice.at(2) });
    const lateOne = await desk.appointments.book({ clientId: late.id, serviceId: practice.cleaning.id, staffId: practice.dentistId, start: practice.at(2) });

    clockTo(practice.at(2, -20));
    await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "expected", to: "arrived" });
    const overOf = async () => {
      const board = await desk.waitingRoom.board({ officeId });
      return { over: board.overThreshold, late: board.late, lateRow: board.rows.some((row) => row.key === `appointment:${lateOne.id}`) };
    };
    server.clock.advance(9 * MINUTE_MS);
    expect((await overOf()).over).toBe(0);
    server.clock.advance(2 * MINUTE_MS);
    expect((await overOf()).over).toBe(1);
    // In a room they are still waiting for the provider; with the provider the alert ends.
    await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "arrived", to: "in_room" });
    expect((await overOf()).over).toBe(1);
    await desk.waitingRoom.move({ officeId, subject: { appointmentId: appointment.id }, from: "in_room", to: "with_provider" });
    expect((await overOf()).over).toBe(0);

    // Nora's time has not come: not late; a minute after it she is.
    expect(await overOf()).toMatchObject({ late: 0, lateRow: true });
    clockTo(practice.at(2, 1));
    expect(await overOf()).toMatchObject({ late: 1, lateRow: true });
    await owner.visitors.updateSettings({ officeId, settings: { retentionDays: 30, waitThresholdMinutes: 15, dayEndsAt: "19:00" } });
  });
});

describe.runIf(testTargets().includes("postgres"))("two desks moving the same person at once (PostgreSQL)", () => {
  let server: TestServer;
  afterAll(async () => server?.close());

  it("of simultaneous moves exactly one wins; the others get WAITING_STAGE_CONFLICT and the appointment changes once", async () => {
    server = await createTestServer("postgres");
    const practice = await practiceToday(server, "Clínica Carrera", "carrera.test");
    await addStaff(server, practice.organizationId, practice.officeId, "desk2@carrera.test", ["receptionist"]);
    const otherDesk = callerFor(server, await signIn(server, "desk2@carrera.test"));
    const { desk, officeId } = practice;
    const client = await desk.clients.create({ officeId, givenName: "Rafa", familyName: "Carrera" });
    const appointment = await desk.appointments.book({ clientId: client.id, serviceId: practice.cleaning.id, staffId: practice.dentistId, start: practice.at(0) });
    const subject = { appointmentId: appointment.id };

    // The first move makes the board's entry: both inserts meet on its unique key.
    for (const [from, to] of [["expected", "arrived"], ["arrived", "in_room"], ["in_room", "with_provider"]] as const) {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, index) => (index % 2 === 0 ? desk : otherDesk).waitingRoom.move({ officeId, subject, from, to })),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      for (const outcome of outcomes) if (outcome.status === "rejected") expect(await errorCodeOf(Promise.reject(outcome.reason))).toBe("WAITING_STAGE_CONFLICT");
    }
    const entries = await server.db.selectFrom("waiting_room_entry").select(["stage", "version"]).where("appointment_id", "=", appointment.id).execute();
    expect(entries).toEqual([{ stage: "with_provider", version: 4 }]);
    const after = await desk.appointments.get({ id: appointment.id });
    // booked → checked_in → in_progress: two changes, whoever won.
    expect(after).toMatchObject({ status: "in_progress", version: appointment.version + 2 });
    const moves = await server.db.selectFrom("audit_log").select("id").where("entity_type", "=", "waiting_room_entry").execute();
    expect(moves).toHaveLength(3);
  });
});
