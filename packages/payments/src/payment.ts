import { assertCurrency, type CurrencyCode } from "./currency.js";
import { PaymentError } from "./errors.js";
import { type Money, money } from "./money.js";

/**
 * The life cycle of one payment. A card payment is authorized, then captured; cash, a check or a
 * standalone terminal are captured at once. Captured money can be refunded in parts until
 * nothing is left; an authorization can be voided; a decline or processing error fails it.
 *
 * ```
 * pending ──authorize──▶ authorized ──capture──▶ captured ──refund──▶ partially_refunded ──refund──▶ refunded
 *    │ └──────────────capture──────────────────────▲    └───────────────refund (all)──────────────────▲
 *    ├──void──▶ voided ◀──void── authorized
 *    └──fail──▶ failed ◀──fail── authorized
 * ```
 */
export const PAYMENT_STATUSES = ["pending", "authorized", "captured", "partially_refunded", "refunded", "voided", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Statuses nothing can follow. */
export const FINAL_PAYMENT_STATUSES: readonly PaymentStatus[] = ["refunded", "voided", "failed"];

export type PaymentEvent =
  | { readonly type: "authorize" }
  /** Captures `amount` (the whole authorization when left out); the rest of an authorization is released. */
  | { readonly type: "capture"; readonly amount?: number }
  | { readonly type: "void" }
  /** A decline or processing error: `reason` is the gateway's decline code. */
  | { readonly type: "fail"; readonly reason: string }
  | { readonly type: "refund"; readonly amount: number };

export type PaymentEventType = PaymentEvent["type"];

/** Which events each status takes. */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentEventType[]>> = {
  pending: ["authorize", "capture", "void", "fail"],
  authorized: ["capture", "void", "fail"],
  captured: ["refund"],
  partially_refunded: ["refund"],
  refunded: [],
  voided: [],
  failed: [],
};

/** A payment's state: amounts in minor units of `currency`. */
export interface Payment {
  readonly status: PaymentStatus;
  readonly currency: CurrencyCode;
  /** What was asked for. */
  readonly amount: number;
  readonly authorized: number;
  readonly captured: number;
  readonly refunded: number;
  /** The decline code when `failed`. */
  readonly failureReason?: string;
}

/** A new pending payment of `amount` (positive). */
export function createPayment(amount: Money): Payment {
  assertCurrency(amount.currency);
  assertPositive(amount.amount, "amount");
  return { status: "pending", currency: amount.currency, amount: amount.amount, authorized: 0, captured: 0, refunded: 0 };
}

export function canApply(status: PaymentStatus, event: PaymentEventType): boolean {
  return PAYMENT_TRANSITIONS[status].includes(event);
}

/** What can still be refunded. */
export function refundable(payment: Payment): Money {
  return money(payment.captured - payment.refunded, payment.currency);
}

/**
 * The payment after `event`, or a `PaymentError`: `PAYMENT_TRANSITION_INVALID` for an event its
 * status does not take, `CAPTURE_EXCEEDS_AUTHORIZED`, `REFUND_EXCEEDS_CAPTURED`, `AMOUNT_INVALID`.
 * Never changes `payment`.
 */
export function transition(payment: Payment, event: PaymentEvent): Payment {
  if (!canApply(payment.status, event.type)) {
    throw new PaymentError("PAYMENT_TRANSITION_INVALID", `a ${payment.status} payment cannot ${event.type}`, { status: payment.status, event: event.type });
  }
  switch (event.type) {
    case "authorize":
      return { ...payment, status: "authorized", authorized: payment.amount };
    case "capture": {
      const limit = payment.status === "authorized" ? payment.authorized : payment.amount;
      const amount = event.amount ?? limit;
      assertPositive(amount, "capture");
      if (amount > limit) {
        throw new PaymentError("CAPTURE_EXCEEDS_AUTHORIZED", `capture ${amount} exceeds ${limit}`, { amount, authorized: limit });
      }
      return { ...payment, status: "captured", authorized: payment.status === "authorized" ? payment.authorized : amount, captured: amount };
    }
    case "void":
      return { ...payment, status: "voided" };
    case "fail":
      return { ...payment, status: "failed", failureReason: event.reason };
    case "refund": {
      assertPositive(event.amount, "refund");
      const left = payment.captured - payment.refunded;
      if (event.amount > left) {
        throw new PaymentError("REFUND_EXCEEDS_CAPTURED", `refund ${event.amount} exceeds the ${left} left`, { amount: event.amount, refundable: left });
      }
      const refunded = payment.refunded + event.amount;
      return { ...payment, status: refunded === payment.captured ? "refunded" : "partially_refunded", refunded };
    }
  }
}

function assertPositive(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new PaymentError("AMOUNT_INVALID", `${what} must be a positive whole number of minor units: ${amount}`, { amount });
  }
}
