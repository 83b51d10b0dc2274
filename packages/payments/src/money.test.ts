import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, allocate, compare, CURRENCY_CODES, divideRoundHalfAwayFromZero, formatMoney, isKnownCurrency, minorUnitExponent, money, negate, parseMoney, splitEvenly, subtract, sum, toDecimalString, zero } from "./index.js";

const eur = (amount: number) => money(amount, "EUR");

describe("currencies", () => {
  it("knows the minor-unit exponent of each currency", () => {
    expect(minorUnitExponent("EUR")).toBe(2);
    expect(minorUnitExponent("USD")).toBe(2);
    expect(minorUnitExponent("JPY")).toBe(0);
    expect(minorUnitExponent("KRW")).toBe(0);
    expect(minorUnitExponent("KWD")).toBe(3);
    expect(minorUnitExponent("TND")).toBe(3);
  });

  it("refuses an unknown currency with a code", () => {
    for (const code of ["XXX", "EURO", "eur", "", "XAU"]) {
      expect(() => money(100, code)).toThrow(expect.objectContaining({ code: "CURRENCY_UNKNOWN", details: { currency: code } }));
    }
    expect(isKnownCurrency("GBP")).toBe(true);
    expect(isKnownCurrency(42)).toBe(false);
  });

  it("lists codes every runtime Intl can format", () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    for (const code of CURRENCY_CODES) expect(() => new Intl.NumberFormat("en", { style: "currency", currency: code })).not.toThrow();
  });
});

describe("money", () => {
  it("is whole minor units only", () => {
    expect(eur(1999)).toEqual({ amount: 1999, currency: "EUR" });
    for (const amount of [0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => eur(amount)).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    }
    expect(Object.is(negate(zero("EUR")).amount, 0)).toBe(true);
  });

  it("adds, subtracts and compares in one currency only", () => {
    expect(add(eur(1050), eur(250))).toEqual(eur(1300));
    expect(subtract(eur(1050), eur(2000))).toEqual(eur(-950));
    expect(sum([eur(1), eur(2), eur(3)], "EUR")).toEqual(eur(6));
    expect(sum([], "JPY")).toEqual(money(0, "JPY"));
    expect(compare(eur(1), eur(2))).toBe(-1);
    expect(() => add(eur(1), money(1, "USD"))).toThrow(expect.objectContaining({ code: "CURRENCY_MISMATCH", details: { expected: "EUR", actual: "USD" } }));
  });

  it("reads and writes decimal strings exactly", () => {
    expect(parseMoney("19.99", "EUR")).toEqual(eur(1999));
    expect(parseMoney("0.1", "EUR")).toEqual(eur(10));
    expect(parseMoney("-3", "EUR")).toEqual(eur(-300));
    expect(parseMoney("1500", "JPY")).toEqual(money(1500, "JPY"));
    expect(parseMoney("1.234", "KWD")).toEqual(money(1234, "KWD"));
    for (const [text, currency] of [["1.999", "EUR"], ["1.5", "JPY"], ["1,50", "EUR"], ["abc", "EUR"], ["", "EUR"], ["1e3", "EUR"]] as const) {
      expect(() => parseMoney(text, currency)).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    }
    expect(toDecimalString(eur(5))).toBe("0.05");
    expect(toDecimalString(eur(-1999))).toBe("-19.99");
    expect(toDecimalString(money(500, "JPY"))).toBe("500");
    expect(toDecimalString(money(1, "KWD"))).toBe("0.001");
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom("EUR", "JPY", "KWD"), (amount, currency) => {
      expect(parseMoney(toDecimalString(money(amount, currency)), currency)).toEqual(money(amount, currency));
    }));
  });

  it("rounds halves away from zero", () => {
    expect(divideRoundHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideRoundHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideRoundHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divideRoundHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(divideRoundHalfAwayFromZero(5n, -2n)).toBe(-3n);
  });

  it("formats with Intl for the locale, with the currency's decimals", () => {
    expect(formatMoney(eur(123450), "en")).toBe("€1,234.50");
    expect(formatMoney(eur(123450), "es").replace(/\s/g, " ")).toBe("1234,50 €");
    expect(formatMoney(eur(123456789), "it").replace(/\s/g, " ")).toBe("1.234.567,89 €");
    expect(formatMoney(money(1500, "JPY"), "en")).toBe("¥1,500");
    expect(formatMoney(money(1234, "KWD"), "en")).toMatch(/1\.234/);
    expect(formatMoney(eur(-999), "en")).toBe("-€9.99");
  });
});

describe("allocate", () => {
  it("splits without losing a cent, largest remainders first", () => {
    expect(allocate(eur(10000), [1, 1, 1]).map((share) => share.amount)).toEqual([3334, 3333, 3333]);
    expect(allocate(eur(5), [3, 7]).map((share) => share.amount)).toEqual([2, 3]);
    expect(allocate(eur(-10000), [1, 1, 1]).map((share) => share.amount)).toEqual([-3334, -3333, -3333]);
    expect(allocate(eur(100), [0, 1]).map((share) => share.amount)).toEqual([0, 100]);
    expect(splitEvenly(eur(101), 2).map((share) => share.amount)).toEqual([51, 50]);
    expect(() => allocate(eur(100), [])).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => allocate(eur(100), [0, 0])).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => allocate(eur(100), [1.5])).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
  });

  it("always adds up to the amount, each share within one unit of its exact part", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }).filter((ratios) => ratios.some((ratio) => ratio > 0)), (amount, ratios) => {
        const shares = allocate(eur(amount), ratios);
        expect(shares.reduce((total, share) => total + share.amount, 0)).toBe(amount);
        const weight = ratios.reduce((a, b) => a + b, 0);
        shares.forEach((share, index) => expect(Math.abs(share.amount - (amount * ratios[index]!) / weight)).toBeLessThan(1));
      }),
    );
  });
});
