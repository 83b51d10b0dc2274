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
  /** No such resource (room, equipment) in the office, or it is inactive. */
  RESOURCE_NOT_FOUND: "NOT_FOUND",
  /** Another resource of the same office already has this name. */
  RESOURCE_NAME_TAKEN: "CONFLICT",
  /** Someone changed the resource since it was loaded. */
  RESOURCE_VERSION_CONFLICT: "CONFLICT",
  /** A lower capacity would leave booked seats of the resource without a place. `details.seat`. */
  RESOURCE_CAPACITY_IN_USE: "CONFLICT",
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
  /** An RRULE (or exception date) that cannot be read. */
  RECURRENCE_INVALID: "BAD_REQUEST",
  /** An RRULE without an end (COUNT or UNTIL). */
  RECURRENCE_UNBOUNDED: "BAD_REQUEST",
  /** An RRULE that expands to more occurrences than the limit (500). `details.limit`. */
  RECURRENCE_TOO_LONG: "BAD_REQUEST",
  /** An iCalendar file that cannot be read. `details.line` when known. */
  ICS_MALFORMED: "BAD_REQUEST",
  /** An iCalendar file over the size or event limit. `details.limit`. */
  ICS_TOO_LARGE: "BAD_REQUEST",
  /** Someone changed the agenda entry since it was loaded. */
  AGENDA_VERSION_CONFLICT: "CONFLICT",
  /** The agenda entry is cancelled (or the task already done): it can no longer change that way. */
  AGENDA_ENTRY_CLOSED: "CONFLICT",
  /** A block over live appointments of the staff member; `details.overlappingAppointments`. Sent again with `allowOverAppointments` it is kept. */
  BLOCK_OVER_APPOINTMENTS: "CONFLICT",
  /** This idempotency key was already used for a different request (another input or procedure). */
  IDEMPOTENCY_KEY_REUSED: "CONFLICT",
  /** The card was declined; nothing was charged. `details.declineCode` (from the gateway), `details.paymentId`. */
  PAYMENT_DECLINED: "BAD_REQUEST",
  /** The payment is larger than what is still owed on the charge. `details.balanceMinor`. */
  AMOUNT_ABOVE_BALANCE: "BAD_REQUEST",
  /** Cash handed over is less than the amount paid. */
  CASH_TENDERED_INSUFFICIENT: "BAD_REQUEST",
  /** Above the office's threshold a refund or void needs a manager. `details.thresholdMinor`. */
  APPROVAL_REQUIRED: "FORBIDDEN",
  /** The desk's day is signed off: no payment, refund or void can be recorded on it. */
  DAY_CLOSED: "CONFLICT",
  /** No such product in the organization (or it is inactive). */
  PRODUCT_NOT_FOUND: "NOT_FOUND",
  /** Another product of the same office already has this name (or prices the same service). */
  PRODUCT_NAME_TAKEN: "CONFLICT",
  /** The appointment's service has no product, so it has no price and tax rate to charge. */
  SERVICE_NOT_PRICED: "BAD_REQUEST",
  /** The appointment already has a charge. */
  APPOINTMENT_ALREADY_CHARGED: "CONFLICT",
  /** The refund was already approved or rejected. */
  REFUND_ALREADY_DECIDED: "CONFLICT",
  /** The close-out cannot be signed off before the cash is counted, nor changed after sign-off. */
  CLOSE_OUT_STATE_INVALID: "CONFLICT",
  /** Only an open sale with nothing paid or authorized on it can be cancelled. `details.status`, `details.paidMinor`. */
  CHARGE_NOT_CANCELLABLE: "CONFLICT",
  // The payment rules' codes (`PAYMENT_ERROR_CODES` of @frontoffice/payments, same transport).
  /** Not an ISO 4217 currency code the payment rules know. `details.currency`. */
  CURRENCY_UNKNOWN: "BAD_REQUEST",
  /** Two amounts in different currencies were combined. `details.expected`, `details.actual`. */
  CURRENCY_MISMATCH: "BAD_REQUEST",
  /** An amount that is not a whole number of minor units, is out of range, or has the wrong sign. */
  AMOUNT_INVALID: "BAD_REQUEST",
  /** A quantity that is not positive or has more than 3 decimals. */
  QUANTITY_INVALID: "BAD_REQUEST",
  /** A tax rate outside 0–100 % or not whole basis points. */
  TAX_RATE_INVALID: "BAD_REQUEST",
  /** A discount larger than its line, or a percentage outside 0–100 %. */
  DISCOUNT_INVALID: "BAD_REQUEST",
  /** The payment cannot take that step in its current status. `details.status`, `details.event`. */
  PAYMENT_TRANSITION_INVALID: "CONFLICT",
  /** The capture is larger than what was authorized. `details.authorized`. */
  CAPTURE_EXCEEDS_AUTHORIZED: "BAD_REQUEST",
  /** The refund is larger than what is left of the captured amount. `details.refundable`. */
  REFUND_EXCEEDS_CAPTURED: "BAD_REQUEST",
  /** A journal entry whose debits and credits differ (a bug: nothing is written). */
  LEDGER_UNBALANCED: "INTERNAL_SERVER_ERROR",
  /** A card number with the wrong length or check digit, or of no brand we accept. */
  CARD_NUMBER_INVALID: "BAD_REQUEST",
  /** The card's expiry month has ended. */
  CARD_EXPIRED: "BAD_REQUEST",
  /** An expiry month or year that cannot be one. */
  CARD_EXPIRY_INVALID: "BAD_REQUEST",
  /** A security code of the wrong length for the card's brand (or refused by the issuer). */
  CARD_CVC_INVALID: "BAD_REQUEST",
  /** The issuer declined the card. */
  CARD_DECLINED: "BAD_REQUEST",
  /** The issuer declined for lack of funds. */
  CARD_INSUFFICIENT_FUNDS: "BAD_REQUEST",
  /** The card processor failed; trying again may work. */
  PAYMENT_PROCESSING_ERROR: "INTERNAL_SERVER_ERROR",
  /** Not a receipt number of the form `2026-F-000123`. `details.value`. */
  RECEIPT_NUMBER_INVALID: "BAD_REQUEST",
  /** The receipt series has used its last number (999999) for the year. */
  RECEIPT_SEQUENCE_EXHAUSTED: "CONFLICT",
  /** A correction that is not in a correction series, does not reference a sale, or exceeds it. */
  RECEIPT_CORRECTION_INVALID: "BAD_REQUEST",
  /** Something a payment method needs is missing or malformed (approval code, last four, check number…). */
  PAYMENT_DETAILS_INVALID: "BAD_REQUEST",
  /** Only a message that failed for good (dead) can be sent again. */
  OUTBOX_NOT_RETRYABLE: "CONFLICT",
  /** Someone changed the knowledge-base answer since it was loaded. */
  ANSWER_VERSION_CONFLICT: "CONFLICT",
  /** The unanswered question was already answered or dismissed. */
  QUESTION_ALREADY_RESOLVED: "CONFLICT",
  /** The visit was already checked out: nothing was changed. */
  VISIT_ALREADY_CHECKED_OUT: "CONFLICT",
  /** The visit is not on site (not checked in yet, cancelled or a no-show). */
  VISIT_NOT_CHECKED_IN: "CONFLICT",
  /** Only an expected visit can be checked in or cancelled (it is on site, gone or cancelled). */
  VISIT_NOT_EXPECTED: "CONFLICT",
  /** The waiting-room board was stale: someone moved the person to another stage meanwhile; nothing changed. */
  WAITING_STAGE_CONFLICT: "CONFLICT",
  /** That waiting-room stage cannot follow the current one (only forward moves). */
  WAITING_STAGE_INVALID: "CONFLICT",
  /** The kiosk's token is unknown or was revoked. */
  KIOSK_TOKEN_INVALID: "UNAUTHORIZED",
  /** No visit of this office today has this badge or pre-registration code. */
  BADGE_CODE_UNKNOWN: "NOT_FOUND",
  /** No such call in the organization. */
  CALL_NOT_FOUND: "NOT_FOUND",
  /** The call cannot take that step now (another console answered it first, it ended…). `details.status`, `details.action`. */
  CALL_STATE_INVALID: "CONFLICT",
  /** Every line of the office carries a call: the new one is refused as busy. `details.lines`. */
  CALL_LINES_BUSY: "CONFLICT",
  /** A transfer to nobody: an unknown department or person, or the one who already has the call. */
  TRANSFER_TARGET_INVALID: "BAD_REQUEST",
  /** The webhook's signature is missing or wrong, or the endpoint is unknown or revoked: nothing was recorded. */
  TELEPHONY_SIGNATURE_INVALID: "UNAUTHORIZED",
  /** The webhook's body is not an event we understand. `details.issues`. */
  TELEPHONY_EVENT_INVALID: "BAD_REQUEST",
  /** Someone changed the routing rule since it was loaded. */
  ROUTING_RULE_VERSION_CONFLICT: "CONFLICT",
  // The routing rules' codes (`ROUTING_ERROR_CODES` of @frontoffice/routing, same transport).
  /** Not an ISO 8601 instant with an offset. */
  ROUTING_INVALID_INSTANT: "BAD_REQUEST",
  /** A caller number that cannot be read as a phone number. `details.value`. */
  ROUTING_INVALID_CALLER_NUMBER: "BAD_REQUEST",
  /** An extension that is not 2 to 6 digits. `details.value`. */
  ROUTING_INVALID_EXTENSION: "BAD_REQUEST",
  /** A call field out of range. `details.field`. */
  ROUTING_INVALID_CALL: "BAD_REQUEST",
  /** No department or staff member answers on the dialled extension. `details.extension`. */
  ROUTING_UNKNOWN_EXTENSION: "NOT_FOUND",
  /** A department that does not exist. `details.departmentId`. */
  ROUTING_UNKNOWN_DEPARTMENT: "NOT_FOUND",
  /** A staff member who does not exist. `details.staffId`. */
  ROUTING_UNKNOWN_STAFF: "NOT_FOUND",
  /** The call says neither which extension nor which department, and no rule matched. */
  ROUTING_NO_DESTINATION: "BAD_REQUEST",
  /** Two departments or staff members share an extension. `details.extension`. */
  ROUTING_DUPLICATE_EXTENSION: "BAD_REQUEST",
  /** Two departments, staff members or rules share an id. */
  ROUTING_DUPLICATE_ID: "BAD_REQUEST",
  /** Overflow targets that lead back where they started. `details.cycle`. */
  ROUTING_OVERFLOW_CYCLE: "BAD_REQUEST",
  /** A time-out or hop limit out of range. `details.field`. */
  ROUTING_INVALID_SETTING: "BAD_REQUEST",
  /** Call hours that cannot be read. */
  ROUTING_INVALID_HOURS: "BAD_REQUEST",
  /** A rule after one that matches every call: it can never apply. `details.ruleId`. */
  ROUTING_UNREACHABLE_RULE: "BAD_REQUEST",
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
