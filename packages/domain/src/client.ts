import { z } from "zod";
import { localeSchema, type Locale } from "./locale.js";
import { addressSchema, type Address } from "./office.js";
import { NATIONAL_ID_TYPES, isValidNationalId, isValidVatNumber, normalizeIdentifier, type NationalIdType } from "./national-id.js";
import { normalizePhone, type CountryCode } from "./phone.js";
import { digitsOnly, foldForSearch } from "./text.js";

export const CLIENT_KINDS = ["person", "company"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const CONTACT_LABELS = ["mobile", "home", "work", "other"] as const;
export type ContactLabel = (typeof CONTACT_LABELS)[number];

export const MAX_NOTES_LENGTH = 5000;
export const MAX_PHONES = 5;
export const MAX_EMAILS = 5;
export const MAX_ADDRESSES = 3;

const name = (max: number) => z.string().trim().max(max, "validation.too_long");
const optionalName = (max: number) =>
  name(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** A calendar date `YYYY-MM-DD` that exists (no 31 February). */
export const isoDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.date_invalid", abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, "validation.date_invalid");

/** A phone as staff typed it; normalized to E.164 once the office's country is known. */
export const phoneInputSchema = z
  .string()
  .trim()
  .min(1, { error: "validation.required", abort: true })
  .max(32, { error: "validation.too_long", abort: true })
  .regex(/^[+\d\s().\-/]+$/, "validation.phone_invalid");

export const clientPhoneSchema = z.strictObject({
  label: z.enum(CONTACT_LABELS).default("mobile"),
  number: phoneInputSchema,
});
export type ClientPhone = z.output<typeof clientPhoneSchema>;

export const clientEmailSchema = z.strictObject({
  label: z.enum(CONTACT_LABELS).default("home"),
  address: z.string().trim().toLowerCase().max(254, "validation.too_long").pipe(z.email("validation.email_invalid")),
});
export type ClientEmail = z.output<typeof clientEmailSchema>;

export const clientAddressSchema = addressSchema.extend({ label: z.enum(CONTACT_LABELS).default("home") });
export type ClientAddress = Address & { label: ContactLabel };

export const nationalIdSchema = z
  .strictObject({
    type: z.enum(NATIONAL_ID_TYPES),
    value: z.string().trim().min(1, "validation.required").max(32, "validation.too_long"),
  })
  .transform((id) => ({ type: id.type, value: normalizeIdentifier(id.value) }))
  .refine((id) => isValidNationalId(id.type, id.value), {
    message: "validation.national_id_invalid",
    path: ["value"],
  });
export type NationalId = { type: NationalIdType; value: string };

/**
 * An optional text field where an empty or blank value means "not given", as forms send it:
 * the inner schema only sees non-blank, trimmed text.
 */
function blankAsAbsent<T extends z.ZodType<unknown, string>>(schema: T) {
  return z
    .string()
    .trim()
    .transform((value) => (value ? value : undefined))
    .pipe(schema.optional())
    .optional();
}

const optionalEmail = blankAsAbsent(z.string().toLowerCase().max(254, "validation.too_long").pipe(z.email("validation.email_invalid")));

const guardianSchema = z.strictObject({
  name: name(120).min(1, "validation.required"),
  relationship: optionalName(60),
  phone: blankAsAbsent(phoneInputSchema),
  email: optionalEmail,
});

const MAX_GUARDIANS = 4;

const educationDetailsSchema = z.strictObject({
  student: z
    .strictObject({
      dateOfBirth: blankAsAbsent(isoDateSchema),
      grade: optionalName(40),
      studentNumber: optionalName(40),
    })
    .optional(),
  guardians: z.array(guardianSchema).max(MAX_GUARDIANS, "validation.too_many").default([]),
});

/** Per-kind fields: each office kind shows its own section of the client form. */
export const clientDetailsSchema = z.strictObject({
  medical: z
    .strictObject({
      dateOfBirth: blankAsAbsent(isoDateSchema),
      insurance: z
        .strictObject({
          provider: name(120).min(1, "validation.required"),
          policyNumber: optionalName(60),
        })
        .optional(),
    })
    .optional(),
  legal: z
    .strictObject({
      matters: z
        .array(
          z.strictObject({
            reference: name(40).min(1, "validation.required"),
            title: name(200).min(1, "validation.required"),
            status: z.enum(["open", "closed"]).default("open"),
          }),
        )
        .max(50, "validation.too_many")
        .default([]),
    })
    .optional(),
  education: educationDetailsSchema.optional(),
  business: z
    .strictObject({
      companyName: optionalName(200),
      vatNumber: blankAsAbsent(
        z
          .string()
          .max(20, "validation.too_long")
          .transform(normalizeIdentifier)
          .refine(isValidVatNumber, "validation.vat_number_invalid"),
      ),
    })
    .optional(),
});
export type ClientDetails = z.output<typeof clientDetailsSchema>;

const clientFields = z.strictObject({
  kind: z.enum(CLIENT_KINDS).default("person"),
  officeId: z.uuid("validation.id_invalid").nullish(),
  givenName: optionalName(100),
  familyName: optionalName(100),
  companyName: optionalName(200),
  phones: z.array(clientPhoneSchema).max(MAX_PHONES, "validation.too_many").default([]),
  emails: z.array(clientEmailSchema).max(MAX_EMAILS, "validation.too_many").default([]),
  addresses: z.array(clientAddressSchema).max(MAX_ADDRESSES, "validation.too_many").default([]),
  preferredLocale: localeSchema.default("en"),
  nationalId: nationalIdSchema.nullish(),
  notes: z.string().max(MAX_NOTES_LENGTH, "validation.too_long").default(""),
  details: clientDetailsSchema.default({}),
});

/** A phone number checked and normalized to E.164 with the given country for national input. */
function phoneNumberSchemaFor(defaultCountry?: CountryCode) {
  return phoneInputSchema.transform((value, context) => {
    const e164 = normalizePhone(value, defaultCountry);
    if (e164 === null) {
      context.addIssue({ code: "custom", message: "validation.phone_invalid", input: value });
      return z.NEVER;
    }
    return e164;
  });
}

const NAME_FIELDS: ReadonlySet<PropertyKey> = new Set(["kind", "givenName", "familyName", "companyName"]);

/**
 * The client form and the create/update procedures. Phones are normalized to E.164 with the
 * office's country for numbers typed without a prefix; give none and only international
 * numbers pass. Every field problem is reported in one pass: a bad national id does not hide a
 * bad phone or a missing name.
 */
export function clientInputSchemaFor(defaultCountry?: CountryCode) {
  const phoneNumber = phoneNumberSchemaFor(defaultCountry);
  const details = clientDetailsSchema.extend({
    education: educationDetailsSchema
      .extend({
        guardians: z
          .array(guardianSchema.extend({ phone: blankAsAbsent(phoneNumber) }))
          .max(MAX_GUARDIANS, "validation.too_many")
          .default([]),
      })
      .optional(),
  });
  return clientFields
    .extend({
      officeId: clientFields.shape.officeId.transform((id) => id ?? null),
      phones: z
        .array(clientPhoneSchema.extend({ number: phoneNumber }))
        .max(MAX_PHONES, "validation.too_many")
        .default([]),
      nationalId: clientFields.shape.nationalId.transform((id) => id ?? null),
      details: details.default({}),
    })
    .superRefine(
      (client, context) => {
        if (client.kind === "person" && !client.givenName && !client.familyName) {
          context.addIssue({ code: "custom", path: ["familyName"], message: "validation.person_name_required" });
        }
        if (client.kind === "company" && !client.companyName) {
          context.addIssue({ code: "custom", path: ["companyName"], message: "validation.company_name_required" });
        }
      },
      {
        // Run beside other fields' problems, as long as the input is an object and the fields
        // this check reads are themselves valid.
        when: (payload) =>
          typeof payload.value === "object" &&
          payload.value !== null &&
          payload.issues.every((issue) => {
            const head = issue.path?.[0];
            return head !== undefined ? !NAME_FIELDS.has(head) : issue.code !== "invalid_type";
          }),
      },
    );
}

/** What staff submit; the shape before normalization. */
export const clientInputSchema = clientFields;
export type ClientInput = z.input<typeof clientFields>;
export type ClientData = z.output<ReturnType<typeof clientInputSchemaFor>>;

export const clientIdSchema = z.strictObject({ id: z.uuid("validation.id_invalid") });

export const clientCreateSchema = clientFields;
export const clientUpdateSchema = z.strictObject({
  id: z.uuid("validation.id_invalid"),
  /** The version the form was loaded at; a stale one is refused with CLIENT_VERSION_CONFLICT. */
  version: z.int().min(1),
  client: clientFields,
});
export type ClientUpdateInput = z.input<typeof clientUpdateSchema>;

export const CLIENT_STATUSES = ["active", "archived", "all"] as const;
export const clientSearchSchema = z.strictObject({
  query: z.string().trim().max(100, "validation.too_long").default(""),
  officeId: z.uuid("validation.id_invalid").optional(),
  status: z.enum(CLIENT_STATUSES).default("active"),
  limit: z.int().min(1).max(100).default(25),
  /** Opaque cursor from a previous page. */
  cursor: z.string().max(200).nullish(),
});
export type ClientSearchInput = z.input<typeof clientSearchSchema>;

/** How a client is shown: the company name, or the person's names. Takes parsed input or a stored `Client`. */
export function clientDisplayName(client: {
  kind: ClientKind;
  givenName?: string | null | undefined;
  familyName?: string | null | undefined;
  companyName?: string | null | undefined;
}): string {
  if (client.kind === "company") return client.companyName ?? "";
  return [client.givenName, client.familyName].filter(Boolean).join(" ");
}

/**
 * The folded text a client is found by: names, company, emails, phones (E.164 and national
 * digits), national id and VAT number.
 */
export function clientSearchText(client: ClientData): string {
  const parts = [
    clientDisplayName(client),
    client.companyName,
    client.details.business?.companyName,
    ...client.emails.map((email) => email.address),
    ...client.phones.flatMap((phone) => [phone.number, digitsOnly(phone.number)]),
    client.nationalId?.value,
    client.details.business?.vatNumber,
    client.details.education?.student?.studentNumber,
    ...(client.details.legal?.matters.map((matter) => matter.reference) ?? []),
  ];
  return foldForSearch(parts.filter(Boolean).join(" "));
}

/** A client as the API returns it. Instants are ISO 8601 strings. */
export interface Client {
  id: string;
  organizationId: string;
  officeId: string | null;
  kind: ClientKind;
  givenName: string | null;
  familyName: string | null;
  companyName: string | null;
  displayName: string;
  phones: ClientPhone[];
  emails: ClientEmail[];
  addresses: ClientAddress[];
  preferredLocale: Locale;
  nationalId: NationalId | null;
  notes: string;
  details: ClientDetails;
  version: number;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClientSummary {
  id: string;
  kind: ClientKind;
  displayName: string;
  officeId: string | null;
  primaryPhone: string | null;
  primaryEmail: string | null;
  nationalId: string | null;
  archivedAt: string | null;
  updatedAt: string;
}

export const AUDIT_ACTIONS = ["create", "update", "archive", "restore", "delete"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One recorded change: who, when, and each field's value before and after. */
export interface AuditEntry {
  id: string;
  action: AuditAction;
  at: string;
  actor: { id: string; displayName: string } | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}
