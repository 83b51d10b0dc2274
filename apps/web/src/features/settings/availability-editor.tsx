import type { FieldIssue, ScheduleOverride, ScheduleOverrideInput, TimeOff, TimeOffInput } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert, Button, ErrorState, Field, Input, Select, Skeleton, Textarea, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useScheduleFormat } from "../schedule/format";
import {
  TIME_OFF_REASONS,
  emptyOverride,
  emptyTimeOff,
  placeOverrideIssues,
  placeTimeOffIssues,
  timeOffSpan,
  toOverrideInput,
  toTimeOffInput,
  upcomingWindow,
  type FieldErrors,
  type OverrideField,
  type OverrideValues,
  type TimeOffField,
  type TimeOffValues,
} from "./availability-model";

type Staff = { id: string; displayName: string };

/**
 * A staff member's upcoming time off and special days (different hours, or none, on one date) in
 * one office: listed, added and removed. Loaded with `schedules.listTimeOff` / `listOverrides`.
 */
export function AvailabilityEditor({ officeId, timeZone, staff }: { officeId: string; timeZone: string; staff: Staff }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [upcoming] = useState(() => upcomingWindow(Date.now(), timeZone));
  const timeOffQuery = trpc.schedules.listTimeOff.queryOptions({ staffId: staff.id, from: upcoming.from, to: upcoming.to });
  const overridesQuery = trpc.schedules.listOverrides.queryOptions({ officeId, staffId: staff.id, from: upcoming.firstDay, to: upcoming.lastDay });
  const timeOff = useQuery({ ...timeOffQuery, refetchOnWindowFocus: false });
  const overrides = useQuery({ ...overridesQuery, refetchOnWindowFocus: false });
  const addTimeOff = useMutation(trpc.schedules.addTimeOff.mutationOptions());
  const removeTimeOff = useMutation(trpc.schedules.removeTimeOff.mutationOptions());
  const setOverride = useMutation(trpc.schedules.setOverride.mutationOptions());
  const removeOverride = useMutation(trpc.schedules.removeOverride.mutationOptions());

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: timeOffQuery.queryKey }),
      queryClient.invalidateQueries({ queryKey: overridesQuery.queryKey }),
      // Slots and the schedule's greyed hours read these.
      queryClient.invalidateQueries({ queryKey: ["schedule"] }),
    ]);

  if ((timeOff.isError && !timeOff.data) || (overrides.isError && !overrides.data)) {
    const failed = timeOff.isError ? timeOff : overrides;
    return <ErrorState title={t("settings.availability.error")} message={errorMessage(t, failed.error)} onRetry={() => void Promise.all([timeOff.refetch(), overrides.refetch()])} retrying={timeOff.isFetching || overrides.isFetching} />;
  }
  if (!timeOff.data || !overrides.data) return <Skeleton className="h-40 w-full" />;
  return (
    <AvailabilityPanel
      staff={staff}
      timeZone={timeZone}
      today={upcoming.firstDay}
      timeOff={timeOff.data}
      overrides={overrides.data}
      onAddTimeOff={async (input) => {
        await addTimeOff.mutateAsync(input);
        await refresh();
        toast(t("settings.availability.timeOff.added", { name: staff.displayName }));
      }}
      onRemoveTimeOff={async (id) => {
        await removeTimeOff.mutateAsync({ id });
        await refresh();
        toast(t("settings.availability.timeOff.removed"));
      }}
      onSetOverride={async (input) => {
        await setOverride.mutateAsync({ ...input, officeId });
        await refresh();
        toast(t("settings.availability.override.saved", { name: staff.displayName }));
      }}
      onRemoveOverride={async (date) => {
        await removeOverride.mutateAsync({ staffId: staff.id, officeId, date });
        await refresh();
        toast(t("settings.availability.override.removed"));
      }}
    />
  );
}

