import type { ClientSummary, WaitlistEntryStatus } from "@frontoffice/domain";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { BackLink } from "../../components/back-link";
import { Alert, Badge, Button, Card, CardContent, CardHeader, CardTitle, EmptyState, ErrorState, Field, Input, Select, Skeleton, Textarea, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan, useSession } from "../shell/session-context";
import { useOffices } from "../shell/use-offices";
import { ClientPicker } from "./booking-dialog";
import { useScheduleFormat } from "./format";
import { pickOffice } from "./pick-office";
import { scheduleKeys, useRefreshSchedule, useScheduleClient, type WaitlistEntry } from "./schedule-api";
import { addDays, dayRange, localDate } from "./zoned-time";

const STATUS_TONES: Record<WaitlistEntryStatus, "info" | "warning" | "success" | "neutral"> = { waiting: "info", offered: "warning", booked: "success", withdrawn: "neutral" };

/**
 * Clients waiting for an earlier time. When an appointment is cancelled the server offers the
 * freed time to the first suitable waiting client, held for a while; here the desk sees the
 * offers and books one the client accepts.
 */
export function WaitlistPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const client = useScheduleClient();
  const session = useSession();
  const offices = useOffices();
  const canWrite = useCan("appointments.write");
  const [params] = useSearchParams();
  const staffList = useQuery(trpc.staff.list.queryOptions({}));
  const office = pickOffice(offices, params.get("office"), staffList.data, session.staff.id);
  const officeId = office?.id ?? "";
  const entries = useQuery({ queryKey: scheduleKeys.waitlist(officeId), queryFn: () => client.waitlist.list.query({ officeId }), enabled: !!office, refetchInterval: 60_000 });

  return (
    <div className="space-y-4">
      <title>{`${t("waitlist.title")} · ${t("app.name")}`}</title>
      <BackLink to={`/schedule${office ? `?office=${office.id}` : ""}`} label={t("agenda.back")} />
      <h1 className="text-2xl font-semibold text-slate-900">{t("waitlist.title")}</h1>
      {office ? <p className="text-sm text-slate-600">{t("waitlist.description", { office: office.name })}</p> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2" aria-labelledby="waitlist-entries">
          <CardHeader>
            <CardTitle id="waitlist-entries">{t("waitlist.entries")}</CardTitle>
          </CardHeader>
          <CardContent>
            {staffList.isPending || entries.isPending ? (
              <Skeleton className="h-32 w-full" />
            ) : entries.isError ? (
              <ErrorState title={t("waitlist.loadError")} message={errorMessage(t, entries.error)} onRetry={() => void entries.refetch()} />
            ) : entries.data.length === 0 ? (
              <EmptyState title={t("waitlist.empty")} />
            ) : (
              <ul className="divide-y divide-slate-100">
                {entries.data.map((entry) => (
                  <Entry key={entry.id} entry={entry} timeZone={office?.timeZone ?? session.staff.timeZone} canWrite={canWrite} />
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        {canWrite && office ? <AddToWaitlist officeId={office.id} timeZone={office.timeZone} /> : null}
      </div>
    </div>
  );
}

function Entry({ entry, timeZone, canWrite }: { entry: WaitlistEntry; timeZone: string; canWrite: boolean }) {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const format = useScheduleFormat(timeZone);
  const accept = useMutation({
    mutationFn: (offerId: string) => client.waitlist.accept.mutate({ offerId }),
    onSuccess: async (appointment) => {
      toast(t("schedule.book.done", { client: appointment.clientName, when: format.when(appointment.start) }));
      await refresh();
    },
    onError: () => void refresh(),
  });
  const offer = entry.offer && entry.offer.status === "open" ? entry.offer : null;
  return (
    <li className="space-y-1.5 py-3 text-sm" data-waitlist-entry={entry.id}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{entry.clientName}</span>
        <span className="text-slate-600">· {entry.serviceName}</span>
        <Badge tone={STATUS_TONES[entry.status]}>{t(`waitlist.status.${entry.status}`)}</Badge>
      </div>
      <p className="text-slate-700">{t("waitlist.window", { from: format.when(entry.earliest), to: format.when(entry.latest) })}</p>
      {entry.notes ? <p className="whitespace-pre-wrap text-slate-600">{entry.notes}</p> : null}
      {offer ? (
        <Alert
          tone="warning"
          title={t("waitlist.offer", { when: format.when(offer.start) })}
          actions={
            canWrite ? (
              <Button size="sm" loading={accept.isPending} onClick={() => accept.mutate(offer.id)}>
                {t("waitlist.accept")}
              </Button>
            ) : undefined
          }
        >
          {t("waitlist.offerExpires", { when: format.when(offer.expiresAt) })}
        </Alert>
      ) : null}
      {accept.isError ? <Alert tone="error">{errorMessage(t, accept.error)}</Alert> : null}
    </li>
  );
}

function AddToWaitlist({ officeId, timeZone }: { officeId: string; timeZone: string }) {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const [openedAt] = useState(() => Date.now());
  const today = localDate(openedAt, timeZone);
  const services = useQuery({ queryKey: scheduleKeys.services(officeId), queryFn: () => client.services.list.query({ officeId }) });
  const active = (services.data ?? []).filter((service) => service.active);
  const [person, setPerson] = useState<ClientSummary | null>(null);
  const [serviceId, setServiceId] = useState("");
  const service = active.find((candidate) => candidate.id === serviceId) ?? active[0];
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 14));
  const [notes, setNotes] = useState("");
  const add = useMutation({
    mutationFn: () =>
      client.waitlist.add.mutate({
        clientId: person?.id ?? "",
        serviceId: service?.id ?? "",
        earliest: new Date(Math.max(dayRange(from, timeZone).start, openedAt)).toISOString(),
        latest: new Date(dayRange(to, timeZone).end).toISOString(),
        notes: notes.trim() || undefined,
      }),
    onSuccess: async (entry) => {
      toast(t("waitlist.added", { client: entry.clientName }));
      setPerson(null);
      setNotes("");
      await refresh();
    },
  });
  return (
    <Card aria-labelledby="waitlist-add">
      <CardHeader>
        <CardTitle id="waitlist-add">{t("waitlist.add")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (person && service) add.mutate();
          }}
        >
          <ClientPicker officeId={officeId} selected={person} onSelect={setPerson} />
          <Field label={t("schedule.field.service")}>
            {(control) => (
              <Select {...control} value={service?.id ?? ""} onChange={(event) => setServiceId(event.target.value)}>
                {active.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("waitlist.from")}>{(control) => <Input {...control} type="date" value={from} min={today} onChange={(event) => event.target.value && setFrom(event.target.value)} />}</Field>
            <Field label={t("waitlist.to")}>{(control) => <Input {...control} type="date" value={to} min={from} onChange={(event) => event.target.value && setTo(event.target.value)} />}</Field>
          </div>
          <Field label={t("schedule.field.notes")} optional>
            {(control) => <Textarea {...control} rows={2} maxLength={2000} value={notes} onChange={(event) => setNotes(event.target.value)} className="min-h-16" />}
          </Field>
          {add.isError ? <Alert tone="error">{errorMessage(t, add.error)}</Alert> : null}
          <Button type="submit" disabled={!person || !service} loading={add.isPending}>
            {t("waitlist.addSubmit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
