import { z } from "zod";
import { localDateSchema, weeklyHoursSchema, type WeeklyHours } from "./appointments.js";
import { CALL_QUEUE_STRATEGIES, MAX_CALL_LINES, type CallQueueStrategy, type PresenceStatus } from "./calls.js";
import { localeSchema, type Locale } from "./locale.js";

/**
 * How an office's calls are routed, as the settings screen edits it: the office's call hours,
 * holidays, lines and hop limit; each department's queue; each staff member's extension,
 * languages and skills; the ordered routing rules. The shapes of overflow targets, rule matches
 * and rule actions are `@frontoffice/routing`'s (`OverflowTarget`, `RuleMatch`, `RuleAction`;
 * the server checks they stay assignable).
 */

const id = z.uuid("validation.id_invalid");

/** Most overflows a call may take (the office column's check). */
export const MAX_CALL_OVERFLOW_HOPS = 10;
/** Longest department time-out in seconds (the department column's check). */
export const MAX_QUEUE_TIMEOUT_SECONDS = 3600;

export const CALLER_PRIORITIES = ["vip", "known_client", "standard"] as const;
export type CallerPriorityValue = (typeof CALLER_PRIORITIES)[number];

const extensionSchema = z.string().trim().regex(/^[0-9]{2,6}$/, "validation.extension_invalid");
/** A number a rule matches: an extension or an E.164 number. */
const dialledSchema = z.string().trim().regex(/^(?:[0-9]{2,6}|\+[1-9][0-9]{6,14})$/, "validation.dialled_invalid");
/** A skill a rule can require: a short lower-case word (`billing`, `x-ray`). */
export const skillSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "validation.skill_invalid");

/** An array without repeats, each kept once in the order given; empty means "no condition". */
const distinct = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max, "validation.too_many")
    .transform((values) => [...new Set(values)] as z.output<T>[]);
/** A rule condition: absent (or empty) means it does not restrict. */
const condition = <T extends z.ZodType<string>>(item: T, max: number) =>
  distinct(item, max)
    .optional()
    .transform((values) => (values && values.length > 0 ? values : undefined));

// --- The office ------------------------------------------------------------------------------

export const callOfficeSettingsSchema = z.strictObject({
  officeId: id,
  /** When the office answers calls, in its time zone. */
  callHours: weeklyHoursSchema,
  /** Office-local dates the phones are closed. */
  callHolidays: distinct(localDateSchema, 366).transform((dates) => [...dates].sort()),
  callLines: z.int("validation.invalid").min(1, "validation.too_small").max(MAX_CALL_LINES, "validation.too_big"),
  maxOverflowHops: z.int("validation.invalid").min(0, "validation.too_small").max(MAX_CALL_OVERFLOW_HOPS, "validation.too_big"),
  /**
   * The department of this office a call goes to when it names no extension or department and no
   * rule matched (the main number without an IVR); null (the default): such a call is refused.
   */
  defaultDepartmentId: id.nullable().default(null),
});
export type CallOfficeSettingsInput = z.input<typeof callOfficeSettingsSchema>;

// --- A department's queue --------------------------------------------------------------------

export const overflowTargetSchema = z.discriminatedUnion(
  "kind",
  [z.strictObject({ kind: z.literal("department"), departmentId: id }), z.strictObject({ kind: z.literal("voicemail") }), z.strictObject({ kind: z.literal("callback") })],
  { error: "validation.invalid" },
);
export type CallOverflowTarget = z.output<typeof overflowTargetSchema>;

export const departmentQueueSchema = z.strictObject({
  departmentId: id,
  strategy: z.enum(CALL_QUEUE_STRATEGIES, { error: "validation.invalid" }),
  timeoutSeconds: z.int("validation.invalid").min(1, "validation.too_small").max(MAX_QUEUE_TIMEOUT_SECONDS, "validation.too_big"),
  /** Where a timed-out call goes; null: the department's voicemail. */
  overflow: overflowTargetSchema.nullable(),
  /** Its own call hours; null: the office's. */
  callHours: weeklyHoursSchema.nullable(),
});
export type DepartmentQueueInput = z.input<typeof departmentQueueSchema>;

// --- A staff member's phone ------------------------------------------------------------------

export const staffPhoneSchema = z.strictObject({
  staffId: id,
  /** Direct extension, unique in the organization; null: none. */
  extension: extensionSchema.nullable(),
  /** Languages spoken: a caller who chose one reaches a free speaker first. */
  languages: distinct(localeSchema, 3),
  skills: distinct(skillSchema, 20),
});
export type StaffPhoneInput = z.input<typeof staffPhoneSchema>;

// --- Routing rules ---------------------------------------------------------------------------

