import type { FieldIssue, Locale } from "@frontoffice/domain";
import type { MessageKey } from "./en";
import type { MessageValue, Params, PluralMessage } from "./types";

export interface Translator {
  readonly locale: Locale;
  /** Translates a key; `{name}` placeholders are filled from params; `count` picks a plural form. */
  (key: MessageKey, params?: Params): string;
  /** For keys that arrive at run time (server issues): unknown ones use the fallback key. */
  dynamic(key: string, params?: Params, fallback?: MessageKey): string;
  has(key: string): boolean;
  /** The message for a field issue from a schema or the server; null when there is none. */
  issue(issue: Pick<FieldIssue, "key" | "params"> | null | undefined): string | null;
}

const PLACEHOLDER = /\{(\w+)\}/g;

function isPlural(value: MessageValue): value is PluralMessage {
  return typeof value === "object";
}

/**
 * Builds the `t` function for one locale. Numbers in params are formatted for the locale;
 * unknown keys fall back to the key itself (and a warning in development) so a screen never
 * goes blank.
 */
export function createTranslator(locale: Locale, messages: Readonly<Record<string, MessageValue>>): Translator {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);

  const translate = (key: string, params?: Params): string => {
    const value = Object.hasOwn(messages, key) ? messages[key] : undefined;
    if (value === undefined) {
      if (import.meta.env?.DEV) console.warn(`[i18n] missing key ${key} (${locale})`);
      return key;
    }
    let template: string;
    if (isPlural(value)) {
      const count = typeof params?.count === "number" ? params.count : 0;
      const category = plurals.select(count) as keyof PluralMessage;
      template = (count === 0 ? value.zero : undefined) ?? value[category] ?? value.other;
    } else {
      template = value;
    }
    if (!params) return template;
    return template.replace(PLACEHOLDER, (match, name: string) => {
      const param = params[name];
      if (param === undefined) return match;
      return typeof param === "number" ? numbers.format(param) : param;
    });
  };

  const has = (key: string) => Object.hasOwn(messages, key);
  const dynamic = (key: string, params?: Params, fallback?: MessageKey) =>
    has(key) || !fallback ? translate(key, params) : translate(fallback, params);
  return Object.assign((key: MessageKey, params?: Params) => translate(key, params), {
    locale,
    has,
    dynamic,
    issue: (issue: Pick<FieldIssue, "key" | "params"> | null | undefined) =>
      issue ? dynamic(issue.key, issue.params, "validation.invalid") : null,
  });
}

/** The placeholders a template uses, for checking translations against English. */
export function placeholdersOf(value: MessageValue): string[] {
  const texts = isPlural(value) ? Object.values(value).filter((text): text is string => typeof text === "string") : [value];
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names].sort();
}
