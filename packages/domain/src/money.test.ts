import { describe, expect, it } from "vitest";
import { discountInputSchema, lineItemInputSchema, moneyInputSchema, positiveAmountMinorSchema, priceModeSchema, quantitySchema, taxRateBasisPointsSchema, toFieldIssues } from "./index.js";

/** The field and translation key of each problem (the min/max params left out). */
const keysOf = (result: { success: boolean; error?: { issues: Parameters<typeof toFieldIssues>[0] } }, input?: unknown) =>
  toFieldIssues(result.error?.issues ?? [], input).map(({ path, key }) => ({ path, key }));

describe("money input", () => {
  it("takes whole minor units in a known currency", () => {
    expect(moneyInputSchema.parse({ amountMinor: 1999, currency: "eur" })).toEqual({ amountMinor: 1999, currency: "EUR" });
    expect(keysOf(moneyInputSchema.safeParse({ amountMinor: 19.99, currency: "EURO" }))).toEqual([
      { path: ["amountMinor"], key: "validation.amount_invalid" },
      { path: ["currency"], key: "validation.currency_invalid" },
    ]);
    expect(keysOf(moneyInputSchema.safeParse({ amountMinor: -1, currency: "EUR" }))).toEqual([{ path: ["amountMinor"], key: "validation.too_small" }]);
    expect(positiveAmountMinorSchema.safeParse(0).success).toBe(false);
    expect(positiveAmountMinorSchema.safeParse(100_000_001).success).toBe(false);
  });

  it("takes tax rates in basis points and quantities with up to three decimals", () => {
    expect(taxRateBasisPointsSchema.parse(2100)).toBe(2100);
    for (const rate of [-1, 10_001, 21.5]) expect(keysOf(taxRateBasisPointsSchema.safeParse(rate))).toEqual([{ path: [], key: "validation.tax_rate_invalid" }]);
    expect(quantitySchema.parse(1.125)).toBe(1.125);
    for (const quantity of [0, -1, 1.0005]) expect(keysOf(quantitySchema.safeParse(quantity))).toEqual([{ path: [], key: "validation.quantity_invalid" }]);
    expect(priceModeSchema.safeParse("gross").error?.issues[0]?.message).toBe("validation.price_mode_invalid");
  });

  it("takes a line with a discount no larger than the line", () => {
    expect(lineItemInputSchema.parse({ description: " Cleaning ", unitPriceMinor: 6000, taxRateBasisPoints: 0 })).toEqual({ description: "Cleaning", quantity: 1, unitPriceMinor: 6000, taxRateBasisPoints: 0 });
    expect(lineItemInputSchema.parse({ description: "Brush", quantity: 2, unitPriceMinor: 2420, discount: { kind: "percent", basisPoints: 1000 }, taxRateBasisPoints: 2100 }).discount).toEqual({ kind: "percent", basisPoints: 1000 });
    expect(keysOf(lineItemInputSchema.safeParse({ description: "Brush", quantity: 2, unitPriceMinor: 100, discount: { kind: "amount", amountMinor: 201 }, taxRateBasisPoints: 2100 }))).toEqual([
      { path: ["discount", "amountMinor"], key: "validation.discount_invalid" },
    ]);
    // 0.5 × 5 minor units = 2.5, rounded half up: up to 3 off.
    const half = { description: "Half", quantity: 0.5, unitPriceMinor: 5, taxRateBasisPoints: 0 };
    expect(lineItemInputSchema.safeParse({ ...half, discount: { kind: "amount", amountMinor: 3 } }).success).toBe(true);
    expect(lineItemInputSchema.safeParse({ ...half, discount: { kind: "amount", amountMinor: 4 } }).success).toBe(false);
    expect(keysOf(discountInputSchema.safeParse({ kind: "percent", basisPoints: 10_001 }))).toEqual([{ path: ["basisPoints"], key: "validation.discount_invalid" }]);
    expect(keysOf(discountInputSchema.safeParse({ kind: "half" }))).toEqual([{ path: ["kind"], key: "validation.discount_invalid" }]);
    const input = { description: "", unitPriceMinor: 1, taxRateBasisPoints: 2100 };
    expect(keysOf(lineItemInputSchema.safeParse(input), input)).toEqual([{ path: ["description"], key: "validation.required" }]);
  });
});
