import { describe, expect, it } from "vitest";
import { chargeCancelInputSchema, chargeInputSchema, refundInputSchema, takePaymentInputSchema } from "./checkout.js";
import { toFieldIssues } from "./validation.js";

const id = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

describe("money desk inputs", () => {
  it("takes a payment by each method, with an idempotency key", () => {
    for (const details of [
      { method: "cash", tenderedMinor: 5000 },
      { method: "check", checkNumber: "000123" },
      { method: "terminal", approvalCode: "A1B2C3", last4: "4242" },
      { method: "card", card: { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2030, cvc: "737" } },
    ]) {
      expect(takePaymentInputSchema.safeParse({ idempotencyKey: "k-12345678", chargeId: id, desk: "front", details }).success).toBe(true);
    }
  });

  it("refuses negative or fractional amounts, short keys and a terminal without four digits, naming the field", () => {
    const issues = (input: unknown) => {
      const parsed = takePaymentInputSchema.safeParse(input);
      return parsed.success ? [] : toFieldIssues(parsed.error.issues).map((issue) => issue.path.join("."));
    };
    const base = { idempotencyKey: "k-12345678", chargeId: id, desk: "front", details: { method: "cash" } };
    expect(issues({ ...base, amountMinor: -1 })).toEqual(["amountMinor"]);
    expect(issues({ ...base, amountMinor: 1.5 })).toEqual(["amountMinor"]);
    expect(issues({ ...base, idempotencyKey: "short" })).toEqual(["idempotencyKey"]);
    expect(issues({ ...base, details: { method: "terminal", approvalCode: "A1B2C3", last4: "42" } })).toEqual(["details.last4"]);
  });

  it("refuses a note that holds something like a card number", () => {
    const refund = { idempotencyKey: "k-12345678", paymentId: id, desk: "front", amountMinor: 100, reason: "other" };
    expect(refundInputSchema.safeParse({ ...refund, note: "card 4242 4242 4242 4242" }).success).toBe(false);
    expect(refundInputSchema.safeParse({ ...refund, note: "ticket 12345, phone 600 123 456" }).success).toBe(true);
    expect(refundInputSchema.parse(refund).note).toBe("");
  });

  it("needs products or an appointment to charge, and a client or a walk-in name but not both", () => {
    const idempotencyKey = "sale-attempt-0001";
    expect(chargeInputSchema.safeParse({ idempotencyKey, officeId: id }).success).toBe(false);
    expect(chargeInputSchema.safeParse({ idempotencyKey, officeId: id, appointmentId: id }).success).toBe(true);
    // Charging moves money: no key, no charge.
    expect(chargeInputSchema.safeParse({ officeId: id, appointmentId: id }).success).toBe(false);
    expect(chargeInputSchema.safeParse({ idempotencyKey, officeId: id, clientId: id, walkInName: "Ana", lines: [{ productId: id }] }).success).toBe(false);
    expect(chargeInputSchema.parse({ idempotencyKey, officeId: id, lines: [{ productId: id }] }).lines[0]?.quantity).toBe(1);
    expect(chargeCancelInputSchema.safeParse({ idempotencyKey, id }).success).toBe(true);
    expect(chargeCancelInputSchema.safeParse({ id }).success).toBe(false);
  });
});
