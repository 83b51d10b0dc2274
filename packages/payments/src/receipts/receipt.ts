import type { CardBrand } from "../cards.js";
import type { CurrencyCode } from "../currency.js";
import { PaymentError } from "../errors.js";
import type { PaymentMethod } from "../ledger.js";
import { formatMoney, type Money, money } from "../money.js";
import { parseReceiptNumber, type ReceiptKind } from "../receipt-numbers.js";
import { computeTotals, type Discount, type PriceMode, type TaxRow, type Totals } from "../totals.js";
import { RECEIPT_LABELS, RECEIPT_LOCALES, type ReceiptLocale, type RefundReason } from "./labels.js";

/** The office as its tax authority knows it. */
export interface FiscalIdentity {
  readonly name: string;
  readonly taxId: string;
  /** Printed one per line. */
  readonly address: readonly string[];
}

export interface ReceiptLine {
  readonly description: string;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly discount?: Discount;
  readonly taxRateBasisPoints: number;
}

export interface ReceiptPayment {
  readonly method: PaymentMethod;
  readonly amount: Money;
  readonly cardBrand?: CardBrand;
  readonly last4?: string;
  readonly approvalCode?: string;
  readonly checkNumber?: string;
  readonly change?: Money;
}

/** Everything printed on a receipt. Totals are computed from the lines, never passed in. */
export interface Receipt {
  readonly number: string;
  readonly kind: ReceiptKind;
  /** ISO 8601 instant. */
  readonly issuedAt: string;
  /** The office's IANA time zone, for the printed date. */
  readonly timeZone: string;
  readonly office: FiscalIdentity;
  readonly customer?: { readonly name: string; readonly taxId?: string };
  readonly currency: CurrencyCode;
  readonly prices: PriceMode;
  /** Sold lines; for a correction, the lines given back (positive, printed as negative). */
  readonly lines: readonly ReceiptLine[];
  /**
   * The tax rows as the ledger posted them (a correction's `refundBreakdown`), printed instead of
   * a breakdown recomputed from the lines: a partial refund's tax is shared out of what is left of
   * the sale, so recomputing it from its gross could differ by a cent. Their gross must add up to
   * the lines' total, one row per rate (`AMOUNT_INVALID` otherwise).
   */
  readonly taxes?: readonly TaxRow[];
  readonly payments: readonly ReceiptPayment[];
  /** For a correction: the document it corrects and why. */
  readonly corrects?: { readonly number: string; readonly reason: RefundReason };
}

/** A receipt as text, ready to lay out: both renderers print exactly this. */
export interface ReceiptView {
  readonly locale: ReceiptLocale;
  readonly title: string;
  readonly office: readonly string[];
  readonly meta: readonly (readonly [string, string])[];
  readonly correction?: readonly string[];
  readonly headers: readonly string[];
  readonly lines: readonly (readonly string[])[];
  readonly taxHeaders: readonly string[];
  readonly taxes: readonly (readonly string[])[];
  readonly total: readonly [string, string];
  readonly priceNote: string;
  readonly paymentHeading: string;
  readonly payments: readonly string[];
  readonly totals: Totals;
}

/** The receipt's totals from its lines; with `taxes` given, its tax rows, net and tax are those. */
export function receiptTotals(receipt: Receipt): Totals {
  const computed = computeTotals(receipt.lines, { currency: receipt.currency, prices: receipt.prices });
  if (!receipt.taxes) return computed;
  const rows = receipt.taxes;
  const total = (part: "base" | "tax" | "gross") => rows.reduce((sum, row) => sum + row[part].amount, 0);
  const rates = new Set(rows.map((row) => row.rateBasisPoints));
  const consistent =
    rates.size === rows.length &&
    rows.every((row) => row.base.currency === receipt.currency && row.tax.currency === receipt.currency && row.base.amount + row.tax.amount === row.gross.amount) &&
    total("gross") === computed.total.amount;
  if (!consistent) throw new PaymentError("AMOUNT_INVALID", "the receipt's tax rows do not add up to its lines", { total: computed.total.amount, taxes: total("gross") });
  return {
    ...computed,
    taxes: [...rows].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints),
    net: money(total("base"), receipt.currency),
    tax: money(total("tax"), receipt.currency),
  };
}

