import { z } from "zod";

/** The languages the whole product speaks, from the first screen. */
export const LOCALES = ["en", "es", "it"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES, { error: "validation.locale_invalid" });

export const DEFAULT_LOCALE: Locale = "en";

/**
 * Picks the best supported locale for a list of language tags such as `navigator.languages`
 * (`es-ES`), or POSIX locale names (`it_IT.UTF-8`).
 */
export function pickLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const language = tag.trim().toLowerCase().split(/[-_.@]/)[0];
    const match = LOCALES.find((locale) => locale === language);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
