/**
 * Configuration checks an office's routing setup must pass before it is saved: every problem
 * at once, as `RoutingError`s with stable codes, so a settings screen can show them all.
 */
import { RoutingError } from "./errors.js";
import { isE164, isExtension } from "./extension.js";
import { checkHours } from "./hours.js";
import type { Department, RoutingRule, RoutingState } from "./model.js";
import { DEFAULT_MAX_OVERFLOW_HOPS } from "./route.js";

/** The longest time-out a department may have: a day. */
export const MAX_TIMEOUT_SECONDS = 86_400;
/** The most overflow hops a state may allow. */
export const MAX_OVERFLOW_HOPS_LIMIT = 20;
/** Any instant works to check hours (their parsing does not depend on it). */
const HOURS_CHECK_MS = Date.UTC(2025, 0, 6);

function duplicates(kind: string, ids: readonly string[], problems: RoutingError[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(new RoutingError("ROUTING_DUPLICATE_ID", `Two ${kind} share the id ${id}`, { id, kind }));
    seen.add(id);
  }
}

function hoursProblem(run: () => void, where: Record<string, unknown>, problems: RoutingError[]): void {
  try {
    run();
  } catch (error) {
    if (error instanceof RoutingError) problems.push(new RoutingError(error.code, error.message, { ...error.details, ...where }));
    else throw error;
  }
}

/**
 * Overflow cycles (A → B → A), each once, starting at its smallest id. Each department
 * overflows to at most one other, so following the arrows from every department finds them all.
 */
export function overflowCycles(departments: readonly Department[]): string[][] {
  const next = new Map<string, string>();
  for (const department of departments) if (department.overflow?.kind === "department") next.set(department.id, department.overflow.departmentId);
  const cycles = new Map<string, string[]>();
  for (const start of next.keys()) {
    const path: string[] = [];
    const onPath = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !onPath.has(current)) {
      onPath.set(current, path.length);
      path.push(current);
      current = next.get(current);
    }
    if (current === undefined) continue;
    const cycle = path.slice(onPath.get(current));
    let smallest = 0;
    cycle.forEach((id, index) => {
      if (id < (cycle[smallest] as string)) smallest = index;
    });
    const rotated = [...cycle.slice(smallest), ...cycle.slice(0, smallest)];
    cycles.set(rotated.join("\u0000"), rotated);
  }
  return [...cycles.values()];
}

