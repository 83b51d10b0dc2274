import { describe, expect, it } from "vitest";
import { cardInputSchema, paymentMethodSchema, receiptNumberSchema, refundReasonSchema, toFieldIssues } from "./index.js";

describe("payment input", () => {
  it("reads a card form into digits and a four-digit year", () => {
    expect(cardInputSchema.parse({ number: "4242 4242-4242 4242", expMonth: 12, expYear: 28, cvc: " 123 " })).toEqual({ number: "4242424242424242", expMonth: 12, expYear: 2028, cvc: "123" });
    expect(cardInputSchema.parse({ number: "378282246310005", expMonth: 1, expYear: 2030, cvc: "1234" }).expYear).toBe(2030);
  });

  it("names each card field that is wrong, without echoing the number", () => {
    const input = { number: "4242 abc", expMonth: 13, expYear: 1999, cvc: "12" };
    const result = cardInputSchema.safeParse(input);
    expect(toFieldIssues(result.error?.issues ?? [], input).map(({ path, key }) => ({ path, key }))).toEqual([
      { path: ["number"], key: "validation.card_number_invalid" },
      { path: ["expMonth"], key: "validation.card_expiry_invalid" },
      { path: ["expYear"], key: "validation.card_expiry_invalid" },
      { path: ["cvc"], key: "validation.card_cvc_invalid" },
    ]);
    const long = cardInputSchema.safeParse({ number: "4242424242424242424242", expMonth: 1, expYear: 30, cvc: "123" });
    expect(JSON.stringify(toFieldIssues(long.error?.issues ?? []))).not.toContain("4242");
  });

  it("knows the methods, refund reasons and receipt numbers", () => {
    expect(paymentMethodSchema.parse("terminal")).toBe("terminal");
    expect(paymentMethodSchema.safeParse("bitcoin").error?.issues[0]?.message).toBe("validation.payment_method_invalid");
    expect(refundReasonSchema.parse("keying_error")).toBe("keying_error");
    expect(refundReasonSchema.safeParse("changed_mind").error?.issues[0]?.message).toBe("validation.refund_reason_invalid");
    expect(receiptNumberSchema.parse(" 2026-f-000123 ")).toBe("2026-F-000123");
    for (const value of ["2026-F-123", "2026-F-000000", "F-000001"]) expect(receiptNumberSchema.safeParse(value).error?.issues[0]?.message).toBe("validation.receipt_number_invalid");
  });
});
