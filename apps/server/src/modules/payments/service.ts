/**
 * Taking money at the desk: payments against charges, captures and voids of card
 * authorizations, refunds (with a manager's approval above the office's threshold), balances and
 * the office's payment settings.
 *
 * Every money-moving use case runs in one transaction behind an idempotency key
 * (`onceForKey`): the payment, its ledger entry and its receipt (numbered from the series'
 * counter row) commit together or not at all. A declined card is the exception that proves the
 * rule: the failed payment is committed (it happened), with no ledger entry and no receipt, and
 * the call then fails with PAYMENT_DECLINED; a replay fails the same way.
 */
import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import { jsonb, type Database } from "@frontoffice/db";
import {
  DomainError,
  can,
  paymentOperationInputSchema,
  paymentSettingsInputSchema,
  refundDecisionInputSchema,
  refundInputSchema,
  takePaymentInputSchema,
  type RefundInput,
  type TakePaymentInput,
} from "@frontoffice/domain";
import {
  WALK_IN,
  checkCard,
  computeTotals,
  money,
  paymentEntry,
  refundBreakdown,
  refundEntry,
  transition,
  type FiscalIdentity,
  type Payment,
  type PaymentDetails,
  type ReceiptLine,
  type ReceiptPayment,
  type TaxRow,
} from "@frontoffice/payments";
import type { z } from "zod";
import type { Actor } from "../../trpc/actor.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findClient } from "../clients/queries.js";
import { findSaleReceiptOfPayment } from "../receipts/queries.js";
import { enqueueReceiptEmail, issueReceipt } from "../receipts/service.js";
import { onceForKey } from "./idempotency.js";
import {
  clientBalances,
  findCharge,
  findOfficeMoneyContext,
  findPayment,
  listPayments,
  listRefunds,
  pendingRefundMinor,
  type ChargeView,
  type OfficeMoneyContext,
  type PaymentView,
  type RefundView,
  toPaymentView,
} from "./queries.js";
import { businessDateOf, gatewayFor, postJournalEntry, refusingClosedDays } from "./support.js";

type Trx = Transaction<Database>;

/** What `payments.take`, `payments.capture` and `payments.void` return. */
export interface PaymentResult {
  payment: PaymentView;
  /** The sale receipt, when the money was captured. */
  receipt: { id: string; number: string } | null;
  /** Cash to hand back, in minor units. */
  changeMinor: number | null;
  /** True when this call replayed an earlier one with the same idempotency key (nothing moved). */
  replayed: boolean;
}

/** What `payments.refund` and `payments.decideRefund` return. */
export interface RefundResult {
  refund: RefundView;
  replayed: boolean;
}

/** What is stored under the idempotency key: ids only, so a replay reads the records as they are. */
type StoredTake = { outcome: "done"; paymentId: string; changeMinor: number | null } | { outcome: "declined"; paymentId: string; declineCode: string };

function fiscalIdentity(office: OfficeMoneyContext): FiscalIdentity {
  const { address } = office;
  return {
    name: office.fiscalName,
    taxId: office.taxId,
    address: [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(" "), address.region, address.country].filter((line): line is string => Boolean(line)),
  };
}

function receiptPaymentOf(payment: Pick<PaymentView, "method" | "currency" | "card" | "reference" | "changeMinor">, amountMinor: number): ReceiptPayment {
  return {
    method: payment.method,
    amount: money(amountMinor, payment.currency),
    ...(payment.card?.brand ? { cardBrand: payment.card.brand as NonNullable<ReceiptPayment["cardBrand"]> } : {}),
    ...(payment.card ? { last4: payment.card.last4 } : {}),
    ...(payment.method === "terminal" && payment.reference ? { approvalCode: payment.reference } : {}),
    ...(payment.method === "check" && payment.reference ? { checkNumber: payment.reference } : {}),
    ...(payment.changeMinor ? { change: money(payment.changeMinor, payment.currency) } : {}),
  };
}

