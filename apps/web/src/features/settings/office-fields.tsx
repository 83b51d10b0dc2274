import { OFFICE_KINDS, type FieldIssue, type Locale } from "@frontoffice/domain";
import { useMemo, type ReactNode } from "react";
import { CountrySelect } from "../../components/country-select";
import { LocaleSelect } from "../../components/locale-select";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { Field, FieldGroup, Input, Select, type ControlProps } from "../../components/ui";
import { useI18n } from "../../i18n";
import type { OfficeField, OfficeFormValues } from "./office-form-model";

function currencies(locale: Locale, current: string): { code: string; name: string }[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : ["EUR", "USD", "GBP"];
  const codes = current && !known.includes(current) ? [current, ...known] : known;
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  return codes.map((code) => ({ code, name: names.of(code) ?? code }));
}

/**
 * The fields of an office: what it is, its language, time zone, currency, fiscal identity,
 * contact details and address. First-run setup and the settings' office form both show these.
 */
export function OfficeFields<Values extends OfficeFormValues>({
  values,
  errors,
  onChange,
  legend,
  kindLocked = false,
  onLocaleChange,
}: {
  /** The office's values, or a larger form's that includes them (setup's). */
  values: Values;
  errors: Partial<Record<OfficeField, FieldIssue>>;
  onChange: <K extends OfficeField>(key: K, value: Values[K]) => void;
  legend: ReactNode;
  /** An existing office keeps its kind: shown, not editable. */
  kindLocked?: boolean;
  /** Called after the office's language changes (setup also switches the interface to it). */
  onLocaleChange?: (locale: Locale) => void;
}) {
  const { t, locale } = useI18n();
  const currencyOptions = useMemo(() => currencies(locale, values.currency), [locale, values.currency]);

  const error = (key: OfficeField) => {
    const issue = errors[key];
    return t.issue(issue);
  };
  const text = (key: OfficeField, props: { type?: string; autoComplete?: string; inputMode?: "email" | "tel" } = {}) =>
    function Control(control: ControlProps) {
      return <Input {...control} {...props} value={values[key]} onChange={(event) => onChange(key, event.target.value as Values[typeof key])} />;
    };

  return (
    <>
      <FieldGroup legend={legend}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("office.name")} error={error("name")}>
            {text("name")}
          </Field>
          <Field label={t("office.kind")} hint={kindLocked ? t("office.kindFixed") : undefined} error={error("kind")}>
            {(control) => (
              <Select {...control} value={values.kind} disabled={kindLocked} onChange={(event) => onChange("kind", event.target.value as Values["kind"])}>
                {OFFICE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`officeKind.${kind}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("office.locale")} error={error("locale")}>
            {(control) => (
              <LocaleSelect
                {...control}
                value={values.locale}
                onValueChange={(next) => {
                  onChange("locale", next as Values["locale"]);
                  onLocaleChange?.(next);
                }}
              />
            )}
          </Field>
          <Field label={t("office.timeZone")} error={error("timeZone")}>
            {(control) => <TimeZoneSelect {...control} value={values.timeZone} onChange={(event) => onChange("timeZone", event.target.value as Values["timeZone"])} />}
          </Field>
          <Field label={t("office.currency")} error={error("currency")}>
            {(control) => (
              <Select {...control} value={values.currency} onChange={(event) => onChange("currency", event.target.value as Values["currency"])}>
                {currencyOptions.map((currency) => (
                  <option key={currency.code} value={currency.code}>
                    {currency.code} — {currency.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("office.fiscalName")} hint={t("office.fiscalNameHint")} error={error("fiscalName")}>
            {text("fiscalName")}
          </Field>
          <Field label={t("office.taxId")} hint={t("office.taxIdHint")} error={error("taxId")}>
            {text("taxId")}
          </Field>
          <Field label={t("office.phone")} optional error={error("phone")}>
            {text("phone", { type: "tel", inputMode: "tel", autoComplete: "tel" })}
          </Field>
          <Field label={t("office.email")} optional error={error("email")}>
            {text("email", { type: "email", inputMode: "email", autoComplete: "email" })}
          </Field>
        </div>
      </FieldGroup>

      <FieldGroup legend={t("office.address")}>
        <div className="grid gap-4 sm:grid-cols-6">
          <Field className="sm:col-span-4" label={t("address.line1")} error={error("line1")}>
            {text("line1", { autoComplete: "address-line1" })}
          </Field>
          <Field className="sm:col-span-2" label={t("address.line2")} optional error={error("line2")}>
            {text("line2", { autoComplete: "address-line2" })}
          </Field>
          <Field className="sm:col-span-2" label={t("address.postalCode")} optional error={error("postalCode")}>
            {text("postalCode", { autoComplete: "postal-code" })}
          </Field>
          <Field className="sm:col-span-2" label={t("address.city")} error={error("city")}>
            {text("city", { autoComplete: "address-level2" })}
          </Field>
          <Field className="sm:col-span-2" label={t("address.region")} optional error={error("region")}>
            {text("region", { autoComplete: "address-level1" })}
          </Field>
          <Field className="sm:col-span-3" label={t("address.country")} error={error("country")}>
            {(control) => <CountrySelect {...control} value={values.country} onChange={(event) => onChange("country", event.target.value as Values["country"])} />}
          </Field>
        </div>
      </FieldGroup>
    </>
  );
}
