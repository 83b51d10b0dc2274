import { formatPhone } from "@frontoffice/domain";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { Button, Input, Select } from "../../components/ui";
import { useI18n } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { useScheduleFormat } from "./format";
import { scheduleKeys, useScheduleClient } from "./schedule-api";
import { pickOffice } from "./pick-office";
import { PrintableAgenda } from "./printable-agenda";
import { dayRange, isIsoDate, localDate } from "./zoned-time";

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

      <PrintableAgenda
        titleId="agenda-title"
        heading={member ? t("agenda.heading", { staff: member.displayName }) : t("agenda.title")}
        subheading={`${format.dayLong(date)}${office ? ` · ${office.name}` : ""}`}
        columns={[
          { label: t("agenda.column.time") },
          { label: t("schedule.field.client") },
          { label: t("agenda.column.phone") },
          { label: t("schedule.field.service") },
          { label: t("appointment.status") },
          { label: t("schedule.field.notes") },
        ]}
        query={{ isPending: staffList.isPending || agenda.isPending, error: agenda.error, refetch: agenda.refetch, rowCount: appointments.length }}
        emptyTitle={t("agenda.empty")}
        countLabel={t("agenda.count", { count: appointments.length })}
      >
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
      </PrintableAgenda>
    </div>
  );
}
