import { departmentInputSchema, toFieldIssues, type DepartmentInput, type FieldIssue } from "@frontoffice/domain";
import type { AppErrorCode } from "../../lib/errors";
import { mapIssues, type FormErrors } from "./office-form-model";

export interface DepartmentFormValues {
  name: string;
  extension: string;
}
export type DepartmentField = keyof DepartmentFormValues;

const FIELD_BY_PATH: Readonly<Record<string, DepartmentField>> = { name: "name", extension: "extension" };

/** What the API takes: a blank extension means the department has none. */
export function toDepartmentInput(values: DepartmentFormValues): DepartmentInput {
  const extension = values.extension.trim();
  return { name: values.name, ...(extension ? { extension } : {}) };
}

/** Checks the form with the schema the server uses. */
export function departmentFormErrors(values: DepartmentFormValues): FormErrors<DepartmentField> {
  const parsed = departmentInputSchema.safeParse(toDepartmentInput(values));
  return parsed.success ? { fields: {}, general: [] } : mapIssues(toFieldIssues(parsed.error.issues), FIELD_BY_PATH);
}

/**
 * Where a refusal of the server belongs: a name or extension another department of the office
 * already has goes beside that field (translated as `errors.<CODE>`); field issues beside their
 * fields; anything else is for the whole form (undefined here).
 */
export function departmentServerErrors(code: AppErrorCode, issues: readonly FieldIssue[]): FormErrors<DepartmentField> | undefined {
  if (code === "DEPARTMENT_NAME_TAKEN") return { fields: { name: { path: ["name"], key: "errors.DEPARTMENT_NAME_TAKEN" } }, general: [] };
  if (code === "EXTENSION_TAKEN") return { fields: { extension: { path: ["extension"], key: "errors.EXTENSION_TAKEN" } }, general: [] };
  if (code === "VALIDATION_FAILED" && issues.length) return mapIssues(issues, FIELD_BY_PATH);
  return undefined;
}
