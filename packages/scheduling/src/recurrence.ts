/**
 * RFC 5545 recurrence (RRULE with DTSTART in a time zone, and EXDATEs), expanded with
 * `rrule-temporal` in the zone's wall-clock time, so "every Monday at 09:00 Madrid time" stays at
 * 09:00 across daylight-saving changes. Only bounded rules are accepted.
 */
import { RRuleTemporal } from "rrule-temporal";
import { SchedulingError } from "./errors.js";
import { checkInteger, daysInMonth, formatInstant, MINUTE_MS, type TimeRange, type TimeZoneId } from "./time.js";
import { assertTimeZone, Zone } from "./zone.js";

/** How many occurrences a series may have unless told otherwise. */
export const DEFAULT_RECURRENCE_LIMIT = 500;

export interface RecurrenceInput {
  /** DTSTART as a local date-time in `timeZone`: `2025-03-24T09:00` (seconds optional). */
  readonly start: string;
  readonly timeZone: TimeZoneId;
  /** The rule, `FREQ=WEEKLY;BYDAY=MO;COUNT=10` (an `RRULE:` prefix is accepted). It must have COUNT or UNTIL. */
  readonly rrule: string;
  /** Exceptions: local date-times (`2025-03-31T09:00`) or whole local dates (`2025-03-31`). */
  readonly exdates?: readonly string[];
  readonly durationMinutes: number;
}

export interface RecurrenceOptions {
  /** Refuse a rule that expands to more occurrences than this; 500 when absent. */
  readonly limit?: number;
}

