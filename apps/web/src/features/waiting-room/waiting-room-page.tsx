import type { WaitingRow, WaitingStage } from "@frontoffice/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { Button, buttonClasses, EmptyState, ErrorState, Skeleton, useToast } from "../../components/ui";
import { useI18n } from "../../i18n";
import { errorCodeOf, errorMessage } from "../../lib/errors";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../shell/session-context";
import { OfficePicker, useDeskOffice } from "../visitors/visitors-page";
import { WaitingBoardView, useBoardClock } from "./waiting-board";

/** The board asks the server this often; its timers tick every second in between. */
export const WAITING_ROOM_POLL_MS = 5_000;

/** `/visitors/waiting-room`: today's board for an office, large enough for a wall screen. */
export function WaitingRoomPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const { toast } = useToast();
  const [officeId, setOfficeId] = useDeskOffice();
  const canMove = useCan("visitors.manage");
  const queryClient = useQueryClient();
  const boardQuery = trpc.waitingRoom.board.queryOptions({ officeId: officeId ?? "" });
  const board = useQuery({ ...boardQuery, enabled: officeId !== undefined, refetchInterval: WAITING_ROOM_POLL_MS });
  const now = useBoardClock(board.data?.now, board.dataUpdatedAt);
  const move = useMutation(
    trpc.waitingRoom.move.mutationOptions({
      // The move answers with the board as it is now.
      onSuccess: (next) => queryClient.setQueryData(boardQuery.queryKey, next),
      onError: (error) => {
        toast(errorMessage(t, error), "error");
        if (errorCodeOf(error) === "WAITING_STAGE_CONFLICT") void board.refetch();
      },
    }),
  );
  const onMove = (row: WaitingRow, to: WaitingStage) => {
    if (officeId) move.mutate({ officeId, subject: row.subject, from: row.stage, to });
  };

  return (
    <section aria-labelledby="waiting-room-title" className="space-y-6">
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex-1">
          <h1 id="waiting-room-title" className="text-3xl font-semibold text-slate-900">
            {t("waitingRoom.title")}
          </h1>
          {board.data ? (
            <p className="text-lg text-slate-600">
              {t("waitingRoom.dayOf", { office: board.data.officeName, date: formatDate(board.data.date, "long") })} · {t("waitingRoom.threshold", { minutes: board.data.waitThresholdMinutes })}
            </p>
          ) : null}
        </div>
        <OfficePicker officeId={officeId} onChange={setOfficeId} />
        <Button variant="secondary" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t("waitingRoom.fullScreen")}
        </Button>
        <Link to={officeId ? `/visitors?office=${officeId}` : "/visitors"} className={buttonClasses("secondary")}>
          {t("nav.visitors")}
        </Link>
      </div>
      {board.isPending ? (
        <Skeleton className="h-48" />
      ) : board.isError ? (
        <ErrorState title={t("waitingRoom.loadError")} message={errorMessage(t, board.error)} onRetry={() => void board.refetch()} retrying={board.isFetching} />
      ) : board.data.rows.length === 0 ? (
        <EmptyState title={t("waitingRoom.empty")} />
      ) : (
        <WaitingBoardView board={board.data} now={now} canMove={canMove} moving={move.isPending} onMove={onMove} />
      )}
    </section>
  );
}
