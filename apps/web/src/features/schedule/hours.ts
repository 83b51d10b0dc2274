import { WEEKDAY_KEYS, type WeeklyHours } from "@frontoffice/domain";
import type { Timed } from "./layout";
import { isoWeekday, zonedInstant, type IsoDate } from "./zoned-time";

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** A staff member's working hours on one local date, as instants (wall-clock hours in the office's zone). */
export function hoursOn(weeklyHours: Partial<WeeklyHours> | undefined, date: IsoDate, timeZone: string): Timed[] {
  const day = WEEKDAY_KEYS[isoWeekday(date) - 1];
  const intervals = (day && weeklyHours?.[day]) || [];
  return intervals.map((interval) => ({ start: zonedInstant(date, minutesOf(interval.start), timeZone), end: zonedInstant(date, minutesOf(interval.end), timeZone) }));
}

/** Where the grid scrolls to first: the earliest opening hour of the columns, else 08:00. */
export function firstOpeningMinutes(weeklyHours: readonly (Partial<WeeklyHours> | undefined)[]): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const week of weeklyHours) for (const day of WEEKDAY_KEYS) for (const interval of week?.[day] ?? []) earliest = Math.min(earliest, minutesOf(interval.start));
  return Number.isFinite(earliest) ? earliest : 8 * 60;
}
