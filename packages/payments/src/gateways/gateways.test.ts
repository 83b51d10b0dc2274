import { describe, expect, it } from "vitest";
import { cashGateway, checkGateway, DECLINE_CODES, DECLINE_ERROR_CODES, isPaymentErrorCode, luhnValid, money, type PaymentGateway, SANDBOX_TEST_CARDS, sandboxGateway, terminalGateway } from "../index.js";

const eur = (amount: number) => money(amount, "EUR");
const sandbox = sandboxGateway({ today: () => "2026-11-23" });
const card = (number: string, overrides: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) => ({
  method: "card" as const,
  card: { number, expMonth: 12, expYear: 2028, cvc: number.startsWith("3") ? "1234" : "123", ...overrides },
});

describe("sandbox gateway", () => {
  it("has documented test cards with valid numbers", () => {
    for (const test of SANDBOX_TEST_CARDS) expect(luhnValid(test.number), test.number).toBe(true);
  });

  it.each(SANDBOX_TEST_CARDS.map((test) => [test.number, test.outcome] as const))("answers %s with %s, without throwing", async (number, outcome) => {
    const result = await sandbox.authorize({ amount: eur(4200), reference: "pay-1", details: card(number) });
    if (outcome === "approved") {
      expect(result).toMatchObject({ ok: true, status: "authorized", amount: eur(4200), card: { last4: number.slice(-4), expMonth: 12, expYear: 2028 } });
    } else {
      expect(result).toMatchObject({ ok: false, decline: outcome });
    }
    // Nothing of the number but the last four ever comes back.
    expect(JSON.stringify(result)).not.toContain(number.slice(0, 8));
  });

  it("is deterministic, and a token is never the number", async () => {
    const request = { amount: eur(4200), reference: "pay-7", details: card("4242424242424242") };
    const first = await sandbox.authorize(request);
    expect(await sandbox.authorize(request)).toEqual(first);
    expect(first).toMatchObject({ ok: true, card: { brand: "visa", last4: "4242" } });
    if (!first.ok) throw new Error("approved above");
    expect(first.card?.token).toMatch(/^tok_sbx_[0-9a-f]{8}$/);
    const other = await sandbox.authorize({ ...request, reference: "pay-8" });
    expect(other.ok && other.transactionId).not.toBe(first.transactionId);
  });

  it("checks the card itself: number, expiry on the date passed in, security code", async () => {
    const authorize = (details: ReturnType<typeof card>) => sandbox.authorize({ amount: eur(100), reference: "x", details });
    expect(await authorize(card("4242424242424241"))).toMatchObject({ ok: false, decline: "invalid_number" });
    expect(await authorize(card("4242424242424242", { expMonth: 10, expYear: 2026 }))).toMatchObject({ ok: false, decline: "expired_card" });
    expect(await authorize(card("4242424242424242", { expMonth: 11, expYear: 2026 }))).toMatchObject({ ok: true });
    expect(await authorize(card("4242424242424242", { expMonth: 0 }))).toMatchObject({ ok: false, decline: "invalid_expiry" });
    expect(await authorize(card("378282246310005", { cvc: "123" }))).toMatchObject({ ok: false, decline: "incorrect_cvc" });
    expect(await sandboxGateway({ today: () => "2029-01-01" }).authorize({ amount: eur(100), reference: "x", details: card("4242424242424242") })).toMatchObject({ ok: false, decline: "expired_card" });
    expect(await sandbox.authorize({ amount: eur(100), reference: "x", details: { method: "cash" } })).toMatchObject({ ok: false, decline: "invalid_details" });
  });

  it("captures, voids and refunds its own transactions", async () => {
    const authorization = await sandbox.authorize({ amount: eur(4200), reference: "pay-2", details: card("5555555555554444") });
    if (!authorization.ok) throw new Error("should approve");
    expect(sandbox.capturesOnAuthorize).toBe(false);
    expect(await sandbox.capture({ transactionId: authorization.transactionId, reference: "pay-2", amount: eur(4200) })).toMatchObject({ ok: true, amount: eur(4200) });
    expect(await sandbox.refund({ transactionId: authorization.transactionId, reference: "refund-1", amount: eur(2100) })).toMatchObject({ ok: true, amount: eur(2100) });
    expect(await sandbox.void({ transactionId: authorization.transactionId, reference: "void-1" })).toMatchObject({ ok: true });
    expect(await sandbox.refund({ transactionId: "cash_1234", reference: "r", amount: eur(1) })).toMatchObject({ ok: false, decline: "invalid_details" });
    await expect(sandbox.capture({ transactionId: authorization.transactionId, reference: "pay-2", amount: eur(0) })).rejects.toMatchObject({ code: "AMOUNT_INVALID" });
  });
});

