import type { Receipt } from "@frontoffice/payments";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorCodeOf, testTargets, createTestServer, type TestServer } from "./harness.js";
import { CVC, GOOD_EXPIRY, VISA_OK, key, ledgerRowCount, setUpDesk, unbalancedLedgerTransactions } from "./payments.fixtures.js";

/** Charges behind idempotency keys, cancelling an unpaid sale, receipts by customer, corrections' tax rows. */
describe.each(testTargets())("charges and receipts on %s", (target) => {
  let server: TestServer;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;

  beforeAll(async () => {
    server = await createTestServer(target);
    desk = await setUpDesk(server, "Charges");
  });
  afterAll(async () => server?.close());

  const balanceOf = async (clientId: string) => (await desk.desk.payments.balance({ clientId })).balances.find((row) => row.currency === "EUR")?.balanceMinor ?? 0;
  const newClient = (givenName: string) => desk.desk.clients.create({ officeId: desk.officeId, givenName, familyName: "Prueba", preferredLocale: "es" });

  it("charges once per idempotency key: a replay returns the same charge and posts nothing; another input is refused", async () => {
    const client = await newClient("Repetida");
    const input = { idempotencyKey: key(), officeId: desk.officeId, clientId: client.id, lines: [{ productId: desk.products.brush.id, quantity: 2 }] };
    const first = await desk.desk.charges.create(input);
    expect(first).toMatchObject({ replayed: false, totalMinor: 2420, status: "open" });
    const rows = await ledgerRowCount(server);
    // The answer was lost and the desk sends the same request again.
    const again = await desk.desk.charges.create(input);
    expect(again).toMatchObject({ id: first.id, replayed: true, totalMinor: 2420 });
    expect(await ledgerRowCount(server)).toBe(rows);
    expect(await balanceOf(client.id)).toBe(2420);
    expect(await desk.desk.charges.list({ clientId: client.id })).toHaveLength(1);
    // The same key for another sale, or for another procedure, is refused and charges nothing.
    expect(await errorCodeOf(desk.desk.charges.create({ ...input, lines: [{ productId: desk.products.brush.id, quantity: 3 }] }))).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await errorCodeOf(desk.desk.payments.take({ idempotencyKey: input.idempotencyKey, chargeId: first.id, desk: "front", details: { method: "cash" } }))).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await ledgerRowCount(server)).toBe(rows);
    expect(await balanceOf(client.id)).toBe(2420);
    // A refused charge keeps no key: the same key then works for a valid request.
    const badKey = key();
    expect(await errorCodeOf(desk.desk.charges.create({ ...input, idempotencyKey: badKey, lines: [{ productId: desk.products.brush.id, quantity: 1, discountMinor: 5000 }] }))).toBe("DISCOUNT_INVALID");
    expect(await desk.desk.charges.create({ ...input, idempotencyKey: badKey })).toMatchObject({ replayed: false });
  });

  it("cancels an unpaid sale: the client's balance returns to zero and the ledger stays balanced", async () => {
    const client = await newClient("Cancelada");
    const charge = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: client.id, lines: [{ productId: desk.products.cleaning.id, quantity: 1 }, { productId: desk.products.brush.id, quantity: 1 }] });
    expect(await balanceOf(client.id)).toBe(7260);
    const cancelKey = key();
    const cancelled = await desk.desk.charges.cancel({ idempotencyKey: cancelKey, id: charge.id });
    expect(cancelled).toMatchObject({ id: charge.id, status: "cancelled", balanceMinor: 0, paidMinor: 0, replayed: false });
    expect(await balanceOf(client.id)).toBe(0);
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
    const byAccount = await server.db.selectFrom("ledger_entry").select(["account", "kind", sql<string>`sum(amount_minor)`.as("total")]).where("charge_id", "=", charge.id).groupBy(["account", "kind"]).orderBy("kind").orderBy("account").execute();
    expect(byAccount.map((row) => [row.kind, row.account, Number(row.total)])).toEqual([
      ["charge", `receivable:${client.id}`, 7260],
      ["charge", "revenue", -6100],
      ["charge", "tax_payable", -1160],
      ["charge_cancellation", `receivable:${client.id}`, -7260],
      ["charge_cancellation", "revenue", 6100],
      ["charge_cancellation", "tax_payable", 1160],
    ]);
    const audit = await server.db.selectFrom("audit_log").select(["action", "changes"]).where("entity_type", "=", "charge").where("entity_id", "=", charge.id).orderBy("at").execute();
    expect(audit.map((row) => row.action)).toEqual(["create", "update"]);
    expect(audit[1]!.changes).toEqual({ status: { from: "open", to: "cancelled" } });

    // Idempotent: a replay moves nothing; a second cancellation with a new key is refused.
    const rows = await ledgerRowCount(server);
    expect(await desk.desk.charges.cancel({ idempotencyKey: cancelKey, id: charge.id })).toMatchObject({ status: "cancelled", replayed: true });
    expect(await errorCodeOf(desk.desk.charges.cancel({ idempotencyKey: key(), id: charge.id }))).toBe("CHARGE_NOT_CANCELLABLE");
    expect(await ledgerRowCount(server)).toBe(rows);
    // Nothing can be paid on it any more.
    expect(await errorCodeOf(desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "cash" } }))).toBe("AMOUNT_ABOVE_BALANCE");
    expect(await balanceOf(client.id)).toBe(0);
    expect(await errorCodeOf(desk.clerk.charges.cancel({ idempotencyKey: key(), id: charge.id }))).toBe("FORBIDDEN");
  });

  it("refuses to cancel a sale with money paid or held on it, and cancels a walk-in's", async () => {
    const client = await newClient("Pagada");
    const partly = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: client.id, lines: [{ productId: desk.products.cleaning.id, quantity: 1 }] });
    await desk.desk.payments.take({ idempotencyKey: key(), chargeId: partly.id, desk: "front", amountMinor: 1000, details: { method: "cash" } });
    expect(await errorCodeOf(desk.desk.charges.cancel({ idempotencyKey: key(), id: partly.id }))).toBe("CHARGE_NOT_CANCELLABLE");
    const held = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: client.id, lines: [{ productId: desk.products.brush.id, quantity: 1 }] });
    await desk.desk.payments.take({ idempotencyKey: key(), chargeId: held.id, desk: "front", details: { method: "card", capture: false, card: { number: VISA_OK, cvc: CVC, ...GOOD_EXPIRY } } });
    expect(await errorCodeOf(desk.desk.charges.cancel({ idempotencyKey: key(), id: held.id }))).toBe("CHARGE_NOT_CANCELLABLE");
    expect(await balanceOf(client.id)).toBe(6050 - 1000 + 1210);

    const walkIn = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, walkInName: "Paseante", lines: [{ productId: desk.products.brush.id, quantity: 1 }] });
    expect(await desk.desk.charges.cancel({ idempotencyKey: key(), id: walkIn.id })).toMatchObject({ status: "cancelled", balanceMinor: 0 });
    const walkInLedger = await server.db.selectFrom("ledger_entry").select(sql<string>`sum(amount_minor)`.as("total")).where("account", "=", "receivable:walk-in").where("charge_id", "=", walkIn.id).executeTakeFirstOrThrow();
    expect(Number(walkInLedger.total)).toBe(0);
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
  });

  it("lists receipts with the customer's name, by client and by part of the name", async () => {
    const client = await desk.desk.clients.create({ officeId: desk.officeId, givenName: "Íñigo", familyName: "Zubizarreta", preferredLocale: "es" });
    const sale = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: client.id, lines: [{ productId: desk.products.brush.id, quantity: 1 }] });
    const paid = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: sale.id, desk: "front", details: { method: "cash" } });
    const walkIn = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, walkInName: "Turista Zurich", lines: [{ productId: desk.products.brush.id, quantity: 1 }] });
    const walkInPaid = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: walkIn.id, desk: "front", details: { method: "cash" } });

    const byClient = await desk.clerk.receipts.list({ clientId: client.id });
    expect(byClient.map((receipt) => [receipt.id, receipt.customerName])).toEqual([[paid.receipt!.id, "Íñigo Zubizarreta"]]);
    // Accents and case ignored for clients (as the clients' search folds them); a walk-in by the printed name.
    expect((await desk.clerk.receipts.list({ customer: "inigo zubi" })).map((receipt) => receipt.id)).toEqual([paid.receipt!.id]);
    expect((await desk.clerk.receipts.list({ customer: "TURISTA" })).map((receipt) => [receipt.id, receipt.customerName])).toEqual([[walkInPaid.receipt!.id, "Turista Zurich"]]);
    expect((await desk.clerk.receipts.list({ customer: "zu" })).map((receipt) => receipt.id).sort()).toEqual([paid.receipt!.id, walkInPaid.receipt!.id].sort());
    expect(await desk.clerk.receipts.list({ customer: "50%_" })).toEqual([]);
    expect((await desk.clerk.receipts.get({ id: walkInPaid.receipt!.id })).customerName).toBe("Turista Zurich");
  });

  it("prints on each correction the tax the ledger took back: three partial refunds give back exactly the sale's tax", async () => {
    // €1.00 at 21 % and €12.10 at 10 %, tax included: €1.27 of VAT. A breakdown recomputed
    // from each correction's gross would print €1.29 over the three.
    const floss = await desk.owner.products.create({ officeId: desk.officeId, name: "Hilo dental", unitPriceMinor: 100, taxRateBasisPoints: 2100 });
    const charge = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, clientId: desk.client.id, lines: [{ productId: floss.id, quantity: 1 }, { productId: desk.products.brush.id, quantity: 1 }] });
    expect(charge).toMatchObject({ totalMinor: 1310, taxMinor: 127 });
    const paid = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "cash" } });
    const corrections: Receipt[] = [];
    for (const amountMinor of [436, 436, 438]) {
      const { refund } = await desk.manager.payments.refund({ idempotencyKey: key(), paymentId: paid.payment.id, desk: "front", amountMinor, reason: "customer_request" });
      expect(refund.status).toBe("completed");
      const row = await server.db.selectFrom("receipt").select("snapshot").where("id", "=", refund.receipt!.id).executeTakeFirstOrThrow();
      corrections.push(row.snapshot as Receipt);
      const posted = await server.db.selectFrom("ledger_entry").select("amount_minor").where("refund_id", "=", refund.id).where("account", "=", "tax_payable").executeTakeFirst();
      const printed = (row.snapshot as Receipt).taxes!.reduce((sum, tax) => sum + tax.tax.amount, 0);
      expect(printed).toBe(posted?.amount_minor ?? 0);
    }
    const printedTax = corrections.flatMap((receipt) => receipt.taxes ?? []).reduce((sum, row) => sum + row.tax.amount, 0);
    expect(printedTax).toBe(127);
    // The last correction's page shows the rows left: 0.05 at 21 % and 0.36 at 10 %.
    const last = await desk.clerk.receipts.list({ clientId: desk.client.id, number: corrections[2]!.number });
    const html = (await desk.clerk.receipts.get({ id: last[0]!.id, locale: "en" })).html;
    expect(html).toContain("<td>21%</td><td class=\"n\">-€0.29</td><td class=\"n\">-€0.05</td>");
    expect(html).toContain("<td>10%</td><td class=\"n\">-€3.68</td><td class=\"n\">-€0.36</td>");
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
  });
});
