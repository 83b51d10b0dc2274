import { AGENDA_ENTRY_KINDS, type AgendaEntryInput, type AgendaEntryKind, type ClientSummary, type OverlappedAppointment } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert, Button, Card, CardContent, CardHeader, CardTitle, Field, Input, Select, Textarea, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { ClientPicker } from "../schedule/booking-dialog";
import { useScheduleFormat } from "../schedule/format";
import { zonedInstant } from "../schedule/zoned-time";
import { REPEATS, minutesOf, repeatRule, type Repeat } from "./repeat";

/** `"09:30"` → `"10:30"` (capped at 23:59). */
function plusHour(time: string): string {
  const minutes = Math.min((minutesOf(time) ?? 540) + 60, 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The appointments a refused block would cover (`data.details.overlappingAppointments`). */
export function overlappedOf(error: unknown): OverlappedAppointment[] {
  if (errorCodeOf(error) !== "BLOCK_OVER_APPOINTMENTS") return [];
  const data = error && typeof error === "object" ? (error as { data?: { details?: { overlappingAppointments?: unknown } } }).data : undefined;
  const list = data?.details?.overlappingAppointments;
  return Array.isArray(list) ? list.filter((item): item is OverlappedAppointment => !!item && typeof item === "object" && typeof (item as OverlappedAppointment).start === "string") : [];
}

/** Adds a block, task or call-back to the day shown, optionally repeating. */
export function AddEntryForm({ staffId, date, timeZone, officeId, onAdded }: { staffId: string; date: string; timeZone: string; officeId: string; onAdded: () => Promise<void> }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const [kind, setKind] = useState<AgendaEntryKind>("block");
  const [title, setTitle] = useState("");
  const [start, setStart] = useState("09:00");
  const [end, setEnd] = useState("10:00");
  const [repeat, setRepeat] = useState<Repeat>("none");
  const [times, setTimes] = useState(5);
  const [notes, setNotes] = useState("");
  const [client, setClient] = useState<ClientSummary | null>(null);
  const [phone, setPhone] = useState("");
  const format = useScheduleFormat(timeZone);
  // What was sent last: a block refused over appointments is sent again as it was, kept anyway.
  const [sent, setSent] = useState<AgendaEntryInput | null>(null);
  const create = useMutation({
    ...trpc.agenda.create.mutationOptions(),
    onSuccess: async (entry) => {
      toast(t("employerDay.added", { title: entry.title }));
      setTitle("");
      setNotes("");
      setClient(null);
      setPhone("");
      await onAdded();
    },
  });
  const issues = fieldIssuesOf(create.error);
  const issueOf = (field: string) => t.issue(issues.find((issue) => issue.path[0] === field));
  const overlapped = overlappedOf(create.error);
  const otherError = create.isError && issues.length === 0 && overlapped.length === 0 ? errorMessage(t, create.error) : null;
  const send = (input: AgendaEntryInput) => {
    setSent(input);
    create.mutate(input);
  };

  const at = (time: string) => {
    const minutes = minutesOf(time);
    return minutes === undefined ? "" : new Date(zonedInstant(date, minutes, timeZone)).toISOString();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const endAt = end ? at(end) : "";
    const rrule = repeatRule(repeat, times);
    send({
      staffId,
      kind,
      title: title.trim(),
      start: at(start),
      ...(endAt ? { end: endAt } : {}),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(rrule ? { rrule } : {}),
      ...(kind === "callback" && client ? { clientId: client.id } : {}),
      ...(kind === "callback" && phone.trim() ? { phone: phone.trim() } : {}),
    });
  };

  return (
    <Card aria-labelledby="employer-day-add">
      <CardHeader>
        <CardTitle id="employer-day-add">{t("employerDay.add")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form className="space-y-3" onSubmit={submit} aria-labelledby="employer-day-add" noValidate>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("employerDay.field.kind")}>
              {(control) => (
                <Select
                  {...control}
                  value={kind}
                  onChange={(event) => {
                    const next = event.target.value as AgendaEntryKind;
                    setKind(next);
                    // A block is a range; a task or call-back is due at one time unless given an end.
                    setEnd(next === "block" ? plusHour(start) : "");
                  }}
                >
                  {AGENDA_ENTRY_KINDS.map((value) => (
                    <option key={value} value={value}>
                      {t(`employerDay.kind.${value}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label={t("employerDay.field.title")} error={issueOf("title")}>
              {(control) => <Input {...control} value={title} maxLength={200} onChange={(event) => setTitle(event.target.value)} />}
            </Field>
            <Field label={kind === "block" ? t("employerDay.field.start") : t("employerDay.field.due")} error={issueOf("start")}>
              {(control) => <Input {...control} type="time" value={start} onChange={(event) => setStart(event.target.value)} />}
            </Field>
            <Field label={t("employerDay.field.end")} optional={kind !== "block"} error={issueOf("end")}>
              {(control) => <Input {...control} type="time" value={end} onChange={(event) => setEnd(event.target.value)} />}
            </Field>
            <Field label={t("employerDay.field.repeat")} error={issueOf("rrule")}>
              {(control) => (
                <Select {...control} value={repeat} onChange={(event) => setRepeat(event.target.value as Repeat)}>
                  {REPEATS.map((value) => (
                    <option key={value} value={value}>
                      {t(`employerDay.repeat.${value}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {repeat === "none" ? null : (
              <Field label={t("employerDay.field.times")}>
                {(control) => <Input {...control} type="number" min={1} max={500} value={times} onChange={(event) => setTimes(Number(event.target.value))} />}
              </Field>
            )}
          </div>
          {kind === "callback" ? (
            <div className="space-y-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
              <ClientPicker officeId={officeId} selected={client} onSelect={setClient} />
              <Field label={t("employerDay.field.phone")} optional hint={t("employerDay.field.phoneHint")} error={issueOf("phone")}>
                {(control) => <Input {...control} type="tel" autoComplete="off" value={phone} onChange={(event) => setPhone(event.target.value)} />}
              </Field>
            </div>
          ) : null}
          <Field label={t("schedule.field.notes")} optional error={issueOf("notes")}>
            {(control) => <Textarea {...control} rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} />}
          </Field>
          {otherError ? <Alert tone="error">{otherError}</Alert> : null}
          {overlapped.length > 0 && sent ? (
            <Alert
              tone="warning"
              title={t("employerDay.overAppointments")}
              actions={
                <Button type="button" variant="secondary" size="sm" loading={create.isPending} onClick={() => send({ ...sent, allowOverAppointments: true })}>
                  {t("employerDay.keepBlock")}
                </Button>
              }
            >
              <ul className="list-disc pl-5">
                {overlapped.map((appointment) => (
                  <li key={appointment.id}>
                    <span className="tabular-nums">{format.range(appointment.start, appointment.end)}</span> {appointment.clientName} · {appointment.serviceName}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Button type="submit" loading={create.isPending}>
            {t("employerDay.addSubmit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
