import { cardInputSchema, lineItemInputSchema, quantitySchema, type ErrorCode, type PaymentDetailsInput } from "@frontoffice/domain";
import { DECLINE_ERROR_CODES, checkCard, computeTotals, money, parseMoney, type CardBrand, type LineItem, type Totals } from "@frontoffice/payments";
import type { MessageKey } from "../../i18n";
import { errorCodeOf, errorMessageKey } from "../../lib/errors";

/**
 * The desk's sale as staff build it (lines typed as text), turned into what the server is sent
 * and into live totals computed by `@frontoffice/payments` exactly as the server computes them:
 * each line's discount is an amount off, prices with or without tax as the office's are.
 */

export interface CatalogProduct {
  id: string;
  name: string;
  unitPriceMinor: number;
  taxRateBasisPoints: number;
}

export interface CartLine {
  product: CatalogProduct;
  /** As typed: "1", "2", "1.5". */
  quantity: string;
  /** As typed, in the currency's units: "", "2.50". */
  discount: string;
  /** The appointment's service: the server adds it from the appointment (one, no discount). */
  fromAppointment?: boolean;
}

export interface SaleSettings {
  currency: string;
  pricesIncludeTax: boolean;
}

export interface LineProblem {
  field: "quantity" | "discount";
  key: MessageKey;
}

/** A decimal typed by staff ("12.50", "12,50") in minor units; "" is 0; null when it is not an amount. */
export function parseAmountMinor(text: string, currency: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (trimmed === "") return 0;
  try {
    const parsed = parseMoney(trimmed, currency).amount;
    return parsed >= 0 ? parsed : null;
  } catch {
    return null;
  }
}

/** A quantity typed by staff ("2", "1,5"); null when it is not one the server takes. */
export function parseQuantity(text: string): number | null {
  const parsed = quantitySchema.safeParse(Number(text.trim().replace(",", ".")));
  return text.trim() !== "" && parsed.success ? parsed.data : null;
}

/** What is wrong with a line, per field (the same rule as the server's: the discount never exceeds the line). */
export function lineProblems(line: CartLine, currency: string): LineProblem[] {
  const quantity = parseQuantity(line.quantity);
  const discount = parseAmountMinor(line.discount, currency);
  const problems: LineProblem[] = [];
  if (quantity === null) problems.push({ field: "quantity", key: "validation.quantity_invalid" });
  if (discount === null) problems.push({ field: "discount", key: "validation.amount_invalid" });
  if (quantity !== null && discount !== null && discount > 0) {
    const checked = lineItemInputSchema.safeParse({
      description: line.product.name,
      quantity,
      unitPriceMinor: line.product.unitPriceMinor,
      discount: { kind: "amount", amountMinor: discount },
      taxRateBasisPoints: line.product.taxRateBasisPoints,
    });
    if (!checked.success) problems.push({ field: "discount", key: "validation.discount_invalid" });
  }
  return problems;
}

/** Live totals of the valid lines; null when there is nothing (valid) to charge. */
export function saleTotals(lines: readonly CartLine[], settings: SaleSettings): Totals | null {
  const items: LineItem[] = [];
  for (const line of lines) {
    if (lineProblems(line, settings.currency).length > 0) return null;
    const discount = parseAmountMinor(line.discount, settings.currency) ?? 0;
    items.push({
      quantity: parseQuantity(line.quantity) ?? 1,
      unitPrice: money(line.product.unitPriceMinor, settings.currency),
      ...(discount > 0 ? { discount: { kind: "amount" as const, amount: discount } } : {}),
      taxRateBasisPoints: line.product.taxRateBasisPoints,
    });
  }
  if (items.length === 0) return null;
  return computeTotals(items, { currency: settings.currency, prices: settings.pricesIncludeTax ? "tax_inclusive" : "tax_exclusive" });
}

export interface Customer {
  clientId?: string;
  walkInName?: string;
}

/**
 * The `charges.create` input for the sale (the appointment's line travels as `appointmentId`),
 * under the sale attempt's idempotency key (see `MoneyAttempt`).
 */
export function chargeInputFor(sale: { idempotencyKey: string; officeId: string; customer: Customer; appointmentId?: string | undefined; lines: readonly CartLine[]; currency: string }) {
  const walkInName = sale.customer.walkInName?.trim();
  return {
    idempotencyKey: sale.idempotencyKey,
    officeId: sale.officeId,
    ...(sale.customer.clientId ? { clientId: sale.customer.clientId } : walkInName ? { walkInName } : {}),
    ...(sale.appointmentId ? { appointmentId: sale.appointmentId } : {}),
    lines: sale.lines
      .filter((line) => !line.fromAppointment)
      .map((line) => {
        const discountMinor = parseAmountMinor(line.discount, sale.currency) ?? 0;
        return { productId: line.product.id, quantity: parseQuantity(line.quantity) ?? 1, ...(discountMinor > 0 ? { discountMinor } : {}) };
      }),
  };
}

