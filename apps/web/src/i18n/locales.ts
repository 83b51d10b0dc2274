import type { Locale } from "@frontoffice/domain";

/**
 * The interface languages, as in domain's LOCALES. Kept here so the first bundle does not pull
 * in zod through domain's locale schema (a test checks both lists agree).
 */
export const INTERFACE_LOCALES = ["en", "es", "it"] as const satisfies readonly Locale[];

// Fails to compile if domain gains a locale this list lacks.
type Missing = Exclude<Locale, (typeof INTERFACE_LOCALES)[number]>;
export const everyLocaleCovered: [Missing] extends [never] ? true : never = true;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (INTERFACE_LOCALES as readonly string[]).includes(value);
}

/** domain's pickLocale: the first supported language among tags such as navigator.languages. */
export function pickInterfaceLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const language = tag.toLowerCase().split("-")[0];
    if (isLocale(language)) return language;
  }
  return "en";
}