function chargeLinesForReceipt(charge: ChargeView): ReceiptLine[] {
  return charge.lines.map((line) => ({
    description: line.description,
    quantity: line.quantity,
    unitPrice: money(line.unitPriceMinor, charge.currency),
    ...(line.discountMinor > 0 ? { discount: { kind: "amount" as const, amount: line.discountMinor } } : {}),
    taxRateBasisPoints: line.taxRateBasisPoints,
  }));
}

/**
 * The money of a captured payment lands: a ledger entry (method account against the client's
 * receivable), the charge marked paid when nothing is left to pay, and the sale receipt. The
 * receipt comes last: its number's counter row stays locked until commit, so the less work after
 * it, the less concurrent payments of the series wait.
 */
async function settleCapture(
  trx: Trx,
  actor: Actor,
  office: OfficeMoneyContext,
  payment: PaymentView,
  at: Date,
  businessDate: string,
  known?: ChargeView,
): Promise<{ id: string; number: string }> {
  const charge = known ?? (await findCharge(trx, actor.organizationId, payment.chargeId));
  if (!charge) throw new DomainError("INTERNAL", "charge vanished");
  const client = charge.clientId ? await findClient(trx, actor.organizationId, charge.clientId) : undefined;
  const entry = paymentEntry({ client: payment.clientId ?? WALK_IN, at: at.toISOString(), reference: payment.id, method: payment.method, amount: money(payment.amountMinor, payment.currency) });
  await postJournalEntry(trx, entry, { organizationId: actor.organizationId, officeId: office.id, clientId: payment.clientId, businessDate, chargeId: charge.id, paymentId: payment.id }, at);
  if (charge.balanceMinor <= 0 && charge.status === "open") {
    await trx.updateTable("charge").set({ status: "paid" }).where("organization_id", "=", actor.organizationId).where("id", "=", charge.id).execute();
  }
  const customer = client ? { name: client.display_name } : charge.walkInName ? { name: charge.walkInName } : undefined;
  const receipt = await issueReceipt(
    trx,
    actor,
    "sale",
    Number(businessDate.slice(0, 4)),
    {
      issuedAt: at.toISOString(),
      timeZone: office.timeZone,
      office: fiscalIdentity(office),
      ...(customer ? { customer } : {}),
      currency: charge.currency,
      prices: charge.pricesIncludeTax ? "tax_inclusive" : "tax_exclusive",
      lines: chargeLinesForReceipt(charge),
      payments: [receiptPaymentOf(payment, payment.amountMinor)],
    },
    { officeId: office.id, chargeId: charge.id, paymentId: payment.id, refundId: null, clientId: charge.clientId, correctsReceiptId: null, locale: client?.preferred_locale ?? office.locale },
  );
  return { id: receipt.id, number: receipt.number };
}

/** The payment rules' view of a stored payment. */
function ruleState(payment: PaymentView): Payment {
  const taken = payment.status === "captured" || payment.status === "partially_refunded" || payment.status === "refunded";
  return {
    status: payment.status,
    currency: payment.currency,
    amount: payment.amountMinor,
    authorized: payment.status === "authorized" || taken ? payment.amountMinor : 0,
    captured: taken ? payment.amountMinor : 0,
    refunded: payment.refundedMinor,
  };
}

