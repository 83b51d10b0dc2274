import { describe, expect, it } from "vitest";
import { departmentQueueSchema, routingRuleCreateSchema, routingRulesReorderSchema, staffPhoneSchema, callOfficeSettingsSchema } from "./call-routing.js";
import { toFieldIssues } from "./validation.js";

const OFFICE = "00000000-0000-4000-8000-000000000001";
const DEPARTMENT = "00000000-0000-4000-8000-000000000002";
const keysOf = (result: { success: boolean; error?: { issues: Parameters<typeof toFieldIssues>[0] } }) =>
  result.success ? [] : toFieldIssues(result.error!.issues).map((issue) => [issue.path.join("."), issue.key]);

describe("call routing schemas", () => {
  it("keeps a staff member's languages and skills once each, skills in lower case", () => {
    expect(staffPhoneSchema.parse({ staffId: OFFICE, extension: " 201 ", languages: ["es", "en", "es"], skills: ["Billing", "x-ray", "billing"] })).toEqual({
      staffId: OFFICE,
      extension: "201",
      languages: ["es", "en"],
      skills: ["billing", "x-ray"],
    });
    expect(keysOf(staffPhoneSchema.safeParse({ staffId: OFFICE, extension: "1234567", languages: ["fr"], skills: ["two words"] }))).toEqual([
      ["extension", "validation.extension_invalid"],
      ["languages.0", "validation.locale_invalid"],
      ["skills.0", "validation.skill_invalid"],
    ]);
  });

  it("drops empty rule conditions, so an empty list never means 'matches nothing'", () => {
    const rule = routingRuleCreateSchema.parse({ officeId: OFFICE, name: " Todo ", match: { language: [], dialled: ["201", "+34912345678"] }, action: { kind: "department", departmentId: DEPARTMENT, requiredSkills: [] } });
    expect(rule).toMatchObject({ name: "Todo", active: true, match: { dialled: ["201", "+34912345678"] }, action: { kind: "department", departmentId: DEPARTMENT } });
    expect(rule.match.language).toBeUndefined();
    expect(rule.action.kind === "department" && rule.action.requiredSkills).toBeUndefined();
    expect(keysOf(routingRuleCreateSchema.safeParse({ officeId: OFFICE, name: "", match: { dialled: ["12a"] }, action: { kind: "teleport" } }))).toEqual([
      ["name", "validation.required"],
      ["match.dialled.0", "validation.dialled_invalid"],
      ["action.kind", "validation.invalid"],
    ]);
  });

  it("bounds lines, hops and time-outs as the database does, and sorts holidays", () => {
    expect(callOfficeSettingsSchema.parse({ officeId: OFFICE, callHours: {}, callHolidays: ["2026-12-25", "2026-01-01"], callLines: 32, maxOverflowHops: 0 }).callHolidays).toEqual(["2026-01-01", "2026-12-25"]);
    expect(keysOf(callOfficeSettingsSchema.safeParse({ officeId: OFFICE, callHours: {}, callHolidays: ["25/12"], callLines: 0, maxOverflowHops: 11 })).map(([path]) => path)).toEqual(["callHolidays.0", "callLines", "maxOverflowHops"]);
    expect(callOfficeSettingsSchema.parse({ officeId: OFFICE, callHours: {}, callHolidays: [], callLines: 4, maxOverflowHops: 3 }).defaultDepartmentId).toBeNull();
    expect(callOfficeSettingsSchema.parse({ officeId: OFFICE, callHours: {}, callHolidays: [], callLines: 4, maxOverflowHops: 3, defaultDepartmentId: OFFICE }).defaultDepartmentId).toBe(OFFICE);
    expect(keysOf(callOfficeSettingsSchema.safeParse({ officeId: OFFICE, callHours: {}, callHolidays: [], callLines: 4, maxOverflowHops: 3, defaultDepartmentId: "reception" }))).toEqual([["defaultDepartmentId", "validation.id_invalid"]]);
    expect(keysOf(departmentQueueSchema.safeParse({ departmentId: DEPARTMENT, strategy: "random", timeoutSeconds: 0, overflow: { kind: "department" }, callHours: null })).map(([path]) => path)).toEqual(["strategy", "timeoutSeconds", "overflow.departmentId"]);
    expect(routingRulesReorderSchema.safeParse({ officeId: OFFICE, ruleIds: [DEPARTMENT, DEPARTMENT] }).success).toBe(false);
  });
});
