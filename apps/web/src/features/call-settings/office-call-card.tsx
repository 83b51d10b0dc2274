import { MAX_CALL_LINES, MAX_CALL_OVERFLOW_HOPS, type CallOfficeSettingsInput, type FieldIssue } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { WeekForm } from "../settings/working-hours-editor";
import { toWeek, type WeekHours } from "../settings/working-hours-model";
import { useRefreshSetup, type CallRoutingSetupView } from "./setup";
import { routingRefusalMessage } from "./routing-problems";

type Office = CallRoutingSetupView["office"];
type LinesField = "callLines" | "maxOverflowHops" | "callHolidays" | "defaultDepartmentId";

/** The office's call hours, holidays, lines, overflow limit and where calls that name no one go. */
export function OfficeCallCard({ setup }: { setup: CallRoutingSetupView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshSetup(setup.office.id);
  const update = useMutation(trpc.callRouting.updateOffice.mutationOptions());
  const { office } = setup;
  const save = async (changes: Partial<CallOfficeSettingsInput>) => {
    await update.mutateAsync({ officeId: office.id, callHours: office.callHours, callHolidays: office.callHolidays, callLines: office.callLines, maxOverflowHops: office.maxOverflowHops, defaultDepartmentId: office.defaultDepartmentId, ...changes });
    await refresh();
    toast(t("callSettings.office.saved"), "success");
  };
  return (
    <Card aria-labelledby="call-office-title">
      <CardHeader>
        <CardTitle id="call-office-title">{t("callSettings.office.title", { office: office.name })}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-6">
        <OfficeLinesForm office={office} departments={setup.departments} onSave={save} />
        <section aria-labelledby="call-hours-title" className="space-y-2">
          <h3 id="call-hours-title" className="text-sm font-semibold text-slate-900">
            {t("callSettings.office.hours")}
          </h3>
          <WeekForm
            key={JSON.stringify(office.callHours)}
            staff={{ id: `office-${office.id}`, displayName: office.name }}
            timeZone={office.timeZone}
            initial={toWeek(office.callHours)}
            onSave={(week: WeekHours) => save({ callHours: week })}
          />
        </section>
      </CardContent>
    </Card>
  );
}

/** Lines, hop limit, default destination and holidays (exported for component tests). */
export function OfficeLinesForm({
  office,
  departments,
  onSave,
}: {
  office: Office;
  departments: readonly Pick<CallRoutingSetupView["departments"][number], "id" | "name">[];
  onSave: (changes: Partial<CallOfficeSettingsInput>) => Promise<void>;
}) {
  const { t, formatDate } = useI18n();
  const [lines, setLines] = useState(String(office.callLines));
  const [hops, setHops] = useState(String(office.maxOverflowHops));
  const [defaultDepartment, setDefaultDepartment] = useState(office.defaultDepartmentId ?? "");
  const [holidays, setHolidays] = useState<string[]>(office.callHolidays);
  const [newHoliday, setNewHoliday] = useState("");
  const [issues, setIssues] = useState<Partial<Record<LinesField, FieldIssue>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const callLines = wholeNumber(lines);
    const maxOverflowHops = wholeNumber(hops);
    const found: Partial<Record<LinesField, FieldIssue>> = {};
    if (!(callLines >= 1 && callLines <= MAX_CALL_LINES)) found.callLines = { path: ["callLines"], key: "validation.invalid" };
    if (!(maxOverflowHops >= 0 && maxOverflowHops <= MAX_CALL_OVERFLOW_HOPS)) found.maxOverflowHops = { path: ["maxOverflowHops"], key: "validation.invalid" };
    setIssues(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await onSave({ callLines, maxOverflowHops, callHolidays: holidays, defaultDepartmentId: defaultDepartment || null });
    } catch (error) {
      const placed: Partial<Record<LinesField, FieldIssue>> = {};
      for (const issue of fieldIssuesOf(error)) {
        const field = issue.path[0];
        if (field === "callLines" || field === "maxOverflowHops" || field === "callHolidays" || field === "defaultDepartmentId") placed[field] ??= issue;
      }
      if (errorCodeOf(error) === "VALIDATION_FAILED" && Object.keys(placed).length) setIssues(placed);
      else setFormError(routingRefusalMessage(t, error, { departments: {}, staff: {} }));
    } finally {
      setBusy(false);
    }
  };
  const addHoliday = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newHoliday)) return;
    setHolidays((current) => [...new Set([...current, newHoliday])].sort());
    setNewHoliday("");
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("callSettings.office.linesForm")} className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap gap-4">
        <Field label={t("callSettings.office.lines")} hint={t("callSettings.office.linesHint", { max: MAX_CALL_LINES })} className="w-56" error={t.issue(issues.callLines)}>
          {(control) => <Input {...control} inputMode="numeric" value={lines} onChange={(event) => setLines(event.target.value)} />}
        </Field>
        <Field label={t("callSettings.office.hops")} hint={t("callSettings.office.hopsHint", { max: MAX_CALL_OVERFLOW_HOPS })} className="w-56" error={t.issue(issues.maxOverflowHops)}>
          {(control) => <Input {...control} inputMode="numeric" value={hops} onChange={(event) => setHops(event.target.value)} />}
        </Field>
        <Field label={t("callSettings.office.defaultDestination")} className="w-72" error={t.issue(issues.defaultDepartmentId)}>
          {(control) => (
            <Select {...control} value={defaultDepartment} onChange={(event) => setDefaultDepartment(event.target.value)}>
              <option value="">{t("callSettings.office.defaultDestinationNone")}</option>
              {departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("callSettings.office.holidays")}</legend>
        {holidays.length === 0 ? <p className="text-sm text-slate-600">{t("callSettings.office.noHolidays")}</p> : null}
        <ul className="flex flex-wrap gap-2">
          {holidays.map((date) => (
            <li key={date} className="flex items-center gap-1 rounded-md bg-slate-100 px-2 py-1 text-sm text-slate-800">
              {formatDate(date)}
              <Button variant="ghost" size="sm" aria-label={t("callSettings.office.removeHoliday", { date: formatDate(date) })} onClick={() => setHolidays((current) => current.filter((item) => item !== date))}>
                ×
              </Button>
            </li>
          ))}
        </ul>
        <div className="flex items-end gap-2">
          <Field label={t("callSettings.office.holidayDate")} className="w-48" error={t.issue(issues.callHolidays)}>
            {(control) => <Input {...control} type="date" value={newHoliday} onChange={(event) => setNewHoliday(event.target.value)} />}
          </Field>
          <Button variant="secondary" onClick={addHoliday} disabled={!newHoliday}>
            {t("callSettings.office.addHoliday")}
          </Button>
        </div>
      </fieldset>
      <Button type="submit" loading={busy}>
        {t("callSettings.office.save")}
      </Button>
    </form>
  );
}
