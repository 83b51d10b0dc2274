/**
 * Stable error codes. The server puts them in tRPC's `error.data.code`; the client translates
 * them (`errors.<CODE>`); tests assert on them. Never rename one: add a new one.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  SESSION_EXPIRED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  VALIDATION_FAILED: "BAD_REQUEST",
  SETUP_ALREADY_DONE: "CONFLICT",
  EMAIL_TAKEN: "CONFLICT",
  /** The change would leave the organization without an active owner. */
  LAST_OWNER: "CONFLICT",
  /** Only an owner may grant or remove the owner role, or change an owner. */
  OWNER_ROLE_RESERVED: "FORBIDDEN",
  CLIENT_VERSION_CONFLICT: "CONFLICT",
  CLIENT_ARCHIVED: "CONFLICT",
  /** Another department of the same office already has this name. */
  DEPARTMENT_NAME_TAKEN: "CONFLICT",
  /** Another department of the same office already answers on this extension. */
  EXTENSION_TAKEN: "CONFLICT",
  /** The time is taken: another appointment of the same staff member overlaps it. `details.nextSlots`. */
  APPOINTMENT_CONFLICT: "CONFLICT",
  /** Someone changed the appointment since it was loaded. */
  APPOINTMENT_VERSION_CONFLICT: "CONFLICT",
  /** The appointment is cancelled, completed or a no-show: it can no longer be moved or changed. */
  APPOINTMENT_CLOSED: "CONFLICT",
  /** That status cannot follow the appointment's current one. */
  APPOINTMENT_STATUS_INVALID: "CONFLICT",
  /** No such service in the organization (or it is inactive). */
  SERVICE_NOT_FOUND: "NOT_FOUND",
  /** Another service of the same office already has this name. */
  SERVICE_NAME_TAKEN: "CONFLICT",
  /** No such active staff member in the office. */
  STAFF_NOT_FOUND: "NOT_FOUND",
  /** The staff member chosen does not perform this service. */
  STAFF_CANNOT_PERFORM_SERVICE: "BAD_REQUEST",
  /** The appointment would start in the past. */
  IN_THE_PAST: "BAD_REQUEST",
  /** The appointment would start sooner than the office's minimum notice. */
  INSIDE_MINIMUM_NOTICE: "BAD_REQUEST",
  /** The appointment would start further ahead than the booking window. `details.maxDaysAhead`. */
  BEYOND_BOOKING_WINDOW: "BAD_REQUEST",
  /** Outside the staff member's working hours. */
  OUTSIDE_WORKING_HOURS: "BAD_REQUEST",
  /** On a holiday of the office. */
  HOLIDAY: "BAD_REQUEST",
  /** During the staff member's time off. */
  TIME_OFF: "CONFLICT",
  /** The start is not on the slot grid (every `details.stepMinutes` from local midnight). */
  START_NOT_ON_STEP: "BAD_REQUEST",
  /** The service's duration is not a whole number of slot steps. */
  DURATION_NOT_MULTIPLE_OF_STEP: "BAD_REQUEST",
  /** The waitlist offer's time has run out. */
  WAITLIST_OFFER_EXPIRED: "CONFLICT",
  /** The waitlist offer was already accepted, declined or taken. */
  WAITLIST_OFFER_UNAVAILABLE: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
/** The tRPC error code each domain error travels as. */
export type TransportCode = (typeof ERROR_CODES)[ErrorCode];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

/** A failure the user can understand and act on; `code` is stable, `message` is for logs. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}
