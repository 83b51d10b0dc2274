import { PaymentError } from "./errors.js";
import { allocate, divideRoundHalfAwayFromZero, type Money, money, toSafeNumber } from "./money.js";
import type { TaxRow, Totals } from "./totals.js";

/**
 * How much of a refund is tax, rate by rate: what a correction document states and what the
 * ledger takes back from `tax_payable`.
 *
 * The refund is shared among the sale's rates in proportion to what is left of each rate's gross
 * (largest remainder, so the rows add up to the refund exactly); each share's tax is taken out
 * as from a tax-inclusive price and rounded once, kept within what is left of the rate's tax and
 * base. A share that is all that is left of a rate takes exactly what is left, so a sale refunded
 * in any number of parts gives back exactly its base and its tax, never a cent more or less.
 *
 * `previous`: the breakdowns of the sale's earlier refunds. Refuses more than is left of the sale
 * with `REFUND_EXCEEDS_CAPTURED`, and a non-positive amount or another currency.
 */
export function refundBreakdown(totals: Totals, amount: Money, previous: readonly (readonly TaxRow[])[] = []): TaxRow[] {
  if (amount.currency !== totals.currency) {
    throw new PaymentError("CURRENCY_MISMATCH", "refund in another currency than the sale", { expected: totals.currency, actual: amount.currency });
  }
  if (!Number.isSafeInteger(amount.amount) || amount.amount <= 0) throw new PaymentError("AMOUNT_INVALID", "a refund is positive", { amount: amount.amount });

  const given = (rate: number, part: "base" | "tax") =>
    previous.flat().reduce((total, row) => (row.rateBasisPoints === rate ? total + row[part].amount : total), 0);
  const left = totals.taxes.map((row) => ({ rate: row.rateBasisPoints, base: row.base.amount - given(row.rateBasisPoints, "base"), tax: row.tax.amount - given(row.rateBasisPoints, "tax") }));
  const refundable = left.reduce((total, row) => total + row.base + row.tax, 0);
  if (amount.amount > refundable) {
    throw new PaymentError("REFUND_EXCEEDS_CAPTURED", `refund ${amount.amount} exceeds the ${refundable} left of the sale`, { amount: amount.amount, refundable });
  }

  const shares = allocate(amount, left.map((row) => row.base + row.tax));
  const of = (minor: number) => money(minor, totals.currency);
  return left
    .map((row, index) => {
      const share = shares[index]!.amount;
      if (share === row.base + row.tax) return { rateBasisPoints: row.rate, base: of(row.base), tax: of(row.tax), gross: of(share) };
      const rounded = toSafeNumber(divideRoundHalfAwayFromZero(BigInt(share) * BigInt(row.rate), 10_000n + BigInt(row.rate)));
      const tax = Math.min(Math.max(rounded, share - row.base, 0), row.tax, share);
      return { rateBasisPoints: row.rate, base: of(share - tax), tax: of(tax), gross: of(share) };
    })
    .filter((row) => row.gross.amount > 0);
}
