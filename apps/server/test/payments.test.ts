import { TRPCError } from "@trpc/server";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businessDateOf } from "../src/modules/payments/support.js";
import { purgeIdempotencyKeys } from "../src/modules/payments/idempotency.js";
import { publicDetails } from "../src/trpc/trpc.js";
import { errorCodeOf, failureOf, testTargets, createTestServer, type TestServer } from "./harness.js";
import { CVC, GOOD_EXPIRY, VISA_DECLINED, VISA_OK, key, ledgerRowCount, setUpDesk, unbalancedLedgerTransactions } from "./payments.fixtures.js";

describe.each(testTargets())("payments on %s", (target) => {
  let server: TestServer;
  let desk: Awaited<ReturnType<typeof setUpDesk>>;
  let year: number;

  beforeAll(async () => {
    server = await createTestServer(target);
    desk = await setUpDesk(server);
    year = Number(businessDateOf(server.clock.now(), "Europe/Madrid").slice(0, 4));
  });
  afterAll(async () => server?.close());

  const newCharge = (lines = [{ productId: desk.products.cleaning.id, quantity: 1 }], clientId: string | undefined = desk.client.id) =>
    desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, ...(clientId ? { clientId } : {}), lines });

  it("keeps a catalog of products with prices and VAT rates", async () => {
    expect(await desk.desk.products.list({ officeId: desk.officeId })).toHaveLength(2);
    expect(await errorCodeOf(desk.desk.products.create({ officeId: desk.officeId, name: "X", unitPriceMinor: 1, taxRateBasisPoints: 0 }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(desk.owner.products.create({ officeId: desk.officeId, name: "Cepillo", unitPriceMinor: 1, taxRateBasisPoints: 0 }))).toBe("PRODUCT_NAME_TAKEN");
    expect((await failureOf(desk.owner.products.create({ officeId: desk.officeId, name: "Negative", unitPriceMinor: -1, taxRateBasisPoints: 0 }))).issues[0]?.path).toEqual(["unitPriceMinor"]);
    const gel = await desk.owner.products.create({ officeId: desk.officeId, name: "Gel", unitPriceMinor: 500, taxRateBasisPoints: 2100 });
    const updated = await desk.manager.products.update({ id: gel.id, unitPriceMinor: 550, active: false });
    expect(updated).toMatchObject({ unitPriceMinor: 550, active: false, currency: "EUR" });
    expect((await desk.desk.products.list({})).map((product) => product.name)).not.toContain("Gel");
  });

  it("computes a charge's totals and VAT per rate exactly, and posts it to the ledger", async () => {
    const charge = await newCharge([
      { productId: desk.products.cleaning.id, quantity: 1 },
      { productId: desk.products.brush.id, quantity: 2 },
    ]);
    // Prices include VAT: 60.50 at 21 % (base 50.00 + 10.50) and 2 × 12.10 at 10 % (base 22.00 + 2.20).
    expect(charge).toMatchObject({ totalMinor: 8470, taxMinor: 1270, netMinor: 7200, balanceMinor: 8470, status: "open", currency: "EUR" });
    expect(charge.taxes).toEqual([
      { rateBasisPoints: 2100, netMinor: 5000, taxMinor: 1050 },
      { rateBasisPoints: 1000, netMinor: 2200, taxMinor: 220 },
    ]);
    const rows = await server.db.selectFrom("ledger_entry").select(["account", "amount_minor"]).where("charge_id", "=", charge.id).orderBy("account").execute();
    expect(rows).toEqual([
      { account: `receivable:${desk.client.id}`, amount_minor: 8470 },
      { account: "revenue", amount_minor: -7200 },
      { account: "tax_payable", amount_minor: -1270 },
    ]);
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
  });

  it("takes cash with change, issues the first receipt of the series, and settles the balance", async () => {
    const before = (await desk.desk.payments.balance({ clientId: desk.client.id })).balances[0]?.balanceMinor ?? 0;
    const charge = await newCharge();
    const result = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "cash", tenderedMinor: 10000 } });
    expect(result).toMatchObject({ changeMinor: 3950, replayed: false, payment: { status: "captured", method: "cash", amountMinor: 6050, tenderedMinor: 10000, changeMinor: 3950 } });
    expect(result.receipt?.number).toMatch(new RegExp(`^${year}-F-\\d{6}$`));
    expect((await desk.desk.charges.get({ id: charge.id })).status).toBe("paid");
    expect((await desk.desk.payments.balance({ clientId: desk.client.id })).balances[0]?.balanceMinor).toBe(before);
    const receipts = await desk.clerk.receipts.list({ officeId: desk.officeId });
    expect(receipts.map((receipt) => receipt.number)).toContain(result.receipt!.number);
    const document = await desk.clerk.receipts.get({ id: result.receipt!.id });
    expect(document.html).toContain(result.receipt!.number);
    expect(document.html).toContain("Limpieza dental");
    const pdf = await desk.clerk.receipts.pdf({ id: result.receipt!.id, locale: "it" });
    expect(pdf.fileName).toBe(`${result.receipt!.number}.pdf`);
    expect(Buffer.from(pdf.base64, "base64").subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("refuses to change or delete an issued receipt, or to post an unbalanced ledger transaction", async () => {
    const [receipt] = await desk.clerk.receipts.list({});
    await expect(server.db.updateTable("receipt").set({ total_minor: 1 } as never).where("id", "=", receipt!.id).execute()).rejects.toThrow(/immutable/);
    await expect(server.db.deleteFrom("receipt").where("id", "=", receipt!.id).execute()).rejects.toThrow(/immutable/);
    const transactionId = "00000000-0000-4000-8000-000000000001";
    await expect(
      server.db.insertInto("ledger_entry").values({ organization_id: desk.organizationId, office_id: desk.officeId, transaction_id: transactionId, account: "cash_drawer", amount_minor: 100, currency: "EUR", business_date: "2026-01-01", kind: "adjustment" }).execute(),
    ).rejects.toThrow(/does not balance/);
    expect(await server.db.selectFrom("ledger_entry").select("id").where("transaction_id", "=", transactionId).execute()).toEqual([]);
  });

  it("takes partial payments up to what is owed, and refuses more with nothing moved", async () => {
    const charge = await newCharge([{ productId: desk.products.brush.id, quantity: 3 }]);
    await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", amountMinor: 1000, details: { method: "check", checkNumber: "000123" } });
    const rows = await ledgerRowCount(server);
    expect(await failureOf(desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", amountMinor: 3000, details: { method: "cash" } }))).toEqual({ code: "AMOUNT_ABOVE_BALANCE", issues: [] });
    expect(await errorCodeOf(desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", amountMinor: 100, details: { method: "cash", tenderedMinor: 50 } }))).toBe("CASH_TENDERED_INSUFFICIENT");
    expect(await ledgerRowCount(server)).toBe(rows);
    const rest = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "terminal", approvalCode: "A1B2C3", last4: "4242" } });
    expect(rest.payment).toMatchObject({ amountMinor: 2630, card: { last4: "4242" }, reference: "A1B2C3" });
    expect((await desk.desk.charges.get({ id: charge.id })).balanceMinor).toBe(0);
  });

  it("refuses bad input with clear errors and leaves no trace in the ledger", async () => {
    const charge = await newCharge();
    const rows = await ledgerRowCount(server);
    const payments = await server.db.selectFrom("payment").select(sql<string>`count(*)`.as("count")).executeTakeFirstOrThrow();
    const take = (details: unknown, amountMinor?: unknown) =>
      failureOf(desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", ...(amountMinor === undefined ? {} : { amountMinor }), details } as never));
    expect(await take({ method: "cash" }, -500)).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: ["amountMinor"] }] });
    expect(await take({ method: "cash" }, 12.5)).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: ["amountMinor"] }] });
    expect(await take({ method: "cash" }, 999_999)).toMatchObject({ code: "AMOUNT_ABOVE_BALANCE" });
    expect(await take({ method: "card", card: { number: "4242 4242 4242 4241", cvc: CVC, ...GOOD_EXPIRY } })).toMatchObject({ code: "CARD_NUMBER_INVALID" });
    const malformed = await take({ method: "card", card: { number: "4242-abcd", cvc: CVC, ...GOOD_EXPIRY } });
    expect(malformed.code).toBe("VALIDATION_FAILED");
    expect(malformed.issues.map((issue) => issue.path)).toContainEqual(["details", "card", "number"]);
    expect(await take({ method: "card", card: { number: VISA_OK, cvc: CVC, expMonth: 1, expYear: 2020 } })).toMatchObject({ code: "CARD_EXPIRED" });
    expect(await take({ method: "card", card: { number: VISA_OK, cvc: "12", ...GOOD_EXPIRY } })).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await take({ method: "terminal", approvalCode: "A1", last4: "42" })).toMatchObject({ code: "VALIDATION_FAILED" });
    // A quantity with more than three decimals is refused at the edge, naming the field.
    expect(await failureOf(desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, lines: [{ productId: desk.products.brush.id, quantity: 1.0001 }] }))).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: ["lines", 0, "quantity"], key: "validation.quantity_invalid" }],
    });
    // An office whose currency is not an ISO 4217 code we know (say, data from an old import).
    await server.db.updateTable("office").set({ currency: "ZZZ" }).where("id", "=", desk.officeId).execute();
    try {
      expect(await errorCodeOf(newCharge())).toBe("CURRENCY_UNKNOWN");
    } finally {
      await server.db.updateTable("office").set({ currency: "EUR" }).where("id", "=", desk.officeId).execute();
    }
    expect(await ledgerRowCount(server)).toBe(rows);
    expect((await server.db.selectFrom("payment").select(sql<string>`count(*)`.as("count")).executeTakeFirstOrThrow()).count).toBe(payments.count);
  });

  it("records a declined card as a failed payment, with no receipt and nothing in the ledger", async () => {
    const charge = await newCharge();
    const rows = await ledgerRowCount(server);
    const receipts = (await desk.clerk.receipts.list({ limit: 200 })).length;
    const idempotencyKey = key();
    const attempt = () => desk.desk.payments.take({ idempotencyKey, chargeId: charge.id, desk: "front", details: { method: "card", card: { number: VISA_DECLINED, cvc: CVC, ...GOOD_EXPIRY } } });
    expect(await errorCodeOf(attempt())).toBe("PAYMENT_DECLINED");
    // The client sees the gateway's decline code (to say why) and the failed payment's id.
    const declined = await attempt().catch((error: unknown) => error);
    expect(declined).toBeInstanceOf(TRPCError);
    expect(publicDetails((declined as TRPCError).cause)).toEqual({ declineCode: "card_declined", paymentId: expect.any(String) });
    const failed = await desk.desk.payments.list({ chargeId: charge.id });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ status: "failed", declineCode: "card_declined", receipt: null, card: { brand: "visa", last4: "0002" } });
    expect(await ledgerRowCount(server)).toBe(rows);
    expect((await desk.clerk.receipts.list({ limit: 200 })).length).toBe(receipts);
    expect((await desk.desk.charges.get({ id: charge.id })).balanceMinor).toBe(6050);
    // The same charge can then be paid with another card.
    const paid = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "card", card: { number: VISA_OK, cvc: CVC, ...GOOD_EXPIRY } } });
    expect(paid.payment).toMatchObject({ status: "captured", gateway: "sandbox", card: { brand: "visa", last4: "4242", expMonth: GOOD_EXPIRY.expMonth, expYear: GOOD_EXPIRY.expYear } });
  });

  it("replays a payment by its idempotency key without moving money twice, and refuses the key for another request", async () => {
    const charge = await newCharge([{ productId: desk.products.brush.id, quantity: 1 }]);
    const idempotencyKey = key();
    const input = { idempotencyKey, chargeId: charge.id, desk: "front", details: { method: "cash" as const } };
    const first = await desk.desk.payments.take(input);
    const rows = await ledgerRowCount(server);
    const again = await desk.desk.payments.take(input);
    expect(again).toMatchObject({ replayed: true, payment: { id: first.payment.id }, receipt: first.receipt });
    expect(await ledgerRowCount(server)).toBe(rows);
    expect(await errorCodeOf(desk.desk.payments.take({ ...input, desk: "back" }))).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await errorCodeOf(desk.desk.payments.refund({ idempotencyKey, paymentId: first.payment.id, desk: "front", amountMinor: 1, reason: "other" }))).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(await desk.desk.payments.list({ chargeId: charge.id })).toHaveLength(1);
  });

  it("keeps idempotency keys 24 hours, then purges them", async () => {
    const total = async () => Number((await server.db.selectFrom("idempotency_key").select(sql<string>`count(*)`.as("count")).executeTakeFirstOrThrow()).count);
    const before = await total();
    expect(before).toBeGreaterThan(0);
    expect(await purgeIdempotencyKeys(server.db, new Date(server.clock.now().getTime() + 23 * 3600_000))).toBe(0);
    expect(await purgeIdempotencyKeys(server.db, new Date(server.clock.now().getTime() + 25 * 3600_000))).toBe(before);
    expect(await total()).toBe(0);
  });

  it("refunds part of a payment to its method with a correction receipt in series R that references the sale", async () => {
    const charge = await newCharge([{ productId: desk.products.cleaning.id, quantity: 1 }, { productId: desk.products.brush.id, quantity: 1 }]);
    const paid = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "card", card: { number: VISA_OK, cvc: CVC, ...GOOD_EXPIRY } } });
    // The office lets staff refund up to 50.00 alone.
    await desk.manager.payments.updateSettings({ officeId: desk.officeId, pricesIncludeTax: true, refundApprovalThresholdMinor: 5000 });
    const half = await desk.desk.payments.refund({ idempotencyKey: key(), paymentId: paid.payment.id, desk: "front", amountMinor: 3630, reason: "customer_request", note: "Half of it" });
    expect(half.refund).toMatchObject({ status: "completed", amountMinor: 3630, approvedBy: null });
    expect(half.refund.receipt?.number).toMatch(new RegExp(`^${year}-R-\\d{6}$`));
    const correction = await desk.clerk.receipts.get({ id: half.refund.receipt!.id });
    expect(correction).toMatchObject({ kind: "correction", correctsReceiptId: paid.receipt!.id, totalMinor: -3630 });
    expect(correction.html).toContain(paid.receipt!.number);
    const payment = await desk.desk.payments.get({ id: paid.payment.id });
    expect(payment).toMatchObject({ status: "partially_refunded", refundedMinor: 3630 });
    const refundRows = await server.db.selectFrom("ledger_entry").select(["account", "amount_minor"]).where("refund_id", "=", half.refund.id).orderBy("account").execute();
    expect(refundRows.find((row) => row.account === "card_clearing")?.amount_minor).toBe(-3630);
    expect(refundRows.reduce((sum, row) => sum + row.amount_minor, 0)).toBe(0);

    // More than is left, or above the threshold by a receptionist.
    expect(await errorCodeOf(desk.desk.payments.refund({ idempotencyKey: key(), paymentId: paid.payment.id, desk: "front", amountMinor: 3631, reason: "other" }))).toBe("REFUND_EXCEEDS_CAPTURED");
    await desk.manager.payments.updateSettings({ officeId: desk.officeId, pricesIncludeTax: true, refundApprovalThresholdMinor: 1000 });
    const asked = await desk.desk.payments.refund({ idempotencyKey: key(), paymentId: paid.payment.id, desk: "front", amountMinor: 3000, reason: "keying_error" });
    expect(asked.refund).toMatchObject({ status: "pending_approval", receipt: null });
    // The pending refund holds its share: only 6.30 is left to ask for.
    expect(await errorCodeOf(desk.desk.payments.refund({ idempotencyKey: key(), paymentId: paid.payment.id, desk: "front", amountMinor: 700, reason: "other" }))).toBe("REFUND_EXCEEDS_CAPTURED");
    expect((await desk.manager.payments.refunds({ status: "pending_approval" })).map((refund) => refund.id)).toEqual([asked.refund.id]);
    expect(await errorCodeOf(desk.desk.payments.decideRefund({ idempotencyKey: key(), refundId: asked.refund.id, approve: true }))).toBe("FORBIDDEN");
    const approved = await desk.manager.payments.decideRefund({ idempotencyKey: key(), refundId: asked.refund.id, approve: true });
    expect(approved.refund).toMatchObject({ status: "completed", approvedBy: expect.any(String) });
    expect(approved.refund.receipt?.number).toMatch(/-R-/);
    expect(await errorCodeOf(desk.manager.payments.decideRefund({ idempotencyKey: key(), refundId: asked.refund.id, approve: false }))).toBe("REFUND_ALREADY_DECIDED");
    expect(await desk.desk.payments.get({ id: paid.payment.id })).toMatchObject({ status: "partially_refunded", refundedMinor: 6630 });
    // A manager refunds the rest alone, above the threshold.
    const rest = await desk.manager.payments.refund({ idempotencyKey: key(), paymentId: paid.payment.id, desk: "front", amountMinor: 630, reason: "duplicate" });
    expect(rest.refund.status).toBe("completed");
    expect((await desk.desk.payments.get({ id: paid.payment.id })).status).toBe("refunded");
    expect(await unbalancedLedgerTransactions(server)).toBe(0);
    // Refunded in three parts, the sale gave back exactly its VAT and its base.
    const byAccount = await server.db
      .selectFrom("ledger_entry")
      .select(["account", sql<string>`sum(amount_minor)`.as("total")])
      .where("charge_id", "=", charge.id)
      .groupBy("account")
      .execute();
    const total = (account: string) => Number(byAccount.find((row) => row.account === account)?.total ?? 0);
    expect(total("tax_payable")).toBe(0);
    expect(total("revenue") + total("refunds")).toBe(0);
    expect(total("card_clearing")).toBe(0);
    await desk.manager.payments.updateSettings({ officeId: desk.officeId, pricesIncludeTax: true, refundApprovalThresholdMinor: 0 });
  });

  it("voids an authorization before capture (a manager above the threshold), and captures another", async () => {
    const charge = await newCharge();
    const held = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "card", capture: false, card: { number: VISA_OK, cvc: CVC, ...GOOD_EXPIRY } } });
    expect(held).toMatchObject({ payment: { status: "authorized" }, receipt: null });
    expect((await desk.desk.charges.get({ id: charge.id })).balanceMinor).toBe(0);
    expect(await errorCodeOf(desk.desk.payments.void({ idempotencyKey: key(), paymentId: held.payment.id }))).toBe("APPROVAL_REQUIRED");
    const voided = await desk.manager.payments.void({ idempotencyKey: key(), paymentId: held.payment.id });
    expect(voided.payment.status).toBe("voided");
    expect((await desk.desk.charges.get({ id: charge.id })).balanceMinor).toBe(6050);

    const second = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", details: { method: "card", capture: false, card: { number: VISA_OK, cvc: CVC, ...GOOD_EXPIRY } } });
    const captured = await desk.desk.payments.capture({ idempotencyKey: key(), paymentId: second.payment.id });
    expect(captured).toMatchObject({ payment: { status: "captured" }, receipt: { number: expect.stringMatching(/-F-/) } });
    expect(await errorCodeOf(desk.manager.payments.void({ idempotencyKey: key(), paymentId: second.payment.id }))).toBe("PAYMENT_TRANSITION_INVALID");
    expect((await desk.desk.charges.get({ id: charge.id })).status).toBe("paid");
  });

  it("charges an appointment's service through the product that prices it", async () => {
    const staffId = (await desk.owner.session.me()).staff.id;
    const service = await desk.owner.services.create({ officeId: desk.officeId, name: "Revisión", durationMinutes: 30, staffIds: [staffId] });
    const appointment = await server.db
      .insertInto("appointment")
      .values({ organization_id: desk.organizationId, office_id: desk.officeId, service_id: service.id, staff_id: staffId, client_id: desk.client.id, starts_at: "2030-01-07T09:00:00Z", ends_at: "2030-01-07T09:30:00Z", blocked_from: "2030-01-07T09:00:00Z", blocked_until: "2030-01-07T09:30:00Z" })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await errorCodeOf(desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, appointmentId: appointment.id }))).toBe("SERVICE_NOT_PRICED");
    await desk.owner.products.create({ officeId: desk.officeId, name: "Revisión", unitPriceMinor: 4000, taxRateBasisPoints: 0, serviceId: service.id });
    const charge = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, appointmentId: appointment.id });
    expect(charge).toMatchObject({ clientId: desk.client.id, appointmentId: appointment.id, totalMinor: 4000, lines: [{ description: "Revisión" }] });
    expect(await errorCodeOf(desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, appointmentId: appointment.id }))).toBe("APPOINTMENT_ALREADY_CHARGED");
  });

  it("charges a walk-in customer and emails a client's receipt in their language", async () => {
    const walkIn = await desk.desk.charges.create({ idempotencyKey: key(), officeId: desk.officeId, walkInName: "Turista", lines: [{ productId: desk.products.brush.id, quantity: 1 }] });
    const paid = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: walkIn.id, desk: "front", details: { method: "cash" } });
    expect(paid.payment.clientId).toBeNull();
    expect(await desk.desk.receipts.email({ id: paid.receipt!.id })).toEqual({ queued: false, to: null });

    const charge = await newCharge();
    const emailed = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: charge.id, desk: "front", emailReceipt: true, details: { method: "cash" } });
    const message = await server.db.selectFrom("outbox_message").selectAll().where("dedupe_key", "=", `receipt:${emailed.receipt!.id}:lucia@example.test`).executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: "email", recipient: "lucia@example.test", locale: "es", status: "pending" });
    expect(message.subject).toContain(emailed.receipt!.number);
    expect(message.subject).toContain("Factura simplificada");
    expect(message.body_html).toContain(emailed.receipt!.number);
    // Once per receipt and address.
    expect(await desk.desk.receipts.email({ id: emailed.receipt!.id })).toEqual({ queued: false, to: "lucia@example.test" });
    expect(await desk.desk.receipts.email({ id: emailed.receipt!.id, to: "other@example.test" })).toEqual({ queued: true, to: "other@example.test" });
  });

  it("closes out a desk: expected takings per method, counted cash, discrepancy, sign-off, then the day is locked", async () => {
    const today = businessDateOf(server.clock.now(), "Europe/Madrid");
    const till = "till-9";
    const a = await newCharge();
    const b = await newCharge([{ productId: desk.products.brush.id, quantity: 1 }]);
    await desk.desk.payments.take({ idempotencyKey: key(), chargeId: a.id, desk: till, details: { method: "cash", tenderedMinor: 7000 } });
    const card = await desk.desk.payments.take({ idempotencyKey: key(), chargeId: b.id, desk: till, details: { method: "card", card: { number: VISA_OK, cvc: CVC, ...GOOD_EXPIRY } } });
    await desk.manager.payments.refund({ idempotencyKey: key(), paymentId: card.payment.id, desk: till, amountMinor: 210, reason: "customer_request" });

    const day = await desk.clerk.closeOuts.day({ officeId: desk.officeId, desk: till, businessDate: today });
    expect(day).toMatchObject({ status: "open", expected: { cash: 6050, card: 1000, check: 0, terminal: 0 }, countedCashMinor: null });
    expect(await errorCodeOf(desk.manager.closeOuts.signOff({ idempotencyKey: key(), id: day.id! }))).toBe("CLOSE_OUT_STATE_INVALID");
    const counted = await desk.desk.closeOuts.count({ idempotencyKey: key(), officeId: desk.officeId, desk: till, businessDate: today, countedCashMinor: 6000, note: "Faltan 50 céntimos" });
    expect(counted).toMatchObject({ status: "counted", countedCashMinor: 6000, discrepancyMinor: -50 });
    expect(await errorCodeOf(desk.desk.closeOuts.signOff({ idempotencyKey: key(), id: day.id! }))).toBe("FORBIDDEN");
    const signed = await desk.manager.closeOuts.signOff({ idempotencyKey: key(), id: day.id! });
    expect(signed).toMatchObject({ status: "signed_off", discrepancyMinor: -50, signedOffBy: expect.any(String) });

    const late = await newCharge();
    const rows = await ledgerRowCount(server);
    expect(await errorCodeOf(desk.desk.payments.take({ idempotencyKey: key(), chargeId: late.id, desk: till, details: { method: "cash" } }))).toBe("DAY_CLOSED");
    expect(await errorCodeOf(desk.manager.payments.refund({ idempotencyKey: key(), paymentId: card.payment.id, desk: till, amountMinor: 100, reason: "other" }))).toBe("DAY_CLOSED");
    expect(await errorCodeOf(desk.desk.closeOuts.count({ idempotencyKey: key(), officeId: desk.officeId, desk: till, businessDate: today, countedCashMinor: 6050 }))).toBe("CLOSE_OUT_STATE_INVALID");
    expect(await ledgerRowCount(server)).toBe(rows);
    // The database itself refuses a payment row on the signed-off day.
    await expect(
      server.db.insertInto("payment").values({ organization_id: desk.organizationId, office_id: desk.officeId, charge_id: late.id, desk: till, business_date: today, method: "cash", gateway: "cash", status: "captured", currency: "EUR", amount_minor: 1 }).execute(),
    ).rejects.toMatchObject({ code: "FO001" });
    // Another desk is still open.
    await desk.desk.payments.take({ idempotencyKey: key(), chargeId: late.id, desk: "front", details: { method: "cash" } });
    expect((await desk.clerk.closeOuts.list({ officeId: desk.officeId, from: today, to: today })).find((item) => item.desk === till)).toMatchObject({ status: "signed_off", countedCashMinor: 6000 });
  });

  it("numbers each series consecutively from 1 with no gap or repeat", async () => {
    const numbers = (await server.db.selectFrom("receipt").select(["series", "number"]).where("office_id", "=", desk.officeId).orderBy("series").orderBy("number").execute());
    for (const series of ["F", "R"]) {
      const sequence = numbers.filter((row) => row.series === series).map((row) => row.number);
      expect(sequence).toEqual(sequence.map((_, index) => index + 1));
    }
  });
});
