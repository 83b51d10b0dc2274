import type { FieldIssue, WeekdayKey } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, ErrorState, Input, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import {
  addInterval,
  clearDay,
  copyMondayToWeekdays,
  dayName,
  hoursErrors,
  intervalIssue,
  placeHoursIssues,
  removeInterval,
  toWeek,
  updateInterval,
  weekOrder,
  type HoursErrors,
  type WeekHours,
} from "./working-hours-model";

/**
 * One staff member's weekly hours in one office, loaded with `schedules.get` and saved with
 * `schedules.set`. Wall-clock times in the office's time zone.
 */
export function WorkingHoursEditor({ officeId, staff }: { officeId: string; staff: { id: string; displayName: string } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const set = useMutation(trpc.schedules.set.mutationOptions());
  const schedule = useQuery({ ...trpc.schedules.get.queryOptions({ staffId: staff.id, officeId }), refetchOnWindowFocus: false });
  const save = async (week: WeekHours) => {
    await set.mutateAsync({ staffId: staff.id, officeId, weeklyHours: week });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.schedules.get.queryKey({ staffId: staff.id, officeId }) }),
      // The schedule's slot lists and booking dialog read these hours.
      queryClient.invalidateQueries({ queryKey: ["schedule"] }),
    ]);
    toast(t("settings.hours.saved", { name: staff.displayName }));
  };
  if (schedule.isError && !schedule.data) {
    return <ErrorState title={t("settings.hours.error")} message={errorMessage(t, schedule.error)} onRetry={() => void schedule.refetch()} retrying={schedule.isFetching} />;
  }
  if (!schedule.data) return <Skeleton className="h-48 w-full" />;
  return <WeekForm key={`${officeId}:${staff.id}`} staff={staff} timeZone={schedule.data.timeZone} initial={toWeek(schedule.data.weeklyHours)} onSave={save} />;
}

/** The form itself, for a loaded schedule (exported for component tests). */
export function WeekForm({
  staff,
  timeZone,
  initial,
  onSave,
}: {
  staff: { id: string; displayName: string };
  timeZone: string;
  initial: WeekHours;
  /** Sends the week; throws what the API threw. */
  onSave: (week: WeekHours) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [week, setWeek] = useState(initial);
  const [errors, setErrors] = useState<HoursErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (next: WeekHours) => {
    setWeek(next);
    setErrors({});
    setFormError(null);
  };
  const message = (issue: FieldIssue | undefined) => t.issue(issue);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = hoursErrors(week);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await onSave(week);
    } catch (caught) {
      const placed = errorCodeOf(caught) === "VALIDATION_FAILED" ? placeHoursIssues(fieldIssuesOf(caught)) : {};
      if (Object.keys(placed).length) setErrors(placed);
      else setFormError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const dayRow = (day: WeekdayKey) => {
    const name = dayName(locale, day);
    const dayIssue = message(errors[day]);
    return (
      <fieldset key={day} className="grid gap-2 border-t border-slate-100 py-3 sm:grid-cols-[10rem_1fr]" aria-label={name}>
        <legend className="sr-only">{name}</legend>
        <div className="text-sm font-medium text-slate-900 capitalize" aria-hidden="true">
          {name}
        </div>
        <div className="space-y-2">
          {week[day].length === 0 ? <p className="text-sm text-slate-600">{t("settings.hours.closed")}</p> : null}
          {week[day].map((interval, index) => {
            const issues = intervalIssue(errors, day, index);
            const problem = message(issues.interval) ?? message(issues.end) ?? message(issues.start);
            const errorId = `hours-${staff.id}-${day}-${index}-error`;
            return (
              <div key={index} className="flex flex-wrap items-center gap-2">
                <Input
                  type="time"
                  className="w-32"
                  aria-label={t("settings.hours.from", { day: name, number: index + 1 })}
                  aria-invalid={issues.start || issues.interval ? true : undefined}
                  aria-describedby={problem ? errorId : undefined}
                  value={interval.start}
                  onChange={(event) => change(updateInterval(week, day, index, { start: event.target.value }))}
                />
                <span aria-hidden="true">–</span>
                <Input
                  type="time"
                  className="w-32"
                  aria-label={t("settings.hours.until", { day: name, number: index + 1 })}
                  aria-invalid={issues.end || issues.interval ? true : undefined}
                  aria-describedby={problem ? errorId : undefined}
                  value={interval.end}
                  onChange={(event) => change(updateInterval(week, day, index, { end: event.target.value }))}
                />
                <Button variant="ghost" size="sm" aria-label={t("settings.hours.removeInterval", { day: name, number: index + 1 })} onClick={() => change(removeInterval(week, day, index))}>
                  {t("common.remove")}
                </Button>
                {problem ? (
                  <p id={errorId} className="w-full text-sm font-medium text-red-700">
                    {problem}
                  </p>
                ) : null}
              </div>
            );
          })}
          {dayIssue ? <p className="text-sm font-medium text-red-700">{dayIssue}</p> : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" aria-label={t("settings.hours.addInterval", { day: name })} onClick={() => change(addInterval(week, day))}>
              {t("settings.hours.add")}
            </Button>
            {week[day].length ? (
              <Button variant="ghost" size="sm" aria-label={t("settings.hours.clearDay", { day: name })} onClick={() => change(clearDay(week, day))}>
                {t("settings.hours.clear")}
              </Button>
            ) : null}
            {day === "monday" ? (
              <Button variant="ghost" size="sm" onClick={() => change(copyMondayToWeekdays(week))}>
                {t("settings.hours.copyMonday")}
              </Button>
            ) : null}
          </div>
        </div>
      </fieldset>
    );
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate aria-label={t("settings.hours.formLabel", { name: staff.displayName })}>
      <p className="mb-2 text-sm text-slate-600">{t("settings.hours.timeZone", { timeZone: timeZone.replaceAll("_", " ") })}</p>
      {weekOrder(locale).map(dayRow)}
      {formError ? (
        <p role="alert" className="mt-2 text-sm font-medium text-red-700">
          {formError}
        </p>
      ) : null}
      <div className="mt-3 flex justify-end">
        <Button type="submit" loading={busy}>
          {t("settings.hours.save")}
        </Button>
      </div>
    </form>
  );
}