const RULE_PARTS = new Set(["FREQ", "UNTIL", "COUNT", "INTERVAL", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST", "RSCALE", "SKIP"]);
const FREQUENCIES = new Set(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]);
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(message: string, details: Record<string, unknown>): SchedulingError {
  return new SchedulingError("RECURRENCE_INVALID", message, details);
}

/** `2025-03-24T09:00` → `20250324T090000`. */
function compactLocal(value: string, what: string): string {
  const match = LOCAL_DATE_TIME.exec(value);
  if (match) {
    const [, year, month, day, hour, minute, second = "00"] = match as unknown as [string, string, string, string, string, string, string | undefined];
    if (Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= daysInMonth(Number(year), Number(month)) && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59) {
      return `${year}${month}${day}T${hour}${minute}${second}`;
    }
  }
  throw invalid(`${what} is not a local date-time (YYYY-MM-DDTHH:MM): ${value}`, { value });
}

/** The parts of an RRULE value, checked for syntax only: known names, each once, FREQ present, not both COUNT and UNTIL. */
export function ruleParts(rrule: string): Map<string, string> {
  if (typeof rrule !== "string") throw invalid("The RRULE is not text", { rrule });
  const text = rrule.trim().replace(/^RRULE:/i, "");
  if (text === "" || /[\r\n]/.test(text)) throw invalid(`Not an RRULE: ${rrule}`, { rrule });
  const parts = new Map<string, string>();
  for (const part of text.split(";")) {
    const equals = part.indexOf("=");
    const name = part.slice(0, equals).trim().toUpperCase();
    const value = part.slice(equals + 1).trim();
    if (equals <= 0 || !/^[A-Za-z0-9,+\-]+$/.test(value) || !RULE_PARTS.has(name) || parts.has(name)) throw invalid(`Not an RRULE part: ${part}`, { rrule, part });
    parts.set(name, value.toUpperCase());
  }
  const freq = parts.get("FREQ");
  if (freq === undefined) throw invalid("The RRULE has no FREQ", { rrule });
  if (!FREQUENCIES.has(freq)) throw invalid(`Not a FREQ: ${freq}`, { rrule });
  const interval = parts.get("INTERVAL");
  if (interval !== undefined && !/^[1-9]\d{0,5}$/.test(interval)) throw invalid(`INTERVAL must be a positive whole number: ${interval}`, { rrule });
  const until = parts.get("UNTIL");
  if (until !== undefined && !/^\d{8}(T\d{6}Z?)?$/.test(until)) throw invalid(`UNTIL must be a date or date-time: ${until}`, { rrule });
  if (parts.has("COUNT") && parts.has("UNTIL")) throw invalid("The RRULE has both COUNT and UNTIL", { rrule });
  const count = parts.get("COUNT");
  if (count !== undefined && !/^[1-9]\d{0,8}$/.test(count)) throw invalid(`COUNT must be a positive whole number: ${count}`, { rrule });
  return parts;
}

/** `ruleParts`, and refuses a rule without COUNT or UNTIL (`RECURRENCE_UNBOUNDED`). */
export function parseRule(rrule: string): Map<string, string> {
  const parts = ruleParts(rrule);
  if (!parts.has("COUNT") && !parts.has("UNTIL")) {
    throw new SchedulingError("RECURRENCE_UNBOUNDED", "The RRULE has no end: give COUNT or UNTIL", { rrule });
  }
  return parts;
}

/**
 * The occurrences of a series as instant ranges, in order. Throws `RECURRENCE_UNBOUNDED` (no COUNT
 * or UNTIL), `RECURRENCE_TOO_LONG` (more than `limit`, 500 by default, after EXDATEs),
 * `RECURRENCE_INVALID` or `UNKNOWN_TIME_ZONE`.
 */
export function expandRecurrence(input: RecurrenceInput, options: RecurrenceOptions = {}): TimeRange[] {
  const durationMs = checkInteger(input.durationMinutes, "durationMinutes", 1, 7 * 24 * 60) * MINUTE_MS;
  return expandSeries(input, durationMs, options);
}

/** `expandRecurrence` with a duration in milliseconds (for iCalendar events). */
export function expandSeries(input: Omit<RecurrenceInput, "durationMinutes">, durationMs: number, options: RecurrenceOptions = {}): TimeRange[] {
  const limit = checkInteger(options.limit ?? DEFAULT_RECURRENCE_LIMIT, "limit", 1, 100_000);
  assertTimeZone(input.timeZone);
  const parts = parseRule(input.rrule);
  const start = compactLocal(input.start, "DTSTART");

  const exdateTimes: string[] = [];
  const exdateDays = new Set<string>();
  for (const exdate of input.exdates ?? []) {
    if (LOCAL_DATE.test(exdate)) exdateDays.add(exdate);
    else exdateTimes.push(compactLocal(exdate, "EXDATE"));
  }

  const rule = [...parts].map(([name, value]) => `${name}=${value}`).join(";");
  const lines = [`DTSTART;TZID=${input.timeZone}:${start}`, `RRULE:${rule}`];
  if (exdateTimes.length > 0) lines.push(`EXDATE;TZID=${input.timeZone}:${exdateTimes.join(",")}`);

  let dates: { epochMilliseconds: number; toPlainDate(): { toString(): string } }[];
  try {
    const expander = new RRuleTemporal({ rruleString: lines.join("\n") });
    // Stop one past the limit, counting only what the date-only EXDATEs keep.
    let kept = 0;
    dates = expander.all((date) => exdateDays.has(date.toPlainDate().toString()) || ++kept <= limit + 1);
  } catch (error) {
    throw invalid(`The RRULE cannot be read: ${error instanceof Error ? error.message : String(error)}`, { rrule: input.rrule });
  }
  if (exdateDays.size > 0) dates = dates.filter((date) => !exdateDays.has(date.toPlainDate().toString()));
  if (dates.length > limit) {
    throw new SchedulingError("RECURRENCE_TOO_LONG", `The series has more than ${limit} occurrences`, { limit, rrule: input.rrule });
  }
  return dates.map((date) => ({ start: formatInstant(date.epochMilliseconds), end: formatInstant(date.epochMilliseconds + durationMs) }));
}

/** The local date-time (`2025-03-24T09:00`) of an instant in a zone, for DTSTART and EXDATE. */
export function localDateTimeOf(epochMs: number, timeZone: TimeZoneId): string {
  const zone = new Zone(timeZone, epochMs, epochMs);
  const local = formatInstant(epochMs + zone.offsetAt(epochMs));
  return local.slice(0, 19).replace(/:00$/, "");
}
