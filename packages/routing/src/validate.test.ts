import { describe, expect, it } from "vitest";
import { assertRoutingConfig, type Department, overflowCycles, RoutingError, type RoutingRule, type RoutingState, validateRoutingConfig } from "./index.js";

const hours = { monday: [{ start: "09:00", end: "17:00" }] };
const department = (id: string, extra: Partial<Department> = {}): Department => ({ id, name: id, strategy: "ring_all", timeoutSeconds: 30, ...extra });
const sound: RoutingState = {
  office: { timeZone: "Europe/Rome", weeklyHours: hours },
  departments: [department("front", { extension: "100", overflow: { kind: "department", departmentId: "back" } }), department("back", { extension: "101", overflow: { kind: "callback" } })],
  staff: [{ id: "sara", extension: "200", departmentIds: ["front"], status: "available" }],
};
const rules: RoutingRule[] = [
  { id: "main", match: { dialled: ["+390212345678"] }, action: { kind: "department", departmentId: "front" } },
  { id: "rest", match: {}, action: { kind: "voicemail", departmentId: "back" } },
];
const problems = (state: RoutingState, ruleList: readonly RoutingRule[] = rules) => validateRoutingConfig(state, ruleList).map((error) => ({ code: error.code, details: error.details }));

describe("validateRoutingConfig", () => {
  it("accepts a sound configuration", () => {
    expect(validateRoutingConfig(sound, rules)).toEqual([]);
    expect(() => assertRoutingConfig(sound, rules)).not.toThrow();
  });

  it("finds an overflow cycle A → B → A once, and a department overflowing to itself", () => {
    const cyclic = { ...sound, departments: [department("front", { overflow: { kind: "department", departmentId: "back" } }), department("back", { overflow: { kind: "department", departmentId: "front" } })] };
    expect(problems(cyclic)).toEqual([{ code: "ROUTING_OVERFLOW_CYCLE", details: { cycle: ["back", "front"] } }]);
    expect(() => assertRoutingConfig(cyclic, rules)).toThrow(RoutingError);
    const self = [department("a", { overflow: { kind: "department", departmentId: "a" } })];
    expect(overflowCycles(self)).toEqual([["a"]]);
    const chain = ["d", "c", "b", "a"].map((id, index, ids) => department(id, { overflow: { kind: "department", departmentId: ids[(index + 1) % 4] as string } }));
    expect(overflowCycles([...chain, department("e", { overflow: { kind: "department", departmentId: "c" } })])).toEqual([["a", "d", "c", "b"]]);
  });

  it("reports unknown departments and staff members wherever they are named", () => {
    const state: RoutingState = {
      ...sound,
      departments: [department("front", { overflow: { kind: "department", departmentId: "ghost" } })],
      staff: [{ id: "sara", departmentIds: ["nowhere"], status: "busy" }],
    };
    const broken: RoutingRule[] = [
      { id: "r1", match: { departmentId: ["gone"] }, action: { kind: "staff", staffId: "zoe" } },
      { id: "r2", match: { ivrChoice: ["1"] }, action: { kind: "department", departmentId: "lost" } },
    ];
    expect(problems(state, broken)).toEqual([
      { code: "ROUTING_UNKNOWN_DEPARTMENT", details: { departmentId: "ghost", from: "front" } },
      { code: "ROUTING_UNKNOWN_DEPARTMENT", details: { departmentId: "nowhere", staffId: "sara" } },
      { code: "ROUTING_UNKNOWN_DEPARTMENT", details: { departmentId: "gone", ruleId: "r1" } },
      { code: "ROUTING_UNKNOWN_STAFF", details: { staffId: "zoe", ruleId: "r1" } },
      { code: "ROUTING_UNKNOWN_DEPARTMENT", details: { departmentId: "lost", ruleId: "r2" } },
    ]);
  });

  it("checks the default destination names a department of the state", () => {
    expect(problems({ ...sound, defaultDepartmentId: "front" })).toEqual([]);
    expect(problems({ ...sound, defaultDepartmentId: null })).toEqual([]);
    expect(problems({ ...sound, defaultDepartmentId: "ghost" })).toEqual([{ code: "ROUTING_UNKNOWN_DEPARTMENT", details: { departmentId: "ghost", field: "defaultDepartmentId" } }]);
  });

  it("reports duplicate and malformed extensions and ids", () => {
    const state: RoutingState = {
      ...sound,
      departments: [department("front", { extension: "100" }), department("front", { extension: "1" })],
      staff: [{ id: "sara", extension: "100", departmentIds: [], status: "busy" }],
    };
    const badRules: RoutingRule[] = [{ id: "x", match: { dialled: ["0212345678"] }, action: { kind: "callback" } }];
    expect(problems(state, badRules).map((problem) => problem.code)).toEqual(["ROUTING_DUPLICATE_ID", "ROUTING_INVALID_EXTENSION", "ROUTING_DUPLICATE_EXTENSION", "ROUTING_INVALID_EXTENSION"]);
  });

  it("reports settings out of range, bad hours and rules that can never apply", () => {
    const state: RoutingState = {
      ...sound,
      maxOverflowHops: 50,
      office: { timeZone: "Europe/Atlantis", weeklyHours: hours },
      departments: [department("front", { timeoutSeconds: 0 }), department("back", { hours: { weeklyHours: { monday: [{ start: "17:00", end: "09:00" }] } } })],
    };
    const shadowed: RoutingRule[] = [...rules, { id: "late", match: { language: ["it"] }, action: { kind: "callback" } }];
    expect(problems(state, shadowed).map((problem) => [problem.code, problem.details.field ?? problem.details.ruleId])).toEqual([
      ["ROUTING_INVALID_SETTING", "maxOverflowHops"],
      ["ROUTING_INVALID_HOURS", "office"],
      ["ROUTING_INVALID_SETTING", "timeoutSeconds"],
      ["ROUTING_INVALID_HOURS", "department.hours"],
      ["ROUTING_UNREACHABLE_RULE", "late"],
    ]);
  });
});
