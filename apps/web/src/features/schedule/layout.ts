/**
 * Where things go on the calendar's time grid, as pure numbers (minutes from the top of a day
 * column), so it can be tested without a browser.
 *
 * A day column has an axis. The day view uses elapsed time: a local day is 23 or 25 hours long on
 * a DST change, and the column is that long (the repeated hour shows twice, the skipped hour not
 * at all). The week view lines up seven days against one hour gutter, so it uses wall-clock time:
 * every column is 24 hours, an appointment sits at its local start time, and in the repeated hour
 * of a fall-back night two appointments an hour apart share a row (they are placed side by side).
 */
import { addDays, DAY_MS, dayRange, HOUR_MS, localMinutes, MINUTE_MS, offsetAt, type IsoDate } from "./zoned-time";

export type AxisMode = "elapsed" | "wall";

export interface HourMark {
  /** Minutes from the top of the column. */
  y: number;
  /** The local wall-clock minutes the mark stands for (for its label). */
  minutes: number;
}

export interface DayAxis {
  date: IsoDate;
  timeZone: string;
  mode: AxisMode;
  /** The instants of the local day, `[start, end)`. */
  start: number;
  end: number;
  /** The column's length in minutes: 1380, 1440 or 1500 (elapsed), always 1440 (wall). */
  length: number;
  hours: HourMark[];
  /** Minutes from the top for an instant, clamped to the column. */
  toY: (instant: number) => number;
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

export function dayAxis(date: IsoDate, timeZone: string, mode: AxisMode): DayAxis {
  const { start, end } = dayRange(date, timeZone);
  if (mode === "elapsed") {
    const length = Math.round((end - start) / MINUTE_MS);
    const hours: HourMark[] = [];
    for (let at = start; at < end; at += HOUR_MS) hours.push({ y: Math.round((at - start) / MINUTE_MS), minutes: localMinutes(at, timeZone) });
    return { date, timeZone, mode, start, end, length, hours, toY: (instant) => clamp((instant - start) / MINUTE_MS, 0, length) };
  }
  const midnight = Date.parse(`${date}T00:00:00Z`);
  const nextMidnight = Date.parse(`${addDays(date, 1)}T00:00:00Z`);
  const toY = (instant: number) => {
    if (instant <= start) return 0;
    if (instant >= end) return 1440;
    const wall = instant + offsetAt(instant, timeZone);
    return clamp((wall - midnight) / MINUTE_MS, 0, (nextMidnight - midnight) / MINUTE_MS);
  };
  return { date, timeZone, mode, start, end, length: DAY_MS / MINUTE_MS, hours: Array.from({ length: 24 }, (_, hour) => ({ y: hour * 60, minutes: hour * 60 })), toY };
}

export interface Timed {
  start: number;
  end: number;
}

export interface Placed<T> {
  item: T;
  /** Minutes from the top of the column. */
  top: number;
  /** At least `minHeight` minutes, so a short appointment stays clickable. */
  height: number;
  /** Side-by-side position among overlapping items: lane `lane` of `lanes`. */
  lane: number;
  lanes: number;
  /** Starts before or ends after this day (it is cut at the column's edge). */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * Places the items that touch the axis's day. Items that overlap (on the axis, so two items in a
 * repeated hour count as overlapping in the week view) share the width: each cluster of chained
 * overlaps gets as many lanes as it needs at most, and each item the first lane free at its start.
 */
export function placeItems<T extends Timed>(items: readonly T[], axis: DayAxis, minHeight = 15): Placed<T>[] {
  const visible = items
    .filter((item) => item.end > axis.start && item.start < axis.end && item.end >= item.start)
    .map((item) => {
      const top = axis.toY(item.start);
      const bottom = Math.max(axis.toY(item.end), top);
      return { item, top, bottom: Math.max(bottom, top + minHeight), continuesBefore: item.start < axis.start, continuesAfter: item.end > axis.end };
    })
    .sort((a, b) => a.top - b.top || b.bottom - a.bottom);

  const placed: Placed<T>[] = [];
  let cluster: { entry: (typeof visible)[number]; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;

  const flush = () => {
    const lanes = laneEnds.length;
    for (const { entry, lane } of cluster) {
      placed.push({
        item: entry.item,
        top: entry.top,
        height: entry.bottom - entry.top,
        lane,
        lanes,
        continuesBefore: entry.continuesBefore,
        continuesAfter: entry.continuesAfter,
      });
    }
    cluster = [];
    laneEnds = [];
  };

  for (const entry of visible) {
    if (entry.top >= clusterEnd) {
      flush();
      clusterEnd = Number.NEGATIVE_INFINITY;
    }
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= entry.top);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(entry.bottom);
    } else {
      laneEnds[lane] = entry.bottom;
    }
    cluster.push({ entry, lane });
    clusterEnd = Math.max(clusterEnd, entry.bottom);
  }
  flush();
  return placed;
}

/** Ranges (office hours) as `{ top, height }` in minutes on the axis; parts outside the day are cut off. */
export function placeRanges(ranges: readonly Timed[], axis: DayAxis): { top: number; height: number }[] {
  return ranges
    .filter((range) => range.end > axis.start && range.start < axis.end)
    .map((range) => {
      const top = axis.toY(Math.max(range.start, axis.start));
      const bottom = range.end >= axis.end ? axis.length : axis.toY(range.end);
      return { top, height: Math.max(bottom - top, 0) };
    })
    .filter((range) => range.height > 0);
}

/** Where the current-time line goes, or null when `now` is not in this day. */
export function nowY(now: number, axis: DayAxis): number | null {
  return now >= axis.start && now < axis.end ? axis.toY(now) : null;
}

/** The instant under a point of a column, snapped down to `step` minutes of the axis (to book where one clicked). */
export function instantAtY(y: number, axis: DayAxis, step = 15): number {
  const snapped = Math.floor(clamp(y, 0, axis.length - 1) / step) * step;
  if (axis.mode === "elapsed") return axis.start + snapped * MINUTE_MS;
  // Wall clock: walk the day to the first instant at or after that wall time.
  let low = axis.start;
  let high = axis.end;
  while (high - low > MINUTE_MS) {
    const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
    if (axis.toY(middle) < snapped) low = middle;
    else high = middle;
  }
  return axis.toY(low) >= snapped ? low : high;
}
