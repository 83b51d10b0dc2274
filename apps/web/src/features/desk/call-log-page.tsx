import type { CallLogEntry, CallOutcome } from "@frontoffice/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Badge, Card, CardContent, EmptyState, ErrorState, Field, Input, Skeleton } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { addDays, dayRange, isIsoDate, localDate } from "../schedule/zoned-time";
import { useOffices } from "../shell/use-offices";
import { useDeskOffice } from "../visitors/visitors-page";
import { callerLabel, CallStatusBadge } from "./call-bits";
import { DeskHeader } from "./desk-header";
import { formatElapsed } from "./live-state";

const OUTCOME_TONE: Record<CallOutcome, "success" | "warning" | "danger" | "info" | "neutral"> = {
  answered: "success",
  abandoned: "danger",
  missed: "danger",
  voicemail: "info",
  callback: "info",
  message: "info",
  closed: "neutral",
  rejected: "warning",
};

/** The office's calls of a day: offered, answered, ended, the wait, the outcome and who handled them. */
export function CallLogPage() {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const offices = useOffices();
  const [officeId, setOfficeId] = useDeskOffice();
  const office = offices.find((candidate) => candidate.id === officeId);
  const timeZone = office?.timeZone ?? "UTC";
  const [openedAt] = useState(() => Date.now());
  const [pickedDate, setDate] = useState<string | null>(null);
  const date = pickedDate && isIsoDate(pickedDate) ? pickedDate : localDate(openedAt, timeZone);
  const { start, end } = dayRange(date, timeZone);
  const log = useQuery({
    ...trpc.calls.log.queryOptions({ officeId: officeId ?? "", from: new Date(start).toISOString(), to: new Date(end).toISOString(), limit: 200 }),
    enabled: officeId !== undefined,
    placeholderData: keepPreviousData,
  });
  const time = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : "—");
  const seconds = (value: number | null) => (value === null ? "—" : formatElapsed(value));

  return (
    <div className="space-y-6">
      <DeskHeader title={t("desk.log.title")} officeId={officeId} onOfficeChange={setOfficeId}>
        <Field label={t("desk.log.date")} className="w-44">
          {(control) => <Input {...control} type="date" value={date} max={addDays(localDate(openedAt, timeZone), 1)} onChange={(event) => setDate(event.target.value)} />}
        </Field>
      </DeskHeader>
      <Card>
        <CardContent className="pt-6">
          {log.isPending ? (
            <Skeleton className="h-32" />
          ) : log.isError ? (
            <ErrorState title={t("desk.log.loadError")} message={errorMessage(t, log.error)} onRetry={() => void log.refetch()} retrying={log.isFetching} />
          ) : log.data.length === 0 ? (
            <EmptyState title={t("desk.log.none")} />
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-slate-600 uppercase">
                  <tr>
                    <th className="py-2 pr-3">{t("desk.log.caller")}</th>
                    <th className="py-2 pr-3">{t("desk.log.offered")}</th>
                    <th className="py-2 pr-3">{t("desk.log.answered")}</th>
                    <th className="py-2 pr-3">{t("desk.log.ended")}</th>
                    <th className="py-2 pr-3">{t("desk.log.wait")}</th>
                    <th className="py-2 pr-3">{t("desk.log.outcome")}</th>
                    <th className="py-2">{t("desk.log.handledBy")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200">
                  {log.data.map((entry: CallLogEntry) => (
                    <tr key={entry.id} data-testid="call-log-row">
                      <td className="py-2 pr-3">
                        <div className="font-medium text-slate-900">{callerLabel(t, entry)}</div>
                        <div className="text-xs text-slate-600">{entry.department?.name ?? entry.extension ?? ""}</div>
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{time(entry.offeredAt)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{time(entry.answeredAt)}</td>
                      <td className="py-2 pr-3 whitespace-nowrap">{time(entry.endedAt)}</td>
                      <td className="py-2 pr-3 font-mono tabular-nums">{seconds(entry.waitSeconds)}</td>
                      <td className="py-2 pr-3">
                        {entry.outcome ? <Badge tone={OUTCOME_TONE[entry.outcome]}>{t(`desk.outcome.${entry.outcome}` as MessageKey)}</Badge> : <CallStatusBadge status={entry.status} />}
                        {entry.transfers > 0 ? <span className="ml-1 text-xs text-slate-600">{t("desk.log.transfers", { count: entry.transfers })}</span> : null}
                      </td>
                      <td className="py-2">{entry.handledBy.map((person) => person.displayName).join(", ") || "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