describe("offline gateways", () => {
  const gateways: PaymentGateway[] = [cashGateway(), checkGateway(), terminalGateway()];

  it("take the money at once and answer the same to the same reference", async () => {
    for (const gateway of gateways) expect(gateway.capturesOnAuthorize).toBe(true);
    const cash = await cashGateway().authorize({ amount: eur(1250), reference: "pay-3", details: { method: "cash", tendered: 2000 } });
    expect(cash).toMatchObject({ ok: true, status: "captured", change: eur(750) });
    expect(await cashGateway().authorize({ amount: eur(1250), reference: "pay-3", details: { method: "cash", tendered: 2000 } })).toEqual(cash);
    expect(await cashGateway().authorize({ amount: eur(1250), reference: "pay-3", details: { method: "cash", tendered: 1000 } })).toMatchObject({ ok: false, decline: "invalid_details" });
    expect(await cashGateway().authorize({ amount: eur(1250), reference: "pay-3", details: { method: "cash" } })).not.toHaveProperty("change");
  });

  it("record the check number, or the terminal's approval code and last four", async () => {
    expect(await checkGateway().authorize({ amount: eur(9000), reference: "p", details: { method: "check", checkNumber: " 0012345 " } })).toMatchObject({ ok: true, checkNumber: "0012345" });
    expect(await checkGateway().authorize({ amount: eur(9000), reference: "p", details: { method: "check", checkNumber: "" } })).toMatchObject({ ok: false, decline: "invalid_details" });
    const terminal = terminalGateway();
    expect(await terminal.authorize({ amount: eur(9000), reference: "p", details: { method: "terminal", approvalCode: "a1b2c3", last4: "0005", brand: "visa" } })).toMatchObject({
      ok: true,
      status: "captured",
      approvalCode: "A1B2C3",
      cardLast4: "0005",
      cardBrand: "visa",
    });
    expect(await terminal.authorize({ amount: eur(9000), reference: "p", details: { method: "terminal", approvalCode: "12", last4: "0005" } })).toMatchObject({ ok: false, decline: "invalid_details" });
    expect(await terminal.authorize({ amount: eur(9000), reference: "p", details: { method: "terminal", approvalCode: "123456", last4: "5" } })).toMatchObject({ ok: false, decline: "invalid_details" });
    expect(await terminal.authorize({ amount: eur(9000), reference: "p", details: { method: "cash" } })).toMatchObject({ ok: false, decline: "invalid_details" });
    expect(await terminal.refund({ transactionId: "terminal_1", reference: "r1", amount: eur(100) })).toMatchObject({ ok: true, amount: eur(100) });
    await expect(terminal.authorize({ amount: eur(-1), reference: "p", details: { method: "terminal", approvalCode: "123456", last4: "0005" } })).rejects.toMatchObject({ code: "AMOUNT_INVALID" });
  });

  it("map every decline to an error code a desk can translate", () => {
    for (const code of DECLINE_CODES) expect(isPaymentErrorCode(DECLINE_ERROR_CODES[code])).toBe(true);
  });
});
