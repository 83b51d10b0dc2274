/**
 * Whether an office or department is open at an instant, and when it opens next. The calendar
 * rules (weekly hours, overrides, holidays, daylight-saving changes) are `@frontoffice/scheduling`'s:
 * the hours become a scheduling `Calendar` and a one-millisecond probe is checked against it.
 */
import { type Calendar, calendarAvailability, findConflicts, isSchedulingError, type TimeZoneId } from "@frontoffice/scheduling";
import { RoutingError } from "./errors.js";
import type { IsoInstant, OpeningHours } from "./model.js";

/** How far ahead `opensAt` is looked for: two weeks covers holidays next to a weekend. */
const LOOKAHEAD_MS = 14 * 86_400_000;

export type OpenState = { readonly open: true } | { readonly open: false; readonly reason: "after_hours" | "holiday"; readonly opensAt: IsoInstant | null };

function calendarOf(hours: OpeningHours, timeZone: TimeZoneId): Calendar {
  return { id: "hours", timeZone, weeklyHours: hours.weeklyHours, ...(hours.overrides ? { overrides: hours.overrides } : {}), ...(hours.holidays ? { holidays: hours.holidays } : {}) };
}

/** Scheduling errors (a bad time zone or hours) travel as `ROUTING_INVALID_HOURS`. */
function withSchedulingErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isSchedulingError(error)) throw new RoutingError("ROUTING_INVALID_HOURS", error.message, { schedulingCode: error.code, ...error.details });
    throw error;
  }
}

/** Open or closed at `nowMs` (epoch milliseconds), with the reason and next opening when closed. */
export function openStateAt(hours: OpeningHours, timeZone: TimeZoneId, nowMs: number): OpenState {
  return withSchedulingErrors(() => {
    const calendar = calendarOf(hours, timeZone);
    const start = new Date(nowMs).toISOString();
    const conflicts = findConflicts({ start, end: new Date(nowMs + 1).toISOString() }, [calendar]);
    if (conflicts.length === 0) return { open: true };
    const reason = conflicts.some((conflict) => conflict.code === "HOLIDAY") ? "holiday" : "after_hours";
    const next = calendarAvailability(calendar, { start, end: new Date(nowMs + LOOKAHEAD_MS).toISOString() }).hours[0];
    return { open: false, reason, opensAt: next ? next.start : null };
  });
}

/** Checks hours and time zone without deciding anything (for `validateRoutingConfig`). */
export function checkHours(hours: OpeningHours, timeZone: TimeZoneId, nowMs: number): void {
  withSchedulingErrors(() => calendarAvailability(calendarOf(hours, timeZone), { start: new Date(nowMs).toISOString(), end: new Date(nowMs + 7 * 86_400_000).toISOString() }));
}
