import { formatPhone, type CallTransferTarget, type CallView, type PresenceStatus, type TransferMode } from "@frontoffice/domain";
import { useState, type FormEvent } from "react";
import { Alert, Button, Dialog, DialogClose, DialogContent, DialogFooter, Field, Input, Select, Textarea } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { localDate, localMinutes, zonedInstant } from "../schedule/zoned-time";

/** Someone a call can go to, with their presence when known. */
export interface DeskPerson {
  id: string;
  displayName: string;
  status?: PresenceStatus | undefined;
}

export interface DeskDepartment {
  id: string;
  name: string;
}

/** Shared shape of the console's dialogs: open state, a busy submit and a translated error. */
interface DialogProps<T> {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: (value: T) => void;
  busy: boolean;
  /** Already translated. */
  error: string | null;
}

function DialogActions({ busy, submitLabel }: { busy: boolean; submitLabel: string }) {
  const { t } = useI18n();
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="secondary" disabled={busy}>
          {t("common.cancel")}
        </Button>
      </DialogClose>
      <Button type="submit" loading={busy}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}

function PeopleOptions({ people, prefix = "" }: { people: readonly DeskPerson[]; prefix?: string }) {
  const { t } = useI18n();
  return (
    <>
      {people.map((person) => (
        <option key={person.id} value={`${prefix}${person.id}`}>
          {person.status ? `${person.displayName} (${t(`desk.presence.${person.status}` as MessageKey)})` : person.displayName}
        </option>
      ))}
    </>
  );
}

export interface TransferValue {
  mode: TransferMode;
  target: CallTransferTarget;
}

