import { RESOURCE_KINDS, type Resource } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, Dialog, DialogContent, DialogFooter, Field, Input, Select, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage, fieldIssuesOf } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { clearField, hasErrors, type FormErrors } from "./office-form-model";
import { SettingsTable, StatusCells } from "./settings-table";
import { EMPTY_ROOM, roomFormErrors, roomServerErrors, roomToForm, toRoomInput, type RoomField, type RoomFormValues } from "./rooms-model";

const NO_ERRORS: FormErrors<RoomField> = { fields: {}, general: [] };

/** Rooms feed the service form's choices and the schedule's columns and slots: refetch them all. */
function useRefreshRooms(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.resources.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.services.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: ["schedule"] }),
    ]);
  };
}

/** A room's name, kind and capacity, checked with the domain schema before sending. `onSubmit` throws what the API threw. */
export function RoomForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: RoomFormValues;
  submitLabel: string;
  onSubmit: (values: RoomFormValues) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <Key extends RoomField>(key: Key, value: RoomFormValues[Key]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => clearField(current, key));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFormError(null);
    const found = roomFormErrors(values);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (caught) {
      const placed = roomServerErrors(errorCodeOf(caught), fieldIssuesOf(caught));
      if (placed) setErrors(placed);
      else setFormError(errorMessage(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4">
      <Field label={t("settings.rooms.name")} error={t.issue(errors.fields.name)}>
        {(control) => <Input {...control} value={values.name} onChange={(event) => set("name", event.target.value)} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("settings.rooms.kind")} error={t.issue(errors.fields.kind)}>
          {(control) => (
            <Select {...control} value={values.kind} onChange={(event) => set("kind", event.target.value as RoomFormValues["kind"])}>
              {RESOURCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`settings.rooms.kinds.${kind}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t("settings.rooms.capacity")} hint={t("settings.rooms.capacityHint")} error={t.issue(errors.fields.capacity)}>
          {(control) => <Input {...control} type="number" inputMode="numeric" min={1} step={1} value={values.capacity} onChange={(event) => set("capacity", event.target.value)} />}
        </Field>
      </div>
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

/** The rooms and equipment of one office: list, add, rename, resize, deactivate and reactivate. */
export function RoomsPanel({ office }: { office: { id: string; name: string } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const refresh = useRefreshRooms();
  const rooms = useQuery(trpc.resources.list.queryOptions({ officeId: office.id, includeInactive: true }));
  const create = useMutation(trpc.resources.create.mutationOptions());
  const update = useMutation(trpc.resources.update.mutationOptions());
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Resource | null>(null);

  const add = async (values: RoomFormValues) => {
    const room = await create.mutateAsync(toRoomInput(office.id, values));
    await refresh();
    setAdding(false);
    toast(t("settings.rooms.added", { name: room.name }));
  };
  const save = async (values: RoomFormValues) => {
    if (!editing) return;
    const { officeId: _officeId, ...fields } = toRoomInput(office.id, values);
    const room = await update.mutateAsync({ id: editing.id, version: editing.version, ...fields });
    await refresh();
    setEditing(null);
    toast(t("settings.rooms.saved", { name: room.name }));
  };
  const setActive = async (room: Resource, active: boolean) => {
    try {
      await update.mutateAsync({ id: room.id, version: room.version, active });
      await refresh();
      toast(t(active ? "settings.rooms.reactivated" : "settings.rooms.deactivated", { name: room.name }));
    } catch (error) {
      toast(errorMessage(t, error));
    }
  };

  return (
    <section aria-labelledby="rooms-title" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h3 id="rooms-title" className="text-base font-semibold text-slate-900">
            {t("settings.rooms.title")}
          </h3>
          <p className="text-sm text-slate-600">{t("settings.rooms.intro")}</p>
        </div>
        <Button size="sm" onClick={() => setAdding(true)}>
          {t("settings.rooms.add")}
        </Button>
      </div>
      <SettingsTable
        query={rooms}
        errorTitle={t("settings.rooms.error")}
        empty={t("settings.rooms.empty")}
        headers={[t("settings.rooms.name"), t("settings.rooms.kind"), t("settings.rooms.capacity")]}
        row={(room) => (
          <>
            <th scope="row" className="px-3 py-2 font-medium text-slate-900">{room.name}</th>
            <td className="px-3 py-2 text-slate-700">{t(`settings.rooms.kinds.${room.kind}`)}</td>
            <td className="px-3 py-2 text-slate-700">{t("settings.rooms.seats", { count: room.capacity })}</td>
            <StatusCells
              active={room.active}
              editLabel={t("settings.rooms.edit", { name: room.name })}
              toggleLabel={t(room.active ? "settings.rooms.deactivate" : "settings.rooms.reactivate", { name: room.name })}
              onEdit={() => setEditing(room)}
              onToggle={() => void setActive(room, !room.active)}
            />
          </>
        )}
      />

      <Dialog open={adding} onOpenChange={setAdding}>
        {adding ? (
          <DialogContent title={t("settings.rooms.addTitle", { office: office.name })}>
            <RoomForm initial={EMPTY_ROOM} submitLabel={t("settings.rooms.create")} onSubmit={add} onCancel={() => setAdding(false)} />
          </DialogContent>
        ) : null}
      </Dialog>
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        {editing ? (
          <DialogContent title={t("settings.rooms.editTitle", { name: editing.name })}>
            <RoomForm key={editing.id} initial={roomToForm(editing)} submitLabel={t("common.save")} onSubmit={save} onCancel={() => setEditing(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </section>
  );
}
