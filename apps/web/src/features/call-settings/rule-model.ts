import {
  routingRuleCreateSchema,
  toFieldIssues,
  type CallerPriorityValue,
  type FieldIssue,
  type Locale,
  type RoutingRuleAction,
  type RoutingRuleCreateInput,
  type RoutingRuleMatch,
} from "@frontoffice/domain";
import type { Translator } from "../../i18n";

/** Names of what routing refers to by id: departments, staff and rules of the office. */
export interface RoutingNames {
  departments: Readonly<Record<string, string>>;
  staff: Readonly<Record<string, string>>;
  rules?: Readonly<Record<string, string>>;
}

export type RuleActionKind = RoutingRuleAction["kind"];
export const RULE_ACTION_KINDS: readonly RuleActionKind[] = ["department", "staff", "voicemail", "callback"];

/** The rule form as typed: lists of words are kept as text until saved. */
export interface RuleDraft {
  name: string;
  languages: Locale[];
  /** IVR choices, separated by commas or spaces. */
  ivrChoices: string;
  /** Extensions or E.164 numbers, separated by commas or spaces. */
  dialled: string;
  departmentIds: string[];
  priorities: CallerPriorityValue[];
  actionKind: RuleActionKind;
  /** The department (department action) or whose voicemail (voicemail action, optional). */
  targetDepartmentId: string;
  targetStaffId: string;
  requiredSkills: string;
  active: boolean;
}

export type RuleField = "name" | "languages" | "ivrChoices" | "dialled" | "departmentIds" | "priorities" | "targetDepartmentId" | "targetStaffId" | "requiredSkills";

export function emptyRuleDraft(): RuleDraft {
  return { name: "", languages: [], ivrChoices: "", dialled: "", departmentIds: [], priorities: [], actionKind: "department", targetDepartmentId: "", targetStaffId: "", requiredSkills: "", active: true };
}

export function ruleDraftOf(rule: { name: string; match: RoutingRuleMatch; action: RoutingRuleAction; active: boolean }): RuleDraft {
  const { match, action } = rule;
  return {
    name: rule.name,
    languages: [...(match.language ?? [])],
    ivrChoices: (match.ivrChoice ?? []).join(", "),
    dialled: (match.dialled ?? []).join(", "),
    departmentIds: [...(match.departmentId ?? [])],
    priorities: [...(match.priority ?? [])],
    actionKind: action.kind,
    targetDepartmentId: action.kind === "department" || action.kind === "voicemail" ? (action.departmentId ?? "") : "",
    targetStaffId: action.kind === "staff" || action.kind === "voicemail" ? (action.staffId ?? "") : "",
    requiredSkills: action.kind === "department" ? (action.requiredSkills ?? []).join(", ") : "",
    active: rule.active,
  };
}

const words = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

function actionOf(draft: RuleDraft): RoutingRuleCreateInput["action"] {
  switch (draft.actionKind) {
    case "department":
      return { kind: "department", departmentId: draft.targetDepartmentId, ...(words(draft.requiredSkills).length ? { requiredSkills: words(draft.requiredSkills) } : {}) };
    case "staff":
      return { kind: "staff", staffId: draft.targetStaffId };
    case "voicemail":
      return { kind: "voicemail", ...(draft.targetDepartmentId ? { departmentId: draft.targetDepartmentId } : {}), ...(draft.targetStaffId ? { staffId: draft.targetStaffId } : {}) };
    case "callback":
      return { kind: "callback" };
  }
}

/** The input `callRouting.rules.create` takes, from the form. */
export function ruleInputFrom(officeId: string, draft: RuleDraft): RoutingRuleCreateInput {
  const optional = <T>(values: T[]) => (values.length ? values : undefined);
  return {
    officeId,
    name: draft.name,
    match: {
      language: optional(draft.languages),
      ivrChoice: optional(words(draft.ivrChoices)),
      dialled: optional(words(draft.dialled)),
      departmentId: optional(draft.departmentIds),
      priority: optional(draft.priorities),
    },
    action: actionOf(draft),
    active: draft.active,
  };
}

const FIELD_OF_PATH: Readonly<Record<string, RuleField>> = {
  name: "name",
  "match.language": "languages",
  "match.ivrChoice": "ivrChoices",
  "match.dialled": "dialled",
  "match.departmentId": "departmentIds",
  "match.priority": "priorities",
  "action.departmentId": "targetDepartmentId",
  "action.staffId": "targetStaffId",
  "action.requiredSkills": "requiredSkills",
};

