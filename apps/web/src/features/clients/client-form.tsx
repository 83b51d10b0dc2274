import {
  CLIENT_KINDS,
  CONTACT_LABELS,
  LOCALES,
  MAX_ADDRESSES,
  MAX_EMAILS,
  MAX_NOTES_LENGTH,
  MAX_PHONES,
  NATIONAL_ID_TYPES,
  type ClientInput,
  type ContactLabel,
  type FieldIssue,
  type Office,
} from "@frontoffice/domain";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Link } from "react-router";
import { CountrySelect } from "../../components/country-select";
import { Alert, Button, buttonClasses, Card, CardContent, CardHeader, CardTitle, Field, Input, Select, Textarea } from "../../components/ui";
import { LOCALE_NAMES, useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import {
  NO_ERRORS,
  countryOf,
  defaultNationalIdType,
  emptyAddress,
  emptyEmail,
  emptyGuardian,
  emptyMatter,
  emptyPhone,
  hasErrors,
  mapIssues,
  sectionFor,
  validateClientForm,
  type AddressRow,
  type ClientDetailsLike,
  type ClientFormValues,
  type EmailRow,
  type FormErrors,
  type GuardianRow,
  type MatterRow,
  type PhoneRow,
} from "./form-model";
import { officeLabel } from "./office-label";

/** What the page reports back after trying to save. */
export type SubmitOutcome = { ok: true } | { ok: false; issues?: FieldIssue[]; message?: string };

/**
 * The client form. It validates with the domain schema for the selected office's country before
 * sending, shows the server's issues beside the same fields, and never resets what was typed
 * when saving fails.
 */
export function ClientForm({
  offices,
  initial,
  baseDetails,
  submitLabel,
  submittingLabel,
  cancelTo,
  banner,
  onSubmit,
}: {
  offices: readonly Office[];
  initial: ClientFormValues;
  baseDetails?: ClientDetailsLike;
  submitLabel: string;
  submittingLabel: string;
  cancelTo: string;
  banner?: ReactNode;
  onSubmit: (input: ClientInput) => Promise<SubmitOutcome>;
}) {
  const { t, regionName } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const office = offices.find((candidate) => candidate.id === values.officeId);
  const section = sectionFor(office);
  const country = countryOf(office);

  // After a failed save, take the keyboard to the first field to fix (or the summary).
  useEffect(() => {
    if (!attempt) return;
    const invalid = formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']");
    (invalid ?? summaryRef.current)?.focus();
  }, [attempt]);

  const error = (key: string) => t.issue(errors.fields[key]);
  const clear = (...keys: string[]) =>
    setErrors((current) => {
      if (!keys.some((key) => current.fields[key])) return current;
      const fields = { ...current.fields };
      for (const key of keys) delete fields[key];
      return { ...current, fields };
    });

  const set = <K extends keyof ClientFormValues>(key: K, value: ClientFormValues[K], ...errorKeys: string[]) => {
    setValues((current) => ({ ...current, [key]: value }));
    clear(key, ...errorKeys);
  };

  const changeOffice = (officeId: string) => {
    const next = offices.find((candidate) => candidate.id === officeId);
    setValues((current) => {
      const previous = offices.find((candidate) => candidate.id === current.officeId);
      return {
        ...current,
        officeId,
        // Follow the office while the staff member has not chosen otherwise.
        nationalIdType: current.nationalIdValue.trim() || current.nationalIdType !== defaultNationalIdType(previous?.address.country) ? current.nationalIdType : defaultNationalIdType(next?.address.country),
        preferredLocale: previous && current.preferredLocale !== previous.locale ? current.preferredLocale : (next?.locale ?? current.preferredLocale),
      };
    });
    // Phone numbers are read with the office's country: re-check them on save.
    setErrors((current) => ({ ...current, fields: Object.fromEntries(Object.entries(current.fields).filter(([key]) => key !== "officeId" && !key.includes("phone"))) }));
  };

  type ListName = "phones" | "emails" | "addresses";
  type RowOf<L extends ListName> = L extends "phones" ? PhoneRow : L extends "emails" ? EmailRow : AddressRow;
  const setRow = <L extends ListName>(list: L, key: string, patch: Partial<RowOf<L>>, field: string) => {
    setValues((current) => ({ ...current, [list]: (current[list] as RowOf<L>[]).map((row) => (row.key === key ? { ...row, ...patch } : row)) }));
    clear(`${list}.${key}.${field}`, list);
  };
  const removeRow = (list: ListName, key: string) => {
    setValues((current) => ({ ...current, [list]: (current[list] as { key: string }[]).filter((row) => row.key !== key) }));
    clear(list);
  };

  const setMedical = (patch: Partial<ClientFormValues["medical"]>, field: string) => {
    setValues((current) => ({ ...current, medical: { ...current.medical, ...patch } }));
    clear(`medical.${field}`);
  };
  const setEducation = (patch: Partial<Omit<ClientFormValues["education"], "guardians">>, field: string) => {
    setValues((current) => ({ ...current, education: { ...current.education, ...patch } }));
    clear(`education.${field}`);
  };
  const setBusiness = (patch: Partial<ClientFormValues["business"]>, field: string) => {
    setValues((current) => ({ ...current, business: { ...current.business, ...patch } }));
    clear(`business.${field}`);
  };
  const setMatter = (key: string, patch: Partial<MatterRow>, field: string) => {
    setValues((current) => ({ ...current, legal: { matters: current.legal.matters.map((row) => (row.key === key ? { ...row, ...patch } : row)) } }));
    clear(`matters.${key}.${field}`, "matters");
  };
  const setGuardian = (key: string, patch: Partial<GuardianRow>, field: string) => {
    setValues((current) => ({
      ...current,
      education: { ...current.education, guardians: current.education.guardians.map((row) => (row.key === key ? { ...row, ...patch } : row)) },
    }));
    clear(`guardians.${key}.${field}`, "guardians");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    const checked = validateClientForm(values, office, baseDetails);
    if (hasErrors(checked.errors)) {
      setErrors(checked.errors);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors(NO_ERRORS);
    setSubmitting(true);
    try {
      const outcome = await onSubmit(checked.input);
      if (!outcome.ok) {
        if (outcome.issues?.length) setErrors(mapIssues(outcome.issues, checked.rows, "client"));
        setFormError(outcome.message ?? null);
        setAttempt((count) => count + 1);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const fieldErrorCount = Object.keys(errors.fields).length + errors.general.length;

  return (
    <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      {banner}
      {fieldErrorCount > 0 || formError ? (
        <div ref={summaryRef} tabIndex={-1} className="focus:outline-none">
          <Alert tone="error" title={fieldErrorCount > 0 ? t("form.fixErrors", { count: fieldErrorCount }) : formError}>
            {fieldErrorCount > 0 && formError ? <p>{formError}</p> : null}
            {errors.general.length ? (
              <>
                {Object.keys(errors.fields).length ? <p className="mt-1">{t("form.otherProblems")}</p> : null}
                <ul className="mt-1 list-disc pl-5">
                  {errors.general.map((issue, index) => (
                    <li key={index}>{t.issue(issue)}</li>
                  ))}
                </ul>
              </>
            ) : null}
          </Alert>
        </div>
      ) : null}

      <Card aria-labelledby="form-name">
        <CardHeader>
          <CardTitle id="form-name">{t("clientForm.nameSection")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("field.office")} error={error("officeId")}>
              {(control) => (
                <Select {...control} value={values.officeId} onChange={(event) => changeOffice(event.target.value)}>
                  <option value="">{t("client.noOffice")}</option>
                  {offices.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {officeLabel(candidate)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">{t("field.kind")}</legend>
              <div className="mt-1.5 inline-flex rounded-md shadow-sm ring-1 ring-slate-300">
                {CLIENT_KINDS.map((kind, index) => (
                  <label
                    key={kind}
                    className={cn(
                      "flex h-10 cursor-pointer items-center px-4 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                      index === 0 ? "rounded-l-md" : "rounded-r-md border-l border-slate-300",
                      values.kind === kind ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-50",
                    )}
                  >
                    <input
                      type="radio"
                      name="kind"
                      value={kind}
                      checked={values.kind === kind}
                      onChange={() => set("kind", kind, "familyName", "companyName")}
                      className="sr-only"
                    />
                    {t(`clients.kind.${kind}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
          {values.kind === "person" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("field.givenName")} error={error("givenName")}>
                {(control) => <Input {...control} autoComplete="off" value={values.givenName} onChange={(event) => set("givenName", event.target.value, "familyName")} />}
              </Field>
              <Field label={t("field.familyName")} error={error("familyName")}>
                {(control) => <Input {...control} autoComplete="off" value={values.familyName} onChange={(event) => set("familyName", event.target.value)} />}
              </Field>
            </div>
          ) : (
            <Field label={t("field.companyName")} error={error("companyName")}>
              {(control) => <Input {...control} autoComplete="off" value={values.companyName} onChange={(event) => set("companyName", event.target.value)} />}
            </Field>
          )}
        </CardContent>
      </Card>

      <Card aria-labelledby="form-contact">
        <CardHeader>
          <CardTitle id="form-contact">{t("clientForm.contactSection")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-6">
          <ListGroup
            legend={t("field.phones")}
            hint={country ? t("clientForm.phoneHint", { country: regionName(country) }) : t("clientForm.phoneHintNoOffice")}
            error={error("phones")}
            addLabel={t("field.addPhone")}
            canAdd={values.phones.length < MAX_PHONES}
            onAdd={() => set("phones", [...values.phones, emptyPhone()])}
          >
            {values.phones.map((row, index) => (
              <div key={row.key} className="flex items-start gap-2">
                <LabelSelect label={t("field.phoneLabel", { n: index + 1 })} value={row.label} onChange={(label) => setRow("phones", row.key, { label }, "label")} />
                <Field className="flex-1" label={t("field.phoneNumber", { n: index + 1 })} labelClassName="sr-only" error={error(`phones.${row.key}.number`)}>
                  {(control) => (
                    <Input {...control} type="tel" inputMode="tel" autoComplete="off" value={row.number} onChange={(event) => setRow("phones", row.key, { number: event.target.value }, "number")} />
                  )}
                </Field>
                <RemoveButton label={t("field.removePhone", { n: index + 1 })} onClick={() => removeRow("phones", row.key)} />
              </div>
            ))}
          </ListGroup>

          <ListGroup
            legend={t("field.emails")}
            error={error("emails")}
            addLabel={t("field.addEmail")}
            canAdd={values.emails.length < MAX_EMAILS}
            onAdd={() => set("emails", [...values.emails, emptyEmail()])}
          >
            {values.emails.map((row, index) => (
              <div key={row.key} className="flex items-start gap-2">
                <LabelSelect label={t("field.emailLabel", { n: index + 1 })} value={row.label} onChange={(label) => setRow("emails", row.key, { label }, "label")} />
                <Field className="flex-1" label={t("field.emailAddress", { n: index + 1 })} labelClassName="sr-only" error={error(`emails.${row.key}.address`)}>
                  {(control) => (
                    <Input {...control} type="email" inputMode="email" autoComplete="off" value={row.address} onChange={(event) => setRow("emails", row.key, { address: event.target.value }, "address")} />
                  )}
                </Field>
                <RemoveButton label={t("field.removeEmail", { n: index + 1 })} onClick={() => removeRow("emails", row.key)} />
              </div>
            ))}
          </ListGroup>

          <ListGroup
            legend={t("field.addresses")}
            error={error("addresses")}
            addLabel={t("field.addAddress")}
            canAdd={values.addresses.length < MAX_ADDRESSES}
            onAdd={() => set("addresses", [...values.addresses, emptyAddress(country ?? "")])}
          >
            {values.addresses.map((row, index) => {
              const field = (name: keyof Omit<AddressRow, "key" | "label">) => error(`addresses.${row.key}.${name}`);
              const change = (name: keyof Omit<AddressRow, "key" | "label">) => (event: { target: { value: string } }) =>
                setRow("addresses", row.key, { [name]: event.target.value } as Partial<AddressRow>, name);
              return (
                <div key={row.key} role="group" aria-label={t("field.address", { n: index + 1 })} className="space-y-3 rounded-md border border-slate-200 p-3">
                  <div className="flex items-center justify-between gap-2">
                    <LabelSelect label={t("field.addressLabel", { n: index + 1 })} value={row.label} onChange={(label) => setRow("addresses", row.key, { label }, "label")} />
                    <RemoveButton label={t("field.removeAddress", { n: index + 1 })} onClick={() => removeRow("addresses", row.key)} />
                  </div>
                  <div className="grid gap-3 sm:grid-cols-6">
                    <Field className="sm:col-span-4" label={t("address.line1")} error={field("line1")}>
                      {(control) => <Input {...control} autoComplete="off" value={row.line1} onChange={change("line1")} />}
                    </Field>
                    <Field className="sm:col-span-2" label={t("address.line2")} optional error={field("line2")}>
                      {(control) => <Input {...control} autoComplete="off" value={row.line2} onChange={change("line2")} />}
                    </Field>
                    <Field className="sm:col-span-2" label={t("address.postalCode")} optional error={field("postalCode")}>
                      {(control) => <Input {...control} autoComplete="off" value={row.postalCode} onChange={change("postalCode")} />}
                    </Field>
                    <Field className="sm:col-span-2" label={t("address.city")} error={field("city")}>
                      {(control) => <Input {...control} autoComplete="off" value={row.city} onChange={change("city")} />}
                    </Field>
                    <Field className="sm:col-span-2" label={t("address.region")} optional error={field("region")}>
                      {(control) => <Input {...control} autoComplete="off" value={row.region} onChange={change("region")} />}
                    </Field>
                    <Field className="sm:col-span-3" label={t("address.country")} error={field("country")}>
                      {(control) => <CountrySelect {...control} value={row.country} onChange={change("country")} />}
                    </Field>
                  </div>
                </div>
              );
            })}
          </ListGroup>
        </CardContent>
      </Card>

      <Card aria-labelledby="form-identity">
        <CardHeader>
          <CardTitle id="form-identity">{t("client.identity")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-3">
          <Field label={t("field.nationalIdType")} error={error("nationalIdType")}>
            {(control) => (
              <Select
                {...control}
                value={values.nationalIdType}
                onChange={(event) => set("nationalIdType", event.target.value as ClientFormValues["nationalIdType"], "nationalIdValue")}
              >
                {NATIONAL_ID_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`nationalIdType.${type}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("field.nationalIdValue")} optional error={error("nationalIdValue")}>
            {(control) => (
              <Input {...control} autoComplete="off" autoCapitalize="characters" spellCheck={false} value={values.nationalIdValue} onChange={(event) => set("nationalIdValue", event.target.value)} />
            )}
          </Field>
          <Field label={t("field.preferredLocale")} error={error("preferredLocale")}>
            {(control) => (
              <Select {...control} value={values.preferredLocale} onChange={(event) => set("preferredLocale", event.target.value as ClientFormValues["preferredLocale"])}>
                {LOCALES.map((locale) => (
                  <option key={locale} value={locale} lang={locale}>
                    {LOCALE_NAMES[locale]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </CardContent>
      </Card>

      {section === "medical" ? (
        <Card aria-labelledby="form-medical">
          <CardHeader>
            <CardTitle id="form-medical">{t("client.section.medical")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-3">
            <Field label={t("field.dateOfBirth")} optional error={error("medical.dateOfBirth")}>
              {(control) => <Input {...control} type="date" value={values.medical.dateOfBirth} onChange={(event) => setMedical({ dateOfBirth: event.target.value }, "dateOfBirth")} />}
            </Field>
            <Field label={t("field.insuranceProvider")} optional error={error("medical.insuranceProvider")}>
              {(control) => <Input {...control} autoComplete="off" value={values.medical.insuranceProvider} onChange={(event) => setMedical({ insuranceProvider: event.target.value }, "insuranceProvider")} />}
            </Field>
            <Field label={t("field.policyNumber")} optional error={error("medical.policyNumber")}>
              {(control) => <Input {...control} autoComplete="off" value={values.medical.policyNumber} onChange={(event) => setMedical({ policyNumber: event.target.value }, "policyNumber")} />}
            </Field>
          </CardContent>
        </Card>
      ) : null}

      {section === "legal" ? (
        <Card aria-labelledby="form-legal">
          <CardHeader>
            <CardTitle id="form-legal">{t("client.section.legal")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ListGroup
              legend={t("field.matters")}
              legendClassName="sr-only"
              error={error("matters")}
              addLabel={t("field.addMatter")}
              canAdd={values.legal.matters.length < 50}
              onAdd={() => setValues((current) => ({ ...current, legal: { matters: [...current.legal.matters, emptyMatter()] } }))}
              empty={t("clientForm.noMatters")}
            >
              {values.legal.matters.map((row, index) => (
                <div key={row.key} className="grid items-start gap-2 sm:grid-cols-[10rem_1fr_9rem_auto]">
                  <Field label={t("field.matterReference", { n: index + 1 })} labelClassName="text-xs" error={error(`matters.${row.key}.reference`)}>
                    {(control) => <Input {...control} autoComplete="off" value={row.reference} onChange={(event) => setMatter(row.key, { reference: event.target.value }, "reference")} />}
                  </Field>
                  <Field label={t("field.matterTitle", { n: index + 1 })} labelClassName="text-xs" error={error(`matters.${row.key}.title`)}>
                    {(control) => <Input {...control} autoComplete="off" value={row.title} onChange={(event) => setMatter(row.key, { title: event.target.value }, "title")} />}
                  </Field>
                  <Field label={t("field.matterStatus", { n: index + 1 })} labelClassName="text-xs" error={error(`matters.${row.key}.status`)}>
                    {(control) => (
                      <Select {...control} value={row.status} onChange={(event) => setMatter(row.key, { status: event.target.value === "closed" ? "closed" : "open" }, "status")}>
                        <option value="open">{t("matterStatus.open")}</option>
                        <option value="closed">{t("matterStatus.closed")}</option>
                      </Select>
                    )}
                  </Field>
                  <RemoveButton
                    className="sm:mt-6"
                    label={t("field.removeMatter", { n: index + 1 })}
                    onClick={() => setValues((current) => ({ ...current, legal: { matters: current.legal.matters.filter((matter) => matter.key !== row.key) } }))}
                  />
                </div>
              ))}
            </ListGroup>
          </CardContent>
        </Card>
      ) : null}

      {section === "education" ? (
        <Card aria-labelledby="form-education">
          <CardHeader>
            <CardTitle id="form-education">{t("client.section.education")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-6">
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label={t("field.studentDateOfBirth")} optional error={error("education.dateOfBirth")}>
                {(control) => <Input {...control} type="date" value={values.education.dateOfBirth} onChange={(event) => setEducation({ dateOfBirth: event.target.value }, "dateOfBirth")} />}
              </Field>
              <Field label={t("field.grade")} optional error={error("education.grade")}>
                {(control) => <Input {...control} autoComplete="off" value={values.education.grade} onChange={(event) => setEducation({ grade: event.target.value }, "grade")} />}
              </Field>
              <Field label={t("field.studentNumber")} optional error={error("education.studentNumber")}>
                {(control) => <Input {...control} autoComplete="off" value={values.education.studentNumber} onChange={(event) => setEducation({ studentNumber: event.target.value }, "studentNumber")} />}
              </Field>
            </div>
            <ListGroup
              legend={t("field.guardians")}
              error={error("guardians")}
              addLabel={t("field.addGuardian")}
              canAdd={values.education.guardians.length < 4}
              onAdd={() => setValues((current) => ({ ...current, education: { ...current.education, guardians: [...current.education.guardians, emptyGuardian()] } }))}
              empty={t("clientForm.noGuardians")}
            >
              {values.education.guardians.map((row, index) => (
                <div key={row.key} role="group" aria-label={t("field.guardian", { n: index + 1 })} className="space-y-3 rounded-md border border-slate-200 p-3">
                  <div className="flex items-center justify-between">
                    <p className="text-sm font-medium text-slate-800">{t("field.guardian", { n: index + 1 })}</p>
                    <RemoveButton
                      label={t("field.removeGuardian", { n: index + 1 })}
                      onClick={() =>
                        setValues((current) => ({ ...current, education: { ...current.education, guardians: current.education.guardians.filter((guardian) => guardian.key !== row.key) } }))
                      }
                    />
                  </div>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field label={t("field.guardianName")} error={error(`guardians.${row.key}.name`)}>
                      {(control) => <Input {...control} autoComplete="off" value={row.name} onChange={(event) => setGuardian(row.key, { name: event.target.value }, "name")} />}
                    </Field>
                    <Field label={t("field.guardianRelationship")} optional error={error(`guardians.${row.key}.relationship`)}>
                      {(control) => <Input {...control} autoComplete="off" value={row.relationship} onChange={(event) => setGuardian(row.key, { relationship: event.target.value }, "relationship")} />}
                    </Field>
                    <Field label={t("field.guardianPhone")} optional error={error(`guardians.${row.key}.phone`)}>
                      {(control) => <Input {...control} type="tel" inputMode="tel" autoComplete="off" value={row.phone} onChange={(event) => setGuardian(row.key, { phone: event.target.value }, "phone")} />}
                    </Field>
                    <Field label={t("field.guardianEmail")} optional error={error(`guardians.${row.key}.email`)}>
                      {(control) => <Input {...control} type="email" inputMode="email" autoComplete="off" value={row.email} onChange={(event) => setGuardian(row.key, { email: event.target.value }, "email")} />}
                    </Field>
                  </div>
                </div>
              ))}
            </ListGroup>
          </CardContent>
        </Card>
      ) : null}

      {section === "business" ? (
        <Card aria-labelledby="form-business">
          <CardHeader>
            <CardTitle id="form-business">{t("client.section.business")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <Field label={t("field.companyName")} optional error={error("business.companyName")}>
              {(control) => <Input {...control} autoComplete="off" value={values.business.companyName} onChange={(event) => setBusiness({ companyName: event.target.value }, "companyName")} />}
            </Field>
            <Field label={t("field.vatNumber")} optional error={error("business.vatNumber")}>
              {(control) => (
                <Input {...control} autoComplete="off" autoCapitalize="characters" spellCheck={false} value={values.business.vatNumber} onChange={(event) => setBusiness({ vatNumber: event.target.value }, "vatNumber")} />
              )}
            </Field>
          </CardContent>
        </Card>
      ) : null}

      <Card aria-labelledby="form-notes">
        <CardHeader>
          <CardTitle id="form-notes">{t("client.notes")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Field
            label={t("field.notes")}
            labelClassName="sr-only"
            error={error("notes")}
            hint={
              <span className={cn(values.notes.length > MAX_NOTES_LENGTH && "font-semibold text-red-700")}>
                {t("field.notesCount", { count: values.notes.length, max: MAX_NOTES_LENGTH })}
              </span>
            }
          >
            {(control) => <Textarea {...control} rows={5} value={values.notes} onChange={(event) => set("notes", event.target.value)} />}
          </Field>
        </CardContent>
      </Card>

      <div className="sticky bottom-0 -mx-4 flex justify-end gap-2 border-t border-slate-200 bg-slate-50/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border sm:px-4">
        <Link to={cancelTo} className={buttonClasses("secondary")}>
          {t("common.cancel")}
        </Link>
        <Button type="submit" loading={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function ListGroup({
  legend,
  legendClassName,
  hint,
  error,
  addLabel,
  canAdd,
  onAdd,
  empty,
  children,
}: {
  legend: string;
  legendClassName?: string;
  hint?: string;
  error?: string | null;
  addLabel: string;
  canAdd: boolean;
  onAdd: () => void;
  empty?: string;
  children: ReactNode[];
}) {
  return (
    <fieldset className="space-y-2">
      <legend className={cn("text-sm font-medium text-slate-800", legendClassName)}>{legend}</legend>
      {hint ? <p className="text-xs text-slate-600">{hint}</p> : null}
      {children.length ? children : empty ? <p className="text-sm text-slate-600">{empty}</p> : null}
      {error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {canAdd ? (
        <Button variant="ghost" size="sm" onClick={onAdd} className="text-brand-700">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
            <path d="M9.2 4h1.6v5.2H16v1.6h-5.2V16H9.2v-5.2H4V9.2h5.2V4Z" />
          </svg>
          {addLabel}
        </Button>
      ) : null}
    </fieldset>
  );
}

function LabelSelect({ label, value, onChange }: { label: string; value: ContactLabel; onChange: (label: ContactLabel) => void }) {
  const { t } = useI18n();
  return (
    <Select aria-label={label} className="w-32 shrink-0" value={value} onChange={(event) => onChange(event.target.value as ContactLabel)}>
      {CONTACT_LABELS.map((option) => (
        <option key={option} value={option}>
          {t(`contactLabel.${option}`)}
        </option>
      ))}
    </Select>
  );
}

function RemoveButton({ label, onClick, className }: { label: string; onClick: () => void; className?: string }) {
  return (
    <Button variant="ghost" size="icon" aria-label={label} title={label} onClick={onClick} className={cn("text-slate-600 hover:text-red-700", className)}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
        <path d="M7.5 3h5l.5 1.5H16V6H4V4.5h3L7.5 3ZM5 7h10l-.7 9.2a1 1 0 0 1-1 .8H6.7a1 1 0 0 1-1-.8L5 7Z" />
      </svg>
    </Button>
  );
}
