import {
  OFFICE_PRESETS,
  clientInputSchemaFor,
  formatPhone,
  toFieldIssues,
  type Client,
  type ClientInput,
  type ClientKind,
  type ContactLabel,
  type CountryCode,
  type FieldIssue,
  type Locale,
  type NationalIdType,
  type Office,
  type OfficePreset,
} from "@frontoffice/domain";

/**
 * The client form as staff fill it in: every control is a string, list rows carry a stable
 * key, and all per-kind sections keep their values while the office changes. `formToInput`
 * turns it into the `ClientInput` the API takes; `mapIssues` puts domain and server issues back
 * beside the controls they belong to.
 */

export type DetailsSection = OfficePreset["clientDetails"];

/** Per-kind details as stored and sent back by the API (optional parts may be absent). */
export type ClientDetailsLike = NonNullable<ClientInput["details"]>;
/** A client as the API returns it over JSON. */
export type ClientRecord = Omit<Client, "details"> & { details: ClientDetailsLike };

let lastKey = 0;
export function rowKey(): string {
  lastKey += 1;
  return `row${lastKey}`;
}

export interface PhoneRow {
  key: string;
  label: ContactLabel;
  number: string;
}
export interface EmailRow {
  key: string;
  label: ContactLabel;
  address: string;
}
export interface AddressRow {
  key: string;
  label: ContactLabel;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
}
export interface MatterRow {
  key: string;
  reference: string;
  title: string;
  status: "open" | "closed";
}
export interface GuardianRow {
  key: string;
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

export interface ClientFormValues {
  officeId: string;
  kind: ClientKind;
  givenName: string;
  familyName: string;
  companyName: string;
  phones: PhoneRow[];
  emails: EmailRow[];
  addresses: AddressRow[];
  preferredLocale: Locale;
  nationalIdType: NationalIdType;
  nationalIdValue: string;
  notes: string;
  medical: { dateOfBirth: string; insuranceProvider: string; policyNumber: string };
  legal: { matters: MatterRow[] };
  education: { dateOfBirth: string; grade: string; studentNumber: string; guardians: GuardianRow[] };
  business: { companyName: string; vatNumber: string };
}

/** Which rows were sent, in order, so an issue at `phones[1]` finds its row again. */
export interface RowKeys {
  phones: string[];
  emails: string[];
  addresses: string[];
  matters: string[];
  guardians: string[];
}

export interface FormErrors {
  /** By field key (`givenName`, `phones.row3.number`, `medical.dateOfBirth`, …). */
  fields: Record<string, FieldIssue>;
  /** Issues that belong to no single control (unknown fields, whole-form problems). */
  general: FieldIssue[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

export function countryOf(office: Office | undefined): CountryCode | undefined {
  const country = office?.address.country;
  return country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
}

export function sectionFor(office: Office | undefined): DetailsSection | null {
  return office ? OFFICE_PRESETS[office.kind].clientDetails : null;
}

/** The ID document most clients of an office in this country carry. */
export function defaultNationalIdType(country: string | undefined): NationalIdType {
  if (country === "ES") return "es_dni";
  if (country === "IT") return "it_codice_fiscale";
  return "other";
}

export function emptyPhone(): PhoneRow {
  return { key: rowKey(), label: "mobile", number: "" };
}
export function emptyEmail(): EmailRow {
  return { key: rowKey(), label: "home", address: "" };
}
export function emptyAddress(country = ""): AddressRow {
  return { key: rowKey(), label: "home", line1: "", line2: "", city: "", postalCode: "", region: "", country };
}
export function emptyMatter(): MatterRow {
  return { key: rowKey(), reference: "", title: "", status: "open" };
}
export function emptyGuardian(): GuardianRow {
  return { key: rowKey(), name: "", relationship: "", phone: "", email: "" };
}

export function emptyClientForm(office: Office | undefined, fallbackLocale: Locale): ClientFormValues {
  return {
    officeId: office?.id ?? "",
    kind: "person",
    givenName: "",
    familyName: "",
    companyName: "",
    phones: [emptyPhone()],
    emails: [emptyEmail()],
    addresses: [],
    preferredLocale: office?.locale ?? fallbackLocale,
    nationalIdType: defaultNationalIdType(office?.address.country),
    nationalIdValue: "",
    notes: "",
    medical: { dateOfBirth: "", insuranceProvider: "", policyNumber: "" },
    legal: { matters: [] },
    education: { dateOfBirth: "", grade: "", studentNumber: "", guardians: [] },
    business: { companyName: "", vatNumber: "" },
  };
}

export function clientToForm(client: ClientRecord, office: Office | undefined): ClientFormValues {
  const { medical, legal, education, business } = client.details;
  return {
    officeId: client.officeId ?? "",
    kind: client.kind,
    givenName: client.givenName ?? "",
    familyName: client.familyName ?? "",
    companyName: client.companyName ?? "",
    phones: client.phones.map((phone) => ({ key: rowKey(), label: phone.label, number: formatPhone(phone.number) })),
    emails: client.emails.map((email) => ({ key: rowKey(), label: email.label, address: email.address })),
    addresses: client.addresses.map((address) => ({
      key: rowKey(),
      label: address.label,
      line1: address.line1,
      line2: address.line2 ?? "",
      city: address.city,
      postalCode: address.postalCode ?? "",
      region: address.region ?? "",
      country: address.country,
    })),
    preferredLocale: client.preferredLocale,
    nationalIdType: client.nationalId?.type ?? defaultNationalIdType(office?.address.country),
    nationalIdValue: client.nationalId?.value ?? "",
    notes: client.notes,
    medical: {
      dateOfBirth: medical?.dateOfBirth ?? "",
      insuranceProvider: medical?.insurance?.provider ?? "",
      policyNumber: medical?.insurance?.policyNumber ?? "",
    },
    legal: {
      matters: (legal?.matters ?? []).map((matter) => ({ key: rowKey(), reference: matter.reference, title: matter.title, status: matter.status ?? "open" })),
    },
    education: {
      dateOfBirth: education?.student?.dateOfBirth ?? "",
      grade: education?.student?.grade ?? "",
      studentNumber: education?.student?.studentNumber ?? "",
      guardians: (education?.guardians ?? []).map((guardian) => ({
        key: rowKey(),
        name: guardian.name,
        relationship: guardian.relationship ?? "",
        phone: guardian.phone ? formatPhone(guardian.phone) : "",
        email: guardian.email ?? "",
      })),
    },
    business: { companyName: business?.companyName ?? "", vatNumber: business?.vatNumber ?? "" },
  };
}

const filled = (value: string) => value.trim() !== "";
const optional = (value: string) => (filled(value) ? value.trim() : undefined);

/**
 * Builds the API input. Empty list rows are left out (an untouched "phone" row is not an
 * error); the per-kind section of the selected office replaces the stored one, and sections of
 * other kinds are kept as they were.
 */
export function formToInput(
  values: ClientFormValues,
  section: DetailsSection | null,
  baseDetails: ClientDetailsLike = {},
): { input: ClientInput; rows: RowKeys } {
  const phones = values.phones.filter((row) => filled(row.number));
  const emails = values.emails.filter((row) => filled(row.address));
  const addresses = values.addresses.filter((row) => [row.line1, row.line2, row.city, row.postalCode, row.region].some(filled));
  const matters = values.legal.matters.filter((row) => filled(row.reference) || filled(row.title));
  const guardians = values.education.guardians.filter((row) => [row.name, row.relationship, row.phone, row.email].some(filled));

  const details: Record<string, unknown> = { ...baseDetails };
  const put = (key: DetailsSection, value: unknown) => {
    if (value === undefined) delete details[key];
    else details[key] = value;
  };

  if (section === "medical") {
    const { dateOfBirth, insuranceProvider, policyNumber } = values.medical;
    const insurance = filled(insuranceProvider) || filled(policyNumber)
      ? { provider: insuranceProvider.trim(), policyNumber: optional(policyNumber) }
      : undefined;
    put("medical", filled(dateOfBirth) || insurance ? { dateOfBirth: optional(dateOfBirth), insurance } : undefined);
  } else if (section === "legal") {
    put("legal", matters.length ? { matters: matters.map(({ reference, title, status }) => ({ reference: reference.trim(), title: title.trim(), status })) } : undefined);
  } else if (section === "education") {
    const { dateOfBirth, grade, studentNumber } = values.education;
    const student = [dateOfBirth, grade, studentNumber].some(filled)
      ? { dateOfBirth: optional(dateOfBirth), grade: optional(grade), studentNumber: optional(studentNumber) }
      : undefined;
    put(
      "education",
      student || guardians.length
        ? {
            student,
            guardians: guardians.map((row) => ({
              name: row.name.trim(),
              relationship: optional(row.relationship),
              phone: optional(row.phone),
              email: optional(row.email)?.toLowerCase(),
            })),
          }
        : undefined,
    );
  } else if (section === "business") {
    const { companyName, vatNumber } = values.business;
    put("business", filled(companyName) || filled(vatNumber) ? { companyName: optional(companyName), vatNumber: optional(vatNumber) } : undefined);
  }

  const input: ClientInput = {
    kind: values.kind,
    officeId: values.officeId || null,
    givenName: values.kind === "person" ? optional(values.givenName) : undefined,
    familyName: values.kind === "person" ? optional(values.familyName) : undefined,
    companyName: values.kind === "company" ? optional(values.companyName) : undefined,
    phones: phones.map((row) => ({ label: row.label, number: row.number.trim() })),
    emails: emails.map((row) => ({ label: row.label, address: row.address.trim() })),
    addresses: addresses.map((row) => ({
      label: row.label,
      line1: row.line1.trim(),
      line2: optional(row.line2),
      city: row.city.trim(),
      postalCode: optional(row.postalCode),
      region: optional(row.region),
      country: row.country,
    })),
    preferredLocale: values.preferredLocale,
    nationalId: filled(values.nationalIdValue) ? { type: values.nationalIdType, value: values.nationalIdValue.trim() } : null,
    notes: values.notes,
    details: details as ClientInput["details"],
  };
  return {
    input,
    rows: {
      phones: phones.map((row) => row.key),
      emails: emails.map((row) => row.key),
      addresses: addresses.map((row) => row.key),
      matters: matters.map((row) => row.key),
      guardians: guardians.map((row) => row.key),
    },
  };
}

type Path = readonly (string | number)[];

function rowField(keys: string[], index: unknown, group: string, field: unknown, fallback: string): string | null {
  if (typeof index !== "number") return group;
  const key = keys[index];
  if (!key) return null;
  return `${group}.${key}.${typeof field === "string" ? field : fallback}`;
}

/** The form control an issue belongs to, or null when no single control does. */
export function fieldKeyOf(path: Path, rows: RowKeys): string | null {
  const [head, second, third, fourth, fifth] = path;
  switch (head) {
    case "kind":
    case "officeId":
    case "givenName":
    case "familyName":
    case "companyName":
    case "preferredLocale":
    case "notes":
      return head;
    case "phones":
      return rowField(rows.phones, second, "phones", third, "number");
    case "emails":
      return rowField(rows.emails, second, "emails", third, "address");
    case "addresses":
      return rowField(rows.addresses, second, "addresses", third, "line1");
    case "nationalId":
      return second === "type" ? "nationalIdType" : "nationalIdValue";
    case "details":
      break;
    default:
      return null;
  }
  if (second === "medical") {
    if (third === "dateOfBirth") return "medical.dateOfBirth";
    if (third === "insurance") return fourth === "policyNumber" ? "medical.policyNumber" : "medical.insuranceProvider";
    return null;
  }
  if (second === "legal" && third === "matters") return rowField(rows.matters, fourth, "matters", fifth, "title");
  if (second === "education") {
    if (third === "student" && typeof fourth === "string") return `education.${fourth}`;
    if (third === "guardians") return rowField(rows.guardians, fourth, "guardians", fifth, "name");
    return null;
  }
  if (second === "business" && (third === "companyName" || third === "vatNumber")) return `business.${third}`;
  return null;
}

/**
 * Places issues beside their controls. Server issues for `clients.update` are relative to its
 * input (`client.phones.0.number`): pass `prefix: "client"` to drop the wrapper.
 */
export function mapIssues(issues: readonly FieldIssue[], rows: RowKeys, prefix?: string): FormErrors {
  const fields: Record<string, FieldIssue> = {};
  const general: FieldIssue[] = [];
  for (const issue of issues) {
    const path = prefix && issue.path[0] === prefix ? issue.path.slice(1) : issue.path;
    const key = issue.key === "validation.unknown_field" ? null : fieldKeyOf(path, rows);
    if (key === null) general.push({ ...issue, path });
    else fields[key] ??= { ...issue, path };
  }
  return { fields, general };
}

/** Checks the form with the same schema the server uses, for the selected office's country. */
export function validateClientForm(
  values: ClientFormValues,
  office: Office | undefined,
  baseDetails?: ClientDetailsLike,
): { input: ClientInput; rows: RowKeys; errors: FormErrors } {
  const { input, rows } = formToInput(values, sectionFor(office), baseDetails);
  const result = clientInputSchemaFor(countryOf(office)).safeParse(input);
  const errors = result.success ? NO_ERRORS : mapIssues(toFieldIssues(result.error.issues), rows);
  return { input, rows, errors };
}

export function hasErrors(errors: FormErrors): boolean {
  return errors.general.length > 0 || Object.keys(errors.fields).length > 0;
}
