/**
 * Stable error codes of the routing rules. A server returns the code to its client, which
 * translates it (`errors.<CODE>`); tests assert on it. Never rename one: add a new one.
 *
 * Each code maps to the tRPC error code it should travel as. `route` throws the call-related
 * ones; `validateRoutingConfig` reports the configuration ones as issues.
 */
export const ROUTING_ERROR_CODES = {
  /** Not an ISO 8601 instant with an offset. `details.field`, `details.value`. */
  ROUTING_INVALID_INSTANT: "BAD_REQUEST",
  /** A caller number that is not E.164 (normalize it first). `details.value`. */
  ROUTING_INVALID_CALLER_NUMBER: "BAD_REQUEST",
  /** An extension that is not 2 to 6 digits. `details.value`, `details.field`. */
  ROUTING_INVALID_EXTENSION: "BAD_REQUEST",
  /** A call field out of range (waited seconds, hops). `details.field`. */
  ROUTING_INVALID_CALL: "BAD_REQUEST",
  /** No department or staff member answers on the dialled extension. `details.extension`. */
  ROUTING_UNKNOWN_EXTENSION: "NOT_FOUND",
  /** A call, rule or overflow names a department that does not exist. `details.departmentId`. */
  ROUTING_UNKNOWN_DEPARTMENT: "NOT_FOUND",
  /** A rule or staff member names a staff member or department that does not exist. `details.staffId`. */
  ROUTING_UNKNOWN_STAFF: "NOT_FOUND",
  /** The call says neither which extension nor which department, and no rule matched. */
  ROUTING_NO_DESTINATION: "BAD_REQUEST",
  /** Two departments or staff members share an extension. `details.extension`, `details.ids`. */
  ROUTING_DUPLICATE_EXTENSION: "BAD_REQUEST",
  /** Two departments, staff members or rules share an id. `details.id`, `details.kind`. */
  ROUTING_DUPLICATE_ID: "BAD_REQUEST",
  /** Overflow targets that lead back where they started. `details.cycle` (department ids). */
  ROUTING_OVERFLOW_CYCLE: "BAD_REQUEST",
  /** A time-out or hop limit that is not a whole number in range. `details.field`. */
  ROUTING_INVALID_SETTING: "BAD_REQUEST",
  /** Hours or time zone that `@frontoffice/scheduling` refuses. `details.schedulingCode`. */
  ROUTING_INVALID_HOURS: "BAD_REQUEST",
  /** A rule after one that matches every call: it can never apply. `details.ruleId`, `details.shadowedBy`. */
  ROUTING_UNREACHABLE_RULE: "BAD_REQUEST",
} as const;

export type RoutingErrorCode = keyof typeof ROUTING_ERROR_CODES;
/** The tRPC error code each routing error travels as. */
export type RoutingTransportCode = (typeof ROUTING_ERROR_CODES)[RoutingErrorCode];

export function isRoutingErrorCode(value: unknown): value is RoutingErrorCode {
  return typeof value === "string" && Object.hasOwn(ROUTING_ERROR_CODES, value);
}

/** A routing failure the user can understand: `code` is stable, `message` is for logs. */
export class RoutingError extends Error {
  readonly code: RoutingErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: RoutingErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? code);
    this.name = "RoutingError";
    this.code = code;
    this.details = details;
  }
}

export function isRoutingError(value: unknown): value is RoutingError {
  return value instanceof RoutingError;
}
