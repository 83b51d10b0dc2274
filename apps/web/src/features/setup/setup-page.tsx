import { LOCALES, MIN_PASSWORD_LENGTH, OFFICE_KINDS, type FieldIssue } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { CountrySelect } from "../../components/country-select";
import { PublicLayout } from "../../components/public-layout";
import { Alert, Button, Card, CardContent, Field, FieldGroup, Input, PageSpinner, Select, ErrorState } from "../../components/ui";
import { LOCALE_NAMES, isLocale, useI18n } from "../../i18n";
import { authClient } from "../../lib/auth-client";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { markSignedIn, type SignInState } from "../../lib/session-events";
import { useTRPC } from "../../lib/trpc";
import { PasswordInput } from "../auth/password-input";
import { initialSetupValues, mapSetupIssues, validateSetup, type SetupErrors, type SetupFormValues } from "./setup-model";

function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** First run: the organization, its first office and the owner's account in one form. */
export function SetupPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.setup.status.queryOptions(), staleTime: 0 });

  if (status.isPending) {
    return (
      <PublicLayout>
        <PageSpinner label={t("app.loading")} />
      </PublicLayout>
    );
  }
  if (status.isError) {
    return (
      <PublicLayout>
        <ErrorState title={t("setup.checkFailed")} message={errorMessage(t, status.error)} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      </PublicLayout>
    );
  }
  if (!status.data.needsSetup) return <Navigate to="/sign-in" replace />;
  return <SetupForm />;
}

