import type { CardBrand, CardInput, CardSummary } from "../cards.js";
import { PaymentError, type PaymentErrorCode } from "../errors.js";
import type { PaymentMethod } from "../ledger.js";
import type { Money } from "../money.js";

/**
 * One interface for every way of taking money. A gateway answers with a typed result and never
 * throws for a decline: `{ ok: false, decline }` says why, in a code the desk can translate
 * (`DECLINE_ERROR_CODES`). It throws a `PaymentError` only for a request no gateway could take
 * (a negative amount).
 *
 * Requests carry the caller's `reference` (its payment or refund id), which gateways use to keep
 * repeated requests idempotent. Card numbers and security codes go in and never come back out:
 * results carry a `CardSummary` at most.
 */

export const GATEWAY_IDS = ["cash", "check", "terminal", "sandbox"] as const;
export type GatewayId = (typeof GATEWAY_IDS)[number];

export const DECLINE_CODES = ["card_declined", "insufficient_funds", "expired_card", "incorrect_cvc", "processing_error", "invalid_number", "invalid_expiry", "invalid_details"] as const;
export type DeclineCode = (typeof DECLINE_CODES)[number];

/** The error code a desk shows for each decline. */
export const DECLINE_ERROR_CODES: Readonly<Record<DeclineCode, PaymentErrorCode>> = {
  card_declined: "CARD_DECLINED",
  insufficient_funds: "CARD_INSUFFICIENT_FUNDS",
  expired_card: "CARD_EXPIRED",
  incorrect_cvc: "CARD_CVC_INVALID",
  processing_error: "PAYMENT_PROCESSING_ERROR",
  invalid_number: "CARD_NUMBER_INVALID",
  invalid_expiry: "CARD_EXPIRY_INVALID",
  invalid_details: "PAYMENT_DETAILS_INVALID",
};

/** What the desk enters for each method. */
export type PaymentDetails =
  /** `tendered`: the cash handed over, in minor units, when the desk counts change. */
  | { readonly method: "cash"; readonly tendered?: number }
  | { readonly method: "check"; readonly checkNumber: string; readonly bank?: string }
  /** Paid on a standalone terminal: the approval code and last four digits it printed. */
  | { readonly method: "terminal"; readonly approvalCode: string; readonly last4: string; readonly brand?: CardBrand }
  | { readonly method: "card"; readonly card: CardInput };

export interface AuthorizeRequest {
  readonly amount: Money;
  readonly reference: string;
  readonly details: PaymentDetails;
}

export interface Decline {
  readonly ok: false;
  readonly decline: DeclineCode;
  /** For logs and staff in training; never shown as is to customers. */
  readonly message: string;
}

export interface Authorization {
  readonly ok: true;
  /** The gateway's id for the payment: capture, void and refund name it. */
  readonly transactionId: string;
  /** `captured` when the money is already taken (cash, check, terminal). */
  readonly status: "authorized" | "captured";
  readonly amount: Money;
  /** A card through a processor: what may be kept of it. */
  readonly card?: CardSummary;
  /** A card on a standalone terminal: the last four digits and brand staff entered. */
  readonly cardLast4?: string;
  readonly cardBrand?: CardBrand;
  readonly approvalCode?: string;
  readonly checkNumber?: string;
  /** Cash to hand back. */
  readonly change?: Money;
}

export interface OperationRequest {
  readonly transactionId: string;
  readonly reference: string;
}

export interface AmountRequest extends OperationRequest {
  readonly amount: Money;
}

export interface Operation {
  readonly ok: true;
  /** The gateway's id for this capture, void or refund. */
  readonly operationId: string;
  readonly amount?: Money;
}

export type AuthorizeResult = Authorization | Decline;
export type OperationResult = Operation | Decline;

export interface PaymentGateway {
  readonly id: GatewayId;
  readonly method: PaymentMethod;
  /** Whether `authorize` takes the money at once (nothing to capture). */
  readonly capturesOnAuthorize: boolean;
  authorize(request: AuthorizeRequest): Promise<AuthorizeResult>;
  capture(request: AmountRequest): Promise<OperationResult>;
  void(request: OperationRequest): Promise<OperationResult>;
  refund(request: AmountRequest): Promise<OperationResult>;
}

export function decline(code: DeclineCode, message: string): Decline {
  return { ok: false, decline: code, message };
}

/** Refuses a request no gateway could take. */
export function assertPositiveAmount(amount: Money): void {
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) {
    throw new PaymentError("AMOUNT_INVALID", `a gateway amount is positive: ${amount.amount}`, { amount: amount.amount });
  }
}

/** A short, stable, non-reversible tag of a string (FNV-1a, 32 bits, hex): deterministic ids. */
export function stableTag(value: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
