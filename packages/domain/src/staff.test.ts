import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ROLES, type Role } from "./roles.js";
import {
  MIN_PASSWORD_LENGTH,
  SESSION_IDLE_SECONDS,
  SESSION_MAX_AGE_SECONDS,
  emailSchema,
  isActiveOwner,
  keepsAnOwner,
  ownerRuleRefusal,
  passwordSchema,
  setupInputSchema,
  staffCreateSchema,
  staffListSchema,
  staffUpdateSchema,
  type StaffStanding,
} from "./staff.js";
import { toFieldIssues } from "./validation.js";

describe("staff schemas", () => {
  it("normalizes emails", () => {
    expect(emailSchema.parse("  Ana.Garcia@Example.ES ")).toBe("ana.garcia@example.es");
    expect(emailSchema.safeParse("ana@").error?.issues[0]?.message).toBe("validation.email_invalid");
  });

  it("wants passwords of at least ten characters", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordSchema.safeParse("123456789").error?.issues[0]?.message).toBe("validation.password_too_short");
    expect(passwordSchema.parse("correct horse")).toBe("correct horse");
  });

  it("checks the whole first-run form and names each problem", () => {
    const result = setupInputSchema.safeParse({
      organizationName: "",
      office: {
        name: "Studio Legale Bianchi",
        kind: "legal",
        locale: "it",
        timeZone: "Europe/Rome",
        currency: "EUR",
        fiscalName: "Studio Legale Bianchi",
        taxId: "00905811006",
        address: { line1: "Via Roma 1", city: "Roma", country: "IT" },
      },
      owner: { name: "Giulia Bianchi", email: "giulia@", password: "short" },
    });
    expect(toFieldIssues(result.error?.issues ?? [])).toEqual([
      { path: ["organizationName"], key: "validation.required", params: { min: 1 } },
      { path: ["owner", "email"], key: "validation.email_invalid" },
      { path: ["owner", "password"], key: "validation.password_too_short", params: { min: 10 } },
    ]);
  });

  it("keeps sessions to twelve hours at most and thirty idle minutes", () => {
    expect(SESSION_MAX_AGE_SECONDS).toBe(43_200);
    expect(SESSION_IDLE_SECONDS).toBe(1_800);
  });
});

const MADRID = "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a01";
const MILAN = "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a02";
const RECEPTION = "8d3c7d0e-0d3b-4bfa-9a57-5f8f7f0c1a03";

