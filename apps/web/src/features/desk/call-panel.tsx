import { callCallbackSchema, callMessageSchema, toFieldIssues, type CallView } from "@frontoffice/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Button, Card, CardContent, CardHeader, CardTitle, EmptyState, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useFormIssues } from "../visitors/visitor-form";
import { allowedActions, type DeskDialog, type DeskMember } from "./call-actions";
import { callerLabel, CallerBadges, CallStatusBadge, callTargetLabel } from "./call-bits";
import { CallbackDialog, MessageDialog, TransferDialog, type DeskDepartment, type DeskPerson } from "./call-dialogs";
import { CallerRecord } from "./caller-record";
import { DESK_SHORTCUTS, type DeskActionKind } from "./shortcuts";

const ACTION_LABEL = {
  answer: "desk.action.answer",
  holdOrResume: "desk.action.hold",
  transfer: "desk.action.transfer",
  message: "desk.action.message",
  callback: "desk.action.callback",
  hangUp: "desk.action.hangUp",
} as const;

/** The selected call: who is calling (their record), where the call stands, and what to do with it. */
export function CallPanel({
  call,
  officeId,
  timeZone,
  me,
  now,
  departments,
  people,
  dialog,
  onDialog,
  onAction,
  busy,
  explain,
}: {
  call: CallView | null;
  officeId: string;
  timeZone: string;
  me: DeskMember;
  /** This console's clock (for the call-back's default time). */
  now: number;
  departments: readonly DeskDepartment[];
  people: readonly DeskPerson[];
  dialog: DeskDialog | null;
  onDialog: (dialog: DeskDialog | null) => void;
  onAction: (action: DeskActionKind | "accept" | "cancelTransfer") => void;
  busy: boolean;
  explain: (call: CallView) => ReactNode;
}) {
  const { t } = useI18n();
  const allowed = allowedActions(call, me);
  const label = (action: DeskActionKind) => (action === "holdOrResume" && call?.status === "on_hold" ? t("desk.action.resume") : t(ACTION_LABEL[action]));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{call ? t("desk.call.title", { line: call.line }) : t("desk.call.none")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {call ? (
          <div className="space-y-3" data-testid="selected-call">
            <div className="flex flex-wrap items-center gap-2">
              <CallStatusBadge status={call.status} />
              <span className="text-lg font-semibold text-slate-900">{callerLabel(t, call)}</span>
              <CallerBadges call={call} />
            </div>
            <div className="text-sm text-slate-700">
              <p>{t("desk.call.for", { target: callTargetLabel(t, call) })}</p>
              {call.decision ? <div className="text-xs text-slate-600">{explain(call)}</div> : null}
            </div>
            {call.transfer ? (
              <div className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="transfer-waiting">
                <span className="flex-1">{t("desk.transfer.waitingFor", { name: call.transfer.targetName })}</span>
                {allowed.accept ? (
                  <Button size="sm" disabled={busy} onClick={() => onAction("accept")}>
                    {t("desk.transfer.accept")}
                  </Button>
                ) : null}
                <Button size="sm" variant="secondary" disabled={busy} onClick={() => onAction("cancelTransfer")}>
                  {allowed.accept ? t("desk.transfer.decline") : t("desk.transfer.cancel")}
                </Button>
              </div>
            ) : null}
          </div>
        ) : (
          <EmptyState title={t("desk.call.noneHint")} className="py-6" />
        )}

        <div className="flex flex-wrap gap-2" role="toolbar" aria-label={t("desk.actions")}>
          {DESK_SHORTCUTS.map(({ key, action }) => (
            <Button
              key={action}
              size="sm"
              variant={action === "hangUp" ? "danger" : action === "answer" ? "primary" : "secondary"}
              disabled={busy || !(allowed[action] || (action === "answer" && allowed.accept))}
              aria-keyshortcuts={key}
              onClick={() => onAction(action)}
            >
              {label(action)}
              <kbd className="ml-1 rounded bg-black/10 px-1 font-mono text-xs">{key}</kbd>
            </Button>
          ))}
        </div>

        {call?.callerNumber ? <CallerRecord call={call} officeId={officeId} /> : null}
      </CardContent>
      <CallDialogs call={call} officeId={officeId} timeZone={timeZone} now={now} departments={departments} people={people} dialog={dialog} onDialog={onDialog} />
    </Card>
  );
}

/** The transfer, message and call-back dialogs of the selected call, wired to their procedures. */
function CallDialogs({
  call,
  officeId,
  timeZone,
  now,
  departments,
  people,
  dialog,
  onDialog,
}: {
  call: CallView | null;
  officeId: string;
  timeZone: string;
  now: number;
  departments: readonly DeskDepartment[];
  people: readonly DeskPerson[];
  dialog: DeskDialog | null;
  onDialog: (dialog: DeskDialog | null) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const [error, setError] = useState<string | null>(null);
  const { setIssues, issueFor, showFailure } = useFormIssues();
  const close = (open: boolean) => {
    if (open) return;
    setError(null);
    setIssues([]);
    onDialog(null);
  };
  const done = (message: string) => {
    toast(message);
    close(false);
  };
  const transfer = useMutation(trpc.calls.transfer.mutationOptions({ onSuccess: () => done(t("desk.transfer.done")), onError: (failure) => setError(errorMessage(t, failure)) }));
  const takeMessage = useMutation(
    trpc.calls.takeMessage.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.calls.messages.pathKey() });
        done(t("desk.message.done"));
      },
      onError: showFailure,
    }),
  );
  const scheduleCallback = useMutation(trpc.calls.scheduleCallback.mutationOptions({ onSuccess: () => done(t("desk.callback.done")), onError: showFailure }));

  return (
    <>
      <TransferDialog
        open={dialog === "transfer" && !!call}
        onOpenChange={close}
        departments={departments}
        people={people}
        busy={transfer.isPending}
        error={error}
        onSubmit={(value) => call && transfer.mutate({ callId: call.id, ...value })}
      />
      <MessageDialog
        open={dialog === "message"}
        onOpenChange={close}
        people={people}
        call={call}
        busy={takeMessage.isPending}
        error={null}
        issueFor={issueFor}
        onSubmit={(value) => {
          const input = {
            officeId,
            ...(call ? { callId: call.id } : {}),
            ...(call?.client ? { clientId: call.client.id } : {}),
            forStaffId: value.forStaffId,
            ...(value.callerName ? { callerName: value.callerName } : {}),
            ...(value.callerNumber ? { callerNumber: value.callerNumber } : {}),
            body: value.body,
            callbackRequested: value.callbackRequested,
            urgent: value.urgent,
          };
          const parsed = callMessageSchema.safeParse(input);
          if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
          takeMessage.mutate(input);
        }}
      />
      {call ? (
        <CallbackDialog
          open={dialog === "callback"}
          onOpenChange={close}
          people={people}
          timeZone={timeZone}
          now={now}
          busy={scheduleCallback.isPending}
          error={null}
          issueFor={issueFor}
          onSubmit={(value) => {
            const input = { callId: call.id, dueAt: value.dueAt, ...(value.staffId ? { staffId: value.staffId } : {}), ...(value.note ? { note: value.note } : {}) };
            const parsed = callCallbackSchema.safeParse(input);
            if (!parsed.success) return setIssues(toFieldIssues(parsed.error.issues, input));
            scheduleCallback.mutate(input);
          }}
        />
      ) : null}
    </>
  );
}
