import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountBalances,
  adjustmentEntry,
  chargeCancellationEntry,
  chargeEntry,
  clientBalance,
  createPayment,
  isBalanced,
  type JournalEntry,
  money,
  netByCurrency,
  PAYMENT_METHODS,
  type Payment,
  type PaymentMethod,
  paymentEntry,
  PaymentError,
  refundEntry,
  takingsByMethod,
  transition,
  WALK_IN,
} from "./index.js";

const eur = (amount: number) => money(amount, "EUR");
const day = { from: "2026-03-02T00:00:00+01:00", to: "2026-03-03T00:00:00+01:00", currency: "EUR" };

describe("ledger", () => {
  it("posts balanced entries and derives balances and takings from them", () => {
    const entries: JournalEntry[] = [
      chargeEntry({ client: "ana", net: eur(10000), tax: eur(2100), at: "2026-03-02T09:00:00Z", reference: "charge-1" }),
      paymentEntry({ client: "ana", method: "card", amount: eur(7000), at: "2026-03-02T09:05:00Z" }),
      paymentEntry({ client: "ana", method: "cash", amount: eur(5100), at: "2026-03-02T09:06:00Z" }),
      refundEntry({ client: "ana", method: "card", amount: eur(1210), tax: eur(210), at: "2026-03-02T12:00:00Z" }),
      chargeEntry({ client: WALK_IN, net: eur(500), tax: eur(0), at: "2026-03-02T23:30:00Z" }),
      paymentEntry({ client: WALK_IN, method: "cash", amount: eur(500), at: "2026-03-02T23:30:00Z" }),
      adjustmentEntry({ client: "ana", amount: eur(-300), at: "2026-03-02T13:00:00Z" }),
    ];
    for (const entry of entries) expect(isBalanced(entry)).toBe(true);
    expect(entries[0]!.postings).toEqual([
      { account: "receivable:ana", side: "debit", amount: eur(12100) },
      { account: "revenue", side: "credit", amount: eur(10000) },
      { account: "tax_payable", side: "credit", amount: eur(2100) },
    ]);
    expect(clientBalance(entries, "ana", "EUR")).toEqual(eur(-300));
    expect(clientBalance(entries, WALK_IN, "EUR")).toEqual(eur(0));
    expect(clientBalance(entries, "nobody", "EUR")).toEqual(eur(0));
    const balances = accountBalances(entries);
    expect(balances.get("tax_payable")?.get("EUR")).toBe(-2100 + 210);
    expect(balances.get("refunds")?.get("EUR")).toBe(1000);

    const takings = takingsByMethod(entries, day);
    expect(takings.card).toEqual({ received: eur(7000), refunded: eur(1210), net: eur(5790) });
    // 23:30Z is 00:30 the next day in Madrid: not in this day's takings.
    expect(takings.cash).toEqual({ received: eur(5100), refunded: eur(0), net: eur(5100) });
    expect(takings.check.net).toEqual(eur(0));
  });

  it("cancels an unpaid sale with the exact reverse of its charge", () => {
    const sale = { client: "ana", net: eur(5000), tax: eur(1050), at: "2026-03-02T09:00:00Z", reference: "charge-1" };
    const cancelled = chargeCancellationEntry({ ...sale, at: "2026-03-02T10:00:00Z" });
    expect(isBalanced(cancelled)).toBe(true);
    expect(cancelled).toMatchObject({ kind: "charge_cancellation", reference: "charge-1" });
    expect(cancelled.postings).toEqual([
      { account: "receivable:ana", side: "credit", amount: eur(6050) },
      { account: "revenue", side: "debit", amount: eur(5000) },
      { account: "tax_payable", side: "debit", amount: eur(1050) },
    ]);
    const entries = [chargeEntry(sale), cancelled];
    expect(clientBalance(entries, "ana", "EUR")).toEqual(eur(0));
    for (const account of ["revenue", "tax_payable"] as const) expect(accountBalances(entries).get(account)?.get("EUR")).toBe(0);
    expect(takingsByMethod(entries, day).cash.net).toEqual(eur(0));
  });

  it("refuses entries that make no sense", () => {
    const at = "2026-03-02T09:00:00Z";
    expect(() => chargeEntry({ client: "ana", net: eur(0), tax: eur(0), at })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => chargeEntry({ client: "ana", net: eur(100), tax: money(21, "USD"), at })).toThrow(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
    expect(() => paymentEntry({ client: "ana", method: "cash", amount: eur(-1), at })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => refundEntry({ client: "ana", method: "cash", amount: eur(100), tax: eur(101), at })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => adjustmentEntry({ client: "ana", amount: eur(0), at })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => paymentEntry({ client: "", method: "cash", amount: eur(1), at })).toThrow(expect.objectContaining({ code: "PAYMENT_DETAILS_INVALID" }));
    expect(() => paymentEntry({ client: "ana", method: "cash", amount: eur(1), at: "yesterday" })).toThrow(expect.objectContaining({ code: "PAYMENT_DETAILS_INVALID" }));
    expect(isBalanced({ kind: "payment", at, postings: [{ account: "cash_drawer", side: "debit", amount: eur(1) }] })).toBe(false);
  });

  /** Operations at the desk, as the server would run them: through the state machine, then the ledger. */
  type Operation =
    | { kind: "charge"; client: number; net: number; tax: number }
    | { kind: "pay"; client: number; method: PaymentMethod; amount: number; capture: number | undefined }
    | { kind: "refund"; payment: number; amount: number; taxShare: number }
    | { kind: "void"; payment: number }
    | { kind: "decline"; client: number; amount: number }
    | { kind: "adjust"; client: number; amount: number };

  const operation: fc.Arbitrary<Operation> = fc.oneof(
    fc.record({ kind: fc.constant("charge" as const), client: fc.nat(2), net: fc.integer({ min: 1, max: 100_000 }), tax: fc.integer({ min: 0, max: 25_000 }) }),
    fc.record({ kind: fc.constant("pay" as const), client: fc.nat(2), method: fc.constantFrom(...PAYMENT_METHODS), amount: fc.integer({ min: 1, max: 100_000 }), capture: fc.option(fc.integer({ min: 1, max: 120_000 }), { nil: undefined }) }),
    fc.record({ kind: fc.constant("refund" as const), payment: fc.nat(20), amount: fc.integer({ min: -10, max: 120_000 }), taxShare: fc.integer({ min: 0, max: 100 }) }),
    fc.record({ kind: fc.constant("void" as const), payment: fc.nat(20) }),
    fc.record({ kind: fc.constant("decline" as const), client: fc.nat(2), amount: fc.integer({ min: 1, max: 100_000 }) }),
    fc.record({ kind: fc.constant("adjust" as const), client: fc.nat(2), amount: fc.integer({ min: -5_000, max: 5_000 }).filter((amount) => amount !== 0) }),
  );

  it("stays balanced and never refunds more than was captured, whatever the desk does", () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const entries: JournalEntry[] = [];
        const payments: { client: string; method: PaymentMethod; state: Payment }[] = [];
        const at = (index: number) => new Date(Date.UTC(2026, 2, 2, 8, index)).toISOString();
        const refused = (run: () => void) => {
          try {
            run();
          } catch (error) {
            // Only the rules' own refusals are expected; anything else is a bug.
            if (!(error instanceof PaymentError)) throw error;
          }
        };
        operations.forEach((op, index) => {
          const when = at(index);
          switch (op.kind) {
            case "charge":
              entries.push(chargeEntry({ client: `c${op.client}`, net: eur(op.net), tax: eur(op.tax), at: when }));
              break;
            case "pay":
              refused(() => {
                let state = createPayment(eur(op.amount));
                state = op.method === "card" ? transition(transition(state, { type: "authorize" }), { type: "capture", ...(op.capture ? { amount: op.capture } : {}) }) : transition(state, { type: "capture" });
                payments.push({ client: `c${op.client}`, method: op.method, state });
                entries.push(paymentEntry({ client: `c${op.client}`, method: op.method, amount: eur(state.captured), at: when }));
              });
              break;
            case "refund": {
              const payment = payments[op.payment];
              if (!payment) break;
              refused(() => {
                const state = transition(payment.state, { type: "refund", amount: op.amount });
                const tax = Math.floor((op.amount * op.taxShare) / 1000);
                entries.push(refundEntry({ client: payment.client, method: payment.method, amount: eur(op.amount), tax: eur(tax), at: when }));
                payment.state = state;
              });
              break;
            }
            case "void": {
              const payment = payments[op.payment];
              if (payment) refused(() => (payment.state = transition(payment.state, { type: "void" })));
              break;
            }
            case "decline":
              transition(transition(createPayment(eur(op.amount)), { type: "authorize" }), { type: "fail", reason: "card_declined" });
              break;
            case "adjust":
              entries.push(adjustmentEntry({ client: `c${op.client}`, amount: eur(op.amount), at: when }));
              break;
          }
        });

        for (const entry of entries) expect(isBalanced(entry)).toBe(true);
        expect([...netByCurrency(entries.flatMap((entry) => entry.postings)).values()].every((net) => net === 0)).toBe(true);
        for (const { state } of payments) {
          expect(state.refunded).toBeLessThanOrEqual(state.captured);
          expect(state.captured).toBeLessThanOrEqual(state.amount);
        }
        const takings = takingsByMethod(entries, { from: "2026-03-02T00:00:00Z", to: "2026-03-03T00:00:00Z", currency: "EUR" });
        const balances = accountBalances(entries);
        for (const method of PAYMENT_METHODS) {
          const mine = payments.filter((payment) => payment.method === method);
          expect(takings[method].received.amount).toBe(mine.reduce((total, payment) => total + payment.state.captured, 0));
          expect(takings[method].refunded.amount).toBe(mine.reduce((total, payment) => total + payment.state.refunded, 0));
          expect(takings[method].net.amount).toBeGreaterThanOrEqual(0);
        }
        expect(balances.get("cash_drawer")?.get("EUR") ?? 0).toBe(takings.cash.net.amount);
        // What the clients owe is what they were charged and adjusted, less what they paid.
        const owed = [0, 1, 2].reduce((total, client) => total + clientBalance(entries, `c${client}`, "EUR").amount, 0);
        const charged = entries.filter((entry) => entry.kind !== "refund").flatMap((entry) => entry.postings).filter((posting) => posting.account.startsWith("receivable:"));
        expect(owed).toBe(charged.reduce((total, posting) => total + (posting.side === "debit" ? posting.amount.amount : -posting.amount.amount), 0));
      }),
      { numRuns: 300 },
    );
  });
});
