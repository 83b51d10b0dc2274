import { LOCALES, type Locale } from "@frontoffice/domain";
import type { ComponentProps } from "react";
import { LOCALE_NAMES, isLocale } from "../i18n";
import { Select } from "./ui";

/** A native select of the languages Frontoffice speaks, each named in itself. */
export function LocaleSelect({
  value,
  onValueChange,
  ...props
}: Omit<ComponentProps<typeof Select>, "children" | "value" | "onChange"> & { value: Locale; onValueChange: (locale: Locale) => void }) {
  return (
    <Select
      {...props}
      value={value}
      onChange={(event) => {
        if (isLocale(event.target.value)) onValueChange(event.target.value);
      }}
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {LOCALE_NAMES[option]}
        </option>
      ))}
    </Select>
  );
}
