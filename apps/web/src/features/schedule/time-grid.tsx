import type { Appointment } from "@frontoffice/domain";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent, type ReactNode } from "react";
import { useT } from "../../i18n";
import { cn } from "../../lib/cn";
import { DEFAULT_DRAG_STEP_MINUTES, dropTarget, isDrag, type DropTarget } from "./drag";
import { useScheduleFormat } from "./format";
import { instantAtY, nowY, placeItems, placeRanges, type DayAxis, type Timed } from "./layout";
import { STATUS_BLOCK_CLASSES } from "./status";

export interface GridColumn {
  key: string;
  label: ReactNode;
  /** Accessible name of the column ("Dr. Rossi, Monday 9 June"). */
  name: string;
  axis: DayAxis;
  /** Working hours, shaded as open; the rest of the day is greyed. Null: unknown, nothing greyed. */
  hours: readonly Timed[] | null;
  appointments: readonly Appointment[];
  /** The staff member the column belongs to, for booking from an empty spot. */
  staffId?: string;
  highlighted?: boolean;
}

/** Pixels per minute: an hour is 48 px. */
const SCALE = 0.8;

interface TimedAppointment extends Timed {
  appointment: Appointment;
}

/** A block being dragged: which, from which column, and how far the pointer has gone. */
interface DragState {
  appointment: Appointment;
  column: number;
  pointerId: number;
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  /** Past the threshold: a drag, not a click. */
  moving: boolean;
  target: DropTarget | null;
}

/** What a column's blocks need to be dragged (absent when the grid does not move appointments). */
interface BlockDrag {
  dragging: DragState | null;
  start: (event: PointerEvent<HTMLButtonElement>, appointment: Appointment) => void;
  move: (event: PointerEvent<HTMLButtonElement>) => void;
  end: (event: PointerEvent<HTMLButtonElement>) => void;
  cancel: () => void;
  /** True once after a drag ends, so the click that follows does not open the appointment. */
  swallowClick: () => boolean;
}

/**
 * The time grid: an hour gutter and one column per staff member (day view) or per day (week
 * view), in the office's time zone. Appointment blocks are buttons (Tab, Enter); the arrow keys
 * move between days (left, right) and between the appointments of a column (up, down).
 */
