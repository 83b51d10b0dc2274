import { assertCurrency, type CurrencyCode } from "./currency.js";
import { PaymentError } from "./errors.js";
import { allocate, divideRoundHalfAwayFromZero, type Money, money, sum, toSafeNumber } from "./money.js";

/**
 * Line items, totals and the tax breakdown, computed exactly in integer minor units.
 *
 * The rounding rule (the one Spanish and Italian invoices follow: the tax is stated per rate on
 * the rate's total base, not added up from rounded line taxes):
 * 1. each line's amount, `quantity × unit price − discount`, is rounded once to the minor unit,
 *    halves away from zero;
 * 2. the lines are summed per tax rate;
 * 3. the tax of each rate is computed on that sum and rounded once the same way:
 *    tax-exclusive prices: `tax = base × rate`, `gross = base + tax`;
 *    tax-inclusive prices: `tax = gross × rate / (1 + rate)`, `base = gross − tax`;
 * 4. the totals are the sums of the rows, so the breakdown always adds up to the total, and with
 *    tax-inclusive prices the total is exactly the sum of the shelf prices.
 * Each line also gets its share of its rate's tax (largest remainder, in proportion to the line
 * amounts), for partial refunds; the shares of a rate add up to the rate's tax.
 */

/** A percentage off the line (`basisPoints`: 1000 = 10 %) or an amount off it, in minor units. */
export type Discount = { readonly kind: "percent"; readonly basisPoints: number } | { readonly kind: "amount"; readonly amount: number };

export interface LineItem {
  /** Positive, whole or with up to 3 decimals (1.5 hours, 0.25 kg). */
  readonly quantity: number;
  /** Tax-inclusive or exclusive as the office's prices are. */
  readonly unitPrice: Money;
  readonly discount?: Discount;
  /** VAT/IVA in basis points: 2100 = 21 %, 2200 = 22 %, 1000, 400, 0. */
  readonly taxRateBasisPoints: number;
}

/** Whether the office's prices include tax (shops, clinics in Spain and Italy) or not. */
export type PriceMode = "tax_inclusive" | "tax_exclusive";

export interface TotalsOptions {
  readonly currency: CurrencyCode;
  readonly prices: PriceMode;
}

export interface LineTotal {
  /** `quantity × unit price`, rounded. */
  readonly subtotal: Money;
  readonly discount: Money;
  /** `subtotal − discount`: what the line adds, before tax or with tax as the prices are. */
  readonly amount: Money;
  readonly taxRateBasisPoints: number;
  /** The line's share of its rate's tax. */
  readonly tax: Money;
  readonly net: Money;
  readonly gross: Money;
}

export interface TaxRow {
  readonly rateBasisPoints: number;
  /** Taxable base (net). */
  readonly base: Money;
  readonly tax: Money;
  /** `base + tax`. */
  readonly gross: Money;
}

export interface Totals {
  readonly currency: CurrencyCode;
  readonly prices: PriceMode;
  readonly lines: readonly LineTotal[];
  /** One row per tax rate, highest rate first. */
  readonly taxes: readonly TaxRow[];
  readonly discount: Money;
  readonly net: Money;
  readonly tax: Money;
  /** What the customer pays. */
  readonly total: Money;
}

const BASIS = 10_000n;
const MAX_QUANTITY = 1_000_000;

/** The quantity in thousandths, or `QUANTITY_INVALID`. */
export function quantityInThousandths(quantity: number): number {
  const thousandths = Math.round(quantity * 1000);
  if (!Number.isFinite(quantity) || quantity <= 0 || quantity > MAX_QUANTITY || thousandths / 1000 !== quantity) {
    throw new PaymentError("QUANTITY_INVALID", `quantity must be positive with at most 3 decimals: ${quantity}`, { quantity });
  }
  return thousandths;
}

/** Refuses a rate that is not whole basis points in 0–10000 with `TAX_RATE_INVALID`. */
export function assertTaxRate(basisPoints: number): number {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
    throw new PaymentError("TAX_RATE_INVALID", `tax rate must be 0–10000 basis points: ${basisPoints}`, { taxRateBasisPoints: basisPoints });
  }
  return basisPoints;
}

