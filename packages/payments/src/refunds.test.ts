import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, computeTotals, type LineItem, money, type PriceMode, refundBreakdown, type TaxRow } from "./index.js";

const eur = (amount: number) => money(amount, "EUR");

describe("refundBreakdown", () => {
  const sale = computeTotals(
    [
      { quantity: 1, unitPrice: eur(12200), taxRateBasisPoints: 2200 },
      { quantity: 1, unitPrice: eur(5000), taxRateBasisPoints: 0 },
    ],
    { currency: "EUR", prices: "tax_inclusive" },
  );

  it("shares a partial refund among the rates and takes the tax out of each share", () => {
    // €86.00 of €172.00: half of each rate.
    expect(refundBreakdown(sale, eur(8600))).toEqual([
      { rateBasisPoints: 2200, base: eur(5000), tax: eur(1100), gross: eur(6100) },
      { rateBasisPoints: 0, base: eur(2500), tax: eur(0), gross: eur(2500) },
    ]);
  });

  it("gives back exactly the sale's base and tax once refunded in full, in any number of parts", () => {
    const first = refundBreakdown(sale, eur(1001));
    const second = refundBreakdown(sale, eur(17200 - 1001), [first]);
    const total = (part: "base" | "tax", rate: number) => [...first, ...second].filter((row) => row.rateBasisPoints === rate).reduce((sum, row) => sum + row[part].amount, 0);
    expect(total("base", 2200)).toBe(10000);
    expect(total("tax", 2200)).toBe(2200);
    expect(total("base", 0)).toBe(5000);
    expect(() => refundBreakdown(sale, eur(1), [first, second])).toThrow(expect.objectContaining({ code: "REFUND_EXCEEDS_CAPTURED", details: { amount: 1, refundable: 0 } }));
  });

  it("refuses what makes no sense", () => {
    expect(() => refundBreakdown(sale, eur(17201))).toThrow(expect.objectContaining({ code: "REFUND_EXCEEDS_CAPTURED" }));
    expect(() => refundBreakdown(sale, eur(0))).toThrow(expect.objectContaining({ code: "AMOUNT_INVALID" }));
    expect(() => refundBreakdown(sale, money(100, "USD"))).toThrow(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
  });

  const line: fc.Arbitrary<LineItem> = fc.record({
    quantity: fc.integer({ min: 1, max: 5 }),
    unitPrice: fc.integer({ min: 1, max: 100_000 }).map(eur),
    taxRateBasisPoints: fc.constantFrom(0, 400, 1000, 2100, 2200),
  });

  it("always adds up to the refund, and the parts of a full refund to the sale exactly", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.constantFrom<PriceMode>("tax_exclusive", "tax_inclusive"), fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 6 }), (lines, prices, weights) => {
        const totals = computeTotals(lines, { currency: "EUR", prices });
        // Split the whole sale into refunds of random sizes; the last one takes the rest.
        const parts = allocate(totals.total, [...weights, 1]).map((share) => share.amount);
        const done: TaxRow[][] = [];
        for (const part of parts.filter((amount) => amount > 0)) {
          const rows = refundBreakdown(totals, eur(part), done);
          expect(rows.reduce((sum, row) => sum + row.gross.amount, 0)).toBe(part);
          for (const row of rows) {
            expect(row.base.amount + row.tax.amount).toBe(row.gross.amount);
            expect(row.tax.amount).toBeGreaterThanOrEqual(0);
            expect(row.base.amount).toBeGreaterThanOrEqual(0);
          }
          done.push(rows);
        }
        for (const row of totals.taxes) {
          const given = done.flat().filter((item) => item.rateBasisPoints === row.rateBasisPoints);
          expect(given.reduce((sum, item) => sum + item.tax.amount, 0)).toBe(row.tax.amount);
          expect(given.reduce((sum, item) => sum + item.base.amount, 0)).toBe(row.base.amount);
        }
      }),
    );
  });
});
