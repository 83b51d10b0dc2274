import { MIN_PASSWORD_LENGTH, type FieldIssue } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import { FormErrorSummary, useFocusFirstProblem } from "../../components/form-error-summary";
import { PublicLayout } from "../../components/public-layout";
import { Button, Card, CardContent, Field, FieldGroup, Input, PageSpinner, ErrorState, type ControlProps } from "../../components/ui";
import { useI18n } from "../../i18n";
import { authClient } from "../../lib/auth-client";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { markSignedIn, type SignInState } from "../../lib/session-events";
import { useTRPC } from "../../lib/trpc";
import { PasswordInput } from "../auth/password-input";
import { OfficeFields } from "../settings/office-fields";
import { clearField } from "../settings/office-form-model";
import { initialSetupValues, mapSetupIssues, validateSetup, type SetupErrors, type SetupFormValues } from "./setup-model";

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

  useFocusFirstProblem(formRef, attempt);

  const set = <K extends keyof SetupFormValues>(key: K, value: SetupFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => clearField(current, key));
  };
  const message = (issue: FieldIssue | undefined) => t.issue(issue);
  const error = (key: keyof SetupFormValues) => message(errors.fields[key]);
  const text = (key: keyof SetupFormValues, props: { type?: string; autoComplete?: string; inputMode?: "email" | "tel" } = {}) =>
    function Control(control: ControlProps) {
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
        <FormErrorSummary count={count} formError={formError} general={errors.general} />

        <Card>
          <CardContent className="space-y-8 py-6">
            <FieldGroup legend={t("setup.organization")}>
              <Field label={t("setup.organizationName")} error={error("organizationName")}>
                {text("organizationName", { autoComplete: "organization" })}
              </Field>
            </FieldGroup>

            <OfficeFields
              legend={t("setup.office")}
              values={values}
              errors={errors.fields}
              onChange={set}
              onLocaleChange={(next) => {
                if (next !== locale) void setLocale(next);
              }}
            />

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
