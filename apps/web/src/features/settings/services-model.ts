import { serviceInputSchema, serviceUpdateSchema, toFieldIssues, type FieldIssue, type Service, type ServiceInput, type ServiceUpdateInput } from "@frontoffice/domain";
import type { AppErrorCode } from "../../lib/errors";
import { mapIssues, type FormErrors } from "./office-form-model";

/** What the service form holds: numbers as typed, the price in major units ("45,50"). */
export interface ServiceFormValues {
  name: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  price: string;
  staffIds: string[];
  /** Rooms it needs one of; none: no room. */
  resourceIds: string[];
}
export type ServiceField = keyof ServiceFormValues;

export const EMPTY_SERVICE: ServiceFormValues = { name: "", durationMinutes: "30", bufferBeforeMinutes: "0", bufferAfterMinutes: "0", price: "", staffIds: [], resourceIds: [] };

const FIELD_BY_PATH: Readonly<Record<string, ServiceField>> = {
  name: "name",
  durationMinutes: "durationMinutes",
  bufferBeforeMinutes: "bufferBeforeMinutes",
  bufferAfterMinutes: "bufferAfterMinutes",
  priceMinor: "price",
  staffIds: "staffIds",
  resourceIds: "resourceIds",
};

/** How many minor units a currency has (2 for EUR, 0 for JPY), from Intl. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** A price in minor units, formatted in the office's currency and the reader's language. */
export function formatPrice(locale: string, priceMinor: number | null, currency: string): string | null {
  if (priceMinor === null) return null;
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(priceMinor / 10 ** digits);
}

/**
 * A typed price in minor units: "45", "45,5", "45.50" → 4550 for EUR; blank → null (free or not
 * priced); anything else → NaN, which the schema refuses as invalid.
 */
export function parsePrice(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(/\s/g, "");
  if (!trimmed) return null;
  const digits = currencyDigits(currency);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(trimmed);
  if (!match) return Number.NaN;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return Number.NaN;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

const minutes = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim()));

/** The price shown in the form for a stored price ("45.50" becomes "45,50" in Spanish). */
export function priceToText(locale: string, priceMinor: number | null, currency: string): string {
  if (priceMinor === null) return "";
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(priceMinor / 10 ** digits);
}

export function serviceToForm(locale: string, service: Service): ServiceFormValues {
  return {
    name: service.name,
    durationMinutes: String(service.durationMinutes),
    bufferBeforeMinutes: String(service.bufferBeforeMinutes),
    bufferAfterMinutes: String(service.bufferAfterMinutes),
    price: priceToText(locale, service.priceMinor, service.currency),
    staffIds: [...service.staffIds],
    resourceIds: [...service.resourceIds],
  };
}

/** What `services.create` takes. */
export function toServiceInput(officeId: string, values: ServiceFormValues, currency: string): ServiceInput {
  return {
    officeId,
    name: values.name,
    durationMinutes: minutes(values.durationMinutes),
    bufferBeforeMinutes: minutes(values.bufferBeforeMinutes || "0"),
    bufferAfterMinutes: minutes(values.bufferAfterMinutes || "0"),
    priceMinor: parsePrice(values.price, currency),
    staffIds: values.staffIds,
    resourceIds: values.resourceIds,
  };
}

/** What `services.update` takes: every field, so the saved service is what the form shows. */
export function toServiceUpdate(id: string, values: ServiceFormValues, currency: string): ServiceUpdateInput {
  const { officeId: _officeId, ...fields } = toServiceInput("", values, currency);
  return { id, ...fields };
}

/** Checks the form with the schema the server uses (create when `id` is absent, update otherwise). */
export function serviceFormErrors(target: { officeId: string } | { id: string }, values: ServiceFormValues, currency: string): FormErrors<ServiceField> {
  const parsed =
    "id" in target ? serviceUpdateSchema.safeParse(toServiceUpdate(target.id, values, currency)) : serviceInputSchema.safeParse(toServiceInput(target.officeId, values, currency));
  if (parsed.success) return { fields: {}, general: [] };
  const errors = mapIssues(toFieldIssues(parsed.error.issues), FIELD_BY_PATH);
  // Ids are ours, not the user's: a bad one is a general problem, never beside a field they can fix.
  return errors;
}

/** Where a refusal of the server belongs: field issues beside their fields; anything else for the whole form. */
export function serviceServerErrors(code: AppErrorCode, issues: readonly FieldIssue[]): FormErrors<ServiceField> | undefined {
  if (code === "VALIDATION_FAILED" && issues.length) {
    // A staff id inside the list (`staffIds.0`) belongs to the staff choice.
    const normalized = issues.map((issue) => (issue.path[0] === "staffIds" ? { ...issue, path: ["staffIds"] } : issue));
    return mapIssues(normalized, FIELD_BY_PATH);
  }
  return undefined;
}