export function TimeGrid({
  columns,
  timeZone,
  now,
  label,
  onOpen,
  onPick,
  onMoveDays,
  onMove,
  stepMinutes = DEFAULT_DRAG_STEP_MINUTES,
  scrollToMinutes = 8 * 60,
}: {
  columns: readonly GridColumn[];
  timeZone: string;
  now: number;
  label: string;
  onOpen: (appointment: Appointment) => void;
  onPick?: (column: GridColumn, start: number) => void;
  onMoveDays: (days: number) => void;
  /**
   * Drag to reschedule (pointer events: mouse, pen, touch): a block dropped elsewhere, snapped to
   * `stepMinutes`, in its own column or another column that has a staff member.
   */
  onMove?: (appointment: Appointment, target: { start: number; column: GridColumn }) => void;
  stepMinutes?: number;
  scrollToMinutes?: number;
}) {
  const t = useT();
  const format = useScheduleFormat(timeZone);
  const scroller = useRef<HTMLDivElement>(null);
  const gutter = columns[0]?.axis;
  const length = Math.max(...columns.map((column) => column.axis.length), 1440);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = Math.max(scrollToMinutes * SCALE - 24, 0);
  }, [scrollToMinutes]);

  const [dragging, setDragging] = useState<DragState | null>(null);
  const justDragged = useRef(false);
  const targetOf = (state: DragState, pointerX: number, dy: number): DropTarget | null => {
    const rects = Array.from(scroller.current?.querySelectorAll<HTMLElement>("[data-column]") ?? []).map((element) => element.getBoundingClientRect());
    const source = columns[state.column];
    const start = Date.parse(state.appointment.start);
    if (!source) return null;
    return dropTarget({
      from: { column: state.column, topMinutes: source.axis.toY(start), start, durationMinutes: (Date.parse(state.appointment.end) - start) / 60_000 },
      pointerX,
      deltaY: dy,
      scale: SCALE,
      step: stepMinutes,
      // Staff columns (day view) and day columns (week view) take a block; room columns only their own.
      columns: columns.map((column, index) => ({ left: rects[index]?.left ?? 0, right: rects[index]?.right ?? 0, axis: column.axis, allowed: index === state.column || (!!column.staffId && !!source.staffId) })),
    });
  };
  const drag: ((column: number) => BlockDrag) | undefined = onMove
    ? (column) => ({
        dragging: dragging?.column === column ? dragging : null,
        start: (event, appointment) => {
          if (event.button !== 0 || !event.isPrimary) return;
          event.currentTarget.setPointerCapture?.(event.pointerId);
          setDragging({ appointment, column, pointerId: event.pointerId, x0: event.clientX, y0: event.clientY, dx: 0, dy: 0, moving: false, target: null });
        },
        move: (event) => {
          if (!dragging || event.pointerId !== dragging.pointerId) return;
          const dx = event.clientX - dragging.x0;
          const dy = event.clientY - dragging.y0;
          const moving = dragging.moving || isDrag(dx, dy);
          setDragging({ ...dragging, dx, dy, moving, target: moving ? targetOf(dragging, event.clientX, dy) : null });
        },
        end: (event) => {
          if (!dragging || event.pointerId !== dragging.pointerId) return;
          setDragging(null);
          if (!dragging.moving) return;
          justDragged.current = true;
          const target = targetOf(dragging, event.clientX, event.clientY - dragging.y0);
          const column = target ? columns[target.column] : undefined;
          if (target && column) onMove(dragging.appointment, { start: target.start, column });
        },
        cancel: () => setDragging(null),
        swallowClick: () => {
          const swallowed = justDragged.current;
          justDragged.current = false;
          return swallowed;
        },
      })
    : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      onMoveDays(event.key === "ArrowLeft" ? -1 : 1);
    } else if (event.key === "PageUp" || event.key === "PageDown") {
      event.preventDefault();
      onMoveDays(event.key === "PageUp" ? -7 : 7);
    } else if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      const target = event.target as HTMLElement;
      const column = target.closest("[data-column]");
      const blocks = Array.from((column ?? scroller.current)?.querySelectorAll<HTMLButtonElement>("button[data-appointment]") ?? []);
      if (!blocks.length) return;
      event.preventDefault();
      const index = blocks.indexOf(target as HTMLButtonElement);
      const next = index === -1 ? blocks[0] : blocks[Math.min(Math.max(index + (event.key === "ArrowUp" ? -1 : 1), 0), blocks.length - 1)];
      next?.focus();
    }
  };

  return (
    <div
      role="region"
      aria-label={label}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown PageUp PageDown"
      tabIndex={0}
      onKeyDown={onKeyDown}
      className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
    >
      <div className="flex border-b border-slate-200 pl-14">
        {columns.map((column) => (
          <div key={column.key} className={cn("min-w-28 flex-1 border-l border-slate-200 px-2 py-2 text-center text-sm font-medium text-slate-800", column.highlighted && "bg-brand-50")}>
            {column.label}
          </div>
        ))}
      </div>
      <div ref={scroller} className="relative max-h-[65vh] overflow-y-auto">
        <div className="relative flex" style={{ height: length * SCALE }}>
          <div aria-hidden="true" className="relative w-14 shrink-0 text-right text-xs text-slate-500">
            {gutter?.hours.map((mark, index) => (
              <span key={index} className="absolute right-2 -translate-y-1/2" style={{ top: mark.y * SCALE }}>
                {mark.y === 0 ? "" : format.wallTime(mark.minutes)}
              </span>
            ))}
          </div>
          {columns.map((column, index) => (
            <DayColumn key={column.key} column={column} now={now} onOpen={onOpen} onPick={onPick} t={t} format={format} drag={drag?.(index)} />
          ))}
        </div>
      </div>
      <p className="border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600">{t("schedule.keyboardHint")}</p>
    </div>
  );
}

