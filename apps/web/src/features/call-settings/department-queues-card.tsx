import { CALL_QUEUE_STRATEGIES, MAX_QUEUE_TIMEOUT_SECONDS, type CallQueueStrategy, type DepartmentQueueInput, type FieldIssue } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardHeader, CardTitle, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { WeekForm } from "../settings/working-hours-editor";
import { toWeek, type WeekHours } from "../settings/working-hours-model";
import { routingRefusalMessage } from "./routing-problems";
import type { RoutingNames } from "./rule-model";
import { useRefreshSetup, type CallRoutingSetupView } from "./setup";

type Department = CallRoutingSetupView["departments"][number];

/** Overflow as one select value: `voicemail`, `callback` or `department:<id>`. */
function overflowValue(overflow: Department["overflow"]): string {
  if (!overflow) return "voicemail";
  return overflow.kind === "department" ? `department:${overflow.departmentId}` : overflow.kind;
}

function overflowOf(value: string): DepartmentQueueInput["overflow"] {
  if (value.startsWith("department:")) return { kind: "department", departmentId: value.slice("department:".length) };
  return value === "callback" ? { kind: "callback" } : { kind: "voicemail" };
}

/** Each department's queue: strategy, time-out, where it overflows, its own call hours. */
export function DepartmentQueuesCard({ setup, names }: { setup: CallRoutingSetupView; names: RoutingNames }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshSetup(setup.office.id);
  const update = useMutation(trpc.callRouting.updateDepartment.mutationOptions());
  const save = async (input: DepartmentQueueInput) => {
    await update.mutateAsync(input);
    await refresh();
    toast(t("callSettings.departments.saved", { name: names.departments[input.departmentId] ?? "" }), "success");
  };
  return (
    <Card aria-labelledby="call-departments-title">
      <CardHeader>
        <CardTitle id="call-departments-title">{t("callSettings.departments.title")}</CardTitle>
      </CardHeader>
      <ul className="divide-y divide-slate-100">
        {setup.departments.map((department) => (
          <li key={department.id} className="px-4 py-4 sm:px-6">
            <DepartmentQueueForm key={JSON.stringify(department)} department={department} departments={setup.departments} timeZone={setup.office.timeZone} names={names} onSave={save} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** One department's queue settings (exported for component tests). */
export function DepartmentQueueForm({
  department,
  departments,
  timeZone,
  names,
  onSave,
}: {
  department: Department;
  departments: readonly Department[];
  timeZone: string;
  names: RoutingNames;
  onSave: (input: DepartmentQueueInput) => Promise<void>;
}) {
  const { t } = useI18n();
  const [strategy, setStrategy] = useState<CallQueueStrategy>(department.strategy);
  const [timeout, setTimeoutText] = useState(String(department.timeoutSeconds));
  const [overflow, setOverflow] = useState(overflowValue(department.overflow));
  const [ownHours, setOwnHours] = useState(department.callHours !== null);
  const [timeoutIssue, setTimeoutIssue] = useState<FieldIssue | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (callHours: WeekHours | null) => {
    setFormError(null);
    const timeoutSeconds = /^\d+$/.test(timeout.trim()) ? Number(timeout.trim()) : Number.NaN;
    if (!(timeoutSeconds >= 1 && timeoutSeconds <= MAX_QUEUE_TIMEOUT_SECONDS)) {
      setTimeoutIssue({ path: ["timeoutSeconds"], key: "validation.invalid" });
      return;
    }
    setTimeoutIssue(null);
    setBusy(true);
    try {
      await onSave({ departmentId: department.id, strategy, timeoutSeconds, overflow: overflowOf(overflow), callHours });
    } catch (error) {
      setFormError(routingRefusalMessage(t, error, names));
      throw error;
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send(ownHours ? (department.callHours ? toWeek(department.callHours) : toWeek(undefined)) : null).catch(() => undefined);
  };
  const label = (text: string) => `${text} (${department.name})`;

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate aria-label={t("callSettings.departments.formLabel", { name: department.name })} className="space-y-3">
        <h3 className="font-medium text-slate-900">
          {department.name}
          {department.extension ? <span className="ml-2 text-sm font-normal text-slate-600">{t("callSettings.extensionValue", { extension: department.extension })}</span> : null}
        </h3>
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <div className="flex flex-wrap items-start gap-4">
          <Field label={t("callSettings.departments.strategy")} className="w-56">
            {(control) => (
              <Select {...control} aria-label={label(t("callSettings.departments.strategy"))} value={strategy} onChange={(event) => setStrategy(event.target.value as CallQueueStrategy)}>
                {CALL_QUEUE_STRATEGIES.map((value) => (
                  <option key={value} value={value}>
                    {t(`callSettings.strategy.${value}`)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("callSettings.departments.timeout")} className="w-40" error={t.issue(timeoutIssue)}>
            {(control) => <Input {...control} aria-label={label(t("callSettings.departments.timeout"))} inputMode="numeric" value={timeout} onChange={(event) => setTimeoutText(event.target.value)} />}
          </Field>
          <Field label={t("callSettings.departments.overflow")} className="w-64">
            {(control) => (
              <Select {...control} aria-label={label(t("callSettings.departments.overflow"))} value={overflow} onChange={(event) => setOverflow(event.target.value)}>
                <option value="voicemail">{t("callSettings.overflow.voicemail")}</option>
                <option value="callback">{t("callSettings.overflow.callback")}</option>
                {departments
                  .filter((other) => other.id !== department.id)
                  .map((other) => (
                    <option key={other.id} value={`department:${other.id}`}>
                      {t("callSettings.overflow.department", { name: other.name })}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={ownHours} onChange={(event) => setOwnHours(event.target.checked)} />
          {t("callSettings.departments.ownHours")}
        </label>
        {!ownHours || department.callHours ? (
          <Button type="submit" size="sm" loading={busy}>
            {t("callSettings.departments.save")}
          </Button>
        ) : null}
      </form>
      {ownHours ? (
        <details open={department.callHours === null} className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("callSettings.departments.hours", { name: department.name })}</summary>
          <WeekForm staff={{ id: `department-${department.id}`, displayName: department.name }} timeZone={timeZone} initial={toWeek(department.callHours ?? undefined)} onSave={(week) => send(week)} />
        </details>
      ) : null}
    </div>
  );
}
