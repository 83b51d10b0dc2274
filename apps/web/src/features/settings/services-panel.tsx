import type { Service } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button, Card, CardContent, CardHeader, CardTitle, Dialog, DialogContent, DialogFooter, ErrorState, Field, Input, Select, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC, type RouterOutputs } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { clearField, hasErrors, type FormErrors } from "./office-form-model";
import {
  EMPTY_SERVICE,
  formatPrice,
  serviceFormErrors,
  serviceServerErrors,
  serviceToForm,
  toServiceInput,
  toServiceUpdate,
  type ServiceField,
  type ServiceFormValues,
} from "./services-model";
import { AvailabilityEditor } from "./availability-editor";
import { RoomsPanel } from "./rooms-panel";
import { SettingsTable, StatusCells } from "./settings-table";
import { WorkingHoursEditor } from "./working-hours-editor";

type Office = RouterOutputs["offices"]["list"][number];
interface StaffOption {
  id: string;
  displayName: string;
}

const NO_ERRORS: FormErrors<ServiceField> = { fields: {}, general: [] };

/** Every schedule query (the booking dialog's services and slots) is stale after a change here. */
function useRefreshServices(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.services.list.pathKey() }), queryClient.invalidateQueries({ queryKey: ["schedule"] })]);
  };
}

/**
 * A service's name, duration, buffers, price and who performs it, checked with the domain schema
 * before sending; the server's field issues go beside their fields. `onSubmit` throws what the
 * API threw.
 */
