import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/trpc/app-router.js";
import { callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";
import { EVERY_DAY, madrid, workingDate } from "./appointments.fixtures.js";

/**
 * One organization can never read or change another's rows, through any procedure. Every
 * procedure of the router must have a case here: a new one without a case fails the test.
 */
describe.each(testTargets())("tenancy on %s", (target) => {
  let server: TestServer;
  let ours: ReturnType<typeof callerFor>;
  let theirs: ReturnType<typeof callerFor>;
  let their: { organizationId: string; officeId: string; clientId: string; staffId: string; serviceId: string; appointmentId: string; offerId: string };

  beforeAll(async () => {
    server = await createTestServer(target);
    await setUpOrganization(server, "Ours", "owner@ours.test");
    const other = await setUpOrganization(server, "Theirs", "owner@theirs.test");
    ours = callerFor(server, await signIn(server, "owner@ours.test"));
    theirs = callerFor(server, await signIn(server, "owner@theirs.test"));
    const client = await theirs.clients.create({ officeId: other.officeId, givenName: "Secreta", familyName: "Ajena" });
    const staffId = (await theirs.session.me()).staff.id;
    await theirs.schedules.set({ staffId, officeId: other.officeId, weeklyHours: EVERY_DAY });
    const service = await theirs.services.create({ officeId: other.officeId, name: "Ajeno", durationMinutes: 30, staffIds: [staffId] });
    const appointment = await theirs.appointments.book({ clientId: client.id, serviceId: service.id, start: madrid(workingDate(3), "10:00") });
    // A waitlisted client, and a cancelled appointment whose time is offered to them.
    await theirs.waitlist.add({ clientId: client.id, serviceId: service.id, earliest: madrid(workingDate(1), "00:00"), latest: madrid(workingDate(30), "00:00") });
    const someoneElse = await theirs.clients.create({ officeId: other.officeId, givenName: "Otra", familyName: "Ajena" });
    const freed = await theirs.appointments.book({ clientId: someoneElse.id, serviceId: service.id, start: madrid(workingDate(3), "12:00") });
    await theirs.appointments.cancel({ id: freed.id, version: 1, reason: "other" });
    const offerId = (await theirs.waitlist.list({}))[0]!.offer!.id;
    their = { ...other, clientId: client.id, staffId, serviceId: service.id, appointmentId: appointment.id, offerId };
  });
  afterAll(async () => server?.close());

  const theirClientIsUntouched = async () => {
    const client = await theirs.clients.get({ id: their.clientId });
    expect(client.familyName).toBe("Ajena");
    expect(client.archivedAt).toBeNull();
    expect(client.version).toBe(1);
  };

  const cases: Record<string, () => Promise<void>> = {
    "setup.status": async () => {
      expect(await ours.setup.status()).toEqual({ needsSetup: false });
    },
    "setup.create": async () => {
      expect(await errorCodeOf(ours.setup.create({
        organizationName: "Intruder",
        office: { name: "X", kind: "legal", locale: "it", timeZone: "Europe/Rome", currency: "EUR", fiscalName: "X", taxId: "01114601006", address: { line1: "Via Roma 1", city: "Milano", country: "IT" } },
        owner: { name: "X", email: "x@x.test", password: "long enough password" },
      }))).toBe("SETUP_ALREADY_DONE");
    },
    "session.me": async () => {
      const me = await ours.session.me();
      expect(me.organization.name).toBe("Ours");
      expect(me.offices.every((office) => office.organizationId === me.organization.id)).toBe(true);
    },
    "session.setLocale": async () => {
      await ours.session.setLocale({ locale: "it" });
      expect((await theirs.session.me()).staff.locale).toBe("es");
    },
    "offices.list": async () => {
      const offices = await ours.offices.list();
      expect(offices.map((office) => office.id)).not.toContain(their.officeId);
      expect(offices.length).toBeGreaterThan(0);
    },
    "offices.create": async () => {
      const [mine] = await ours.offices.list();
      const { id: _id, organizationId, departments: _departments, phone: _phone, email: _email, ...office } = mine!;
      const created = await ours.offices.create({ ...office, name: "Ours, second office" });
      expect(created.organizationId).toBe(organizationId);
      expect((await theirs.offices.list()).map((item) => item.id)).not.toContain(created.id);
    },
    "offices.update": async () => {
      const target = (await theirs.offices.list()).find((office) => office.id === their.officeId)!;
      const { id, organizationId: _organizationId, kind: _kind, departments: _departments, phone: _phone, email: _email, ...details } = target;
      expect(await errorCodeOf(ours.offices.update({ id, office: { ...details, name: "Hijacked" } }))).toBe("NOT_FOUND");
      expect((await theirs.offices.list()).find((office) => office.id === id)).toEqual(target);
    },
    "offices.createDepartment": async () => {
      expect(await errorCodeOf(ours.offices.createDepartment({ officeId: their.officeId, name: "Planted", extension: "999" }))).toBe("NOT_FOUND");
      const office = (await theirs.offices.list()).find((item) => item.id === their.officeId);
      expect(office?.departments.map((department) => department.name)).not.toContain("Planted");
    },
    "offices.updateDepartment": async () => {
      const [department] = (await theirs.offices.list()).flatMap((office) => office.departments);
      expect(await errorCodeOf(ours.offices.updateDepartment({ id: department!.id, name: "Hijacked" }))).toBe("NOT_FOUND");
      expect((await theirs.offices.list()).flatMap((office) => office.departments)).toContainEqual(department);
    },
    "offices.deleteDepartment": async () => {
      const [department] = (await theirs.offices.list()).flatMap((office) => office.departments);
      expect(await errorCodeOf(ours.offices.deleteDepartment({ id: department!.id }))).toBe("NOT_FOUND");
      expect((await theirs.offices.list()).flatMap((office) => office.departments)).toContainEqual(department);
    },
    "organization.update": async () => {
      expect((await ours.organization.update({ name: "Ours, renamed" })).name).toBe("Ours, renamed");
      expect((await theirs.session.me()).organization.name).toBe("Theirs");
      await ours.organization.update({ name: "Ours" });
    },
    "clients.search": async () => {
      expect((await ours.clients.search({ query: "secreta", status: "all" })).items).toEqual([]);
      expect((await ours.clients.search({ query: "" })).items.map((item) => item.id)).not.toContain(their.clientId);
    },
    "clients.get": async () => {
      expect(await errorCodeOf(ours.clients.get({ id: their.clientId }))).toBe("NOT_FOUND");
    },
    "clients.history": async () => {
      expect(await errorCodeOf(ours.clients.history({ id: their.clientId }))).toBe("NOT_FOUND");
    },
    "clients.create": async () => {
      expect(await errorCodeOf(ours.clients.create({ officeId: their.officeId, familyName: "Planted" }))).toBe("NOT_FOUND");
      expect((await theirs.clients.search({ query: "planted", status: "all" })).items).toEqual([]);
    },
    "clients.update": async () => {
      expect(await errorCodeOf(ours.clients.update({ id: their.clientId, version: 1, client: { familyName: "Hijacked" } }))).toBe("NOT_FOUND");
      await theirClientIsUntouched();
    },
    "clients.archive": async () => {
      expect(await errorCodeOf(ours.clients.archive({ id: their.clientId }))).toBe("NOT_FOUND");
      await theirClientIsUntouched();
    },
    "clients.restore": async () => {
      expect(await errorCodeOf(ours.clients.restore({ id: their.clientId }))).toBe("NOT_FOUND");
      await theirClientIsUntouched();
    },
    "staff.list": async () => {
      const theirStaff = (await theirs.staff.list({ includeInactive: true })).map((staff) => staff.id);
      const ourStaff = (await ours.staff.list({ includeInactive: true })).map((staff) => staff.id);
      expect(ourStaff.length).toBeGreaterThan(0);
      expect(ourStaff.filter((id) => theirStaff.includes(id))).toEqual([]);
      expect(await ours.staff.list({ query: "owner@theirs.test", includeInactive: true })).toEqual([]);
    },
    "staff.get": async () => {
      const theirOwner = (await theirs.session.me()).staff.id;
      expect(await errorCodeOf(ours.staff.get({ id: theirOwner }))).toBe("NOT_FOUND");
    },
    "staff.create": async () => {
      const planted = { displayName: "Planted", email: "planted@ours.test", roles: ["receptionist" as const], locale: "es" as const, timeZone: "Europe/Madrid", temporaryPassword: "long enough password" };
      expect(await errorCodeOf(ours.staff.create({ ...planted, officeIds: [their.officeId] }))).toBe("NOT_FOUND");
      const [ourOffice] = await ours.offices.list();
      const [theirDepartment] = (await theirs.offices.list()).flatMap((office) => office.departments);
      expect(await errorCodeOf(ours.staff.create({ ...planted, officeIds: [ourOffice!.id], departmentIds: [theirDepartment!.id] }))).toBe("NOT_FOUND");
      expect(await ours.staff.list({ query: "planted", includeInactive: true })).toEqual([]);
    },
    "staff.update": async () => {
      const theirOwner = (await theirs.session.me()).staff.id;
      expect(await errorCodeOf(ours.staff.update({ id: theirOwner, active: false }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.staff.update({ id: theirOwner, roles: ["employee"] }))).toBe("NOT_FOUND");
      const ourOwner = (await ours.session.me()).staff.id;
      expect(await errorCodeOf(ours.staff.update({ id: ourOwner, officeIds: [their.officeId] }))).toBe("NOT_FOUND");
      expect(await theirs.staff.get({ id: theirOwner })).toMatchObject({ active: true, roles: ["owner"] });
      expect((await ours.staff.get({ id: ourOwner })).officeIds).not.toContain(their.officeId);
    },
    "staff.resetPassword": async () => {
      const theirOwner = (await theirs.session.me()).staff.id;
      expect(await errorCodeOf(ours.staff.resetPassword({ id: theirOwner, temporaryPassword: "taken over 2026" }))).toBe("NOT_FOUND");
      await expect(theirs.session.me()).resolves.toBeDefined();
      await expect(signIn(server, "owner@theirs.test")).resolves.toBeDefined();
    },
    "services.list": async () => {
      expect((await ours.services.list({})).map((service) => service.id)).not.toContain(their.serviceId);
      expect(await ours.services.list({ officeId: their.officeId })).toEqual([]);
    },
    "services.create": async () => {
      expect(await errorCodeOf(ours.services.create({ officeId: their.officeId, name: "Planted", durationMinutes: 30, staffIds: [their.staffId] }))).toBe("NOT_FOUND");
      const [ourOffice] = await ours.offices.list();
      expect(await errorCodeOf(ours.services.create({ officeId: ourOffice!.id, name: "Borrowed", durationMinutes: 30, staffIds: [their.staffId] }))).toBe("STAFF_NOT_FOUND");
      expect((await theirs.services.list({})).map((service) => service.name)).toEqual(["Ajeno"]);
    },
    "services.update": async () => {
      expect(await errorCodeOf(ours.services.update({ id: their.serviceId, name: "Hijacked" }))).toBe("SERVICE_NOT_FOUND");
      expect((await theirs.services.list({}))[0]?.name).toBe("Ajeno");
    },
    "schedules.get": async () => {
      expect(await errorCodeOf(ours.schedules.get({ staffId: their.staffId, officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "schedules.set": async () => {
      expect(await errorCodeOf(ours.schedules.set({ staffId: their.staffId, officeId: their.officeId, weeklyHours: {} }))).toBe("NOT_FOUND");
      expect((await theirs.schedules.get({ staffId: their.staffId, officeId: their.officeId })).weeklyHours.monday).toHaveLength(1);
    },
    "schedules.listTimeOff": async () => {
      const range = { from: madrid(workingDate(70), "00:00"), to: madrid(workingDate(72), "00:00") };
      await theirs.schedules.addTimeOff({ staffId: their.staffId, start: madrid(workingDate(70), "02:00"), end: madrid(workingDate(70), "03:00"), reason: "other" });
      expect(await ours.schedules.listTimeOff({ ...range, staffId: their.staffId })).toEqual([]);
      expect(await ours.schedules.listTimeOff(range)).toEqual([]);
      expect(await theirs.schedules.listTimeOff(range)).not.toEqual([]);
    },
    "schedules.addTimeOff": async () => {
      const absence = { staffId: their.staffId, start: madrid(workingDate(73), "02:00"), end: madrid(workingDate(73), "03:00"), reason: "sick" as const };
      expect(await errorCodeOf(ours.schedules.addTimeOff(absence))).toBe("NOT_FOUND");
      expect(await theirs.schedules.listTimeOff({ from: absence.start, to: absence.end })).toEqual([]);
    },
    "schedules.removeTimeOff": async () => {
      const absence = await theirs.schedules.addTimeOff({ staffId: their.staffId, start: madrid(workingDate(74), "02:00"), end: madrid(workingDate(74), "03:00"), reason: "vacation" });
      expect(await errorCodeOf(ours.schedules.removeTimeOff({ id: absence.id }))).toBe("NOT_FOUND");
      expect((await theirs.schedules.listTimeOff({ from: absence.start, to: absence.end })).map((item) => item.id)).toEqual([absence.id]);
    },
    "schedules.listOverrides": async () => {
      await theirs.schedules.setOverride({ staffId: their.staffId, officeId: their.officeId, date: workingDate(75), intervals: [] });
      const range = { officeId: their.officeId, from: workingDate(75), to: workingDate(75) };
      expect(await ours.schedules.listOverrides(range)).toEqual([]);
      expect(await theirs.schedules.listOverrides(range)).toHaveLength(1);
    },
    "schedules.setOverride": async () => {
      const key = { staffId: their.staffId, officeId: their.officeId, date: workingDate(76) };
      expect(await errorCodeOf(ours.schedules.setOverride({ ...key, intervals: [] }))).toBe("NOT_FOUND");
      expect(await theirs.schedules.listOverrides({ officeId: key.officeId, from: key.date, to: key.date })).toEqual([]);
    },
    "schedules.removeOverride": async () => {
      const key = { staffId: their.staffId, officeId: their.officeId, date: workingDate(77) };
      await theirs.schedules.setOverride({ ...key, intervals: [{ start: "09:00", end: "10:00" }] });
      expect(await errorCodeOf(ours.schedules.removeOverride(key))).toBe("NOT_FOUND");
      expect(await theirs.schedules.listOverrides({ officeId: key.officeId, from: key.date, to: key.date })).toHaveLength(1);
    },
    "appointments.slots": async () => {
      expect(await errorCodeOf(ours.appointments.slots({ serviceId: their.serviceId, from: workingDate(3) }))).toBe("SERVICE_NOT_FOUND");
    },
    "appointments.agenda": async () => {
      const range = { from: madrid(workingDate(0), "00:00"), to: madrid(workingDate(30), "00:00") };
      expect(await ours.appointments.agenda(range)).toEqual([]);
      expect(await ours.appointments.agenda({ ...range, officeId: their.officeId, staffIds: [their.staffId] })).toEqual([]);
    },
    "appointments.get": async () => {
      expect(await errorCodeOf(ours.appointments.get({ id: their.appointmentId }))).toBe("NOT_FOUND");
    },
    "appointments.history": async () => {
      expect(await errorCodeOf(ours.appointments.history({ id: their.appointmentId }))).toBe("NOT_FOUND");
    },
    "appointments.book": async () => {
      const start = madrid(workingDate(3), "11:00");
      expect(await errorCodeOf(ours.appointments.book({ clientId: their.clientId, serviceId: their.serviceId, start }))).toBe("SERVICE_NOT_FOUND");
      const live = (await theirs.appointments.agenda({ from: madrid(workingDate(0), "00:00"), to: madrid(workingDate(30), "00:00") })).filter((item) => item.status !== "cancelled");
      expect(live.map((item) => item.id)).toEqual([their.appointmentId]);
    },
    "appointments.reschedule": async () => {
      expect(await errorCodeOf(ours.appointments.reschedule({ id: their.appointmentId, version: 1, start: madrid(workingDate(4), "10:00") }))).toBe("NOT_FOUND");
      expect(await theirs.appointments.get({ id: their.appointmentId })).toMatchObject({ version: 1, status: "booked" });
    },
    "appointments.cancel": async () => {
      expect(await errorCodeOf(ours.appointments.cancel({ id: their.appointmentId, version: 1, reason: "other" }))).toBe("NOT_FOUND");
      expect(await theirs.appointments.get({ id: their.appointmentId })).toMatchObject({ version: 1, status: "booked" });
    },
    "appointments.setStatus": async () => {
      expect(await errorCodeOf(ours.appointments.setStatus({ id: their.appointmentId, version: 1, status: "no_show" }))).toBe("NOT_FOUND");
      expect(await theirs.appointments.get({ id: their.appointmentId })).toMatchObject({ version: 1, status: "booked" });
    },
    "calendarFeeds.create": async () => {
      expect(await errorCodeOf(ours.calendarFeeds.create({ staffId: their.staffId }))).toBe("NOT_FOUND");
      const mine = await ours.calendarFeeds.create();
      expect((await theirs.calendarFeeds.list()).map((feed) => feed.id)).not.toContain(mine.id);
    },
    "calendarFeeds.list": async () => {
      const feed = await theirs.calendarFeeds.create();
      expect(await errorCodeOf(ours.calendarFeeds.list({ staffId: their.staffId }))).toBe("NOT_FOUND");
      expect((await ours.calendarFeeds.list()).map((item) => item.id)).not.toContain(feed.id);
      await theirs.calendarFeeds.revoke({ id: feed.id });
    },
    "calendarFeeds.revoke": async () => {
      const feed = await theirs.calendarFeeds.create();
      expect(await errorCodeOf(ours.calendarFeeds.revoke({ id: feed.id }))).toBe("NOT_FOUND");
      expect((await theirs.calendarFeeds.list()).find((item) => item.id === feed.id)?.revokedAt).toBeNull();
      await theirs.calendarFeeds.revoke({ id: feed.id });
    },
    "waitlist.list": async () => {
      expect(await ours.waitlist.list({})).toEqual([]);
      expect(await ours.waitlist.list({ officeId: their.officeId, serviceId: their.serviceId })).toEqual([]);
    },
    "waitlist.add": async () => {
      const wanted = { earliest: madrid(workingDate(1), "00:00"), latest: madrid(workingDate(30), "00:00") };
      expect(await errorCodeOf(ours.waitlist.add({ clientId: their.clientId, serviceId: their.serviceId, ...wanted }))).toBe("SERVICE_NOT_FOUND");
      expect((await theirs.waitlist.list({})).map((entry) => entry.clientId)).toEqual([their.clientId]);
    },
    "waitlist.accept": async () => {
      expect(await errorCodeOf(ours.waitlist.accept({ offerId: their.offerId }))).toBe("NOT_FOUND");
      expect((await theirs.waitlist.list({}))[0]?.offer).toMatchObject({ id: their.offerId, status: "open", appointmentId: null });
    },
  };

  it("has a case for every procedure", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, attempt] of Object.entries(cases)) {
    it(`${path} stays inside the caller's organization`, attempt);
  }
});
