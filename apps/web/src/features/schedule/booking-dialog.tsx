import { formatPhone, type ClientSummary, type Office, type Service, type SlotOffer } from "@frontoffice/domain";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Alert, Button, Dialog, DialogClose, DialogContent, DialogFooter, Field, Input, Select, Spinner, Textarea, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { cn } from "../../lib/cn";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useDebounced } from "../../lib/use-debounced";
import { useScheduleFormat } from "./format";
import { nextSlotsOf, useRefreshSchedule, useScheduleClient, type Appointment } from "./schedule-api";
import { SlotList } from "./slot-list";
import { SlotPicker } from "./slot-picker";

export interface BookingPrefill {
  staffId?: string | null;
  /** The first office-local date to search. */
  from: string;
  clientId?: string;
}

/**
 * Booking while on the phone: find the client by phone or name, choose the service and who (or
 * anyone), see the next free times at once, book. A time taken meanwhile is refused with the next
 * free times, each one click away.
 */
export function BookingDialog({
  open,
  onOpenChange,
  office,
  services,
  staffNames,
  prefill,
  onBooked,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  office: Office;
  services: readonly Service[];
  staffNames: ReadonlyMap<string, string>;
  prefill: BookingPrefill;
  onBooked: (appointment: Appointment) => void;
}) {
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t("schedule.book.title")} description={t("schedule.book.description", { office: office.name })} className="max-w-2xl">
        {open ? <BookingForm office={office} services={services} staffNames={staffNames} prefill={prefill} onBooked={onBooked} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function BookingForm({
  office,
  services,
  staffNames,
  prefill,
  onBooked,
}: {
  office: Office;
  services: readonly Service[];
  staffNames: ReadonlyMap<string, string>;
  prefill: BookingPrefill;
  onBooked: (appointment: Appointment) => void;
}) {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const format = useScheduleFormat(office.timeZone);
  const active = services.filter((service) => service.active);
  const [person, setPerson] = useState<ClientSummary | null>(null);
  // Services may still be loading when the dialog opens: until one is chosen, the first that fits.
  const [chosenServiceId, setServiceId] = useState("");
  const service = active.find((candidate) => candidate.id === chosenServiceId) ?? active.find((candidate) => !prefill.staffId || candidate.staffIds.includes(prefill.staffId)) ?? active[0];
  const serviceId = service?.id ?? "";
  const [chosenStaffId, setStaffId] = useState<string | null>(null);
  const staffId = chosenStaffId ?? (prefill.staffId && service?.staffIds.includes(prefill.staffId) ? prefill.staffId : "");
  const [slot, setSlot] = useState<SlotOffer | null>(null);
  const [notes, setNotes] = useState("");
  const [alternatives, setAlternatives] = useState<SlotOffer[] | null>(null);

  const book = useMutation({
    mutationFn: (chosen: SlotOffer) =>
      client.appointments.book.mutate({
        clientId: person?.id ?? "",
        serviceId,
        staffId: staffId || chosen.staffId,
        resourceId: chosen.resourceId ?? undefined,
        start: chosen.start,
        notes: notes.trim() || undefined,
      }),
    onSuccess: async (appointment) => {
      toast(t("schedule.book.done", { client: appointment.clientName, when: format.when(appointment.start) }));
      await refresh();
      onBooked(appointment);
    },
    onError: async (error) => {
      if (errorCodeOf(error) === "APPOINTMENT_CONFLICT") {
        setAlternatives(nextSlotsOf(error));
        setSlot(null);
        await refresh();
      }
    },
  });

  const conflict = book.isError && errorCodeOf(book.error) === "APPOINTMENT_CONFLICT";
  const ready = !!person && !!service && !!slot;

  return (
    <form
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready && slot) book.mutate(slot);
      }}
    >
      <ClientPicker officeId={office.id} selected={person} onSelect={setPerson} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("schedule.field.service")}>
          {(control) => (
            <Select
              {...control}
              value={serviceId}
              onChange={(event) => {
                const next = active.find((candidate) => candidate.id === event.target.value);
                setServiceId(event.target.value);
                if (next && staffId && !next.staffIds.includes(staffId)) setStaffId("");
                setSlot(null);
              }}
            >
              {active.length === 0 ? <option value="">{t("schedule.services.none")}</option> : null}
              {active.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {t("schedule.service.option", { name: candidate.name, minutes: candidate.durationMinutes })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("schedule.field.staff")}>
          {(control) => (
            <Select
              {...control}
              value={staffId}
              onChange={(event) => {
                setStaffId(event.target.value);
                setSlot(null);
              }}
            >
              <option value="">{t("schedule.staff.anyone")}</option>
              {service?.staffIds.map((id) => (
                <option key={id} value={id}>
                  {staffNames.get(id) ?? id}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>

      {conflict ? (
        <Alert tone="error" title={t("errors.APPOINTMENT_CONFLICT")}>
          {alternatives?.length ? (
            <div className="mt-2 space-y-2">
              <p>{t("schedule.book.alternatives")}</p>
              <SlotList
                slots={alternatives}
                timeZone={office.timeZone}
                onPick={(offer) => {
                  setSlot(offer);
                  book.mutate(offer);
                }}
                showStaff
                label={t("schedule.book.alternativesLabel")}
              />
            </div>
          ) : (
            <p>{t("schedule.book.noAlternatives")}</p>
          )}
        </Alert>
      ) : book.isError ? (
        <Alert tone="error">{errorMessage(t, book.error)}</Alert>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("schedule.book.nextFree")}</legend>
        {service ? (
          <SlotPicker key={`${service.id}|${staffId}`} serviceId={service.id} staffId={staffId || null} timeZone={office.timeZone} initialFrom={prefill.from} selected={slot} onPick={setSlot} />
        ) : (
          <p className="text-sm text-slate-600">{t("schedule.services.none")}</p>
        )}
      </fieldset>

      <Field label={t("schedule.field.notes")} optional>
        {(control) => <Textarea {...control} rows={2} maxLength={2000} value={notes} onChange={(event) => setNotes(event.target.value)} className="min-h-16" />}
      </Field>

      {slot && service ? (
        <p className="rounded-md bg-brand-50 p-3 text-sm text-brand-900" aria-live="polite">
          {t("schedule.book.summary", {
            service: service.name,
            when: format.when(slot.start),
            staff: slot.staffName,
          })}
          {slot.resourceName ? ` ${t("schedule.room.in", { room: slot.resourceName })}` : null}
        </p>
      ) : null}

      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">{t("common.cancel")}</Button>
        </DialogClose>
        <Button type="submit" disabled={!ready} loading={book.isPending}>
          {t("schedule.book.submit")}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** Search clients by phone or name (the clients search), pick one; a link opens the client form for a new one. */
export function ClientPicker({ officeId, selected, onSelect }: { officeId: string; selected: ClientSummary | null; onSelect: (client: ClientSummary | null) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 200);
  const results = useQuery({
    ...trpc.clients.search.queryOptions({ query, status: "active", limit: 8 }),
    enabled: !selected && query.length >= 2,
    placeholderData: keepPreviousData,
  });

  if (selected) {
    return (
      <div className="flex items-center justify-between gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
        <div>
          <p className="text-xs font-medium text-slate-600">{t("schedule.field.client")}</p>
          <p className="font-medium text-slate-900" data-testid="booking-client">
            {selected.displayName}
          </p>
          {selected.primaryPhone ? <p className="text-sm text-slate-700">{formatPhone(selected.primaryPhone)}</p> : null}
        </div>
        <Button variant="secondary" size="sm" onClick={() => onSelect(null)}>
          {t("schedule.client.change")}
        </Button>
      </div>
    );
  }

  const items = results.data?.items ?? [];
  return (
    <div className="space-y-2">
      <Field label={t("schedule.client.search")} hint={t("schedule.client.searchHint")}>
        {(control) => (
          <div className="relative">
            <Input {...control} type="search" autoComplete="off" spellCheck={false} autoFocus value={text} onChange={(event) => setText(event.target.value)} />
            {results.isFetching ? <Spinner size="sm" className="absolute top-1/2 right-3 -translate-y-1/2" /> : null}
          </div>
        )}
      </Field>
      {query.length >= 2 && results.isSuccess ? (
        items.length ? (
          <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={t("schedule.client.results")}>
            {items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  onClick={() => onSelect(item)}
                  className={cn("flex w-full flex-wrap items-center justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-brand-50 focus-visible:bg-brand-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600", item.officeId && item.officeId !== officeId && "opacity-90")}
                >
                  <span className="font-medium text-slate-900">{item.displayName}</span>
                  <span className="text-slate-600">{item.primaryPhone ? formatPhone(item.primaryPhone) : item.primaryEmail ?? ""}</span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("schedule.client.none", { query })}</p>
        )
      ) : null}
      {results.isError ? <Alert tone="error">{errorMessage(t, results.error)}</Alert> : null}
      <p className="text-sm">
        <Link to="/clients/new" target="_blank" rel="noopener" className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
          {t("schedule.client.new")}
        </Link>
      </p>
    </div>
  );
}