/** The lists and the two forms, for loaded data (exported for component tests). Each callback throws what the API threw. */
export function AvailabilityPanel({
  staff,
  timeZone,
  today,
  timeOff,
  overrides,
  onAddTimeOff,
  onRemoveTimeOff,
  onSetOverride,
  onRemoveOverride,
}: {
  staff: Staff;
  timeZone: string;
  today: string;
  timeOff: readonly TimeOff[];
  overrides: readonly ScheduleOverride[];
  onAddTimeOff: (input: TimeOffInput) => Promise<void>;
  onRemoveTimeOff: (id: string) => Promise<void>;
  onSetOverride: (input: Omit<ScheduleOverrideInput, "officeId">) => Promise<void>;
  onRemoveOverride: (date: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const format = useScheduleFormat(timeZone);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);

  const remove = async (key: string, work: () => Promise<void>) => {
    setRemoveError(null);
    setRemoving(key);
    try {
      await work();
    } catch (error) {
      setRemoveError(errorMessage(t, error));
    } finally {
      setRemoving(null);
    }
  };

  const spanText = (item: TimeOff) => {
    const span = timeOffSpan(item.start, item.end, timeZone);
    if (span.kind === "days") return span.first === span.last ? format.dayLong(span.first) : `${format.dayLong(span.first)} – ${format.dayLong(span.last)}`;
    if (span.first === span.last) return `${format.dayLong(span.first)}, ${format.range(item.start, item.end)}`;
    return `${format.when(item.start)} – ${format.when(item.end)}`;
  };

  return (
    <section aria-labelledby={`availability-${staff.id}`} className="space-y-5">
      <div className="space-y-1">
        <h4 id={`availability-${staff.id}`} className="text-sm font-semibold text-slate-900">
          {t("settings.availability.title")}
        </h4>
        <p className="text-sm text-slate-600">{t("settings.availability.intro", { name: staff.displayName, timeZone: timeZone.replaceAll("_", " ") })}</p>
      </div>
      {removeError ? <Alert tone="error">{removeError}</Alert> : null}

      <div className="space-y-3">
        <h5 className="text-sm font-medium text-slate-900">{t("settings.availability.timeOff.title")}</h5>
        {timeOff.length === 0 ? (
          <p className="text-sm text-slate-600">{t("settings.availability.timeOff.empty")}</p>
        ) : (
          <ul aria-label={t("settings.availability.timeOff.list", { name: staff.displayName })} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {timeOff.map((item) => {
              const range = spanText(item);
              return (
                <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{range}</span>
                    <span className="text-slate-600"> · {t(`settings.availability.reason.${item.reason}`)}</span>
                    {item.note ? <span className="text-slate-600"> · {item.note}</span> : null}
                  </span>
                  <Button variant="ghost" size="sm" loading={removing === item.id} aria-label={t("settings.availability.timeOff.remove", { range })} onClick={() => void remove(item.id, () => onRemoveTimeOff(item.id))}>
                    {t("common.remove")}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <TimeOffForm key={staff.id} staff={staff} timeZone={timeZone} today={today} onAdd={onAddTimeOff} />
      </div>

      <div className="space-y-3">
        <h5 className="text-sm font-medium text-slate-900">{t("settings.availability.override.title")}</h5>
        {overrides.length === 0 ? (
          <p className="text-sm text-slate-600">{t("settings.availability.override.empty")}</p>
        ) : (
          <ul aria-label={t("settings.availability.override.list", { name: staff.displayName })} className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
            {overrides.map((item) => {
              const date = format.dayLong(item.date);
              const hours = item.intervals.length === 0 ? t("settings.availability.override.closed") : item.intervals.map((interval) => `${interval.start}–${interval.end}`).join(", ");
              return (
                <li key={item.date} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    <span className="font-medium text-slate-900">{date}</span>
                    <span className="text-slate-600"> · {hours}</span>
                  </span>
                  <Button variant="ghost" size="sm" loading={removing === item.date} aria-label={t("settings.availability.override.remove", { date })} onClick={() => void remove(item.date, () => onRemoveOverride(item.date))}>
                    {t("common.remove")}
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
        <OverrideForm key={staff.id} staff={staff} today={today} onSave={onSetOverride} />
      </div>
    </section>
  );
}

/**
 * A form's values and problems: `set` changes a field and clears its problem; `submit` checks the
 * values (`prepare`), sends them, and puts field issues (local or the server's, placed by
 * `place`) beside the fields and other failures above the button. Returns true once saved.
 */
function useAvailabilityForm<Values extends object, Field extends string>(initial: () => Values) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
    setFormError(null);
  };
  const submit = async <Input,>(prepare: (values: Values) => { input: Input } | { errors: FieldErrors<Field> }, send: (input: Input) => Promise<void>, place: (issues: FieldIssue[]) => FieldErrors<Field>): Promise<boolean> => {
    if (busy) return false;
    setFormError(null);
    const prepared = prepare(values);
    if ("errors" in prepared) {
      setErrors(prepared.errors);
      return false;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(prepared.input);
      return true;
    } catch (error) {
      const placed = errorCodeOf(error) === "VALIDATION_FAILED" ? place(fieldIssuesOf(error)) : {};
      if (Object.keys(placed).length) setErrors(placed);
      else setFormError(errorMessage(t, error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const issue = (field: Field) => t.issue(errors[field]);
  return { values, setValues, set, submit, issue, formError, busy };
}

/** "From" and "until" wall times of one day. */
function TimeSpanFields({ from, until, fromIssue, untilIssue, onChange }: { from: string; until: string; fromIssue: string | null; untilIssue: string | null; onChange: (field: "from" | "until", value: string) => void }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t("settings.availability.from")} error={fromIssue}>
        {(control) => <Input {...control} type="time" value={from} onChange={(event) => onChange("from", event.target.value)} />}
      </Field>
      <Field label={t("settings.availability.until")} error={untilIssue}>
        {(control) => <Input {...control} type="time" value={until} onChange={(event) => onChange("until", event.target.value)} />}
      </Field>
    </>
  );
}

function TimeOffForm({ staff, timeZone, today, onAdd }: { staff: Staff; timeZone: string; today: string; onAdd: (input: TimeOffInput) => Promise<void> }) {
  const { t } = useI18n();
  const form = useAvailabilityForm<TimeOffValues, TimeOffField>(() => emptyTimeOff(today));
  const { values, set, issue } = form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await form.submit((current) => toTimeOffInput(current, staff.id, timeZone), onAdd, (issues) => placeTimeOffIssues(issues, values.wholeDays));
    // Only a saved absence clears the form; on a refusal what was typed stays.
    if (saved) form.setValues((current) => ({ ...emptyTimeOff(today), reason: current.reason }));
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("settings.availability.timeOff.add")} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={values.wholeDays} onChange={(event) => set("wholeDays", event.target.checked)} />
        {t("settings.availability.timeOff.wholeDays")}
      </label>
      <Row>
        {values.wholeDays ? (
          <>
            <Field label={t("settings.availability.timeOff.firstDay")} error={issue("firstDay")}>
              {(control) => <Input {...control} type="date" value={values.firstDay} onChange={(event) => set("firstDay", event.target.value)} />}
            </Field>
            <Field label={t("settings.availability.timeOff.lastDay")} error={issue("lastDay")}>
              {(control) => <Input {...control} type="date" value={values.lastDay} onChange={(event) => set("lastDay", event.target.value)} />}
            </Field>
          </>
        ) : (
          <>
            <Field label={t("settings.availability.timeOff.date")} error={issue("date")}>
              {(control) => <Input {...control} type="date" value={values.date} onChange={(event) => set("date", event.target.value)} />}
            </Field>
            <TimeSpanFields from={values.from} until={values.until} fromIssue={issue("from")} untilIssue={issue("until")} onChange={set} />
          </>
        )}
        <Field label={t("settings.availability.timeOff.reason")} error={issue("reason")}>
          {(control) => (
            <Select {...control} value={values.reason} onChange={(event) => set("reason", event.target.value as TimeOffValues["reason"])}>
              {TIME_OFF_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`settings.availability.reason.${reason}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </Row>
      <Field label={t("settings.availability.timeOff.note")} optional error={issue("note")}>
        {(control) => <Textarea {...control} rows={2} maxLength={500} value={values.note} onChange={(event) => set("note", event.target.value)} className="min-h-14" />}
      </Field>
      <FormFooter error={form.formError} busy={form.busy} label={t("settings.availability.timeOff.add")} />
    </form>
  );
}

function OverrideForm({ staff, today, onSave }: { staff: Staff; today: string; onSave: (input: Omit<ScheduleOverrideInput, "officeId">) => Promise<void> }) {
  const { t } = useI18n();
  const form = useAvailabilityForm<OverrideValues, OverrideField>(() => emptyOverride(today));
  const { values, set, issue } = form;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await form.submit((current) => toOverrideInput(current, staff.id), onSave, placeOverrideIssues);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("settings.availability.override.save")} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
      <Row>
        <Field label={t("settings.availability.override.date")} error={issue("date")}>
          {(control) => <Input {...control} type="date" value={values.date} onChange={(event) => set("date", event.target.value)} />}
        </Field>
        {values.closed ? null : <TimeSpanFields from={values.from} until={values.until} fromIssue={issue("from")} untilIssue={issue("until")} onChange={set} />}
      </Row>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={values.closed} onChange={(event) => set("closed", event.target.checked)} />
        {t("settings.availability.override.closedAllDay")}
      </label>
      <FormFooter error={form.formError} busy={form.busy} label={t("settings.availability.override.save")} />
    </form>
  );
}

function FormFooter({ error, busy, label }: { error: string | null; busy: boolean; label: string }) {
  return (
    <>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" loading={busy}>
          {label}
        </Button>
      </div>
    </>
  );
}

function Row({ children }: { children: ReactNode }) {
  return <div className="grid gap-3 sm:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))]">{children}</div>;
}