async function officeOf(trx: Trx, organizationId: string, officeId: string): Promise<OfficeMoneyContext> {
  const office = await findOfficeMoneyContext(trx, organizationId, officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return office;
}

function toGatewayDetails(details: z.output<typeof takePaymentInputSchema>["details"]): PaymentDetails {
  switch (details.method) {
    case "cash":
      return details.tenderedMinor === undefined ? { method: "cash" } : { method: "cash", tendered: details.tenderedMinor };
    case "check":
      return { method: "check", checkNumber: details.checkNumber };
    case "terminal":
      return { method: "terminal", approvalCode: details.approvalCode, last4: details.last4 };
    case "card":
      return { method: "card", card: details.card };
  }
}

/**
 * Takes a payment against a charge: checks the card (if any) without keeping its number, checks
 * the amount against what is still owed, asks the method's gateway, and records the outcome.
 */
export async function takePayment(actor: Actor, raw: TakePaymentInput): Promise<PaymentResult> {
  const input = takePaymentInputSchema.parse(raw);
  const at = actor.clock.now();
  const stored = await refusingClosedDays(() =>
    actor.db.transaction().execute(async (trx) => {
      const chargeRow = await trx.selectFrom("charge").select(["office_id"]).where("organization_id", "=", actor.organizationId).where("id", "=", input.chargeId).executeTakeFirst();
      if (!chargeRow) throw new DomainError("NOT_FOUND", "charge not found");
      const office = await officeOf(trx, actor.organizationId, chargeRow.office_id);
      const today = businessDateOf(at, office.timeZone);

      // Card data is checked here and reduced to its summary before anything is hashed or stored.
      let card: { brand: string; last4: string; expMonth: number; expYear: number } | null = null;
      if (input.details.method === "card") {
        const check = checkCard(input.details.card, today);
        if (!check.ok) {
          const [first] = check.problems;
          throw new DomainError(first!.code, "card refused before reaching the gateway", { issues: check.problems.map((problem) => ({ path: ["details", "card", problem.field], key: `errors.${problem.code}` })) });
        }
        card = { brand: check.brand, last4: check.last4, expMonth: check.expMonth, expYear: check.expYear };
      }
      const hashed = { ...input, idempotencyKey: undefined, details: input.details.method === "card" ? { method: "card", capture: input.details.capture, card } : input.details };

      let settle: (() => Promise<{ id: string; number: string }>) | undefined;
      const outcome = await onceForKey<StoredTake>(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "payments.take", input: hashed, at }, async () => {
        const charge = await findCharge(trx, actor.organizationId, input.chargeId, true);
        if (!charge) throw new DomainError("NOT_FOUND", "charge not found");
        const balance = charge.status === "cancelled" ? 0 : charge.balanceMinor;
        const amount = input.amountMinor ?? balance;
        if (amount <= 0 || amount > balance) throw new DomainError("AMOUNT_ABOVE_BALANCE", "more than is owed", { balanceMinor: balance });
        if (input.details.method === "cash" && input.details.tenderedMinor !== undefined && input.details.tenderedMinor < amount) {
          throw new DomainError("CASH_TENDERED_INSUFFICIENT", "less cash than the amount");
        }

        const paymentId = randomUUID();
        const gateway = gatewayFor(input.details.method, today);
        const amountMoney = money(amount, charge.currency);
        const authorization = await gateway.authorize({ amount: amountMoney, reference: paymentId, details: toGatewayDetails(input.details) });
        const common = {
          id: paymentId,
          organization_id: actor.organizationId,
          office_id: office.id,
          charge_id: charge.id,
          client_id: charge.clientId,
          desk: input.desk,
          business_date: today,
          method: input.details.method,
          gateway: gateway.id,
          currency: charge.currency,
          amount_minor: amount,
          card_brand: card?.brand ?? null,
          card_last4: card?.last4 ?? (input.details.method === "terminal" ? input.details.last4 : null),
          card_exp_month: card?.expMonth ?? null,
          card_exp_year: card?.expYear ?? null,
          created_by: actor.staffId,
          created_at: at,
        };
        if (!authorization.ok) {
          await trx.insertInto("payment").values({ ...common, status: "failed", decline_code: authorization.decline }).execute();
          await recordChangeBy(trx, actor, { type: "payment", id: paymentId }, "create", diffFields({}, { chargeId: charge.id, amountMinor: amount, method: common.method, status: "failed", declineCode: authorization.decline }), at);
          return { outcome: "declined", paymentId, declineCode: authorization.decline };
        }
        let status: "authorized" | "captured" = authorization.status;
        let declineCode: string | null = null;
        const wantsCapture = input.details.method !== "card" || input.details.capture;
        if (status === "authorized" && wantsCapture) {
          const capture = await gateway.capture({ transactionId: authorization.transactionId, reference: paymentId, amount: amountMoney });
          if (capture.ok) status = "captured";
          else declineCode = capture.decline;
        }
        const changeMinor = authorization.change?.amount ?? null;
        const inserted = await trx
          .insertInto("payment")
          .values({
            ...common,
            status: declineCode ? "failed" : status,
            decline_code: declineCode,
            tendered_minor: input.details.method === "cash" ? (input.details.tenderedMinor ?? null) : null,
            change_minor: changeMinor,
            gateway_token: authorization.card?.token ?? null,
            gateway_transaction_id: authorization.transactionId,
            reference: authorization.approvalCode && input.details.method === "terminal" ? authorization.approvalCode : (authorization.checkNumber ?? null),
            captured_at: status === "captured" && !declineCode ? at : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordChangeBy(trx, actor, { type: "payment", id: paymentId }, "create", diffFields({}, { chargeId: charge.id, amountMinor: amount, method: common.method, status: declineCode ? "failed" : status }), at);
        if (declineCode) return { outcome: "declined", paymentId, declineCode };
        if (status === "captured") {
          const payment = toPaymentView({ ...inserted, business_date: today, receipt_id: null, receipt_number: null });
          // The charge as it is now: this payment taken off what was owed.
          settle = () => settleCapture(trx, actor, office, payment, at, today, { ...charge, paidMinor: charge.paidMinor + amount, balanceMinor: charge.balanceMinor - amount });
        }
        return { outcome: "done", paymentId, changeMinor };
      }, async () => {
        // Ledger and receipt last: the series' counter row stays locked from here to commit.
        const receipt = await settle?.();
        if (receipt && input.emailReceipt) await enqueueReceiptEmail(trx, actor.organizationId, receipt.id, undefined, at);
      });
      return { ...outcome.result, replayed: outcome.replayed };
    }),
  );
  if (stored.outcome === "declined") {
    throw new DomainError("PAYMENT_DECLINED", "the gateway declined the payment", { declineCode: stored.declineCode, paymentId: stored.paymentId });
  }
  return paymentResult(actor, stored.paymentId, stored.changeMinor, stored.replayed);
}

/** The payment as it is now. */
async function paymentResult(actor: Actor, paymentId: string, changeMinor: number | null, replayed: boolean): Promise<PaymentResult> {
  const payment = await findPayment(actor.db, actor.organizationId, paymentId);
  if (!payment) throw new DomainError("INTERNAL", "payment vanished");
  return { payment, receipt: payment.receipt, changeMinor, replayed };
}

async function lockedPayment(trx: Trx, actor: Actor, paymentId: string): Promise<PaymentView> {
  const payment = await findPayment(trx, actor.organizationId, paymentId, true);
  if (!payment) throw new DomainError("NOT_FOUND", "payment not found");
  return payment;
}

/** Captures an authorized card payment: ledger entry and sale receipt. */
export async function capturePayment(actor: Actor, raw: z.input<typeof paymentOperationInputSchema>): Promise<PaymentResult> {
  const input = paymentOperationInputSchema.parse(raw);
  const at = actor.clock.now();
  const { paymentId, replayed } = await refusingClosedDays(() =>
    actor.db.transaction().execute(async (trx) => {
      const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "payments.capture", input: { paymentId: input.paymentId }, at }, async () => {
        const payment = await lockedPayment(trx, actor, input.paymentId);
        transition(ruleState(payment), { type: "capture" });
        const office = await officeOf(trx, actor.organizationId, payment.officeId);
        const today = businessDateOf(at, office.timeZone);
        const transactionId = await trx.selectFrom("payment").select("gateway_transaction_id").where("id", "=", payment.id).executeTakeFirstOrThrow();
        const outcome = await gatewayFor(payment.method, today).capture({ transactionId: transactionId.gateway_transaction_id ?? "", reference: `${payment.id}:capture`, amount: money(payment.amountMinor, payment.currency) });
        if (!outcome.ok) throw new DomainError("PAYMENT_DECLINED", "the gateway refused the capture", { declineCode: outcome.decline, paymentId: payment.id });
        await trx.updateTable("payment").set({ status: "captured", captured_at: at, business_date: today }).where("id", "=", payment.id).execute();
        await settleCapture(trx, actor, office, { ...payment, status: "captured", businessDate: today }, at, today);
        await recordChangeBy(trx, actor, { type: "payment", id: payment.id }, "update", { status: { from: payment.status, to: "captured" } }, at);
        return { paymentId: payment.id };
      });
      return { ...outcome.result, replayed: outcome.replayed };
    }),
  );
  return paymentResult(actor, paymentId, null, replayed);
}

