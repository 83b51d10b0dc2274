import type { z } from "zod";

/** A field-level problem in a form the client can translate: `validation.<key>` with params. */
export interface FieldIssue {
  path: (string | number)[];
  /** A translation key such as `validation.phone_invalid`. */
  key: string;
  params?: Record<string, string | number>;
}

/** Every key a schema or the mapping below can produce; each locale must translate all of them. */
export const VALIDATION_KEYS = [
  "validation.invalid",
  "validation.required",
  "validation.too_long",
  "validation.too_short",
  "validation.too_many",
  "validation.too_big",
  "validation.too_small",
  "validation.unknown_field",
  "validation.email_invalid",
  "validation.phone_invalid",
  "validation.national_id_invalid",
  "validation.vat_number_invalid",
  "validation.date_invalid",
  "validation.date_in_future",
  "validation.locale_invalid",
  "validation.role_invalid",
  "validation.roles_empty",
  "validation.office_kind_invalid",
  "validation.time_zone_invalid",
  "validation.currency_invalid",
  "validation.country_invalid",
  "validation.extension_invalid",
  "validation.tax_id_invalid",
  "validation.password_too_short",
  "validation.person_name_required",
  "validation.company_name_required",
  "validation.id_invalid",
  "validation.offices_empty",
  "validation.department_outside_offices",
  "validation.time_invalid",
  "validation.time_range_invalid",
  "validation.hours_overlap",
  "validation.duration_step",
  "validation.step_not_day_divisor",
  "validation.staff_empty",
  "validation.instant_invalid",
  "validation.date_range_too_long",
  "validation.period_over_a_year",
  "validation.amount_invalid",
  "validation.quantity_invalid",
  "validation.tax_rate_invalid",
  "validation.discount_invalid",
  "validation.price_mode_invalid",
  "validation.payment_method_invalid",
  "validation.card_number_invalid",
  "validation.card_expiry_invalid",
  "validation.card_cvc_invalid",
  "validation.refund_reason_invalid",
  "validation.receipt_number_invalid",
  "validation.badge_code_invalid",
  "validation.caller_required",
  "validation.dialled_invalid",
  "validation.skill_invalid",
] as const;
export type ValidationKey = (typeof VALIDATION_KEYS)[number];

const KNOWN_KEYS: ReadonlySet<string> = new Set(VALIDATION_KEYS);

/**
 * Turns zod issues into translatable field issues; custom messages are already keys.
 *
 * A value of the wrong type becomes `validation.invalid` and a missing one
 * `validation.required`. Zod drops the offending input from its issues unless asked to report
 * it, so pass the parsed `input` when you have it; without it, zod's default message tells.
 */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], input?: unknown): FieldIssue[] {
  const hasInput = input !== undefined;
  // After a value of the wrong type nothing else about it means anything, yet zod still runs
  // length checks on anything with a `length` (an array's max on a string): keep the first.
  const mistyped = new Set(issues.filter((issue) => issue.code === "invalid_type").map((issue) => pathKey(issue.path)));
  const relevant = issues.filter((issue) => issue.code === "invalid_type" || !mistyped.has(pathKey(issue.path)));
  return relevant.map((issue) => {
    const path = issue.path.filter((part): part is string | number => typeof part !== "symbol");
    if (KNOWN_KEYS.has(issue.message)) return withParams({ path, key: issue.message }, issue);
    switch (issue.code) {
      case "unrecognized_keys":
        return { path, key: "validation.unknown_field", params: { fields: issue.keys.join(", ") } };
      case "too_big":
        return withParams({ path, key: issue.origin === "string" ? "validation.too_long" : issue.origin === "array" ? "validation.too_many" : "validation.too_big" }, issue);
      case "too_small":
        return withParams({ path, key: issue.origin === "string" && issue.minimum === 1 ? "validation.required" : issue.origin === "string" ? "validation.too_short" : "validation.too_small" }, issue);
      case "invalid_type":
        return { path, key: isMissing(issue, hasInput, input) ? "validation.required" : "validation.invalid" };
      case "invalid_format":
        return { path, key: issue.format === "email" ? "validation.email_invalid" : issue.format === "uuid" ? "validation.id_invalid" : "validation.invalid" };
      default:
        return { path, key: "validation.invalid" };
    }
  });
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map((part) => (typeof part === "symbol" ? String(part) : part)));
}

function isMissing(issue: z.core.$ZodIssue, hasInput: boolean, input: unknown): boolean {
  if (hasInput) return valueAt(input, issue.path) == null;
  if ("input" in issue) return issue.input == null;
  return /\breceived (undefined|null)$/.test(issue.message);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function withParams(result: FieldIssue, issue: z.core.$ZodIssue): FieldIssue {
  if (issue.code === "too_big") return { ...result, params: { max: Number(issue.maximum) } };
  if (issue.code === "too_small") return { ...result, params: { min: Number(issue.minimum) } };
  return result;
}
