import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

export type { CountryCode };

/**
 * Normalizes a phone number as typed by staff to E.164 (`+34612345678`), using the office's
 * country for numbers written without an international prefix. Returns null when the number is
 * not a possible, valid number.
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): string | null {
  const trimmed = input.trim();
  if (!/^[+\d\s().\-/]{3,32}$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** Formats an E.164 number for display in its own country's convention. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
