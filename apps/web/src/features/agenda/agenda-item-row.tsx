import { formatPhone, type AgendaCompleteInput, type AgendaEntryRef, type AgendaItem, type AgendaSkipInput } from "@frontoffice/domain";
import { useState } from "react";
import { Badge, Button } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import type { ScheduleFormat } from "../schedule/format";

const KIND_TONES = { appointment: "info", block: "warning", task: "neutral", callback: "success" } as const;

/**
 * What ticking a line sends: a repeating task or call-back is ticked one occurrence at a time
 * (named by its start), so the rest of its series stays open.
 */
export function completion(item: Extract<AgendaItem, { type: "entry" }>, done: boolean): AgendaCompleteInput {
  return { id: item.entry.id, version: item.entry.version, done, ...(item.occurrenceStart ? { occurrenceStart: item.occurrenceStart } : {}) };
}

/** One line of the employer's day: an appointment, or one occurrence of a block, task or call-back. */
export function AgendaItemRow({
  item,
  format,
  error,
  cancelling,
  skipping,
  onComplete,
  onCancel,
  onSkip,
}: {
  item: AgendaItem;
  format: ScheduleFormat;
  error: unknown;
  cancelling: boolean;
  skipping: boolean;
  /** Settles when the server has answered (the box then shows what the refreshed day says). */
  onComplete: (input: AgendaCompleteInput) => Promise<void>;
  onCancel: (ref: AgendaEntryRef) => void;
  onSkip: (input: AgendaSkipInput) => void;
}) {
  const { t } = useI18n();
  const [ticked, setTicked] = useState<boolean | null>(null);
  const time = item.end ? format.range(item.start, item.end) : format.time(item.start);

  if (item.type === "appointment") {
    const { appointment } = item;
    return (
      <tr data-kind="appointment">
        <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{time}</td>
        <td className="py-2 pr-3"><Badge tone={KIND_TONES.appointment}>{t("employerDay.kind.appointment")}</Badge></td>
        <td className="py-2 pr-3">
          <span className="font-medium text-slate-900">{appointment.clientName}</span>
          <span className="text-slate-700"> · {appointment.serviceName}</span>
          {appointment.notes ? <p className="whitespace-pre-wrap text-slate-600">{appointment.notes}</p> : null}
        </td>
        <td className="py-2 pr-3" />
        <td className="py-2 pr-3">{t(`appointment.status.${appointment.status}`)}</td>
        <td className="py-2" data-print="hide" />
      </tr>
    );
  }

  const { entry } = item;
  const ref = { id: entry.id, version: entry.version };
  const doneLabel = t("employerDay.markDone", { title: entry.title });
  return (
    <tr data-kind={entry.kind} className={item.done ? "text-slate-500" : undefined}>
      <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{time}</td>
      <td className="py-2 pr-3"><Badge tone={KIND_TONES[entry.kind]}>{t(`employerDay.kind.${entry.kind}`)}</Badge></td>
      <td className="py-2 pr-3">
        <span className={item.done ? "font-medium line-through" : "font-medium text-slate-900"}>{entry.title}</span>
        {item.occurrenceStart ? <span className="ml-2 text-xs text-slate-600">{t("employerDay.repeats")}</span> : null}
        {entry.notes ? <p className="whitespace-pre-wrap text-slate-600">{entry.notes}</p> : null}
        {error ? <p role="alert" className="text-red-700" data-print="hide">{errorMessage(t, error)}</p> : null}
      </td>
      <td className="py-2 pr-3 whitespace-nowrap">
        {entry.clientName ? <span className="block">{entry.clientName}</span> : null}
        {entry.phone ? <span className="block tabular-nums">{formatPhone(entry.phone)}</span> : null}
      </td>
      <td className="py-2 pr-3">
        {entry.kind === "block" ? null : (
          <input
            type="checkbox"
            className="h-4 w-4 accent-brand-700"
            aria-label={doneLabel}
            title={doneLabel}
            // Shown ticked at once; the refreshed day confirms it (or undoes it on a failure).
            checked={ticked ?? item.done}
            onChange={(event) => {
              setTicked(event.target.checked);
              void onComplete(completion(item, event.target.checked)).finally(() => setTicked(null));
            }}
          />
        )}
      </td>
      <td className="py-2 text-right whitespace-nowrap" data-print="hide">
        {item.occurrenceStart ? (
          <Button variant="ghost" size="sm" loading={skipping} onClick={() => onSkip({ ...ref, occurrenceStart: item.occurrenceStart as string })}>
            {t("employerDay.skip")}
          </Button>
        ) : null}
        <Button variant="ghost" size="sm" loading={cancelling} aria-label={t("employerDay.cancelEntry", { title: entry.title })} onClick={() => onCancel(ref)}>
          {t("employerDay.cancel")}
        </Button>
      </td>
    </tr>
  );
}