/** Every problem of a routing configuration; empty when it is sound. */
export function validateRoutingConfig(state: RoutingState, rules: readonly RoutingRule[]): RoutingError[] {
  const problems: RoutingError[] = [];
  const departmentIds = new Set(state.departments.map((department) => department.id));
  const staffIds = new Set(state.staff.map((member) => member.id));
  duplicates("departments", state.departments.map((department) => department.id), problems);
  duplicates("staff members", state.staff.map((member) => member.id), problems);
  duplicates("rules", rules.map((rule) => rule.id), problems);

  const hops = state.maxOverflowHops ?? DEFAULT_MAX_OVERFLOW_HOPS;
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_OVERFLOW_HOPS_LIMIT) {
    problems.push(new RoutingError("ROUTING_INVALID_SETTING", `The hop limit must be a whole number from 0 to ${MAX_OVERFLOW_HOPS_LIMIT}`, { field: "maxOverflowHops", value: hops }));
  }
  hoursProblem(() => checkHours(state.office, state.office.timeZone, HOURS_CHECK_MS), { field: "office" }, problems);

  const extensions = new Map<string, string[]>();
  const addExtension = (extension: string | null | undefined, id: string, field: string) => {
    if (extension == null) return;
    if (!isExtension(extension)) {
      problems.push(new RoutingError("ROUTING_INVALID_EXTENSION", `Not an extension (2 to 6 digits): ${extension}`, { value: extension, field, id }));
      return;
    }
    extensions.set(extension, [...(extensions.get(extension) ?? []), id]);
  };

  for (const department of state.departments) {
    addExtension(department.extension, department.id, "department.extension");
    if (!Number.isInteger(department.timeoutSeconds) || department.timeoutSeconds < 1 || department.timeoutSeconds > MAX_TIMEOUT_SECONDS) {
      problems.push(new RoutingError("ROUTING_INVALID_SETTING", `Department ${department.id}: the time-out must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}`, { field: "timeoutSeconds", departmentId: department.id, value: department.timeoutSeconds }));
    }
    const hours = department.hours;
    if (hours) hoursProblem(() => checkHours(hours, state.office.timeZone, HOURS_CHECK_MS), { field: "department.hours", departmentId: department.id }, problems);
    if (department.overflow?.kind === "department" && !departmentIds.has(department.overflow.departmentId)) {
      problems.push(new RoutingError("ROUTING_UNKNOWN_DEPARTMENT", `Department ${department.id} overflows to an unknown department`, { departmentId: department.overflow.departmentId, from: department.id }));
    }
  }
  if (state.defaultDepartmentId != null && !departmentIds.has(state.defaultDepartmentId)) {
    problems.push(new RoutingError("ROUTING_UNKNOWN_DEPARTMENT", "The default destination is an unknown department", { departmentId: state.defaultDepartmentId, field: "defaultDepartmentId" }));
  }
  for (const cycle of overflowCycles(state.departments)) {
    problems.push(new RoutingError("ROUTING_OVERFLOW_CYCLE", `Overflow goes round in a circle: ${[...cycle, cycle[0]].join(" → ")}`, { cycle }));
  }

  for (const member of state.staff) {
    addExtension(member.extension, member.id, "staff.extension");
    for (const departmentId of member.departmentIds) {
      if (!departmentIds.has(departmentId)) problems.push(new RoutingError("ROUTING_UNKNOWN_DEPARTMENT", `Staff member ${member.id} works in an unknown department`, { departmentId, staffId: member.id }));
    }
  }
  for (const [extension, ids] of extensions) {
    if (ids.length > 1) problems.push(new RoutingError("ROUTING_DUPLICATE_EXTENSION", `Extension ${extension} is used ${ids.length} times`, { extension, ids }));
  }

  let catchAll: string | undefined;
  for (const rule of rules) {
    if (catchAll !== undefined) problems.push(new RoutingError("ROUTING_UNREACHABLE_RULE", `Rule ${rule.id} comes after ${catchAll}, which matches every call`, { ruleId: rule.id, shadowedBy: catchAll }));
    const { match, action } = rule;
    for (const dialled of match.dialled ?? []) {
      if (!isExtension(dialled) && !isE164(dialled)) problems.push(new RoutingError("ROUTING_INVALID_EXTENSION", `Rule ${rule.id} matches ${dialled}, neither an extension nor an E.164 number`, { value: dialled, field: "match.dialled", ruleId: rule.id }));
    }
    for (const departmentId of match.departmentId ?? []) {
      if (!departmentIds.has(departmentId)) problems.push(new RoutingError("ROUTING_UNKNOWN_DEPARTMENT", `Rule ${rule.id} matches an unknown department`, { departmentId, ruleId: rule.id }));
    }
    const actionDepartment = action.kind === "department" || action.kind === "voicemail" ? action.departmentId : undefined;
    if (actionDepartment !== undefined && !departmentIds.has(actionDepartment)) {
      problems.push(new RoutingError("ROUTING_UNKNOWN_DEPARTMENT", `Rule ${rule.id} sends calls to an unknown department`, { departmentId: actionDepartment, ruleId: rule.id }));
    }
    const actionStaff = action.kind === "staff" || action.kind === "voicemail" ? action.staffId : undefined;
    if (actionStaff !== undefined && !staffIds.has(actionStaff)) problems.push(new RoutingError("ROUTING_UNKNOWN_STAFF", `Rule ${rule.id} sends calls to an unknown staff member`, { staffId: actionStaff, ruleId: rule.id }));
    if (catchAll === undefined && Object.values(match).every((condition) => condition === undefined)) catchAll = rule.id;
  }
  return problems;
}

/** Throws the first problem `validateRoutingConfig` finds. */
export function assertRoutingConfig(state: RoutingState, rules: readonly RoutingRule[]): void {
  const [first] = validateRoutingConfig(state, rules);
  if (first) throw first;
}