/** Transfer a call to a department or a person, blind (it rings there now) or announced (it waits for them to accept). */
export function TransferDialog({
  departments,
  people,
  ...dialog
}: DialogProps<TransferValue> & { departments: readonly DeskDepartment[]; people: readonly DeskPerson[] }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState("");
  const [mode, setMode] = useState<TransferMode>("blind");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const [kind, id] = choice.split(":");
    if (!id) return setMissing(true);
    dialog.onSubmit({ mode, target: kind === "department" ? { kind: "department", departmentId: id } : { kind: "staff", staffId: id } });
  };
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogContent title={t("desk.transfer.title")}>
        <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("desk.transfer.title")}>
          {dialog.error ? <Alert tone="error">{dialog.error}</Alert> : null}
          <Field label={t("desk.transfer.to")} error={missing && !choice ? t("validation.required") : null}>
            {(control) => (
              <Select {...control} value={choice} onChange={(event) => setChoice(event.target.value)}>
                <option value="">{t("desk.transfer.choose")}</option>
                <optgroup label={t("desk.transfer.departments")}>
                  {departments.map((department) => (
                    <option key={department.id} value={`department:${department.id}`}>
                      {department.name}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t("desk.transfer.people")}>
                  <PeopleOptions people={people} prefix="staff:" />
                </optgroup>
              </Select>
            )}
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-900">{t("desk.transfer.mode")}</legend>
            {(["blind", "announced"] as const).map((value) => (
              <label key={value} className="flex items-start gap-2 text-sm">
                <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="mt-0.5 h-4 w-4" />
                <span>
                  <span className="font-medium text-slate-900">{t(`desk.transfer.${value}`)}</span>
                  <span className="block text-xs text-slate-600">{t(`desk.transfer.${value}Hint`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <DialogActions busy={dialog.busy} submitLabel={t("desk.transfer.submit")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export interface MessageValue {
  forStaffId: string;
  callerName: string;
  callerNumber: string;
  body: string;
  callbackRequested: boolean;
  urgent: boolean;
}

/** Take a message for someone who is out: for whom, who called (prefilled from the call), what, and how urgent. */
export function MessageDialog({
  people,
  call,
  issueFor,
  ...dialog
}: DialogProps<MessageValue> & {
  people: readonly DeskPerson[];
  call: Pick<CallView, "callerName" | "callerNumber" | "client" | "staff"> | null;
  /** The translated issue of a field, from the form's check or the server. */
  issueFor: (field: string) => string | null;
}) {
  const { t } = useI18n();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    dialog.onSubmit({
      forStaffId: String(data.get("forStaffId") ?? ""),
      callerName: String(data.get("callerName") ?? "").trim(),
      callerNumber: String(data.get("callerNumber") ?? "").trim(),
      body: String(data.get("body") ?? "").trim(),
      callbackRequested: data.get("callbackRequested") === "on",
      urgent: data.get("urgent") === "on",
    });
  };
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogContent title={t("desk.message.title")}>
        <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("desk.message.title")}>
          {dialog.error ? <Alert tone="error">{dialog.error}</Alert> : null}
          <Field label={t("desk.message.for")} error={issueFor("forStaffId")}>
            {(control) => (
              <Select {...control} name="forStaffId" defaultValue={call?.staff?.id ?? ""}>
                <option value="">{t("desk.message.choose")}</option>
                <PeopleOptions people={people} />
              </Select>
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("desk.message.callerName")} optional error={issueFor("callerName")}>
              {(control) => <Input {...control} name="callerName" autoComplete="off" defaultValue={call?.client?.displayName ?? call?.callerName ?? ""} />}
            </Field>
            <Field label={t("desk.message.callerNumber")} optional error={issueFor("callerNumber")}>
              {(control) => <Input {...control} name="callerNumber" type="tel" autoComplete="off" defaultValue={call?.callerNumber ? formatPhone(call.callerNumber) : ""} />}
            </Field>
          </div>
          <Field label={t("desk.message.body")} error={issueFor("body")}>
            {(control) => <Textarea {...control} name="body" />}
          </Field>
          <div className="flex flex-wrap gap-6">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="callbackRequested" className="h-4 w-4 rounded border-slate-300" />
              {t("desk.message.callbackRequested")}
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="urgent" className="h-4 w-4 rounded border-slate-300" />
              {t("desk.message.urgent")}
            </label>
          </div>
          <DialogActions busy={dialog.busy} submitLabel={t("desk.message.submit")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

export interface CallbackValue {
  /** Empty: the receptionist's own agenda. */
  staffId: string;
  dueAt: string;
  note: string;
}

/** A local date and time in `timeZone` as an instant, or null when incomplete. */
export function zonedDateTime(date: string, time: string, timeZone: string): string | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !match) return null;
  return new Date(zonedInstant(date, Number(match[1]) * 60 + Number(match[2]), timeZone)).toISOString();
}

/** Schedule a call-back on someone's agenda, at a time of the office's day. */
export function CallbackDialog({
  people,
  timeZone,
  now,
  issueFor,
  ...dialog
}: DialogProps<CallbackValue> & { people: readonly DeskPerson[]; timeZone: string; now: number; issueFor: (field: string) => string | null }) {
  const { t } = useI18n();
  // An hour from now, on the quarter, in the office's time.
  const start = Math.ceil((now + 3_600_000) / 900_000) * 900_000;
  const minutes = localMinutes(start, timeZone);
  const defaultTime = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const dueAt = zonedDateTime(String(data.get("date") ?? ""), String(data.get("time") ?? ""), timeZone);
    if (!dueAt) return setMissing(true);
    dialog.onSubmit({ staffId: String(data.get("staffId") ?? ""), dueAt, note: String(data.get("note") ?? "").trim() });
  };
  return (
    <Dialog open={dialog.open} onOpenChange={dialog.onOpenChange}>
      <DialogContent title={t("desk.callback.title")}>
        <form noValidate onSubmit={submit} className="space-y-4" aria-label={t("desk.callback.title")}>
          {dialog.error ? <Alert tone="error">{dialog.error}</Alert> : null}
          <Field label={t("desk.callback.who")} error={issueFor("staffId")}>
            {(control) => (
              <Select {...control} name="staffId" defaultValue="">
                <option value="">{t("desk.callback.me")}</option>
                <PeopleOptions people={people} />
              </Select>
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("desk.callback.date")} error={missing ? t("validation.required") : issueFor("dueAt")}>
              {(control) => <Input {...control} name="date" type="date" defaultValue={localDate(start, timeZone)} />}
            </Field>
            <Field label={t("desk.callback.time")}>{(control) => <Input {...control} name="time" type="time" step={300} defaultValue={defaultTime} />}</Field>
          </div>
          <Field label={t("desk.callback.note")} optional error={issueFor("note")}>
            {(control) => <Input {...control} name="note" autoComplete="off" />}
          </Field>
          <DialogActions busy={dialog.busy} submitLabel={t("desk.callback.submit")} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
