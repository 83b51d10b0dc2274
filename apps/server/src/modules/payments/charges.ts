/**
 * Charges: what a client (or a walk-in customer) owes for a sale of products and/or an
 * appointment's service. Totals and the tax breakdown are computed by `@frontoffice/payments`
 * (its rounding rule) and stored; the charge is posted to the ledger (the client's receivable
 * against revenue and tax payable) in the same transaction.
 */
import { DomainError, chargeCancelInputSchema, chargeInputSchema, type ChargeCancelInput, type ChargeInput, type chargeListSchema } from "@frontoffice/domain";
import { jsonb, type Database } from "@frontoffice/db";
import { WALK_IN, chargeCancellationEntry, chargeEntry, computeTotals, money, type LineItem } from "@frontoffice/payments";
import type { Transaction } from "kysely";
import type { z } from "zod";
import type { Actor } from "../../trpc/actor.js";
import { translatingUniqueViolations } from "../../database-errors.js";
import { diffFields, recordChangeBy } from "../audit/queries.js";
import { findClient } from "../clients/queries.js";
import { listProducts } from "../products/queries.js";
import { onceForKey } from "./idempotency.js";
import { findCharge, findOfficeMoneyContext, listCharges, type ChargeView } from "./queries.js";
import { businessDateOf, postJournalEntry, withPaymentRules } from "./support.js";

type Trx = Transaction<Database>;

const CHARGE_UNIQUE_KEYS = { charge_appointment_key: "APPOINTMENT_ALREADY_CHARGED" } as const;

interface PricedLine {
  productId: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxRateBasisPoints: number;
}

/**
 * What `charges.create` and `charges.cancel` return: the charge as it is now, and `replayed`:
 * true when this call replayed an earlier one with the same idempotency key (nothing moved).
 */
export type ChargeResult = ChargeView & { replayed: boolean };

/**
 * Charges a sale behind its idempotency key: a replay returns the charge as it is now (paid,
 * cancelled…) with `replayed: true` and posts nothing.
 */
export async function createCharge(actor: Actor, raw: ChargeInput): Promise<ChargeResult> {
  const input = chargeInputSchema.parse(raw);
  const at = actor.clock.now();
  const { chargeId, replayed } = await actor.db.transaction().execute(async (trx) => {
    const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "charges.create", input: { ...input, idempotencyKey: undefined }, at }, async () => ({
      chargeId: (await insertCharge(trx, actor, input, at)).id,
    }));
    return { ...outcome.result, replayed: outcome.replayed };
  });
  return { ...(await chargeById(actor, chargeId)), replayed };
}

