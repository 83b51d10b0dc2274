import { z } from "zod";
import { localeSchema, type Locale } from "./locale.js";
import { isValidCodiceFiscale, isValidNif, isValidPartitaIva, normalizeIdentifier } from "./national-id.js";

export const OFFICE_KINDS = ["medical", "legal", "education", "small_business"] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];
export const officeKindSchema = z.enum(OFFICE_KINDS, { error: "validation.office_kind_invalid" });

/** True for an IANA time zone name the runtime knows (`Europe/Madrid`), false otherwise. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value) && value !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1, { error: "validation.required", abort: true })
  .refine(isTimeZone, "validation.time_zone_invalid");

/** ISO 4217 currency codes the runtime can format. */
export function isCurrency(value: string): boolean {
  if (!/^[A-Z]{3}$/.test(value)) return false;
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return known ? known("currency").includes(value) : true;
}

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, "validation.currency_invalid");

export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "validation.country_invalid");

export const addressSchema = z.strictObject({
  line1: z.string().trim().min(1, "validation.required").max(200, "validation.too_long"),
  line2: z.string().trim().max(200, "validation.too_long").optional(),
  city: z.string().trim().min(1, "validation.required").max(100, "validation.too_long"),
  postalCode: z.string().trim().max(20, "validation.too_long").optional(),
  region: z.string().trim().max(100, "validation.too_long").optional(),
  country: countryCodeSchema,
});
export type Address = z.infer<typeof addressSchema>;

export const departmentInputSchema = z.strictObject({
  name: z.string().trim().min(1, "validation.required").max(100, "validation.too_long"),
  extension: z
    .string()
    .trim()
    .regex(/^\d{2,6}$/, "validation.extension_invalid")
    .optional(),
});
export type DepartmentInput = z.infer<typeof departmentInputSchema>;

/** An organization's name, as set up on first run and renamed later. */
export const organizationNameSchema = z.string().trim().min(1, "validation.required").max(120, "validation.too_long");

export const organizationUpdateSchema = z.strictObject({ name: organizationNameSchema });
export type OrganizationUpdateInput = z.input<typeof organizationUpdateSchema>;

/** Tax numbers of countries we cannot check by checksum: letters and digits, with at least one digit. */
const TAX_ID_SHAPE = /^(?=.*\d)[A-Z0-9]{4,20}$/;

/**
 * Whether `value` is a plausible tax id for an organization in `country` (ISO 3166 alpha-2).
 * Spain: a NIF (DNI, NIE or CIF), optionally written as a VAT number with `ES`. Italy: a
 * partita IVA, optionally with `IT`, or the codice fiscale of a professional working in their
 * own name. Elsewhere only the shape: 4-20 letters and digits once spaces, dots, dashes and
 * slashes are dropped (an EIN `04-1234567`, an Irish VAT number `IE1234567W`).
 */
export function isValidTaxId(country: string, value: string): boolean {
  const id = normalizeIdentifier(value);
  switch (country.trim().toUpperCase()) {
    case "ES":
      return isValidNif(id.replace(/^ES(?=[0-9A-Z]{9}$)/, ""));
    case "IT": {
      const plain = id.replace(/^IT(?=\d{11}$)/, "");
      return isValidPartitaIva(plain) || isValidCodiceFiscale(plain);
    }
    default:
      return TAX_ID_SHAPE.test(id);
  }
}

/** Every field of an office, before the checks that look at two fields together. */
const officeFields = z.strictObject({
  name: z.string().trim().min(1, "validation.required").max(120, "validation.too_long"),
  kind: officeKindSchema,
  locale: localeSchema,
  timeZone: timeZoneSchema,
  currency: currencySchema,
  fiscalName: z.string().trim().min(1, "validation.required").max(200, "validation.too_long"),
  taxId: z.string().trim().min(2, "validation.tax_id_invalid").max(32, "validation.too_long"),
  address: addressSchema,
  phone: z.string().trim().max(32, "validation.too_long").optional(),
  email: z.email("validation.email_invalid").optional(),
});

/**
 * Adds the tax id check, which needs the address's country. It runs beside the other fields'
 * problems (every problem is reported at once) whenever the tax id and country are themselves
 * well formed.
 */
function withTaxIdForCountry<T extends z.ZodType<{ taxId: string; address: { country: string } }>>(schema: T) {
  return schema.superRefine(
    (office, context) => {
      if (!isValidTaxId(office.address.country, office.taxId)) {
        context.addIssue({ code: "custom", path: ["taxId"], message: "validation.tax_id_invalid", input: office.taxId });
      }
    },
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        payload.issues.every((issue) => {
          const [head, next] = issue.path ?? [];
          if (head === undefined) return issue.code !== "invalid_type";
          return head !== "taxId" && !(head === "address" && (next === "country" || next === undefined));
        }),
    },
  );
}

/** A new office: setup's first one and `offices.create`. */
export const officeInputSchema = withTaxIdForCountry(officeFields);
export type OfficeInput = z.infer<typeof officeInputSchema>;

/**
 * What can change on an existing office: everything but its kind, which decides the section of
 * the client form its clients' details were recorded in and its preset departments.
 */
export const officeDetailsSchema = withTaxIdForCountry(officeFields.omit({ kind: true }));
export type OfficeDetailsInput = z.infer<typeof officeDetailsSchema>;

export const officeUpdateSchema = z.strictObject({
  id: z.uuid("validation.id_invalid"),
  office: officeDetailsSchema,
});
export type OfficeUpdateInput = z.input<typeof officeUpdateSchema>;

