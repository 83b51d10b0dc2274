import { assertCurrency, type CurrencyCode, minorUnitExponent } from "./currency.js";
import { PaymentError } from "./errors.js";

/**
 * An amount of money: a whole number of the currency's minor units (cents for EUR, yen for JPY)
 * and its ISO 4217 code. Never a float: `{ amount: 1999, currency: "EUR" }` is €19.99.
 * Amounts are safe integers (up to ±2^53 − 1 minor units); arithmetic that multiplies goes
 * through `bigint`.
 */
export interface Money {
  readonly amount: number;
  readonly currency: CurrencyCode;
}

/** Builds a `Money`, refusing a fractional or unsafe amount (`AMOUNT_INVALID`) or an unknown currency. */
export function money(amount: number, currency: CurrencyCode): Money {
  assertCurrency(currency);
  if (!Number.isSafeInteger(amount)) throw new PaymentError("AMOUNT_INVALID", `amount must be a whole number of minor units: ${amount}`, { amount });
  return { amount: amount === 0 ? 0 : amount, currency };
}

export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

/**
 * Reads a decimal string in major units exactly (`"19.99"` EUR → 1999); refuses more decimals
 * than the currency has.
 */
export function parseMoney(decimal: string, currency: CurrencyCode): Money {
  const exponent = minorUnitExponent(currency);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match || (match[3]?.length ?? 0) > exponent) {
    throw new PaymentError("AMOUNT_INVALID", `not an amount in ${currency}: ${decimal}`, { value: decimal, currency });
  }
  const [, sign, whole = "0", fraction = ""] = match;
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  return money(toSafeNumber(sign ? -minor : minor), currency);
}

/** The amount in major units as an exact decimal string: 1999 EUR → `"19.99"`, 500 JPY → `"500"`. */
export function toDecimalString(value: Money): string {
  const exponent = minorUnitExponent(value.currency);
  const digits = Math.abs(value.amount).toString().padStart(exponent + 1, "0");
  const sign = value.amount < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new PaymentError("CURRENCY_MISMATCH", `cannot combine ${a.currency} and ${b.currency}`, { expected: a.currency, actual: b.currency });
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function negate(value: Money): Money {
  return money(-value.amount, value.currency);
}

/** The sum of `values`, all in `currency` (zero for none). */
export function sum(values: Iterable<Money>, currency: CurrencyCode): Money {
  let total = zero(currency);
  for (const value of values) total = add(total, value);
  return total;
}

/** Negative, zero or positive as `a` is less than, equal to or more than `b`. */
export function compare(a: Money, b: Money): number {
  sameCurrency(a, b);
  return Math.sign(a.amount - b.amount);
}

export function isZero(value: Money): boolean {
  return value.amount === 0;
}

/**
 * Splits `value` in proportion to `ratios` (non-negative integers, at least one positive)
 * without losing or inventing a minor unit: each share is rounded down, and the units left over
 * go one each to the shares with the largest remainders (the earliest first on a tie). The
 * shares always add up to `value`; a negative amount is split as its opposite, negated.
 *
 * `allocate(€100.00, [1, 1, 1])` → €33.34, €33.33, €33.33.
 */
export function allocate(value: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0 || ratios.some((ratio) => !Number.isSafeInteger(ratio) || ratio < 0) || ratios.every((ratio) => ratio === 0)) {
    throw new PaymentError("AMOUNT_INVALID", "ratios must be non-negative whole numbers, at least one positive", { ratios });
  }
  if (value.amount < 0) return allocate(negate(value), ratios).map(negate);
  const total = BigInt(value.amount);
  const weight = ratios.reduce((sum, ratio) => sum + BigInt(ratio), 0n);
  const shares = ratios.map((ratio) => (total * BigInt(ratio)) / weight);
  const remainders = ratios.map((ratio, index) => ({ index, remainder: (total * BigInt(ratio)) % weight }));
  let left = total - shares.reduce((sum, share) => sum + share, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares.map((share) => money(Number(share), value.currency));
}

/** `value` split in `parts` shares that differ by at most one minor unit, larger first. */
export function splitEvenly(value: Money, parts: number): Money[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new PaymentError("AMOUNT_INVALID", "parts must be a positive whole number", { parts });
  return allocate(value, Array.from({ length: parts }, () => 1));
}

/**
 * `numerator / denominator` rounded to the nearest integer, halves away from zero (so 2.5 → 3
 * and −2.5 → −3): the commercial rounding of Spanish and Italian invoices.
 */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}

/** A `bigint` of minor units back to a safe `number`, or `AMOUNT_INVALID`. */
export function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new PaymentError("AMOUNT_INVALID", "amount out of range", { amount: value.toString() });
  }
  return Number(value);
}

/**
 * The amount formatted for people with `Intl.NumberFormat`: `formatMoney(€1,234.50, "es")` →
 * `"1234,50 €"`. Uses the currency's ISO exponent, so JPY shows no decimals.
 */
export function formatMoney(value: Money, locale: string): string {
  const exponent = minorUnitExponent(value.currency);
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: value.currency, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
  // A decimal string keeps amounts beyond 2^53 / 10^exponent exact (formatting accepts strings).
  return format.format(toDecimalString(value) as unknown as number);
}
