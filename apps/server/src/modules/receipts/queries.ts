import { sql } from "kysely";
import type { Locale } from "@frontoffice/domain";
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
  "id", "office_id", "display_number", "series", "year", "number", "kind", "corrects_receipt_id", "charge_id", "payment_id", "refund_id", "client_id", "locale", "currency", "total_minor", "issued_at",
] as const;

function toSummary(row: {
  id: string; office_id: string; display_number: string; series: string; year: number; number: number; kind: "sale" | "correction"; corrects_receipt_id: string | null;
  charge_id: string | null; payment_id: string | null; refund_id: string | null; client_id: string | null; locale: Locale; currency: string; total_minor: number; issued_at: Date;
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
  filter: { officeId?: string | undefined; clientId?: string | undefined; number?: string | undefined; from?: string | undefined; to?: string | undefined; limit?: number },
): Promise<ReceiptSummary[]> {
  let query = db.selectFrom("receipt").select(SUMMARY_COLUMNS).where("organization_id", "=", organizationId);
  if (filter.officeId) query = query.where("office_id", "=", filter.officeId);
  if (filter.clientId) query = query.where("client_id", "=", filter.clientId);
  if (filter.number) query = query.where("display_number", "like", `%${filter.number.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
  if (filter.from) query = query.where(sql<boolean>`issued_at >= ${filter.from}::date`);
  if (filter.to) query = query.where(sql<boolean>`issued_at < ${filter.to}::date + 1`);
  const rows = await query.orderBy("issued_at", "desc").orderBy("series").orderBy("number", "desc").limit(filter.limit ?? 50).execute();
  return rows.map(toSummary);
}

export async function findReceipt(db: Executor, organizationId: string, receiptId: string): Promise<StoredReceipt | undefined> {
  const row = await db.selectFrom("receipt").select([...SUMMARY_COLUMNS, "snapshot"]).where("organization_id", "=", organizationId).where("id", "=", receiptId).executeTakeFirst();
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
