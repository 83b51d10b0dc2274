import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, errorCodeOf, testTargets, type TestServer } from "./harness.js";
import { madrid, setUpPractice, workingDate } from "./appointments.fixtures.js";
import { reofferLapsedOffers } from "../src/jobs/waitlist-offers.js";

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

describe.each(testTargets())("waitlist re-offers on %s", (target) => {
  let server: TestServer;
  let practice: Awaited<ReturnType<typeof setUpPractice>>;
  let first: string;
  let second: string;
  let third: string;
  const day = workingDate(4);
  const HELD_MS = 2 * 3_600_000 + 60_000;

  beforeAll(async () => {
    server = await createTestServer(target);
    practice = await setUpPractice(server, "Clínica", "reoferta.test");
    first = (await practice.desk.clients.create({ officeId: practice.officeId, givenName: "Primera", familyName: "Espera" })).id;
    second = (await practice.desk.clients.create({ officeId: practice.officeId, givenName: "Segunda", familyName: "Espera" })).id;
    third = (await practice.desk.clients.create({ officeId: practice.officeId, givenName: "Tercera", familyName: "Espera" })).id;
    for (const clientId of [first, second]) {
      await practice.desk.waitlist.add({ clientId, serviceId: practice.checkup.id, earliest: madrid(workingDate(1), "00:00"), latest: madrid(workingDate(20), "00:00") });
    }
  });
  afterAll(async () => server?.close());

  const book = (start: string, clientId = practice.clientId) => practice.desk.appointments.book({ clientId, serviceId: practice.checkup.id, staffId: practice.dentistId, start });
  const entryOf = async (clientId: string) => (await practice.desk.waitlist.list({ serviceId: practice.checkup.id })).find((entry) => entry.clientId === clientId);
  const openOffersAt = async (start: string) =>
    server.db.selectFrom("waitlist_offer").select(["entry_id", "status"]).where("starts_at", "=", new Date(start)).where("status", "=", "open").execute();

  it("an offer left to expire goes to the next waiting client, once, even with two runners at the same time", async () => {
    const appointment = await book(madrid(day, "10:00"));
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "client_request" });
    expect(await entryOf(first)).toMatchObject({ status: "offered", offer: { status: "open", start: appointment.start } });

    // Not yet due: nothing happens.
    expect(await reofferLapsedOffers(server.db, server.clock.now())).toEqual({ closed: 0, offered: 0 });
    server.clock.advance(HELD_MS);
    const at = server.clock.now();
    const reports = await Promise.all([reofferLapsedOffers(server.db, at), reofferLapsedOffers(server.db, at)]);
    expect(reports.reduce((sum, report) => sum + report.offered, 0)).toBe(1);
    expect(reports.reduce((sum, report) => sum + report.closed, 0)).toBe(1);

    expect(await entryOf(first)).toMatchObject({ status: "waiting", offer: { status: "expired", start: appointment.start } });
    const next = await entryOf(second);
    expect(next).toMatchObject({ status: "offered", offer: { status: "open", start: appointment.start, end: appointment.end, staffId: practice.dentistId } });
    expect(Date.parse(next!.offer!.expiresAt)).toBe(at.getTime() + 2 * 3_600_000);
    expect(await openOffersAt(appointment.start)).toHaveLength(1);
    // The job recorded the offer for the second client, with no staff member as its author.
    const audit = await server.db.selectFrom("audit_log").select(["action", "actor_staff_id"]).where("entity_id", "=", next!.id).where("action", "=", "offer").execute();
    expect(audit).toEqual([{ action: "offer", actor_staff_id: null }]);

    // The second client accepts the re-offered time.
    const booked = await practice.desk.waitlist.accept({ offerId: next!.offer!.id });
    expect(booked).toMatchObject({ clientId: second, start: appointment.start, status: "booked" });
  });

  it("when nobody else waits for that time, an expired offer is closed and nothing is offered", async () => {
    const appointment = await book(madrid(day, "12:00"));
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "other" });
    expect(await entryOf(first)).toMatchObject({ status: "offered", offer: { status: "open", start: appointment.start } });
    server.clock.advance(HELD_MS);
    // The second client was booked; the first one already let this time lapse.
    expect(await reofferLapsedOffers(server.db, server.clock.now())).toEqual({ closed: 1, offered: 0 });
    expect(await openOffersAt(appointment.start)).toEqual([]);
    expect(await entryOf(first)).toMatchObject({ status: "waiting", offer: { status: "expired" } });
    expect(await reofferLapsedOffers(server.db, server.clock.now())).toEqual({ closed: 0, offered: 0 });
  });

  it("a time booked meanwhile is not offered again", async () => {
    await practice.desk.waitlist.add({ clientId: third, serviceId: practice.checkup.id, earliest: madrid(workingDate(1), "00:00"), latest: madrid(workingDate(20), "00:00") });
    const appointment = await book(madrid(day, "16:00"));
    await practice.desk.appointments.cancel({ id: appointment.id, version: 1, reason: "client_request" });
    const offered = await entryOf(first);
    expect(offered).toMatchObject({ status: "offered", offer: { status: "open", start: appointment.start } });
    // The desk books the freed time for someone who called.
    await book(madrid(day, "16:00"));
    server.clock.advance(HELD_MS);
    expect(await reofferLapsedOffers(server.db, server.clock.now())).toEqual({ closed: 1, offered: 0 });
    const closed = await server.db.selectFrom("waitlist_offer").select("status").where("id", "=", offered!.offer!.id).executeTakeFirstOrThrow();
    expect(closed.status).toBe("taken");
    expect(await entryOf(third)).toMatchObject({ status: "waiting", offer: null });
    expect(await openOffersAt(appointment.start)).toEqual([]);
  });
});