describe("staff management schemas", () => {
  const newReceptionist = {
    displayName: "  Lucía Romero ",
    email: "Lucia.Romero@Example.ES",
    roles: ["receptionist"],
    locale: "es",
    timeZone: "Europe/Madrid",
    officeIds: [MADRID],
    temporaryPassword: "bienvenida-2026",
  };

  it("takes a new staff member with a temporary password, normalized", () => {
    const parsed = staffCreateSchema.parse({ ...newReceptionist, roles: ["receptionist", "owner", "receptionist"], officeIds: [MADRID, MADRID], departmentIds: [RECEPTION] });
    expect(parsed).toEqual({
      displayName: "Lucía Romero",
      email: "lucia.romero@example.es",
      roles: ["owner", "receptionist"],
      locale: "es",
      timeZone: "Europe/Madrid",
      officeIds: [MADRID],
      departmentIds: [RECEPTION],
      temporaryPassword: "bienvenida-2026",
    });
    expect(staffCreateSchema.parse(newReceptionist).departmentIds).toBeUndefined();
  });

  it("names every problem of the new staff form at once", () => {
    const result = staffCreateSchema.safeParse({
      displayName: "",
      email: "lucia@",
      roles: [],
      locale: "fr",
      timeZone: "Mars/Olympus",
      officeIds: [],
      departmentIds: ["not-an-id"],
      temporaryPassword: "short",
    });
    expect(toFieldIssues(result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}:${issue.key}`)).toEqual([
      "displayName:validation.required",
      "email:validation.email_invalid",
      "roles:validation.roles_empty",
      "locale:validation.locale_invalid",
      "timeZone:validation.time_zone_invalid",
      "officeIds:validation.offices_empty",
      "departmentIds.0:validation.id_invalid",
      "temporaryPassword:validation.password_too_short",
    ]);
  });

  it("refuses unknown roles and fields", () => {
    expect(staffCreateSchema.safeParse({ ...newReceptionist, roles: ["janitor"] }).error?.issues[0]?.message).toBe("validation.role_invalid");
    expect(staffCreateSchema.safeParse({ ...newReceptionist, isAdmin: true }).success).toBe(false);
  });

  it("updates only what is given", () => {
    expect(staffUpdateSchema.parse({ id: MADRID, active: false })).toEqual({ id: MADRID, active: false });
    expect(staffUpdateSchema.parse({ id: MADRID, officeIds: [MILAN, MADRID, MILAN], departmentIds: [] })).toEqual({ id: MADRID, officeIds: [MILAN, MADRID], departmentIds: [] });
    expect(staffUpdateSchema.safeParse({ id: MADRID, officeIds: [] }).error?.issues[0]?.message).toBe("validation.offices_empty");
    expect(staffUpdateSchema.safeParse({ id: MADRID, roles: [] }).error?.issues[0]?.message).toBe("validation.roles_empty");
    expect(staffUpdateSchema.safeParse({ id: "x" }).error?.issues[0]?.message).toBe("validation.id_invalid");
  });

  it("lists active staff by default", () => {
    expect(staffListSchema.parse({})).toEqual({ query: "", includeInactive: false });
    expect(staffListSchema.parse({ query: "  lucía ", includeInactive: true })).toEqual({ query: "lucía", includeInactive: true });
  });
});

describe("ownership rules", () => {
  const owner: StaffStanding = { roles: ["owner"], active: true };
  const manager: StaffStanding = { roles: ["manager"], active: true };

  it("lets only an owner grant or remove the owner role, or touch an owner", () => {
    expect(ownerRuleRefusal(["owner"], null, owner)).toBeNull();
    expect(ownerRuleRefusal(["manager"], null, owner)).toBe("OWNER_ROLE_RESERVED");
    expect(ownerRuleRefusal(["manager"], manager, { ...manager, roles: ["manager", "owner"] })).toBe("OWNER_ROLE_RESERVED");
    expect(ownerRuleRefusal(["manager"], owner, manager)).toBe("OWNER_ROLE_RESERVED");
    expect(ownerRuleRefusal(["manager"], owner, { ...owner, active: false })).toBe("OWNER_ROLE_RESERVED");
    expect(ownerRuleRefusal(["manager"], owner, owner)).toBe("OWNER_ROLE_RESERVED");
    expect(ownerRuleRefusal(["manager"], manager, { roles: ["receptionist"], active: false })).toBeNull();
    expect(ownerRuleRefusal(["manager", "owner"], owner, manager)).toBeNull();
  });

  it("never leaves an organization without an active owner", () => {
    expect(keepsAnOwner(1, owner, { ...owner, active: false })).toBe(false);
    expect(keepsAnOwner(1, owner, manager)).toBe(false);
    expect(keepsAnOwner(2, owner, manager)).toBe(true);
    expect(keepsAnOwner(1, manager, { ...manager, active: false })).toBe(true);
    expect(keepsAnOwner(1, { ...owner, active: false }, manager)).toBe(true);
  });

  const standing = fc.record({ roles: fc.subarray([...ROLES] as Role[], { minLength: 1 }), active: fc.boolean() });

  it("agrees with counting the owners after the change", () => {
    fc.assert(
      fc.property(fc.array(standing, { minLength: 1, maxLength: 6 }), fc.nat(), standing, (staff, pick, after) => {
        const index = pick % staff.length;
        const before = staff[index] as StaffStanding;
        const ownersAfter = staff.map((member, i) => (i === index ? after : member)).filter(isActiveOwner).length;
        expect(keepsAnOwner(staff.filter(isActiveOwner).length, before, after)).toBe(ownersAfter > 0);
      }),
    );
  });
});
