import { ICS_IMPORT_MAX_BYTES, type AgendaItem } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { Alert, Button, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { useScheduleFormat, type ScheduleFormat } from "../schedule/format";
import { PrintableAgenda } from "../schedule/printable-agenda";
import { useRefreshSchedule } from "../schedule/schedule-api";
import { addDays, isIsoDate, localDate } from "../schedule/zoned-time";
import { AddEntryForm } from "./add-entry-form";
import { AgendaItemRow } from "./agenda-item-row";
import { DelegatesCard } from "./delegates-card";

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

      <PrintableAgenda
        titleId="employer-day-title"
        heading={t("employerDay.heading", { staff: name })}
        subheading={format.dayLong(date)}
        columns={[
          { label: t("agenda.column.time") },
          { label: t("employerDay.column.kind") },
          { label: t("employerDay.column.what") },
          { label: t("employerDay.column.contact") },
          { label: t("employerDay.column.done") },
          { label: t("employerDay.column.actions"), hidden: true, screenOnly: true },
        ]}
        query={{ isPending: day.isPending, error: day.error, refetch: day.refetch, rowCount: items.length }}
        emptyTitle={t("employerDay.empty")}
        countLabel={t("employerDay.count", { count: items.length })}
      >
        {items.map((item) => (
          <Row key={item.key} item={item} format={format} onChanged={refresh} />
        ))}
      </PrintableAgenda>

      <div data-print="hide" className="grid gap-4 lg:grid-cols-2">
        <AddEntryForm staffId={staffId} date={date} timeZone={timeZone} officeId={session.offices[0]?.id ?? ""} onAdded={refresh} />
        {canManageStaff || staffId === session.staff.id ? <DelegatesCard principalStaffId={staffId} staff={staffList.data ?? []} /> : null}
      </div>
    </div>
  );
}

/** One line of the day, with what it does on the server (tick, skip, cancel); the day refreshes after each. */
function Row({ item, format, onChanged }: { item: AgendaItem; format: ScheduleFormat; onChanged: () => Promise<void> }) {
  const trpc = useTRPC();
  const options = { onSuccess: onChanged, onError: () => void onChanged() };
  const complete = useMutation({ ...trpc.agenda.complete.mutationOptions(), ...options });
  const cancel = useMutation({ ...trpc.agenda.cancel.mutationOptions(), ...options });
  const skip = useMutation({ ...trpc.agenda.skipOccurrence.mutationOptions(), ...options });
  return (
    <AgendaItemRow
      item={item}
      format={format}
      error={complete.error ?? cancel.error ?? skip.error}
      cancelling={cancel.isPending}
      skipping={skip.isPending}
      onComplete={(input) => complete.mutateAsync(input).then(() => undefined, () => undefined)}
      onCancel={(ref) => cancel.mutate(ref)}
      onSkip={(input) => skip.mutate(input)}
    />
  );
}
