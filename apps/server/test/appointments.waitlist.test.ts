import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, errorCodeOf, testTargets, type TestServer } from "./harness.js";
import { madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";

describe.each(testTargets())("waitlist on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;
  let first: string;
  let second: string;
  const day = workingDate(3);

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "espera.test");
    first = (await practice.desk.clients.create({ officeId: practice.officeId, givenName: "Primera", familyName: "En Cola" })).id;
    second = (await practice.desk.clients.create({ officeId: practice.officeId, givenName: "Segunda", familyName: "En Cola" })).id;
  });
  afterAll(async () => server?.close());

  const wants = (clientId: string) => ({ clientId, serviceId: practice.checkup.id, earliest: madrid(workingDate(1), "00:00"), latest: madrid(workingDate(20), "00:00") });
  const book = (start: string) => practice.desk.appointments.book({ clientId: practice.clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start });

  it("offers a cancelled time to the first waiting client, who can accept it once", async () => {
    const entry = await practice.desk.waitlist.add(wants(first));
    await practice.desk.waitlist.add(wants(second));
    expect(entry).toMatchObject({ status: "waiting", clientName: "Primera En Cola", serviceName: "Revisión dental", offer: null });
    expect(await errorCodeOf(practice.desk.waitlist.add({ ...wants(first), staffId: practice.hygienistId }))).toBe("STAFF_CANNOT_PERFORM_SERVICE");
    expect(await errorCodeOf(practice.desk.waitlist.add({ ...wants(first), latest: madrid(workingDate(0), "00:00") }))).toBe("VALIDATION_FAILED");

    const appointment = await book(madrid(day, "15:00"));
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "client_request" });
    const [offered, waiting] = await practice.desk.waitlist.list({ serviceId: practice.checkup.id });
    expect(offered).toMatchObject({ clientId: first, status: "offered", offer: { status: "open", start: appointment.start, end: appointment.end, staffId: practice.dentistId } });
    expect(Date.parse(offered!.offer!.expiresAt) - Date.now()).toBeLessThanOrEqual(2 * 3_600_000);
    expect(waiting).toMatchObject({ clientId: second, status: "waiting", offer: null });

    const booked = await practice.desk.waitlist.accept({ offerId: offered!.offer!.id });
    expect(booked).toMatchObject({ clientId: first, start: appointment.start, staffId: practice.dentistId, status: "booked" });
    expect(await errorCodeOf(practice.desk.waitlist.accept({ offerId: offered!.offer!.id }))).toBe("WAITLIST_OFFER_UNAVAILABLE");
    expect((await practice.desk.waitlist.list({ status: "booked" })).map((item) => item.clientId)).toEqual([first]);
    expect((await practice.desk.appointments.history({ id: appointment.id })).map((item) => item.action)).toEqual(["cancel", "book"]);
  });

  it("an offer expires after two hours and then books nothing", async () => {
    const appointment = await book(madrid(day, "17:00"));
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "staff_unavailable" });
    const [offered] = await practice.desk.waitlist.list({ status: "offered" });
    expect(offered).toMatchObject({ clientId: second, offer: { status: "open", start: appointment.start } });
    server.clock.advance(2 * 3_600_000 + 60_000);
    expect((await practice.desk.waitlist.list({ status: "offered" }))[0]?.offer?.status).toBe("expired");
    const before = (await practice.desk.appointments.agenda({ from: madrid(day, "00:00"), to: madrid(workingDate(4), "00:00") })).length;
    expect(await errorCodeOf(practice.desk.waitlist.accept({ offerId: offered!.offer!.id }))).toBe("WAITLIST_OFFER_EXPIRED");
    expect((await practice.desk.appointments.agenda({ from: madrid(day, "00:00"), to: madrid(workingDate(4), "00:00") })).length).toBe(before);
    // The next freed time goes to the same client again: their earlier offer lapsed.
    const another = await book(madrid(day, "18:00"));
    await practice.desk.appointments.cancel({ id: another.id, version: 1, reason: "other" });
    expect((await practice.desk.waitlist.list({ status: "offered" }))[0]?.offer).toMatchObject({ status: "open", start: another.start });
  });
});