/** Above the office's threshold, only someone who may approve can do it alone. */
function needsApproval(actor: Actor, office: OfficeMoneyContext, amountMinor: number): boolean {
  return amountMinor > office.refundApprovalThresholdMinor && !can(actor.roles, "payments.approve");
}

/** Voids an authorization before capture (nothing was taken: no ledger entry, no receipt). */
export async function voidPayment(actor: Actor, raw: z.input<typeof paymentOperationInputSchema>): Promise<PaymentResult> {
  const input = paymentOperationInputSchema.parse(raw);
  const at = actor.clock.now();
  const { paymentId, replayed } = await refusingClosedDays(() =>
    actor.db.transaction().execute(async (trx) => {
      const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "payments.void", input: { paymentId: input.paymentId }, at }, async () => {
        const payment = await lockedPayment(trx, actor, input.paymentId);
        transition(ruleState(payment), { type: "void" });
        const office = await officeOf(trx, actor.organizationId, payment.officeId);
        if (needsApproval(actor, office, payment.amountMinor)) throw new DomainError("APPROVAL_REQUIRED", "a manager must void this", { thresholdMinor: office.refundApprovalThresholdMinor });
        const today = businessDateOf(at, office.timeZone);
        const transactionId = await trx.selectFrom("payment").select("gateway_transaction_id").where("id", "=", payment.id).executeTakeFirstOrThrow();
        const outcome = await gatewayFor(payment.method, today).void({ transactionId: transactionId.gateway_transaction_id ?? "", reference: `${payment.id}:void` });
        if (!outcome.ok) throw new DomainError("PAYMENT_DECLINED", "the gateway refused the void", { declineCode: outcome.decline, paymentId: payment.id });
        await trx.updateTable("payment").set({ status: "voided", voided_at: at }).where("id", "=", payment.id).execute();
        await recordChangeBy(trx, actor, { type: "payment", id: payment.id }, "update", { status: { from: payment.status, to: "voided" } }, at);
        return { paymentId: payment.id };
      });
      return { ...outcome.result, replayed: outcome.replayed };
    }),
  );
  return paymentResult(actor, paymentId, null, replayed);
}

