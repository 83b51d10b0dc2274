/**
 * The decision engine: where a call goes now, and why. Called again by the server whenever
 * something changes (a member frees up, the call waits longer, it overflowed), it gives the
 * same answer for the same input: no clock is read, ties are broken by id.
 */
import { RoutingError } from "./errors.js";
import { assertExtension, isE164 } from "./extension.js";
import { openStateAt } from "./hours.js";
import type { Call, CallerPriority, Department, ExplanationCode, ExplanationParams, ExplanationStep, QueueStrategy, RoutingAction, RoutingDecision, RoutingRule, RoutingState, RuleMatch, StaffMember, WaitingCall } from "./model.js";
import { instantMs } from "./time.js";

/** Overflows a call may take when the state does not say. */
export const DEFAULT_MAX_OVERFLOW_HOPS = 3;

const PRIORITY_RANK: Readonly<Record<CallerPriority, number>> = { vip: 2, known_client: 1, standard: 0 };

/** VIP first, then known clients (a known client id), then everyone else. */
export function callerPriority(call: Pick<Call, "vip" | "knownClientId">): CallerPriority {
  if (call.vip === true) return "vip";
  return call.knownClientId ? "known_client" : "standard";
}

const includes = (list: readonly string[] | undefined, value: string | undefined | null): boolean => list === undefined || (value != null && list.includes(value));

/** Whether a rule's conditions all hold for the call. */
export function ruleMatches(match: RuleMatch, call: Call): boolean {
  if (match.dialled !== undefined && !(includes(match.dialled, call.dialledNumber) || includes(match.dialled, call.extension))) return false;
  return includes(match.ivrChoice, call.ivrChoice) && includes(match.departmentId, call.departmentId) && includes(match.language, call.language) && includes(match.priority, callerPriority(call));
}

/** Strings compared by code unit: the same order under every locale. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An optional instant as epoch ms; `missing` when null or absent. */
function optionalMs(value: string | null | undefined, field: string, missing: number): number {
  return value == null ? missing : instantMs(value, field);
}

/** Who among `pool` (all available) is rung, by the department's strategy. */
export function pickTargets(strategy: QueueStrategy, pool: readonly StaffMember[]): string[] {
  if (pool.length === 0) return [];
  if (strategy === "ring_all") return [...pool].sort(byId).map((member) => member.id);
  // Longest idle: earliest `idleSince`, unknown last. Round robin: earliest `lastOfferedAt`, never first.
  const keyOf = (member: StaffMember) =>
    strategy === "longest_idle" ? optionalMs(member.idleSince, `staff ${member.id} idleSince`, Number.POSITIVE_INFINITY) : optionalMs(member.lastOfferedAt, `staff ${member.id} lastOfferedAt`, Number.NEGATIVE_INFINITY);
  let best = pool[0] as StaffMember;
  let bestKey = keyOf(best);
  for (const member of pool.slice(1)) {
    const key = keyOf(member);
    if (key < bestKey || (key === bestKey && member.id < best.id)) {
      best = member;
      bestKey = key;
    }
  }
  return [best.id];
}

/**
 * How many waiting calls are served before this one: every call of a higher priority, and those
 * of the same priority that queued earlier (a new call: all of them).
 */
export function callsAhead(waiting: readonly WaitingCall[], callId: string, priority: CallerPriority): number {
  const own = waiting.find((entry) => entry.callId === callId);
  const rank = PRIORITY_RANK[priority];
  const ownAt = own ? instantMs(own.queuedAt, `queue ${callId} queuedAt`) : Number.POSITIVE_INFINITY;
  let ahead = 0;
  for (const entry of waiting) {
    if (entry.callId === callId) continue;
    const other = PRIORITY_RANK[entry.priority];
    if (other > rank) ahead++;
    else if (other === rank) {
      const at = instantMs(entry.queuedAt, `queue ${entry.callId} queuedAt`);
      if (at < ownAt || (at === ownAt && entry.callId < callId)) ahead++;
    }
  }
  return ahead;
}

function checkCall(call: Call): void {
  if (typeof call.id !== "string" || call.id === "") throw new RoutingError("ROUTING_INVALID_CALL", "A call needs an id", { field: "id" });
  if (call.callerNumber !== null && !isE164(call.callerNumber)) {
    throw new RoutingError("ROUTING_INVALID_CALLER_NUMBER", `Not an E.164 number: ${String(call.callerNumber)}`, { value: call.callerNumber });
  }
  if (call.dialledNumber !== undefined && !isE164(call.dialledNumber)) {
    throw new RoutingError("ROUTING_INVALID_CALL", `The dialled number is not E.164: ${String(call.dialledNumber)}`, { field: "dialledNumber", value: call.dialledNumber });
  }
  if (call.extension !== undefined) assertExtension(call.extension, "extension");
  if (typeof call.waitedSeconds !== "number" || !Number.isFinite(call.waitedSeconds) || call.waitedSeconds < 0) {
    throw new RoutingError("ROUTING_INVALID_CALL", "Waited seconds must be a number ≥ 0", { field: "waitedSeconds", value: call.waitedSeconds });
  }
  const hops = call.overflowHops ?? 0;
  if (!Number.isInteger(hops) || hops < 0) throw new RoutingError("ROUTING_INVALID_CALL", "Overflow hops must be a whole number ≥ 0", { field: "overflowHops", value: hops });
}

