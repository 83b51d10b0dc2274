import type { SlotOffer } from "@frontoffice/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button, ErrorState, Input, Skeleton } from "../../components/ui";
import { useT } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { scheduleKeys, useScheduleClient } from "./schedule-api";
import { SlotList } from "./slot-list";
import { addDays, localDate } from "./zoned-time";

const DAYS = 14;

/** The next free slots for a service (and a staff member, or anyone), from a date on. */
export function SlotPicker({
  serviceId,
  staffId,
  timeZone,
  initialFrom,
  selected,
  onPick,
}: {
  serviceId: string;
  staffId: string | null;
  timeZone: string;
  initialFrom: string;
  selected: SlotOffer | null;
  onPick: (slot: SlotOffer) => void;
}) {
  const t = useT();
  const client = useScheduleClient();
  const [from, setFrom] = useState(initialFrom);
  const input = { serviceId, staffIds: staffId ? [staffId] : undefined, from, days: DAYS, limit: 24 };
  const slots = useQuery({ queryKey: scheduleKeys.slots(input), queryFn: () => client.appointments.slots.query(input), staleTime: 10_000 });
  const last = slots.data?.at(-1);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <label className="space-y-1.5 text-sm font-medium text-slate-800">
          <span className="block">{t("schedule.slots.from")}</span>
          <Input type="date" className="w-44" value={from} onChange={(event) => event.target.value && setFrom(event.target.value)} />
        </label>
      </div>
      {slots.isPending ? (
        <div aria-hidden="true" className="flex flex-wrap gap-2">
          {Array.from({ length: 8 }, (_, index) => (
            <Skeleton key={index} className="h-8 w-16" />
          ))}
        </div>
      ) : slots.isError ? (
        <ErrorState title={t("schedule.slots.error")} message={errorMessage(t, slots.error)} onRetry={() => void slots.refetch()} retrying={slots.isFetching} />
      ) : slots.data.length === 0 ? (
        <div className="space-y-2 rounded-md bg-slate-50 p-3 text-sm text-slate-700">
          <p>{t("schedule.slots.none", { days: DAYS })}</p>
          <Button variant="secondary" size="sm" onClick={() => setFrom(addDays(from, DAYS))}>
            {t("schedule.slots.later")}
          </Button>
        </div>
      ) : (
        <>
          <SlotList slots={slots.data} timeZone={timeZone} selected={selected} onPick={onPick} showStaff={!staffId} label={t("schedule.slots.label")} />
          {last ? (
            <Button variant="ghost" size="sm" onClick={() => setFrom(addDays(localDate(Date.parse(last.start), timeZone), 1))}>
              {t("schedule.slots.later")}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