function lineAmounts(line: LineItem, currency: CurrencyCode): { subtotal: bigint; discount: bigint } {
  if (line.unitPrice.currency !== currency) {
    throw new PaymentError("CURRENCY_MISMATCH", "line in another currency", { expected: currency, actual: line.unitPrice.currency });
  }
  if (!Number.isSafeInteger(line.unitPrice.amount) || line.unitPrice.amount < 0) {
    throw new PaymentError("AMOUNT_INVALID", "unit price must be a non-negative whole number of minor units", { amount: line.unitPrice.amount });
  }
  assertTaxRate(line.taxRateBasisPoints);
  const subtotal = divideRoundHalfAwayFromZero(BigInt(line.unitPrice.amount) * BigInt(quantityInThousandths(line.quantity)), 1000n);
  const discount = line.discount ? discountOf(line.discount, subtotal) : 0n;
  return { subtotal, discount };
}

function discountOf(discount: Discount, subtotal: bigint): bigint {
  if (discount.kind === "percent") {
    if (!Number.isInteger(discount.basisPoints) || discount.basisPoints < 0 || discount.basisPoints > 10_000) {
      throw new PaymentError("DISCOUNT_INVALID", "a percentage discount is 0–10000 basis points", { basisPoints: discount.basisPoints });
    }
    return divideRoundHalfAwayFromZero(subtotal * BigInt(discount.basisPoints), BASIS);
  }
  if (!Number.isSafeInteger(discount.amount) || discount.amount < 0 || BigInt(discount.amount) > subtotal) {
    throw new PaymentError("DISCOUNT_INVALID", "an amount discount is between zero and the line's amount", { amount: discount.amount, subtotal: subtotal.toString() });
  }
  return BigInt(discount.amount);
}

/** Totals and tax breakdown of `lines` under the rounding rule above. */
export function computeTotals(lines: readonly LineItem[], options: TotalsOptions): Totals {
  const currency = assertCurrency(options.currency);
  const amounts = lines.map((line) => lineAmounts(line, currency));
  const of = (minor: bigint): Money => money(toSafeNumber(minor), currency);

  const byRate = new Map<number, number[]>();
  lines.forEach((line, index) => byRate.set(line.taxRateBasisPoints, [...(byRate.get(line.taxRateBasisPoints) ?? []), index]));

  const lineTax: bigint[] = lines.map(() => 0n);
  const taxes: TaxRow[] = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, indexes]) => {
      const stated = indexes.reduce((total, index) => total + amounts[index]!.subtotal - amounts[index]!.discount, 0n);
      const tax = options.prices === "tax_exclusive" ? divideRoundHalfAwayFromZero(stated * BigInt(rate), BASIS) : divideRoundHalfAwayFromZero(stated * BigInt(rate), BASIS + BigInt(rate));
      const base = options.prices === "tax_exclusive" ? stated : stated - tax;
      if (tax !== 0n) {
        const shares = allocate(of(tax), indexes.map((index) => toSafeNumber(amounts[index]!.subtotal - amounts[index]!.discount)));
        indexes.forEach((index, position) => (lineTax[index] = BigInt(shares[position]!.amount)));
      }
      return { rateBasisPoints: rate, base: of(base), tax: of(tax), gross: of(base + tax) };
    });

  const lineTotals: LineTotal[] = lines.map((line, index) => {
    const { subtotal, discount } = amounts[index]!;
    const amount = subtotal - discount;
    const tax = lineTax[index]!;
    const net = options.prices === "tax_exclusive" ? amount : amount - tax;
    return { subtotal: of(subtotal), discount: of(discount), amount: of(amount), taxRateBasisPoints: line.taxRateBasisPoints, tax: of(tax), net: of(net), gross: of(net + tax) };
  });

  return {
    currency,
    prices: options.prices,
    lines: lineTotals,
    taxes,
    discount: sum(lineTotals.map((line) => line.discount), currency),
    net: sum(taxes.map((row) => row.base), currency),
    tax: sum(taxes.map((row) => row.tax), currency),
    total: sum(taxes.map((row) => row.gross), currency),
  };
}
