/**
 * The edges between the public time types (ISO strings) and the integers the core computes on:
 * epoch milliseconds for instants, day numbers (days since 1970-01-01) for local dates and minutes
 * since midnight for local times. Nothing here reads the host's time zone.
 */
import { Temporal } from "temporal-polyfill";
import { SchedulingError } from "./errors.js";

/** An instant as an ISO 8601 string with an offset; the package returns them in UTC: `2025-03-31T07:00:00Z`. */
export type IsoInstant = string;
/** A local calendar date, `2025-03-31`. */
export type IsoDate = string;
/** A local wall-clock time, `09:00` (and `24:00` as the end of a day). */
export type LocalTime = string;
/** An IANA time zone name, `Europe/Madrid`. */
export type TimeZoneId = string;

/** Where "now" comes from: the server passes `{ now: () => Temporal.Now.instant() }`, tests a fixed one. */
export interface Clock {
  now(): Temporal.Instant;
}

/** A clock that always says `instant` (for tests, examples and replaying a decision). */
export function fixedClock(instant: IsoInstant | Temporal.Instant): Clock {
  const value = typeof instant === "string" ? Temporal.Instant.fromEpochMilliseconds(parseInstant(instant)) : instant;
  return { now: () => value };
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));

function padYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, "0");
  return (year < 0 ? "-" : "+") + String(Math.abs(year)).padStart(6, "0");
}

export function formatDayNumber(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${padYear(year)}-${pad2(month)}-${pad2(day)}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of `2025-03-31`; throws `INVALID_LOCAL_DATE`. */
export function parseIsoDate(value: IsoDate): number {
  const match = typeof value === "string" ? DATE_PATTERN.exec(value) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return daysFromCivil(year, month, day);
  }
  throw new SchedulingError("INVALID_LOCAL_DATE", `Not a local date (YYYY-MM-DD): ${String(value)}`, { value });
}

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of `09:30` (`24:00` is 1440); throws `INVALID_LOCAL_TIME`. */
export function parseLocalTime(value: LocalTime): number {
  const match = typeof value === "string" ? TIME_PATTERN.exec(value) : null;
  if (match) {
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    if ((hours <= 23 && minutes <= 59) || (hours === 24 && minutes === 0)) return hours * 60 + minutes;
  }
  throw new SchedulingError("INVALID_LOCAL_TIME", `Not a local time (HH:MM): ${String(value)}`, { value });
}

export function formatLocalTime(minutes: number): LocalTime {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

const digit = (text: string, index: number) => text.charCodeAt(index) - 48;
const two = (text: string, index: number) => digit(text, index) * 10 + digit(text, index + 1);
const isDigit = (text: string, index: number) => {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
};

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15];

/**
 * The common shapes without a regular expression: `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`.
 * Undefined when the text has another shape (the regular expression then decides).
 */
function parseCommonInstant(text: string): number | undefined {
  const length = text.length;
  if (length < 17 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return undefined;
  for (let index = 0; index < DIGIT_POSITIONS.length; index++) if (!isDigit(text, DIGIT_POSITIONS[index] as number)) return undefined;
  let position = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(position) === 58) {
    if (!isDigit(text, 17) || !isDigit(text, 18)) return undefined;
    second = two(text, 17);
    position = 19;
    if (text.charCodeAt(position) === 46) {
      let digits = 0;
      position++;
      while (isDigit(text, position)) {
        if (digits < 3) ms = ms * 10 + digit(text, position);
        digits++;
        position++;
      }
      if (digits === 0 || digits > 9) return undefined;
      for (let pad = digits; pad < 3; pad++) ms *= 10;
    }
  }
  let offset = 0;
  const sign = text.charCodeAt(position);
  if (sign === 90 && position + 1 === length) {
    offset = 0;
  } else if ((sign === 43 || sign === 45) && position + 6 === length && text.charCodeAt(position + 3) === 58 && isDigit(text, position + 1) && isDigit(text, position + 2) && isDigit(text, position + 4) && isDigit(text, position + 5)) {
    const hours = two(text, position + 1);
    const minutes = two(text, position + 4);
    if (hours > 23 || minutes > 59) return undefined;
    offset = (sign === 45 ? -1 : 1) * (hours * 60 + minutes);
  } else {
    return undefined;
  }
  return fromParts(two(text, 0) * 100 + two(text, 2), two(text, 5), two(text, 8), two(text, 11), two(text, 14), second, ms, offset);
}

