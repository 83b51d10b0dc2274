import { ERROR_CODES, PAYMENT_METHODS as DOMAIN_PAYMENT_METHODS, PAYMENT_STATUSES as DOMAIN_PAYMENT_STATUSES, REFUND_REASONS as DOMAIN_REFUND_REASONS } from "@frontoffice/domain";
import { describe, expect, it } from "vitest";
import { isPaymentError, isPaymentErrorCode, PAYMENT_ERROR_CODES, PAYMENT_METHODS, PAYMENT_STATUSES, PaymentError, REFUND_REASONS } from "./index.js";

describe("PaymentError", () => {
  it("carries a stable code and details", () => {
    const error = new PaymentError("REFUND_EXCEEDS_CAPTURED", "too much", { refundable: 100 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "PaymentError", code: "REFUND_EXCEEDS_CAPTURED", message: "too much", details: { refundable: 100 } });
    expect(new PaymentError("CARD_EXPIRED").message).toBe("CARD_EXPIRED");
    expect(isPaymentError(error)).toBe(true);
    expect(isPaymentError(new Error("x"))).toBe(false);
    expect(isPaymentErrorCode("CARD_DECLINED")).toBe(true);
    expect(isPaymentErrorCode("toString")).toBe(false);
  });

  it("has every code in @frontoffice/domain with the same transport, so servers pass it on and clients translate it", () => {
    for (const [code, transport] of Object.entries(PAYMENT_ERROR_CODES)) {
      expect(ERROR_CODES[code as keyof typeof ERROR_CODES], code).toBe(transport);
    }
  });

  it("uses the same methods, statuses and refund reasons as the domain's schemas", () => {
    expect(PAYMENT_METHODS).toEqual(DOMAIN_PAYMENT_METHODS);
    expect(PAYMENT_STATUSES).toEqual(DOMAIN_PAYMENT_STATUSES);
    expect(REFUND_REASONS).toEqual(DOMAIN_REFUND_REASONS);
  });
});
