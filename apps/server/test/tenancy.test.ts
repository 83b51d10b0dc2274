import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/trpc/app-router.js";
import { callerFor, createTestServer, errorCodeOf, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";

/**
 * One organization can never read or change another's rows, through any procedure. Every
 * procedure of the router must have a case here: a new one without a case fails the test.
 */
describe.each(testTargets())("tenancy on %s", (target) => {
  let server: TestServer;
  let ours: ReturnType<typeof callerFor>;
  let theirs: ReturnType<typeof callerFor>;
  let their: { organizationId: string; officeId: string; clientId: string };

  beforeAll(async () => {
    server = await createTestServer(target);
    await setUpOrganization(server, "Ours", "owner@ours.test");
    const other = await setUpOrganization(server, "Theirs", "owner@theirs.test");
    ours = callerFor(server, await signIn(server, "owner@ours.test"));
    theirs = callerFor(server, await signIn(server, "owner@theirs.test"));
    const client = await theirs.clients.create({ officeId: other.officeId, givenName: "Secreta", familyName: "Ajena" });
    their = { ...other, clientId: client.id };
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
  };

  it("has a case for every procedure", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, attempt] of Object.entries(cases)) {
    it(`${path} stays inside the caller's organization`, attempt);
  }
});