const INSTANT_PATTERN =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))(?:\[[^\]]*\])*$/;

function fromParts(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMinutes: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * MINUTE_MS + second * 1000 + ms - offsetMinutes * MINUTE_MS;
}

/**
 * Epoch milliseconds of an ISO 8601 instant with an offset (`2025-03-31T07:00:00Z`,
 * `2025-03-31T09:00+02:00`, `2025-03-31T09:00:00+02:00[Europe/Madrid]`). Sub-millisecond digits
 * are dropped. Throws `INVALID_INSTANT`, also for a local time without an offset.
 */
export function parseInstant(value: IsoInstant): number {
  if (typeof value === "string") {
    const fast = parseCommonInstant(value);
    if (fast !== undefined) return fast;
    const match = INSTANT_PATTERN.exec(value);
    if (match) {
      const fraction = match[7] ?? "";
      const ms = fraction === "" ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
      const offset = match[8] ? 0 : (match[9] === "-" ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11]));
      const result = fromParts(Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6] ?? 0), ms, offset);
      if (result !== undefined && Math.abs(offset) < 24 * 60) return result;
    }
  }
  throw new SchedulingError("INVALID_INSTANT", `Not an ISO 8601 instant with an offset: ${String(value)}`, { value });
}

// The date part of the last instant formatted: slots come in runs of the same day.
let cachedDay = Number.NaN;
let cachedDayText = "";

/** `2025-03-31T07:00:00Z`: UTC, seconds always, milliseconds only when not zero (as `Temporal.Instant#toString`). */
export function formatInstant(epochMs: number): IsoInstant {
  const days = Math.floor(epochMs / DAY_MS);
  let rest = epochMs - days * DAY_MS;
  const hours = Math.floor(rest / HOUR_MS);
  rest -= hours * HOUR_MS;
  const minutes = Math.floor(rest / MINUTE_MS);
  rest -= minutes * MINUTE_MS;
  const seconds = Math.floor(rest / 1000);
  const ms = rest - seconds * 1000;
  const fraction = ms === 0 ? "" : `.${String(ms).padStart(3, "0").replace(/0+$/, "")}`;
  if (days !== cachedDay) {
    cachedDay = days;
    cachedDayText = formatDayNumber(days);
  }
  return `${cachedDayText}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}${fraction}Z`;
}

/** Epoch milliseconds of a clock reading. */
export function nowMs(clock: Clock): number {
  return clock.now().epochMilliseconds;
}

/** A half-open range of instants, `[start, end)`. */
export interface TimeRange {
  readonly start: IsoInstant;
  readonly end: IsoInstant;
}

/** Parses a range; throws `INVALID_INSTANT` or `INVALID_RANGE` (end not after start). */
export function parseRange(range: TimeRange, what = "range"): [number, number] {
  const start = parseInstant(range.start);
  const end = parseInstant(range.end);
  if (end <= start) throw new SchedulingError("INVALID_RANGE", `The ${what} ends before it starts: ${range.start} – ${range.end}`, { start: range.start, end: range.end });
  return [start, end];
}

/** Checks a whole number of minutes (or more generally a number) in bounds; throws `INVALID_OPTION`. */
export function checkInteger(value: number, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SchedulingError("INVALID_OPTION", `${option} must be a whole number from ${min} to ${max}: ${String(value)}`, { option, value });
  }
  return value;
}
