/**
 * Stable error codes of the payment rules. A server returns the code to its client, which
 * translates it (`errors.<CODE>`); tests assert on it. Never rename one: add a new one.
 *
 * Each code maps to the tRPC error code it should travel as. `@frontoffice/domain` has every one
 * of them in its `ERROR_CODES` with the same transport (a test here checks it).
 */
export const PAYMENT_ERROR_CODES = {
  /** Not an ISO 4217 currency code we know (`details.currency`). */
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
  /** The payment cannot take that event in its current status. `details.status`, `details.event`. */
  PAYMENT_TRANSITION_INVALID: "CONFLICT",
  /** The capture is larger than what was authorized. `details.authorized`. */
  CAPTURE_EXCEEDS_AUTHORIZED: "BAD_REQUEST",
  /** The refund is larger than what is left of the captured amount. `details.refundable`. */
  REFUND_EXCEEDS_CAPTURED: "BAD_REQUEST",
  /** A journal entry whose debits and credits differ in some currency. */
  LEDGER_UNBALANCED: "INTERNAL_SERVER_ERROR",
  /** A card number with the wrong length or check digit, or of no brand we accept. */
  CARD_NUMBER_INVALID: "BAD_REQUEST",
  /** The card's expiry month has ended. */
  CARD_EXPIRED: "BAD_REQUEST",
  /** An expiry month or year that cannot be one. */
  CARD_EXPIRY_INVALID: "BAD_REQUEST",
  /** A security code of the wrong length for the card's brand. */
  CARD_CVC_INVALID: "BAD_REQUEST",
  /** The issuer declined the card. */
  CARD_DECLINED: "BAD_REQUEST",
  /** The issuer declined for lack of funds. */
  CARD_INSUFFICIENT_FUNDS: "BAD_REQUEST",
  /** The processor failed; trying again may work. */
  PAYMENT_PROCESSING_ERROR: "INTERNAL_SERVER_ERROR",
  /** Not a receipt number of the form `2026-F-000123`. `details.value`. */
  RECEIPT_NUMBER_INVALID: "BAD_REQUEST",
  /** The series has used its last number for the year. */
  RECEIPT_SEQUENCE_EXHAUSTED: "CONFLICT",
  /** A correction that is not in a correction series, does not reference a sale, or exceeds it. */
  RECEIPT_CORRECTION_INVALID: "BAD_REQUEST",
  /** Something a gateway needs is missing or malformed (approval code, last four, check number…). */
  PAYMENT_DETAILS_INVALID: "BAD_REQUEST",
} as const;

export type PaymentErrorCode = keyof typeof PAYMENT_ERROR_CODES;
/** The tRPC error code each payment error travels as. */
export type PaymentTransportCode = (typeof PAYMENT_ERROR_CODES)[PaymentErrorCode];

export function isPaymentErrorCode(value: unknown): value is PaymentErrorCode {
  return typeof value === "string" && Object.hasOwn(PAYMENT_ERROR_CODES, value);
}

/** A payment failure the user can understand: `code` is stable, `message` is for logs. */
export class PaymentError extends Error {
  readonly code: PaymentErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: PaymentErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? code);
    this.name = "PaymentError";
    this.code = code;
    this.details = details;
  }
}

export function isPaymentError(value: unknown): value is PaymentError {
  return value instanceof PaymentError;
}
