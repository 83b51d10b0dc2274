import { sql } from "kysely";
import type { Address, Locale } from "@frontoffice/domain";
import type { ChargeLineRow, ChargeRow, PaymentRow, RefundRow, StoredPaymentMethod, StoredPaymentStatus } from "@frontoffice/db";
import type { Executor } from "./support.js";

/** What the money desk needs to know of an office. */
export interface OfficeMoneyContext {
  id: string;
  locale: Locale;
  timeZone: string;
  currency: string;
  fiscalName: string;
  taxId: string;
  address: Address;
  pricesIncludeTax: boolean;
  refundApprovalThresholdMinor: number;
}

export async function findOfficeMoneyContext(db: Executor, organizationId: string, officeId: string): Promise<OfficeMoneyContext | undefined> {
  const row = await db
    .selectFrom("office")
    .select(["id", "locale", "time_zone", "currency", "fiscal_name", "tax_id", "address", "prices_include_tax", "refund_approval_threshold_minor"])
    .where("organization_id", "=", organizationId)
    .where("id", "=", officeId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    locale: row.locale,
    timeZone: row.time_zone,
    currency: row.currency,
    fiscalName: row.fiscal_name,
    taxId: row.tax_id,
    address: row.address,
    pricesIncludeTax: row.prices_include_tax,
    refundApprovalThresholdMinor: row.refund_approval_threshold_minor,
  };
}

// --- Charges ----------------------------------------------------------------------------------

