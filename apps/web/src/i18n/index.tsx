import type { Locale } from "@frontoffice/domain";
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import { loadMessages, rememberLocale, type Messages } from "./messages";
import { createTranslator, type Translator } from "./translate";

export { INTERFACE_LOCALES } from "./locales";
export { LOCALE_NAMES, detectLocale, isLocale, loadMessages } from "./messages";
export type { MessageKey } from "./en";
export type { Translator } from "./translate";

export interface I18n {
  locale: Locale;
  t: Translator;
  /** Switches the interface language (loads it first if needed) and remembers it on this computer. */
  setLocale: (locale: Locale) => Promise<void>;
  /** A calendar date `YYYY-MM-DD` (no time zone shift). */
  formatDate: (isoDate: string, style?: "medium" | "long") => string;
  /** An instant, in the given IANA time zone (the staff member's) or the browser's. */
  formatDateTime: (iso: string, timeZone?: string) => string;
  /** The day of an instant, in the given IANA time zone or the browser's. */
  formatDay: (iso: string, timeZone?: string) => string;
  formatNumber: (value: number) => string;
  formatList: (items: readonly string[]) => string;
  /** A country's name in the interface language, from its ISO 3166 code. */
  regionName: (code: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function createI18n(locale: Locale, messages: Messages, setLocale: I18n["setLocale"]): I18n {
  const dateFormats = {
    medium: new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
    long: new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }),
  };
  const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
  const formatInstant = (iso: string, timeZone: string | undefined, withTime: boolean) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const key = `${timeZone ?? ""}|${withTime}`;
    let format = dateTimeFormats.get(key);
    if (!format) {
      const options: Intl.DateTimeFormatOptions = withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" };
      try {
        format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      } catch {
        format = new Intl.DateTimeFormat(locale, options);
      }
      dateTimeFormats.set(key, format);
    }
    return format.format(date);
  };
  const numbers = new Intl.NumberFormat(locale);
  const lists = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  const regions = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  return {
    locale,
    t: createTranslator(locale, messages),
    setLocale,
    formatDate(isoDate, style = "medium") {
      const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(date.getTime()) ? isoDate : dateFormats[style].format(date);
    },
    formatDateTime: (iso, timeZone) => formatInstant(iso, timeZone, true),
    formatDay: (iso, timeZone) => formatInstant(iso, timeZone, false),
    formatNumber: (value) => numbers.format(value),
    formatList: (items) => lists.format(items),
    regionName: (code) => {
      try {
        return regions.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export function I18nProvider({
  initialLocale,
  initialMessages,
  children,
}: {
  initialLocale: Locale;
  initialMessages: Messages;
  children: ReactNode;
}) {
  const [state, setState] = useState({ locale: initialLocale, messages: initialMessages });

  const setLocale = useCallback(async (locale: Locale) => {
    const messages = await loadMessages(locale);
    rememberLocale(locale);
    setState((current) => (current.locale === locale ? current : { locale, messages }));
  }, []);

  useEffect(() => {
    document.documentElement.lang = state.locale;
  }, [state.locale]);

  const value = useMemo(() => createI18n(state.locale, state.messages, setLocale), [state, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error("useI18n needs an <I18nProvider>");
  return i18n;
}

/** The translator alone, for components that only need text. */
export function useT(): Translator {
  return useI18n().t;
}