function DayColumn({
  column,
  now,
  onOpen,
  onPick,
  t,
  format,
  drag,
}: {
  column: GridColumn;
  now: number;
  onOpen: (appointment: Appointment) => void;
  onPick?: (column: GridColumn, start: number) => void;
  t: ReturnType<typeof useT>;
  format: ReturnType<typeof useScheduleFormat>;
  drag?: BlockDrag | undefined;
}) {
  const { axis } = column;
  const placed = useMemo(
    () =>
      placeItems<TimedAppointment>(
        column.appointments.map((appointment) => ({ appointment, start: Date.parse(appointment.start), end: Date.parse(appointment.end) })),
        axis,
      ),
    [column.appointments, axis],
  );
  const open = useMemo(() => (column.hours ? placeRanges(column.hours, axis) : null), [column.hours, axis]);
  const line = nowY(now, axis);

  const pick = (event: MouseEvent<HTMLDivElement>) => {
    if (!onPick || event.target !== event.currentTarget) return;
    const rect = event.currentTarget.getBoundingClientRect();
    onPick(column, instantAtY((event.clientY - rect.top) / SCALE, axis));
  };

  return (
    <div
      data-column
      role="group"
      aria-label={column.name}
      className={cn("relative min-w-28 flex-1 border-l border-slate-200", open ? "bg-slate-100" : "bg-white", onPick && "cursor-copy")}
      onClick={pick}
    >
      {open?.map((range, index) => (
        <div key={index} aria-hidden="true" className="pointer-events-none absolute inset-x-0 bg-white" style={{ top: range.top * SCALE, height: range.height * SCALE }} />
      ))}
      {axis.hours.map((mark, index) => (
        <div key={index} aria-hidden="true" className="pointer-events-none absolute inset-x-0 border-t border-slate-200" style={{ top: mark.y * SCALE }} />
      ))}
      {line !== null ? (
        <div aria-hidden="true" data-testid="now-line" className="pointer-events-none absolute inset-x-0 z-20 border-t-2 border-red-600" style={{ top: line * SCALE }}>
          <span className="absolute -top-1.5 -left-1.5 h-3 w-3 rounded-full bg-red-600" />
        </div>
      ) : null}
      {placed.map(({ item, top, height, lane, lanes, continuesBefore, continuesAfter }) => {
        const appointment = item.appointment;
        const when = format.range(appointment.start, appointment.end);
        const dragged = drag?.dragging?.appointment.id === appointment.id && drag.dragging.moving ? drag.dragging : null;
        const landing = dragged?.target ? format.range(dragged.target.start, dragged.target.start + Date.parse(appointment.end) - Date.parse(appointment.start)) : null;
        return (
          <button
            key={appointment.id}
            type="button"
            data-appointment={appointment.id}
            onClick={() => (drag?.swallowClick() ? undefined : onOpen(appointment))}
            onPointerDown={drag ? (event) => drag.start(event, appointment) : undefined}
            onPointerMove={drag?.move}
            onPointerUp={drag?.end}
            onPointerCancel={drag?.cancel}
            aria-label={t("schedule.block.label", { time: when, client: appointment.clientName, service: appointment.serviceName, status: t(`appointment.status.${appointment.status}`) })}
            className={cn(
              "absolute z-10 overflow-hidden rounded-md border-l-4 px-1.5 py-0.5 text-left text-xs shadow-sm hover:brightness-95 focus-visible:z-30 focus-visible:outline-2 focus-visible:outline-brand-600",
              STATUS_BLOCK_CLASSES[appointment.status],
              continuesBefore && "rounded-t-none",
              continuesAfter && "rounded-b-none",
              drag && "cursor-grab touch-none select-none",
              dragged && "z-40 cursor-grabbing opacity-80 shadow-lg",
            )}
            style={{
              top: top * SCALE,
              height: Math.max(height * SCALE - 1, 12),
              left: `calc(${(lane / lanes) * 100}% + 2px)`,
              width: `calc(${100 / lanes}% - 4px)`,
              ...(dragged ? { transform: `translate(${dragged.dx}px, ${dragged.dy}px)` } : {}),
            }}
          >
            {landing ? (
              <span data-drag-preview className="absolute top-0 right-1 rounded bg-white/90 px-1 text-[10px] font-semibold text-slate-900">
                {landing}
              </span>
            ) : null}
            {height * SCALE < 40 ? (
              <span className="block truncate">
                <span className="font-semibold">{appointment.clientName}</span> · {appointment.serviceName}
              </span>
            ) : (
              <>
                <span className="block truncate font-semibold">{appointment.clientName}</span>
                <span className="block truncate">{appointment.serviceName}</span>
                <span className="block truncate opacity-80">{when}</span>
                {appointment.resourceName ? <span className="block truncate opacity-80">{appointment.resourceName}</span> : null}
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
