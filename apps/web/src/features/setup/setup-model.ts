import { setupInputSchema, toFieldIssues, type FieldIssue, type Locale, type SetupInput } from "@frontoffice/domain";
import { initialOfficeValues, mapIssues, officeFieldsUnder, toOfficeInput, type FormErrors, type OfficeFormValues } from "../settings/office-form-model";

/** The first-run form: the organization's name, its first office, and the owner's account. */
export interface SetupFormValues extends OfficeFormValues {
  organizationName: string;
  ownerName: string;
  ownerEmail: string;
  password: string;
  passwordRepeat: string;
}

/** Sensible first values from the browser: its time zone, region and the interface language. */
export function initialSetupValues(locale: Locale, browserTags: readonly string[], browserTimeZone: string | undefined): SetupFormValues {
  return {
    ...initialOfficeValues(locale, browserTags, browserTimeZone),
    organizationName: "",
    ownerName: "",
    ownerEmail: "",
    password: "",
    passwordRepeat: "",
  };
}

export function toSetupInput(values: SetupFormValues): SetupInput {
  return {
    organizationName: values.organizationName,
    office: toOfficeInput(values),
    owner: { name: values.ownerName, email: values.ownerEmail, password: values.password },
  };
}

/** Field keys of the setup form by the input path an issue names. */
const FIELD_BY_PATH: Readonly<Record<string, keyof SetupFormValues>> = {
  organizationName: "organizationName",
  ...officeFieldsUnder("office"),
  "owner.name": "ownerName",
  "owner.email": "ownerEmail",
  "owner.password": "password",
};

export type SetupErrors = FormErrors<keyof SetupFormValues>;

export function mapSetupIssues(issues: readonly FieldIssue[]): SetupErrors {
  return mapIssues(issues, FIELD_BY_PATH);
}

export function validateSetup(values: SetupFormValues): { input: SetupInput; errors: SetupErrors } {
  const input = toSetupInput(values);
  const parsed = setupInputSchema.safeParse(input);
  const errors: SetupErrors = parsed.success ? { fields: {}, general: [] } : mapSetupIssues(toFieldIssues(parsed.error.issues));
  if (values.password && values.password !== values.passwordRepeat) {
    errors.fields.passwordRepeat ??= { path: ["owner", "passwordRepeat"], key: "setup.passwordMismatch" };
  }
  return { input, errors };
}
