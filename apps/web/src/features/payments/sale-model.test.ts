import { describe, expect, it } from "vitest";
import { parseTaxRate, productInputFrom } from "./product-model";
import { changeDue, chargeInputFor, checkCardFields, lineProblems, outcomeUnknown, parseAmountMinor, parseQuantity, paymentAmount, paymentErrorKey, saleTotals, type CartLine } from "./sale-model";

const brush = { id: "00000000-0000-4000-8000-000000000001", name: "Cepillo interdental", unitPriceMinor: 2420, taxRateBasisPoints: 2100 };
const cleaning = { id: "00000000-0000-4000-8000-000000000002", name: "Limpieza", unitPriceMinor: 6000, taxRateBasisPoints: 0 };
const line = (product: CartLine["product"], quantity = "1", discount = "", fromAppointment = false): CartLine => ({ product, quantity, discount, fromAppointment });

/** A tRPC error as it arrives from the server (data.code, data.details). */
const serverError = (code: string, details?: Record<string, unknown>) => Object.assign(new Error(code), { name: "TRPCClientError", data: { code, ...(details ? { details } : {}) } });

describe("the desk's sale", () => {
  it("reads amounts and quantities as staff type them", () => {
    expect(parseAmountMinor("12.50", "EUR")).toBe(1250);
    expect(parseAmountMinor("12,5", "EUR")).toBe(1250);
    expect(parseAmountMinor("", "EUR")).toBe(0);
    expect(parseAmountMinor("1.234", "EUR")).toBeNull();
    expect(parseAmountMinor("-3", "EUR")).toBeNull();
    expect(parseAmountMinor("1500", "JPY")).toBe(1500);
    expect(parseQuantity("1,5")).toBe(1.5);
    expect(parseQuantity("0")).toBeNull();
    expect(parseQuantity("1.2345")).toBeNull();
    expect(parseQuantity("")).toBeNull();
  });

  it("totals a tax-inclusive sale with its VAT per rate, as the README's example", () => {
    // Two toothbrushes at €24.20 (21 %) with €4.84 off, and a cleaning exempt of IVA.
    const totals = saleTotals([line(cleaning), line(brush, "2", "4.84")], { currency: "EUR", pricesIncludeTax: true });
    expect(totals?.total.amount).toBe(10356);
    expect(totals?.taxes.map((row) => [row.rateBasisPoints, row.base.amount, row.tax.amount])).toEqual([
      [2100, 3600, 756],
      [0, 6000, 0],
    ]);
    expect(totals?.lines.map((total) => total.amount.amount)).toEqual([6000, 4356]);
  });

  it("adds the tax when the office's prices exclude it", () => {
    const totals = saleTotals([line(brush)], { currency: "EUR", pricesIncludeTax: false });
    expect([totals?.net.amount, totals?.tax.amount, totals?.total.amount]).toEqual([2420, 508, 2928]);
  });

  it("refuses a discount above the line, or text that is not a number, field by field", () => {
    expect(lineProblems(line(brush, "1", "24.21"), "EUR")).toEqual([{ field: "discount", key: "validation.discount_invalid" }]);
    expect(lineProblems(line(brush, "1", "24.20"), "EUR")).toEqual([]);
    expect(lineProblems(line(brush, "two", "x"), "EUR").map((problem) => problem.field)).toEqual(["quantity", "discount"]);
    expect(saleTotals([line(brush, "two")], { currency: "EUR", pricesIncludeTax: true })).toBeNull();
    expect(saleTotals([], { currency: "EUR", pricesIncludeTax: true })).toBeNull();
  });

  it("pays part of what is owed, all of it by default, never more", () => {
    expect(paymentAmount("", 8470, "EUR")).toEqual({ ok: true, amountMinor: 8470 });
    expect(paymentAmount("20,00", 8470, "EUR")).toEqual({ ok: true, amountMinor: 2000 });
    expect(paymentAmount("84.70", 8470, "EUR")).toEqual({ ok: true, amountMinor: 8470 });
    expect(paymentAmount("84.71", 8470, "EUR")).toEqual({ ok: false, key: "errors.AMOUNT_ABOVE_BALANCE" });
    expect(paymentAmount("0", 8470, "EUR")).toEqual({ ok: false, key: "validation.amount_invalid" });
    expect(paymentAmount("abc", 8470, "EUR")).toEqual({ ok: false, key: "validation.amount_invalid" });
  });

  it("sends products as lines and the appointment's service as the appointment", () => {
    const input = chargeInputFor({
      idempotencyKey: "sale-attempt-1",
      officeId: "office",
      customer: { clientId: "client" },
      appointmentId: "appointment",
      lines: [line(cleaning, "1", "", true), line(brush, "2", "1.00")],
      currency: "EUR",
    });
    expect(input).toEqual({ idempotencyKey: "sale-attempt-1", officeId: "office", clientId: "client", appointmentId: "appointment", lines: [{ productId: brush.id, quantity: 2, discountMinor: 100 }] });
    expect(chargeInputFor({ idempotencyKey: "sale-attempt-2", officeId: "office", customer: { walkInName: "  Ana  " }, lines: [line(brush)], currency: "EUR" })).toEqual({
      idempotencyKey: "sale-attempt-2",
      officeId: "office",
      walkInName: "Ana",
      lines: [{ productId: brush.id, quantity: 1 }],
    });
  });

  it("counts the change only when enough cash was handed over", () => {
    expect(changeDue(5000, 4356)).toBe(644);
    expect(changeDue(4356, 4356)).toBe(0);
    expect(changeDue(4000, 4356)).toBeNull();
    expect(changeDue(null, 4356)).toBeNull();
  });
});