/** Which calls a rule takes: every condition given must hold; none given: every call. */
export const routingRuleMatchSchema = z.strictObject({
  dialled: condition(dialledSchema, 20),
  ivrChoice: condition(z.string().trim().min(1, "validation.required").max(32, "validation.too_long"), 20),
  departmentId: condition(id, 50),
  language: condition(localeSchema, 3),
  priority: condition(z.enum(CALLER_PRIORITIES, { error: "validation.invalid" }), 3),
});
/** A stored rule's conditions (routing's `RuleMatch`): only those given are present. */
export interface RoutingRuleMatch {
  dialled?: string[];
  ivrChoice?: string[];
  departmentId?: string[];
  language?: Locale[];
  priority?: CallerPriorityValue[];
}
export type RoutingRuleMatchInput = z.input<typeof routingRuleMatchSchema>;

export const routingRuleActionSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("department"),
      departmentId: id,
      requiredSkills: condition(skillSchema, 10),
    }),
    z.strictObject({ kind: z.literal("staff"), staffId: id }),
    z.strictObject({ kind: z.literal("voicemail"), departmentId: id.optional(), staffId: id.optional() }),
    z.strictObject({ kind: z.literal("callback") }),
  ],
  { error: "validation.invalid" },
);
/** Where a rule sends its calls (routing's `RuleAction`). */
export type RoutingRuleAction =
  | { kind: "department"; departmentId: string; requiredSkills?: string[] }
  | { kind: "staff"; staffId: string }
  | { kind: "voicemail"; departmentId?: string; staffId?: string }
  | { kind: "callback" };
export type RoutingRuleActionInput = z.input<typeof routingRuleActionSchema>;

const ruleName = z.string().trim().min(1, "validation.required").max(120, "validation.too_long");

export const routingRuleCreateSchema = z.strictObject({
  officeId: id,
  name: ruleName,
  match: routingRuleMatchSchema,
  action: routingRuleActionSchema,
  active: z.boolean().default(true),
});
export type RoutingRuleCreateInput = z.input<typeof routingRuleCreateSchema>;

/** Changes a rule at the version the caller saw (`ROUTING_RULE_VERSION_CONFLICT` otherwise). */
export const routingRuleUpdateSchema = z.strictObject({
  id,
  version: z.int().min(1),
  name: ruleName.optional(),
  match: routingRuleMatchSchema.optional(),
  action: routingRuleActionSchema.optional(),
  active: z.boolean().optional(),
});
export type RoutingRuleUpdateInput = z.input<typeof routingRuleUpdateSchema>;

export const routingRuleRefSchema = z.strictObject({ id, version: z.int().min(1) });
export type RoutingRuleRefInput = z.input<typeof routingRuleRefSchema>;

/** The office's rules in their new order: every rule of the office, each once. */
export const routingRulesReorderSchema = z.strictObject({
  officeId: id,
  ruleIds: z
    .array(id)
    .max(500, "validation.too_many")
    .refine((ids) => new Set(ids).size === ids.length, "validation.invalid"),
});
export type RoutingRulesReorderInput = z.input<typeof routingRulesReorderSchema>;

export const callRoutingSetupSchema = z.strictObject({ officeId: id });

// --- What the settings screen reads ----------------------------------------------------------

export interface RoutingRuleView {
  id: string;
  officeId: string;
  /** 0-based; first match wins. */
  position: number;
  name: string;
  match: RoutingRuleMatch;
  action: RoutingRuleAction;
  active: boolean;
  version: number;
}

export interface CallRoutingDepartment {
  id: string;
  name: string;
  extension: string | null;
  strategy: CallQueueStrategy;
  timeoutSeconds: number;
  overflow: CallOverflowTarget | null;
  callHours: WeeklyHours | null;
}

export interface CallRoutingStaff {
  id: string;
  displayName: string;
  extension: string | null;
  languages: Locale[];
  skills: string[];
  /** Departments of this office the member works in. */
  departmentIds: string[];
  presence: PresenceStatus;
}

/** Everything the call settings page of one office needs. */
export interface CallRoutingSetup {
  office: {
    id: string;
    name: string;
    timeZone: string;
    locale: Locale;
    callHours: WeeklyHours;
    callHolidays: string[];
    callLines: number;
    maxOverflowHops: number;
    /** Where calls that name no one go when no rule matched; null: they are refused. */
    defaultDepartmentId: string | null;
  };
  departments: CallRoutingDepartment[];
  staff: CallRoutingStaff[];
  /** Every rule, active or not, in order. */
  rules: RoutingRuleView[];
}

/** One problem `validateRoutingConfig` found in a would-be configuration (in `details.routingProblems`). */
export interface RoutingProblem {
  code: string;
  details: Record<string, unknown>;
}
