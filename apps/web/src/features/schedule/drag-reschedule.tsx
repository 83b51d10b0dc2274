import type { SlotOffer } from "@frontoffice/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Alert, Button, Dialog, DialogContent, DialogFooter, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { useScheduleFormat } from "./format";
import { nextSlotsOf, useRefreshSchedule, useScheduleClient, type Appointment } from "./schedule-api";
import { SlotList } from "./slot-list";
import type { GridColumn } from "./time-grid";

interface Move {
  appointment: Appointment;
  start: string;
  staffId: string;
}

/**
 * Drag to reschedule: `onMove` (for the time grid) sends `appointments.reschedule` with the
 * version the grid shows. A refusal opens a dialog with the reason and, for a taken time, the
 * same free alternatives the booking dialog offers; picking one moves the appointment there.
 */
export function useDragReschedule(timeZone: string): { onMove: (appointment: Appointment, target: { start: number; column: GridColumn }) => void; dialog: ReactNode } {
  const { t } = useI18n();
  const { toast } = useToast();
  const client = useScheduleClient();
  const refresh = useRefreshSchedule();
  const format = useScheduleFormat(timeZone);
  const [refused, setRefused] = useState<{ move: Move; error: unknown; alternatives: SlotOffer[] } | null>(null);

  const reschedule = useMutation({
    mutationFn: (move: Move) => client.appointments.reschedule.mutate({ id: move.appointment.id, version: move.appointment.version, start: move.start, staffId: move.staffId }),
    onSuccess: async (moved) => {
      setRefused(null);
      toast(t("schedule.drag.moved", { client: moved.clientName, when: format.when(moved.start) }));
      await refresh();
    },
    onError: async (error, move) => {
      setRefused({ move, error, alternatives: errorCodeOf(error) === "APPOINTMENT_CONFLICT" ? nextSlotsOf(error) : [] });
      await refresh();
    },
  });

  const onMove = (appointment: Appointment, target: { start: number; column: GridColumn }) => {
    if (reschedule.isPending) return;
    reschedule.mutate({ appointment, start: new Date(target.start).toISOString(), staffId: target.column.staffId ?? appointment.staffId });
  };

  const conflict = refused && errorCodeOf(refused.error) === "APPOINTMENT_CONFLICT";
  const dialog = (
    <Dialog open={refused !== null} onOpenChange={(open) => (open ? undefined : setRefused(null))}>
      <DialogContent title={t("schedule.drag.conflictTitle")} className="max-w-xl">
        {refused ? (
          <div className="space-y-3">
            <Alert tone="error" title={errorMessage(t, refused.error)}>
              {conflict ? (
                refused.alternatives.length ? (
                  <div className="mt-2 space-y-2">
                    <p>{t("schedule.book.alternatives")}</p>
                    <SlotList
                      slots={refused.alternatives}
                      timeZone={timeZone}
                      onPick={(slot) => reschedule.mutate({ appointment: refused.move.appointment, start: slot.start, staffId: slot.staffId })}
                      showStaff
                      label={t("schedule.book.alternativesLabel")}
                    />
                  </div>
                ) : (
                  <p>{t("schedule.book.noAlternatives")}</p>
                )
              ) : null}
            </Alert>
            <DialogFooter>
              <Button variant="secondary" onClick={() => setRefused(null)} loading={reschedule.isPending}>
                {t("common.close")}
              </Button>
            </DialogFooter>
          </div>
        ) : null}
      </DialogContent>
    </Dialog>
  );
  return { onMove, dialog };
}
