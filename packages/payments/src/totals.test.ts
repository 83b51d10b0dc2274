import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTotals, type LineItem, money, type PriceMode } from "./index.js";

const eur = (amount: number) => money(amount, "EUR");
const amounts = (values: readonly { amount: number }[]) => values.map((value) => value.amount);

describe("computeTotals", () => {
  it("rounds each line once, then states the tax per rate on the rate's base (tax-exclusive)", () => {
    const totals = computeTotals(
      [
        { quantity: 3, unitPrice: eur(333), taxRateBasisPoints: 2100 },
        { quantity: 1, unitPrice: eur(1000), discount: { kind: "percent", basisPoints: 1000 }, taxRateBasisPoints: 1000 },
        // 0.5 × €0.05 = €0.025: the half rounds away from zero, to €0.03.
        { quantity: 0.5, unitPrice: eur(5), taxRateBasisPoints: 2100 },
      ],
      { currency: "EUR", prices: "tax_exclusive" },
    );
    expect(amounts(totals.lines.map((line) => line.amount))).toEqual([999, 900, 3]);
    expect(totals.taxes).toEqual([
      // 21 % of €10.02 = €2.1042
      { rateBasisPoints: 2100, base: eur(1002), tax: eur(210), gross: eur(1212) },
      { rateBasisPoints: 1000, base: eur(900), tax: eur(90), gross: eur(990) },
    ]);
    expect(totals.discount).toEqual(eur(100));
    expect(totals.net).toEqual(eur(1902));
    expect(totals.tax).toEqual(eur(300));
    expect(totals.total).toEqual(eur(2202));
    // The rate's tax shared among its lines: 210 × 999/1002 and 210 × 3/1002.
    expect(amounts(totals.lines.map((line) => line.tax))).toEqual([209, 90, 1]);
  });

  it("takes the tax out of tax-inclusive prices per rate, so the total is the shelf prices' sum", () => {
    // Three €1.00 items at 21 %: per rate, tax = 3.00 × 21/121 = 0.5207 → €0.52 (per line it would be 3 × €0.17 = €0.51).
    const spain = computeTotals([{ quantity: 3, unitPrice: eur(100), taxRateBasisPoints: 2100 }], { currency: "EUR", prices: "tax_inclusive" });
    expect(spain.taxes).toEqual([{ rateBasisPoints: 2100, base: eur(248), tax: eur(52), gross: eur(300) }]);
    expect(spain.total).toEqual(eur(300));
    expect(spain.lines[0]).toMatchObject({ amount: eur(300), tax: eur(52), net: eur(248), gross: eur(300) });

    const italy = computeTotals(
      [
        { quantity: 1, unitPrice: eur(12200), taxRateBasisPoints: 2200 },
        { quantity: 2, unitPrice: eur(1040), discount: { kind: "amount", amount: 80 }, taxRateBasisPoints: 400 },
        { quantity: 1, unitPrice: eur(500), taxRateBasisPoints: 0 },
      ],
      { currency: "EUR", prices: "tax_inclusive" },
    );
    expect(italy.taxes).toEqual([
      { rateBasisPoints: 2200, base: eur(10000), tax: eur(2200), gross: eur(12200) },
      { rateBasisPoints: 400, base: eur(1923), tax: eur(77), gross: eur(2000) },
      { rateBasisPoints: 0, base: eur(500), tax: eur(0), gross: eur(500) },
    ]);
    expect(italy.total).toEqual(eur(14700));
  });

  it("works in currencies without decimals", () => {
    const totals = computeTotals([{ quantity: 1.5, unitPrice: money(1001, "JPY"), taxRateBasisPoints: 1000 }], { currency: "JPY", prices: "tax_exclusive" });
    // 1.5 × ¥1001 = ¥1501.5 → ¥1502; 10 % = ¥150.2 → ¥150.
    expect(totals.total).toEqual(money(1652, "JPY"));
  });

  it("gives an empty sale zero totals", () => {
    const totals = computeTotals([], { currency: "EUR", prices: "tax_inclusive" });
    expect(totals).toMatchObject({ lines: [], taxes: [], net: eur(0), tax: eur(0), total: eur(0) });
  });

  it.each<[string, LineItem, string]>([
    ["a zero quantity", { quantity: 0, unitPrice: eur(100), taxRateBasisPoints: 2100 }, "QUANTITY_INVALID"],
    ["a negative quantity", { quantity: -1, unitPrice: eur(100), taxRateBasisPoints: 2100 }, "QUANTITY_INVALID"],
    ["four decimals", { quantity: 1.0005, unitPrice: eur(100), taxRateBasisPoints: 2100 }, "QUANTITY_INVALID"],
    ["a fractional rate", { quantity: 1, unitPrice: eur(100), taxRateBasisPoints: 21.5 }, "TAX_RATE_INVALID"],
    ["a rate over 100 %", { quantity: 1, unitPrice: eur(100), taxRateBasisPoints: 10_001 }, "TAX_RATE_INVALID"],
    ["a negative price", { quantity: 1, unitPrice: eur(-100), taxRateBasisPoints: 2100 }, "AMOUNT_INVALID"],
    ["a dollar line on a euro sale", { quantity: 1, unitPrice: money(100, "USD"), taxRateBasisPoints: 0 }, "CURRENCY_MISMATCH"],
    ["a discount over the line", { quantity: 1, unitPrice: eur(100), discount: { kind: "amount", amount: 101 }, taxRateBasisPoints: 0 }, "DISCOUNT_INVALID"],
    ["a discount over 100 %", { quantity: 1, unitPrice: eur(100), discount: { kind: "percent", basisPoints: 10_001 }, taxRateBasisPoints: 0 }, "DISCOUNT_INVALID"],
  ])("refuses %s", (_name, line, code) => {
    expect(() => computeTotals([line], { currency: "EUR", prices: "tax_exclusive" })).toThrow(expect.objectContaining({ code }));
  });

  const line: fc.Arbitrary<LineItem> = fc.record({
    quantity: fc.integer({ min: 1, max: 100_000 }).map((thousandths) => thousandths / 1000),
    unitPrice: fc.integer({ min: 0, max: 10_000_000 }).map(eur),
    discount: fc.option(fc.oneof(fc.record({ kind: fc.constant("percent" as const), basisPoints: fc.integer({ min: 0, max: 10_000 }) }), fc.record({ kind: fc.constant("amount" as const), amount: fc.integer({ min: 0, max: 50 }) })), { nil: undefined }),
    taxRateBasisPoints: fc.constantFrom(0, 400, 500, 1000, 2100, 2200, 1234),
  }).map((item) => (item.discount?.kind === "amount" && item.discount.amount > Math.floor(item.quantity * item.unitPrice.amount) ? { ...item, discount: undefined } : item));

  it("always has a breakdown that adds up to the total, in both price modes", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 15 }), fc.constantFrom<PriceMode>("tax_exclusive", "tax_inclusive"), (lines, prices) => {
        const totals = computeTotals(lines, { currency: "EUR", prices });
        const add = (values: readonly { amount: number }[]) => values.reduce((total, value) => total + value.amount, 0);
        expect(add(totals.taxes.map((row) => row.gross))).toBe(totals.total.amount);
        expect(add(totals.taxes.map((row) => row.base))).toBe(totals.net.amount);
        expect(add(totals.taxes.map((row) => row.tax))).toBe(totals.tax.amount);
        expect(totals.net.amount + totals.tax.amount).toBe(totals.total.amount);
        expect(add(totals.lines.map((row) => row.gross))).toBe(totals.total.amount);
        const lineAmounts = add(totals.lines.map((row) => row.amount));
        expect(prices === "tax_inclusive" ? totals.total.amount : totals.net.amount).toBe(lineAmounts);
        for (const row of totals.taxes) {
          expect(row.base.amount + row.tax.amount).toBe(row.gross.amount);
          // The tax is the exact tax of the base, rounded once: within half a cent.
          const exact = prices === "tax_exclusive" ? (row.base.amount * row.rateBasisPoints) / 10_000 : (row.gross.amount * row.rateBasisPoints) / (10_000 + row.rateBasisPoints);
          expect(Math.abs(row.tax.amount - exact)).toBeLessThanOrEqual(0.5 + 1e-9);
          expect(add(totals.lines.filter((item) => item.taxRateBasisPoints === row.rateBasisPoints).map((item) => item.tax))).toBe(row.tax.amount);
        }
      }),
    );
  });
});
