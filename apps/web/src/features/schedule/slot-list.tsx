import type { SlotOffer } from "@frontoffice/domain";
import { useT } from "../../i18n";
import { cn } from "../../lib/cn";
import { useScheduleFormat } from "./format";
import { localDate } from "./zoned-time";

/** Free slots grouped by office-local day, each a button; the chosen one is pressed. */
export function SlotList({
  slots,
  timeZone,
  selected,
  onPick,
  showStaff,
  label,
}: {
  slots: readonly SlotOffer[];
  timeZone: string;
  selected?: SlotOffer | null;
  onPick: (slot: SlotOffer) => void;
  showStaff: boolean;
  label: string;
}) {
  const t = useT();
  const format = useScheduleFormat(timeZone);
  const days = new Map<string, SlotOffer[]>();
  for (const slot of slots) {
    const day = localDate(Date.parse(slot.start), timeZone);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return (
    <div role="group" aria-label={label} className="space-y-3">
      {[...days].map(([day, offers]) => (
        <div key={day}>
          <p className="mb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase">{format.dayLong(day)}</p>
          <ul className="flex flex-wrap gap-2">
            {offers.map((slot) => {
              const isSelected = !!selected && selected.start === slot.start && selected.staffId === slot.staffId;
              const time = format.time(slot.start);
              const slotLabel = showStaff ? t("schedule.slot.labelWithStaff", { day: format.dayLong(day), time, staff: slot.staffName }) : t("schedule.slot.label", { day: format.dayLong(day), time });
              return (
                <li key={`${slot.start}|${slot.staffId}`}>
                  <button
                    type="button"
                    aria-pressed={isSelected}
                    data-slot={slot.start}
                    aria-label={slot.resourceName ? `${slotLabel}, ${t("schedule.room.in", { room: slot.resourceName })}` : slotLabel}
                    onClick={() => onPick(slot)}
                    className={cn(
                      "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
                      isSelected ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-slate-900 ring-slate-300 hover:bg-brand-50",
                    )}
                  >
                    {time}
                    {showStaff ? <span className={cn("ml-1.5 text-xs font-normal", isSelected ? "text-brand-100" : "text-slate-600")}>{slot.staffName}</span> : null}
                    {slot.resourceName ? <span className={cn("ml-1.5 text-xs font-normal", isSelected ? "text-brand-100" : "text-slate-600")}>{slot.resourceName}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
