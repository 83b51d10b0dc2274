import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cardBrand, checkCard, cvcLength, isCardExpired, isValidCardNumber, luhnValid, maskCardNumber } from "./index.js";

describe("card checks", () => {
  it("runs the Luhn check", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("4242 4242")).toBe(false);
  });

  it("finds any single wrong digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), fc.nat(15), fc.integer({ min: 1, max: 9 }), (body, position, change) => {
        const check = [...Array(10).keys()].find((digit) => luhnValid(body + digit))!;
        const valid = body + check;
        const digits = [...valid];
        digits[position] = String((Number(digits[position]) + change) % 10);
        expect(luhnValid(digits.join(""))).toBe(false);
      }),
    );
  });

  it.each([
    ["4242 4242 4242 4242", "visa"],
    ["4222222222222", "visa"],
    ["5555-5555-5555-4444", "mastercard"],
    ["2223003122003222", "mastercard"],
    ["378282246310005", "amex"],
    ["371449635398431", "amex"],
    ["6011111111111117", "discover"],
    ["6445644564456445", "discover"],
    ["6221260000000000", "discover"],
    ["6200000000000005", "unionpay"],
    ["30569309025904", "diners"],
    ["3566002020360505", "jcb"],
    ["6759649826438453", "maestro"],
    ["5018000000000009", "maestro"],
  ])("tells %s is %s", (number, brand) => {
    expect(cardBrand(number)).toBe(brand);
  });

  it("knows no brand for other numbers", () => {
    expect(cardBrand("9999999999999995")).toBeUndefined();
    expect(cardBrand("")).toBeUndefined();
    expect(isValidCardNumber("9999999999999995")).toBe(false);
  });

  it("wants the brand's length and a valid check digit", () => {
    expect(isValidCardNumber("4242424242424242")).toBe(true);
    expect(isValidCardNumber("424242424242424")).toBe(false);
    expect(isValidCardNumber("3782822463100050")).toBe(false);
    expect(isValidCardNumber("4242424242424241")).toBe(false);
  });

  it("has security codes of 4 digits on American Express, 3 on the others", () => {
    expect(cvcLength("amex")).toBe(4);
    expect(cvcLength("visa")).toBe(3);
    expect(cvcLength("maestro")).toBe(3);
  });

  it("keeps a card good through the last day of its expiry month", () => {
    expect(isCardExpired(11, 2026, "2026-11-30")).toBe(false);
    expect(isCardExpired(11, 2026, "2026-12-01")).toBe(true);
    expect(isCardExpired(12, 26, "2026-12-31")).toBe(false);
    expect(isCardExpired(1, 2027, "2026-12-31")).toBe(false);
    expect(isCardExpired(12, 2025, "2026-01-01")).toBe(true);
  });

  it("checks a card form at once and gives back no number", () => {
    const today = "2026-11-23";
    const good = checkCard({ number: "4242 4242 4242 4242", expMonth: 11, expYear: 2026, cvc: "123" }, today);
    expect(good).toEqual({ ok: true, brand: "visa", last4: "4242", expMonth: 11, expYear: 2026 });
    expect(JSON.stringify(good)).not.toContain("42424242");
    expect(checkCard({ number: "378282246310005", expMonth: 1, expYear: 30, cvc: "1234" }, today)).toMatchObject({ ok: true, brand: "amex", expYear: 2030 });

    expect(checkCard({ number: "4242424242424241", expMonth: 10, expYear: 2026, cvc: "12" }, today)).toEqual({
      ok: false,
      problems: [
        { field: "number", code: "CARD_NUMBER_INVALID" },
        { field: "expiry", code: "CARD_EXPIRED" },
        { field: "cvc", code: "CARD_CVC_INVALID" },
      ],
    });
    expect(checkCard({ number: "378282246310005", expMonth: 13, expYear: 2027, cvc: "123" }, today)).toEqual({
      ok: false,
      problems: [
        { field: "expiry", code: "CARD_EXPIRY_INVALID" },
        { field: "cvc", code: "CARD_CVC_INVALID" },
      ],
    });
    expect(checkCard({ number: "4242424242424242", expMonth: 1, expYear: 2099, cvc: "123" }, today)).toMatchObject({ ok: false, problems: [{ code: "CARD_EXPIRY_INVALID" }] });
    expect(maskCardNumber("4242")).toBe("•••• 4242");
  });
});
