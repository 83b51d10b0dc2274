import { sql } from "kysely";
import type { CashCloseOutRow } from "@frontoffice/db";
import { METHOD_ACCOUNTS, PAYMENT_METHODS, type PaymentMethod } from "@frontoffice/payments";
import type { Executor } from "../payments/support.js";

export type TakingsByMethod = Record<PaymentMethod, number>;

/**
 * A desk's takings of one business date per method, from the ledger: what landed in each method's
 * account (payments) less what left it (refunds), for entries of payments and refunds made at
 * that desk.
 */
export async function expectedTakings(db: Executor, organizationId: string, officeId: string, desk: string, businessDate: string): Promise<TakingsByMethod> {
  const accounts = PAYMENT_METHODS.map((method) => METHOD_ACCOUNTS[method]);
  const rows = await db
    .selectFrom("ledger_entry as l")
    .leftJoin("refund as f", "f.id", "l.refund_id")
    .leftJoin("payment as p", "p.id", "l.payment_id")
    .select(["l.account", sql<string>`sum(l.amount_minor)`.as("total")])
    .where("l.organization_id", "=", organizationId)
    .where("l.office_id", "=", officeId)
    .where("l.business_date", "=", businessDate)
    .where("l.account", "in", accounts)
    .where(sql<boolean>`coalesce(f.desk, p.desk) = ${desk}`)
    .groupBy("l.account")
    .execute();
  const takings = Object.fromEntries(PAYMENT_METHODS.map((method) => [method, 0])) as TakingsByMethod;
  for (const method of PAYMENT_METHODS) {
    takings[method] = Number(rows.find((row) => row.account === METHOD_ACCOUNTS[method])?.total ?? 0);
  }
  return takings;
}

export type CloseOutRow = Omit<CashCloseOutRow, "business_date"> & { business_date: string };

export async function findCloseOut(db: Executor, organizationId: string, where: { id: string } | { officeId: string; desk: string; businessDate: string }, forUpdate = false): Promise<CloseOutRow | undefined> {
  let query = db.selectFrom("cash_close_out").selectAll().select(sql<string>`business_date::text`.as("business_date")).where("organization_id", "=", organizationId);
  query = "id" in where ? query.where("id", "=", where.id) : query.where("office_id", "=", where.officeId).where("desk", "=", where.desk).where("business_date", "=", where.businessDate);
  if (forUpdate) query = query.forUpdate();
  return (await query.executeTakeFirst()) as CloseOutRow | undefined;
}

/** The row of a desk's day, created if no payment made it yet. */
export async function ensureCloseOut(db: Executor, organizationId: string, officeId: string, desk: string, businessDate: string): Promise<void> {
  await db
    .insertInto("cash_close_out")
    .values({ organization_id: organizationId, office_id: officeId, desk, business_date: businessDate })
    .onConflict((conflict) => conflict.columns(["office_id", "desk", "business_date"]).doNothing())
    .execute();
}

export async function listCloseOuts(db: Executor, organizationId: string, filter: { officeId?: string | undefined; from: string; to: string }): Promise<CloseOutRow[]> {
  let query = db
    .selectFrom("cash_close_out")
    .selectAll()
    .select(sql<string>`business_date::text`.as("business_date"))
    .where("organization_id", "=", organizationId)
    .where("business_date", ">=", filter.from)
    .where("business_date", "<=", filter.to);
  if (filter.officeId) query = query.where("office_id", "=", filter.officeId);
  return (await query.orderBy("cash_close_out.business_date", "desc").orderBy("cash_close_out.desk").limit(500).execute()) as CloseOutRow[];
}