/** The text of `receipt` in `locale`: dates, quantities, rates and money through `Intl`. */
export function receiptView(receipt: Receipt, locale: ReceiptLocale): ReceiptView {
  if (!RECEIPT_LOCALES.includes(locale)) throw new PaymentError("PAYMENT_DETAILS_INVALID", `no receipt labels for ${locale}`, { locale });
  parseReceiptNumber(receipt.number);
  if (receipt.kind === "correction" && !receipt.corrects) throw new PaymentError("RECEIPT_CORRECTION_INVALID", "a correction references the original", { number: receipt.number });
  const labels = RECEIPT_LABELS[locale];
  const totals = receiptTotals(receipt);
  const sign = receipt.kind === "correction" ? -1 : 1;
  const amount = (value: Money) => formatMoney(money(sign * value.amount, value.currency), locale);
  const plain = (value: Money) => formatMoney(value, locale);
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "short", timeZone: receipt.timeZone });

  return {
    locale,
    title: labels.title[receipt.kind],
    office: [receipt.office.name, `${labels.taxId}: ${receipt.office.taxId}`, ...receipt.office.address],
    meta: [
      [labels.number, receipt.number],
      [labels.date, date.format(new Date(receipt.issuedAt))],
      ...(receipt.customer ? [[labels.customer, receipt.customer.taxId ? `${receipt.customer.name} (${receipt.customer.taxId})` : receipt.customer.name] as const] : []),
    ],
    ...(receipt.corrects ? { correction: [labels.corrects.replace("{number}", receipt.corrects.number), `${labels.reason}: ${labels.reasons[receipt.corrects.reason]}`] } : {}),
    headers: [labels.description, labels.quantity, labels.unitPrice, labels.discount, labels.taxRate, labels.amount],
    lines: receipt.lines.map((line, index) => {
      const total = totals.lines[index]!;
      return [
        line.description,
        quantity.format(line.quantity),
        plain(line.unitPrice),
        total.discount.amount === 0 ? "" : line.discount?.kind === "percent" ? percent.format(line.discount.basisPoints / 10_000) : plain(total.discount),
        percent.format(line.taxRateBasisPoints / 10_000),
        amount(total.amount),
      ];
    }),
    taxHeaders: [labels.taxRate, labels.taxBase, labels.tax],
    taxes: totals.taxes.map((row) => [percent.format(row.rateBasisPoints / 10_000), amount(row.base), amount(row.tax)]),
    total: [labels.total, amount(totals.total)],
    priceNote: receipt.prices === "tax_inclusive" ? labels.pricesIncludeTax : labels.pricesExcludeTax,
    paymentHeading: labels.payment,
    payments: receipt.payments.map((payment) => {
      const parts = [labels.methods[payment.method]];
      if (payment.cardBrand) parts.push(BRAND_NAMES[payment.cardBrand]);
      if (payment.last4) parts.push(`•••• ${payment.last4}`);
      if (payment.checkNumber) parts.push(`${labels.checkNumber} ${payment.checkNumber}`);
      if (payment.approvalCode) parts.push(`${labels.approvalCode} ${payment.approvalCode}`);
      parts.push(amount(payment.amount));
      if (payment.change && payment.change.amount > 0) parts.push(`${labels.change} ${plain(payment.change)}`);
      return parts.join(" · ");
    }),
    totals,
  };
}

const BRAND_NAMES: Readonly<Record<CardBrand, string>> = {
  visa: "Visa",
  mastercard: "Mastercard",
  amex: "American Express",
  discover: "Discover",
  diners: "Diners Club",
  jcb: "JCB",
  unionpay: "UnionPay",
  maestro: "Maestro",
};
