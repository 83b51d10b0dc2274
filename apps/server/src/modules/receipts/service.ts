import type { Transaction } from "kysely";
import { jsonb, type Database } from "@frontoffice/db";
import { DomainError, type ClientEmail, type Locale } from "@frontoffice/domain";
import {
  DEFAULT_RECEIPT_SERIES,
  RECEIPT_LABELS,
  formatMoney,
  nextReceiptNumber,
  receiptTotals,
  receiptView,
  renderReceiptHtml,
  renderReceiptPdf,
  type Receipt,
  type ReceiptKind,
} from "@frontoffice/payments";
import type { Actor } from "../../trpc/actor.js";
import { enqueueMessage } from "../../outbox/queries.js";
import type { Executor } from "../payments/support.js";
import { findReceipt, listReceipts, takeReceiptSequence, type ReceiptSummary, type StoredReceipt } from "./queries.js";

/** What a receipt is about, besides what is printed on it. */
export interface ReceiptLinks {
  officeId: string;
  chargeId: string | null;
  paymentId: string | null;
  refundId: string | null;
  clientId: string | null;
  correctsReceiptId: string | null;
  locale: Locale;
}

/**
 * Issues a receipt inside the caller's transaction: takes the next number of the office's series
 * for the kind (sales `F`, corrections `R`) and the business year, and stores the document as
 * printed. The receipt row can never change afterwards.
 */
export async function issueReceipt(
  trx: Transaction<Database>,
  actor: Pick<Actor, "organizationId" | "staffId">,
  kind: ReceiptKind,
  businessYear: number,
  document: Omit<Receipt, "number" | "kind">,
  links: ReceiptLinks,
): Promise<ReceiptSummary> {
  const series = DEFAULT_RECEIPT_SERIES[kind];
  const sequence = await takeReceiptSequence(trx, actor.organizationId, links.officeId, series, businessYear);
  const { number } = nextReceiptNumber({ year: businessYear, series, last: sequence - 1 });
  const snapshot: Receipt = { ...document, number, kind };
  const total = receiptTotals(snapshot).total.amount;
  const row = await trx
    .insertInto("receipt")
    .values({
      organization_id: actor.organizationId,
      office_id: links.officeId,
      series,
      year: businessYear,
      number: sequence,
      display_number: number,
      kind,
      corrects_receipt_id: links.correctsReceiptId,
      charge_id: links.chargeId,
      payment_id: links.paymentId,
      refund_id: links.refundId,
      client_id: links.clientId,
      locale: links.locale,
      currency: document.currency,
      total_minor: kind === "correction" ? -total : total,
      snapshot: jsonb<unknown>(snapshot),
      issued_at: document.issuedAt,
      issued_by: actor.staffId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    officeId: links.officeId,
    number,
    series,
    year: businessYear,
    sequence,
    kind,
    correctsReceiptId: links.correctsReceiptId,
    chargeId: links.chargeId,
    paymentId: links.paymentId,
    refundId: links.refundId,
    clientId: links.clientId,
    customerName: document.customer?.name ?? null,
    locale: links.locale,
    currency: document.currency,
    totalMinor: kind === "correction" ? -total : total,
    issuedAt: document.issuedAt,
  };
}

export function receiptsOf(actor: Pick<Actor, "db" | "organizationId">, filter: Parameters<typeof listReceipts>[2]): Promise<ReceiptSummary[]> {
  return listReceipts(actor.db, actor.organizationId, filter);
}

async function receiptOrNotFound(db: Executor, organizationId: string, id: string): Promise<StoredReceipt> {
  const receipt = await findReceipt(db, organizationId, id);
  if (!receipt) throw new DomainError("NOT_FOUND", "receipt not found");
  return receipt;
}

/** A receipt with its printable HTML, in `locale` (default: the one it was issued in). */
export async function receiptDocument(actor: Pick<Actor, "db" | "organizationId">, id: string, locale?: Locale): Promise<ReceiptSummary & { html: string }> {
  const { snapshot, ...summary } = await receiptOrNotFound(actor.db, actor.organizationId, id);
  return { ...summary, html: renderReceiptHtml(snapshot, locale ?? summary.locale) };
}

/** The receipt as a PDF, base64-encoded (tRPC carries JSON). */
export async function receiptPdf(actor: Pick<Actor, "db" | "organizationId">, id: string, locale?: Locale): Promise<{ number: string; fileName: string; base64: string }> {
  const receipt = await receiptOrNotFound(actor.db, actor.organizationId, id);
  const bytes = await renderReceiptPdf(receipt.snapshot, locale ?? receipt.locale);
  return { number: receipt.number, fileName: `${receipt.number}.pdf`, base64: Buffer.from(bytes).toString("base64") };
}

/**
 * Queues the receipt by email in the client's language: the printable HTML as the body, and a
 * plain-text version (the outbox carries no attachments: the PDF is available from
 * `receipts.pdf`). Queued once per receipt and address (the outbox's dedupe key).
 * Returns whether a message was queued (false: already queued, or no address).
 */
export async function enqueueReceiptEmail(db: Executor, organizationId: string, receiptId: string, to?: string, now?: Date): Promise<{ queued: boolean; to: string | null }> {
  const receipt = await receiptOrNotFound(db, organizationId, receiptId);
  let recipient = to ?? null;
  let locale = receipt.locale;
  if (receipt.clientId) {
    const client = await db.selectFrom("client").select(["emails", "preferred_locale"]).where("organization_id", "=", organizationId).where("id", "=", receipt.clientId).executeTakeFirst();
    if (client) {
      locale = client.preferred_locale;
      recipient ??= (client.emails as ClientEmail[])[0]?.address ?? null;
    }
  }
  if (!recipient) return { queued: false, to: null };
  const view = receiptView(receipt.snapshot, locale);
  const total = formatMoney(receiptTotals(receipt.snapshot).total, locale);
  const labels = RECEIPT_LABELS[locale];
  const text = [
    receipt.snapshot.office.name,
    `${view.title} ${receipt.number}`,
    ...view.lines.map((cells) => `${cells[0]} × ${cells[1]}: ${cells[5]}`),
    `${labels.total}: ${receipt.kind === "correction" ? `-${total}` : total}`,
    ...view.payments,
  ].join("\n");
  const queued = await enqueueMessage(db, {
    organization_id: organizationId,
    channel: "email",
    recipient,
    subject: `${view.title} ${receipt.number} · ${receipt.snapshot.office.name}`,
    body_text: text,
    body_html: renderReceiptHtml(receipt.snapshot, locale),
    locale,
    dedupe_key: `receipt:${receipt.id}:${recipient.toLowerCase()}`,
    ...(now ? { run_after: now } : {}),
  });
  return { queued, to: recipient };
}
