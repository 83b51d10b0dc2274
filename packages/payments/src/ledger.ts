import { assertCurrency, type CurrencyCode } from "./currency.js";
import { PaymentError } from "./errors.js";
import { type Money, money, subtract, zero } from "./money.js";

/**
 * A double-entry ledger: every charge, payment, refund and adjustment is a journal entry whose
 * debits equal its credits in every currency. Balances are never stored, only derived from the
 * entries: a client's balance, the day's takings by method, the trial balance.
 *
 * Accounts (debit-normal unless said):
 * - `receivable:<client>`: what a client owes us (`receivable:walk-in` for walk-in customers);
 * - `cash_drawer`, `checks`, `terminal`, `card_clearing`: money taken, one per payment method;
 * - `revenue` (credit-normal), `tax_payable` (credit-normal: VAT/IVA owed to the state);
 * - `refunds` (contra-revenue): sales given back; `adjustments`: write-offs and goodwill.
 */

export const PAYMENT_METHODS = ["cash", "check", "terminal", "card"] as const;
/** How the money came: cash, a check, a standalone card terminal, or a card through a gateway. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type MethodAccount = "cash_drawer" | "checks" | "terminal" | "card_clearing";
export type ReceivableAccount = `receivable:${string}`;
export type LedgerAccount = MethodAccount | ReceivableAccount | "revenue" | "tax_payable" | "refunds" | "adjustments";

/** The account each method's money goes to. */
export const METHOD_ACCOUNTS: Readonly<Record<PaymentMethod, MethodAccount>> = {
  cash: "cash_drawer",
  check: "checks",
  terminal: "terminal",
  card: "card_clearing",
};

/** The client key of walk-in customers. */
export const WALK_IN = "walk-in";

export function receivableAccount(client: string): ReceivableAccount {
  if (client.length === 0) throw new PaymentError("PAYMENT_DETAILS_INVALID", "a receivable needs a client");
  return `receivable:${client}`;
}

export interface Posting {
  readonly account: LedgerAccount;
  readonly side: "debit" | "credit";
  /** Positive. */
  readonly amount: Money;
}

export type JournalEntryKind = "charge" | "payment" | "refund" | "adjustment" | "charge_cancellation";

export interface JournalEntry {
  readonly kind: JournalEntryKind;
  /** When it happened: an ISO 8601 instant, passed in. */
  readonly at: string;
  /** What it is about: a charge, payment or receipt id. */
  readonly reference?: string;
  /** The method of a payment or refund. */
  readonly method?: PaymentMethod;
  readonly postings: readonly Posting[];
}

interface Common {
  /** The client key (an id, or `WALK_IN`). */
  readonly client: string;
  readonly at: string;
  readonly reference?: string;
}

/** A sale on account: the client owes `net + tax`; revenue and the tax owed grow. */
export function chargeEntry(input: Common & { readonly net: Money; readonly tax: Money }): JournalEntry {
  const total = money(input.net.amount + input.tax.amount, sameCurrency(input.net, input.tax));
  return entry({
    kind: "charge",
    at: input.at,
    reference: input.reference,
    postings: [
      { account: receivableAccount(input.client), side: "debit", amount: positive(total) },
      { account: "revenue", side: "credit", amount: nonNegative(input.net) },
      { account: "tax_payable", side: "credit", amount: nonNegative(input.tax) },
    ],
  });
}

/**
 * An unpaid sale cancelled: the exact reverse of its `chargeEntry` (the client owes `net + tax`
 * less; revenue and the tax owed shrink by as much), so their balance is back where it was.
 */
export function chargeCancellationEntry(input: Common & { readonly net: Money; readonly tax: Money }): JournalEntry {
  const charged = chargeEntry(input);
  return entry({
    kind: "charge_cancellation",
    at: input.at,
    reference: input.reference,
    postings: charged.postings.map((posting): Posting => ({ ...posting, side: posting.side === "debit" ? "credit" : "debit" })),
  });
}

/** Money received from the client by `method`: it lands in the method's account and settles what they owe. */
export function paymentEntry(input: Common & { readonly method: PaymentMethod; readonly amount: Money }): JournalEntry {
  return entry({
    kind: "payment",
    at: input.at,
    reference: input.reference,
    method: input.method,
    postings: [
      { account: METHOD_ACCOUNTS[input.method], side: "debit", amount: positive(input.amount) },
      { account: receivableAccount(input.client), side: "credit", amount: positive(input.amount) },
    ],
  });
}

/**
 * Money given back by `method` against a correction of the sale: the method's account pays it
 * out; `refunds` takes the net and `tax_payable` the tax it included (zero when left out). What
 * the client owes does not change: the sale and its payment shrink together.
 */
export function refundEntry(input: Common & { readonly method: PaymentMethod; readonly amount: Money; readonly tax?: Money }): JournalEntry {
  const tax = input.tax ?? zero(input.amount.currency);
  sameCurrency(input.amount, tax);
  if (tax.amount < 0 || tax.amount > input.amount.amount) throw new PaymentError("AMOUNT_INVALID", "a refund's tax is between zero and the refund", { tax: tax.amount });
  return entry({
    kind: "refund",
    at: input.at,
    reference: input.reference,
    method: input.method,
    postings: [
      { account: "refunds", side: "debit", amount: subtract(positive(input.amount), tax) },
      { account: "tax_payable", side: "debit", amount: tax },
      { account: METHOD_ACCOUNTS[input.method], side: "credit", amount: input.amount },
      // Keeps the client's history complete without moving their balance.
      { account: receivableAccount(input.client), side: "debit", amount: zero(input.amount.currency) },
    ],
  });
}

/**
 * A correction of what the client owes (`amount` positive: they owe more; negative: less, as a
 * write-off or goodwill gesture), against `adjustments`.
 */