/** The decision being built: steps are appended as the engine goes. */
class Decision {
  readonly steps: ExplanationStep[] = [];

  step(code: ExplanationCode, params: ExplanationParams = {}): this {
    this.steps.push({ code, params });
    return this;
  }

  finish(action: RoutingAction): RoutingDecision {
    return { ...action, explanation: this.steps };
  }
}

interface Lookup {
  readonly state: RoutingState;
  department(id: string): Department;
  staffMember(id: string): StaffMember;
}

function lookupOf(state: RoutingState): Lookup {
  return {
    state,
    department(id) {
      const found = state.departments.find((department) => department.id === id);
      if (!found) throw new RoutingError("ROUTING_UNKNOWN_DEPARTMENT", `No department ${id}`, { departmentId: id });
      return found;
    },
    staffMember(id) {
      const found = state.staff.find((member) => member.id === id);
      if (!found) throw new RoutingError("ROUTING_UNKNOWN_STAFF", `No staff member ${id}`, { staffId: id });
      return found;
    },
  };
}

function routeToStaff(member: StaffMember, state: RoutingState, nowMs: number, decision: Decision): RoutingDecision {
  const open = openStateAt(state.office, state.office.timeZone, nowMs);
  if (!open.open) {
    decision.step("closed", { reason: open.reason, opensAt: open.opensAt, departmentId: null });
    return decision.finish({ action: "closed", reason: open.reason, opensAt: open.opensAt });
  }
  if (member.status === "available") {
    decision.step("strategy_applied", { strategy: "direct", targets: [member.id] });
    return decision.finish({ action: "ring", departmentId: null, targets: [member.id] });
  }
  decision.step("staff_unavailable", { staffId: member.id, status: member.status }).step("voicemail", { for: "staff", id: member.id });
  return decision.finish({ action: "voicemail", for: { kind: "staff", staffId: member.id } });
}

function routeToDepartment(department: Department, requiredSkills: readonly string[] | undefined, call: Call, state: RoutingState, nowMs: number, decision: Decision): RoutingDecision {
  decision.step("department_selected", { departmentId: department.id });
  // A department with hours of its own still closes on the office's holidays unless it lists its own.
  const hours = department.hours ? { ...department.hours, holidays: department.hours.holidays ?? state.office.holidays ?? [] } : state.office;
  const open = openStateAt(hours, state.office.timeZone, nowMs);
  if (!open.open) {
    decision.step("closed", { reason: open.reason, opensAt: open.opensAt, departmentId: department.hours ? department.id : null });
    return decision.finish({ action: "closed", reason: open.reason, opensAt: open.opensAt });
  }

  if (call.waitedSeconds >= department.timeoutSeconds) {
    decision.step("timed_out", { waitedSeconds: call.waitedSeconds, timeoutSeconds: department.timeoutSeconds, departmentId: department.id });
    const target = department.overflow ?? { kind: "voicemail" };
    if (target.kind === "department") {
      const hops = call.overflowHops ?? 0;
      const limit = state.maxOverflowHops ?? DEFAULT_MAX_OVERFLOW_HOPS;
      if (hops < limit) {
        decision.step("overflowed", { from: department.id, to: target.departmentId, hops: hops + 1 });
        return decision.finish({ action: "overflow", from: department.id, to: target.departmentId });
      }
      decision.step("hop_limit_reached", { hops, limit });
    } else if (target.kind === "callback") {
      decision.step("callback_requested", { departmentId: department.id });
      return decision.finish({ action: "callback", departmentId: department.id });
    }
    decision.step("voicemail", { for: "department", id: department.id });
    return decision.finish({ action: "voicemail", for: { kind: "department", departmentId: department.id } });
  }

  let members = state.staff.filter((member) => member.departmentIds.includes(department.id));
  if (requiredSkills && requiredSkills.length > 0) {
    members = members.filter((member) => requiredSkills.every((skill) => member.skills?.includes(skill)));
    decision.step("skills_required", { skills: requiredSkills, count: members.length });
  }
  const free = members.filter((member) => member.status === "available");
  const ahead = callsAhead(state.queues?.[department.id] ?? [], call.id, callerPriority(call));
  if (free.length === 0) decision.step("no_staff_available", { departmentId: department.id });
  else decision.step("staff_available", { departmentId: department.id, count: free.length });
  // The calls ahead take the free members first.
  if (free.length <= ahead) {
    decision.step("queued", { departmentId: department.id, position: ahead + 1, ahead });
    return decision.finish({ action: "queue", departmentId: department.id, position: ahead + 1 });
  }

  let pool = free;
  if (call.language) {
    const language = call.language;
    const speakers = free.filter((member) => member.languages?.includes(language));
    if (speakers.length > 0) {
      decision.step("language_preferred", { language, count: speakers.length });
      pool = speakers;
    } else {
      decision.step("no_speaker_free", { language });
    }
  }
  const targets = pickTargets(department.strategy, pool);
  decision.step("strategy_applied", { strategy: department.strategy, targets });
  return decision.finish({ action: "ring", departmentId: department.id, targets });
}

