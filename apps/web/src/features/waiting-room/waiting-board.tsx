import {
  formatTimer,
  nextWaitingStage,
  waitingAlerts,
  waitingStageLabelKey,
  waitingTimers,
  type WaitingBoard,
  type WaitingRow,
  type WaitingStage,
} from "@frontoffice/domain";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Badge, Button } from "../../components/ui";
import { useI18n, type MessageKey } from "../../i18n";
import { cn } from "../../lib/cn";

/**
 * The clock the board's timers read: this computer's, ticking every second, set by how far the
 * server's clock (`serverNow`, read when the board arrived at `receivedAt`) was from it.
 */
export function useBoardClock(serverNow: string | undefined, receivedAt: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now + (serverNow && receivedAt > 0 ? Date.parse(serverNow) - receivedAt : 0);
}

const STAGE_TONE: Record<WaitingStage, "neutral" | "info" | "success" | "warning" | "danger"> = {
  expected: "neutral",
  arrived: "warning",
  in_room: "info",
  with_provider: "success",
  done: "neutral",
};

export interface WaitingBoardViewProps {
  board: WaitingBoard;
  /** The instant the timers are at (epoch ms). */
  now: number;
  /** Whether the viewer may move people (visitors.manage). */
  canMove: boolean;
  /** A move is on its way: the buttons wait. */
  moving?: boolean;
  onMove: (row: WaitingRow, to: WaitingStage) => void;
}

/**
 * The board itself: who is expected, waiting, in a room, with the provider, gone; their timers,
 * a highlighted row and a count in the header when a wait passes the office's threshold, and
 * an announcement for screen readers. Arrow keys choose a row, Enter (or N) moves it on.
 */
