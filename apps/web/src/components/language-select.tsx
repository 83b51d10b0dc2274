import type { Locale } from "@frontoffice/domain";
import { INTERFACE_LOCALES, LOCALE_NAMES, isLocale, useI18n } from "../i18n";
import { Select } from "./ui";

/** The language picker of the pages before sign-in; remembered on this computer. */
export function LanguageSelect({ onChange }: { onChange?: (locale: Locale) => void }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-slate-500">
        <path d="M10 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm5.9 7h-2.5a12.6 12.6 0 0 0-1.2-4.9A6.5 6.5 0 0 1 15.9 9ZM10 3.6c.7.9 1.7 2.8 1.9 5.4H8.1c.2-2.6 1.2-4.5 1.9-5.4ZM7.8 4.1A12.6 12.6 0 0 0 6.6 9H4.1a6.5 6.5 0 0 1 3.7-4.9ZM4.1 11h2.5c.1 1.8.5 3.5 1.2 4.9A6.5 6.5 0 0 1 4.1 11Zm5.9 5.4c-.7-.9-1.7-2.8-1.9-5.4h3.8c-.2 2.6-1.2 4.5-1.9 5.4Zm2.2-.5c.7-1.4 1.1-3.1 1.2-4.9h2.5a6.5 6.5 0 0 1-3.7 4.9Z" />
      </svg>
      <span className="sr-only">{t("language.label")}</span>
      <Select
        className="h-9 w-auto py-1"
        value={locale}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          void setLocale(next);
          onChange?.(next);
        }}
      >
        {INTERFACE_LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LOCALE_NAMES[option]}
          </option>
        ))}
      </Select>
    </label>
  );
}