export function ServiceForm({
  target,
  currency,
  staff,
  rooms = [],
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  target: { officeId: string } | { id: string };
  currency: string;
  staff: readonly StaffOption[];
  /** The office's active rooms a service may need. */
  rooms?: readonly { id: string; name: string }[];
  initial: ServiceFormValues;
  submitLabel: string;
  onSubmit: (values: ServiceFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const staffErrorId = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <Key extends ServiceField>(key: Key, value: ServiceFormValues[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => clearField(current, key));
  };
  const error = (key: ServiceField) => {
    const issue = errors.fields[key];
    return t.issue(issue);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = serviceFormErrors(target, values, currency);
    setErrors(found);
    if (hasErrors(found)) {
      if (found.general[0]) setFormError(t.dynamic(found.general[0].key, found.general[0].params, "validation.invalid"));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (caught) {
      const placed = serviceServerErrors(errorCodeOf(caught), fieldIssuesOf(caught));
      if (placed && Object.keys(placed.fields).length) setErrors(placed);
      else setFormError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const number = (key: "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes", label: string) => (
    <Field label={label} error={error(key)}>
      {(control) => <Input {...control} type="number" inputMode="numeric" min={0} step={5} value={values[key]} onChange={(event) => set(key, event.target.value)} />}
    </Field>
  );
  const staffError = error("staffIds");

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <Field label={t("settings.services.name")} error={error("name")}>
        {(control) => <Input {...control} value={values.name} onChange={(event) => set("name", event.target.value)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        {number("durationMinutes", t("settings.services.duration"))}
        {number("bufferBeforeMinutes", t("settings.services.bufferBefore"))}
        {number("bufferAfterMinutes", t("settings.services.bufferAfter"))}
      </div>
      <Field label={t("settings.services.price", { currency })} optional hint={t("settings.services.priceHint")} error={error("price")}>
        {(control) => <Input {...control} inputMode="decimal" autoComplete="off" value={values.price} onChange={(event) => set("price", event.target.value)} />}
      </Field>
      <fieldset aria-describedby={staffError ? staffErrorId : undefined} aria-invalid={staffError ? true : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("settings.services.staff")}</legend>
        {staff.length === 0 ? <p className="mt-1 text-sm text-slate-600">{t("settings.services.noStaff")}</p> : null}
        <div className="mt-2 grid gap-1 sm:grid-cols-2">
          {staff.map((member) => (
            <label key={member.id} className="flex items-center gap-2 text-sm text-slate-900">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300"
                checked={values.staffIds.includes(member.id)}
                onChange={(event) =>
                  set("staffIds", event.target.checked ? [...values.staffIds, member.id] : values.staffIds.filter((id) => id !== member.id))
                }
              />
              {member.displayName}
            </label>
          ))}
        </div>
        {staffError ? (
          <p id={staffErrorId} className="mt-1 text-sm font-medium text-red-700">
            {staffError}
          </p>
        ) : null}
      </fieldset>
      {rooms.length > 0 ? (
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">{t("settings.services.rooms")}</legend>
          <p className="text-sm text-slate-600">{t("settings.services.roomsHint")}</p>
          <div className="mt-2 grid gap-1 sm:grid-cols-2">
            {rooms.map((room) => (
              <label key={room.id} className="flex items-center gap-2 text-sm text-slate-900">
                <input
                  type="checkbox"
                  className="size-4 rounded border-slate-300"
                  checked={values.resourceIds.includes(room.id)}
                  onChange={(event) =>
                    set("resourceIds", event.target.checked ? [...values.resourceIds, room.id] : values.resourceIds.filter((id) => id !== room.id))
                  }
                />
                {room.name}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {formError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {formError}
        </p>
      ) : null}
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** The services one office offers: list, add, edit, deactivate and reactivate. */
export function ServicesPanel({ office, staff }: { office: Pick<Office, "id" | "name" | "currency">; staff: readonly StaffOption[] }) {
  const { t, locale, formatList } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshServices();
  const services = useQuery(trpc.services.list.queryOptions({ officeId: office.id, includeInactive: true }));
  const rooms = useQuery(trpc.resources.list.queryOptions({ officeId: office.id })).data ?? [];
  const create = useMutation(trpc.services.create.mutationOptions());
  const update = useMutation(trpc.services.update.mutationOptions());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Service | null>(null);
  const names = new Map(staff.map((member) => [member.id, member.displayName]));

  const add = async (values: ServiceFormValues) => {
    const service = await create.mutateAsync(toServiceInput(office.id, values, office.currency));
    await refresh();
    setAdding(false);
    toast(t("settings.services.added", { name: service.name }));
  };
  const save = async (values: ServiceFormValues) => {
    if (!editing) return;
    const service = await update.mutateAsync(toServiceUpdate(editing.id, values, editing.currency));
    await refresh();
    setEditing(null);
    toast(t("settings.services.saved", { name: service.name }));
  };
  const setActive = async (service: Service, active: boolean) => {
    try {
      await update.mutateAsync({ id: service.id, active });
      await refresh();
      toast(t(active ? "settings.services.reactivated" : "settings.services.deactivated", { name: service.name }));
    } catch (error) {
      toast(errorMessage(t, error));
    }
  };

  return (
    <section aria-labelledby="services-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="services-title" className="text-base font-semibold text-slate-900">
          {t("settings.services.title")}
        </h3>
        <Button size="sm" onClick={() => setAdding(true)}>
          {t("settings.services.add")}
        </Button>
      </div>
      <SettingsTable
        query={services}
        errorTitle={t("settings.services.error")}
        empty={t("settings.services.empty")}
        headers={[t("settings.services.name"), t("settings.services.duration"), t("settings.services.buffers"), t("settings.services.priceColumn"), t("settings.services.staff")]}
        row={(service) => (
          <>
            <th scope="row" className="px-3 py-2 font-medium text-slate-900">{service.name}</th>
            <td className="px-3 py-2 text-slate-700">{t("settings.services.minutes", { count: service.durationMinutes })}</td>
            <td className="px-3 py-2 text-slate-700">
              {t("settings.services.bufferValues", { before: service.bufferBeforeMinutes, after: service.bufferAfterMinutes })}
            </td>
            <td className="px-3 py-2 text-slate-700">{formatPrice(locale, service.priceMinor, service.currency) ?? t("settings.services.noPrice")}</td>
            <td className="px-3 py-2 text-slate-700">{formatList(service.staffIds.map((id) => names.get(id) ?? t("settings.services.unknownStaff")))}</td>
            <StatusCells
              active={service.active}
              editLabel={t("settings.services.edit", { name: service.name })}
              toggleLabel={t(service.active ? "settings.services.deactivate" : "settings.services.reactivate", { name: service.name })}
              onEdit={() => setEditing(service)}
              onToggle={() => void setActive(service, !service.active)}
            />
          </>
        )}
      />

      <Dialog open={adding} onOpenChange={setAdding}>
        {adding ? (
          <DialogContent title={t("settings.services.addTitle", { office: office.name })}>
            <ServiceForm
              target={{ officeId: office.id }}
              currency={office.currency}
              staff={staff}
              rooms={rooms}
              initial={EMPTY_SERVICE}
              submitLabel={t("settings.services.create")}
              onSubmit={add}
              onCancel={() => setAdding(false)}
            />
          </DialogContent>
        ) : null}
      </Dialog>
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        {editing ? (
          <DialogContent title={t("settings.services.editTitle", { name: editing.name })}>
            <ServiceForm
              key={editing.id}
              target={{ id: editing.id }}
              currency={editing.currency}
              staff={staff}
              rooms={rooms}
              initial={serviceToForm(locale, editing)}
              submitLabel={t("common.save")}
              onSubmit={save}
              onCancel={() => setEditing(null)}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </section>
  );
}

/**
 * Settings' services and working hours: choose an office, then its services and, for each staff
 * member working there, their weekly hours. Shown to those with `services.manage`.
 */
export function ServicesAndHoursCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const canManage = useCan("services.manage");
  const offices = useQuery({ ...trpc.offices.list.queryOptions(), enabled: canManage });
  const staffList = useQuery({ ...trpc.staff.list.queryOptions({}), enabled: canManage });
  const [officeId, setOfficeId] = useState<string | null>(null);
  const [staffId, setStaffId] = useState<string | null>(null);
  if (!canManage) return null;

  const office = offices.data?.find((candidate) => candidate.id === officeId) ?? offices.data?.[0];
  const staff: StaffOption[] = office
    ? (staffList.data ?? []).filter((member) => member.active && member.officeIds.includes(office.id)).map(({ id, displayName }) => ({ id, displayName }))
    : [];
  const member = staff.find((candidate) => candidate.id === staffId) ?? staff[0];

  return (
    <Card aria-labelledby="services-hours-title">
      <CardHeader>
        <div>
          <CardTitle id="services-hours-title">{t("settings.services.cardTitle")}</CardTitle>
          <p className="mt-0.5 text-sm text-slate-600">{t("settings.services.intro")}</p>
        </div>
      </CardHeader>
      <CardContent className="space-y-6">
        {offices.isError && !offices.data ? (
          <ErrorState title={t("settings.offices.error")} message={errorMessage(t, offices.error)} onRetry={() => void offices.refetch()} retrying={offices.isFetching} />
        ) : !offices.data || !office ? (
          <Skeleton className="h-24 w-full" />
        ) : (
          <>
            <Field className="max-w-md" label={t("settings.services.office")}>
              {(control) => (
                <Select
                  {...control}
                  value={office.id}
                  onChange={(event) => {
                    setOfficeId(event.target.value);
                    setStaffId(null);
                  }}
                >
                  {offices.data.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <ServicesPanel key={office.id} office={office} staff={staff} />
            <RoomsPanel key={`rooms:${office.id}`} office={office} />
            <section aria-labelledby="hours-title" className="space-y-3">
              <h3 id="hours-title" className="text-base font-semibold text-slate-900">
                {t("settings.hours.title")}
              </h3>
              {staff.length === 0 ? (
                <p className="text-sm text-slate-600">{t("settings.services.noStaff")}</p>
              ) : (
                <>
                  <Field className="max-w-md" label={t("settings.hours.staff")}>
                    {(control) => (
                      <Select {...control} value={member?.id ?? ""} onChange={(event) => setStaffId(event.target.value)}>
                        {staff.map((candidate) => (
                          <option key={candidate.id} value={candidate.id}>
                            {candidate.displayName}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  {member ? <WorkingHoursEditor key={`${office.id}:${member.id}`} officeId={office.id} staff={member} /> : null}
                  {member ? <AvailabilityEditor key={`availability:${office.id}:${member.id}`} officeId={office.id} timeZone={office.timeZone} staff={member} /> : null}
                </>
              )}
            </section>
          </>
        )}
      </CardContent>
    </Card>
  );
}
