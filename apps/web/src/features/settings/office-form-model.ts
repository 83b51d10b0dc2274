import {
  officeDetailsSchema,
  officeInputSchema,
  toFieldIssues,
  type FieldIssue,
  type Locale,
  type Office,
  type OfficeDetailsInput,
  type OfficeInput,
  type OfficeKind,
} from "@frontoffice/domain";

/** An office as its form holds it: every field a string, as typed. Setup and settings share it. */
export interface OfficeFormValues {
  name: string;
  kind: OfficeKind;
  locale: Locale;
  timeZone: string;
  currency: string;
  fiscalName: string;
  taxId: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
  phone: string;
  email: string;
}
export type OfficeField = keyof OfficeFormValues;

/** Problems of a form: beside their field, or general ones the summary lists. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, FieldIssue>>;
  general: FieldIssue[];
}

const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  ES: "EUR", IT: "EUR", IE: "EUR", FR: "EUR", DE: "EUR", PT: "EUR", NL: "EUR", BE: "EUR", AT: "EUR",
  GB: "GBP", US: "USD", CA: "CAD", AU: "AUD", CH: "CHF", MX: "MXN", AR: "ARS", CO: "COP", CL: "CLP",
};

/** Sensible first values from the browser: its time zone, region and the interface language. */
export function initialOfficeValues(locale: Locale, browserTags: readonly string[], browserTimeZone: string | undefined): OfficeFormValues {
  const region = browserTags.map((tag) => /^[a-z]{2,3}-([A-Z]{2})\b/i.exec(tag)?.[1]?.toUpperCase()).find(Boolean);
  const country = region ?? (locale === "es" ? "ES" : locale === "it" ? "IT" : "");
  return {
    name: "",
    kind: "medical",
    locale,
    timeZone: browserTimeZone ?? "",
    currency: CURRENCY_BY_COUNTRY[country] ?? (locale === "en" ? "USD" : "EUR"),
    fiscalName: "",
    taxId: "",
    line1: "",
    line2: "",
    city: "",
    postalCode: "",
    region: "",
    country,
    phone: "",
    email: "",
  };
}

/** The form of an existing office. */
export function officeToForm(office: Office): OfficeFormValues {
  return {
    name: office.name,
    kind: office.kind,
    locale: office.locale,
    timeZone: office.timeZone,
    currency: office.currency,
    fiscalName: office.fiscalName,
    taxId: office.taxId,
    line1: office.address.line1,
    line2: office.address.line2 ?? "",
    city: office.address.city,
    postalCode: office.address.postalCode ?? "",
    region: office.address.region ?? "",
    country: office.address.country,
    phone: office.phone ?? "",
    email: office.email ?? "",
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** What the API takes to create an office; blank optional fields are left out. */
export function toOfficeInput(values: OfficeFormValues): OfficeInput {
  return {
    name: values.name,
    kind: values.kind,
    locale: values.locale,
    timeZone: values.timeZone,
    currency: values.currency,
    fiscalName: values.fiscalName,
    taxId: values.taxId,
    address: {
      line1: values.line1,
      line2: optional(values.line2),
      city: values.city,
      postalCode: optional(values.postalCode),
      region: optional(values.region),
      country: values.country,
    },
    phone: optional(values.phone),
    email: optional(values.email),
  };
}

/** What the API takes to change an office: everything but its kind, which is fixed. */
export function toOfficeDetails(values: OfficeFormValues): OfficeDetailsInput {
  const { kind: _kind, ...details } = toOfficeInput(values);
  return details;
}

/** Office form fields by the input path an issue names, relative to the office. */
export const OFFICE_FIELD_BY_PATH: Readonly<Record<string, OfficeField>> = {
  name: "name",
  kind: "kind",
  locale: "locale",
  timeZone: "timeZone",
  currency: "currency",
  fiscalName: "fiscalName",
  taxId: "taxId",
  "address.line1": "line1",
  "address.line2": "line2",
  "address.city": "city",
  "address.postalCode": "postalCode",
  "address.region": "region",
  "address.country": "country",
  phone: "phone",
  email: "email",
};

/** The same map for an office nested under `prefix` in a larger input (`office.taxId`). */
export function officeFieldsUnder(prefix: string): Record<string, OfficeField> {
  return Object.fromEntries(Object.entries(OFFICE_FIELD_BY_PATH).map(([path, field]) => [`${prefix}.${path}`, field]));
}

/** Puts each issue beside its field (the first one per field); the rest are general. */
export function mapIssues<Field extends string>(issues: readonly FieldIssue[], fieldByPath: Readonly<Record<string, Field>>): FormErrors<Field> {
  const result: FormErrors<Field> = { fields: {}, general: [] };
  for (const issue of issues) {
    const field = fieldByPath[issue.path.join(".")];
    if (field && issue.key !== "validation.unknown_field") result.fields[field] ??= issue;
    else result.general.push(issue);
  }
  return result;
}

const UPDATE_FIELD_BY_PATH = officeFieldsUnder("office");

/** Maps the server's issues of `offices.create` (paths from the office) or `offices.update` (under `office`). */
export function mapOfficeIssues(issues: readonly FieldIssue[], mode: "create" | "update"): FormErrors<OfficeField> {
  return mapIssues(issues, mode === "create" ? OFFICE_FIELD_BY_PATH : UPDATE_FIELD_BY_PATH);
}

/** Checks the form with the schema the server uses for `mode`, before anything is sent. */
export function officeFormErrors(values: OfficeFormValues, mode: "create" | "update"): FormErrors<OfficeField> {
  const parsed = mode === "create" ? officeInputSchema.safeParse(toOfficeInput(values)) : officeDetailsSchema.safeParse(toOfficeDetails(values));
  return parsed.success ? { fields: {}, general: [] } : mapIssues(toFieldIssues(parsed.error.issues), OFFICE_FIELD_BY_PATH);
}

/** The errors without the one beside `key` (the field has just been changed). */
export function clearField<Field extends string>(errors: FormErrors<Field>, key: Field): FormErrors<Field> {
  if (!errors.fields[key]) return errors;
  const fields = { ...errors.fields };
  delete fields[key];
  return { ...errors, fields };
}

export function hasErrors(errors: FormErrors<string>): boolean {
  return Object.keys(errors.fields).length > 0 || errors.general.length > 0;
}
