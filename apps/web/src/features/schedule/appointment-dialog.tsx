import { APPOINTMENT_TRANSITIONS, CANCEL_REASONS, type AppointmentStatus, type CancelReason, type Office, type SlotOffer } from "@frontoffice/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { Alert, Badge, Button, buttonClasses, Dialog, DialogContent, DialogFooter, ErrorState, Field, Select, Skeleton, Spinner, Textarea, useToast } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useCan } from "../shell/session-context";
import { useScheduleFormat } from "./format";
import { scheduleKeys, useRefreshSchedule, useScheduleClient, type Appointment, type AppointmentHistoryEntry } from "./schedule-api";
import { SlotPicker } from "./slot-picker";
import { STATUS_BADGE_TONES } from "./status";
import { localDate } from "./zoned-time";

/** What each status change is called on its button. */
const ACTION_KEYS: Partial<Record<AppointmentStatus, MessageKey>> = {
  confirmed: "appointment.action.confirm",
  booked: "appointment.action.unconfirm",
  checked_in: "appointment.action.checkIn",
  in_progress: "appointment.action.start",
  completed: "appointment.action.complete",
  no_show: "appointment.action.noShow",
};

type Mode = "view" | "reschedule" | "cancel";

export function AppointmentDialog({
  appointmentId,
  office,
  staffNames,
  onClose,
  onMoved,
}: {
  appointmentId: string | null;
  office: Office;
  staffNames: ReadonlyMap<string, string>;
  onClose: () => void;
  onMoved?: (appointment: Appointment) => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={appointmentId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent title={t("appointment.title")} className="max-w-2xl">
        {appointmentId ? <AppointmentDetail id={appointmentId} office={office} staffNames={staffNames} onMoved={onMoved} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function AppointmentDetail({ id, office, staffNames, onMoved }: { id: string; office: Office; staffNames: ReadonlyMap<string, string>; onMoved?: (appointment: Appointment) => void }) {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const canWrite = useCan("appointments.write");
  const canTakePayment = useCan("payments.take");
  const format = useScheduleFormat(office.timeZone);
  const [mode, setMode] = useState<Mode>("view");
  const appointment = useQuery({ queryKey: scheduleKeys.appointment(id), queryFn: () => client.appointments.get.query({ id }) });

  const setStatus = useMutation({
    mutationFn: (status: AppointmentStatus) => client.appointments.setStatus.mutate({ id, version: appointment.data?.version ?? 0, status }),
    onSuccess: async (updated) => {
      toast(t("appointment.statusChanged", { status: t(`appointment.status.${updated.status}`) }));
      await refresh();
    },
    onError: () => void refresh(),
  });

  if (appointment.isPending) return <Skeleton className="h-40 w-full" />;
  if (appointment.isError) return <ErrorState title={t("appointment.loadError")} message={errorMessage(t, appointment.error)} onRetry={() => void appointment.refetch()} retrying={appointment.isFetching} />;
  const data = appointment.data;
  const closed = APPOINTMENT_TRANSITIONS[data.status].length === 0;
  const movable = !closed && (data.status === "booked" || data.status === "confirmed");

  return (
    <div className="space-y-5">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Item label={t("schedule.field.client")}>
          <Link to={`/clients/${data.clientId}`} className="font-medium text-brand-700 hover:underline">
            {data.clientName}
          </Link>
        </Item>
        <Item label={t("appointment.status")}>
          <Badge tone={STATUS_BADGE_TONES[data.status]} data-testid="appointment-status">
            {t(`appointment.status.${data.status}`)}
          </Badge>
        </Item>
        <Item label={t("appointment.when")}>
          <span data-testid="appointment-when">
            {format.dayLong(localDate(Date.parse(data.start), office.timeZone))}, {format.range(data.start, data.end)}
          </span>
        </Item>
        <Item label={t("schedule.field.service")}>{data.serviceName}</Item>
        <Item label={t("schedule.field.staff")}>{data.staffName || staffNames.get(data.staffId)}</Item>
        {data.resourceName ? <Item label={t("schedule.field.room")}>{data.resourceName}</Item> : null}
        {data.cancelReason ? <Item label={t("appointment.cancelReason")}>{t(`appointment.reason.${data.cancelReason}`)}</Item> : null}
        {data.notes ? (
          <Item label={t("schedule.field.notes")} className="sm:col-span-2">
            <span className="whitespace-pre-wrap">{data.notes}</span>
          </Item>
        ) : null}
      </dl>

      {setStatus.isError ? <Alert tone="error">{errorMessage(t, setStatus.error)}</Alert> : null}

      {canWrite && mode === "view" && !closed ? (
        <div className="flex flex-wrap gap-2">
          {APPOINTMENT_TRANSITIONS[data.status].map((status) => {
            const key = ACTION_KEYS[status];
            if (!key) return null;
            return (
              <Button key={status} variant={status === "no_show" ? "danger" : status === "booked" ? "ghost" : "secondary"} size="sm" loading={setStatus.isPending && setStatus.variables === status} onClick={() => setStatus.mutate(status)}>
                {t(key)}
              </Button>
            );
          })}
          {movable ? (
            <Button variant="secondary" size="sm" onClick={() => setMode("reschedule")}>
              {t("appointment.action.reschedule")}
            </Button>
          ) : null}
          {movable ? (
            <Button variant="danger" size="sm" onClick={() => setMode("cancel")}>
              {t("appointment.action.cancel")}
            </Button>
          ) : null}
        </div>
      ) : null}

      {canTakePayment && mode === "view" && data.status !== "cancelled" ? (
        <Link to={`/payments?appointment=${data.id}&office=${data.officeId}`} className={buttonClasses("secondary", "sm")}>
          {t("appointment.action.takePayment")}
        </Link>
      ) : null}

      {mode === "reschedule" ? (
        <Reschedule
          appointment={data}
          office={office}
          onDone={(moved) => {
            setMode("view");
            onMoved?.(moved);
          }}
          onCancel={() => setMode("view")}
        />
      ) : null}
      {mode === "cancel" ? <Cancel appointment={data} onDone={() => setMode("view")} onCancel={() => setMode("view")} /> : null}

      <History id={id} timeZone={office.timeZone} />
    </div>
  );
}

function Item({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}

function Reschedule({ appointment, office, onDone, onCancel }: { appointment: Appointment; office: Office; onDone: (moved: Appointment) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const format = useScheduleFormat(office.timeZone);
  const [sameStaff, setSameStaff] = useState(true);
  const [slot, setSlot] = useState<SlotOffer | null>(null);
  const move = useMutation({
    mutationFn: (chosen: SlotOffer) => client.appointments.reschedule.mutate({ id: appointment.id, version: appointment.version, start: chosen.start, staffId: chosen.staffId, resourceId: chosen.resourceId ?? undefined }),
    onSuccess: async (moved) => {
      toast(t("appointment.moved", { when: format.when(moved.start) }));
      await refresh();
      onDone(moved);
    },
    onError: () => void refresh(),
  });
  return (
    <section aria-labelledby="reschedule-title" className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
      <h3 id="reschedule-title" className="text-sm font-semibold text-slate-900">
        {t("appointment.reschedule.title")}
      </h3>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={sameStaff} onChange={(event) => (setSameStaff(event.target.checked), setSlot(null))} className="h-4 w-4 rounded border-slate-300" />
        {t("appointment.reschedule.sameStaff", { staff: appointment.staffName })}
      </label>
      <SlotPicker
        key={String(sameStaff)}
        serviceId={appointment.serviceId}
        staffId={sameStaff ? appointment.staffId : null}
        timeZone={office.timeZone}
        initialFrom={localDate(Date.parse(appointment.start), office.timeZone)}
        selected={slot}
        onPick={setSlot}
      />
      {move.isError ? <Alert tone="error">{errorMessage(t, move.error)}</Alert> : null}
      <DialogFooter className="mt-3">
        <Button variant="secondary" onClick={onCancel}>
          {t("common.back")}
        </Button>
        <Button disabled={!slot} loading={move.isPending} onClick={() => slot && move.mutate(slot)}>
          {slot ? t("appointment.reschedule.submitTo", { when: format.when(slot.start) }) : t("appointment.reschedule.submit")}
        </Button>
      </DialogFooter>
    </section>
  );
}

function Cancel({ appointment, onDone, onCancel }: { appointment: Appointment; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const [reason, setReason] = useState<CancelReason | "">("");
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState(false);
  const cancel = useMutation({
    mutationFn: (chosen: CancelReason) => client.appointments.cancel.mutate({ id: appointment.id, version: appointment.version, reason: chosen, note: note.trim() || undefined }),
    onSuccess: async () => {
      toast(t("appointment.cancelled"));
      await refresh();
      onDone();
    },
    onError: () => void refresh(),
  });
  return (
    <form
      aria-labelledby="cancel-title"
      className="space-y-3 rounded-md p-3 ring-1 ring-red-200"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (reason) cancel.mutate(reason);
      }}
    >
      <h3 id="cancel-title" className="text-sm font-semibold text-slate-900">
        {t("appointment.cancel.title")}
      </h3>
      <Field label={t("appointment.cancelReason")} error={touched && !reason ? t("appointment.cancel.reasonRequired") : null}>
        {(control) => (
          <Select {...control} value={reason} onChange={(event) => setReason(event.target.value as CancelReason)}>
            <option value="">{t("appointment.cancel.chooseReason")}</option>
            {CANCEL_REASONS.map((value) => (
              <option key={value} value={value}>
                {t(`appointment.reason.${value}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("appointment.cancel.note")} optional>
        {(control) => <Textarea {...control} rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} className="min-h-16" />}
      </Field>
      {cancel.isError ? <Alert tone="error">{errorMessage(t, cancel.error)}</Alert> : null}
      <DialogFooter className="mt-3">
        <Button variant="secondary" onClick={onCancel}>
          {t("common.back")}
        </Button>
        <Button type="submit" variant="danger" loading={cancel.isPending}>
          {t("appointment.cancel.submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}

function History({ id, timeZone }: { id: string; timeZone: string }) {
  const { t, formatDateTime } = useI18n();
  const format = useScheduleFormat(timeZone);
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const historyDetail = (entry: AppointmentHistoryEntry): string => {
    const change = (field: string) => entry.changes[field];
    if (entry.action === "book" && text(change("start")?.to)) return format.when(text(change("start")?.to));
    if (entry.action === "reschedule" && text(change("start")?.from) && text(change("start")?.to)) return `${format.when(text(change("start")?.from))} → ${format.when(text(change("start")?.to))}`;
    if (entry.action === "status" && text(change("status")?.to)) return t.dynamic(`appointment.status.${text(change("status")?.to)}`);
    if (entry.action === "cancel") return [text(change("cancelReason")?.to) ? t.dynamic(`appointment.reason.${text(change("cancelReason")?.to)}`) : "", text(change("cancelNote")?.to)].filter(Boolean).join(" · ");
    return "";
  };
  const client = useScheduleClient();
  const history = useQuery({ queryKey: scheduleKeys.history(id), queryFn: () => client.appointments.history.query({ id }) });
  return (
    <section aria-labelledby="history-title" className="space-y-2">
      <h3 id="history-title" className="text-sm font-semibold text-slate-900">
        {t("appointment.history")}
      </h3>
      {history.isPending ? (
        <Spinner size="sm" />
      ) : history.isError ? (
        <p className="text-sm text-red-700">{errorMessage(t, history.error)}</p>
      ) : history.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("appointment.history.empty")}</p>
      ) : (
        <ol className="space-y-1.5 text-sm">
          {history.data.map((entry: AppointmentHistoryEntry) => (
            <li key={entry.id} className="flex flex-wrap gap-x-2 text-slate-800">
              <span className="font-medium">{t.dynamic(`appointment.history.${entry.action}`, undefined, "appointment.history.changed")}</span>
              {historyDetail(entry) ? <span>{historyDetail(entry)}</span> : null}
              <span className="text-slate-600">
                {formatDateTime(entry.at, timeZone)}
                {entry.actor ? ` · ${entry.actor.displayName}` : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