async function insertCharge(trx: Trx, actor: Actor, input: z.output<typeof chargeInputSchema>, at: Date): Promise<ChargeView> {
  const office = await findOfficeMoneyContext(trx, actor.organizationId, input.officeId);
  if (!office) throw new DomainError("NOT_FOUND", "office not found");
  let clientId = input.clientId ?? null;

  const priced: PricedLine[] = [];
  if (input.appointmentId) {
    const appointment = await trx
      .selectFrom("appointment")
      .select(["id", "client_id", "service_id", "office_id"])
      .where("organization_id", "=", actor.organizationId)
      .where("id", "=", input.appointmentId)
      .executeTakeFirst();
    if (!appointment || appointment.office_id !== office.id) throw new DomainError("NOT_FOUND", "appointment not found");
    if (clientId && clientId !== appointment.client_id) throw new DomainError("VALIDATION_FAILED", "the appointment is another client's", { issues: [{ path: ["clientId"], key: "validation.invalid" }] });
    clientId = appointment.client_id;
    const [product] = await listProducts(trx, actor.organizationId, { serviceId: appointment.service_id, officeId: office.id });
    if (!product) throw new DomainError("SERVICE_NOT_PRICED", "no product prices the appointment's service", { serviceId: appointment.service_id });
    priced.push({ productId: product.id, description: product.name, quantity: 1, unitPriceMinor: product.unitPriceMinor, discountMinor: 0, taxRateBasisPoints: product.taxRateBasisPoints });
  }
  if (clientId) {
    const client = await findClient(trx, actor.organizationId, clientId);
    if (!client || client.archived_at) throw new DomainError("NOT_FOUND", "client not found");
  }
  const productIds = [...new Set(input.lines.map((line) => line.productId))];
  const products = await listProducts(trx, actor.organizationId, { productIds, officeId: office.id });
  for (const line of input.lines) {
    const product = products.find((item) => item.id === line.productId);
    if (!product) throw new DomainError("PRODUCT_NOT_FOUND", "product not found in the office", { productId: line.productId });
    priced.push({ productId: product.id, description: product.name, quantity: line.quantity, unitPriceMinor: product.unitPriceMinor, discountMinor: line.discountMinor ?? 0, taxRateBasisPoints: product.taxRateBasisPoints });
  }

  const totals = await withPaymentRules(async () =>
    computeTotals(
      priced.map((line): LineItem => ({
        quantity: line.quantity,
        unitPrice: money(line.unitPriceMinor, office.currency),
        ...(line.discountMinor > 0 ? { discount: { kind: "amount", amount: line.discountMinor } } : {}),
        taxRateBasisPoints: line.taxRateBasisPoints,
      })),
      { currency: office.currency, prices: office.pricesIncludeTax ? "tax_inclusive" : "tax_exclusive" },
    ),
  );

  const row = await translatingUniqueViolations(CHARGE_UNIQUE_KEYS, () =>
    trx
      .insertInto("charge")
      .values({
        organization_id: actor.organizationId,
        office_id: office.id,
        client_id: clientId,
        walk_in_name: clientId ? null : (input.walkInName ?? null),
        appointment_id: input.appointmentId ?? null,
        currency: office.currency,
        prices_include_tax: office.pricesIncludeTax,
        net_minor: totals.net.amount,
        tax_minor: totals.tax.amount,
        total_minor: totals.total.amount,
        tax_breakdown: jsonb(totals.taxes.map((row) => ({ rateBp: row.rateBasisPoints, netMinor: row.base.amount, taxMinor: row.tax.amount }))),
        status: totals.total.amount === 0 ? "paid" : "open",
        created_by: actor.staffId,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  await trx
    .insertInto("charge_line")
    .values(
      priced.map((line, position) => {
        const total = totals.lines[position]!;
        return {
          organization_id: actor.organizationId,
          charge_id: row.id,
          position,
          product_id: line.productId,
          description: line.description,
          quantity: line.quantity,
          unit_price_minor: line.unitPriceMinor,
          discount_minor: total.discount.amount,
          tax_rate_bp: line.taxRateBasisPoints,
          net_minor: total.net.amount,
          tax_minor: total.tax.amount,
          total_minor: total.gross.amount,
        };
      }),
    )
    .execute();
  if (totals.total.amount > 0) {
    const entry = chargeEntry({ client: clientId ?? WALK_IN, at: at.toISOString(), reference: row.id, net: totals.net, tax: totals.tax });
    await postJournalEntry(trx, entry, { organizationId: actor.organizationId, officeId: office.id, clientId, businessDate: businessDateOf(at, office.timeZone), chargeId: row.id }, at);
  }
  const charge = await findCharge(trx, actor.organizationId, row.id);
  if (!charge) throw new DomainError("INTERNAL", "charge vanished");
  await recordChangeBy(trx, actor, { type: "charge", id: charge.id }, "create", diffFields({}, { officeId: charge.officeId, clientId, appointmentId: charge.appointmentId, totalMinor: charge.totalMinor, currency: charge.currency }), at);
  return charge;
}

/**
 * Cancels an unpaid sale: only while nothing is paid or authorized on it (a payment to give back
 * is a refund). The charge's ledger entry is reversed (the client's receivable, revenue and tax
 * payable back where they were), the appointment it was for can be charged again, and the
 * change is audited. Charges belong to no desk, so a signed-off day does not hold them: the
 * reversal moves no takings. Errors: CHARGE_NOT_CANCELLABLE (`details.status`, `details.paidMinor`).
 */
export async function cancelCharge(actor: Actor, raw: ChargeCancelInput): Promise<ChargeResult> {
  const input = chargeCancelInputSchema.parse(raw);
  const at = actor.clock.now();
  const { chargeId, replayed } = await actor.db.transaction().execute(async (trx) => {
    const outcome = await onceForKey(trx, { organizationId: actor.organizationId, key: input.idempotencyKey, procedure: "charges.cancel", input: { id: input.id }, at }, async () => {
      // Locked: a payment taken at the same time waits for this, then finds nothing owed.
      const charge = await findCharge(trx, actor.organizationId, input.id, true);
      if (!charge) throw new DomainError("NOT_FOUND", "charge not found");
      if (charge.status !== "open" || charge.paidMinor > 0) {
        throw new DomainError("CHARGE_NOT_CANCELLABLE", "only an unpaid open charge can be cancelled", { status: charge.status, paidMinor: charge.paidMinor });
      }
      const office = await findOfficeMoneyContext(trx, actor.organizationId, charge.officeId);
      if (!office) throw new DomainError("NOT_FOUND", "office not found");
      await trx.updateTable("charge").set({ status: "cancelled" }).where("organization_id", "=", actor.organizationId).where("id", "=", charge.id).execute();
      if (charge.totalMinor > 0) {
        const entry = chargeCancellationEntry({ client: charge.clientId ?? WALK_IN, at: at.toISOString(), reference: charge.id, net: money(charge.netMinor, charge.currency), tax: money(charge.taxMinor, charge.currency) });
        await postJournalEntry(trx, entry, { organizationId: actor.organizationId, officeId: charge.officeId, clientId: charge.clientId, businessDate: businessDateOf(at, office.timeZone), chargeId: charge.id }, at);
      }
      await recordChangeBy(trx, actor, { type: "charge", id: charge.id }, "update", { status: { from: "open", to: "cancelled" } }, at);
      return { chargeId: charge.id };
    });
    return { ...outcome.result, replayed: outcome.replayed };
  });
  return { ...(await chargeById(actor, chargeId)), replayed };
}

export async function chargeById(actor: Pick<Actor, "db" | "organizationId">, id: string): Promise<ChargeView> {
  const charge = await findCharge(actor.db, actor.organizationId, id);
  if (!charge) throw new DomainError("NOT_FOUND", "charge not found");
  return charge;
}

export function chargesOf(actor: Pick<Actor, "db" | "organizationId">, filter: z.output<typeof chargeListSchema>): Promise<ChargeView[]> {
  return listCharges(actor.db, actor.organizationId, filter);
}
