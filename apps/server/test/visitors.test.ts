import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PURGED_NAME, markNoShows, purgeExpiredVisitors, remindVisitorsStillOnSite } from "../src/jobs/visitors.js";
import { addStaff, callerFor, errorCodeOf, failureOf, madridOffice, setUpOrganization, signIn, testTargets, createTestServer, type TestServer } from "./harness.js";

/** A second office of the organization, with its own staff and kiosk. */
const northOffice = { ...madridOffice, name: "Sede Norte" };

const DAY_MS = 86_400_000;

describe.each(testTargets())("visitors on %s", (target) => {
  let server: TestServer;
  let organizationId: string;
  let madridId: string;
  let milanId: string;
  let hostId: string;
  let milanHostId: string;
  let owner: ReturnType<typeof callerFor>;
  let desk: ReturnType<typeof callerFor>;
  let host: ReturnType<typeof callerFor>;
  let employee: ReturnType<typeof callerFor>;

  const walkIn = (name: string, extra: Record<string, string> = {}) =>
    desk.visitors.checkIn({ walkIn: { officeId: madridId, visitorName: name, hostStaffId: hostId, ...extra } });

  beforeAll(async () => {
    server = await createTestServer(target);
    const organization = await setUpOrganization(server, "Grupo Sol", "owner@sol.test");
    organizationId = organization.organizationId;
    madridId = organization.officeId;
    owner = callerFor(server, await signIn(server, "owner@sol.test"));
    milanId = (await owner.offices.create(northOffice)).id;
    await addStaff(server, organizationId, madridId, "recepcion@sol.test", ["receptionist"]);
    hostId = await addStaff(server, organizationId, madridId, "dottoressa@sol.test", ["employee"]);
    // The host reads Italian: the arrival email is in her language.
    await server.db.updateTable("staff").set({ locale: "it" }).where("id", "=", hostId).execute();
    milanHostId = await addStaff(server, organizationId, milanId, "avvocato@milano.test", ["employee"]);
    desk = callerFor(server, await signIn(server, "recepcion@sol.test"));
    host = callerFor(server, await signIn(server, "dottoressa@sol.test"));
    employee = callerFor(server, await signIn(server, "avvocato@milano.test"));
  });
  afterAll(async () => server?.close());

  it("pre-registers a visitor with a badge code for the expected day, and checks them in: the host is notified in the app and by email in her language", async () => {
    const expectedAt = new Date(server.clock.now().getTime() + 3_600_000).toISOString();
    const visit = await desk.visitors.preRegister({ officeId: madridId, visitorName: "Ana Ruiz", company: "Acme", email: "ANA@acme.test", hostStaffId: hostId, expectedAt, purpose: "" });
    expect(visit).toMatchObject({ status: "expected", visitorName: "Ana Ruiz", company: "Acme", email: "ana@acme.test", purpose: null, hostName: "dottoressa", checkedInAt: null });
    expect(visit.badgeCode).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

    const day = await desk.visitors.day({ officeId: madridId, date: visit.badgeDate });
    expect(day.visits.map((item) => item.id)).toContain(visit.id);
    expect(day.waitThresholdMinutes).toBe(15);

    const checkedIn = await desk.visitors.checkIn({ visitId: visit.id });
    expect(checkedIn).toMatchObject({ status: "checked_in", checkedInBy: "staff" });
    expect(await errorCodeOf(desk.visitors.checkIn({ visitId: visit.id }))).toBe("VISIT_NOT_EXPECTED");

    const notifications = await host.notifications.list({ unreadOnly: true });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ kind: "visitor_arrived", payload: { visitId: visit.id, visitorName: "Ana Ruiz", company: "Acme" }, readAt: null });
    // Someone else sees none of it.
    expect(await desk.notifications.list({})).toEqual([]);
    expect(await desk.notifications.markRead({ ids: [notifications[0]!.id] })).toEqual({ updated: 0 });
    expect(await host.notifications.markRead({ ids: [notifications[0]!.id] })).toEqual({ updated: 1 });
    expect(await host.notifications.list({ unreadOnly: true })).toEqual([]);

    const emails = await server.db.selectFrom("outbox_message").select(["recipient", "subject", "locale", "body_text"]).where("dedupe_key", "=", `visitor-arrived:${visit.id}`).execute();
    expect(emails).toEqual([{ recipient: "dottoressa@sol.test", locale: "it", subject: "È arrivato il suo visitatore: Ana Ruiz (Acme)", body_text: expect.stringContaining("la attende alla reception") }]);
  });

  it("checks a walk-in in and out; a second check-out is refused and changes nothing; the on-site list follows", async () => {
    const visit = await walkIn("Luca Verdi");
    expect(visit).toMatchObject({ status: "checked_in", expectedAt: null });
    expect((await desk.visitors.onSite({ officeId: madridId })).visits.map((item) => item.id)).toContain(visit.id);

    const badge = await employee.visitors.badge({ id: visit.id });
    expect(badge).toEqual({ visitorName: "Luca Verdi", company: null, hostName: "dottoressa", officeName: "Clínica Dental Sol", date: visit.badgeDate, code: visit.badgeCode });

    server.clock.advance(60_000);
    const out = await desk.visitors.checkOut({ id: visit.id });
    expect(out.status).toBe("checked_out");
    server.clock.advance(60_000);
    expect(await errorCodeOf(desk.visitors.checkOut({ id: visit.id }))).toBe("VISIT_ALREADY_CHECKED_OUT");
    const again = await desk.visitors.day({ officeId: madridId, date: visit.badgeDate });
    expect(again.visits.find((item) => item.id === visit.id)?.checkedOutAt).toBe(out.checkedOutAt);
    expect((await desk.visitors.onSite({ officeId: madridId })).visits.map((item) => item.id)).not.toContain(visit.id);
  });

  it("two simultaneous check-outs: exactly one succeeds", async () => {
    const visit = await walkIn("Doble Salida");
    const outcomes = await Promise.allSettled([desk.visitors.checkOut({ id: visit.id }), desk.visitors.checkOut({ id: visit.id }), desk.visitors.checkOut({ id: visit.id })]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) if (outcome.status === "rejected") expect(await errorCodeOf(Promise.reject(outcome.reason))).toBe("VISIT_ALREADY_CHECKED_OUT");
    const audits = await server.db.selectFrom("audit_log").select("id").where("entity_id", "=", visit.id).where("action", "=", "update").execute();
    // One check-in, one check-out.
    expect(audits).toHaveLength(2);
  });

  it("cancels only an expected visit; a visit not on site cannot be checked out", async () => {
    const visit = await desk.visitors.preRegister({ officeId: madridId, visitorName: "Sin Venir", hostStaffId: hostId, expectedAt: new Date(server.clock.now().getTime() + DAY_MS).toISOString() });
    expect(await errorCodeOf(desk.visitors.checkOut({ id: visit.id }))).toBe("VISIT_NOT_CHECKED_IN");
    expect((await desk.visitors.cancel({ id: visit.id })).status).toBe("cancelled");
    expect(await errorCodeOf(desk.visitors.cancel({ id: visit.id }))).toBe("VISIT_NOT_EXPECTED");
    expect(await errorCodeOf(desk.visitors.checkIn({ visitId: visit.id }))).toBe("VISIT_NOT_EXPECTED");
  });

  it("refuses bad input with field issues, and unknown hosts", async () => {
    const failure = await failureOf(desk.visitors.checkIn({ walkIn: { officeId: madridId, visitorName: " ", hostStaffId: hostId, email: "nope" } }));
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(await errorCodeOf(desk.visitors.checkIn({ walkIn: { officeId: madridId, visitorName: "X", hostStaffId: crypto.randomUUID() } }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(employee.visitors.checkIn({ walkIn: { officeId: madridId, visitorName: "X", hostStaffId: hostId } }))).toBe("FORBIDDEN");
  });

  it("managers change an office's visitor settings, audited; the desk reads them", async () => {
    expect(await desk.visitors.settings({ officeId: milanId })).toEqual({ retentionDays: 30, waitThresholdMinutes: 15, dayEndsAt: "19:00" });
    expect(await errorCodeOf(desk.visitors.updateSettings({ officeId: milanId, settings: { retentionDays: 7, waitThresholdMinutes: 10, dayEndsAt: "18:30" } }))).toBe("FORBIDDEN");
    const invalid = await failureOf(owner.visitors.updateSettings({ officeId: milanId, settings: { retentionDays: 0, waitThresholdMinutes: 10, dayEndsAt: "25:00" } }));
    expect(invalid.issues.map((issue) => issue.key).sort()).toEqual(["validation.time_invalid", "validation.too_small"]);
    expect(await owner.visitors.updateSettings({ officeId: milanId, settings: { retentionDays: 7, waitThresholdMinutes: 10, dayEndsAt: "18:30" } })).toEqual({ retentionDays: 7, waitThresholdMinutes: 10, dayEndsAt: "18:30" });
    expect((await desk.visitors.day({ officeId: milanId })).waitThresholdMinutes).toBe(10);
    const audit = await server.db.selectFrom("audit_log").select("changes").where("entity_id", "=", milanId).where("entity_type", "=", "office").orderBy("at", "desc").executeTakeFirstOrThrow();
    expect(audit.changes).toMatchObject({ retentionDays: { from: 30, to: 7 }, dayEndsAt: { from: "19:00", to: "18:30" } });
    await owner.visitors.updateSettings({ officeId: milanId, settings: { retentionDays: 30, waitThresholdMinutes: 15, dayEndsAt: "19:00" } });
  });

  describe("kiosk", () => {
    let madridToken: string;
    let milanToken: string;

    beforeAll(async () => {
      madridToken = (await owner.visitors.createKioskToken({ officeId: madridId, label: "Entrada" })).token;
      milanToken = (await owner.visitors.createKioskToken({ officeId: milanId, label: "Ingresso" })).token;
    });

    it("only managers make kiosk tokens, and only hashes are stored", async () => {
      expect(await errorCodeOf(desk.visitors.createKioskToken({ officeId: madridId, label: "X" }))).toBe("FORBIDDEN");
      const stored = await server.db.selectFrom("kiosk_token").select("token_hash").execute();
      expect(stored.map((row) => row.token_hash)).not.toContain(madridToken);
      expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
    });

    it("welcomes with the office's hosts (names only), checks a walk-in in and out by badge code", async () => {
      const kiosk = callerFor(server);
      const welcome = await kiosk.kiosk.welcome({ token: madridToken });
      expect(welcome.officeName).toBe("Clínica Dental Sol");
      expect(welcome.hosts.map((item) => item.name)).toContain("dottoressa");
      expect(welcome.hosts.map((item) => item.id)).not.toContain(milanHostId);
      expect(Object.keys(welcome.hosts[0]!).sort()).toEqual(["id", "name"]);

      const receipt = await kiosk.kiosk.walkIn({ token: madridToken, visitor: { visitorName: "Quiosco Uno", hostStaffId: hostId } });
      expect(receipt).toMatchObject({ visitorName: "Quiosco Uno", hostName: "dottoressa" });
      const onSite = (await desk.visitors.onSite({ officeId: madridId })).visits.find((item) => item.badgeCode === receipt.badgeCode);
      expect(onSite).toMatchObject({ checkedInBy: "kiosk", visitorName: "Quiosco Uno" });
      expect((await host.notifications.list({ unreadOnly: true })).map((item) => item.payload.visitorName)).toContain("Quiosco Uno");

      expect(await kiosk.kiosk.checkOut({ token: madridToken, code: receipt.badgeCode.toLowerCase() })).toEqual({ visitorName: "Quiosco Uno" });
      expect(await errorCodeOf(kiosk.kiosk.checkOut({ token: madridToken, code: receipt.badgeCode }))).toBe("VISIT_ALREADY_CHECKED_OUT");
    });

    it("checks a pre-registered visitor in with their code", async () => {
      const visit = await desk.visitors.preRegister({ officeId: madridId, visitorName: "Con Código", hostStaffId: hostId, expectedAt: server.clock.now().toISOString() });
      const receipt = await callerFor(server).kiosk.checkInWithCode({ token: madridToken, code: visit.badgeCode });
      expect(receipt.badgeCode).toBe(visit.badgeCode);
      expect((await desk.visitors.day({ officeId: madridId, date: visit.badgeDate })).visits.find((item) => item.id === visit.id)?.status).toBe("checked_in");
    });

    it("a wrong or revoked token gets 401; a token of office A cannot act at office B", async () => {
      const kiosk = callerFor(server);
      const unauthorized = async (promise: Promise<unknown>) => {
        const error = await promise.then(() => undefined, (caught: unknown) => caught);
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe("UNAUTHORIZED");
        expect(await errorCodeOf(Promise.reject(error))).toBe("KIOSK_TOKEN_INVALID");
      };
      await unauthorized(kiosk.kiosk.welcome({ token: "A".repeat(43) }));
      await unauthorized(kiosk.kiosk.welcome({ token: "short" }));

      const spare = await owner.visitors.createKioskToken({ officeId: madridId, label: "Tablet 2" });
      await owner.visitors.revokeKioskToken({ id: spare.id });
      const before = await server.db.selectFrom("visit").select("id").execute();
      await unauthorized(kiosk.kiosk.walkIn({ token: spare.token, visitor: { visitorName: "Revocado", hostStaffId: hostId } }));
      expect(await server.db.selectFrom("visit").select("id").execute()).toHaveLength(before.length);

      // Milan's kiosk: a Madrid host, a Madrid code.
      expect(await errorCodeOf(kiosk.kiosk.walkIn({ token: milanToken, visitor: { visitorName: "Desviado", hostStaffId: hostId } }))).toBe("NOT_FOUND");
      const madridVisit = await desk.visitors.preRegister({ officeId: madridId, visitorName: "De Madrid", hostStaffId: hostId, expectedAt: server.clock.now().toISOString() });
      expect(await errorCodeOf(kiosk.kiosk.checkInWithCode({ token: milanToken, code: madridVisit.badgeCode }))).toBe("BADGE_CODE_UNKNOWN");
      const onSiteInMadrid = await walkIn("Dentro");
      expect(await errorCodeOf(kiosk.kiosk.checkOut({ token: milanToken, code: onSiteInMadrid.badgeCode }))).toBe("BADGE_CODE_UNKNOWN");
      expect((await desk.visitors.onSite({ officeId: madridId })).visits.map((item) => item.id)).toContain(onSiteInMadrid.id);
      expect((await desk.visitors.day({ officeId: madridId, date: madridVisit.badgeDate })).visits.find((item) => item.id === madridVisit.id)?.status).toBe("expected");
    });
  });

  it("reminds the host once, after the office's day ends, of a visitor still on site", async () => {
    const visit = await walkIn("Se Queda");
    // Checked in at 10:00 in Madrid (09:00 UTC) on a winter day (a Friday); the day ends at 19:00 (18:00 UTC).
    await server.db.updateTable("visit").set({ checked_in_at: new Date("2026-11-20T09:00:00Z"), on_site_reminded_at: null }).where("id", "=", visit.id).execute();
    await server.db.updateTable("visit").set({ on_site_reminded_at: new Date("2026-11-20T09:00:00Z") }).where("id", "!=", visit.id).where("status", "=", "checked_in").execute();
    expect(await remindVisitorsStillOnSite(server.db, new Date("2026-11-20T17:59:00Z"))).toBe(0);
    expect(await remindVisitorsStillOnSite(server.db, new Date("2026-11-20T18:00:00Z"))).toBe(1);
    expect(await remindVisitorsStillOnSite(server.db, new Date("2026-11-20T18:01:00Z"))).toBe(0);
    const reminders = (await host.notifications.list({})).filter((item) => item.kind === "visitor_still_on_site");
    expect(reminders.map((item) => item.payload.visitId)).toEqual([visit.id]);
    await desk.visitors.checkOut({ id: visit.id });
  });

  it("an expected visit whose day has passed in the office becomes a no-show", async () => {
    const visit = await desk.visitors.preRegister({ officeId: madridId, visitorName: "No Viene", hostStaffId: hostId, expectedAt: "2026-11-20T10:00:00+01:00" });
    expect(visit.badgeDate).toBe("2026-11-20");
    // 23:59 in Madrid on the day: still that day.
    await markNoShows(server.db, new Date("2026-11-20T22:59:00Z"));
    expect((await desk.visitors.day({ officeId: madridId, date: "2026-11-20" })).visits.find((item) => item.id === visit.id)?.status).toBe("expected");
    expect(await markNoShows(server.db, new Date("2026-11-20T23:00:00Z"))).toBeGreaterThanOrEqual(1);
    expect((await desk.visitors.day({ officeId: madridId, date: "2026-11-20" })).visits.find((item) => item.id === visit.id)?.status).toBe("no_show");
    expect(await errorCodeOf(desk.visitors.checkIn({ visitId: visit.id }))).toBe("VISIT_NOT_EXPECTED");
  });

  // Last: it moves the clock a month on, past every session.
  it("purges the personal data of visits past the office's retention, with the test clock", async () => {
    await server.db.updateTable("office").set({ visitor_retention_days: 30 }).where("id", "=", madridId).execute();
    const old = await walkIn("Dato Personal", { email: "dato@personal.test", phone: "+34 600 000 000", company: "Empresa" });
    await desk.visitors.checkOut({ id: old.id });
    const stillHere = await walkIn("Sigue Dentro");

    const purgedAtOf = async (visitId: string) => (await server.db.selectFrom("visit").select("purged_at").where("id", "=", visitId).executeTakeFirstOrThrow()).purged_at;
    await purgeExpiredVisitors(server.db, server.clock.now());
    server.clock.advance(29 * DAY_MS);
    await purgeExpiredVisitors(server.db, server.clock.now());
    expect(await purgedAtOf(old.id)).toBeNull();
    server.clock.advance(2 * DAY_MS);
    const purgedCount = await purgeExpiredVisitors(server.db, server.clock.now());
    expect(purgedCount).toBeGreaterThanOrEqual(1);

    const row = await server.db.selectFrom("visit").selectAll().where("id", "=", old.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ visitor_name: PURGED_NAME, email: null, phone: null, company: null, purpose: null, status: "checked_out" });
    expect(row.purged_at).not.toBeNull();
    const kept = await server.db.selectFrom("visit").select(["visitor_name", "purged_at"]).where("id", "=", stillHere.id).executeTakeFirstOrThrow();
    expect(kept).toEqual({ visitor_name: "Sigue Dentro", purged_at: null });
    const notes = await server.db.selectFrom("staff_notification").select("payload").where(sql<string>`payload->>'visitId'`, "=", old.id).execute();
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.payload).not.toHaveProperty("visitorName");
    expect(await purgeExpiredVisitors(server.db, server.clock.now())).toBe(0);
  });
});
