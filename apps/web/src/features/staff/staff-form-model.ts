import {
  staffCreateSchema,
  staffUpdateSchema,
  toFieldIssues,
  type FieldIssue,
  type Locale,
  type Office,
  type Role,
  type StaffCreateInput,
  type StaffDetails,
  type StaffUpdateInput,
} from "@frontoffice/domain";
import { mapIssues, type FormErrors } from "../settings/office-form-model";

/** A staff member as the form holds them. Email and temporary password matter only when adding one. */
export interface StaffFormValues {
  displayName: string;
  email: string;
  temporaryPassword: string;
  roles: Role[];
  locale: Locale;
  timeZone: string;
  officeIds: string[];
  departmentIds: string[];
}
export type StaffField = keyof StaffFormValues;
export type StaffFormErrors = FormErrors<StaffField>;
export type StaffFormMode = "create" | "update";

const FIELD_BY_PATH: Readonly<Record<string, StaffField>> = {
  displayName: "displayName",
  email: "email",
  temporaryPassword: "temporaryPassword",
  roles: "roles",
  locale: "locale",
  timeZone: "timeZone",
  officeIds: "officeIds",
  departmentIds: "departmentIds",
};

/** A new person: the office's language and time zone until someone chooses otherwise. */
export function emptyStaffForm(office: Office | undefined, locale: Locale): StaffFormValues {
  return {
    displayName: "",
    email: "",
    temporaryPassword: "",
    roles: [],
    locale: office?.locale ?? locale,
    timeZone: office?.timeZone ?? "",
    officeIds: office ? [office.id] : [],
    departmentIds: [],
  };
}

export function staffToForm(staff: StaffDetails): StaffFormValues {
  return {
    displayName: staff.displayName,
    email: staff.email,
    temporaryPassword: "",
    roles: [...staff.roles],
    locale: staff.locale,
    timeZone: staff.timeZone,
    officeIds: [...staff.officeIds],
    departmentIds: [...staff.departmentIds],
  };
}

export function toStaffCreateInput(values: StaffFormValues): StaffCreateInput {
  return {
    displayName: values.displayName,
    email: values.email,
    roles: values.roles,
    locale: values.locale,
    timeZone: values.timeZone,
    officeIds: values.officeIds,
    departmentIds: values.departmentIds,
    temporaryPassword: values.temporaryPassword,
  };
}

export function toStaffUpdateInput(id: string, values: StaffFormValues): StaffUpdateInput {
  return {
    id,
    displayName: values.displayName,
    roles: values.roles,
    locale: values.locale,
    timeZone: values.timeZone,
    officeIds: values.officeIds,
    departmentIds: values.departmentIds,
  };
}

/** Puts each issue beside its field; an issue inside a list (`departmentIds.2`) belongs to the list. */
export function mapStaffIssues(issues: readonly FieldIssue[]): StaffFormErrors {
  return mapIssues(
    issues.map((issue) => (FIELD_BY_PATH[String(issue.path[0])] ? { ...issue, path: issue.path.slice(0, 1) } : issue)),
    FIELD_BY_PATH,
  );
}

/** Checks the form with the schema the server uses, before anything is sent. */
export function staffFormErrors(values: StaffFormValues, mode: StaffFormMode): StaffFormErrors {
  const parsed = mode === "create" ? staffCreateSchema.safeParse(toStaffCreateInput(values)) : staffUpdateSchema.safeParse(toStaffUpdateInput(crypto.randomUUID(), values));
  return parsed.success ? { fields: {}, general: [] } : mapStaffIssues(toFieldIssues(parsed.error.issues));
}

/** Offices checked or unchecked: departments of an office no longer chosen go with it. */
export function withOffices(values: StaffFormValues, officeIds: string[], offices: readonly Office[]): StaffFormValues {
  const kept = new Set(offices.filter((office) => officeIds.includes(office.id)).flatMap((office) => office.departments.map((department) => department.id)));
  return { ...values, officeIds, departmentIds: values.departmentIds.filter((id) => kept.has(id)) };
}

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A temporary password that is easy to read out and type: three groups of four, 14 characters. */
export function suggestPassword(randomValues: (array: Uint32Array) => Uint32Array = (array) => crypto.getRandomValues(array)): string {
  const numbers = randomValues(new Uint32Array(12));
  const letters = Array.from(numbers, (value) => PASSWORD_ALPHABET[value % PASSWORD_ALPHABET.length]).join("");
  return `${letters.slice(0, 4)}-${letters.slice(4, 8)}-${letters.slice(8)}`;
}
