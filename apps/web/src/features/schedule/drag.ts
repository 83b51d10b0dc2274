/**
 * The arithmetic of dragging an appointment on the time grid, as pure numbers so it is tested
 * without a browser: when a press becomes a drag, which column the pointer is over, and the
 * start the block lands on, snapped to the office's slot step.
 */
import { instantAtY, type DayAxis } from "./layout";

/** Pixels a pointer must travel before a press on a block is a drag rather than a click. */
export const DRAG_THRESHOLD_PX = 5;
/** The grid a dropped block snaps to when the office has no fixed slot step. */
export const DEFAULT_DRAG_STEP_MINUTES = 15;

export function isDrag(dx: number, dy: number, threshold = DRAG_THRESHOLD_PX): boolean {
  return Math.hypot(dx, dy) >= threshold;
}

/** The snapping step for an office: its fixed slot step, else every 15 minutes. */
export function dragStep(slotStepMinutes: number | null | undefined): number {
  return slotStepMinutes && slotStepMinutes > 0 ? slotStepMinutes : DEFAULT_DRAG_STEP_MINUTES;
}

/** The index of the column whose horizontal span holds `x` (`[left, right)`), or null outside them all. */
export function columnAt(x: number, columns: readonly { left: number; right: number }[]): number | null {
  const index = columns.findIndex((column) => x >= column.left && x < column.right);
  return index === -1 ? null : index;
}

/**
 * Where a block dragged by `deltaY` pixels lands in a column: its top moves with the pointer
 * (`scale` pixels a minute), rounds to the nearest `step` minutes of the column's axis, and stays
 * inside the day with room for the appointment. Returns the new start instant.
 */
export function droppedStart(topMinutes: number, deltaY: number, scale: number, axis: DayAxis, step: number, durationMinutes: number): number {
  const moved = topMinutes + deltaY / scale;
  const last = Math.max(axis.length - Math.max(durationMinutes, step), 0);
  const snapped = Math.min(Math.max(Math.round(moved / step) * step, 0), Math.floor(last / step) * step);
  return instantAtY(snapped, axis, step);
}

export interface DropTarget {
  /** The target column's index. */
  column: number;
  start: number;
}

/**
 * The drop of a dragged block: the column under the pointer if the block may go there (`allowed`),
 * else its own column; and the snapped start in that column's axis. Null when it lands where it was.
 */
export function dropTarget(input: {
  from: { column: number; topMinutes: number; start: number; durationMinutes: number };
  pointerX: number;
  deltaY: number;
  scale: number;
  step: number;
  columns: readonly { left: number; right: number; axis: DayAxis; allowed: boolean }[];
}): DropTarget | null {
  const under = columnAt(input.pointerX, input.columns);
  const column = under !== null && input.columns[under]?.allowed ? under : input.from.column;
  const target = input.columns[column];
  if (!target) return null;
  // The block keeps its wall position when it changes day (week view): same minutes from the top.
  const start = droppedStart(input.from.topMinutes, input.deltaY, input.scale, target.axis, input.step, input.from.durationMinutes);
  if (column === input.from.column && start === input.from.start) return null;
  return { column, start };
}