describe("the sandbox card form", () => {
  const today = "2026-11-23";

  it("accepts a test card and gives back its digits, brand and last four", () => {
    const checked = checkCardFields({ number: "4242 4242 4242 4242", expMonth: "12", expYear: "30", cvc: "123" }, today);
    expect(checked).toEqual({ ok: true, card: { number: "4242424242424242", expMonth: 12, expYear: 2030, cvc: "123" }, brand: "visa", last4: "4242" });
  });

  it("names each wrong field with the domain's and the payment rules' messages", () => {
    expect(checkCardFields({ number: "4242 4242 4242 4241", expMonth: "12", expYear: "2030", cvc: "123" }, today)).toEqual({ ok: false, errors: { number: "errors.CARD_NUMBER_INVALID" } });
    expect(checkCardFields({ number: "3782 822463 10005", expMonth: "10", expYear: "2026", cvc: "123" }, today)).toEqual({
      ok: false,
      errors: { expiry: "errors.CARD_EXPIRED", cvc: "errors.CARD_CVC_INVALID" },
    });
    expect(checkCardFields({ number: "42", expMonth: "13", expYear: "", cvc: "1" }, today)).toEqual({
      ok: false,
      errors: { number: "validation.card_number_invalid", expiry: "validation.card_expiry_invalid", cvc: "validation.card_cvc_invalid" },
    });
  });

  it("tells a decline by its reason, and retries only when the outcome is unknown", () => {
    expect(paymentErrorKey(serverError("PAYMENT_DECLINED", { declineCode: "insufficient_funds", paymentId: "p" }))).toBe("errors.CARD_INSUFFICIENT_FUNDS");
    expect(paymentErrorKey(serverError("PAYMENT_DECLINED", { declineCode: "card_declined" }))).toBe("errors.CARD_DECLINED");
    expect(paymentErrorKey(serverError("PAYMENT_DECLINED", { declineCode: "something new" }))).toBe("errors.PAYMENT_DECLINED");
    expect(paymentErrorKey(serverError("DAY_CLOSED"))).toBe("errors.DAY_CLOSED");
    expect(outcomeUnknown(serverError("PAYMENT_DECLINED"))).toBe(false);
    expect(outcomeUnknown(serverError("INTERNAL"))).toBe(true);
    expect(outcomeUnknown(Object.assign(new TypeError("Failed to fetch"), { name: "TypeError" }))).toBe(true);
  });
});

describe("the catalog form", () => {
  it("reads tax rates as percentages", () => {
    expect(parseTaxRate("21")).toBe(2100);
    expect(parseTaxRate("10,5 %")).toBe(1050);
    expect(parseTaxRate("0")).toBe(0);
    expect(parseTaxRate("101")).toBeNull();
    expect(parseTaxRate("abc")).toBeNull();
  });

  it("builds the create input or names the wrong fields", () => {
    expect(productInputFrom({ name: " Kit ", price: "89", taxRate: "21" }, "00000000-0000-4000-8000-000000000009", "EUR")).toEqual({
      ok: true,
      input: { officeId: "00000000-0000-4000-8000-000000000009", name: "Kit", unitPriceMinor: 8900, taxRateBasisPoints: 2100 },
    });
    const wrong = productInputFrom({ name: "", price: "8.999", taxRate: "200" }, "00000000-0000-4000-8000-000000000009", "EUR");
    expect(wrong.ok).toBe(false);
    expect(Object.keys(wrong.ok ? {} : wrong.issues).sort()).toEqual(["name", "price", "taxRate"]);
  });
});