/** A new department of an office; names and extensions are unique within the office. */
export const departmentCreateSchema = departmentInputSchema.extend({ officeId: z.uuid("validation.id_invalid") });
export type DepartmentCreateInput = z.input<typeof departmentCreateSchema>;

/** Renames a department or changes its extension; leaving the extension out removes it. */
export const departmentUpdateSchema = departmentInputSchema.extend({ id: z.uuid("validation.id_invalid") });
export type DepartmentUpdateInput = z.input<typeof departmentUpdateSchema>;

export const departmentIdSchema = z.strictObject({ id: z.uuid("validation.id_invalid") });

/** The slot steps forms offer (any divisor of a day from 5 to 240 minutes is accepted). */
export const SLOT_STEP_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240] as const;

/** An office's booking rules: how far ahead, how much notice, and the slot grid. */
export const officeBookingPolicySchema = z.strictObject({
  /** Clients may book up to this many days ahead. */
  bookingWindowDays: z.int("validation.invalid").min(1, "validation.too_small").max(730, "validation.too_big"),
  /** A booking must start at least this many minutes after it is made. */
  minimumNoticeMinutes: z.int("validation.invalid").min(0, "validation.too_small").max(10_080, "validation.too_big"),
  /** Slots start every so many minutes from local midnight; null: from each service's duration. */
  slotStepMinutes: z
    .int("validation.invalid")
    .min(5, "validation.too_small")
    .max(240, "validation.too_big")
    .refine((minutes) => 1440 % minutes === 0, "validation.step_not_day_divisor")
    .nullable(),
});
export type OfficeBookingPolicy = z.infer<typeof officeBookingPolicySchema>;

/** What a new office starts with (the columns' defaults). */
export const DEFAULT_OFFICE_BOOKING_POLICY: OfficeBookingPolicy = { bookingWindowDays: 90, minimumNoticeMinutes: 0, slotStepMinutes: null };

export const officeBookingPolicyUpdateSchema = z.strictObject({
  id: z.uuid("validation.id_invalid"),
  policy: officeBookingPolicySchema,
});
export type OfficeBookingPolicyUpdateInput = z.input<typeof officeBookingPolicyUpdateSchema>;

export interface Department {
  id: string;
  officeId: string;
  name: string;
  extension: string | null;
}

export interface Office {
  id: string;
  organizationId: string;
  name: string;
  kind: OfficeKind;
  locale: Locale;
  timeZone: string;
  currency: string;
  fiscalName: string;
  taxId: string;
  address: Address;
  phone: string | null;
  email: string | null;
  departments: Department[];
  bookingPolicy: OfficeBookingPolicy;
}

export interface OfficePreset {
  /** Departments created with a new office, named in the office's language. */
  departments: Record<Locale, DepartmentInput[]>;
  /** Which per-kind client section the office's forms show. */
  clientDetails: "medical" | "legal" | "education" | "business";
}

/** Sensible starting points for each kind of office; staff can rename and add later. */
export const OFFICE_PRESETS: Readonly<Record<OfficeKind, OfficePreset>> = {
  medical: {
    clientDetails: "medical",
    departments: {
      en: [
        { name: "Reception", extension: "100" },
        { name: "Appointments", extension: "101" },
        { name: "Billing and insurance", extension: "102" },
        { name: "Medical records", extension: "103" },
      ],
      es: [
        { name: "Recepción", extension: "100" },
        { name: "Citas", extension: "101" },
        { name: "Facturación y seguros", extension: "102" },
        { name: "Historias clínicas", extension: "103" },
      ],
      it: [
        { name: "Accettazione", extension: "100" },
        { name: "Prenotazioni", extension: "101" },
        { name: "Amministrazione e assicurazioni", extension: "102" },
        { name: "Cartelle cliniche", extension: "103" },
      ],
    },
  },
  legal: {
    clientDetails: "legal",
    departments: {
      en: [
        { name: "Reception", extension: "200" },
        { name: "Litigation", extension: "201" },
        { name: "Corporate", extension: "202" },
        { name: "Records", extension: "203" },
      ],
      es: [
        { name: "Recepción", extension: "200" },
        { name: "Litigios", extension: "201" },
        { name: "Mercantil", extension: "202" },
        { name: "Archivo", extension: "203" },
      ],
      it: [
        { name: "Segreteria", extension: "200" },
        { name: "Contenzioso", extension: "201" },
        { name: "Societario", extension: "202" },
        { name: "Archivio", extension: "203" },
      ],
    },
  },
  education: {
    clientDetails: "education",
    departments: {
      en: [
        { name: "Front office", extension: "300" },
        { name: "Admissions", extension: "301" },
        { name: "Student records", extension: "302" },
        { name: "Accounts", extension: "303" },
      ],
      es: [
        { name: "Secretaría", extension: "300" },
        { name: "Admisiones", extension: "301" },
        { name: "Expedientes", extension: "302" },
        { name: "Administración", extension: "303" },
      ],
      it: [
        { name: "Segreteria", extension: "300" },
        { name: "Iscrizioni", extension: "301" },
        { name: "Segreteria didattica", extension: "302" },
        { name: "Amministrazione", extension: "303" },
      ],
    },
  },
  small_business: {
    clientDetails: "business",
    departments: {
      en: [
        { name: "Front desk", extension: "400" },
        { name: "Sales", extension: "401" },
        { name: "Accounts", extension: "402" },
      ],
      es: [
        { name: "Atención al cliente", extension: "400" },
        { name: "Ventas", extension: "401" },
        { name: "Contabilidad", extension: "402" },
      ],
      it: [
        { name: "Accoglienza", extension: "400" },
        { name: "Vendite", extension: "401" },
        { name: "Contabilità", extension: "402" },
      ],
    },
  },
};