export interface ChargeLineView {
  position: number;
  productId: string | null;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxRateBasisPoints: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface ChargeView {
  id: string;
  officeId: string;
  clientId: string | null;
  walkInName: string | null;
  appointmentId: string | null;
  currency: string;
  pricesIncludeTax: boolean;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Captured or authorized on it (refunds shrink the sale and its payment together). */
  paidMinor: number;
  /** Still owed: `totalMinor − paidMinor` (0 once cancelled). */
  balanceMinor: number;
  status: ChargeRow["status"];
  taxes: { rateBasisPoints: number; netMinor: number; taxMinor: number }[];
  lines: ChargeLineView[];
  createdAt: string;
}

/** Payment statuses whose money counts against the charge (taken, or held by an authorization). */
export const PAID_STATUSES: readonly StoredPaymentStatus[] = ["authorized", "captured", "partially_refunded", "refunded"];

function toLine(row: ChargeLineRow): ChargeLineView {
  return {
    position: row.position,
    productId: row.product_id,
    description: row.description,
    quantity: Number(row.quantity),
    unitPriceMinor: row.unit_price_minor,
    discountMinor: row.discount_minor,
    taxRateBasisPoints: row.tax_rate_bp,
    netMinor: row.net_minor,
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
  };
}

export async function listCharges(
  db: Executor,
  organizationId: string,
  filter: { chargeIds?: readonly string[]; officeId?: string | undefined; clientId?: string | undefined; status?: ChargeRow["status"] | undefined; limit?: number; forUpdate?: boolean },
): Promise<ChargeView[]> {
  if (filter.chargeIds?.length === 0) return [];
  let query = db.selectFrom("charge").selectAll().where("organization_id", "=", organizationId);
  if (filter.chargeIds) query = query.where("id", "in", filter.chargeIds);
  if (filter.officeId) query = query.where("office_id", "=", filter.officeId);
  if (filter.clientId) query = query.where("client_id", "=", filter.clientId);
  if (filter.status) query = query.where("status", "=", filter.status);
  if (filter.forUpdate) query = query.forUpdate();
  const rows = await query.orderBy("created_at", "desc").orderBy("id").limit(filter.limit ?? 200).execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [lines, paid] = await Promise.all([
    db.selectFrom("charge_line").selectAll().where("organization_id", "=", organizationId).where("charge_id", "in", ids).orderBy("charge_id").orderBy("position").execute(),
    db
      .selectFrom("payment")
      .select(["charge_id", sql<string>`sum(amount_minor)`.as("paid")])
      .where("organization_id", "=", organizationId)
      .where("charge_id", "in", ids)
      .where("status", "in", PAID_STATUSES)
      .groupBy("charge_id")
      .execute(),
  ]);
  return rows.map((row) => {
    const paidMinor = Number(paid.find((item) => item.charge_id === row.id)?.paid ?? 0);
    return {
      id: row.id,
      officeId: row.office_id,
      clientId: row.client_id,
      walkInName: row.walk_in_name,
      appointmentId: row.appointment_id,
      currency: row.currency,
      pricesIncludeTax: row.prices_include_tax,
      netMinor: row.net_minor,
      taxMinor: row.tax_minor,
      totalMinor: row.total_minor,
      paidMinor,
      balanceMinor: row.status === "cancelled" ? 0 : row.total_minor - paidMinor,
      status: row.status,
      taxes: row.tax_breakdown.map((tax) => ({ rateBasisPoints: tax.rateBp, netMinor: tax.netMinor, taxMinor: tax.taxMinor })),
      lines: lines.filter((line) => line.charge_id === row.id).map(toLine),
      createdAt: new Date(row.created_at).toISOString(),
    };
  });
}

export async function findCharge(db: Executor, organizationId: string, chargeId: string, forUpdate = false): Promise<ChargeView | undefined> {
  const [charge] = await listCharges(db, organizationId, { chargeIds: [chargeId], forUpdate });
  return charge;
}

// --- Payments ---------------------------------------------------------------------------------

export interface PaymentView {
  id: string;
  chargeId: string;
  officeId: string;
  clientId: string | null;
  desk: string;
  businessDate: string;
  method: StoredPaymentMethod;
  gateway: string;
  status: StoredPaymentStatus;
  currency: string;
  amountMinor: number;
  refundedMinor: number;
  tenderedMinor: number | null;
  changeMinor: number | null;
  /** Only what may be kept of a card: never its number. */
  card: { brand: string | null; last4: string; expMonth: number | null; expYear: number | null } | null;
  /** The terminal's approval code or the check's number. */
  reference: string | null;
  declineCode: string | null;
  createdAt: string;
  capturedAt: string | null;
  /** The sale receipt issued when it was captured. */
  receipt: { id: string; number: string } | null;
}

type PaymentViewRow = Omit<PaymentRow, "business_date"> & { business_date: string; receipt_id: string | null; receipt_number: string | null };

export function toPaymentView(row: PaymentViewRow): PaymentView {
  return {
    id: row.id,
    chargeId: row.charge_id,
    officeId: row.office_id,
    clientId: row.client_id,
    desk: row.desk,
    businessDate: row.business_date,
    method: row.method,
    gateway: row.gateway,
    status: row.status,
    currency: row.currency,
    amountMinor: row.amount_minor,
    refundedMinor: row.refunded_minor,
    tenderedMinor: row.tendered_minor,
    changeMinor: row.change_minor,
    card: row.card_last4 ? { brand: row.card_brand, last4: row.card_last4, expMonth: row.card_exp_month, expYear: row.card_exp_year } : null,
    reference: row.reference,
    declineCode: row.decline_code,
    createdAt: new Date(row.created_at).toISOString(),
    capturedAt: row.captured_at ? new Date(row.captured_at).toISOString() : null,
    receipt: row.receipt_id && row.receipt_number ? { id: row.receipt_id, number: row.receipt_number } : null,
  };
}

export async function listPayments(
  db: Executor,
  organizationId: string,
  filter: { paymentIds?: readonly string[]; officeId?: string | undefined; clientId?: string | undefined; chargeId?: string | undefined; limit?: number; forUpdate?: boolean },
): Promise<PaymentView[]> {
  if (filter.paymentIds?.length === 0) return [];
  let query = db
    .selectFrom("payment as p")
    .leftJoin("receipt as r", (join) => join.onRef("r.payment_id", "=", "p.id").on("r.kind", "=", "sale"))
    .selectAll("p")
    .select([sql<string>`p.business_date::text`.as("business_date"), "r.id as receipt_id", "r.display_number as receipt_number"])
    .where("p.organization_id", "=", organizationId);
  if (filter.paymentIds) query = query.where("p.id", "in", filter.paymentIds);
  if (filter.officeId) query = query.where("p.office_id", "=", filter.officeId);
  if (filter.clientId) query = query.where("p.client_id", "=", filter.clientId);
  if (filter.chargeId) query = query.where("p.charge_id", "=", filter.chargeId);
  if (filter.forUpdate) query = query.forUpdate("p");
  const rows = await query.orderBy("p.created_at", "desc").orderBy("p.id").limit(filter.limit ?? 200).execute();
  return rows.map((row) => toPaymentView(row as PaymentViewRow));
}

export async function findPayment(db: Executor, organizationId: string, paymentId: string, forUpdate = false): Promise<PaymentView | undefined> {
  const [payment] = await listPayments(db, organizationId, { paymentIds: [paymentId], forUpdate });
  return payment;
}

// --- Refunds ----------------------------------------------------------------------------------

export interface RefundView {
  id: string;
  paymentId: string;
  officeId: string;
  desk: string;
  businessDate: string;
  amountMinor: number;
  currency: string;
  reason: RefundRow["reason"];
  note: string;
  status: RefundRow["status"];
  requestedBy: string | null;
  approvedBy: string | null;
  createdAt: string;
  decidedAt: string | null;
  /** The correction receipt (series R) issued when the money went back. */
  receipt: { id: string; number: string } | null;
}

export async function listRefunds(
  db: Executor,
  organizationId: string,
  filter: { refundIds?: readonly string[]; paymentId?: string; officeId?: string | undefined; status?: RefundRow["status"] | undefined; limit?: number; forUpdate?: boolean },
): Promise<RefundView[]> {
  if (filter.refundIds?.length === 0) return [];
  let query = db
    .selectFrom("refund as f")
    .leftJoin("receipt as r", "r.refund_id", "f.id")
    .selectAll("f")
    .select([sql<string>`f.business_date::text`.as("business_date"), "r.id as receipt_id", "r.display_number as receipt_number"])
    .where("f.organization_id", "=", organizationId);
  if (filter.refundIds) query = query.where("f.id", "in", filter.refundIds);
  if (filter.paymentId) query = query.where("f.payment_id", "=", filter.paymentId);
  if (filter.officeId) query = query.where("f.office_id", "=", filter.officeId);
  if (filter.status) query = query.where("f.status", "=", filter.status);
  if (filter.forUpdate) query = query.forUpdate("f");
  const rows = await query.orderBy("f.created_at", "desc").orderBy("f.id").limit(filter.limit ?? 200).execute();
  return rows.map((row) => ({
    id: row.id,
    paymentId: row.payment_id,
    officeId: row.office_id,
    desk: row.desk,
    businessDate: row.business_date,
    amountMinor: row.amount_minor,
    currency: row.currency,
    reason: row.reason,
    note: row.note,
    status: row.status,
    requestedBy: row.requested_by,
    approvedBy: row.approved_by,
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    receipt: row.receipt_id && row.receipt_number ? { id: row.receipt_id, number: row.receipt_number } : null,
  }));
}

/** Refunds of a payment waiting for a manager: their amounts are held against what is refundable. */
export async function pendingRefundMinor(db: Executor, paymentId: string): Promise<number> {
  const row = await db
    .selectFrom("refund")
    .select(sql<string>`coalesce(sum(amount_minor), 0)`.as("pending"))
    .where("payment_id", "=", paymentId)
    .where("status", "=", "pending_approval")
    .executeTakeFirstOrThrow();
  return Number(row.pending);
}

// --- Balances ---------------------------------------------------------------------------------

/** What a client owes per currency, from the ledger (negative: a credit in their favour). */
export async function clientBalances(db: Executor, organizationId: string, clientId: string): Promise<{ currency: string; balanceMinor: number }[]> {
  const rows = await db
    .selectFrom("ledger_entry")
    .select(["currency", sql<string>`sum(amount_minor)`.as("balance")])
    .where("organization_id", "=", organizationId)
    .where("account", "=", `receivable:${clientId}`)
    .groupBy("currency")
    .orderBy("currency")
    .execute();
  return rows.map((row) => ({ currency: row.currency, balanceMinor: Number(row.balance) }));
}
