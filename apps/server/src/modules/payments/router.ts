import {
  byIdSchema,
  chargeCancelInputSchema,
  chargeInputSchema,
  chargeListSchema,
  clientBalanceInputSchema,
  paymentListSchema,
  paymentOperationInputSchema,
  paymentSettingsInputSchema,
  refundDecisionInputSchema,
  refundInputSchema,
  refundListSchema,
  takePaymentInputSchema,
} from "@frontoffice/domain";
import { z } from "zod";
import { actorOf } from "../../trpc/actor.js";
import { permittedProcedure, router } from "../../trpc/trpc.js";
import { cancelCharge, chargeById, chargesOf, createCharge } from "./charges.js";
import {
  capturePayment,
  clientBalance,
  decideRefund,
  paymentById,
  paymentSettings,
  paymentsOf,
  refundPayment,
  refundsOf,
  takePayment,
  updatePaymentSettings,
  voidPayment,
} from "./service.js";

/** Charges: what a client or walk-in customer owes for products and appointments. */
export const chargesRouter = router({
  /**
   * Charges products (`lines`) and/or an appointment's service (through the product linked to
   * it) to a client, or to a walk-in customer when `clientId` is left out. Totals and VAT per
   * rate are computed and posted to the ledger. Takes an `idempotencyKey`: a replay returns the
   * charge with `replayed: true` and charges nothing twice; IDEMPOTENCY_KEY_REUSED for another
   * input. → `ChargeView & { replayed }` (`balanceMinor`: still owed)
   */
  create: permittedProcedure("payments.take")
    .input(chargeInputSchema)
    .mutation(({ ctx, input }) => createCharge(actorOf(ctx), input)),
  /**
   * Cancels an unpaid sale (nothing paid or authorized on it; CHARGE_NOT_CANCELLABLE otherwise):
   * the ledger entry is reversed, so the client owes what they did before. Idempotent by
   * `idempotencyKey`. → `ChargeView & { replayed }` (`status: "cancelled"`, `balanceMinor` 0)
   */
  cancel: permittedProcedure("payments.take")
    .input(chargeCancelInputSchema)
    .mutation(({ ctx, input }) => cancelCharge(actorOf(ctx), input)),
  /** One charge with its lines, taxes, paid and owed amounts. → `ChargeView` */
  get: permittedProcedure("payments.read")
    .input(byIdSchema)
    .query(({ ctx, input }) => chargeById(actorOf(ctx), input.id)),
  /** Charges, newest first, by office, client or status. → `ChargeView[]` */
  list: permittedProcedure("payments.read")
    .input(chargeListSchema)
    .query(({ ctx, input }) => chargesOf(actorOf(ctx), input)),
});

/**
 * Payments at the desk. Every procedure that moves money takes an `idempotencyKey`: a replay
 * returns the first result with `replayed: true` and moves nothing; the same key with a different
 * input fails with IDEMPOTENCY_KEY_REUSED.
 */
export const paymentsRouter = router({
  /**
   * Takes a payment against a charge by cash (`tenderedMinor` → `changeMinor`), check, terminal
   * (approval code and last four) or card (sandbox gateway; the number and CVC are checked and
   * never stored). Captured money issues a sale receipt (`receipt.number`, series F) and can be
   * emailed (`emailReceipt`). Errors: AMOUNT_ABOVE_BALANCE, CARD_* (bad card input: nothing
   * recorded), PAYMENT_DECLINED (`details.declineCode`, `details.paymentId`: a failed payment is
   * recorded, no receipt, nothing in the ledger), DAY_CLOSED, IDEMPOTENCY_KEY_REUSED. → `PaymentResult`
   */
  take: permittedProcedure("payments.take")
    .input(takePaymentInputSchema)
    .mutation(({ ctx, input }) => takePayment(actorOf(ctx), input)),
  /** Captures an authorized card payment (ledger entry and sale receipt). → `PaymentResult` */
  capture: permittedProcedure("payments.take")
    .input(paymentOperationInputSchema)
    .mutation(({ ctx, input }) => capturePayment(actorOf(ctx), input)),
  /**
   * Voids an authorization before capture. Above the office's threshold only a manager may
   * (APPROVAL_REQUIRED otherwise); PAYMENT_TRANSITION_INVALID once captured. → `PaymentResult`
   */
  void: permittedProcedure("payments.refund")
    .input(paymentOperationInputSchema)
    .mutation(({ ctx, input }) => voidPayment(actorOf(ctx), input)),
  /**
   * Refunds all or part of a captured payment to its own method, with a reason. Completed at once
   * (correction receipt in series R referencing the sale receipt) unless it is above the office's
   * threshold and the caller may not approve: then `status: "pending_approval"` and no money moves.
   * REFUND_EXCEEDS_CAPTURED beyond what is left. → `RefundResult`
   */
  refund: permittedProcedure("payments.refund")
    .input(refundInputSchema)
    .mutation(({ ctx, input }) => refundPayment(actorOf(ctx), input)),
  /** A manager approves (money goes back, correction receipt) or rejects a pending refund. → `RefundResult` */
  decideRefund: permittedProcedure("payments.approve")
    .input(refundDecisionInputSchema)
    .mutation(({ ctx, input }) => decideRefund(actorOf(ctx), input)),
  /** One payment with its refunds. → `PaymentView & { refunds: RefundView[] }` */
  get: permittedProcedure("payments.read")
    .input(byIdSchema)
    .query(({ ctx, input }) => paymentById(actorOf(ctx), input.id)),
  /** Payments, newest first, by office, client or charge. → `PaymentView[]` */
  list: permittedProcedure("payments.read")
    .input(paymentListSchema)
    .query(({ ctx, input }) => paymentsOf(actorOf(ctx), input)),
  /** Refunds, newest first; `status: "pending_approval"` is a manager's queue. → `RefundView[]` */
  refunds: permittedProcedure("payments.read")
    .input(refundListSchema)
    .query(({ ctx, input }) => refundsOf(actorOf(ctx), input)),
  /** What a client owes per currency, from the ledger (negative: in credit). */
  balance: permittedProcedure("payments.read")
    .input(clientBalanceInputSchema)
    .query(({ ctx, input }) => clientBalance(actorOf(ctx), input.clientId)),
  /** An office's payment settings: currency, whether prices include tax, the approval threshold. */
  settings: permittedProcedure("payments.read")
    .input(z.strictObject({ officeId: z.uuid("validation.id_invalid") }))
    .query(({ ctx, input }) => paymentSettings(actorOf(ctx), input.officeId)),
  /** Changes an office's payment settings (managers). */
  updateSettings: permittedProcedure("payments.approve")
    .input(paymentSettingsInputSchema)
    .mutation(({ ctx, input }) => updatePaymentSettings(actorOf(ctx), input)),
});