/** Field issues (from the schema or the server) placed on the form's fields; the first of each. */
export function placeRuleIssues(issues: readonly FieldIssue[]): Partial<Record<RuleField, FieldIssue>> {
  const placed: Partial<Record<RuleField, FieldIssue>> = {};
  for (const issue of issues) {
    const path = issue.path.filter((part) => typeof part === "string").join(".");
    const field = FIELD_OF_PATH[path] ?? FIELD_OF_PATH[path.split(".").slice(0, 2).join(".")];
    if (field && !placed[field]) placed[field] = issue;
  }
  return placed;
}

/** The form checked with the same schema the server uses: its input, or issues per field. */
export function checkRuleDraft(officeId: string, draft: RuleDraft): { input: RoutingRuleCreateInput } | { issues: Partial<Record<RuleField, FieldIssue>> } {
  const input = ruleInputFrom(officeId, draft);
  const parsed = routingRuleCreateSchema.safeParse(input);
  if (parsed.success) return { input };
  const issues = toFieldIssues(parsed.error.issues, input);
  const placed = placeRuleIssues(issues);
  // A department or person left unchosen: say so on the target field.
  if (Object.keys(placed).length === 0 && issues.length) placed.targetDepartmentId = issues[0];
  return { issues: placed };
}

/** The order after moving the rule at `index` one place up (-1) or down (+1). */
export function moveRule(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** A language's name in the interface language ("Spanish", "español", "spagnolo"). */
export function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

function listOf(locale: string, items: readonly string[], type: "conjunction" | "disjunction"): string {
  return new Intl.ListFormat(locale, { type }).format(items);
}

/** A name from the lookup, or a placeholder for something no longer there. */
export function nameOf(t: Translator, names: Readonly<Record<string, string>>, id: string): string {
  return names[id] ?? t("callSettings.unknownName");
}

/** Where a rule sends its calls, as words ("Billing", "Voicemail of Ana"). */
export function ruleTarget(t: Translator, action: RoutingRuleAction, names: RoutingNames): string {
  switch (action.kind) {
    case "department": {
      const department = nameOf(t, names.departments, action.departmentId);
      return action.requiredSkills?.length
        ? t("callSettings.rule.toDepartmentWithSkills", { department, skills: listOf(t.locale, action.requiredSkills, "conjunction") })
        : department;
    }
    case "staff":
      return nameOf(t, names.staff, action.staffId);
    case "voicemail": {
      const whose = action.staffId ? nameOf(t, names.staff, action.staffId) : action.departmentId ? nameOf(t, names.departments, action.departmentId) : null;
      return whose ? t("callSettings.rule.toVoicemailOf", { name: whose }) : t("callSettings.rule.toVoicemail");
    }
    case "callback":
      return t("callSettings.rule.toCallback");
  }
}

/** A rule as one sentence: "Calls in Spanish → Billing", "Every call → A call-back request". */
export function ruleSentence(t: Translator, rule: { match: RoutingRuleMatch; action: RoutingRuleAction }, names: RoutingNames): string {
  const { locale } = t;
  const { match } = rule;
  const either = (items: readonly string[]) => listOf(locale, items, "disjunction");
  const conditions: string[] = [];
  if (match.language) conditions.push(t("callSettings.rule.inLanguage", { languages: either(match.language.map((code) => languageName(locale, code))) }));
  if (match.ivrChoice) conditions.push(t("callSettings.rule.choosing", { choices: either(match.ivrChoice) }));
  if (match.dialled) conditions.push(t("callSettings.rule.dialled", { numbers: either(match.dialled) }));
  if (match.departmentId) conditions.push(t("callSettings.rule.forDepartment", { departments: either(match.departmentId.map((id) => nameOf(t, names.departments, id))) }));
  if (match.priority) conditions.push(t("callSettings.rule.fromCallers", { callers: either(match.priority.map((priority) => t(`callSettings.priority.${priority}`))) }));
  const which = conditions.length ? t("callSettings.rule.calls", { conditions: listOf(locale, conditions, "conjunction") }) : t("callSettings.rule.everyCall");
  return `${which} → ${ruleTarget(t, rule.action, names)}`;
}
