import { sql } from "kysely";
import { foldForSearch, type Locale } from "@frontoffice/domain";
import type { Receipt } from "@frontoffice/payments";
import type { Executor } from "../payments/support.js";

export interface ReceiptSummary {
  id: string;
  officeId: string;
  /** As printed: `2026-F-000123`. */
  number: string;
  series: string;
  year: number;
  sequence: number;
  kind: "sale" | "correction";
  correctsReceiptId: string | null;
  chargeId: string | null;
  paymentId: string | null;
  refundId: string | null;
  clientId: string | null;
  /** The customer as printed: the client's display name at the sale, or the walk-in's name; null when none was given. */
  customerName: string | null;
  locale: Locale;
  currency: string;
  /** Signed: negative for a correction. */
  totalMinor: number;
  issuedAt: string;
}

export interface StoredReceipt extends ReceiptSummary {
  /** Exactly what was printed (`@frontoffice/payments`' `Receipt`). */
  snapshot: Receipt;
}

const SUMMARY_COLUMNS = [
  "receipt.id", "receipt.office_id", "receipt.display_number", "receipt.series", "receipt.year", "receipt.number", "receipt.kind", "receipt.corrects_receipt_id", "receipt.charge_id",
  "receipt.payment_id", "receipt.refund_id", "receipt.client_id", "receipt.locale", "receipt.currency", "receipt.total_minor", "receipt.issued_at",
  sql<string | null>`receipt.snapshot -> 'customer' ->> 'name'`.as("customer_name"),
] as const;

function toSummary(row: {
  id: string; office_id: string; display_number: string; series: string; year: number; number: number; kind: "sale" | "correction"; corrects_receipt_id: string | null;
  charge_id: string | null; payment_id: string | null; refund_id: string | null; client_id: string | null; customer_name: string | null; locale: Locale; currency: string; total_minor: number; issued_at: Date;
}): ReceiptSummary {
  return {
    id: row.id,
    officeId: row.office_id,
    number: row.display_number,
    series: row.series,
    year: row.year,
    sequence: row.number,
    kind: row.kind,
    correctsReceiptId: row.corrects_receipt_id,
    chargeId: row.charge_id,
    paymentId: row.payment_id,
    refundId: row.refund_id,
    clientId: row.client_id,
    customerName: row.customer_name,
    locale: row.locale,
    currency: row.currency,
    totalMinor: row.total_minor,
    issuedAt: new Date(row.issued_at).toISOString(),
  };
}

/**
 * Takes the next number of an office's series for a year, inside the caller's transaction: one
 * statement inserts the counter row on first use or increments it, and keeps it locked until
 * the transaction ends, so concurrent payments of one series queue here and a rolled-back
 * payment gives its number back. Returns the sequence taken (1, 2, 3…).
 */
export async function takeReceiptSequence(db: Executor, organizationId: string, officeId: string, series: string, year: number): Promise<number> {
  const { rows } = await sql<{ taken: number }>`
    insert into receipt_counter (organization_id, office_id, series, year, next_number)
    values (${organizationId}, ${officeId}, ${series}, ${year}, 2)
    on conflict (office_id, series, year) do update set next_number = receipt_counter.next_number + 1
    returning next_number - 1 as taken`.execute(db);
  return Number(rows[0]!.taken);
}

export async function listReceipts(
  db: Executor,
  organizationId: string,
  filter: { officeId?: string | undefined; clientId?: string | undefined; number?: string | undefined; customer?: string | undefined; from?: string | undefined; to?: string | undefined; limit?: number },
): Promise<ReceiptSummary[]> {
  let query = db.selectFrom("receipt").select(SUMMARY_COLUMNS).where("receipt.organization_id", "=", organizationId);
  if (filter.officeId) query = query.where("receipt.office_id", "=", filter.officeId);
  if (filter.clientId) query = query.where("receipt.client_id", "=", filter.clientId);
  if (filter.number) query = query.where("display_number", "like", `%${filter.number.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  const customer = filter.customer ? foldForSearch(filter.customer) : "";
  if (customer) {
    // A client as the clients' search finds them (folded text); a walk-in by the printed name.
    query = query
      .leftJoin("client", (join) => join.onRef("client.id", "=", "receipt.client_id").onRef("client.organization_id", "=", "receipt.organization_id"))
      .where((eb) =>
        eb.or([
          sql<boolean>`strpos(client.search_text, ${customer}) > 0`,
          eb.and([eb("receipt.client_id", "is", null), sql<boolean>`strpos(lower(receipt.snapshot -> 'customer' ->> 'name'), ${filter.customer!.trim().toLowerCase()}) > 0`]),
        ]),
      );
  }
  if (filter.from) query = query.where(sql<boolean>`issued_at >= ${filter.from}::date`);
  if (filter.to) query = query.where(sql<boolean>`issued_at < ${filter.to}::date + 1`);
  const rows = await query.orderBy("receipt.issued_at", "desc").orderBy("receipt.series").orderBy("receipt.number", "desc").limit(filter.limit ?? 50).execute();
  return rows.map(toSummary);
}

export async function findReceipt(db: Executor, organizationId: string, receiptId: string): Promise<StoredReceipt | undefined> {
  const row = await db.selectFrom("receipt").select([...SUMMARY_COLUMNS, "receipt.snapshot"]).where("receipt.organization_id", "=", organizationId).where("receipt.id", "=", receiptId).executeTakeFirst();
  return row ? { ...toSummary(row), snapshot: row.snapshot as Receipt } : undefined;
}

export async function findSaleReceiptOfPayment(db: Executor, organizationId: string, paymentId: string): Promise<StoredReceipt | undefined> {
  const row = await db
    .selectFrom("receipt")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("payment_id", "=", paymentId)
    .where("kind", "=", "sale")
    .executeTakeFirst();
  return row ? findReceipt(db, organizationId, row.id) : undefined;
}