/**
 * Gives money back through the payment's own method: updates the payment, writes the refund
 * ledger entry (the net to `refunds`, the VAT back from `tax_payable`) and issues the correction
 * receipt in the `R` series referencing the sale receipt.
 */
async function completeRefund(trx: Trx, actor: Actor, office: OfficeMoneyContext, payment: PaymentView, refund: { id: string; amountMinor: number; reason: RefundInput["reason"] }, at: Date, today: string): Promise<void> {
  const next = transition(ruleState(payment), { type: "refund", amount: refund.amountMinor });
  const transactionId = await trx.selectFrom("payment").select("gateway_transaction_id").where("id", "=", payment.id).executeTakeFirstOrThrow();
  const outcome = await gatewayFor(payment.method, today).refund({ transactionId: transactionId.gateway_transaction_id ?? "", reference: refund.id, amount: money(refund.amountMinor, payment.currency) });
  if (!outcome.ok) throw new DomainError("PAYMENT_DECLINED", "the gateway refused the refund", { declineCode: outcome.decline, paymentId: payment.id });
  await trx.updateTable("payment").set({ refunded_minor: next.refunded, status: next.status }).where("id", "=", payment.id).execute();

  const original = await findSaleReceiptOfPayment(trx, actor.organizationId, payment.id);
  const charge = await findCharge(trx, actor.organizationId, payment.chargeId);
  if (!original || !charge) throw new DomainError("INTERNAL", "a captured payment without its receipt or charge");
  // Base and tax given back per VAT rate, after what earlier refunds of the sale gave back.
  const sale = computeTotals(chargeLinesForReceipt(charge), { currency: charge.currency, prices: charge.pricesIncludeTax ? "tax_inclusive" : "tax_exclusive" });
  const breakdown = refundBreakdown(sale, money(refund.amountMinor, payment.currency), await earlierRefundBreakdowns(trx, charge.id, refund.id));
  await trx.updateTable("refund").set({ tax_breakdown: jsonb<unknown[]>(breakdown) }).where("id", "=", refund.id).execute();
  const tax = money(breakdown.reduce((total, row) => total + row.tax.amount, 0), payment.currency);
  const entry = refundEntry({ client: payment.clientId ?? WALK_IN, at: at.toISOString(), reference: refund.id, method: payment.method, amount: money(refund.amountMinor, payment.currency), tax });
  await postJournalEntry(trx, entry, { organizationId: actor.organizationId, officeId: office.id, clientId: payment.clientId, businessDate: today, chargeId: charge.id, paymentId: payment.id, refundId: refund.id }, at);
  const lines: ReceiptLine[] = breakdown.map((row) => ({
    description: charge.lines.filter((line) => line.taxRateBasisPoints === row.rateBasisPoints).map((line) => line.description).join(", ").slice(0, 120) || original.number,
    quantity: 1,
    unitPrice: row.gross,
    taxRateBasisPoints: row.rateBasisPoints,
  }));
  await issueReceipt(
    trx,
    actor,
    "correction",
    Number(today.slice(0, 4)),
    {
      issuedAt: at.toISOString(),
      timeZone: office.timeZone,
      office: fiscalIdentity(office),
      ...(original.snapshot.customer ? { customer: original.snapshot.customer } : {}),
      currency: payment.currency,
      prices: "tax_inclusive",
      lines,
      // The tax rows exactly as posted above, not recomputed from each line's gross.
      taxes: breakdown,
      payments: [receiptPaymentOf({ ...payment, changeMinor: null }, refund.amountMinor)],
      corrects: { number: original.number, reason: refund.reason },
    },
    { officeId: office.id, chargeId: charge.id, paymentId: payment.id, refundId: refund.id, clientId: payment.clientId, correctsReceiptId: original.id, locale: original.locale },
  );
}

