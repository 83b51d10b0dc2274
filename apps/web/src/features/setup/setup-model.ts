import { setupInputSchema, toFieldIssues, type FieldIssue, type Locale, type OfficeKind, type SetupInput } from "@frontoffice/domain";

export interface SetupFormValues {
  organizationName: string;
  officeName: string;
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
  officePhone: string;
  officeEmail: string;
  ownerName: string;
  ownerEmail: string;
  password: string;
  passwordRepeat: string;
}

const CURRENCY_BY_COUNTRY: Readonly<Record<string, string>> = {
  ES: "EUR", IT: "EUR", IE: "EUR", FR: "EUR", DE: "EUR", PT: "EUR", NL: "EUR", BE: "EUR", AT: "EUR",
  GB: "GBP", US: "USD", CA: "CAD", AU: "AUD", CH: "CHF", MX: "MXN", AR: "ARS", CO: "COP", CL: "CLP",
};

/** Sensible first values from the browser: its time zone, region and the interface language. */
export function initialSetupValues(locale: Locale, browserTags: readonly string[], browserTimeZone: string | undefined): SetupFormValues {
  const region = browserTags.map((tag) => /^[a-z]{2,3}-([A-Z]{2})\b/i.exec(tag)?.[1]?.toUpperCase()).find(Boolean);
  const country = region ?? (locale === "es" ? "ES" : locale === "it" ? "IT" : "");
  return {
    organizationName: "",
    officeName: "",
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
    officePhone: "",
    officeEmail: "",
    ownerName: "",
    ownerEmail: "",
    password: "",
    passwordRepeat: "",
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function toSetupInput(values: SetupFormValues): SetupInput {
  return {
    organizationName: values.organizationName,
    office: {
      name: values.officeName,
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
      phone: optional(values.officePhone),
      email: optional(values.officeEmail),
    },
    owner: { name: values.ownerName, email: values.ownerEmail, password: values.password },
  };
}

/** Field keys of the setup form by the input path an issue names. */
const FIELD_BY_PATH: Readonly<Record<string, keyof SetupFormValues>> = {
  organizationName: "organizationName",
  "office.name": "officeName",
  "office.kind": "kind",
  "office.locale": "locale",
  "office.timeZone": "timeZone",
  "office.currency": "currency",
  "office.fiscalName": "fiscalName",
  "office.taxId": "taxId",
  "office.address.line1": "line1",
  "office.address.line2": "line2",
  "office.address.city": "city",
  "office.address.postalCode": "postalCode",
  "office.address.region": "region",
  "office.address.country": "country",
  "office.phone": "officePhone",
  "office.email": "officeEmail",
  "owner.name": "ownerName",
  "owner.email": "ownerEmail",
  "owner.password": "password",
};

export interface SetupErrors {
  fields: Partial<Record<keyof SetupFormValues, FieldIssue>>;
  general: FieldIssue[];
}

export function mapSetupIssues(issues: readonly FieldIssue[]): SetupErrors {
  const result: SetupErrors = { fields: {}, general: [] };
  for (const issue of issues) {
    const field = FIELD_BY_PATH[issue.path.join(".")];
    if (field && issue.key !== "validation.unknown_field") result.fields[field] ??= issue;
    else result.general.push(issue);
  }
  return result;
}

export function validateSetup(values: SetupFormValues): { input: SetupInput; errors: SetupErrors } {
  const input = toSetupInput(values);
  const parsed = setupInputSchema.safeParse(input);
  const errors = parsed.success ? { fields: {}, general: [] } : mapSetupIssues(toFieldIssues(parsed.error.issues));
  if (values.password && values.password !== values.passwordRepeat) {
    errors.fields.passwordRepeat ??= { path: ["owner", "passwordRepeat"], key: "setup.passwordMismatch" };
  }
  return { input, errors };
}
