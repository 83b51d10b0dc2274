import { z } from "zod";
import {
  amountMinorSchema as amountMinor,
  positiveAmountMinorSchema as positiveAmountMinor,
  quantitySchema,
  taxRateBasisPointsSchema as taxRateBasisPoints,
} from "./money.js";
import { cardInputSchema, refundReasonSchema } from "./payments.js";

/**
 * The inputs of the money desk's procedures (products, charges, payments, refunds, receipts,
 * close-out), shared by the server and the web forms. The money shapes themselves (currencies,
 * card input, refund reasons) live in `money.ts` and `payments.ts`; the rules in
 * `@frontoffice/payments`.
 *
 * Amounts are integers in the currency's minor units (cents): `1999` is €19.99.
 */

const id = z.uuid("validation.id_invalid");
const isoDate = z.iso.date("validation.date_invalid");
/**
 * Free text staff type next to money (a refund's or close-out's note). A run of 12 or more digits
 * (spaces and dashes ignored) looks like a card number: refused, so none is ever stored.
 */
const noteSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => !/\d{12,}/.test(text.replace(/[\s-]/g, "")), { error: "validation.invalid" })
  .default("");

/**
 * The caller's key for one money-moving request (a UUID made when the form opens is a good one).
 * Sending the same request again with the same key returns the first result and moves nothing;
 * the same key with a different request is refused (`IDEMPOTENCY_KEY_REUSED`). Kept 24 hours.
 */
export const idempotencyKeySchema = z.string().trim().min(8, "validation.too_short").max(200).regex(/^[A-Za-z0-9_:.-]+$/, "validation.invalid");

/** A desk (till) of an office: `front`, `desk-2`… Close-out is per desk and day. */
export const deskSchema = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/, "validation.invalid");

// --- Products ---------------------------------------------------------------------------------

export const productInputSchema = z.strictObject({
  officeId: id,
  name: z.string().trim().min(1).max(120),
  /** Per unit, with or without tax as the office's prices are (`pricesIncludeTax`). */
  unitPriceMinor: amountMinor,
  /** VAT/IVA in basis points: 2100 = 21 %. */
  taxRateBasisPoints,
  /** The bookable service this product prices: an appointment is charged through it. */
  serviceId: id.nullish(),
});
export type ProductInput = z.input<typeof productInputSchema>;

export const productUpdateSchema = z.strictObject({
  id,
  name: z.string().trim().min(1).max(120).optional(),
  unitPriceMinor: amountMinor.optional(),
  taxRateBasisPoints: taxRateBasisPoints.optional(),
  serviceId: id.nullable().optional(),
  active: z.boolean().optional(),
});
export type ProductUpdateInput = z.input<typeof productUpdateSchema>;

export const productListSchema = z.strictObject({ officeId: id.optional(), includeInactive: z.boolean().optional() });

export interface Product {
  id: string;
  officeId: string;
  name: string;
  unitPriceMinor: number;
  currency: string;
  taxRateBasisPoints: number;
  serviceId: string | null;
  active: boolean;
}

// --- Charges ----------------------------------------------------------------------------------

export const chargeLineInputSchema = z.strictObject({
  productId: id,
  /** Positive, with up to three decimals. */
  quantity: quantitySchema.default(1),
  /** Minor units off the line (at most the line's amount). */
  discountMinor: amountMinor.optional(),
});

/**
 * A sale to charge: for a client (or a walk-in customer when `clientId` is left out), of products,
 * and/or of an appointment's service (through the product that prices it).
 */
export const chargeInputSchema = z
  .strictObject({
    /** Charging moves money (the client owes): a retry with the same key makes no second charge. */
    idempotencyKey: idempotencyKeySchema,
    officeId: id,
    clientId: id.optional(),
    walkInName: z.string().trim().max(200).optional(),
    appointmentId: id.optional(),
    lines: z.array(chargeLineInputSchema).max(100, "validation.too_many").default([]),
  })
  .refine((input) => input.lines.length > 0 || input.appointmentId !== undefined, { error: "validation.required", path: ["lines"] })
  .refine((input) => !(input.clientId && input.walkInName), { error: "validation.invalid", path: ["walkInName"] });
export type ChargeInput = z.input<typeof chargeInputSchema>;

/**
 * Cancels an unpaid sale (nothing paid or authorized on it): what the client owes goes back to
 * what it was. Idempotent by `idempotencyKey`.
 */
export const chargeCancelInputSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, id });
export type ChargeCancelInput = z.input<typeof chargeCancelInputSchema>;

