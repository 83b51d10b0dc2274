/**
 * Stable error codes of the scheduling rules. A server returns the code to its client, which
 * translates it (`errors.<CODE>`); tests assert on it. Never rename one: add a new one.
 *
 * Each code maps to the tRPC error code it should travel as.
 */
export const SCHEDULING_ERROR_CODES = {
  /** A time zone that is not a known IANA name. `details.timeZone`. */
  UNKNOWN_TIME_ZONE: "BAD_REQUEST",
  /** Not an ISO 8601 instant with an offset (`2025-03-31T07:00:00Z`). `details.value`. */
  INVALID_INSTANT: "BAD_REQUEST",
  /** Not a local date (`2025-03-31`). `details.value`. */
  INVALID_LOCAL_DATE: "BAD_REQUEST",
  /** Not a local time (`09:00`, `24:00` as an end), or a local interval that ends before it starts. */
  INVALID_LOCAL_TIME: "BAD_REQUEST",
  /** A range whose end is not after its start. */
  INVALID_RANGE: "BAD_REQUEST",
  /** A number or setting out of range (`details.option`). */
  INVALID_OPTION: "BAD_REQUEST",
  /** A service or request names a staff member or resource whose calendar was not given. `details.calendarId`. */
  UNKNOWN_CALENDAR: "NOT_FOUND",
  /** The staff and resources of a request do not match what the service needs. */
  NEEDS_NOT_MET: "BAD_REQUEST",
  /** The duration is not a whole number of slot steps. `details.durationMinutes`, `details.stepMinutes`. */
  DURATION_NOT_MULTIPLE_OF_STEP: "BAD_REQUEST",
  /** The start is not on the slot grid (a multiple of the step from local midnight). */
  START_NOT_ON_STEP: "BAD_REQUEST",
  /** The start is before now. */
  IN_THE_PAST: "BAD_REQUEST",
  /** The start is sooner than the minimum notice allows. `details.minimumNoticeMinutes`. */
  INSIDE_MINIMUM_NOTICE: "BAD_REQUEST",
  /** The start is further ahead than the booking window allows. `details.maxDaysAhead`. */
  BEYOND_BOOKING_WINDOW: "BAD_REQUEST",
  /** Outside someone's working hours (or a resource's opening hours). `details.calendarId`. */
  OUTSIDE_WORKING_HOURS: "BAD_REQUEST",
  /** On a holiday of someone's calendar. `details.calendarId`, `details.date`. */
  HOLIDAY: "BAD_REQUEST",
  /** During someone's time off. `details.calendarId`. */
  TIME_OFF: "CONFLICT",
  /** Overlaps an existing booking or its buffers. `details.calendarId`, `details.bookingId`. */
  SLOT_TAKEN: "CONFLICT",
  /** A group resource has no seats left at that time. `details.calendarId`. */
  CAPACITY_EXCEEDED: "CONFLICT",
  /** An RRULE (or EXDATE) that cannot be read. */
  RECURRENCE_INVALID: "BAD_REQUEST",
  /** An RRULE without COUNT or UNTIL. */
  RECURRENCE_UNBOUNDED: "BAD_REQUEST",
  /** An RRULE that expands to more occurrences than the limit. `details.limit`. */
  RECURRENCE_TOO_LONG: "BAD_REQUEST",
  /** An iCalendar file that cannot be read. `details.line` when known. */
  ICS_MALFORMED: "BAD_REQUEST",
  /** An iCalendar file over the size or event limit. `details.limit`. */
  ICS_TOO_LARGE: "PAYLOAD_TOO_LARGE",
} as const;

export type SchedulingErrorCode = keyof typeof SCHEDULING_ERROR_CODES;
/** The tRPC error code each scheduling error travels as. */
export type SchedulingTransportCode = (typeof SCHEDULING_ERROR_CODES)[SchedulingErrorCode];

export function isSchedulingErrorCode(value: unknown): value is SchedulingErrorCode {
  return typeof value === "string" && Object.hasOwn(SCHEDULING_ERROR_CODES, value);
}

/** A scheduling failure the user can understand: `code` is stable, `message` is for logs. */
export class SchedulingError extends Error {
  readonly code: SchedulingErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: SchedulingErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? code);
    this.name = "SchedulingError";
    this.code = code;
    this.details = details;
  }
}

export function isSchedulingError(value: unknown): value is SchedulingError {
  return value instanceof SchedulingError;
}
