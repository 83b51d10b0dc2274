import { LOCALES } from "@frontoffice/domain";
import { LOCALE_NAMES } from "../../i18n";

/** The three languages an answer can be written and searched in, each named in itself. */
export function LanguageOptions() {
  return (
    <>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </>
  );
}
