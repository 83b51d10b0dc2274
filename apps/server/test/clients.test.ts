import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStaff, callerFor, failureOf, setUpOrganization, signIn, testTargets, createTestServer, type TestServer } from "./harness.js";

describe.each(testTargets())("clients on %s", (target) => {
  let server: TestServer;
  let officeId: string;
  let receptionist: ReturnType<typeof callerFor>;

  beforeAll(async () => {
    server = await createTestServer(target);
    const organization = await setUpOrganization(server, "Clínica Sol", "owner@sol.test");
    officeId = organization.officeId;
    await addStaff(server, organization.organizationId, officeId, "recepcion@sol.test", ["receptionist"]);
    receptionist = callerFor(server, await signIn(server, "recepcion@sol.test"));
  });
  afterAll(async () => server?.close());

  it("creates a client, normalizing the phone to E.164 and the DNI to upper case", async () => {
    const client = await receptionist.clients.create({
      officeId,
      givenName: "José",
      familyName: "Núñez García",
      phones: [{ label: "mobile", number: "612 34 56 78" }],
      emails: [{ label: "home", address: "Jose.Nunez@Example.ES" }],
      nationalId: { type: "es_dni", value: "12345678-z" },
      preferredLocale: "es",
      details: { medical: { dateOfBirth: "1980-02-29", insurance: { provider: "Sanitas", policyNumber: "P-1" } } },
    });
    expect(client.displayName).toBe("José Núñez García");
    expect(client.phones).toEqual([{ label: "mobile", number: "+34612345678" }]);
    expect(client.emails[0]?.address).toBe("jose.nunez@example.es");
    expect(client.nationalId).toEqual({ type: "es_dni", value: "12345678Z" });
    expect(client.version).toBe(1);
  });

  it("finds clients by name without accents, by part of the phone, by email and by id", async () => {
    for (const query of ["jose nunez", "NUÑEZ", "345 678", "+34612", "jose.nunez@", "12345678z", "garcia"]) {
      const { items } = await receptionist.clients.search({ query });
      expect(items.map((item) => item.displayName), `query ${query}`).toContain("José Núñez García");
    }
    const { items } = await receptionist.clients.search({ query: "nobody-like-this" });
    expect(items).toEqual([]);
  });

  it("forgives a misspelt name", async () => {
    const { items } = await receptionist.clients.search({ query: "Nunes Garcia" });
    expect(items[0]?.displayName).toBe("José Núñez García");
  });

  it("refuses bad input with the field and a translatable key, and stores nothing", async () => {
    const before = await receptionist.clients.search({ query: "" });
    const cases = [
      { input: { officeId, familyName: "Pérez", phones: [{ number: "12" }] }, path: "phones.0.number", key: "validation.phone_invalid" },
      { input: { officeId, familyName: "Pérez", nationalId: { type: "es_dni" as const, value: "12345678A" } }, path: "nationalId.value", key: "validation.national_id_invalid" },
      { input: { officeId, familyName: "Pérez", notes: "x".repeat(5001) }, path: "notes", key: "validation.too_long" },
      { input: { officeId, familyName: "Pérez", shoeSize: 44 }, path: "", key: "validation.unknown_field" },
      { input: { officeId, kind: "person" as const }, path: "familyName", key: "validation.person_name_required" },
      { input: { officeId, familyName: "Pérez", emails: [{ address: "not-an-email" }] }, path: "emails.0.address", key: "validation.email_invalid" },
    ];
    for (const { input, path, key } of cases) {
      const failure = await failureOf(receptionist.clients.create(input as never));
      expect(failure.code, JSON.stringify(input).slice(0, 80)).toBe("VALIDATION_FAILED");
      expect(failure.issues.map((issue) => `${issue.path.join(".")}:${issue.key}`)).toContain(`${path}:${key}`);
    }
    const after = await receptionist.clients.search({ query: "" });
    expect(after.items.length).toBe(before.items.length);
  });

  it("updates with optimistic versions and records who changed what", async () => {
    const created = await receptionist.clients.create({ officeId, givenName: "Lucía", familyName: "Ortega", phones: [{ number: "+34 699 111 222" }] });
    const updated = await receptionist.clients.update({
      id: created.id,
      version: 1,
      client: { officeId, givenName: "Lucía", familyName: "Ortega Ruiz", phones: [{ number: "+34 699 111 222" }] },
    });
    expect(updated.version).toBe(2);
    expect(updated.displayName).toBe("Lucía Ortega Ruiz");

    const stale = await failureOf(
      receptionist.clients.update({ id: created.id, version: 1, client: { officeId, familyName: "Overwritten" } }),
    );
    expect(stale.code).toBe("CLIENT_VERSION_CONFLICT");
    expect((await receptionist.clients.get({ id: created.id })).familyName).toBe("Ortega Ruiz");

    const owner = callerFor(server, await signIn(server, "owner@sol.test"));
    const history = await owner.clients.history({ id: created.id });
    expect(history.map((entry) => entry.action)).toEqual(["update", "create"]);
    expect(history[0]?.changes).toEqual({ familyName: { from: "Ortega", to: "Ortega Ruiz" } });
    expect(history[0]?.actor?.displayName).toBe("recepcion");
  });

  it("archives and restores; archived clients leave everyday search and refuse edits", async () => {
    const owner = callerFor(server, await signIn(server, "owner@sol.test"));
    const client = await owner.clients.create({ officeId, companyName: "Talleres Ebro S.A.", kind: "company" });
    await owner.clients.archive({ id: client.id });
    expect((await owner.clients.search({ query: "talleres" })).items).toEqual([]);
    expect((await owner.clients.search({ query: "talleres", status: "archived" })).items.map((item) => item.id)).toEqual([client.id]);
    expect((await failureOf(owner.clients.update({ id: client.id, version: 2, client: { kind: "company", companyName: "X" } }))).code).toBe("CLIENT_ARCHIVED");
    const restored = await owner.clients.restore({ id: client.id });
    expect(restored.archivedAt).toBeNull();
    expect((await owner.clients.history({ id: client.id })).map((entry) => entry.action)).toEqual(["restore", "archive", "create"]);
  });

  it("pages through results with a cursor", async () => {
    for (let index = 0; index < 5; index++) {
      await receptionist.clients.create({ officeId, givenName: `Paginado${index}`, familyName: "Prueba" });
    }
    const first = await receptionist.clients.search({ query: "prueba", limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await receptionist.clients.search({ query: "prueba", limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = new Set([...first.items, ...second.items].map((item) => item.id));
    expect(ids.size).toBe(5);
  });
});
