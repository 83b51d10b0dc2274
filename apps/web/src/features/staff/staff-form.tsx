import { MIN_PASSWORD_LENGTH, ROLES, type Office, type Role } from "@frontoffice/domain";
import { useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { FormErrorSummary, useFocusFirstProblem } from "../../components/form-error-summary";
import { LocaleSelect } from "../../components/locale-select";
import { TimeZoneSelect } from "../../components/time-zone-select";
import { Button, buttonClasses, Card, CardContent, CardHeader, CardTitle, Field, Input } from "../../components/ui";
import { useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import type { SubmitOutcome } from "../clients/client-form";
import { officeLabel } from "../clients/office-label";
import { hasErrors } from "../settings/office-form-model";
import { mayGrant, roleSummary } from "./roles";
import { TemporaryPasswordInput } from "./temporary-password-input";
import { mapStaffIssues, staffFormErrors, withOffices, type StaffField, type StaffFormErrors, type StaffFormMode, type StaffFormValues } from "./staff-form-model";

const NO_ERRORS: StaffFormErrors = { fields: {}, general: [] };

const checkboxClasses = "mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed";

/** A group of checkboxes with a legend, a hint and the group's error read out with each box. */
function CheckboxGroup({ legend, hint, error, children }: { legend: ReactNode; hint?: ReactNode; error: string | null; children: (describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-3" aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="-mt-2 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * Adding or editing a staff member: who they are, their roles (each with what it lets them do),
 * where they work, their language and time zone, and for someone new a temporary password. It
 * checks with the domain schema before sending and shows the server's problems beside the same
 * fields; nothing typed is lost when saving fails.
 */
export function StaffForm({
  mode,
  offices,
  initial,
  actorRoles,
  submitLabel,
  submittingLabel,
  banner,
  locked = false,
  onSubmit,
}: {
  mode: StaffFormMode;
  offices: readonly Office[];
  initial: StaffFormValues;
  /** The roles of whoever fills the form in: only owners may grant the owner role. */
  actorRoles: readonly Role[];
  submitLabel: string;
  submittingLabel: string;
  banner?: ReactNode;
  /** Shown but not editable (someone who may not change this person). */
  locked?: boolean;
  onSubmit: (values: StaffFormValues) => Promise<SubmitOutcome>;
}) {
  const { t, formatList } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<StaffFormErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstProblem(formRef, attempt);

  const error = (key: StaffField) => {
    const issue = errors.fields[key];
    return issue ? t.dynamic(issue.key, { min: MIN_PASSWORD_LENGTH, ...issue.params }, "validation.invalid") : null;
  };
  const update = (next: StaffFormValues, ...keys: StaffField[]) => {
    setValues(next);
    setErrors((current) => {
      if (!keys.some((key) => current.fields[key])) return current;
      const fields = { ...current.fields };
      for (const key of keys) delete fields[key];
      return { ...current, fields };
    });
  };
  const set = <K extends StaffField>(key: K, value: StaffFormValues[K]) => update({ ...values, [key]: value }, key);
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting || locked) return;
    setFormError(null);
    const found = staffFormErrors(values, mode);
    if (hasErrors(found)) {
      setErrors(found);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    try {
      const outcome = await onSubmit(values);
      if (!outcome.ok) {
        if (outcome.issues?.length) setErrors(mapStaffIssues(outcome.issues));
        setFormError(outcome.message ?? null);
        setAttempt((count) => count + 1);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const count = Object.keys(errors.fields).length + errors.general.length;
  const rolesError = error("roles");
  const officesError = error("officeIds") ?? error("departmentIds");

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      {banner}
      <FormErrorSummary count={count} formError={formError} general={errors.general} />
      <fieldset disabled={locked} className="space-y-4">
        <Card aria-labelledby="staff-person">
          <CardHeader>
            <CardTitle id="staff-person">{t("staffForm.person")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Field label={t("staffForm.displayName")} error={error("displayName")}>
              {(control) => <Input {...control} autoComplete="off" value={values.displayName} onChange={(event) => set("displayName", event.target.value)} />}
            </Field>
            <Field label={t("staffForm.email")} hint={mode === "update" ? t("staffForm.emailFixed") : undefined} error={error("email")}>
              {(control) => (
                <Input
                  {...control}
                  type="email"
                  inputMode="email"
                  autoComplete="off"
                  spellCheck={false}
                  disabled={mode === "update"}
                  value={values.email}
                  onChange={(event) => set("email", event.target.value)}
                />
              )}
            </Field>
            {mode === "create" ? (
              <div className="space-y-1.5 sm:col-span-2">
                <Field label={t("staff.temporaryPassword")} hint={t("staff.temporaryPassword.hint", { min: MIN_PASSWORD_LENGTH })} error={error("temporaryPassword")}>
                  {(control) => <TemporaryPasswordInput control={control} value={values.temporaryPassword} onChange={(value) => set("temporaryPassword", value)} />}
                </Field>
              </div>
            ) : null}
          </CardContent>
        </Card>

        <Card aria-labelledby="staff-roles">
          <CardHeader>
            <CardTitle id="staff-roles">{t("staffForm.roles")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CheckboxGroup legend={<span className="sr-only">{t("staffForm.roles")}</span>} hint={t("staffForm.rolesHint")} error={rolesError}>
              {(describedBy) => (
                <ul className="grid gap-3 sm:grid-cols-2">
                  {ROLES.map((role, index) => {
                    const grantable = mayGrant(actorRoles, role);
                    const summaryId = `role-${role}-summary`;
                    return (
                      <li key={role}>
                        <label className={cn("flex gap-3 rounded-md p-3 ring-1 ring-slate-200", grantable ? "cursor-pointer hover:bg-slate-50" : "bg-slate-50")}>
                          <input
                            type="checkbox"
                            className={checkboxClasses}
                            checked={values.roles.includes(role)}
                            disabled={!grantable}
                            aria-describedby={[summaryId, index === 0 ? describedBy : undefined].filter(Boolean).join(" ")}
                            aria-invalid={rolesError ? true : undefined}
                            onChange={(event) => set("roles", toggle(values.roles, role, event.target.checked))}
                          />
                          <span className="min-w-0">
                            <span className="block text-sm font-medium text-slate-900">{t(`role.${role}`)}</span>
                            <span id={summaryId} className="block text-xs text-slate-600">
                              {roleSummary(t, formatList, role)}
                              {grantable ? null : <span className="mt-0.5 block font-medium text-slate-700">{t("staffForm.ownerReserved")}</span>}
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
            </CheckboxGroup>
          </CardContent>
        </Card>

        <Card aria-labelledby="staff-where">
          <CardHeader>
            <CardTitle id="staff-where">{t("staffForm.where")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CheckboxGroup legend={<span className="sr-only">{t("staffForm.where")}</span>} hint={t("staffForm.whereHint")} error={officesError}>
              {(describedBy) => (
                <ul className="space-y-3">
                  {offices.map((office, index) => {
                    const chosen = values.officeIds.includes(office.id);
                    return (
                      <li key={office.id} className="rounded-md p-3 ring-1 ring-slate-200">
                        <label className="flex cursor-pointer gap-3">
                          <input
                            type="checkbox"
                            className={checkboxClasses}
                            checked={chosen}
                            aria-describedby={index === 0 ? describedBy : undefined}
                            aria-invalid={error("officeIds") ? true : undefined}
                            onChange={(event) => {
                              const next = withOffices(values, toggle(values.officeIds, office.id, event.target.checked), offices);
                              // The first office chosen suggests the time zone.
                              update(next.timeZone ? next : { ...next, timeZone: office.timeZone }, "officeIds", "departmentIds", "timeZone");
                            }}
                          />
                          <span className="text-sm font-medium text-slate-900">{officeLabel(office)}</span>
                        </label>
                        {chosen && office.departments.length ? (
                          <fieldset className="mt-2 ml-7">
                            <legend className="text-xs text-slate-600">{t("staffForm.departments", { office: office.name })}</legend>
                            <div className="mt-1 flex flex-wrap gap-x-5 gap-y-2">
                              {office.departments.map((department) => (
                                <label key={department.id} className="flex cursor-pointer items-center gap-2 text-sm text-slate-800">
                                  <input
                                    type="checkbox"
                                    className={cn(checkboxClasses, "mt-0")}
                                    checked={values.departmentIds.includes(department.id)}
                                    onChange={(event) => set("departmentIds", toggle(values.departmentIds, department.id, event.target.checked))}
                                  />
                                  {department.name}
                                </label>
                              ))}
                            </div>
                          </fieldset>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </CheckboxGroup>
          </CardContent>
        </Card>

        <Card aria-labelledby="staff-preferences">
          <CardHeader>
            <CardTitle id="staff-preferences">{t("staffForm.preferences")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Field label={t("staffForm.locale")} error={error("locale")}>
              {(control) => <LocaleSelect {...control} value={values.locale} onValueChange={(locale) => set("locale", locale)} />}
            </Field>
            <Field label={t("staffForm.timeZone")} error={error("timeZone")}>
              {(control) => <TimeZoneSelect {...control} value={values.timeZone} onChange={(event) => set("timeZone", event.target.value)} />}
            </Field>
          </CardContent>
        </Card>
      </fieldset>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link to="/staff" className={buttonClasses("secondary")}>
          {t("common.cancel")}
        </Link>
        {locked ? null : (
          <Button type="submit" loading={submitting}>
            {submitting ? submittingLabel : submitLabel}
          </Button>
        )}
      </div>
    </form>
  );
}