export const chargeListSchema = z.strictObject({
  officeId: id.optional(),
  clientId: id.optional(),
  status: z.enum(["open", "paid", "cancelled"]).optional(),
  limit: z.int().min(1).max(200).default(50),
});

export const byIdSchema = z.strictObject({ id });

// --- Payments ---------------------------------------------------------------------------------

/** What the desk enters for each way of paying. Card numbers go to the gateway and are never kept. */
export const paymentDetailsInputSchema = z.discriminatedUnion("method", [
  /** `tenderedMinor`: the cash handed over, to count the change. */
  z.strictObject({ method: z.literal("cash"), tenderedMinor: positiveAmountMinor.optional() }),
  z.strictObject({ method: z.literal("check"), checkNumber: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, "validation.invalid") }),
  /** Paid on a standalone card terminal: what it printed. */
  z.strictObject({
    method: z.literal("terminal"),
    approvalCode: z.string().trim().regex(/^[A-Za-z0-9]{4,12}$/, "validation.invalid"),
    last4: z.string().regex(/^\d{4}$/, "validation.invalid"),
  }),
  /** A card through the sandbox gateway (a simulator: see `SANDBOX_TEST_CARDS`). */
  z.strictObject({
    method: z.literal("card"),
    card: cardInputSchema,
    /** False: authorize only (capture or void later). */
    capture: z.boolean().default(true),
  }),
]);
export type PaymentDetailsInput = z.input<typeof paymentDetailsInputSchema>;

export const takePaymentInputSchema = z.strictObject({
  idempotencyKey: idempotencyKeySchema,
  chargeId: id,
  desk: deskSchema,
  /** Minor units; left out: everything still owed on the charge. */
  amountMinor: positiveAmountMinor.optional(),
  /** Send the receipt to the client's first email address (in their language). */
  emailReceipt: z.boolean().default(false),
  details: paymentDetailsInputSchema,
});
export type TakePaymentInput = z.input<typeof takePaymentInputSchema>;

/** Capture or void an authorized card payment. */
export const paymentOperationInputSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, paymentId: id });

export const refundInputSchema = z.strictObject({
  idempotencyKey: idempotencyKeySchema,
  paymentId: id,
  desk: deskSchema,
  amountMinor: positiveAmountMinor,
  reason: refundReasonSchema,
  note: noteSchema,
});
export type RefundInput = z.input<typeof refundInputSchema>;

export const refundDecisionInputSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, refundId: id, approve: z.boolean() });

export const paymentListSchema = z.strictObject({
  officeId: id.optional(),
  clientId: id.optional(),
  chargeId: id.optional(),
  limit: z.int().min(1).max(200).default(50),
});

export const refundListSchema = z.strictObject({
  officeId: id.optional(),
  status: z.enum(["pending_approval", "completed", "rejected"]).optional(),
  limit: z.int().min(1).max(200).default(50),
});

export const clientBalanceInputSchema = z.strictObject({ clientId: id });

export const paymentSettingsInputSchema = z.strictObject({
  officeId: id,
  pricesIncludeTax: z.boolean(),
  /** Refunds and voids above this many minor units need a manager; 0: all of them. */
  refundApprovalThresholdMinor: amountMinor,
});

// --- Receipts ---------------------------------------------------------------------------------

export const receiptListSchema = z.strictObject({
  officeId: id.optional(),
  clientId: id.optional(),
  /** Part of the number as printed (`2026-F-0001`). */
  number: z.string().trim().max(40).optional(),
  /**
   * Part of the customer's name: a client's as the clients' search finds it (accents and case
   * ignored), a walk-in's as printed on the receipt (case ignored).
   */
  customer: z.string().trim().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.int().min(1).max(200).default(50),
});

export const receiptEmailInputSchema = z.strictObject({
  id,
  /** Left out: the client's first email address. */
  to: z.email("validation.email_invalid").optional(),
});

// --- Close-out --------------------------------------------------------------------------------

export const deskDayInputSchema = z.strictObject({ officeId: id, desk: deskSchema, businessDate: isoDate });

export const closeOutCountInputSchema = z.strictObject({
  idempotencyKey: idempotencyKeySchema,
  officeId: id,
  desk: deskSchema,
  businessDate: isoDate,
  countedCashMinor: amountMinor,
  note: noteSchema,
});

export const closeOutSignOffInputSchema = z.strictObject({ idempotencyKey: idempotencyKeySchema, id });

export const closeOutListSchema = z.strictObject({ officeId: id.optional(), from: isoDate, to: isoDate });
