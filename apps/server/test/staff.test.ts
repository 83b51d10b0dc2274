import { permissionsFor } from "@frontoffice/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertDepartments, insertOffice } from "../src/modules/setup/queries.js";
import { callerFor, createTestServer, errorCodeOf, failureOf, madridOffice, setUpOrganization, signIn, testTargets, type TestServer } from "./harness.js";

const TEMPORARY = "bienvenida-2026";

describe.each(testTargets())("staff management on %s", (target) => {
  let server: TestServer;
  let organizationId: string;
  let officeId: string;
  let northId: string;
  let departments: { id: string; office_id: string; name: string }[];
  let owner: ReturnType<typeof callerFor>;
  let ownerStaffId: string;
  let counter = 0;

  /** A new staff member created through the API, with a unique email. */
  const newMember = (overrides: Record<string, unknown> = {}) => {
    counter += 1;
    return {
      displayName: `Persona ${counter}`,
      email: `persona${counter}@sol.test`,
      roles: ["receptionist" as const],
      locale: "es" as const,
      timeZone: "Europe/Madrid",
      officeIds: [officeId],
      temporaryPassword: TEMPORARY,
      ...overrides,
    };
  };

  const auditOf = (staffId: string) =>
    server.db
      .selectFrom("audit_log")
      .select(["action", "changes", "actor_staff_id"])
      .where("entity_type", "=", "staff")
      .where("entity_id", "=", staffId)
      .orderBy("seq")
      .execute();

  beforeAll(async () => {
    server = await createTestServer(target);
    ({ organizationId, officeId } = await setUpOrganization(server, "Clínica Sol", "owner@sol.test"));
    northId = await insertOffice(server.db, organizationId, { ...madridOffice, name: "Sede Norte" }, server.clock.now());
    await insertDepartments(server.db, organizationId, northId, [{ name: "Recepción Norte", extension: "500" }], server.clock.now());
    departments = await server.db.selectFrom("department").select(["id", "office_id", "name"]).where("organization_id", "=", organizationId).execute();
    owner = callerFor(server, await signIn(server, "owner@sol.test"));
    ownerStaffId = (await owner.session.me()).staff.id;
  });
  afterAll(async () => server?.close());

  it("adds a receptionist who signs in with the temporary password and gets exactly a receptionist's permissions", async () => {
    const reception = departments.find((department) => department.office_id === officeId)!;
    const created = await owner.staff.create({
      displayName: " Lucía Romero ",
      email: "Lucia.Romero@Sol.test",
      roles: ["receptionist"],
      locale: "es",
      timeZone: "Europe/Madrid",
      officeIds: [officeId, northId],
      departmentIds: [reception.id],
      temporaryPassword: TEMPORARY,
    });
    expect(created).toMatchObject({
      displayName: "Lucía Romero",
      email: "lucia.romero@sol.test",
      roles: ["receptionist"],
      active: true,
      departmentIds: [reception.id],
    });
    expect(new Set(created.officeIds)).toEqual(new Set([officeId, northId]));

    const lucia = callerFor(server, await signIn(server, "lucia.romero@sol.test", TEMPORARY));
    const me = await lucia.session.me();
    expect(me.staff.id).toBe(created.id);
    expect(me.organization.id).toBe(organizationId);
    expect(me.permissions).toEqual(permissionsFor(["receptionist"]));
    expect(me.permissions).not.toContain("staff.manage");
    expect(await errorCodeOf(lucia.staff.create(newMember()))).toBe("FORBIDDEN");
    await expect(lucia.staff.get({ id: created.id })).resolves.toMatchObject({ email: "lucia.romero@sol.test" });

    const audit = await auditOf(created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", actor_staff_id: ownerStaffId });
    expect(Object.keys(audit[0]!.changes)).toEqual(expect.arrayContaining(["displayName", "email", "roles", "officeIds", "departmentIds"]));
    expect(JSON.stringify(audit)).not.toContain(TEMPORARY);
  });

  it("refuses an email already in use, in any case and in any organization, and writes nothing", async () => {
    const before = await owner.staff.list({ includeInactive: true });
    expect(await errorCodeOf(owner.staff.create(newMember({ email: "LUCIA.ROMERO@sol.test" })))).toBe("EMAIL_TAKEN");
    expect(await errorCodeOf(owner.staff.create(newMember({ email: "owner@sol.test" })))).toBe("EMAIL_TAKEN");
    expect(await owner.staff.list({ includeInactive: true })).toHaveLength(before.length);
  });

  it("adds the same person once when two managers submit at the same moment", async () => {
    const twice = newMember();
    const outcomes = await Promise.allSettled([owner.staff.create(twice), owner.staff.create(twice)]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(await errorCodeOf(Promise.reject((refused as PromiseRejectedResult).reason))).toBe("EMAIL_TAKEN");
  });

  it("checks offices and departments, and names the field", async () => {
    const other = departments.find((department) => department.office_id === officeId)!;
    const outside = await failureOf(owner.staff.create(newMember({ officeIds: [northId], departmentIds: [other.id] })));
    expect(outside.code).toBe("VALIDATION_FAILED");
    expect(outside.issues).toEqual([{ path: ["departmentIds", 0], key: "validation.department_outside_offices" }]);

    const missing = await failureOf(owner.staff.create(newMember({ officeIds: [], displayName: "", temporaryPassword: "short" })));
    expect(missing.code).toBe("VALIDATION_FAILED");
    expect(missing.issues.map((issue) => `${issue.path.join(".")}:${issue.key}`)).toEqual([
      "displayName:validation.required",
      "officeIds:validation.offices_empty",
      "temporaryPassword:validation.password_too_short",
    ]);
    expect(await errorCodeOf(owner.staff.create(newMember({ officeIds: [crypto.randomUUID()] })))).toBe("NOT_FOUND");
  });

  it("changes roles, offices and language, and records what changed", async () => {
    const member = await owner.staff.create(newMember());
    const north = departments.find((department) => department.office_id === northId)!;
    const updated = await owner.staff.update({ id: member.id, roles: ["file_clerk", "receptionist"], officeIds: [northId], locale: "it", displayName: "Marta Gil" });
    expect(updated).toMatchObject({ roles: ["receptionist", "file_clerk"], officeIds: [northId], departmentIds: [], locale: "it", displayName: "Marta Gil" });
    const user = await server.db.selectFrom("auth_user").innerJoin("staff", "staff.user_id", "auth_user.id").select("auth_user.name").where("staff.id", "=", member.id).executeTakeFirstOrThrow();
    expect(user.name).toBe("Marta Gil");
    // Departments of offices no longer listed go with them.
    expect((await owner.staff.update({ id: member.id, departmentIds: [north.id] })).departmentIds).toEqual([north.id]);
    expect((await owner.staff.update({ id: member.id, officeIds: [officeId] })).departmentIds).toEqual([]);
    const audit = await auditOf(member.id);
    expect(audit.map((entry) => entry.action)).toEqual(["create", "update", "update", "update"]);
    expect(audit[1]!.changes).toMatchObject({ roles: { from: ["receptionist"], to: ["receptionist", "file_clerk"] }, locale: { from: "es", to: "it" } });
    // Nothing to change, nothing recorded.
    await owner.staff.update({ id: member.id, locale: "it" });
    expect(await auditOf(member.id)).toHaveLength(audit.length);
  });

  it("lists staff by name without accents, hiding inactive ones unless asked", async () => {
    const member = await owner.staff.create(newMember({ displayName: "Íñigo Núñez" }));
    expect((await owner.staff.list({ query: "inigo nunez" })).map((staff) => staff.id)).toEqual([member.id]);
    expect((await owner.staff.list({ query: member.email.toUpperCase() })).map((staff) => staff.id)).toEqual([member.id]);
    await owner.staff.update({ id: member.id, active: false });
    expect(await owner.staff.list({ query: "inigo" })).toEqual([]);
    expect((await owner.staff.list({ query: "inigo", includeInactive: true }))[0]).toMatchObject({ id: member.id, active: false });
  });

  it("refuses a deactivated member's existing session, and lets them back in when reactivated", async () => {
    const member = await owner.staff.create(newMember());
    const session = callerFor(server, await signIn(server, member.email, TEMPORARY));
    await expect(session.clients.search({ query: "" })).resolves.toBeDefined();

    const deactivated = await owner.staff.update({ id: member.id, active: false });
    expect(deactivated.active).toBe(false);
    expect(await errorCodeOf(session.clients.search({ query: "" }))).toBe("UNAUTHENTICATED");
    const sessions = await server.db.selectFrom("auth_session").innerJoin("staff", "staff.user_id", "auth_session.user_id").select("auth_session.id").where("staff.id", "=", member.id).execute();
    expect(sessions).toEqual([]);
    // The password still works, but the account does nothing.
    const again = callerFor(server, await signIn(server, member.email, TEMPORARY));
    expect(await errorCodeOf(again.session.me())).toBe("FORBIDDEN");
    expect((await auditOf(member.id)).at(-1)).toMatchObject({ action: "deactivate", changes: { active: { from: true, to: false } } });

    await owner.staff.update({ id: member.id, active: true });
    await expect(again.session.me()).resolves.toMatchObject({ staff: { id: member.id } });
    expect((await auditOf(member.id)).at(-1)?.action).toBe("reactivate");
  });

  it("resets a password: the old one stops working and every session ends", async () => {
    const member = await owner.staff.create(newMember());
    const session = callerFor(server, await signIn(server, member.email, TEMPORARY));
    await expect(session.session.me()).resolves.toBeDefined();

    expect(await owner.staff.resetPassword({ id: member.id, temporaryPassword: "otra-clave-2026" })).toEqual({ sessionsEnded: 1 });
    expect(await errorCodeOf(session.session.me())).toBe("UNAUTHENTICATED");
    await expect(signIn(server, member.email, TEMPORARY)).rejects.toThrow(/sign-in failed/);
    const renewed = callerFor(server, await signIn(server, member.email, "otra-clave-2026"));
    await expect(renewed.session.me()).resolves.toMatchObject({ staff: { id: member.id } });
    const audit = await auditOf(member.id);
    expect(audit.at(-1)).toMatchObject({ action: "password_reset", changes: {} });
    expect(JSON.stringify(audit)).not.toContain("otra-clave");
    expect(await errorCodeOf(owner.staff.resetPassword({ id: crypto.randomUUID(), temporaryPassword: "otra-clave-2026" }))).toBe("NOT_FOUND");
  });

  describe("the owner role", () => {
    let manager: ReturnType<typeof callerFor>;
    let managerId: string;

    beforeAll(async () => {
      const created = await owner.staff.create(newMember({ roles: ["manager"], email: "gerente@sol.test" }));
      managerId = created.id;
      manager = callerFor(server, await signIn(server, "gerente@sol.test", TEMPORARY));
    });

    it("a manager adds and changes staff, but cannot grant the owner role", async () => {
      const added = await manager.staff.create(newMember());
      expect(await errorCodeOf(manager.staff.create(newMember({ roles: ["owner"] })))).toBe("OWNER_ROLE_RESERVED");
      expect(await errorCodeOf(manager.staff.update({ id: added.id, roles: ["receptionist", "owner"] }))).toBe("OWNER_ROLE_RESERVED");
      expect(await errorCodeOf(manager.staff.update({ id: managerId, roles: ["manager", "owner"] }))).toBe("OWNER_ROLE_RESERVED");
      await expect(manager.staff.update({ id: added.id, roles: ["file_clerk"] })).resolves.toMatchObject({ roles: ["file_clerk"] });
      expect((await owner.staff.get({ id: managerId })).roles).toEqual(["manager"]);
    });

    it("a manager cannot deactivate, demote or reset the password of an owner", async () => {
      expect(await errorCodeOf(manager.staff.update({ id: ownerStaffId, active: false }))).toBe("OWNER_ROLE_RESERVED");
      expect(await errorCodeOf(manager.staff.update({ id: ownerStaffId, roles: ["manager"] }))).toBe("OWNER_ROLE_RESERVED");
      expect(await errorCodeOf(manager.staff.resetPassword({ id: ownerStaffId, temporaryPassword: "taken-over-2026" }))).toBe("OWNER_ROLE_RESERVED");
      await expect(owner.session.me()).resolves.toMatchObject({ staff: { id: ownerStaffId, active: true, roles: ["owner"] } });
    });

    it("the last active owner cannot deactivate or demote themselves", async () => {
      expect(await errorCodeOf(owner.staff.update({ id: ownerStaffId, active: false }))).toBe("LAST_OWNER");
      expect(await errorCodeOf(owner.staff.update({ id: ownerStaffId, roles: ["manager"] }))).toBe("LAST_OWNER");
      // Adding a second role is fine.
      await expect(owner.staff.update({ id: ownerStaffId, roles: ["owner", "receptionist"] })).resolves.toMatchObject({ roles: ["owner", "receptionist"] });
      await owner.staff.update({ id: ownerStaffId, roles: ["owner"] });
    });

    it("an owner hands over to another owner, who then cannot step down alone", async () => {
      const second = await owner.staff.create(newMember({ roles: ["owner"], email: "socia@sol.test" }));
      const partner = callerFor(server, await signIn(server, "socia@sol.test", TEMPORARY));
      expect((await partner.session.me()).permissions).toEqual(permissionsFor(["owner"]));
      await expect(owner.staff.update({ id: ownerStaffId, roles: ["manager"] })).resolves.toMatchObject({ roles: ["manager"] });
      expect(await errorCodeOf(partner.staff.update({ id: second.id, active: false }))).toBe("LAST_OWNER");
      // The former owner, now a manager, cannot take the role back.
      expect(await errorCodeOf(owner.staff.update({ id: ownerStaffId, roles: ["owner"] }))).toBe("OWNER_ROLE_RESERVED");
      await partner.staff.update({ id: ownerStaffId, roles: ["owner"] });
    });

    it("two owners demoting each other at the same moment leave one owner", async () => {
      const a = await owner.staff.create(newMember({ roles: ["owner"] }));
      const b = await owner.staff.create(newMember({ roles: ["owner"] }));
      const asA = callerFor(server, await signIn(server, a.email, TEMPORARY));
      const asB = callerFor(server, await signIn(server, b.email, TEMPORARY));
      // Leave a and b as the only active owners.
      const others = (await owner.staff.list({})).filter((staff) => staff.roles.includes("owner") && ![a.id, b.id].includes(staff.id));
      for (const other of others) await asA.staff.update({ id: other.id, roles: ["manager"] });

      const outcomes = await Promise.allSettled([asA.staff.update({ id: b.id, active: false }), asB.staff.update({ id: a.id, active: false })]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
      // The loser either saw the other owner gone, or had been deactivated first: its session
      // gone (UNAUTHENTICATED) or, if the session was read just before, no longer active staff
      // (FORBIDDEN).
      expect(["LAST_OWNER", "UNAUTHENTICATED", "FORBIDDEN"]).toContain(await errorCodeOf(Promise.reject(refused.reason)));
      const owners = await server.db
        .selectFrom("staff")
        .select("id")
        .where("organization_id", "=", organizationId)
        .where("active", "=", true)
        .where((eb) => eb(eb.val("owner"), "=", eb.fn.any("roles")))
        .execute();
      expect(owners).toHaveLength(1);
    });
  });
});
