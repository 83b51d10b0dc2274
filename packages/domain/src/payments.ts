import { z } from "zod";

/**
 * Payment shapes shared by the web forms and the server: methods, statuses, the card form of
 * the sandbox gateway, refund reasons and receipt numbers. The rules (state machine, Luhn,
 * brands, expiry, numbering) live in `@frontoffice/payments`.
 */

/** Cash, a check, a standalone card terminal, or a card through a gateway (the sandbox). */
export const PAYMENT_METHODS = ["cash", "check", "terminal", "card"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const paymentMethodSchema = z.enum(PAYMENT_METHODS, { error: "validation.payment_method_invalid" });

export const PAYMENT_STATUSES = ["pending", "authorized", "captured", "partially_refunded", "refunded", "voided", "failed"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** Why money is given back: the customer asked, staff keyed it wrong, it was charged twice, other. */
export const REFUND_REASONS = ["customer_request", "keying_error", "duplicate", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
export const refundReasonSchema = z.enum(REFUND_REASONS, { error: "validation.refund_reason_invalid" });

/**
 * The card form of the sandbox gateway. The number may be typed with spaces or dashes and comes
 * out as digits; its brand, check digit and expiry against today are the payment rules' checks
 * (`checkCard` in `@frontoffice/payments`). Two-digit years mean 20xx. Neither the number nor
 * the security code is ever stored or logged: only what `CardSummary` keeps.
 */
export const cardInputSchema = z.strictObject({
  number: z
    .string("validation.card_number_invalid")
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{12,19}$/, "validation.card_number_invalid")),
  expMonth: z.int("validation.card_expiry_invalid").min(1, "validation.card_expiry_invalid").max(12, "validation.card_expiry_invalid"),
  expYear: z
    .int("validation.card_expiry_invalid")
    .refine((year) => (year >= 0 && year <= 99) || (year >= 2000 && year <= 2099), "validation.card_expiry_invalid")
    .transform((year) => (year < 100 ? 2000 + year : year)),
  cvc: z.string("validation.card_cvc_invalid").trim().regex(/^\d{3,4}$/, "validation.card_cvc_invalid"),
});
export type CardInput = z.input<typeof cardInputSchema>;

/** A receipt number as printed: year, series, six-digit sequence (`2026-F-000123`). */
export const receiptNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}-[A-Z]{1,3}-(?!000000)\d{6}$/, "validation.receipt_number_invalid");