/** The tax breakdowns of a sale's refunds already completed (through any of its payments). */
async function earlierRefundBreakdowns(trx: Trx, chargeId: string, exceptRefundId: string): Promise<TaxRow[][]> {
  const rows = await trx
    .selectFrom("refund as f")
    .innerJoin("payment as p", "p.id", "f.payment_id")
    .select("f.tax_breakdown")
    .where("p.charge_id", "=", chargeId)
    .where("f.status", "=", "completed")
    .where("f.id", "<>", exceptRefundId)
    .where("f.tax_breakdown", "is not", null)
    .execute();
  return rows.map((row) => row.tax_breakdown as TaxRow[]);
}

/**
 * Refunds part or all of a captured payment, to its own method, with a reason. Above the office's
 * threshold, a refund asked by someone who may not approve waits as `pending_approval` (no money
 * moves) until a manager decides (`payments.decideRefund`).
 */
export async function refundPayment(actor: Actor, raw: RefundInput): Promise<RefundResult> {
  const input = refundInputSchema.parse(raw);
  const at = actor.clock.now();
  const { refundId, replayed } = await refusingClosedDays(() =>
    actor.db.transaction().execute(async (trx) => {
      const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "payments.refund", input: { ...input, idempotencyKey: undefined }, at }, async () => {
        const payment = await lockedPayment(trx, actor, input.paymentId);
        const pending = await pendingRefundMinor(trx, payment.id);
        // Refunds already waiting for approval hold their share of what can be refunded.
        transition({ ...ruleState(payment), refunded: payment.refundedMinor + pending }, { type: "refund", amount: input.amountMinor });
        const office = await officeOf(trx, actor.organizationId, payment.officeId);
        const today = businessDateOf(at, office.timeZone);
        const waits = needsApproval(actor, office, input.amountMinor);
        const refundId = randomUUID();
        await trx
          .insertInto("refund")
          .values({
            id: refundId,
            organization_id: actor.organizationId,
            office_id: office.id,
            payment_id: payment.id,
            desk: input.desk,
            business_date: today,
            amount_minor: input.amountMinor,
            currency: payment.currency,
            reason: input.reason,
            note: input.note,
            status: waits ? "pending_approval" : "completed",
            requested_by: actor.staffId,
            approved_by: !waits && input.amountMinor > office.refundApprovalThresholdMinor ? actor.staffId : null,
            created_at: at,
            decided_at: waits ? null : at,
          })
          .execute();
        if (!waits) await completeRefund(trx, actor, office, payment, { id: refundId, amountMinor: input.amountMinor, reason: input.reason }, at, today);
        await recordChangeBy(trx, actor, { type: "refund", id: refundId }, "create", diffFields({}, { paymentId: payment.id, amountMinor: input.amountMinor, reason: input.reason, status: waits ? "pending_approval" : "completed" }), at);
        return { refundId };
      });
      return { ...outcome.result, replayed: outcome.replayed };
    }),
  );
  return refundResult(actor, refundId, replayed);
}

