import { describe, expect, it } from "vitest";
import { canApply, createPayment, money, PAYMENT_STATUSES, PAYMENT_TRANSITIONS, type Payment, type PaymentEvent, refundable, transition } from "./index.js";

const eur = (amount: number) => money(amount, "EUR");
const apply = (payment: Payment, ...events: PaymentEvent[]) => events.reduce(transition, payment);

describe("payment life cycle", () => {
  it("authorizes, captures and refunds in parts until nothing is left", () => {
    let payment = createPayment(eur(5000));
    expect(payment).toEqual({ status: "pending", currency: "EUR", amount: 5000, authorized: 0, captured: 0, refunded: 0 });
    payment = apply(payment, { type: "authorize" }, { type: "capture" });
    expect(payment).toMatchObject({ status: "captured", authorized: 5000, captured: 5000 });
    payment = transition(payment, { type: "refund", amount: 2000 });
    expect(payment).toMatchObject({ status: "partially_refunded", refunded: 2000 });
    expect(refundable(payment)).toEqual(eur(3000));
    payment = transition(payment, { type: "refund", amount: 3000 });
    expect(payment).toMatchObject({ status: "refunded", refunded: 5000 });
    expect(() => transition(payment, { type: "refund", amount: 1 })).toThrow(expect.objectContaining({ code: "PAYMENT_TRANSITION_INVALID", details: { status: "refunded", event: "refund" } }));
  });

  it("captures cash at once, and part of an authorization", () => {
    expect(transition(createPayment(eur(1200)), { type: "capture" })).toMatchObject({ status: "captured", authorized: 1200, captured: 1200 });
    const partial = apply(createPayment(eur(1200)), { type: "authorize" }, { type: "capture", amount: 1000 });
    expect(partial).toMatchObject({ status: "captured", authorized: 1200, captured: 1000 });
    expect(refundable(partial)).toEqual(eur(1000));
  });

  it("never captures more than was authorized nor refunds more than was captured", () => {
    const authorized = transition(createPayment(eur(1200)), { type: "authorize" });
    expect(() => transition(authorized, { type: "capture", amount: 1201 })).toThrow(expect.objectContaining({ code: "CAPTURE_EXCEEDS_AUTHORIZED", details: { amount: 1201, authorized: 1200 } }));
    const captured = apply(authorized, { type: "capture" }, { type: "refund", amount: 200 });
    expect(() => transition(captured, { type: "refund", amount: 1001 })).toThrow(expect.objectContaining({ code: "REFUND_EXCEEDS_CAPTURED", details: { amount: 1001, refundable: 1000 } }));
    for (const amount of [0, -5, 1.5]) expect(() => transition(captured, { type: "refund", amount })).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => createPayment(eur(0))).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
  });

  it("voids before capture and fails on a decline; both are final", () => {
    const voided = apply(createPayment(eur(100)), { type: "authorize" }, { type: "void" });
    expect(voided.status).toBe("voided");
    const failed = transition(createPayment(eur(100)), { type: "fail", reason: "card_declined" });
    expect(failed).toMatchObject({ status: "failed", failureReason: "card_declined" });
    for (const payment of [voided, failed]) {
      for (const event of [{ type: "authorize" }, { type: "capture" }, { type: "void" }, { type: "refund", amount: 1 }] as const) {
        expect(() => transition(payment, event)).toThrow(expect.objectContaining({ code: "PAYMENT_TRANSITION_INVALID" }));
      }
    }
    const captured = transition(createPayment(eur(100)), { type: "capture" });
    expect(() => transition(captured, { type: "void" })).toThrow(expect.objectContaining({ code: "PAYMENT_TRANSITION_INVALID", details: { status: "captured", event: "void" } }));
  });

  it("refuses every event its status does not list, and accepts the others", () => {
    const samples: Record<string, Payment> = {
      pending: createPayment(eur(100)),
      authorized: transition(createPayment(eur(100)), { type: "authorize" }),
      captured: transition(createPayment(eur(100)), { type: "capture" }),
      partially_refunded: apply(createPayment(eur(100)), { type: "capture" }, { type: "refund", amount: 10 }),
      refunded: apply(createPayment(eur(100)), { type: "capture" }, { type: "refund", amount: 100 }),
      voided: transition(createPayment(eur(100)), { type: "void" }),
      failed: transition(createPayment(eur(100)), { type: "fail", reason: "processing_error" }),
    };
    const events: PaymentEvent[] = [{ type: "authorize" }, { type: "capture" }, { type: "void" }, { type: "fail", reason: "x" }, { type: "refund", amount: 1 }];
    for (const status of PAYMENT_STATUSES) {
      const payment = samples[status]!;
      expect(payment.status).toBe(status);
      for (const event of events) {
        if (canApply(status, event.type)) expect(() => transition(payment, event)).not.toThrow();
        else expect(() => transition(payment, event)).toThrow(expect.objectContaining({ code: "PAYMENT_TRANSITION_INVALID" }));
      }
    }
    expect(PAYMENT_TRANSITIONS.refunded).toEqual([]);
  });
});
