import { TIME_OFF_REASONS, type FieldIssue, type ScheduleOverrideInput, type TimeOffInput, type TimeOffReason } from "@frontoffice/domain";
import { DAY_MS, addDays, isIsoDate, localDate, localMinutes, zonedInstant, type IsoDate } from "../schedule/zoned-time";

/** How far ahead the availability screen lists time off and special days. */
export const AVAILABILITY_DAYS_AHEAD = 365;

export { TIME_OFF_REASONS };

/** What the time-off form holds: whole days (first to last, inclusive) or one day from a time to a time. */
export interface TimeOffValues {
  wholeDays: boolean;
  firstDay: string;
  lastDay: string;
  date: string;
  from: string;
  until: string;
  reason: TimeOffReason;
  note: string;
}
export type TimeOffField = "firstDay" | "lastDay" | "date" | "from" | "until" | "reason" | "note";
export type Issue = Pick<FieldIssue, "key" | "params">;
export type FieldErrors<Field extends string> = Partial<Record<Field, Issue>>;

export function emptyTimeOff(today: IsoDate): TimeOffValues {
  return { wholeDays: true, firstDay: today, lastDay: today, date: today, from: "09:00", until: "14:00", reason: "vacation", note: "" };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * The time off to send, as instants in the office's time zone: whole days run from the first
 * day's midnight to the midnight after the last day (23 or 25 hours on a clock change), a part
 * of a day from one wall time to another. Or the problems found before asking the server.
 */
export function toTimeOffInput(values: TimeOffValues, staffId: string, timeZone: string): { input: TimeOffInput } | { errors: FieldErrors<TimeOffField> } {
  const errors: FieldErrors<TimeOffField> = {};
  let start = 0;
  let end = 0;
  if (values.wholeDays) {
    if (!isIsoDate(values.firstDay)) errors.firstDay = { key: "validation.date_invalid" };
    if (!isIsoDate(values.lastDay)) errors.lastDay = { key: "validation.date_invalid" };
    else if (isIsoDate(values.firstDay) && values.lastDay < values.firstDay) errors.lastDay = { key: "validation.time_range_invalid" };
    if (!errors.firstDay && !errors.lastDay) {
      start = zonedInstant(values.firstDay, 0, timeZone);
      end = zonedInstant(addDays(values.lastDay, 1), 0, timeZone);
    }
  } else {
    if (!isIsoDate(values.date)) errors.date = { key: "validation.date_invalid" };
    if (!TIME.test(values.from)) errors.from = { key: "validation.time_invalid" };
    if (!TIME.test(values.until)) errors.until = { key: "validation.time_invalid" };
    else if (TIME.test(values.from) && minutesOf(values.until) <= minutesOf(values.from)) errors.until = { key: "validation.time_range_invalid" };
    if (!errors.date && !errors.from && !errors.until) {
      start = zonedInstant(values.date, minutesOf(values.from), timeZone);
      end = zonedInstant(values.date, minutesOf(values.until), timeZone);
    }
  }
  if (values.note.trim().length > 500) errors.note = { key: "validation.too_long" };
  if (Object.keys(errors).length) return { errors };
  const note = values.note.trim();
  return { input: { staffId, start: new Date(start).toISOString(), end: new Date(end).toISOString(), reason: values.reason, ...(note ? { note } : {}) } };
}

/** The server's field issues beside the fields that made them: start and end are days or times. */
export function placeTimeOffIssues(issues: readonly FieldIssue[], wholeDays: boolean): FieldErrors<TimeOffField> {
  const placed: FieldErrors<TimeOffField> = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const field: TimeOffField | undefined =
      head === "start" ? (wholeDays ? "firstDay" : "from") : head === "end" ? (wholeDays ? "lastDay" : "until") : head === "note" || head === "reason" ? head : undefined;
    if (field && !placed[field]) placed[field] = { key: issue.key, params: issue.params };
  }
  return placed;
}

/** What the special-day form holds: a date, and either closed or one span of hours. */
export interface OverrideValues {
  date: string;
  closed: boolean;
  from: string;
  until: string;
}
export type OverrideField = "date" | "from" | "until";

export function emptyOverride(today: IsoDate): OverrideValues {
  return { date: today, closed: true, from: "09:00", until: "14:00" };
}

/** A special day to send (the office is added by whoever sends it), or the problems found first. */
export function toOverrideInput(values: OverrideValues, staffId: string): { input: Omit<ScheduleOverrideInput, "officeId"> } | { errors: FieldErrors<OverrideField> } {
  const errors: FieldErrors<OverrideField> = {};
  if (!isIsoDate(values.date)) errors.date = { key: "validation.date_invalid" };
  if (!values.closed) {
    if (!TIME.test(values.from)) errors.from = { key: "validation.time_invalid" };
    if (!TIME.test(values.until)) errors.until = { key: "validation.time_invalid" };
    else if (TIME.test(values.from) && minutesOf(values.until) <= minutesOf(values.from)) errors.until = { key: "validation.time_range_invalid" };
  }
  if (Object.keys(errors).length) return { errors };
  return { input: { staffId, date: values.date, intervals: values.closed ? [] : [{ start: values.from, end: values.until }] } };
}

/** `intervals.0.start` → from, `intervals.0.end` (or the interval) → until, `date` → date. */
export function placeOverrideIssues(issues: readonly FieldIssue[]): FieldErrors<OverrideField> {
  const placed: FieldErrors<OverrideField> = {};
  for (const issue of issues) {
    const [head, , part] = issue.path;
    const field: OverrideField | undefined = head === "date" ? "date" : head === "intervals" ? (part === "start" ? "from" : "until") : undefined;
    if (field && !placed[field]) placed[field] = { key: issue.key, params: issue.params };
  }
  return placed;
}

/** A time off as the list shows it: whole office-local days, or one day's wall times. */
export type TimeOffSpan = { kind: "days"; first: IsoDate; last: IsoDate } | { kind: "times"; first: IsoDate; last: IsoDate; startMinutes: number; endMinutes: number };

export function timeOffSpan(start: string, end: string, timeZone: string): TimeOffSpan {
  const from = Date.parse(start);
  const to = Date.parse(end);
  const startMinutes = localMinutes(from, timeZone);
  const endMinutes = localMinutes(to, timeZone);
  if (startMinutes === 0 && endMinutes === 0) return { kind: "days", first: localDate(from, timeZone), last: localDate(to - DAY_MS / 2, timeZone) };
  return { kind: "times", first: localDate(from, timeZone), last: localDate(to, timeZone), startMinutes, endMinutes };
}

/** The window the screen lists: from now to a year ahead (the server's longest list). */
export function upcomingWindow(now: number, timeZone: string): { from: string; to: string; firstDay: IsoDate; lastDay: IsoDate } {
  const firstDay = localDate(now, timeZone);
  return { from: new Date(now).toISOString(), to: new Date(now + AVAILABILITY_DAYS_AHEAD * DAY_MS).toISOString(), firstDay, lastDay: addDays(firstDay, AVAILABILITY_DAYS_AHEAD) };
}