/** A manager approves (the money goes back now) or rejects a refund waiting for approval. */
export async function decideRefund(actor: Actor, raw: z.input<typeof refundDecisionInputSchema>): Promise<RefundResult> {
  const input = refundDecisionInputSchema.parse(raw);
  const at = actor.clock.now();
  const { replayed } = await refusingClosedDays(() =>
    actor.db.transaction().execute(async (trx) => {
      return onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "payments.decideRefund", input: { refundId: input.refundId, approve: input.approve }, at }, async () => {
        const [refund] = await listRefunds(trx, actor.organizationId, { refundIds: [input.refundId], forUpdate: true });
        if (!refund) throw new DomainError("NOT_FOUND", "refund not found");
        if (refund.status !== "pending_approval") throw new DomainError("REFUND_ALREADY_DECIDED");
        const payment = await lockedPayment(trx, actor, refund.paymentId);
        const office = await officeOf(trx, actor.organizationId, payment.officeId);
        const today = businessDateOf(at, office.timeZone);
        // The refund's own amount is no longer pending once decided: release it before checking.
        await trx
          .updateTable("refund")
          .set({ status: input.approve ? "completed" : "rejected", approved_by: actor.staffId, decided_at: at, business_date: today })
          .where("id", "=", refund.id)
          .execute();
        if (input.approve) await completeRefund(trx, actor, office, payment, { id: refund.id, amountMinor: refund.amountMinor, reason: refund.reason }, at, today);
        await recordChangeBy(trx, actor, { type: "refund", id: refund.id }, "update", { status: { from: "pending_approval", to: input.approve ? "completed" : "rejected" } }, at);
        return { refundId: refund.id };
      });
    }),
  );
  return refundResult(actor, input.refundId, replayed);
}