export function WaitingBoardView({ board, now, canMove, moving = false, onMove }: WaitingBoardViewProps) {
  const { t, locale, formatNumber, formatList } = useI18n();
  const [selectedKey, setSelectedKey] = useState<string | undefined>(undefined);
  const rowRefs = useRef(new Map<string, HTMLTableRowElement>());
  const alerts = waitingAlerts(board.rows, now, board.waitThresholdMinutes);
  const stageName = (stage: WaitingStage) => t(waitingStageLabelKey(stage, board.officeKind) as MessageKey);
  const over = board.rows.filter((row) => waitingTimers(row, now, board.waitThresholdMinutes).overThreshold);
  // Said again whenever who is over the threshold changes (not on every tick).
  const announcement = over.length > 0 ? t("waitingRoom.announce", { names: formatList(over.map((row) => row.name)), minutes: formatNumber(board.waitThresholdMinutes) }) : "";
  const selected = board.rows.find((row) => row.key === selectedKey) ?? board.rows[0];
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: board.timeZone }), [locale, board.timeZone]);

  const select = (row: WaitingRow | undefined) => {
    if (!row) return;
    setSelectedKey(row.key);
    rowRefs.current.get(row.key)?.focus();
  };
  const moveOn = (row: WaitingRow) => {
    const next = nextWaitingStage(row.stage);
    if (next && canMove && !moving) onMove(row, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!selected) return;
    const index = board.rows.indexOf(selected);
    if (event.key === "ArrowDown") select(board.rows[Math.min(index + 1, board.rows.length - 1)]);
    else if (event.key === "ArrowUp") select(board.rows[Math.max(index - 1, 0)]);
    else if (event.key === "Home") select(board.rows[0]);
    else if (event.key === "End") select(board.rows.at(-1));
    else if (event.key === "Enter" || event.key.toLowerCase() === "n") moveOn(selected);
    else return;
    event.preventDefault();
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3 text-lg" data-testid="waiting-alerts">
        <span className={cn("rounded-md px-3 py-1 font-semibold", alerts.overThreshold > 0 ? "bg-red-600 text-white" : "bg-slate-100 text-slate-700")} data-over-count={alerts.overThreshold}>
          {t("waitingRoom.overThreshold", { count: alerts.overThreshold, minutes: formatNumber(board.waitThresholdMinutes) })}
        </span>
        <span className={cn("rounded-md px-3 py-1 font-semibold", alerts.late > 0 ? "bg-amber-500 text-slate-950" : "bg-slate-100 text-slate-700")} data-late-count={alerts.late}>
          {t("waitingRoom.late", { count: alerts.late })}
        </span>
        <span className="text-base text-slate-600">{t("waitingRoom.keys")}</span>
      </div>
      <p role="status" aria-live="assertive" className="sr-only" data-testid="waiting-announcement">
        {announcement}
      </p>
      <table className="w-full text-left text-lg" aria-label={t("waitingRoom.title")}>
        <thead className="text-sm text-slate-600 uppercase">
          <tr>
            <th className="py-2 pr-3">{t("waitingRoom.column.name")}</th>
            <th className="py-2 pr-3">{t("waitingRoom.column.time")}</th>
            <th className="py-2 pr-3">{t("waitingRoom.column.service")}</th>
            <th className="py-2 pr-3">{t("waitingRoom.column.staff")}</th>
            <th className="py-2 pr-3">{t("waitingRoom.column.stage")}</th>
            <th className="py-2 pr-3">{t("waitingRoom.column.waiting")}</th>
            <th className="py-2 pr-3">{t("waitingRoom.column.inStage")}</th>
            {canMove ? <th className="py-2">{t("waitingRoom.column.actions")}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200" onKeyDown={onKeyDown}>
          {board.rows.map((row) => {
            const timers = waitingTimers(row, now, board.waitThresholdMinutes);
            const next = nextWaitingStage(row.stage);
            const isSelected = row.key === selected?.key;
            return (
              <tr
                key={row.key}
                ref={(element) => {
                  if (element) rowRefs.current.set(row.key, element);
                  else rowRefs.current.delete(row.key);
                }}
                tabIndex={isSelected ? 0 : -1}
                aria-selected={isSelected}
                onFocus={() => setSelectedKey(row.key)}
                onClick={() => setSelectedKey(row.key)}
                data-testid="waiting-row"
                data-stage={row.stage}
                data-over={timers.overThreshold}
                data-late={timers.late}
                className={cn(
                  "outline-none focus-visible:ring-4 focus-visible:ring-sky-500",
                  timers.overThreshold && "bg-red-100 font-semibold text-red-950",
                  !timers.overThreshold && timers.late && "bg-amber-50",
                  row.stage === "done" && "text-slate-500",
                  isSelected && "ring-2 ring-sky-600 ring-inset",
                )}
              >
                <td className="py-3 pr-3 text-xl font-semibold">{row.name}</td>
                <td className="py-3 pr-3 tabular-nums">
                  {row.scheduledAt ? time.format(new Date(row.scheduledAt)) : t("waitingRoom.walkIn")}
                  {timers.late && timers.lateMs !== null ? <div className="text-base font-semibold text-amber-800">{t("waitingRoom.lateBy", { time: formatTimer(timers.lateMs) })}</div> : null}
                </td>
                <td className="py-3 pr-3">{row.serviceName ?? "—"}</td>
                <td className="py-3 pr-3">{row.staffName}</td>
                <td className="py-3 pr-3">
                  <Badge tone={STAGE_TONE[row.stage]} className="text-base">
                    {stageName(row.stage)}
                  </Badge>
                  {timers.overThreshold ? <span className="sr-only"> {t("waitingRoom.overFlag", { minutes: formatNumber(board.waitThresholdMinutes) })}</span> : null}
                </td>
                <td className="py-3 pr-3 font-mono tabular-nums" data-testid="waiting-time">
                  {timers.waitingMs === null ? "—" : formatTimer(timers.waitingMs)}
                </td>
                <td className="py-3 pr-3 font-mono tabular-nums">{timers.stageMs === null || row.stage === "done" ? "—" : formatTimer(timers.stageMs)}</td>
                {canMove ? (
                  <td className="py-3">
                    <div className="flex flex-wrap gap-2">
                      {next ? (
                        <Button tabIndex={-1} disabled={moving} onClick={() => onMove(row, next)} aria-label={t("waitingRoom.moveTo", { name: row.name, stage: stageName(next) })}>
                          {stageName(next)}
                        </Button>
                      ) : null}
                      {next && next !== "done" && row.stage !== "expected" ? (
                        <Button tabIndex={-1} variant="secondary" disabled={moving} onClick={() => onMove(row, "done")} aria-label={t("waitingRoom.moveTo", { name: row.name, stage: stageName("done") })}>
                          {stageName("done")}
                        </Button>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
