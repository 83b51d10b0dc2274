import { useMemo, type ComponentProps } from "react";
import { useI18n } from "../i18n";
import { countriesFor } from "../lib/countries";
import { Select } from "./ui";

export function CountrySelect(props: Omit<ComponentProps<typeof Select>, "children">) {
  const { t, locale } = useI18n();
  const countries = useMemo(() => countriesFor(locale), [locale]);
  return (
    <Select {...props}>
      <option value="">{t("address.chooseCountry")}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </Select>
  );
}