function SetupForm() {
  const { t, locale, setLocale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState<SetupFormValues>(() =>
    initialSetupValues(locale, typeof navigator === "undefined" ? [] : navigator.languages ?? [], Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const [errors, setErrors] = useState<SetupErrors>({ fields: {}, general: [] });
  const [formError, setFormError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(trpc.setup.create.mutationOptions());

  const zones = useMemo(() => timeZones(values.timeZone), [values.timeZone]);
  const currencies = useMemo(() => {
    const codes = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : ["EUR", "USD", "GBP"];
    const names = new Intl.DisplayNames([locale], { type: "currency" });
    return codes.map((code) => ({ code, name: names.of(code) ?? code }));
  }, [locale]);

  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], [data-summary]")?.focus();
  }, [attempt]);

  const set = <K extends keyof SetupFormValues>(key: K, value: SetupFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!current.fields[key]) return current;
      const fields = { ...current.fields };
      delete fields[key];
      return { ...current, fields };
    });
  };
  const message = (issue: FieldIssue | undefined) => (issue ? t.dynamic(issue.key, issue.params, "validation.invalid") : null);
  const error = (key: keyof SetupFormValues) => message(errors.fields[key]);
  const text = (key: keyof SetupFormValues, props: { type?: string; autoComplete?: string; inputMode?: "email" | "tel" } = {}) =>
    function Control(control: Parameters<Parameters<typeof Field>[0]["children"]>[0]) {
      return <Input {...control} {...props} value={values[key]} onChange={(event) => set(key, event.target.value as never)} />;
    };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const { input, errors: found } = validateSetup(values);
    if (Object.keys(found.fields).length || found.general.length) {
      setErrors(found);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({ fields: {}, general: [] });
    setBusy(true);
    try {
      await create.mutateAsync(input);
    } catch (caught) {
      const code = errorCodeOf(caught);
      if (code === "VALIDATION_FAILED") setErrors(mapSetupIssues(fieldIssuesOf(caught)));
      if (code === "SETUP_ALREADY_DONE") {
        setFormError(
          <>
            {t("errors.SETUP_ALREADY_DONE")}{" "}
            <Link to="/sign-in" className="font-semibold underline">
              {t("auth.signIn.submit")}
            </Link>
          </>,
        );
      } else if (code !== "VALIDATION_FAILED" || !fieldIssuesOf(caught).length) {
        setFormError(errorMessage(t, caught));
      }
      setAttempt((count) => count + 1);
      setBusy(false);
      return;
    }
    // The organization exists: sign the owner in with what they just chose.
    const signedIn = await authClient.signIn.email({ email: values.ownerEmail.trim(), password: values.password }).catch(() => null);
    queryClient.removeQueries();
    if (signedIn && !signedIn.error) {
      markSignedIn(true);
      await navigate("/", { replace: true });
    } else {
      const state: SignInState = { reason: "setupSignInFailed" };
      await navigate("/sign-in", { replace: true, state });
    }
  };

  const count = Object.keys(errors.fields).length + errors.general.length;

  return (
    <PublicLayout wide>
      <title>{`${t("setup.title")} · ${t("app.name")}`}</title>
      <div className="space-y-2 py-4">
        <h1 className="text-2xl font-semibold text-slate-900">{t("setup.title")}</h1>
        <p className="text-sm text-slate-700">{t("setup.intro")}</p>
      </div>
      <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
        {count || formError ? (
          <div data-summary tabIndex={-1} className="focus:outline-none">
            <Alert tone="error" title={count ? t("form.fixErrors", { count }) : undefined}>
              {formError}
              {errors.general.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {errors.general.map((issue, index) => (
                    <li key={index}>{message(issue)}</li>
                  ))}
                </ul>
              ) : null}
            </Alert>
          </div>
        ) : null}

        <Card>
          <CardContent className="space-y-8 py-6">
            <FieldGroup legend={t("setup.organization")}>
              <Field label={t("setup.organizationName")} error={error("organizationName")}>
                {text("organizationName", { autoComplete: "organization" })}
              </Field>
            </FieldGroup>

            <FieldGroup legend={t("setup.office")}>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label={t("setup.officeName")} error={error("officeName")}>
                  {text("officeName")}
                </Field>
                <Field label={t("setup.officeKind")} error={error("kind")}>
                  {(control) => (
                    <Select {...control} value={values.kind} onChange={(event) => set("kind", event.target.value as SetupFormValues["kind"])}>
                      {OFFICE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`officeKind.${kind}`)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t("setup.officeLocale")} error={error("locale")}>
                  {(control) => (
                    <Select
                      {...control}
                      value={values.locale}
                      onChange={(event) => {
                        const next = event.target.value;
                        if (!isLocale(next)) return;
                        set("locale", next);
                        if (next !== locale) void setLocale(next);
                      }}
                    >
                      {LOCALES.map((option) => (
                        <option key={option} value={option} lang={option}>
                          {LOCALE_NAMES[option]}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t("setup.timeZone")} error={error("timeZone")}>
                  {(control) => (
                    <Select {...control} value={values.timeZone} onChange={(event) => set("timeZone", event.target.value)}>
                      {zones.map((zone) => (
                        <option key={zone} value={zone}>
                          {zone.replaceAll("_", " ")}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t("setup.currency")} error={error("currency")}>
                  {(control) => (
                    <Select {...control} value={values.currency} onChange={(event) => set("currency", event.target.value)}>
                      {currencies.map((currency) => (
                        <option key={currency.code} value={currency.code}>
                          {currency.code} — {currency.name}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field label={t("setup.fiscalName")} hint={t("setup.fiscalNameHint")} error={error("fiscalName")}>
                  {text("fiscalName")}
                </Field>
                <Field label={t("setup.taxId")} hint={t("setup.taxIdHint")} error={error("taxId")}>
                  {text("taxId")}
                </Field>
                <Field label={t("setup.officePhone")} optional error={error("officePhone")}>
                  {text("officePhone", { type: "tel", inputMode: "tel", autoComplete: "tel" })}
                </Field>
                <Field label={t("setup.officeEmail")} optional error={error("officeEmail")}>
                  {text("officeEmail", { type: "email", inputMode: "email", autoComplete: "email" })}
                </Field>
              </div>
            </FieldGroup>

            <FieldGroup legend={t("setup.address")}>
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
                  {(control) => <CountrySelect {...control} value={values.country} onChange={(event) => set("country", event.target.value)} />}
                </Field>
              </div>
            </FieldGroup>

            <FieldGroup legend={t("setup.owner")} description={t("setup.ownerHint")}>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label={t("setup.ownerName")} error={error("ownerName")}>
                  {text("ownerName", { autoComplete: "name" })}
                </Field>
                <Field label={t("setup.ownerEmail")} error={error("ownerEmail")}>
                  {text("ownerEmail", { type: "email", inputMode: "email", autoComplete: "username" })}
                </Field>
                <Field label={t("setup.ownerPassword")} hint={t("setup.passwordHint", { min: MIN_PASSWORD_LENGTH })} error={error("password")}>
                  {(control) => <PasswordInput {...control} autoComplete="new-password" value={values.password} onChange={(event) => set("password", event.target.value)} />}
                </Field>
                <Field label={t("setup.ownerPasswordRepeat")} error={error("passwordRepeat")}>
                  {(control) => <PasswordInput {...control} autoComplete="new-password" value={values.passwordRepeat} onChange={(event) => set("passwordRepeat", event.target.value)} />}
                </Field>
              </div>
            </FieldGroup>
          </CardContent>
        </Card>
        <div className="flex justify-end gap-2">
          <Button type="submit" loading={busy}>
            {busy ? t("setup.submitting") : t("setup.submit")}
          </Button>
        </div>
      </form>
    </PublicLayout>
  );
}
