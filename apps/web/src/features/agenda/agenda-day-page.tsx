import { ICS_IMPORT_MAX_BYTES, formatPhone, type AgendaItem } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { Alert, Badge, Button, EmptyState, ErrorState, Field, Input, Select, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { useScheduleFormat, type ScheduleFormat } from "../schedule/format";
import { useRefreshSchedule } from "../schedule/schedule-api";
import { addDays, isIsoDate, localDate } from "../schedule/zoned-time";
import { AddEntryForm } from "./add-entry-form";
import { DelegatesCard } from "./delegates-card";

/** On paper: the sheet alone on A4, black on white, no controls. */
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 14mm; }
  header, nav, [data-print="hide"], a[href="#main"], [aria-live] { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  [data-print="sheet"] { box-shadow: none !important; border: 0 !important; padding: 0 !important; }
  tr { break-inside: avoid; }
}`;

const KIND_TONES = { appointment: "info", block: "warning", task: "neutral", callback: "success" } as const;

/**
 * The employer's day: an assistant keeps an executive's calendar — appointments, blocks, tasks
 * and call-backs in time order — adds to it, ticks tasks done, prints it on A4 and exports it as
 * an .ics file. Whose day: one's own, a principal one assists, or (managers) anyone's.
 */
export function AgendaDayPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refreshSchedule = useRefreshSchedule();
  const { toast } = useToast();
  const session = useSession();
  const canManageStaff = useCan("staff.manage");
  const [params, setParams] = useSearchParams();
  const [openedAt] = useState(() => Date.now());

  const principals = useQuery(trpc.agenda.principals.queryOptions());
  const staffList = useQuery(trpc.staff.list.queryOptions({}));
  const choices = useMemo(() => {
    const list = [{ id: session.staff.id, name: t("employerDay.myself", { name: session.staff.displayName }) }];
    for (const link of principals.data ?? []) list.push({ id: link.principalStaffId, name: link.principalName });
    if (canManageStaff) {
      for (const member of staffList.data ?? []) {
        if (member.active && !list.some((choice) => choice.id === member.id)) list.push({ id: member.id, name: member.displayName });
      }
    }
    return list;
  }, [session.staff, principals.data, staffList.data, canManageStaff, t]);
  const wanted = params.get("staff");
  const staffId = wanted && choices.some((choice) => choice.id === wanted) ? wanted : session.staff.id;
  const date = isIsoDate(params.get("date")) ? (params.get("date") as string) : localDate(openedAt, session.staff.timeZone);

  const dayInput = { staffId, date };
  const day = useQuery(trpc.agenda.day.queryOptions(dayInput));
  const timeZone = day.data?.timeZone ?? session.staff.timeZone;
  const format = useScheduleFormat(timeZone);
  const refresh = async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.agenda.pathKey() }), refreshSchedule()]);
  };

  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    }, { replace: true });

  const exportDay = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.agenda.exportDay.queryOptions(dayInput), staleTime: 0 }),
    onSuccess: ({ filename, ics }) => {
      const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      link.click();
      URL.revokeObjectURL(url);
    },
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const importIcs = useMutation({
    ...trpc.agenda.importIcs.mutationOptions(),
    onSuccess: async (result) => {
      toast(t("employerDay.imported", { added: result.added, updated: result.updated, unchanged: result.unchanged, skipped: result.skipped }));
      await refresh();
    },
  });
  const [tooLarge, setTooLarge] = useState(false);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // Refused here rather than by the server's request size limit, which has no translated message.
    setTooLarge(file.size > ICS_IMPORT_MAX_BYTES);
    if (file.size <= ICS_IMPORT_MAX_BYTES) importIcs.mutate({ staffId, ics: await file.text() });
    if (fileInput.current) fileInput.current.value = "";
  };

  const items = day.data?.items ?? [];
  const name = day.data?.staffName ?? choices.find((choice) => choice.id === staffId)?.name ?? "";
  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
      <title>{`${t("employerDay.title")} · ${t("app.name")}`}</title>
      <div data-print="hide" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        <Field label={t("employerDay.whose")}>
          {(control) => (
            <Select {...control} className="w-60" value={staffId} onChange={(event) => set("staff", event.target.value)}>
              {choices.map((choice) => (
                <option key={choice.id} value={choice.id}>
                  {choice.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("schedule.date")}>
          {(control) => <Input {...control} type="date" className="w-44" value={date} onChange={(event) => isIsoDate(event.target.value) && set("date", event.target.value)} />}
        </Field>
        <div className="flex gap-1">
          <Button variant="secondary" size="sm" onClick={() => set("date", addDays(date, -1))}>
            {t("employerDay.previousDay")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => set("date", addDays(date, 1))}>
            {t("employerDay.nextDay")}
          </Button>
        </div>
        <div className="ml-auto flex flex-wrap gap-2">
          <Button variant="secondary" loading={importIcs.isPending} onClick={() => fileInput.current?.click()}>
            {t("employerDay.import")}
          </Button>
          <input ref={fileInput} type="file" accept=".ics,text/calendar" className="sr-only" aria-label={t("employerDay.importFile")} tabIndex={-1} onChange={(event) => void onFile(event.target.files?.[0])} />
          <Button variant="secondary" loading={exportDay.isPending} onClick={() => exportDay.mutate()}>
            {t("employerDay.export")}
          </Button>
          <Button onClick={() => window.print()}>{t("agenda.print")}</Button>
        </div>
      </div>
      {tooLarge ? <div data-print="hide"><Alert tone="error">{t("errors.ICS_TOO_LARGE")}</Alert></div> : null}
      {importIcs.isError ? <div data-print="hide"><Alert tone="error">{errorMessage(t, importIcs.error)}</Alert></div> : null}
      {exportDay.isError ? <div data-print="hide"><Alert tone="error">{errorMessage(t, exportDay.error)}</Alert></div> : null}

      <article data-print="sheet" aria-labelledby="employer-day-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <div className="mb-4 border-b border-slate-200 pb-3">
          <h1 id="employer-day-title" className="text-xl font-semibold text-slate-900">
            {t("employerDay.heading", { staff: name })}
          </h1>
          <p className="text-sm text-slate-700">{format.dayLong(date)}</p>
        </div>
        {day.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : day.isError ? (
          <ErrorState title={t("schedule.loadError")} message={errorMessage(t, day.error)} onRetry={() => void day.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t("employerDay.empty")} />
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("agenda.column.time")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("employerDay.column.kind")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("employerDay.column.what")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("employerDay.column.contact")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("employerDay.column.done")}</th>
                <th scope="col" className="py-2 font-semibold" data-print="hide">
                  <span className="sr-only">{t("employerDay.column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {items.map((item) => (
                <Row key={item.key} item={item} format={format} onChanged={refresh} />
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-4 text-xs text-slate-500">{t("employerDay.count", { count: items.length })}</p>
      </article>

      <div data-print="hide" className="grid gap-4 lg:grid-cols-2">
        <AddEntryForm staffId={staffId} date={date} timeZone={timeZone} officeId={session.offices[0]?.id ?? ""} onAdded={refresh} />
        {canManageStaff || staffId === session.staff.id ? <DelegatesCard principalStaffId={staffId} staff={staffList.data ?? []} /> : null}
      </div>
    </div>
  );
}

function Row({ item, format, onChanged }: { item: AgendaItem; format: ScheduleFormat; onChanged: () => Promise<void> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const options = { onSuccess: onChanged, onError: () => void onChanged() };
  const complete = useMutation({ ...trpc.agenda.complete.mutationOptions(), ...options });
  const [ticked, setTicked] = useState<boolean | null>(null);
  const cancel = useMutation({ ...trpc.agenda.cancel.mutationOptions(), ...options });
  const skip = useMutation({ ...trpc.agenda.skipOccurrence.mutationOptions(), ...options });
  const error = complete.error ?? cancel.error ?? skip.error;
  const time = item.end ? format.range(item.start, item.end) : format.time(item.start);

  if (item.type === "appointment") {
    const { appointment } = item;
    return (
      <tr data-kind="appointment">
        <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{time}</td>
        <td className="py-2 pr-3"><Badge tone={KIND_TONES.appointment}>{t("employerDay.kind.appointment")}</Badge></td>
        <td className="py-2 pr-3">
          <span className="font-medium text-slate-900">{appointment.clientName}</span>
          <span className="text-slate-700"> · {appointment.serviceName}</span>
          {appointment.notes ? <p className="whitespace-pre-wrap text-slate-600">{appointment.notes}</p> : null}
        </td>
        <td className="py-2 pr-3" />
        <td className="py-2 pr-3">{t(`appointment.status.${appointment.status}`)}</td>
        <td className="py-2" data-print="hide" />
      </tr>
    );
  }

  const { entry } = item;
  const ref = { id: entry.id, version: entry.version };
  const doneLabel = t("employerDay.markDone", { title: entry.title });
  return (
    <tr data-kind={entry.kind} className={entry.status === "done" ? "text-slate-500" : undefined}>
      <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{time}</td>
      <td className="py-2 pr-3"><Badge tone={KIND_TONES[entry.kind]}>{t(`employerDay.kind.${entry.kind}`)}</Badge></td>
      <td className="py-2 pr-3">
        <span className={entry.status === "done" ? "font-medium line-through" : "font-medium text-slate-900"}>{entry.title}</span>
        {item.occurrenceStart ? <span className="ml-2 text-xs text-slate-600">{t("employerDay.repeats")}</span> : null}
        {entry.notes ? <p className="whitespace-pre-wrap text-slate-600">{entry.notes}</p> : null}
        {error ? <p role="alert" className="text-red-700" data-print="hide">{errorMessage(t, error)}</p> : null}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {entry.clientName ? <span className="block">{entry.clientName}</span> : null}
        {entry.phone ? <span className="block tabular-nums">{formatPhone(entry.phone)}</span> : null}
      </td>
      <td className="py-2 pr-3">
        {entry.kind === "block" ? null : (
          <input
            type="checkbox"
            className="h-4 w-4 accent-brand-700"
            aria-label={doneLabel}
            title={doneLabel}
            // Shown ticked at once; the refreshed day confirms it (or undoes it on a failure).
            checked={ticked ?? entry.status === "done"}
            onChange={(event) => {
              setTicked(event.target.checked);
              complete.mutate({ ...ref, done: event.target.checked }, { onSettled: () => setTicked(null) });
            }}
          />
        )}
      </td>
      <td className="py-2 text-right whitespace-nowrap" data-print="hide">
        {item.occurrenceStart ? (
          <Button variant="ghost" size="sm" loading={skip.isPending} onClick={() => skip.mutate({ ...ref, occurrenceStart: item.occurrenceStart as string })}>
            {t("employerDay.skip")}
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" loading={cancel.isPending} aria-label={t("employerDay.cancelEntry", { title: entry.title })} onClick={() => cancel.mutate(ref)}>
          {t("employerDay.cancel")}
        </Button>
      </td>
    </tr>
  );
}
