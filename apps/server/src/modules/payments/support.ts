/**
 * What the money desk's use cases share: the office's business date, the gateways, turning the
 * payment rules' errors into domain errors, and writing journal entries to the ledger.
 */
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "@frontoffice/db";
import { DomainError, isErrorCode } from "@frontoffice/domain";
import {
  PaymentError,
  cashGateway,
  checkGateway,
  sandboxGateway,
  terminalGateway,
  type JournalEntry,
  type PaymentGateway,
  type PaymentMethod,
} from "@frontoffice/payments";
import { Temporal } from "@frontoffice/scheduling";

export type Executor = Kysely<Database> | Transaction<Database>;

/** The office-local date of an instant (`"2026-11-23"`): the business date of payments and close-outs. */
export function businessDateOf(at: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The gateway of each payment method; cards go through the sandbox simulator. */
export function gatewayFor(method: PaymentMethod, today: string): PaymentGateway {
  switch (method) {
    case "cash":
      return cashGateway();
    case "check":
      return checkGateway();
    case "terminal":
      return terminalGateway();
    case "card":
      return sandboxGateway({ today: () => today });
  }
}

/** Runs `work`, turning a payment rule's refusal into the domain error with the same code. */
export async function withPaymentRules<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asDomainError(error);
  }
}

export function asDomainError(error: unknown): unknown {
  if (error instanceof PaymentError && isErrorCode(error.code)) {
    return new DomainError(error.code, error.message, { ...error.details });
  }
  return error;
}

/** SQLSTATE raised by the `desk_day_guard` trigger when the desk's day is signed off. */
const DAY_CLOSED_STATE = "FO001";

/** Runs a write; the database's refusal of a signed-off day becomes DAY_CLOSED. */
export async function refusingClosedDays<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === DAY_CLOSED_STATE) {
      throw new DomainError("DAY_CLOSED", "the desk's day is signed off");
    }
    throw asDomainError(error);
  }
}

/** What ties a journal entry to its records. */
export interface LedgerLinks {
  organizationId: string;
  officeId: string;
  clientId: string | null;
  businessDate: string;
  chargeId?: string | null;
  paymentId?: string | null;
  refundId?: string | null;
}

/**
 * Writes a journal entry as ledger rows sharing one transaction id, debits positive and credits
 * negative. Zero postings are left out (the database keeps only movements). The database checks
 * at commit that the rows sum to zero per currency.
 */
export async function postJournalEntry(trx: Transaction<Database>, entry: JournalEntry, links: LedgerLinks, at: Date): Promise<string> {
  const transactionId = randomUUID();
  const rows = entry.postings
    .filter((posting) => posting.amount.amount !== 0)
    .map((posting) => ({
      organization_id: links.organizationId,
      office_id: links.officeId,
      transaction_id: transactionId,
      account: posting.account,
      client_id: links.clientId,
      amount_minor: posting.side === "debit" ? posting.amount.amount : -posting.amount.amount,
      currency: posting.amount.currency,
      business_date: links.businessDate,
      kind: entry.kind,
      charge_id: links.chargeId ?? null,
      payment_id: links.paymentId ?? null,
      refund_id: links.refundId ?? null,
      created_at: at,
    }));
  if (rows.length > 0) await trx.insertInto("ledger_entry").values(rows).execute();
  return transactionId;
}
