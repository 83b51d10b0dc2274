import { OFFICE_PRESETS, type OfficeInput } from "@frontoffice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addStaff, callerFor, createTestServer, errorCodeOf, failureOf, madridOffice, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";

const milanOffice: OfficeInput = {
  name: "Studio Legale Rossi",
  kind: "legal",
  locale: "it",
  timeZone: "Europe/Rome",
  currency: "EUR",
  fiscalName: "Studio Legale Rossi S.r.l.",
  taxId: "01114601006",
  address: { line1: "Via Dante 4", city: "Milano", postalCode: "20121", country: "IT" },
  phone: "+390212345678",
  email: "milano@rossi.test",
};

const { kind: _kind, ...madridDetails } = madridOffice;

describe.each(testTargets())("organization and offices settings on %s", (target) => {
  let server: TestServer;
  let organizationId: string;
  let madridId: string;
  let owner: ReturnType<typeof callerFor>;
  let manager: ReturnType<typeof callerFor>;
  let receptionist: ReturnType<typeof callerFor>;
  let receptionistId: string;

  beforeAll(async () => {
    server = await createTestServer(target);
    ({ organizationId, officeId: madridId } = await setUpOrganization(server, "Clínicas Sol", "owner@sol.test"));
    await addStaff(server, organizationId, madridId, "manager@sol.test", ["manager"]);
    receptionistId = await addStaff(server, organizationId, madridId, "recepcion@sol.test", ["receptionist"]);
    owner = callerFor(server, await signIn(server, "owner@sol.test"));
    manager = callerFor(server, await signIn(server, "manager@sol.test"));
    receptionist = callerFor(server, await signIn(server, "recepcion@sol.test"));
  });
  afterAll(async () => server?.close());

  /** What the audit log holds about offices and departments, oldest first. */
  const auditOf = (entityId: string) =>
    server.db
      .selectFrom("audit_log")
      .select(["entity_type", "action", "changes", "actor_staff_id"])
      .where("organization_id", "=", organizationId)
      .where("entity_id", "=", entityId)
      .orderBy("seq")
      .execute();
  const countRows = async (table: "office" | "department" | "audit_log") =>
    Number((await server.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow()).count);
  const madrid = async () => (await owner.offices.list()).find((office) => office.id === madridId)!;

  it("creates an office with the preset departments of its kind, named in its language", async () => {
    const office = await manager.offices.create(milanOffice);
    expect(office).toMatchObject({ organizationId, name: "Studio Legale Rossi", kind: "legal", locale: "it", timeZone: "Europe/Rome", currency: "EUR" });
    expect(office.departments.map(({ name, extension }) => ({ name, extension }))).toEqual(OFFICE_PRESETS.legal.departments.it);
    expect(office.departments.every((department) => department.officeId === office.id)).toBe(true);

    // Everyone in the organization sees it, with its departments.
    const listed = (await receptionist.offices.list()).find((candidate) => candidate.id === office.id);
    expect(listed).toEqual(office);
    expect((await receptionist.session.me()).offices.map((candidate) => candidate.id)).toContain(office.id);

    const audit = await auditOf(office.id);
    expect(audit).toEqual([expect.objectContaining({ entity_type: "office", action: "create" })]);
    expect(audit[0]?.changes).toMatchObject({ kind: { from: null, to: "legal" }, taxId: { from: null, to: "01114601006" } });
    for (const department of office.departments) {
      expect(await auditOf(department.id)).toEqual([expect.objectContaining({ entity_type: "department", action: "create" })]);
    }
  });

  it("creates an English school with its departments in English", async () => {
    const office = await owner.offices.create({
      ...milanOffice,
      name: "Northside School",
      kind: "education",
      locale: "en",
      timeZone: "Europe/Dublin",
      taxId: "IE1234567W",
      address: { line1: "Griffith Avenue", city: "Dublin", country: "IE" },
    });
    expect(office.departments.map((department) => department.name)).toEqual(OFFICE_PRESETS.education.departments.en.map((department) => department.name));
  });

  it("updates an office's details, keeps its kind and records what changed", async () => {
    const before = await madrid();
    const updated = await manager.offices.update({
      id: madridId,
      office: { ...madridDetails, name: "Clínica Dental Sol Retiro", phone: "+34914000000", address: { ...madridOffice.address, line1: "Calle de Alcalá 180" } },
    });
    expect(updated).toMatchObject({ id: madridId, kind: "medical", name: "Clínica Dental Sol Retiro", phone: "+34914000000", address: { line1: "Calle de Alcalá 180" } });
    expect(updated.departments).toEqual(before.departments);

    const audit = await auditOf(madridId);
    const last = audit.at(-1);
    expect(last?.action).toBe("update");
    expect(Object.keys(last?.changes ?? {}).sort()).toEqual(["address", "name", "phone"]);
    expect(last?.changes.name).toEqual({ from: "Clínica Dental Sol", to: "Clínica Dental Sol Retiro" });

    // Saving the same details again changes nothing and records nothing.
    await manager.offices.update({ id: madridId, office: { ...madridDetails, name: "Clínica Dental Sol Retiro", phone: "+34914000000", address: { ...madridOffice.address, line1: "Calle de Alcalá 180" } } });
    expect(await auditOf(madridId)).toHaveLength(audit.length);
  });

  it("refuses to change an office's kind", async () => {
    const failure = await failureOf(owner.offices.update({ id: madridId, office: { ...madridDetails, kind: "legal" } as never }));
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.issues).toContainEqual({ path: ["office"], key: "validation.unknown_field", params: { fields: "kind" } });
    expect((await madrid()).kind).toBe("medical");
  });

  it("refuses a bad time zone, currency and tax id, naming each field, and stores nothing", async () => {
    const offices = await countRows("office");
    const audits = await countRows("audit_log");
    const bad = { timeZone: "Europe/Atlantis", currency: "EURO", taxId: "B12345675" };

    const created = await failureOf(owner.offices.create({ ...milanOffice, ...bad, address: madridOffice.address }));
    expect(created.code).toBe("VALIDATION_FAILED");
    expect(created.issues).toEqual(
      expect.arrayContaining([
        { path: ["timeZone"], key: "validation.time_zone_invalid" },
        { path: ["currency"], key: "validation.currency_invalid" },
        { path: ["taxId"], key: "validation.tax_id_invalid" },
      ]),
    );

    const before = await madrid();
    const updated = await failureOf(owner.offices.update({ id: madridId, office: { ...madridDetails, ...bad } }));
    expect(updated.code).toBe("VALIDATION_FAILED");
    expect(updated.issues).toEqual(
      expect.arrayContaining([
        { path: ["office", "timeZone"], key: "validation.time_zone_invalid" },
        { path: ["office", "currency"], key: "validation.currency_invalid" },
        { path: ["office", "taxId"], key: "validation.tax_id_invalid" },
      ]),
    );

    // A Spanish CIF is no Italian tax id: the country of the address decides.
    const italian = await failureOf(owner.offices.update({ id: madridId, office: { ...madridDetails, address: milanOffice.address } }));
    expect(italian.issues).toEqual([{ path: ["office", "taxId"], key: "validation.tax_id_invalid" }]);

    expect(await madrid()).toEqual(before);
    expect(await countRows("office")).toBe(offices);
    expect(await countRows("audit_log")).toBe(audits);
  });

  it("adds a department, and refuses a duplicate name or extension in the same office with its own code", async () => {
    const department = await owner.offices.createDepartment({ officeId: madridId, name: "Ortodoncia", extension: "110" });
    expect(department).toMatchObject({ officeId: madridId, name: "Ortodoncia", extension: "110" });
    expect(await auditOf(department.id)).toEqual([expect.objectContaining({ entity_type: "department", action: "create" })]);

    const departments = await countRows("department");
    const audits = await countRows("audit_log");
    expect(await errorCodeOf(owner.offices.createDepartment({ officeId: madridId, name: "Ortodoncia", extension: "111" }))).toBe("DEPARTMENT_NAME_TAKEN");
    expect(await errorCodeOf(owner.offices.createDepartment({ officeId: madridId, name: "Implantes", extension: "110" }))).toBe("EXTENSION_TAKEN");
    expect(await errorCodeOf(owner.offices.createDepartment({ officeId: madridId, name: "Recepción", extension: "100" }))).toMatch(/^(DEPARTMENT_NAME_TAKEN|EXTENSION_TAKEN)$/);
    expect(await countRows("department")).toBe(departments);
    expect(await countRows("audit_log")).toBe(audits);

    // Another office may use the same name and extension.
    const milan = (await owner.offices.list()).find((office) => office.kind === "legal")!;
    await expect(owner.offices.createDepartment({ officeId: milan.id, name: "Ortodoncia", extension: "110" })).resolves.toMatchObject({ officeId: milan.id });
  });

  it("renames a department and changes or removes its extension, refusing duplicates", async () => {
    const ortodoncia = (await madrid()).departments.find((department) => department.name === "Ortodoncia")!;
    const reception = (await madrid()).departments.find((department) => department.extension === "100")!;

    expect(await errorCodeOf(owner.offices.updateDepartment({ id: ortodoncia.id, name: reception.name, extension: "110" }))).toBe("DEPARTMENT_NAME_TAKEN");
    expect(await errorCodeOf(owner.offices.updateDepartment({ id: ortodoncia.id, name: "Ortodoncia", extension: "100" }))).toBe("EXTENSION_TAKEN");
    expect((await madrid()).departments).toContainEqual(ortodoncia);

    const renamed = await manager.offices.updateDepartment({ id: ortodoncia.id, name: "Ortodoncia infantil", extension: "112" });
    expect(renamed).toEqual({ ...ortodoncia, name: "Ortodoncia infantil", extension: "112" });
    const withoutExtension = await manager.offices.updateDepartment({ id: ortodoncia.id, name: "Ortodoncia infantil" });
    expect(withoutExtension.extension).toBeNull();

    const audit = await auditOf(ortodoncia.id);
    expect(audit.map((entry) => entry.action)).toEqual(["create", "update", "update"]);
    expect(audit[1]?.changes).toEqual({ name: { from: "Ortodoncia", to: "Ortodoncia infantil" }, extension: { from: "110", to: "112" } });
  });

  it("refuses bad department input with field issues", async () => {
    const failure = await failureOf(owner.offices.createDepartment({ officeId: madridId, name: " ", extension: "1" }));
    expect(failure.code).toBe("VALIDATION_FAILED");
    expect(failure.issues.map((issue) => `${issue.path.join(".")}:${issue.key}`)).toEqual(["name:validation.required", "extension:validation.extension_invalid"]);
  });

  it("deletes a department; the staff assigned to it keep working in its office", async () => {
    const milan = (await owner.offices.list()).find((office) => office.kind === "legal")!;
    const archive = milan.departments.find((department) => department.extension === "203")!;
    await server.db
      .insertInto("staff_assignment")
      .values({ organization_id: organizationId, staff_id: receptionistId, office_id: milan.id, department_id: archive.id })
      .execute();

    expect(await owner.offices.deleteDepartment({ id: archive.id })).toEqual({ id: archive.id });
    expect((await owner.offices.list()).find((office) => office.id === milan.id)?.departments.map((department) => department.id)).not.toContain(archive.id);
    const assignments = await server.db.selectFrom("staff_assignment").select(["office_id", "department_id"]).where("staff_id", "=", receptionistId).execute();
    expect(assignments).toContainEqual({ office_id: milan.id, department_id: null });

    const audit = await auditOf(archive.id);
    expect(audit.at(-1)).toMatchObject({ action: "delete", changes: { name: { from: "Archivio", to: null }, staffIds: { from: [receptionistId], to: null } } });
    expect(await errorCodeOf(owner.offices.deleteDepartment({ id: archive.id }))).toBe("NOT_FOUND");
  });

  it("lets two people adding the same department at once end with one of it", async () => {
    const attempts = await Promise.allSettled([
      owner.offices.createDepartment({ officeId: madridId, name: "Periodoncia", extension: "120" }),
      manager.offices.createDepartment({ officeId: madridId, name: "Periodoncia", extension: "121" }),
    ]);
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.find((attempt) => attempt.status === "rejected");
    expect(await errorCodeOf(Promise.reject((refused as PromiseRejectedResult).reason))).toBe("DEPARTMENT_NAME_TAKEN");
    expect((await madrid()).departments.filter((department) => department.name === "Periodoncia")).toHaveLength(1);
  });

  it("renames the organization (owners only) and records it", async () => {
    expect(await owner.organization.update({ name: "  Grupo Clínicas Sol " })).toEqual({ id: organizationId, name: "Grupo Clínicas Sol" });
    expect((await receptionist.session.me()).organization.name).toBe("Grupo Clínicas Sol");
    const audit = await auditOf(organizationId);
    expect(audit.at(-1)).toMatchObject({ entity_type: "organization", action: "update", changes: { name: { from: "Clínicas Sol", to: "Grupo Clínicas Sol" } } });

    const failure = await failureOf(owner.organization.update({ name: "" }));
    expect(failure).toEqual({ code: "VALIDATION_FAILED", issues: [{ path: ["name"], key: "validation.required", params: { min: 1 } }] });
    expect(await errorCodeOf(manager.organization.update({ name: "Manager's Clinics" }))).toBe("FORBIDDEN");
    expect((await owner.session.me()).organization.name).toBe("Grupo Clínicas Sol");
  });

  it("does not let a receptionist manage offices, departments or the organization", async () => {
    const before = await owner.offices.list();
    const department = before[0]!.departments[0]!;
    const attempts = [
      () => receptionist.offices.create({ ...milanOffice, name: "Rogue office" }),
      () => receptionist.offices.update({ id: madridId, office: { ...madridDetails, name: "Rogue" } }),
      () => receptionist.offices.createDepartment({ officeId: madridId, name: "Rogue", extension: "999" }),
      () => receptionist.offices.updateDepartment({ id: department.id, name: "Rogue" }),
      () => receptionist.offices.deleteDepartment({ id: department.id }),
      () => receptionist.organization.update({ name: "Rogue" }),
    ];
    for (const attempt of attempts) expect(await errorCodeOf(attempt())).toBe("FORBIDDEN");
    expect(await owner.offices.list()).toEqual(before);
    expect((await owner.session.me()).organization.name).toBe("Grupo Clínicas Sol");
  });
});
