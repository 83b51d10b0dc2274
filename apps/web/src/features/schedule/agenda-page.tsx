import { formatPhone } from "@frontoffice/domain";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { Button, EmptyState, ErrorState, Input, Select, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { useScheduleFormat } from "./format";
import { scheduleKeys, useScheduleClient } from "./schedule-api";
import { pickOffice } from "./pick-office";
import { dayRange, isIsoDate, localDate } from "./zoned-time";

/** On paper: only the agenda (no navigation, no controls), black on white. */
const PRINT_CSS = `@media print {
  header, nav, [data-print="hide"], a[href="#main"], [aria-live] { display: none !important; }
  body { background: #fff !important; }
  main { max-width: none !important; padding: 0 !important; }
  [data-print="sheet"] { box-shadow: none !important; border: 0 !important; }
  tr { break-inside: avoid; }
}`;

/**
 * The employer's day, as an assistant prints it: one staff member, one date, every appointment in
 * order with the client's phone.
 */
export function AgendaPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const client = useScheduleClient();
  const session = useSession();
  const offices = useOffices();
  const [params, setParams] = useSearchParams();
  const staffList = useQuery(trpc.staff.list.queryOptions({}));
  const office = pickOffice(offices, params.get("office"), staffList.data, session.staff.id);
  const timeZone = office?.timeZone ?? session.staff.timeZone;
  const [openedAt] = useState(() => Date.now());
  const date = isIsoDate(params.get("date")) ? (params.get("date") as string) : localDate(openedAt, timeZone);
  const format = useScheduleFormat(timeZone);

  const staff = (staffList.data ?? []).filter((member) => member.active && (!office || member.officeIds.includes(office.id)));
  const staffId = staff.some((member) => member.id === params.get("staff")) ? (params.get("staff") as string) : staff[0]?.id;
  const member = staff.find((candidate) => candidate.id === staffId);

  const { start, end } = dayRange(date, timeZone);
  const input = { officeId: office?.id, staffIds: staffId ? [staffId] : undefined, from: new Date(start).toISOString(), to: new Date(end).toISOString() };
  const agenda = useQuery({ queryKey: scheduleKeys.agenda(input), queryFn: () => client.appointments.agenda.query(input), enabled: !!staffId && !!office });
  const appointments = (agenda.data ?? []).filter((appointment) => appointment.status !== "cancelled").sort((a, b) => a.start.localeCompare(b.start));
  const clientIds = [...new Set(appointments.map((appointment) => appointment.clientId))];
  const clients = useQueries({ queries: clientIds.map((id) => ({ ...trpc.clients.get.queryOptions({ id }), staleTime: 60_000 })) });
  const phoneOf = (id: string) => {
    const found = clients[clientIds.indexOf(id)]?.data;
    const number = found?.phones[0]?.number;
    return number ? formatPhone(number) : "";
  };

  const set = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    }, { replace: true });

  return (
    <div className="space-y-4">
      <style>{PRINT_CSS}</style>
      <title>{`${t("agenda.title")} · ${t("app.name")}`}</title>
      <div data-print="hide" className="space-y-4">
        <BackLink to={`/schedule?${new URLSearchParams({ ...(office ? { office: office.id } : {}), date }).toString()}`} label={t("agenda.back")} />
        <div className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            <span className="block">{t("schedule.field.staff")}</span>
            <Select className="w-56" value={staffId ?? ""} onChange={(event) => set("staff", event.target.value)}>
              {staff.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.displayName}
                </option>
              ))}
            </Select>
          </label>
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            <span className="block">{t("schedule.date")}</span>
            <Input type="date" className="w-44" value={date} onChange={(event) => isIsoDate(event.target.value) && set("date", event.target.value)} />
          </label>
          <Button className="ml-auto" onClick={() => window.print()}>
            {t("agenda.print")}
          </Button>
        </div>
      </div>

      <article data-print="sheet" aria-labelledby="agenda-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <div className="mb-4 border-b border-slate-200 pb-3">
          <h1 id="agenda-title" className="text-xl font-semibold text-slate-900">
            {member ? t("agenda.heading", { staff: member.displayName }) : t("agenda.title")}
          </h1>
          <p className="text-sm text-slate-700">
            {format.dayLong(date)}
            {office ? ` · ${office.name}` : ""}
          </p>
        </div>
        {staffList.isPending || agenda.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : agenda.isError ? (
          <ErrorState title={t("schedule.loadError")} message={errorMessage(t, agenda.error)} onRetry={() => void agenda.refetch()} />
        ) : appointments.length === 0 ? (
          <EmptyState title={t("agenda.empty")} />
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("agenda.column.time")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("schedule.field.client")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("agenda.column.phone")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("schedule.field.service")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("appointment.status")}</th>
                <th scope="col" className="py-2 font-semibold">{t("schedule.field.notes")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {appointments.map((appointment) => (
                <tr key={appointment.id}>
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{format.range(appointment.start, appointment.end)}</td>
                  <td className="py-2 pr-3 font-medium text-slate-900">{appointment.clientName}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{phoneOf(appointment.clientId)}</td>
                  <td className="py-2 pr-3">{appointment.serviceName}</td>
                  <td className="py-2 pr-3">{t(`appointment.status.${appointment.status}`)}</td>
                  <td className="py-2 whitespace-pre-wrap text-slate-700">{appointment.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="mt-4 text-xs text-slate-500">{t("agenda.count", { count: appointments.length })}</p>
      </article>
    </div>
  );
}