export interface CardFields {
  number: string;
  expMonth: string;
  expYear: string;
  cvc: string;
}

export type CardFieldErrors = Partial<Record<"number" | "expiry" | "cvc", MessageKey>>;

export type CardCheckResult =
  | { ok: true; card: Extract<PaymentDetailsInput, { method: "card" }>["card"]; brand: CardBrand; last4: string }
  | { ok: false; errors: CardFieldErrors };

/**
 * The card form checked as the processor would, before anything is sent: the domain's shape
 * (digits, month, year, code) and then the payment rules (brand, Luhn, expiry on `today`, the
 * brand's code length). The number leaves only inside the returned card, for the one request.
 */
export function checkCardFields(fields: CardFields, today: string): CardCheckResult {
  const expMonth = Number(fields.expMonth.trim() || Number.NaN);
  const expYear = Number(fields.expYear.trim() || Number.NaN);
  const errors: CardFieldErrors = {};
  const shaped = cardInputSchema.safeParse({ number: fields.number, expMonth, expYear, cvc: fields.cvc });
  if (!shaped.success) {
    for (const issue of shaped.error.issues) {
      const field = issue.path[0] === "number" ? "number" : issue.path[0] === "cvc" ? "cvc" : "expiry";
      errors[field] ??= issue.message as MessageKey;
    }
  }
  // The rules' checks name what the shape alone cannot (check digit, brand, expired, code length).
  const checked = checkCard({ number: fields.number, expMonth, expYear, cvc: fields.cvc.trim() }, today);
  if (!checked.ok) for (const problem of checked.problems) errors[problem.field] ??= `errors.${problem.code}`;
  if (!shaped.success || !checked.ok) return { ok: false, errors };
  return { ok: true, card: shaped.data, brand: checked.brand, last4: checked.last4 };
}

/**
 * The amount to pay now as typed ("" or blank: everything owed); part of what is owed is fine,
 * more is refused as the server would (AMOUNT_ABOVE_BALANCE).
 */
export function paymentAmount(text: string, owedMinor: number, currency: string): { ok: true; amountMinor: number } | { ok: false; key: MessageKey } {
  if (text.trim() === "") return { ok: true, amountMinor: owedMinor };
  const amountMinor = parseAmountMinor(text, currency);
  if (amountMinor === null || amountMinor === 0) return { ok: false, key: "validation.amount_invalid" };
  if (amountMinor > owedMinor) return { ok: false, key: "errors.AMOUNT_ABOVE_BALANCE" };
  return { ok: true, amountMinor };
}

/** Cash to hand back: what was handed over minus what is paid; null when not enough (or nothing typed). */
export function changeDue(tenderedMinor: number | null, amountMinor: number): number | null {
  if (tenderedMinor === null || tenderedMinor === 0 || tenderedMinor < amountMinor) return null;
  return tenderedMinor - amountMinor;
}

function detailsOf(error: unknown): Record<string, unknown> {
  const data = error && typeof error === "object" ? (error as { data?: { details?: unknown } }).data : undefined;
  return data?.details && typeof data.details === "object" ? (data.details as Record<string, unknown>) : {};
}

/** A declined card names why (insufficient funds, expired…): the gateway's decline code, translated. */
export function paymentErrorKey(error: unknown): MessageKey {
  const code = errorCodeOf(error);
  if (code === "PAYMENT_DECLINED") {
    const decline = detailsOf(error).declineCode;
    if (typeof decline === "string" && Object.hasOwn(DECLINE_ERROR_CODES, decline)) {
      return `errors.${DECLINE_ERROR_CODES[decline as keyof typeof DECLINE_ERROR_CODES] as ErrorCode}`;
    }
  }
  return errorMessageKey(code);
}

/**
 * Whether the outcome of a money-moving call is unknown (the network or the server failed), so
 * the same idempotency key must be sent again; any other answer is final and the next try is a
 * new attempt with a new key.
 */
export function outcomeUnknown(error: unknown): boolean {
  const code = errorCodeOf(error);
  return code === "NETWORK" || code === "INTERNAL";
}

/** A fresh key for one attempt at moving money (a retry of the same attempt reuses it). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