async function refundResult(actor: Actor, refundId: string, replayed: boolean): Promise<RefundResult> {
  const [refund] = await listRefunds(actor.db, actor.organizationId, { refundIds: [refundId] });
  if (!refund) throw new DomainError("INTERNAL", "refund vanished");
  return { refund, replayed };
}

export async function paymentById(actor: Pick<Actor, "db" | "organizationId">, id: string): Promise<PaymentView & { refunds: RefundView[] }> {
  const payment = await findPayment(actor.db, actor.organizationId, id);
  if (!payment) throw new DomainError("NOT_FOUND", "payment not found");
  return { ...payment, refunds: await listRefunds(actor.db, actor.organizationId, { paymentId: id }) };
}

export function paymentsOf(actor: Pick<Actor, "db" | "organizationId">, filter: { officeId?: string | undefined; clientId?: string | undefined; chargeId?: string | undefined; limit?: number }): Promise<PaymentView[]> {
  return listPayments(actor.db, actor.organizationId, filter);
}

export function refundsOf(actor: Pick<Actor, "db" | "organizationId">, filter: { officeId?: string | undefined; status?: RefundView["status"] | undefined; limit?: number }): Promise<RefundView[]> {
  return listRefunds(actor.db, actor.organizationId, filter);
}

/** What a client owes per currency, derived from the ledger. */
export async function clientBalance(actor: Pick<Actor, "db" | "organizationId">, clientId: string): Promise<{ clientId: string; balances: { currency: string; balanceMinor: number }[] }> {
  const client = await findClient(actor.db, actor.organizationId, clientId);
  if (!client) throw new DomainError("NOT_FOUND", "client not found");
  return { clientId, balances: await clientBalances(actor.db, actor.organizationId, clientId) };
}

export interface PaymentSettings {
  officeId: string;
  currency: string;
  pricesIncludeTax: boolean;
  refundApprovalThresholdMinor: number;
}

export async function paymentSettings(actor: Pick<Actor, "db" | "organizationId">, officeId: string): Promise<PaymentSettings> {
  const office = await findOfficeMoneyContext(actor.db, actor.organizationId, officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  return { officeId, currency: office.currency, pricesIncludeTax: office.pricesIncludeTax, refundApprovalThresholdMinor: office.refundApprovalThresholdMinor };
}

export async function updatePaymentSettings(actor: Actor, raw: z.input<typeof paymentSettingsInputSchema>): Promise<PaymentSettings> {
  const input = paymentSettingsInputSchema.parse(raw);
  return actor.db.transaction().execute(async (trx) => {
    const office = await findOfficeMoneyContext(trx, actor.organizationId, input.officeId);
    if (!office) throw new DomainError("NOT_FOUND", "office not found");
    const at = actor.clock.now();
    const changes = diffFields(
      { pricesIncludeTax: office.pricesIncludeTax, refundApprovalThresholdMinor: office.refundApprovalThresholdMinor },
      { pricesIncludeTax: input.pricesIncludeTax, refundApprovalThresholdMinor: input.refundApprovalThresholdMinor },
    );
    if (Object.keys(changes).length > 0) {
      await trx
        .updateTable("office")
        .set({ prices_include_tax: input.pricesIncludeTax, refund_approval_threshold_minor: input.refundApprovalThresholdMinor })
        .where("organization_id", "=", actor.organizationId)
        .where("id", "=", office.id)
        .execute();
      await recordChangeBy(trx, actor, { type: "office", id: office.id }, "update", changes, at);
    }
    return { officeId: office.id, currency: office.currency, pricesIncludeTax: input.pricesIncludeTax, refundApprovalThresholdMinor: input.refundApprovalThresholdMinor };
  });
}
