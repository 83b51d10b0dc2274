import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, can, permissionsFor, roleSchema, rolesSchema, type Role } from "./roles.js";

describe("permission matrix", () => {
  it("lets the owner do everything", () => {
    for (const permission of PERMISSIONS) expect(can(["owner"], permission)).toBe(true);
    expect(permissionsFor(["owner"])).toEqual([...PERMISSIONS]);
  });

  it("keeps organization settings from managers", () => {
    expect(can(["manager"], "organization.manage")).toBe(false);
    expect(can(["manager"], "staff.manage")).toBe(true);
    expect(can(["manager"], "clients.archive")).toBe(true);
  });

  it("lets receptionists enter clients but not archive them", () => {
    expect(can(["receptionist"], "clients.write")).toBe(true);
    expect(can(["receptionist"], "clients.archive")).toBe(false);
    expect(can(["receptionist"], "audit.read")).toBe(false);
  });

  it("lets employees read clients but not change them", () => {
    expect(can(["employee"], "clients.read")).toBe(true);
    expect(can(["employee"], "clients.write")).toBe(false);
    expect(can(["employee"], "staff.manage")).toBe(false);
  });

  it("lets file clerks archive clients and read the audit log", () => {
    expect(can(["file_clerk"], "clients.archive")).toBe(true);
    expect(can(["file_clerk"], "audit.read")).toBe(true);
    expect(can(["file_clerk"], "staff.manage")).toBe(false);
  });

  it("lets receptionists take payments and ask for refunds, managers approve them and keep the catalog, file clerks read", () => {
    expect(can(["receptionist"], "payments.take")).toBe(true);
    expect(can(["receptionist"], "payments.refund")).toBe(true);
    expect(can(["receptionist"], "payments.approve")).toBe(false);
    expect(can(["receptionist"], "products.manage")).toBe(false);
    expect(can(["manager"], "payments.approve")).toBe(true);
    expect(can(["manager"], "products.manage")).toBe(true);
    expect(can(["file_clerk"], "payments.read")).toBe(true);
    expect(can(["file_clerk"], "payments.take")).toBe(false);
    expect(can(["employee"], "payments.read")).toBe(false);
  });

  it("denies everything to no role", () => {
    for (const permission of PERMISSIONS) expect(can([], permission)).toBe(false);
    expect(permissionsFor([])).toEqual([]);
  });

  it("grants every role what it needs to work at all", () => {
    for (const role of ROLES) {
      expect(can([role], "clients.read")).toBe(true);
      expect(can([role], "offices.read")).toBe(true);
    }
  });

  it("lists only known permissions for each role", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
  });

  const roles = fc.array(fc.constantFrom(...ROLES), { maxLength: 8 });

  it("permissionsFor(roles) is exactly the permissions can() grants, in matrix order", () => {
    fc.assert(
      fc.property(roles, (held) => {
        expect(permissionsFor(held)).toEqual(PERMISSIONS.filter((permission) => can(held, permission)));
      }),
    );
  });

  it("holding more roles never takes a permission away", () => {
    fc.assert(
      fc.property(roles, roles, (some, more) => {
        const granted = permissionsFor([...some, ...more]);
        for (const permission of permissionsFor(some)) expect(granted).toContain(permission);
      }),
    );
  });

  it("is the union of the roles held", () => {
    fc.assert(
      fc.property(roles, (held) => {
        const union = new Set(held.flatMap((role: Role) => ROLE_PERMISSIONS[role]));
        expect(new Set(permissionsFor(held))).toEqual(union);
      }),
    );
  });
});

describe("role schemas", () => {
  it("accepts known roles and rejects others with a translation key", () => {
    expect(roleSchema.parse("receptionist")).toBe("receptionist");
    expect(roleSchema.safeParse("janitor").error?.issues[0]?.message).toBe("validation.role_invalid");
  });

  it("requires at least one role", () => {
    expect(rolesSchema.safeParse([]).error?.issues[0]?.message).toBe("validation.roles_empty");
    expect(rolesSchema.parse(["owner", "receptionist"])).toEqual(["owner", "receptionist"]);
  });
});
