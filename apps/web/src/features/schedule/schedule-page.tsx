import type { StaffDetails } from "@frontoffice/domain";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Button, buttonClasses, ErrorState, Input, Select, Skeleton } from "../../components/ui";
import { useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { AppointmentDialog } from "./appointment-dialog";
import { pickOffice } from "./pick-office";
import { BookingDialog, type BookingPrefill } from "./booking-dialog";
import { useScheduleFormat } from "./format";
import { firstOpeningMinutes, hoursOn } from "./hours";
import { dayAxis } from "./layout";
import { scheduleKeys, useScheduleClient, type Appointment } from "./schedule-api";
import { TimeGrid, type GridColumn } from "./time-grid";
import { useDragReschedule } from "./drag-reschedule";
import { dragStep } from "./drag";
import { addDays, dayRange, isIsoDate, localDate, weekDates, weekStartFor } from "./zoned-time";

type View = "day" | "week";
/** Whose time the grid shows: staff members (a column each by day) or rooms. */
type ColumnsBy = "staff" | "rooms";

/** The current time, refreshed every minute (for the current-time line). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The office's staff who can be booked: those performing one of its services, else everyone assigned there. */
function officeStaff(staff: readonly StaffDetails[], officeId: string, bookable: ReadonlySet<string>): StaffDetails[] {
  const here = staff.filter((member) => member.active && member.officeIds.includes(officeId));
  const performing = here.filter((member) => bookable.has(member.id));
  return performing.length ? performing : here;
}

export function SchedulePage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const client = useScheduleClient();
  const session = useSession();
  const offices = useOffices();
  const canWrite = useCan("appointments.write");
  const [params, setParams] = useSearchParams();
  const now = useNow();

  const staffList = useQuery(trpc.staff.list.queryOptions({}));
  const office = pickOffice(offices, params.get("office"), staffList.data, session.staff.id);
  const timeZone = office?.timeZone ?? session.staff.timeZone;
  const today = localDate(now, timeZone);
  const date = isIsoDate(params.get("date")) ? (params.get("date") as string) : today;
  const view: View = params.get("view") === "week" ? "week" : "day";
  const columnsBy: ColumnsBy = params.get("by") === "rooms" ? "rooms" : "staff";
  const format = useScheduleFormat(timeZone);

  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const services = useQuery({
    queryKey: scheduleKeys.services(office?.id ?? ""),
    queryFn: () => client.services.list.query({ officeId: office?.id }),
    enabled: !!office,
  });
  const resources = useQuery({
    queryKey: scheduleKeys.resources(office?.id ?? ""),
    queryFn: () => client.resources.list.query({ officeId: office?.id }),
    enabled: !!office,
  });
  const rooms = resources.data ?? [];
  const byRooms = columnsBy === "rooms" && rooms.length > 0;
  const bookable = new Set((services.data ?? []).flatMap((service) => service.staffIds));
  const officeId = office?.id;
  const staff = officeId && staffList.data ? officeStaff(staffList.data, officeId, bookable) : [];
  const staffNames = useMemo(() => new Map((staffList.data ?? []).map((member) => [member.id, member.displayName])), [staffList.data]);
  const weekStaffId = staff.some((member) => member.id === params.get("staff")) ? (params.get("staff") as string) : staff[0]?.id;
  const weekRoomId = rooms.some((room) => room.id === params.get("room")) ? (params.get("room") as string) : rooms[0]?.id;

  const weekStart = weekStartFor(locale, office?.address.country);
  const dates = view === "week" ? weekDates(date, weekStart) : [date];
  const first = dates[0] ?? date;
  const last = dates.at(-1) ?? date;
  const range = { from: new Date(dayRange(first, timeZone).start).toISOString(), to: new Date(dayRange(last, timeZone).end).toISOString() };
  const staffIds = byRooms ? [] : view === "week" ? (weekStaffId ? [weekStaffId] : []) : staff.map((member) => member.id);
  const agendaInput = byRooms
    ? { officeId: office?.id, resourceIds: view === "week" && weekRoomId ? [weekRoomId] : rooms.map((room) => room.id), ...range }
    : { officeId: office?.id, staffIds: staffIds.length ? staffIds : undefined, ...range };
  const agenda = useQuery({
    queryKey: scheduleKeys.agenda(agendaInput),
    queryFn: () => client.appointments.agenda.query(agendaInput),
    enabled: !!office && (staffIds.length > 0 || byRooms),
    refetchInterval: 60_000,
  });

  // Working hours of the staff shown, to shade the closed parts of each column.
  const schedules = useQueries({
    queries: staffIds.map((staffId) => ({
      queryKey: scheduleKeys.hours(office?.id ?? "", staffId),
      queryFn: () => client.schedules.get.query({ staffId, officeId: office?.id ?? "" }),
      enabled: !!office,
      staleTime: 5 * 60_000,
    })),
  });
  const weeklyByStaff = new Map(staffIds.map((staffId, index) => [staffId, schedules[index]?.data?.weeklyHours]));
  const hoursKey = schedules.map((schedule) => schedule.dataUpdatedAt).join(",");
  const scrollTo = firstOpeningMinutes([...weeklyByStaff.values()]);

  const [booking, setBooking] = useState<BookingPrefill | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const dragReschedule = useDragReschedule(timeZone);

  const visible = useMemo(() => (agenda.data ?? []).filter((appointment) => appointment.status !== "cancelled"), [agenda.data]);
  const datesKey = dates.join(",");
  const columns: GridColumn[] = useMemo(() => {
    if (view === "week" && byRooms) {
      return datesKey.split(",").map((day) => ({
        key: day,
        label: format.dayShort(day),
        name: format.dayLong(day),
        axis: dayAxis(day, timeZone, "wall"),
        hours: null,
        appointments: visible.filter((appointment) => appointment.resourceId === weekRoomId),
        highlighted: day === today,
      }));
    }
    if (view === "week") {
      return datesKey.split(",").map((day) => ({
        key: day,
        label: format.dayShort(day),
        name: format.dayLong(day),
        axis: dayAxis(day, timeZone, "wall"),
        hours: weekStaffId && weeklyByStaff.get(weekStaffId) ? hoursOn(weeklyByStaff.get(weekStaffId), day, timeZone) : null,
        appointments: visible.filter((appointment) => appointment.staffId === weekStaffId),
        staffId: weekStaffId,
        highlighted: day === today,
      }));
    }
    if (byRooms) {
      return rooms.map((room) => ({
        key: room.id,
        label: room.name,
        name: t("schedule.column.room", { room: room.name, day: format.dayLong(date) }),
        axis: dayAxis(date, timeZone, "elapsed"),
        hours: null,
        appointments: visible.filter((appointment) => appointment.resourceId === room.id),
      }));
    }
    return staff.map((member) => ({
      key: member.id,
      label: member.displayName,
      name: t("schedule.column.staff", { staff: member.displayName, day: format.dayLong(date) }),
      axis: dayAxis(date, timeZone, "elapsed"),
      hours: weeklyByStaff.get(member.id) ? hoursOn(weeklyByStaff.get(member.id), date, timeZone) : null,
      appointments: visible.filter((appointment) => appointment.staffId === member.id),
      staffId: member.id,
    }));
    // The hours change with hoursKey; the map itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, datesKey, staff, visible, weekStaffId, weekRoomId, timeZone, format, today, date, t, hoursKey, byRooms, rooms]);

  if (staffList.isPending) return <Skeleton className="h-96 w-full" />;
  if (!office) return <ErrorState title={t("schedule.noOffice")} />;

  const heading = view === "week" ? `${format.dayMedium(first)} – ${format.dayMedium(last)}` : format.dayLong(date);
  const move = (days: number) => setParam({ date: addDays(date, days) });

  return (
    <div className="space-y-4">
      <title>{`${t("schedule.title")} · ${t("app.name")}`}</title>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold text-slate-900">{t("schedule.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Link
            to={`/schedule/agenda?${new URLSearchParams({ office: office.id, date, ...(weekStaffId ? { staff: weekStaffId } : {}) }).toString()}`}
            className={buttonClasses("secondary")}
          >
            {t("schedule.printAgenda")}
          </Link>
          <Link to={`/schedule/waitlist?office=${office.id}`} className={buttonClasses("secondary")}>
            {t("waitlist.open")}
          </Link>
          {canWrite ? (
            <Button onClick={() => setBooking({ from: date >= today ? date : today, staffId: view === "week" ? weekStaffId : null })}>{t("schedule.newAppointment")}</Button>
          ) : null}
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
        {offices.length > 1 ? (
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            <span className="block">{t("field.office")}</span>
            <Select className="w-48" value={office.id} onChange={(event) => setParam({ office: event.target.value, staff: null, room: null })}>
              {offices.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
        <div role="group" aria-label={t("schedule.view.label")} className="flex rounded-md ring-1 ring-slate-300">
          {(["day", "week"] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={view === option}
              onClick={() => setParam({ view: option === "day" ? null : option })}
              className={cn("h-10 px-4 text-sm font-medium first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-brand-600", view === option ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-50")}
            >
              {t(`schedule.view.${option}`)}
            </button>
          ))}
        </div>
        {rooms.length > 0 ? (
          <div role="group" aria-label={t("schedule.columnsBy.label")} className="flex rounded-md ring-1 ring-slate-300">
            {(["staff", "rooms"] as const).map((option) => (
              <button
                key={option}
                type="button"
                aria-pressed={columnsBy === option}
                onClick={() => setParam({ by: option === "staff" ? null : option })}
                className={cn("h-10 px-4 text-sm font-medium first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-brand-600", columnsBy === option ? "bg-brand-700 text-white" : "bg-white text-slate-800 hover:bg-slate-50")}
              >
                {t(`schedule.columnsBy.${option}`)}
              </button>
            ))}
          </div>
        ) : null}
        {view === "week" && byRooms ? (
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            <span className="block">{t("schedule.field.room")}</span>
            <Select className="w-52" value={weekRoomId ?? ""} onChange={(event) => setParam({ room: event.target.value })}>
              {rooms.map((room) => (
                <option key={room.id} value={room.id}>
                  {room.name}
                </option>
              ))}
            </Select>
          </label>
        ) : view === "week" ? (
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            <span className="block">{t("schedule.field.staff")}</span>
            <Select className="w-52" value={weekStaffId ?? ""} onChange={(event) => setParam({ staff: event.target.value })}>
              {staff.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.displayName}
                </option>
              ))}
            </Select>
          </label>
        ) : null}
        <div className="flex items-center gap-1">
          <Button variant="secondary" size="icon" aria-label={view === "week" ? t("schedule.previousWeek") : t("schedule.previousDay")} onClick={() => move(view === "week" ? -7 : -1)}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
              <path d="m12.3 4.3 1.4 1.4L9.4 10l4.3 4.3-1.4 1.4L6.6 10z" />
            </svg>
          </Button>
          <Button variant="secondary" onClick={() => setParam({ date: null })} disabled={date === today}>
            {t("schedule.today")}
          </Button>
          <Button variant="secondary" size="icon" aria-label={view === "week" ? t("schedule.nextWeek") : t("schedule.nextDay")} onClick={() => move(view === "week" ? 7 : 1)}>
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
              <path d="m7.7 4.3-1.4 1.4 4.3 4.3-4.3 4.3 1.4 1.4 5.7-5.7z" />
            </svg>
          </Button>
        </div>
        <label className="space-y-1.5 text-sm font-medium text-slate-800">
          <span className="block">{t("schedule.date")}</span>
          <Input type="date" className="w-44" value={date} onChange={(event) => isIsoDate(event.target.value) && setParam({ date: event.target.value })} />
        </label>
        <p className="ml-auto text-xs text-slate-600">{t("schedule.timeZone", { zone: timeZone })}</p>
      </div>

      <h2 className="text-lg font-semibold text-slate-900" aria-live="polite" data-testid="schedule-heading">
        {heading}
      </h2>

      {staffList.isPending || services.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : staffList.isError || services.isError ? (
        <ErrorState title={t("schedule.loadError")} message={errorMessage(t, staffList.error ?? services.error)} onRetry={() => void (staffList.refetch(), services.refetch())} />
      ) : staff.length === 0 ? (
        <ErrorState title={t("schedule.noStaff")} />
      ) : (
        <>
          {agenda.isError ? <ErrorState title={t("schedule.loadError")} message={errorMessage(t, agenda.error)} onRetry={() => void agenda.refetch()} retrying={agenda.isFetching} /> : null}
          <TimeGrid
            columns={columns}
            timeZone={timeZone}
            now={now}
            label={t("schedule.grid.label", { period: heading })}
            onOpen={(appointment: Appointment) => setOpenId(appointment.id)}
            onPick={canWrite ? (column, start) => setBooking({ from: localDate(start, timeZone) < today ? today : localDate(start, timeZone), staffId: column.staffId ?? null }) : undefined}
            onMoveDays={move}
            onMove={canWrite ? dragReschedule.onMove : undefined}
            stepMinutes={dragStep(office.bookingPolicy.slotStepMinutes)}
            scrollToMinutes={scrollTo}
          />
          {dragReschedule.dialog}
        </>
      )}

      {booking ? (
        <BookingDialog
          open
          onOpenChange={(open) => (open ? undefined : setBooking(null))}
          office={office}
          services={services.data ?? []}
          staffNames={staffNames}
          prefill={booking}
          onBooked={(appointment) => {
            setBooking(null);
            setParam({ date: localDate(Date.parse(appointment.start), timeZone) });
          }}
        />
      ) : null}
      <AppointmentDialog
        appointmentId={openId}
        office={office}
        staffNames={staffNames}
        onClose={() => setOpenId(null)}
        onMoved={(moved) => setParam({ date: localDate(Date.parse(moved.start), timeZone) })}
      />
    </div>
  );
}
