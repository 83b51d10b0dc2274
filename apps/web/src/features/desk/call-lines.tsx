import type { ReactNode } from "react";
import { useI18n, type MessageKey } from "../../i18n";
import { cn } from "../../lib/cn";
import { callerLabel, CallerBadges, CallStatusBadge, callTargetLabel } from "./call-bits";
import { elapsedSeconds, formatElapsed, type ConsoleLine } from "./live-state";

/**
 * The office's lines, one row each: status and its timer, the caller, who the call is for and
 * why it went there. A row is a button: click (or 1–9, arrows) selects its call.
 */
export function CallLinesView({
  lines,
  since,
  now,
  selectedId,
  onSelect,
  explain,
}: {
  lines: readonly ConsoleLine[];
  since: ReadonlyMap<string, string>;
  now: number;
  selectedId: string | null;
  onSelect: (callId: string) => void;
  /** How the routing decision of a call is shown (the translated explanation). */
  explain: (call: NonNullable<ConsoleLine["call"]>) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ol aria-label={t("desk.lines.title")} className="divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
      {lines.map(({ line, call }) => {
        if (!call) {
          return (
            <li key={line} data-testid="call-line" data-line={line} className="flex items-center gap-3 px-3 py-2 text-sm text-slate-500">
              <span className="w-6 font-mono tabular-nums">{line}</span>
              <span>{t("desk.line.free")}</span>
            </li>
          );
        }
        const selected = call.id === selectedId;
        const timer = formatElapsed(elapsedSeconds(since.get(call.id) ?? call.offeredAt, now));
        return (
          <li key={line} data-testid="call-line" data-line={line} data-call-id={call.id}>
            <button
              type="button"
              aria-pressed={selected}
              aria-keyshortcuts={line <= 9 ? String(line) : undefined}
              onClick={() => onSelect(call.id)}
              className={cn(
                "flex w-full flex-wrap items-start gap-x-3 gap-y-1 px-3 py-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-brand-600",
                selected ? "bg-brand-50" : "hover:bg-slate-50",
                call.status === "ringing" && !selected && "bg-red-50/60",
              )}
            >
              <span className="w-6 font-mono tabular-nums text-slate-600">{line}</span>
              <span className="flex min-w-40 flex-col gap-1">
                <span className="flex items-center gap-2">
                  <CallStatusBadge status={call.status} />
                  <span className="font-mono text-xs tabular-nums text-slate-700" aria-label={t("desk.line.timer")}>
                    {timer}
                  </span>
                </span>
                {call.transfer ? (
                  <span className="text-xs text-amber-800">{t("desk.transfer.waitingFor", { name: call.transfer.targetName })}</span>
                ) : null}
              </span>
              <span className="flex min-w-48 flex-1 flex-col">
                <span className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium text-slate-900" data-testid="call-caller">
                    {callerLabel(t, call)}
                  </span>
                  <CallerBadges call={call} />
                </span>
                <span className="text-xs text-slate-600">{callTargetLabel(t, call)}</span>
              </span>
              <span className="min-w-40 flex-1 text-xs text-slate-600">{call.decision ? explain(call) : null}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

/** The routing decision's action in words, until the detailed explanation is shown beside it. */
export function DecisionSummary({ action }: { action: string }) {
  const { t } = useI18n();
  const known = ["ring", "queue", "overflow", "voicemail", "callback", "closed"].includes(action);
  return <span>{known ? t(`desk.decision.${action}` as MessageKey) : action}</span>;
}