export function adjustmentEntry(input: Common & { readonly amount: Money }): JournalEntry {
  if (input.amount.amount === 0) throw new PaymentError("AMOUNT_INVALID", "an adjustment is not zero", { amount: 0 });
  const size = money(Math.abs(input.amount.amount), input.amount.currency);
  const owesMore = input.amount.amount > 0;
  return entry({
    kind: "adjustment",
    at: input.at,
    reference: input.reference,
    postings: [
      { account: receivableAccount(input.client), side: owesMore ? "debit" : "credit", amount: size },
      { account: "adjustments", side: owesMore ? "credit" : "debit", amount: size },
    ],
  });
}

/** Drops zero postings (except a receivable's, which names the client) and checks the balance. */
function entry(draft: { kind: JournalEntryKind; at: string; reference: string | undefined; method?: PaymentMethod; postings: Posting[] }): JournalEntry {
  if (Number.isNaN(Date.parse(draft.at))) throw new PaymentError("PAYMENT_DETAILS_INVALID", `not an instant: ${draft.at}`, { at: draft.at });
  const postings = draft.postings.filter((posting) => posting.amount.amount !== 0 || posting.account.startsWith("receivable:"));
  const result: JournalEntry = {
    kind: draft.kind,
    at: draft.at,
    ...(draft.reference === undefined ? {} : { reference: draft.reference }),
    ...(draft.method === undefined ? {} : { method: draft.method }),
    postings,
  };
  assertBalanced(result);
  return result;
}

/** Debits minus credits per currency; every value is zero for a balanced set of postings. */
export function netByCurrency(postings: Iterable<Posting>): Map<CurrencyCode, number> {
  const net = new Map<CurrencyCode, number>();
  for (const posting of postings) {
    net.set(posting.amount.currency, (net.get(posting.amount.currency) ?? 0) + signed(posting));
  }
  return net;
}

export function isBalanced(entry: JournalEntry): boolean {
  return entry.postings.every((posting) => posting.amount.amount >= 0) && [...netByCurrency(entry.postings).values()].every((net) => net === 0);
}

/** Refuses an entry with a negative posting or whose debits and credits differ (`LEDGER_UNBALANCED`). */
export function assertBalanced(entry: JournalEntry): void {
  if (!isBalanced(entry)) throw new PaymentError("LEDGER_UNBALANCED", `unbalanced ${entry.kind} entry`, { kind: entry.kind, reference: entry.reference });
}

/** Each account's balance per currency, debits positive, from `entries`. */
export function accountBalances(entries: Iterable<JournalEntry>): Map<LedgerAccount, Map<CurrencyCode, number>> {
  const balances = new Map<LedgerAccount, Map<CurrencyCode, number>>();
  for (const { postings } of entries) {
    for (const posting of postings) {
      const byCurrency = balances.get(posting.account) ?? new Map<CurrencyCode, number>();
      byCurrency.set(posting.amount.currency, (byCurrency.get(posting.amount.currency) ?? 0) + signed(posting));
      balances.set(posting.account, byCurrency);
    }
  }
  return balances;
}

/** What the client owes in `currency` (negative: we owe them, a credit on account). */
export function clientBalance(entries: Iterable<JournalEntry>, client: string, currency: CurrencyCode): Money {
  assertCurrency(currency);
  return money(accountBalances(entries).get(receivableAccount(client))?.get(currency) ?? 0, currency);
}

export interface MethodTakings {
  readonly received: Money;
  readonly refunded: Money;
  /** `received − refunded`: what should be in the drawer, the bank or the terminal's batch. */
  readonly net: Money;
}

/**
 * Takings per method in `currency` for entries at or after `from` and before `to` (ISO
 * instants: the office's local day as the caller computes it).
 */
export function takingsByMethod(entries: Iterable<JournalEntry>, range: { readonly from: string; readonly to: string; readonly currency: CurrencyCode }): Record<PaymentMethod, MethodTakings> {
  const currency = assertCurrency(range.currency);
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const received = new Map<PaymentMethod, number>();
  const refunded = new Map<PaymentMethod, number>();
  for (const item of entries) {
    const at = Date.parse(item.at);
    if (!item.method || at < from || at >= to) continue;
    const moved = item.postings.find((posting) => posting.account === METHOD_ACCOUNTS[item.method!] && posting.amount.currency === currency);
    if (!moved) continue;
    const tally = item.kind === "refund" ? refunded : received;
    tally.set(item.method, (tally.get(item.method) ?? 0) + moved.amount.amount);
  }
  const result = {} as Record<PaymentMethod, MethodTakings>;
  for (const method of PAYMENT_METHODS) {
    const inflow = money(received.get(method) ?? 0, currency);
    const outflow = money(refunded.get(method) ?? 0, currency);
    result[method] = { received: inflow, refunded: outflow, net: subtract(inflow, outflow) };
  }
  return result;
}

function signed(posting: Posting): number {
  return posting.side === "debit" ? posting.amount.amount : -posting.amount.amount;
}

function sameCurrency(a: Money, b: Money): CurrencyCode {
  if (a.currency !== b.currency) throw new PaymentError("CURRENCY_MISMATCH", "postings of one entry share a currency", { expected: a.currency, actual: b.currency });
  return a.currency;
}

function positive(value: Money): Money {
  if (value.amount <= 0) throw new PaymentError("AMOUNT_INVALID", `must be positive: ${value.amount}`, { amount: value.amount });
  return value;
}

function nonNegative(value: Money): Money {
  if (value.amount < 0) throw new PaymentError("AMOUNT_INVALID", `must not be negative: ${value.amount}`, { amount: value.amount });
  return value;
}
