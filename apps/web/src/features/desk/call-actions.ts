import type { CallView } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import type { DeskActionKind } from "./shortcuts";

export type DeskDialog = "transfer" | "message" | "callback";

/** Who is at this console: an announced transfer to them, or to one of their departments, is theirs to accept. */
export interface DeskMember {
  staffId: string;
  departmentIds: readonly string[];
}

/** Which of the console's actions a call allows now, for the signed-in staff member. */
export function allowedActions(call: CallView | null, me: DeskMember): Record<DeskActionKind | "accept" | "cancelTransfer", boolean> {
  const status = call?.status;
  const target = call?.transfer?.target;
  const transferToMe = target ? (target.kind === "staff" ? target.staffId === me.staffId : me.departmentIds.includes(target.departmentId)) : false;
  return {
    answer: status === "ringing" || status === "queued",
    accept: status === "transferring" && transferToMe,
    cancelTransfer: status === "transferring",
    holdOrResume: status === "connected" || status === "on_hold",
    transfer: status === "connected" || status === "on_hold",
    message: true,
    callback: !!call,
    hangUp: !!call,
  };
}

/**
 * The console's call actions. What they change comes back through the live subscription, so
 * success needs no refetch; a refusal (another console answered first: `CALL_STATE_INVALID`) is
 * shown in the staff member's language.
 */
export function useCallActions() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const onError = (error: unknown) => toast(errorMessage(t, error), "error");
  const answer = useMutation(trpc.calls.answer.mutationOptions({ onError }));
  const hold = useMutation(trpc.calls.hold.mutationOptions({ onError }));
  const resume = useMutation(trpc.calls.resume.mutationOptions({ onError }));
  const hangUp = useMutation(trpc.calls.hangUp.mutationOptions({ onError }));
  const acceptTransfer = useMutation(trpc.calls.acceptTransfer.mutationOptions({ onError }));
  const cancelTransfer = useMutation(trpc.calls.cancelTransfer.mutationOptions({ onError }));
  const busy = [answer, hold, resume, hangUp, acceptTransfer, cancelTransfer].some((mutation) => mutation.isPending);

  /** Runs a one-step action on a call; returns the dialog to open for the others. */
  const run = (action: DeskActionKind | "accept" | "cancelTransfer", call: CallView | null, me: DeskMember): DeskDialog | null => {
    const allowed = allowedActions(call, me);
    if (action === "transfer" || action === "message" || action === "callback") return allowed[action] ? action : null;
    if (!call || busy) return null;
    const ref = { callId: call.id };
    if (action === "answer") {
      if (allowed.answer) answer.mutate(ref);
      else if (allowed.accept) acceptTransfer.mutate(ref);
    } else if (action === "accept" && allowed.accept) acceptTransfer.mutate(ref);
    else if (action === "cancelTransfer" && allowed.cancelTransfer) cancelTransfer.mutate(ref);
    else if (action === "holdOrResume" && allowed.holdOrResume) (call.status === "on_hold" ? resume : hold).mutate(ref);
    else if (action === "hangUp" && allowed.hangUp) hangUp.mutate(ref);
    return null;
  };
  return { run, busy };
}
