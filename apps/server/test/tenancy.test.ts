import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/trpc/app-router.js";
import { addStaff, callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";
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

  /** A message of theirs that failed for good, made on first use by the outbox cases. */
  let theirDeadMessage: Promise<string> | undefined;
  const theirDeadMessageOnce = () =>
    (theirDeadMessage ??= server.db
      .insertInto("outbox_message")
      .values({ organization_id: their.organizationId, channel: "email", recipient: "ajena@theirs.test", subject: "Ajeno", body_text: "Ajeno", locale: "es", status: "dead", attempts: 5, max_attempts: 5 })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((row) => row.id));
  /** A room of theirs, made on first use by the resources cases. */
  let theirRoom: Promise<{ id: string; version: number }> | undefined;
  const theirRoomOnce = () => (theirRoom ??= theirs.resources.create({ officeId: their.officeId, name: "Sala ajena" }));
  /** Their call routing, made on first use by the call routing cases: a department's id and a rule. */
  let theirRouting: Promise<{ departmentId: string; ruleId: string }> | undefined;
  const theirRoutingOnce = () =>
    (theirRouting ??= (async () => {
      const setup = await theirs.callRouting.setup({ officeId: their.officeId });
      const rule = await theirs.callRouting.rules.create({ officeId: their.officeId, name: "Regla ajena", match: { ivrChoice: ["1"] }, action: { kind: "callback" } });
      return { departmentId: setup.departments[0]!.id, ruleId: rule.id };
    })());
  const theirRoutingIsUntouched = async () => {
    const setup = await theirs.callRouting.setup({ officeId: their.officeId });
    expect(setup.office.callLines).toBe(4);
    expect(setup.departments.every((department) => department.overflow === null && department.timeoutSeconds === 30)).toBe(true);
    expect(setup.staff.find((member) => member.id === their.staffId)?.extension).toBeNull();
    expect(setup.rules.map((rule) => [rule.name, rule.version])).toEqual([["Regla ajena", 1]]);
  };
  /** Their money desk, made on first use by the payments cases: a product, charges, payments, a refund waiting, a receipt, a close-out. */
  let theirMoney: Promise<{ productId: string; chargeId: string; openChargeId: string; unpaidChargeId: string; paymentId: string; heldPaymentId: string; refundId: string; receiptId: string; closeOutId: string; takeKey: string }> | undefined;
  const theirMoneyOnce = () =>
    (theirMoney ??= (async () => {
      const product = await theirs.products.create({ officeId: their.officeId, name: "Producto ajeno", unitPriceMinor: 2000, taxRateBasisPoints: 2100 });
      const charge = await theirs.charges.create({ idempotencyKey: "their-charge-key-0001", officeId: their.officeId, clientId: their.clientId, lines: [{ productId: product.id, quantity: 1 }] });
      const takeKey = "their-take-key-0001";
      const paid = await theirs.payments.take({ idempotencyKey: takeKey, chargeId: charge.id, desk: "front", details: { method: "cash" } });
      const open = await theirs.charges.create({ idempotencyKey: "their-charge-key-0002", officeId: their.officeId, clientId: their.clientId, lines: [{ productId: product.id, quantity: 1 }] });
      const unpaid = await theirs.charges.create({ idempotencyKey: "their-charge-key-0003", officeId: their.officeId, clientId: their.clientId, lines: [{ productId: product.id, quantity: 1 }] });
      const card = { number: "4242424242424242", expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: "737" };
      const held = await theirs.payments.take({ idempotencyKey: "their-held-key-0001", chargeId: open.id, desk: "front", amountMinor: 500, details: { method: "card", capture: false, card } });
      await addStaff(server, their.organizationId, their.officeId, "desk@theirs.test", ["receptionist"]);
      const theirDesk = callerFor(server, await signIn(server, "desk@theirs.test"));
      const pending = await theirDesk.payments.refund({ idempotencyKey: "their-refund-key-0001", paymentId: paid.payment.id, desk: "front", amountMinor: 500, reason: "other" });
      const day = await theirs.closeOuts.count({ idempotencyKey: "their-count-key-0001", officeId: their.officeId, desk: "front", businessDate: paid.payment.businessDate, countedCashMinor: 2000 });
      return { productId: product.id, chargeId: charge.id, openChargeId: open.id, unpaidChargeId: unpaid.id, paymentId: paid.payment.id, heldPaymentId: held.payment.id, refundId: pending.refund.id, receiptId: paid.receipt!.id, closeOutId: day.id!, takeKey };
    })());

  /** Their knowledge base, made on first use by the answers cases: an entry for every office and an open question. */
  let theirAnswers: Promise<{ answerId: string; questionId: string }> | undefined;
  const theirAnswersOnce = () =>
    (theirAnswers ??= (async () => {
      const answer = await theirs.answers.create({ officeId: null, language: "es", category: "hours", question: "Horario ajeno", body: "Respuesta ajena", tags: [] });
      const question = await theirs.answers.logUnanswered({ question: "Pregunta ajena", language: "es", officeId: their.officeId });
      return { answerId: answer.id, questionId: question.id };
    })());
  const theirAnswerIsUntouched = async (answerId: string) => {
    expect(await theirs.answers.get({ id: answerId })).toMatchObject({ body: "Respuesta ajena", active: true, version: 1 });
  };

  const theirRoomIsUntouched = async () => {
    const [room] = await theirs.resources.list({ officeId: their.officeId, includeInactive: true });
    expect(room).toMatchObject({ name: "Sala ajena", active: true, version: 1 });
  };

  /** Their visitors, made on first use by the visitors cases: one expected, one on site, a kiosk token, a notification. */
  let theirVisitors: Promise<{ expectedId: string; expectedCode: string; onSiteId: string; onSiteCode: string; kioskId: string; kioskToken: string; notificationId: string }> | undefined;
  const theirVisitorsOnce = () =>
    (theirVisitors ??= (async () => {
      const expected = await theirs.visitors.preRegister({ officeId: their.officeId, visitorName: "Visita Ajena", hostStaffId: their.staffId, expectedAt: new Date().toISOString() });
      const onSite = await theirs.visitors.checkIn({ walkIn: { officeId: their.officeId, visitorName: "Dentro Ajena", hostStaffId: their.staffId } });
      const kiosk = await theirs.visitors.createKioskToken({ officeId: their.officeId, label: "Quiosco ajeno" });
      const [notification] = await theirs.notifications.list({});
      return { expectedId: expected.id, expectedCode: expected.badgeCode, onSiteId: onSite.id, onSiteCode: onSite.badgeCode, kioskId: kiosk.id, kioskToken: kiosk.token, notificationId: notification!.id };
    })());
  const theirVisitsAreUntouched = async () => {
    const { expectedId, onSiteId } = await theirVisitorsOnce();
    const day = await theirs.visitors.day({ officeId: their.officeId });
    expect(day.visits.find((visit) => visit.id === expectedId)?.status).toBe("expected");
    expect(day.visits.find((visit) => visit.id === onSiteId)?.status).toBe("checked_in");
  };
  /** Their phone system, made on first use by the telephony cases. */
  let theirEndpoint: Promise<{ id: string }> | undefined;
  const theirEndpointOnce = () => (theirEndpoint ??= theirs.telephony.endpoints.create({ officeId: their.officeId, provider: "generic", label: "Centralita ajena" }));
  /** Their calls, made on first use by the calls cases: one queued, one connected to their owner, a message for their owner. */
  let theirCalls: Promise<{ queuedId: string; connectedId: string; messageId: string }> | undefined;
  const theirCallsOnce = () =>
    (theirCalls ??= (async () => {
      const always = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((day) => [day, [{ start: "00:00", end: "24:00" }]]));
      await server.db.updateTable("office").set({ call_hours: JSON.stringify(always) as never }).where("id", "=", their.officeId).execute();
      const ring = () => theirs.calls.simulate({ event: "ring", officeId: their.officeId, from: "+34 600 000 001", extension: "100" });
      const queued = await ring();
      const connected = await ring();
      await theirs.calls.answer({ callId: connected.call.id });
      const { message } = await theirs.calls.takeMessage({ officeId: their.officeId, forStaffId: their.staffId, callerNumber: "+34 600 000 001", body: "Mensaje ajeno" });
      return { queuedId: queued.call.id, connectedId: connected.call.id, messageId: message.id };
    })());
  const theirCallsAreUntouched = async () => {
    const { queuedId, connectedId } = await theirCallsOnce();
    expect(await theirs.calls.get({ callId: queuedId })).toMatchObject({ status: "queued", version: 1 });
    expect(await theirs.calls.get({ callId: connectedId })).toMatchObject({ status: "connected", version: 2, staff: { id: their.staffId } });
  };
  /** An action on each of their calls is refused as if they did not exist. */
  const refusedOnTheirCalls = async (act: (callId: string) => Promise<unknown>) => {
    const { queuedId, connectedId } = await theirCallsOnce();
    expect(await errorCodeOf(act(queuedId))).toBe("CALL_NOT_FOUND");
    expect(await errorCodeOf(act(connectedId))).toBe("CALL_NOT_FOUND");
    await theirCallsAreUntouched();
  };
  /** A kiosk of our own office. */
  let ourKiosk: Promise<{ token: string; officeId: string; hostId: string }> | undefined;
  const ourKioskOnce = () =>
    (ourKiosk ??= (async () => {
      const me = await ours.session.me();
      const officeId = (await ours.offices.list())[0]!.id;
      const kiosk = await ours.visitors.createKioskToken({ officeId, label: "Nuestro" });
      return { token: kiosk.token, officeId, hostId: me.staff.id };
    })());

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
      const { id: _id, organizationId, departments: _departments, bookingPolicy: _bookingPolicy, phone: _phone, email: _email, ...office } = mine!;
      const created = await ours.offices.create({ ...office, name: "Ours, second office" });
      expect(created.organizationId).toBe(organizationId);
      expect((await theirs.offices.list()).map((item) => item.id)).not.toContain(created.id);
    },
    "offices.update": async () => {
      const target = (await theirs.offices.list()).find((office) => office.id === their.officeId)!;
      const { id, organizationId: _organizationId, kind: _kind, departments: _departments, bookingPolicy: _bookingPolicy, phone: _phone, email: _email, ...details } = target;
      expect(await errorCodeOf(ours.offices.update({ id, office: { ...details, name: "Hijacked" } }))).toBe("NOT_FOUND");
      expect((await theirs.offices.list()).find((office) => office.id === id)).toEqual(target);
    },
    "offices.updateBookingPolicy": async () => {
      const policy = { bookingWindowDays: 3, minimumNoticeMinutes: 60, slotStepMinutes: 15 };
      expect(await errorCodeOf(ours.offices.updateBookingPolicy({ id: their.officeId, policy }))).toBe("NOT_FOUND");
      expect((await theirs.offices.list()).find((office) => office.id === their.officeId)?.bookingPolicy).toEqual({ bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null });
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
    "resources.list": async () => {
      const room = await theirRoomOnce();
      expect((await ours.resources.list({ includeInactive: true })).map((item) => item.id)).not.toContain(room.id);
      expect(await ours.resources.list({ officeId: their.officeId, includeInactive: true })).toEqual([]);
    },
    "resources.create": async () => {
      expect(await errorCodeOf(ours.resources.create({ officeId: their.officeId, name: "Planted" }))).toBe("NOT_FOUND");
      // Nor can a service of ours need their room.
      const room = await theirRoomOnce();
      const ourOffice = (await ours.session.me()).offices[0]!;
      const ourStaffId = (await ours.session.me()).staff.id;
      expect(await errorCodeOf(ours.services.create({ officeId: ourOffice.id, name: "Con sala ajena", durationMinutes: 30, staffIds: [ourStaffId], resourceIds: [room.id] }))).toBe("RESOURCE_NOT_FOUND");
      await theirRoomIsUntouched();
    },
    "resources.update": async () => {
      const room = await theirRoomOnce();
      expect(await errorCodeOf(ours.resources.update({ id: room.id, version: 1, name: "Hijacked" }))).toBe("RESOURCE_NOT_FOUND");
      await theirRoomIsUntouched();
    },
    "resources.deactivate": async () => {
      const room = await theirRoomOnce();
      expect(await errorCodeOf(ours.resources.deactivate({ id: room.id, version: 1 }))).toBe("RESOURCE_NOT_FOUND");
      await theirRoomIsUntouched();
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
    "agenda.day": async () => {
      const entry = await theirs.agenda.create({ staffId: their.staffId, kind: "task", title: "Secreto", start: madrid(workingDate(5), "09:00") });
      expect(await errorCodeOf(ours.agenda.day({ staffId: their.staffId, date: workingDate(5) }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(5) })).items.map((item) => item.key)).toContain(entry.id);
    },
    "agenda.range": async () => {
      expect(await errorCodeOf(ours.agenda.range({ staffId: their.staffId, from: workingDate(1), to: workingDate(8) }))).toBe("NOT_FOUND");
    },
    "agenda.exportDay": async () => {
      expect(await errorCodeOf(ours.agenda.exportDay({ staffId: their.staffId, date: workingDate(3) }))).toBe("NOT_FOUND");
      expect((await ours.agenda.exportDay({ staffId: (await ours.session.me()).staff.id, date: workingDate(3) })).ics).not.toContain("Secreta");
    },
    "agenda.create": async () => {
      const block = { staffId: their.staffId, kind: "block" as const, title: "Intruso", start: madrid(workingDate(9), "10:00"), end: madrid(workingDate(9), "11:00") };
      expect(await errorCodeOf(ours.agenda.create(block))).toBe("NOT_FOUND");
      const mine = (await ours.session.me()).staff.id;
      expect(await errorCodeOf(ours.agenda.create({ staffId: mine, kind: "callback", title: "Ajeno", start: block.start, clientId: their.clientId }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(9) })).items.filter((item) => item.type === "entry" && item.entry.title === "Intruso")).toEqual([]);
    },
    "agenda.update": async () => {
      const entry = await theirs.agenda.create({ staffId: their.staffId, kind: "task", title: "Suyo", start: madrid(workingDate(10), "09:00") });
      expect(await errorCodeOf(ours.agenda.update({ id: entry.id, version: 1, title: "Cambiado" }))).toBe("NOT_FOUND");
      const callback = await theirs.agenda.create({ staffId: their.staffId, kind: "callback", title: "Llamar", start: madrid(workingDate(10), "10:00"), phone: "+34612345678" });
      const mine = await ours.agenda.create({ staffId: (await ours.session.me()).staff.id, kind: "callback", title: "Mío", start: madrid(workingDate(10), "10:00"), phone: "+34612345678" });
      expect(await errorCodeOf(ours.agenda.update({ id: mine.id, version: 1, clientId: their.clientId }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(10) })).items.filter((item) => item.key === entry.id || item.key === callback.id)).toMatchObject([{ entry: { title: "Suyo", version: 1 } }, { entry: { version: 1, clientId: null } }]);
      expect(callback.version).toBe(1);
    },
    "agenda.complete": async () => {
      const entry = await theirs.agenda.create({ staffId: their.staffId, kind: "task", title: "Suyo", start: madrid(workingDate(11), "09:00") });
      expect(await errorCodeOf(ours.agenda.complete({ id: entry.id, version: 1 }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(11) })).items.find((item) => item.key === entry.id)).toMatchObject({ entry: { status: "open", version: 1 } });
    },
    "agenda.cancel": async () => {
      const entry = await theirs.agenda.create({ staffId: their.staffId, kind: "task", title: "Suyo", start: madrid(workingDate(13), "09:00") });
      expect(await errorCodeOf(ours.agenda.cancel({ id: entry.id, version: 1 }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(13) })).items.find((item) => item.key === entry.id)).toMatchObject({ entry: { status: "open", version: 1 } });
    },
    "agenda.remove": async () => {
      const entry = await theirs.agenda.create({ staffId: their.staffId, kind: "task", title: "Suyo", start: madrid(workingDate(14), "09:00") });
      expect(await errorCodeOf(ours.agenda.remove({ id: entry.id, version: 1 }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(14) })).items.find((item) => item.key === entry.id)).toMatchObject({ entry: { status: "open", version: 1 } });
    },
    "agenda.skipOccurrence": async () => {
      const start = madrid(workingDate(15), "07:00");
      const entry = await theirs.agenda.create({ staffId: their.staffId, kind: "block", title: "Serie", start, end: madrid(workingDate(15), "07:30"), rrule: "FREQ=DAILY;COUNT=2" });
      expect(await errorCodeOf(ours.agenda.skipOccurrence({ id: entry.id, version: 1, occurrenceStart: start }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.day({ staffId: their.staffId, date: workingDate(15) })).items.filter((item) => item.key.startsWith(entry.id))).toHaveLength(1);
    },
    "agenda.importIcs": async () => {
      const ics = ["BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT", "UID:intruder@x", "DTSTART:20300101T090000Z", "DTEND:20300101T100000Z", "END:VEVENT", "END:VCALENDAR", ""].join("\r\n");
      expect(await errorCodeOf(ours.agenda.importIcs({ staffId: their.staffId, ics }))).toBe("NOT_FOUND");
      expect((await theirs.agenda.range({ staffId: their.staffId, from: "2030-01-01", to: "2030-01-01" })).items).toEqual([]);
    },
    "agenda.principals": async () => {
      const theirOwner = (await theirs.session.me()).staff;
      expect((await ours.agenda.principals()).map((link) => link.principalStaffId)).not.toContain(theirOwner.id);
    },
    "agenda.delegates": async () => {
      expect(await errorCodeOf(ours.agenda.delegates({ principalStaffId: their.staffId }))).toBe("NOT_FOUND");
    },
    "agenda.addDelegate": async () => {
      const mine = (await ours.session.me()).staff.id;
      expect(await errorCodeOf(ours.agenda.addDelegate({ principalStaffId: their.staffId, delegateStaffId: mine }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.agenda.addDelegate({ principalStaffId: mine, delegateStaffId: their.staffId }))).toBe("NOT_FOUND");
      expect(await theirs.agenda.delegates({ principalStaffId: their.staffId })).toEqual([]);
      expect(await ours.agenda.principals()).toEqual([]);
    },
    "agenda.removeDelegate": async () => {
      const mine = (await ours.session.me()).staff.id;
      expect(await errorCodeOf(ours.agenda.removeDelegate({ principalStaffId: their.staffId, delegateStaffId: mine }))).toBe("NOT_FOUND");
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
    "outbox.list": async () => {
      await theirDeadMessageOnce();
      expect((await ours.outbox.list({})).map((message) => message.subject)).not.toContain("Ajeno");
      expect((await theirs.outbox.list({})).map((message) => message.subject)).toContain("Ajeno");
    },
    "outbox.retry": async () => {
      const id = await theirDeadMessageOnce();
      expect(await errorCodeOf(ours.outbox.retry({ id }))).toBe("NOT_FOUND");
      expect((await theirs.outbox.list({ status: "dead" })).map((message) => message.id)).toContain(id);
    },
    "outbox.previewReminder": async () => {
      expect(await errorCodeOf(ours.outbox.previewReminder({ officeId: their.officeId, locale: "es" }))).toBe("NOT_FOUND");
    },
    "products.list": async () => {
      await theirMoneyOnce();
      expect((await ours.products.list({})).map((product) => product.name)).not.toContain("Producto ajeno");
      expect(await ours.products.list({ officeId: their.officeId, includeInactive: true })).toEqual([]);
    },
    "products.create": async () => {
      expect(await errorCodeOf(ours.products.create({ officeId: their.officeId, name: "Planted", unitPriceMinor: 1, taxRateBasisPoints: 0 }))).toBe("NOT_FOUND");
      expect((await theirs.products.list({})).map((product) => product.name)).toEqual(["Producto ajeno"]);
    },
    "products.update": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.products.update({ id: money.productId, unitPriceMinor: 1 }))).toBe("PRODUCT_NOT_FOUND");
      expect((await theirs.products.list({}))[0]?.unitPriceMinor).toBe(2000);
    },
    "charges.create": async () => {
      const money = await theirMoneyOnce();
      // Their idempotency key replays nothing of theirs for us.
      expect(await errorCodeOf(ours.charges.create({ idempotencyKey: "their-charge-key-0001", officeId: their.officeId, lines: [{ productId: money.productId }] }))).toBe("NOT_FOUND");
      const [ourOffice] = await ours.offices.list();
      expect(await errorCodeOf(ours.charges.create({ idempotencyKey: "ours-charge-key-0001", officeId: ourOffice!.id, lines: [{ productId: money.productId }] }))).toBe("PRODUCT_NOT_FOUND");
      expect(await errorCodeOf(ours.charges.create({ idempotencyKey: "ours-charge-key-0002", officeId: ourOffice!.id, appointmentId: their.appointmentId }))).toBe("NOT_FOUND");
    },
    "charges.cancel": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.charges.cancel({ idempotencyKey: "ours-cancel-key-0001", id: money.unpaidChargeId }))).toBe("NOT_FOUND");
      expect(await theirs.charges.get({ id: money.unpaidChargeId })).toMatchObject({ status: "open", balanceMinor: 2000 });
    },
    "charges.get": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.charges.get({ id: money.chargeId }))).toBe("NOT_FOUND");
    },
    "charges.list": async () => {
      await theirMoneyOnce();
      expect(await ours.charges.list({ clientId: their.clientId })).toEqual([]);
      expect(await ours.charges.list({ officeId: their.officeId })).toEqual([]);
    },
    "payments.take": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.take({ idempotencyKey: "ours-take-key-0001", chargeId: money.openChargeId, desk: "front", details: { method: "cash" } }))).toBe("NOT_FOUND");
      // Their idempotency key replays nothing of theirs for us.
      expect(await errorCodeOf(ours.payments.take({ idempotencyKey: money.takeKey, chargeId: money.chargeId, desk: "front", details: { method: "cash" } }))).toBe("NOT_FOUND");
      expect((await theirs.charges.get({ id: money.openChargeId })).balanceMinor).toBe(1500);
    },
    "payments.capture": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.capture({ idempotencyKey: "ours-capture-key-0001", paymentId: money.heldPaymentId }))).toBe("NOT_FOUND");
      expect((await theirs.payments.get({ id: money.heldPaymentId })).status).toBe("authorized");
    },
    "payments.void": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.void({ idempotencyKey: "ours-void-key-0001", paymentId: money.heldPaymentId }))).toBe("NOT_FOUND");
      expect((await theirs.payments.get({ id: money.heldPaymentId })).status).toBe("authorized");
    },
    "payments.refund": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.refund({ idempotencyKey: "ours-refund-key-0001", paymentId: money.paymentId, desk: "front", amountMinor: 100, reason: "other" }))).toBe("NOT_FOUND");
      expect((await theirs.payments.get({ id: money.paymentId })).refundedMinor).toBe(0);
    },
    "payments.decideRefund": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.decideRefund({ idempotencyKey: "ours-decide-key-0001", refundId: money.refundId, approve: true }))).toBe("NOT_FOUND");
      expect((await theirs.payments.refunds({}))[0]).toMatchObject({ id: money.refundId, status: "pending_approval" });
    },
    "payments.get": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.get({ id: money.paymentId }))).toBe("NOT_FOUND");
    },
    "payments.list": async () => {
      const money = await theirMoneyOnce();
      expect(await ours.payments.list({})).toEqual([]);
      expect(await ours.payments.list({ chargeId: money.chargeId, clientId: their.clientId })).toEqual([]);
    },
    "payments.refunds": async () => {
      await theirMoneyOnce();
      expect(await ours.payments.refunds({ officeId: their.officeId })).toEqual([]);
      expect(await ours.payments.refunds({})).toEqual([]);
    },
    "payments.balance": async () => {
      await theirMoneyOnce();
      expect(await errorCodeOf(ours.payments.balance({ clientId: their.clientId }))).toBe("NOT_FOUND");
    },
    "payments.settings": async () => {
      expect(await errorCodeOf(ours.payments.settings({ officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "payments.updateSettings": async () => {
      expect(await errorCodeOf(ours.payments.updateSettings({ officeId: their.officeId, pricesIncludeTax: false, refundApprovalThresholdMinor: 99_999 }))).toBe("NOT_FOUND");
      expect(await theirs.payments.settings({ officeId: their.officeId })).toMatchObject({ pricesIncludeTax: true, refundApprovalThresholdMinor: 0 });
    },
    "receipts.list": async () => {
      await theirMoneyOnce();
      expect(await ours.receipts.list({})).toEqual([]);
      expect(await ours.receipts.list({ officeId: their.officeId, clientId: their.clientId })).toEqual([]);
    },
    "receipts.get": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.receipts.get({ id: money.receiptId }))).toBe("NOT_FOUND");
    },
    "receipts.pdf": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.receipts.pdf({ id: money.receiptId }))).toBe("NOT_FOUND");
    },
    "receipts.email": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.receipts.email({ id: money.receiptId, to: "spy@ours.test" }))).toBe("NOT_FOUND");
      expect(await server.db.selectFrom("outbox_message").select("id").where("recipient", "=", "spy@ours.test").execute()).toEqual([]);
    },
    "closeOuts.day": async () => {
      await theirMoneyOnce();
      expect(await errorCodeOf(ours.closeOuts.day({ officeId: their.officeId, desk: "front", businessDate: "2026-01-01" }))).toBe("NOT_FOUND");
    },
    "closeOuts.count": async () => {
      expect(await errorCodeOf(ours.closeOuts.count({ idempotencyKey: "ours-count-key-0001", officeId: their.officeId, desk: "front", businessDate: "2026-01-01", countedCashMinor: 0 }))).toBe("NOT_FOUND");
    },
    "closeOuts.signOff": async () => {
      const money = await theirMoneyOnce();
      expect(await errorCodeOf(ours.closeOuts.signOff({ idempotencyKey: "ours-signoff-key-0001", id: money.closeOutId }))).toBe("NOT_FOUND");
      expect((await theirs.closeOuts.list({ officeId: their.officeId, from: "2000-01-01", to: "2100-01-01" }))[0]?.status).toBe("counted");
    },
    "closeOuts.list": async () => {
      await theirMoneyOnce();
      expect(await ours.closeOuts.list({ from: "2000-01-01", to: "2100-01-01" })).toEqual([]);
      expect(await ours.closeOuts.list({ officeId: their.officeId, from: "2000-01-01", to: "2100-01-01" })).toEqual([]);
    },
    "answers.search": async () => {
      await theirAnswersOnce();
      expect(await ours.answers.search({ query: "ajena", language: "es" })).toEqual([]);
      expect(await errorCodeOf(ours.answers.search({ query: "ajena", language: "es", officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "answers.get": async () => {
      const { answerId } = await theirAnswersOnce();
      expect(await errorCodeOf(ours.answers.get({ id: answerId }))).toBe("NOT_FOUND");
    },
    "answers.list": async () => {
      await theirAnswersOnce();
      expect(await ours.answers.list({ includeArchived: true })).toEqual([]);
      expect(await ours.answers.list({ officeId: their.officeId })).toEqual([]);
    },
    "answers.create": async () => {
      expect(await errorCodeOf(ours.answers.create({ officeId: their.officeId, language: "es", category: "other", question: "Plantada", body: "Plantada", tags: [] }))).toBe("NOT_FOUND");
      expect((await theirs.answers.list({})).map((answer) => answer.question)).not.toContain("Plantada");
    },
    "answers.update": async () => {
      const { answerId } = await theirAnswersOnce();
      expect(await errorCodeOf(ours.answers.update({ id: answerId, version: 1, answer: { officeId: null, language: "es", category: "other", question: "Cambiada", body: "Cambiada", tags: [] } }))).toBe("NOT_FOUND");
      await theirAnswerIsUntouched(answerId);
    },
    "answers.archive": async () => {
      const { answerId } = await theirAnswersOnce();
      expect(await errorCodeOf(ours.answers.archive({ id: answerId }))).toBe("NOT_FOUND");
      await theirAnswerIsUntouched(answerId);
    },
    "answers.restore": async () => {
      const { answerId } = await theirAnswersOnce();
      expect(await errorCodeOf(ours.answers.restore({ id: answerId }))).toBe("NOT_FOUND");
      await theirAnswerIsUntouched(answerId);
    },
    "answers.logUnanswered": async () => {
      expect(await errorCodeOf(ours.answers.logUnanswered({ question: "Plantada", language: "es", officeId: their.officeId }))).toBe("NOT_FOUND");
      expect((await theirs.answers.unanswered({})).map((question) => question.question)).not.toContain("Plantada");
    },
    "answers.unanswered": async () => {
      await theirAnswersOnce();
      expect(await ours.answers.unanswered({})).toEqual([]);
      expect(await ours.answers.unanswered({ officeId: their.officeId })).toEqual([]);
    },
    "answers.answerQuestion": async () => {
      const { questionId } = await theirAnswersOnce();
      expect(await errorCodeOf(ours.answers.answerQuestion({ id: questionId, answer: { officeId: null, language: "es", category: "other", question: "Plantada", body: "Plantada", tags: [] } }))).toBe("NOT_FOUND");
      expect((await theirs.answers.unanswered({})).map((question) => question.id)).toContain(questionId);
    },
    "answers.dismissQuestion": async () => {
      const { questionId } = await theirAnswersOnce();
      expect(await errorCodeOf(ours.answers.dismissQuestion({ id: questionId }))).toBe("NOT_FOUND");
      expect((await theirs.answers.unanswered({})).map((question) => question.id)).toContain(questionId);
    },
    "visitors.preRegister": async () => {
      await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.preRegister({ officeId: their.officeId, visitorName: "Plantada", hostStaffId: their.staffId, expectedAt: new Date().toISOString() }))).toBe("NOT_FOUND");
      const { hostId, officeId } = await ourKioskOnce();
      expect(hostId).toBeDefined();
      expect(await errorCodeOf(ours.visitors.preRegister({ officeId, visitorName: "Plantada", hostStaffId: their.staffId, expectedAt: new Date().toISOString() }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.visitors.preRegister({ officeId, visitorName: "Plantada", hostStaffId: hostId, expectedAt: new Date().toISOString(), appointmentId: their.appointmentId }))).toBe("NOT_FOUND");
      expect((await theirs.visitors.day({ officeId: their.officeId })).visits.map((visit) => visit.visitorName)).not.toContain("Plantada");
    },
    "visitors.checkIn": async () => {
      const { expectedId } = await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.checkIn({ visitId: expectedId }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.visitors.checkIn({ walkIn: { officeId: their.officeId, visitorName: "Plantada", hostStaffId: their.staffId } }))).toBe("NOT_FOUND");
      await theirVisitsAreUntouched();
    },
    "visitors.checkOut": async () => {
      const { onSiteId } = await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.checkOut({ id: onSiteId }))).toBe("NOT_FOUND");
      await theirVisitsAreUntouched();
    },
    "visitors.cancel": async () => {
      const { expectedId } = await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.cancel({ id: expectedId }))).toBe("NOT_FOUND");
      await theirVisitsAreUntouched();
    },
    "visitors.day": async () => {
      await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.day({ officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "visitors.onSite": async () => {
      await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.onSite({ officeId: their.officeId }))).toBe("NOT_FOUND");
      const { officeId } = await ourKioskOnce();
      expect((await ours.visitors.onSite({ officeId })).visits.map((visit) => visit.visitorName)).not.toContain("Dentro Ajena");
    },
    "visitors.badge": async () => {
      const { onSiteId } = await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.badge({ id: onSiteId }))).toBe("NOT_FOUND");
    },
    "visitors.settings": async () => {
      expect(await errorCodeOf(ours.visitors.settings({ officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "visitors.updateSettings": async () => {
      expect(await errorCodeOf(ours.visitors.updateSettings({ officeId: their.officeId, settings: { retentionDays: 1, waitThresholdMinutes: 1, dayEndsAt: "00:00" } }))).toBe("NOT_FOUND");
      expect(await theirs.visitors.settings({ officeId: their.officeId })).toEqual({ retentionDays: 30, waitThresholdMinutes: 15, dayEndsAt: "19:00" });
    },
    "visitors.createKioskToken": async () => {
      expect(await errorCodeOf(ours.visitors.createKioskToken({ officeId: their.officeId, label: "Plantado" }))).toBe("NOT_FOUND");
      expect((await theirs.visitors.kioskTokens({})).map((kiosk) => kiosk.label)).not.toContain("Plantado");
    },
    "visitors.kioskTokens": async () => {
      const { kioskId } = await theirVisitorsOnce();
      expect((await ours.visitors.kioskTokens({})).map((kiosk) => kiosk.id)).not.toContain(kioskId);
      expect(await ours.visitors.kioskTokens({ officeId: their.officeId })).toEqual([]);
    },
    "visitors.revokeKioskToken": async () => {
      const { kioskId } = await theirVisitorsOnce();
      expect(await errorCodeOf(ours.visitors.revokeKioskToken({ id: kioskId }))).toBe("NOT_FOUND");
      expect((await theirs.visitors.kioskTokens({})).find((kiosk) => kiosk.id === kioskId)?.revokedAt).toBeNull();
    },
    "kiosk.welcome": async () => {
      await theirVisitorsOnce();
      const { token } = await ourKioskOnce();
      const welcome = await callerFor(server).kiosk.welcome({ token });
      expect(welcome.hosts.map((host) => host.id)).not.toContain(their.staffId);
    },
    "kiosk.walkIn": async () => {
      await theirVisitorsOnce();
      const { token } = await ourKioskOnce();
      expect(await errorCodeOf(callerFor(server).kiosk.walkIn({ token, visitor: { visitorName: "Plantada", hostStaffId: their.staffId } }))).toBe("NOT_FOUND");
      await theirVisitsAreUntouched();
    },
    "kiosk.checkInWithCode": async () => {
      const { expectedCode } = await theirVisitorsOnce();
      const { token } = await ourKioskOnce();
      expect(await errorCodeOf(callerFor(server).kiosk.checkInWithCode({ token, code: expectedCode }))).toBe("BADGE_CODE_UNKNOWN");
      await theirVisitsAreUntouched();
    },
    "kiosk.checkOut": async () => {
      const { onSiteCode } = await theirVisitorsOnce();
      const { token } = await ourKioskOnce();
      expect(await errorCodeOf(callerFor(server).kiosk.checkOut({ token, code: onSiteCode }))).toBe("BADGE_CODE_UNKNOWN");
      await theirVisitsAreUntouched();
    },
    "notifications.list": async () => {
      const { notificationId } = await theirVisitorsOnce();
      expect((await ours.notifications.list({})).map((notification) => notification.id)).not.toContain(notificationId);
    },
    "notifications.markRead": async () => {
      const { notificationId } = await theirVisitorsOnce();
      expect(await ours.notifications.markRead({ ids: [notificationId] })).toEqual({ updated: 0 });
      expect(await ours.notifications.markRead({})).toMatchObject({ updated: expect.any(Number) });
      expect((await theirs.notifications.list({ unreadOnly: true })).map((notification) => notification.id)).toContain(notificationId);
    },
    "waitingRoom.board": async () => {
      await theirVisitorsOnce();
      expect(await errorCodeOf(ours.waitingRoom.board({ officeId: their.officeId }))).toBe("NOT_FOUND");
      const { officeId } = await ourKioskOnce();
      expect((await ours.waitingRoom.board({ officeId })).rows.map((row) => row.name)).not.toContain("Dentro Ajena");
    },
    "waitingRoom.move": async () => {
      const { onSiteId, expectedId } = await theirVisitorsOnce();
      const { officeId } = await ourKioskOnce();
      expect(await errorCodeOf(ours.waitingRoom.move({ officeId: their.officeId, subject: { visitId: onSiteId }, from: "arrived", to: "done" }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.waitingRoom.move({ officeId, subject: { visitId: expectedId }, from: "expected", to: "arrived" }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.waitingRoom.move({ officeId, subject: { appointmentId: their.appointmentId }, from: "expected", to: "arrived" }))).toBe("NOT_FOUND");
      await theirVisitsAreUntouched();
      expect((await theirs.appointments.get({ id: their.appointmentId })).status).toBe("booked");
      expect(await server.db.selectFrom("waiting_room_entry").select("id").execute()).toEqual([]);
    },
    "telephony.endpoints.list": async () => {
      const { id } = await theirEndpointOnce();
      expect((await ours.telephony.endpoints.list({})).map((endpoint) => endpoint.id)).not.toContain(id);
      expect(await ours.telephony.endpoints.list({ officeId: their.officeId })).toEqual([]);
    },
    "telephony.endpoints.create": async () => {
      expect(await errorCodeOf(ours.telephony.endpoints.create({ officeId: their.officeId, provider: "generic", label: "Centralita plantada" }))).toBe("NOT_FOUND");
      expect((await theirs.telephony.endpoints.list({})).map((endpoint) => endpoint.label)).not.toContain("Centralita plantada");
    },
    "telephony.endpoints.revoke": async () => {
      const { id } = await theirEndpointOnce();
      expect(await errorCodeOf(ours.telephony.endpoints.revoke({ id }))).toBe("NOT_FOUND");
      expect((await theirs.telephony.endpoints.list({})).find((endpoint) => endpoint.id === id)?.revokedAt).toBeNull();
    },
    "callRouting.setup": async () => {
      await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.setup({ officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "callRouting.updateOffice": async () => {
      const { departmentId } = await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.updateOffice({ officeId: their.officeId, callHours: {}, callHolidays: [], callLines: 1, maxOverflowHops: 0 }))).toBe("NOT_FOUND");
      // Nor can our calls that name no one go to one of their departments.
      const ourOffice = (await ours.callRouting.setup({ officeId: (await ours.offices.list())[0]!.id })).office;
      const ourSettings = { officeId: ourOffice.id, callHours: ourOffice.callHours, callHolidays: ourOffice.callHolidays, callLines: ourOffice.callLines, maxOverflowHops: ourOffice.maxOverflowHops };
      expect(await errorCodeOf(ours.callRouting.updateOffice({ ...ourSettings, defaultDepartmentId: departmentId }))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
      await theirRoutingIsUntouched();
    },
    "callRouting.updateDepartment": async () => {
      const { departmentId } = await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.updateDepartment({ departmentId, strategy: "round_robin", timeoutSeconds: 5, overflow: { kind: "callback" }, callHours: null }))).toBe("NOT_FOUND");
      // Nor can one of ours overflow into theirs.
      const ourOffice = (await ours.offices.list())[0]!;
      const ourDepartment = (await ours.callRouting.setup({ officeId: ourOffice.id })).departments[0]!;
      expect(await errorCodeOf(ours.callRouting.updateDepartment({ departmentId: ourDepartment.id, strategy: "ring_all", timeoutSeconds: 30, overflow: { kind: "department", departmentId }, callHours: null }))).toBe("ROUTING_UNKNOWN_DEPARTMENT");
      await theirRoutingIsUntouched();
    },
    "callRouting.updateStaffPhone": async () => {
      await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.updateStaffPhone({ staffId: their.staffId, extension: "299", languages: ["en"], skills: [] }))).toBe("STAFF_NOT_FOUND");
      await theirRoutingIsUntouched();
    },
    "callRouting.rules.create": async () => {
      await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.rules.create({ officeId: their.officeId, name: "Plantada", match: {}, action: { kind: "callback" } }))).toBe("NOT_FOUND");
      const ourOffice = (await ours.offices.list())[0]!;
      expect(await errorCodeOf(ours.callRouting.rules.create({ officeId: ourOffice.id, name: "A ellos", match: { ivrChoice: ["7"] }, action: { kind: "staff", staffId: their.staffId } }))).toBe("ROUTING_UNKNOWN_STAFF");
      await theirRoutingIsUntouched();
    },
    "callRouting.rules.update": async () => {
      const { ruleId } = await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.rules.update({ id: ruleId, version: 1, name: "Secuestrada" }))).toBe("NOT_FOUND");
      await theirRoutingIsUntouched();
    },
    "callRouting.rules.remove": async () => {
      const { ruleId } = await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.rules.remove({ id: ruleId, version: 1 }))).toBe("NOT_FOUND");
      await theirRoutingIsUntouched();
    },
    "callRouting.rules.reorder": async () => {
      const { ruleId } = await theirRoutingOnce();
      expect(await errorCodeOf(ours.callRouting.rules.reorder({ officeId: their.officeId, ruleIds: [ruleId] }))).toBe("NOT_FOUND");
      const ourOffice = (await ours.offices.list())[0]!;
      expect(await errorCodeOf(ours.callRouting.rules.reorder({ officeId: ourOffice.id, ruleIds: [ruleId] }))).toBe("ROUTING_RULE_VERSION_CONFLICT");
      await theirRoutingIsUntouched();
    },
    "calls.live": async () => {
      await theirCallsOnce();
      expect(await errorCodeOf(ours.calls.live({ officeId: their.officeId }))).toBe("NOT_FOUND");
    },
    "calls.active": async () => {
      const { queuedId } = await theirCallsOnce();
      expect(await errorCodeOf(ours.calls.active({ officeId: their.officeId }))).toBe("NOT_FOUND");
      const ourOffice = (await ours.session.me()).offices[0]!;
      expect((await ours.calls.active({ officeId: ourOffice.id })).map((call) => call.id)).not.toContain(queuedId);
    },
    "calls.get": () => refusedOnTheirCalls((callId) => ours.calls.get({ callId })),
    "calls.identify": async () => {
      const { queuedId, messageId } = await theirCallsOnce();
      expect(await errorCodeOf(ours.calls.identify({ officeId: their.officeId, number: "+34600000001" }))).toBe("NOT_FOUND");
      const ourOffice = (await ours.session.me()).offices[0]!;
      const found = await ours.calls.identify({ officeId: ourOffice.id, number: "+34600000001" });
      expect(found.interactions.map((item) => item.id)).not.toContain(queuedId);
      expect(found.interactions.map((item) => item.id)).not.toContain(messageId);
    },
    "calls.log": async () => {
      const { queuedId } = await theirCallsOnce();
      expect(await errorCodeOf(ours.calls.log({ officeId: their.officeId }))).toBe("NOT_FOUND");
      const ourOffice = (await ours.session.me()).offices[0]!;
      expect((await ours.calls.log({ officeId: ourOffice.id })).map((call) => call.id)).not.toContain(queuedId);
    },
    "calls.answer": () => refusedOnTheirCalls((callId) => ours.calls.answer({ callId })),
    "calls.hold": () => refusedOnTheirCalls((callId) => ours.calls.hold({ callId })),
    "calls.resume": () => refusedOnTheirCalls((callId) => ours.calls.resume({ callId })),
    "calls.transfer": () => refusedOnTheirCalls((callId) => ours.calls.transfer({ callId, mode: "blind", target: { kind: "staff", staffId: their.staffId } })),
    "calls.acceptTransfer": () => refusedOnTheirCalls((callId) => ours.calls.acceptTransfer({ callId })),
    "calls.cancelTransfer": () => refusedOnTheirCalls((callId) => ours.calls.cancelTransfer({ callId })),
    "calls.hangUp": () => refusedOnTheirCalls((callId) => ours.calls.hangUp({ callId })),
    "calls.takeMessage": async () => {
      const { connectedId } = await theirCallsOnce();
      const ourOffice = (await ours.session.me()).offices[0]!;
      const ourStaffId = (await ours.session.me()).staff.id;
      expect(await errorCodeOf(ours.calls.takeMessage({ officeId: their.officeId, forStaffId: ourStaffId, callerName: "Plantada", body: "x" }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.calls.takeMessage({ officeId: ourOffice.id, forStaffId: their.staffId, callerName: "Plantada", body: "x" }))).toBe("NOT_FOUND");
      expect(await errorCodeOf(ours.calls.takeMessage({ officeId: ourOffice.id, forStaffId: ourStaffId, callId: connectedId, body: "x" }))).toBe("CALL_NOT_FOUND");
      await theirCallsAreUntouched();
    },
    "calls.scheduleCallback": async () => {
      await refusedOnTheirCalls((callId) => ours.calls.scheduleCallback({ callId, dueAt: new Date().toISOString() }));
      const { queuedId, connectedId } = await theirCallsOnce();
      expect(await server.db.selectFrom("agenda_entry").select("id").where("call_id", "in", [queuedId, connectedId]).execute()).toEqual([]);
    },
    "calls.simulate": async () => {
      await theirCallsOnce();
      expect(await errorCodeOf(ours.calls.simulate({ event: "ring", officeId: their.officeId, from: "+34600000002", extension: "100" }))).toBe("NOT_FOUND");
      await refusedOnTheirCalls((callId) => ours.calls.simulate({ event: "hang_up", callId }));
    },
    "calls.presence.me": async () => {
      await theirCallsOnce();
      expect((await ours.calls.presence.me()).staffId).toBe((await ours.session.me()).staff.id);
    },
    "calls.presence.set": async () => {
      await theirCallsOnce();
      await ours.calls.presence.set({ status: "on_break" });
      expect((await theirs.calls.presence.me()).status).toBe("busy");
    },
    "calls.presence.list": async () => {
      expect(await errorCodeOf(ours.calls.presence.list({ officeId: their.officeId }))).toBe("NOT_FOUND");
      const ourOffice = (await ours.session.me()).offices[0]!;
      expect((await ours.calls.presence.list({ officeId: ourOffice.id })).map((item) => item.staffId)).not.toContain(their.staffId);
    },
    "calls.messages.mine": async () => {
      const { messageId } = await theirCallsOnce();
      expect((await ours.calls.messages.mine({})).map((message) => message.id)).not.toContain(messageId);
    },
    "calls.messages.markRead": async () => {
      const { messageId } = await theirCallsOnce();
      expect(await ours.calls.messages.markRead({ ids: [messageId] })).toEqual({ updated: 0 });
      expect((await theirs.calls.messages.mine({ unreadOnly: true })).map((message) => message.id)).toContain(messageId);
    },
  };

  it("has a case for every procedure", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, attempt] of Object.entries(cases)) {
    it(`${path} stays inside the caller's organization`, attempt);
  }
});