/**
 * Where `call` goes at instant `now` (ISO 8601 with an offset), given the live `state` and the
 * ordered `rules` (first match wins; rules only apply before the first overflow). Returns the
 * action and its explanation; throws a `RoutingError` for a malformed call (`ROUTING_INVALID_*`)
 * or one that names an unknown extension, department or staff member.
 */
export function route(call: Call, state: RoutingState, rules: readonly RoutingRule[], now: string): RoutingDecision {
  const nowMs = instantMs(now, "now");
  checkCall(call);
  const lookup = lookupOf(state);
  const decision = new Decision();
  const priority = callerPriority(call);
  if (priority !== "standard") decision.step("caller_priority", { priority });

  const hops = call.overflowHops ?? 0;
  if (hops > 0) {
    decision.step("rules_skipped_after_overflow", { hops });
    if (call.departmentId === undefined) throw new RoutingError("ROUTING_NO_DESTINATION", "An overflowed call needs the department it was sent to", { callId: call.id });
    return routeToDepartment(lookup.department(call.departmentId), undefined, call, state, nowMs, decision);
  }

  const rule = rules.find((candidate) => ruleMatches(candidate.match, call));
  if (rule) {
    decision.step("rule_matched", { ruleId: rule.id });
    const action = rule.action;
    switch (action.kind) {
      case "department":
        return routeToDepartment(lookup.department(action.departmentId), action.requiredSkills, call, state, nowMs, decision);
      case "staff":
        return routeToStaff(lookup.staffMember(action.staffId), state, nowMs, decision);
      case "callback":
        decision.step("callback_requested", { departmentId: call.departmentId ?? null });
        return decision.finish({ action: "callback", departmentId: call.departmentId ?? null });
      case "voicemail": {
        if (action.staffId !== undefined) {
          const member = lookup.staffMember(action.staffId);
          decision.step("voicemail", { for: "staff", id: member.id });
          return decision.finish({ action: "voicemail", for: { kind: "staff", staffId: member.id } });
        }
        const departmentId = action.departmentId ?? call.departmentId;
        if (departmentId === undefined) throw new RoutingError("ROUTING_NO_DESTINATION", `Rule ${rule.id} sends to voicemail but names no department or staff member`, { ruleId: rule.id });
        const department = lookup.department(departmentId);
        decision.step("voicemail", { for: "department", id: department.id });
        return decision.finish({ action: "voicemail", for: { kind: "department", departmentId: department.id } });
      }
    }
  }

  decision.step("no_rule_matched");
  if (call.extension !== undefined) {
    const extension = call.extension;
    const department = state.departments.find((candidate) => candidate.extension === extension);
    if (department) {
      decision.step("extension_dialled", { extension, departmentId: department.id });
      return routeToDepartment(department, undefined, call, state, nowMs, decision);
    }
    const member = state.staff.find((candidate) => candidate.extension === extension);
    if (member) {
      decision.step("extension_dialled", { extension, staffId: member.id });
      return routeToStaff(member, state, nowMs, decision);
    }
    throw new RoutingError("ROUTING_UNKNOWN_EXTENSION", `No department or staff member on extension ${extension}`, { extension });
  }
  if (call.departmentId !== undefined) return routeToDepartment(lookup.department(call.departmentId), undefined, call, state, nowMs, decision);
  if (state.defaultDepartmentId != null) {
    const department = lookup.department(state.defaultDepartmentId);
    decision.step("default_destination", { departmentId: department.id });
    return routeToDepartment(department, undefined, call, state, nowMs, decision);
  }
  throw new RoutingError("ROUTING_NO_DESTINATION", "The call names no extension or department and no rule matched", { callId: call.id });
}
