import type { Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import {
  callOfficeSettingsSchema,
  callRoutingSetupSchema,
  departmentQueueSchema,
  DomainError,
  routingRuleCreateSchema,
  routingRuleRefSchema,
  routingRulesReorderSchema,
  routingRuleUpdateSchema,
  staffPhoneSchema,
  type CallOfficeSettingsInput,
  type CallOverflowTarget,
  type CallRoutingSetup,
  type DepartmentQueueInput,
  type Locale,
  type RoutingRuleAction,
  type RoutingRuleCreateInput,
  type RoutingRuleMatch,
  type RoutingRuleRefInput,
  type RoutingRulesReorderInput,
  type RoutingRuleUpdateInput,
  type RoutingRuleView,
  type StaffPhoneInput,
  type WeeklyHours,
} from "@frontoffice/domain";
import { validateRoutingConfig, type OverflowTarget, type RoutingError, type RuleAction, type RuleMatch } from "@frontoffice/routing";
import type { Actor } from "../../trpc/actor.js";
import { translatingUniqueViolations } from "../../database-errors.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { loadRoutingSetup } from "../calls/routing-state.js";
import {
  STAFF_PHONE_UNIQUE_KEYS,
  deleteRuleRow,
  departmentOnExtension,
  findDepartmentQueue,
  findOfficeSummary,
  findRule,
  findStaffPhone,
  insertRule,
  listRules,
  lockOffice,
  officesOfStaff,
  setRulePositions,
  staffNames,
  updateDepartmentQueueRow,
  updateOfficeCallSettings,
  updateRuleRow,
  updateStaffPhoneRow,
} from "./queries.js";

type Trx = Transaction<Database>;

// The domain's shapes are routing's: a change to either that breaks this fails the typecheck.
const sameShapes = {
  overflow: (target: CallOverflowTarget): OverflowTarget => target,
  match: (match: RoutingRuleMatch): RuleMatch => match,
  action: (action: RoutingRuleAction): RuleAction => action,
};
void sameShapes;

/** Everything the call settings page of one office shows. */
export async function callRoutingSetup(actor: Pick<Actor, "db" | "organizationId">, raw: { officeId: string }): Promise<CallRoutingSetup> {
  const { officeId } = callRoutingSetupSchema.parse(raw);
  const office = await findOfficeSummary(actor.db, actor.organizationId, officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  const setup = await loadRoutingSetup(actor.db, actor.organizationId, officeId);
  const { state } = setup;
  const names = await staffNames(actor.db, actor.organizationId, state.staff.map((member) => member.id));
  const staff = state.staff
    .map((member) => ({
      id: member.id,
      displayName: names.get(member.id) ?? "",
      extension: member.extension ?? null,
      languages: [...(member.languages ?? [])] as Locale[],
      skills: [...(member.skills ?? [])],
      departmentIds: [...member.departmentIds],
      presence: member.status,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    office: {
      id: office.id,
      name: office.name,
      timeZone: setup.office.timeZone,
      locale: setup.office.locale as Locale,
      callHours: state.office.weeklyHours as WeeklyHours,
      callHolidays: [...(state.office.holidays ?? [])],
      callLines: setup.office.callLines,
      maxOverflowHops: state.maxOverflowHops ?? 3,
      defaultDepartmentId: state.defaultDepartmentId ?? null,
    },
    departments: state.departments.map((department) => ({
      id: department.id,
      name: department.name,
      extension: department.extension ?? null,
      strategy: department.strategy,
      timeoutSeconds: department.timeoutSeconds,
      overflow: department.overflow ?? null,
      callHours: (department.hours?.weeklyHours as WeeklyHours | undefined) ?? null,
    }))
      .sort((a, b) => (a.extension ?? "~").localeCompare(b.extension ?? "~") || a.name.localeCompare(b.name)),
    staff,
    rules: await listRules(actor.db, actor.organizationId, officeId),
  };
}

const problemKey = (problem: RoutingError) => `${problem.code}:${JSON.stringify(problem.details)}`;

async function problemsOf(trx: Trx, organizationId: string, officeId: string): Promise<RoutingError[]> {
  const { state, rules } = await loadRoutingSetup(trx, organizationId, officeId);
  return validateRoutingConfig(state, rules);
}

/**
 * Runs a change to the routing of some offices in one transaction and keeps it only if the
 * configuration it leaves behind is sound: after the change each office's setup is loaded as the
 * engine would see it and checked with `validateRoutingConfig`. A problem the change brought
 * (a problem already there before is not this change's fault) refuses it with its `ROUTING_*`
 * code, every such problem in `details.routingProblems`, and nothing is saved. The offices' rows
 * are locked first, in a stable order, so concurrent changes are checked one after the other.
 */
async function changeRouting<T>(actor: Actor, officeIds: readonly string[], change: (trx: Trx) => Promise<T>): Promise<T> {
  const offices = [...new Set(officeIds)].sort();
  return actor.db.transaction().execute(async (trx) => {
    const before = new Map<string, Set<string>>();
    for (const officeId of offices) {
      if (!(await lockOffice(trx, actor.organizationId, officeId))) throw new DomainError("NOT_FOUND", "office not found");
      before.set(officeId, new Set((await problemsOf(trx, actor.organizationId, officeId)).map(problemKey)));
    }
    const result = await change(trx);
    for (const officeId of offices) {
      const known = before.get(officeId) ?? new Set();
      const fresh = (await problemsOf(trx, actor.organizationId, officeId)).filter((problem) => !known.has(problemKey(problem)));
      const [first] = fresh;
      if (first) {
        throw new DomainError(first.code, first.message, {
          ...first.details,
          officeId,
          routingProblems: fresh.map((problem) => ({ code: problem.code, details: problem.details })),
        });
      }
    }
    return result;
  });
}

/**
 * Writes a change to one record and audits it, when anything differs between `before` and
 * `after` (the audit's field names and values); nothing happens otherwise.
 */
async function writeIfChanged(
  trx: Trx,
  actor: Actor,
  entity: { type: string; id: string },
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  write: () => Promise<unknown>,
): Promise<void> {
  const changes = diffFields(before, after);
  if (Object.keys(changes).length === 0) return;
  await write();
  await recordChangeBy(trx, actor, entity, "update", changes, actor.clock.now());
}

/** The office's call hours, holidays, lines, hop limit and default destination (a department of the office). */
export async function updateCallOffice(actor: Actor, raw: CallOfficeSettingsInput): Promise<CallRoutingSetup["office"]> {
  const input = callOfficeSettingsSchema.parse(raw);
  await changeRouting(actor, [input.officeId], async (trx) => {
    const current = await lockOffice(trx, actor.organizationId, input.officeId);
    if (!current) throw new DomainError("NOT_FOUND", "office not found");
    const { defaultDepartmentId } = input;
    if (defaultDepartmentId !== null && (await findDepartmentQueue(trx, actor.organizationId, defaultDepartmentId))?.office_id !== input.officeId) {
      throw new DomainError("ROUTING_UNKNOWN_DEPARTMENT", "the default destination is not a department of this office", { departmentId: defaultDepartmentId, officeId: input.officeId });
    }
    await writeIfChanged(
      trx,
      actor,
      { type: "office", id: input.officeId },
      { callHours: current.call_hours, callHolidays: current.call_holidays, callLines: current.call_lines, maxOverflowHops: current.call_max_overflow_hops, defaultDepartmentId: current.call_default_department_id },
      { callHours: input.callHours, callHolidays: input.callHolidays, callLines: input.callLines, maxOverflowHops: input.maxOverflowHops, defaultDepartmentId },
      () => updateOfficeCallSettings(trx, actor.organizationId, input),
    );
  });
  return (await callRoutingSetup(actor, { officeId: input.officeId })).office;
}

/** A department's queue: strategy, time-out, overflow target and its own call hours. */
export async function updateDepartmentQueue(actor: Actor, raw: DepartmentQueueInput): Promise<CallRoutingSetup["departments"][number]> {
  const input = departmentQueueSchema.parse(raw);
  const department = await findDepartmentQueue(actor.db, actor.organizationId, input.departmentId);
  if (!department) throw new DomainError("NOT_FOUND", "department not found");
  await changeRouting(actor, [department.office_id], async (trx) => {
    const current = await findDepartmentQueue(trx, actor.organizationId, input.departmentId);
    if (!current) throw new DomainError("NOT_FOUND", "department not found");
    await writeIfChanged(
      trx,
      actor,
      { type: "department", id: input.departmentId },
      { strategy: current.queue_strategy, timeoutSeconds: current.timeout_seconds, overflow: current.overflow, callHours: current.call_hours },
      { strategy: input.strategy, timeoutSeconds: input.timeoutSeconds, overflow: input.overflow, callHours: input.callHours },
      () => updateDepartmentQueueRow(trx, actor.organizationId, input),
    );
  });
  const setup = await callRoutingSetup(actor, { officeId: department.office_id });
  const saved = setup.departments.find((item) => item.id === input.departmentId);
  if (!saved) throw new DomainError("NOT_FOUND", "department not found");
  return saved;
}

/**
 * A staff member's extension, languages and skills. The extension is unique in the
 * organization (`EXTENSION_TAKEN`, by the database's `staff_extension_key`), and may not be one a
 * department of their offices answers on.
 */
export async function updateStaffPhone(actor: Actor, raw: StaffPhoneInput): Promise<{ id: string; extension: string | null; languages: Locale[]; skills: string[] }> {
  const input = staffPhoneSchema.parse(raw);
  const offices = await officesOfStaff(actor.db, actor.organizationId, input.staffId);
  return changeRouting(actor, offices, async (trx) => {
    const current = await findStaffPhone(trx, actor.organizationId, input.staffId);
    if (!current) throw new DomainError("STAFF_NOT_FOUND");
    if (input.extension !== null) {
      const department = await departmentOnExtension(trx, actor.organizationId, offices, input.extension);
      if (department) throw new DomainError("EXTENSION_TAKEN", "a department answers on this extension", { departmentId: department.id });
    }
    const next = { extension: input.extension, languages: input.languages, skills: input.skills };
    await writeIfChanged(trx, actor, { type: "staff", id: input.staffId }, { extension: current.extension, languages: current.languages, skills: current.skills }, next, () =>
      translatingUniqueViolations(STAFF_PHONE_UNIQUE_KEYS, () => updateStaffPhoneRow(trx, actor.organizationId, input.staffId, next)),
    );
    return { id: input.staffId, ...next };
  });
}

const ruleAuditView = (rule: Pick<RoutingRuleView, "name" | "match" | "action" | "active" | "position">) => ({
  name: rule.name,
  match: rule.match,
  action: rule.action,
  active: rule.active,
  position: rule.position,
});

/** A new rule, last in the office's order. */
export async function createRoutingRule(actor: Actor, raw: RoutingRuleCreateInput): Promise<RoutingRuleView> {
  const input = routingRuleCreateSchema.parse(raw);
  return changeRouting(actor, [input.officeId], async (trx) => {
    const position = (await listRules(trx, actor.organizationId, input.officeId)).length;
    const at = actor.clock.now();
    const rule = await insertRule(trx, actor.organizationId, { ...input, position, createdAt: at });
    await recordChangeBy(trx, actor, { type: "routing_rule", id: rule.id }, "create", diffFields({}, ruleAuditView(rule)), at);
    return rule;
  });
}

/** The rule as the caller saw it, or `ROUTING_RULE_VERSION_CONFLICT` when it changed since. */
async function ruleAtVersion(trx: Trx, organizationId: string, ref: { id: string; version: number }): Promise<RoutingRuleView> {
  const rule = await findRule(trx, organizationId, ref.id);
  if (!rule) throw new DomainError("NOT_FOUND", "routing rule not found");
  if (rule.version !== ref.version) throw new DomainError("ROUTING_RULE_VERSION_CONFLICT", undefined, { currentVersion: rule.version });
  return rule;
}

async function officeOfRule(actor: Actor, ruleId: string): Promise<string> {
  const rule = await findRule(actor.db, actor.organizationId, ruleId);
  if (!rule) throw new DomainError("NOT_FOUND", "routing rule not found");
  return rule.officeId;
}

export async function updateRoutingRule(actor: Actor, raw: RoutingRuleUpdateInput): Promise<RoutingRuleView> {
  const input = routingRuleUpdateSchema.parse(raw);
  return changeRouting(actor, [await officeOfRule(actor, input.id)], async (trx) => {
    const current = await ruleAtVersion(trx, actor.organizationId, input);
    const next = { ...current, name: input.name ?? current.name, match: input.match ?? current.match, action: input.action ?? current.action, active: input.active ?? current.active };
    const changes = diffFields(ruleAuditView(current), ruleAuditView(next));
    if (Object.keys(changes).length === 0) return current;
    const saved = await updateRuleRow(trx, actor.organizationId, next);
    await recordChangeBy(trx, actor, { type: "routing_rule", id: current.id }, "update", changes, actor.clock.now());
    return saved;
  });
}

export async function removeRoutingRule(actor: Actor, raw: RoutingRuleRefInput): Promise<{ id: string }> {
  const input = routingRuleRefSchema.parse(raw);
  const officeId = await officeOfRule(actor, input.id);
  return changeRouting(actor, [officeId], async (trx) => {
    const current = await ruleAtVersion(trx, actor.organizationId, input);
    await deleteRuleRow(trx, actor.organizationId, current.id);
    const rest = await listRules(trx, actor.organizationId, officeId);
    await setRulePositions(trx, actor.organizationId, officeId, rest.map((rule) => rule.id));
    await recordChangeBy(trx, actor, { type: "routing_rule", id: current.id }, "delete", diffFields(ruleAuditView(current), {}), actor.clock.now());
    return { id: current.id };
  });
}

/**
 * Puts the office's rules in a new order. The ids must be exactly the office's rules: one added
 * or removed meanwhile is a `ROUTING_RULE_VERSION_CONFLICT` (reload and try again).
 */
export async function reorderRoutingRules(actor: Actor, raw: RoutingRulesReorderInput): Promise<RoutingRuleView[]> {
  const input = routingRulesReorderSchema.parse(raw);
  return changeRouting(actor, [input.officeId], async (trx) => {
    const current = await listRules(trx, actor.organizationId, input.officeId);
    const known = new Set(current.map((rule) => rule.id));
    if (current.length !== input.ruleIds.length || input.ruleIds.some((id) => !known.has(id))) {
      throw new DomainError("ROUTING_RULE_VERSION_CONFLICT", "the office's rules changed", { currentRuleIds: current.map((rule) => rule.id) });
    }
    await setRulePositions(trx, actor.organizationId, input.officeId, input.ruleIds);
    const at = actor.clock.now();
    for (const [position, ruleId] of input.ruleIds.entries()) {
      const before = current.find((rule) => rule.id === ruleId);
      if (before && before.position !== position) {
        await recordChangeBy(trx, actor, { type: "routing_rule", id: ruleId }, "update", { position: { from: before.position, to: position } }, at);
      }
    }
    return listRules(trx, actor.organizationId, input.officeId);
  });
}
