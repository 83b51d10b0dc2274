import type { Locale } from "@frontoffice/domain";
import { isLocale, pickInterfaceLocale } from "./locales";
import { en } from "./en";
import type { MessageValue } from "./types";

export type Messages = Readonly<Record<string, MessageValue>>;

/** Each language named in itself, so anyone can find their own. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  es: "Español",
  it: "Italiano",
};

export { isLocale };

const STORAGE_KEY = "frontoffice.locale";
const loaded = new Map<Locale, Messages>([["en", en]]);

/** English ships in the first bundle; Spanish and Italian load on demand (a few kB each). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const messages: Messages = locale === "es" ? (await import("./es")).es : locale === "it" ? (await import("./it")).it : en;
  loaded.set(locale, messages);
  return messages;
}

/** Before sign-in: the language chosen on this computer, else the browser's. */
export function detectLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled; fall through to the browser's languages.
  }
  return pickInterfaceLocale(typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language]);
}

export function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the choice lasts for this page only.
  }
}
